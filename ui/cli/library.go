package cli

import (
	"os"
	"path/filepath"

	"github.com/spf13/cobra"

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

// onLibrary is a command's work on the open library.
type onLibrary func(cmd *cobra.Command, args []string, s *store.Store) error

// Libraries up to these sizes are checked for damage (store.CheckIfSmall)
// before a command uses them (measured in the README's check section: about
// 25 ms for 4 MB, 0.35 s for 64 MB). A reading command checks what takes a
// moment; a writing one, which would build on damage, more. kabar check
// checks a library of any size.
const (
	checkBeforeReadingUpTo = 4 << 20
	checkBeforeWritingUpTo = 64 << 20
	noCheckBefore          = -1 // kabar check itself
)

// reading runs fn on the library opened without writing to it: reading
// commands create nothing and work on a read-only library.
func (a *app) reading(fn onLibrary) func(*cobra.Command, []string) error {
	return a.withLibrary(store.OpenReadOnly, checkBeforeReadingUpTo, fn)
}

// writing runs fn on the library opened for writing, created when missing.
func (a *app) writing(fn onLibrary) func(*cobra.Command, []string) error {
	return a.withLibrary(store.Open, checkBeforeWritingUpTo, fn)
}

// withLibrary opens the library, checks it when it is at most checkUpTo
// bytes, runs fn and closes it, reporting a failed close when fn succeeded.
func (a *app) withLibrary(open func(string) (*store.Store, error), checkUpTo int64, fn onLibrary) func(*cobra.Command, []string) error {
	return func(cmd *cobra.Command, args []string) (err error) {
		s, err := open(libraryPath(a.db))
		if err != nil {
			return err
		}
		defer func() {
			if cerr := s.Close(); err == nil {
				err = cerr
			}
		}()
		if err := s.CheckIfSmall(cmd.Context(), checkUpTo); err != nil {
			return err
		}
		return s.Advise(fn(cmd, args, s))
	}
}
