package cli

import (
	"os"
	"path/filepath"

	"kabar/store"
)

// libraryPath resolves the library file: --db, then KABAR_DB, then the XDG
// data directory.
func libraryPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := os.Getenv("KABAR_DB"); env != "" {
		return env
	}
	return filepath.Join(xdgDir("XDG_DATA_HOME", ".local/share"), "kabar", "library.db")
}

// libraryNamed reports whether the user named a library (--db or KABAR_DB)
// rather than relying on the default place.
func (a *app) libraryNamed() bool { return a.db != "" || os.Getenv("KABAR_DB") != "" }

// xdgDir returns an XDG base directory, with its default under $HOME.
func xdgDir(env, fallback string) string {
	if dir := os.Getenv(env); dir != "" && filepath.IsAbs(dir) {
		return dir
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "kabar")
	}
	return filepath.Join(home, fallback)
}

// openLibrary opens the library for writing, creating it when missing.
func (a *app) openLibrary() (*store.Store, error) {
	return store.Open(libraryPath(a.db))
}

// openForReading opens an existing library without writing to it: reading
// commands create nothing and work on a read-only library.
func (a *app) openForReading() (*store.Store, error) {
	return store.OpenReadOnly(libraryPath(a.db))
}
