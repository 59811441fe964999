package cli

import (
	"fmt"

	"github.com/spf13/cobra"

	"kabar/store"
	"kabar/ui/safe"
)

// checkCommand checks a library of any size for damage: every problem on a
// line of its own, exit status 1 when there is one.
func (a *app) checkCommand() *cobra.Command {
	var full bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Check the library file for damage",
		Long: "Checks every page and record of the library with SQLite's quick_check (--full: " +
			"integrity_check, which also compares every index with its table). Commands check " +
			"small libraries by themselves before using them; this checks one of any size " +
			"(a 600 MB library takes a few seconds).",
		GroupID: groupLibrary,
		Args:    noArgs,
		RunE: a.withLibrary(store.OpenReadOnly, noCheckBefore, func(cmd *cobra.Command, _ []string, s *store.Store) error {
			problems, err := s.Check(cmd.Context(), full)
			if err != nil {
				return err
			}
			for _, p := range problems {
				fmt.Fprintln(a.out, safe.Line(p))
			}
			if len(problems) > 0 {
				return fmt.Errorf("%s: %w: %s; %s", s.Path(), store.ErrDamaged, plural(len(problems), "problem"), store.DamagedAdvice)
			}
			fmt.Fprintf(a.out, "%s: no damage found\n", s.Path())
			return nil
		}),
	}
	cmd.Flags().BoolVar(&full, "full", false, "also check every index against its table (slower)")
	return cmd
}

// plural is n with the noun, in the plural unless n is 1.
func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
