package cli

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"

	"kabar/store"
	"kabar/store/fetch"
	"kabar/ui/safe"
)

func (a *app) fetchCommand() *cobra.Command {
	var only string
	var maxSize int64
	cmd := &cobra.Command{
		Use:     "fetch",
		Short:   "Fetch subscribed feeds into the library",
		GroupID: groupFeeds,
		Args:    noArgs,
		PreRunE: func(*cobra.Command, []string) error {
			if maxSize <= 0 {
				return usagef("--max-size must be a positive number of MB, got %d", maxSize)
			}
			return nil
		},
		RunE: a.writing(func(cmd *cobra.Command, _ []string, s *store.Store) error {
			ctx := cmd.Context()
			results, err := (&fetch.Fetcher{MaxBytes: maxSize << 20}).FetchAll(ctx, s, only, func(_, _ int, r fetch.Result) {
				if r.Err != nil {
					fmt.Fprintf(a.errOut, "failed: %v\n", r.Err)
				}
			})
			if err != nil {
				return err
			}
			fmt.Fprintln(a.out, fetchSummary(results))
			if ctx.Err() != nil {
				return fmt.Errorf("fetch: %w: what was stored stays; fetch again to finish", store.ErrInterrupted)
			}
			for _, r := range results {
				if r.Err != nil {
					return exitError(ExitFailure)
				}
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&only, "feed", "", "fetch only this feed (URL or name)")
	cmd.Flags().Int64Var(&maxSize, "max-size", fetch.DefaultMaxBytes>>20, "refuse a feed larger than this many MB")
	return cmd
}

// fetchSummary says what a fetch did in one line, naming the feeds that
// failed (the first three, then how many more).
func fetchSummary(results []fetch.Result) string {
	var added, updated, notModified int
	var failed []string
	for _, r := range results {
		added += r.Summary.New
		updated += r.Summary.Updated
		if r.NotModified {
			notModified++
		}
		if r.Err != nil {
			failed = append(failed, safe.Line(r.Feed.Name))
		}
	}
	line := fmt.Sprintf("fetched %d feeds: %d new articles, %d updated, %d unchanged feeds, %d failed",
		len(results), added, updated, notModified, len(failed))
	if len(failed) == 0 {
		return line
	}
	names := strings.Join(failed[:min(len(failed), 3)], ", ")
	if len(failed) > 3 {
		names += fmt.Sprintf(" and %d more", len(failed)-3)
	}
	return line + " (" + names + "; kabar feed list says why)"
}
