package cli

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"kabar/ui"
)

func (a *app) configCommand() *cobra.Command {
	var printPath bool
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Edit the settings in $EDITOR (keys, theme, opener, mouse, library, refresh)",
		Long: "Open the settings file in $EDITOR (else $VISUAL, else vi), creating it with every setting " +
			"and key binding at its default, commented out. --path prints where it is: " +
			"$XDG_CONFIG_HOME/kabar/config.toml (~/.config/kabar/config.toml). After editing, kabar " +
			"says what, if anything, it could not read.",
		Args: noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			path := ui.SettingsPath()
			if printPath {
				_, err := fmt.Fprintln(a.out, path)
				return err
			}
			if err := createSettings(path); err != nil {
				return err
			}
			if err := a.runEditor(path); err != nil {
				return err
			}
			if _, err := ui.LoadSettings(path); err != nil {
				return err
			}
			_, err := fmt.Fprintf(a.out, "settings %s: ok\n", path)
			return err
		},
	}
	cmd.Flags().BoolVar(&printPath, "path", false, "print the settings file's path")
	return cmd
}

// createSettings writes the commented default settings unless the file
// exists.
func createSettings(path string) error {
	if _, err := os.Stat(path); err == nil {
		return nil
	} else if !errors.Is(err, os.ErrNotExist) {
		return fmt.Errorf("settings %s: %w", path, err)
	}
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	if err := os.WriteFile(path, []byte(ui.DefaultSettingsFile()), 0o644); err != nil {
		return fmt.Errorf("settings: %w", err)
	}
	return nil
}

// runEditor edits a file in the user's editor, on this terminal.
func (a *app) runEditor(path string) error {
	editor := firstSet(os.Getenv("EDITOR"), os.Getenv("VISUAL"), "vi")
	args := strings.Fields(editor)
	cmd := exec.Command(args[0], append(args[1:], path)...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = a.stdin, a.rawOut, a.rawErr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("editor %s: %w", editor, err)
	}
	return nil
}

func firstSet(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// loadSettings reads the settings once per invocation; a problem is
// printed (commands) or shown in the reader's status line, and kabar goes
// on with what it could read.
func (a *app) loadSettings() {
	if a.settingsLoaded {
		return
	}
	a.settingsLoaded = true
	s, err := ui.LoadSettings(ui.SettingsPath())
	a.settings = s
	if err != nil {
		a.settingsProblem = err.Error()
	}
	if a.db == "" && os.Getenv("KABAR_DB") == "" {
		a.db = s.LibraryPath()
	}
}
