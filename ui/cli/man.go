package cli

import (
	"fmt"

	mango "github.com/muesli/mango-cobra"
	"github.com/muesli/roff"
	"github.com/spf13/cobra"
)

// manCommand writes kabar's man page (roff) to the command's standard
// output. fang has a man command of its own, but it writes to the process's
// os.Stdout whatever stream kabar was given, so kabar turns it off
// (fang.WithoutManpage) and keeps this one.
func (a *app) manCommand() *cobra.Command {
	return &cobra.Command{
		Use:                   "man",
		Short:                 "Write kabar's man page (roff) to standard output",
		Example:               "kabar man | man -l -",
		Args:                  cobra.NoArgs,
		DisableFlagsInUseLine: true,
		RunE: func(cmd *cobra.Command, _ []string) error {
			page, err := mango.NewManPage(1, cmd.Root())
			if err != nil {
				return fmt.Errorf("man page: %w", err)
			}
			if _, err := fmt.Fprint(cmd.OutOrStdout(), page.Build(roff.NewDocument())); err != nil {
				return fmt.Errorf("man page: %w", err)
			}
			return nil
		},
	}
}
