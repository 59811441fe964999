package cli

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"kabar/articles"
	"kabar/store"
)

func (a *app) rmCommand() *cobra.Command {
	var ids []int64
	return &cobra.Command{
		Use:   "rm ID...",
		Short: "Delete articles (links to them become unresolved; importing them again restores the links)",
		Long: "Delete articles with their state, tags and related links. Links from other articles to them " +
			"become unresolved, and resolve again when the article is imported again.",
		GroupID: groupLibrary,
		Args:    minArgs("at least one article ID"),
		PreRunE: func(_ *cobra.Command, args []string) (err error) {
			ids, err = parseIDs(args)
			return err
		},
		RunE: a.writing(func(cmd *cobra.Command, _ []string, s *store.Store) error {
			rm, err := s.Delete(cmd.Context(), ids...)
			if err != nil {
				return err
			}
			if _, err := fmt.Fprintf(a.out, "deleted %s\n", plural(len(rm.IDs), "article")); err != nil {
				return err
			}
			var missing []string
			for _, id := range ids {
				if !slices.Contains(rm.IDs, id) {
					missing = append(missing, strconv.FormatInt(id, 10))
				}
			}
			if len(missing) > 0 {
				return fmt.Errorf("not in the library: %s", strings.Join(missing, ", "))
			}
			return nil
		}),
	}
}

func (a *app) pruneCommand() *cobra.Command {
	var olderThan, source string
	var dryRun, vacuum bool
	var age time.Duration
	cmd := &cobra.Command{
		Use:   "prune --older-than DURATION",
		Short: "Delete old articles, never starred or tagged ones",
		Long: "Delete articles published before the given age (imported before it, when undated), " +
			"except starred and tagged ones, and print what went. DURATION is a number of days (90d), " +
			"weeks (12w), years (1y) or a Go duration (36h). Deleted space stays inside the library file " +
			"until --vacuum rewrites it.",
		Example: "kabar prune --older-than 90d --dry-run\nkabar prune --older-than 1y --source \"Kabar Sungai\" --vacuum",
		GroupID: groupLibrary,
		Args:    noArgs,
		PreRunE: func(*cobra.Command, []string) (err error) {
			if olderThan == "" {
				return usagef("prune needs --older-than DURATION (90d, 12w, 1y)")
			}
			age, err = parseAge(olderThan)
			return err
		},
		RunE: a.writing(func(cmd *cobra.Command, _ []string, s *store.Store) error {
			printBatch := func(batch []articles.Listing) error {
				for _, l := range batch {
					if _, err := fmt.Fprintln(a.out, listingLine(l)); err != nil {
						return err
					}
				}
				return nil
			}
			gone, err := s.Prune(cmd.Context(), store.PruneOptions{Before: time.Now().Add(-age), Source: source, DryRun: dryRun, Removed: printBatch})
			if err != nil {
				return err
			}
			verb := "removed"
			if dryRun {
				verb = "would remove"
			}
			if _, err := fmt.Fprintf(a.out, "%s %s\n", verb, plural(gone, "article")); err != nil {
				return err
			}
			return a.reportFreeSpace(cmd, s, vacuum && !dryRun)
		}),
	}
	cmd.Flags().StringVar(&olderThan, "older-than", "", "age of the articles to delete: 90d, 12w, 1y, 36h")
	cmd.Flags().StringVar(&source, "source", "", "only this outlet's articles (its exact name)")
	cmd.Flags().BoolVar(&dryRun, "dry-run", false, "print what would go, delete nothing")
	cmd.Flags().BoolVar(&vacuum, "vacuum", false, "rewrite the library file afterwards so that it shrinks")
	return cmd
}

// reportFreeSpace says how much space deleted articles left in the library,
// or gives it back to the disk with VACUUM.
func (a *app) reportFreeSpace(cmd *cobra.Command, s *store.Store, vacuum bool) error {
	free, err := s.FreeBytes(cmd.Context())
	if err != nil || free == 0 {
		return err
	}
	if vacuum {
		if err := s.Vacuum(cmd.Context()); err != nil {
			return err
		}
		_, err = fmt.Fprintf(a.out, "gave %s back to the disk\n", megabytes(free))
		return err
	}
	_, err = fmt.Fprintf(a.out, "%s free inside the library; --vacuum gives it back to the disk\n", megabytes(free))
	return err
}

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

// parseAge reads 90d, 12w, 1y or a Go duration.
func parseAge(v string) (time.Duration, error) {
	units := map[string]time.Duration{"d": 24 * time.Hour, "w": 7 * 24 * time.Hour, "y": 365 * 24 * time.Hour}
	for suffix, unit := range units {
		if n, err := strconv.Atoi(strings.TrimSuffix(v, suffix)); err == nil && strings.HasSuffix(v, suffix) && n > 0 {
			return time.Duration(n) * unit, nil
		}
	}
	if d, err := time.ParseDuration(v); err == nil && d > 0 {
		return d, nil
	}
	return 0, usagef("--older-than %q: give days (90d), weeks (12w), years (1y) or a duration (36h)", v)
}
