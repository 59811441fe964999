package cli

import (
	"context"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"

	"kabar/store"
	"kabar/store/fetch"
	"kabar/ui/safe"
)

func (a *app) feedCommand() *cobra.Command {
	cmd := &cobra.Command{
		Use:                        "feed",
		Short:                      "Manage feed subscriptions",
		GroupID:                    groupFeeds,
		SuggestionsMinimumDistance: 2,
		Args:                       cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("feed needs a subcommand: add, list, remove, import, export")
			}
			hint := ""
			if s := cmd.SuggestionsFor(args[0]); len(s) > 0 {
				hint = fmt.Sprintf(" (did you mean %q?)", s[0])
			}
			return usagef("unknown feed subcommand %q%s: add, list, remove, import, export", args[0], hint)
		},
	}
	cmd.AddCommand(a.feedAddCommand(), a.feedListCommand(), a.feedRemoveCommand(), a.feedImportCommand(), a.feedExportCommand())
	return cmd
}

func (a *app) feedAddCommand() *cobra.Command {
	var name string
	var fullText bool
	cmd := &cobra.Command{
		Use:   "add URL",
		Short: "Subscribe to a feed",
		Args:  exactArgs(1, "one feed URL"),
		RunE: a.writing(func(cmd *cobra.Command, args []string, s *store.Store) error {
			f, err := s.AddFeed(cmd.Context(), args[0], name, fullText)
			if err != nil {
				return err
			}
			fmt.Fprintf(a.out, "subscribed to %s (%s)\n", f.URL, f.Name)
			return nil
		}),
	}
	cmd.Flags().StringVar(&name, "name", "", "the feed's name (default: its title)")
	cmd.Flags().BoolVar(&fullText, "full-text", false, "fetch each entry's page for the full article")
	return cmd
}

func (a *app) feedListCommand() *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "list",
		Short: "List subscriptions and their last fetch",
		Args:  noArgs,
		RunE: a.reading(func(cmd *cobra.Command, _ []string, s *store.Store) error {
			return printFeeds(cmd.Context(), s, a.out, asJSON)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	return cmd
}

func (a *app) feedRemoveCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "remove URL|NAME",
		Short: "Unsubscribe (the feed's articles stay)",
		Args:  exactArgs(1, "one feed URL or name"),
		RunE: a.writing(func(cmd *cobra.Command, args []string, s *store.Store) error {
			if err := s.RemoveFeed(cmd.Context(), args[0]); err != nil {
				return err
			}
			fmt.Fprintf(a.out, "unsubscribed from %s\n", args[0])
			return nil
		}),
	}
}

func (a *app) feedImportCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "import FILE.opml",
		Short: "Subscribe to every feed in an OPML file (- for standard input)",
		Args:  exactArgs(1, "one OPML file"),
		RunE: a.writing(func(cmd *cobra.Command, args []string, s *store.Store) error {
			return a.importOPML(cmd.Context(), s, args[0])
		}),
	}
}

func (a *app) feedExportCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "export",
		Short: "Print the subscriptions as OPML 2.0",
		Args:  noArgs,
		RunE: a.reading(func(cmd *cobra.Command, _ []string, s *store.Store) error {
			feeds, err := s.Feeds(cmd.Context())
			if err != nil {
				return err
			}
			return fetch.WriteOPML(a.out, feeds)
		}),
	}
}

// importOPML subscribes to the feeds of an OPML file, reporting the ones it
// could not take.
func (a *app) importOPML(ctx context.Context, s *store.Store, path string) error {
	r := a.stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	feeds, err := fetch.ReadOPML(r)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	added := 0
	for _, f := range feeds {
		if _, err := s.AddFeed(ctx, f.URL, f.Name, false); err != nil {
			fmt.Fprintf(a.errOut, "skipped: %v\n", err)
			continue
		}
		added++
	}
	fmt.Fprintf(a.out, "subscribed to %d of %d feeds in %s\n", added, len(feeds), path)
	return nil
}

// printFeeds prints the subscriptions, one line each, or JSON Lines.
func printFeeds(ctx context.Context, s *store.Store, w io.Writer, asJSON bool) error {
	feeds, err := s.Feeds(ctx)
	if err != nil {
		return err
	}
	enc := jsonLines(w)
	for _, f := range feeds {
		f.Name, f.URL, f.LastError = safe.Line(f.Name), safe.Line(f.URL), safe.Line(f.LastError)
		if asJSON {
			if err := enc.Encode(toFeedJSON(f)); err != nil {
				return err
			}
			continue
		}
		state := "never fetched"
		if !f.LastFetched.IsZero() {
			state = "fetched " + f.LastFetched.Format("2006-01-02 15:04")
		}
		if f.LastError != "" {
			state += " — error: " + f.LastError
		}
		if _, err := fmt.Fprintf(w, "%-20s %s  (%s)\n", f.Name, f.URL, state); err != nil {
			return err
		}
	}
	return nil
}
