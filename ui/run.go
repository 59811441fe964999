package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"
)

// Run runs the reader full-screen until the user quits.
func Run(lib Library, opts Options, programOpts ...tea.ProgramOption) error {
	if _, err := tea.NewProgram(New(lib, opts), programOpts...).Run(); err != nil {
		return fmt.Errorf("ui: %w", err)
	}
	return nil
}
