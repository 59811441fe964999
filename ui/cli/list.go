package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"kabar/articles"
	"kabar/store"
	"kabar/ui/safe"
)

func (a *app) listCommand() *cobra.Command {
	var asJSON, unread, starred bool
	var limit int
	cmd := &cobra.Command{
		Use:     "list",
		Short:   "List articles, newest first",
		GroupID: groupLibrary,
		Args:    noArgs,
		RunE: a.reading(func(cmd *cobra.Command, _ []string, s *store.Store) error {
			ls, err := s.List(cmd.Context(), store.ListOptions{Limit: limit, Unread: unread, Starred: starred})
			if err != nil {
				return err
			}
			return printListings(a.out, ls, asJSON)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	cmd.Flags().IntVar(&limit, "limit", 50, "how many articles")
	cmd.Flags().BoolVar(&unread, "unread", false, "only unread articles")
	cmd.Flags().BoolVar(&starred, "starred", false, "only starred articles")
	return cmd
}

// Search orders.
const (
	sortDate      = "date"
	sortRelevance = "relevance"
)

func (a *app) searchCommand() *cobra.Command {
	var asJSON bool
	var limit int
	var order string
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search titles and bodies (full text)",
		Long: "Search titles and bodies: all words must match, \"quoted phrases\" match as phrases, " +
			"word* as a prefix. Newest first; --sort relevance ranks by bm25, a title match above a body match. " +
			"Put -- before a query that starts with a dash.",
		Example: "kabar search banjir jakarta\nkabar search '\"harga beras\"' --json\nkabar search -- -minus",
		GroupID: groupLibrary,
		Args:    minArgs("a QUERY"),
		PreRunE: func(*cobra.Command, []string) error { return oneOf("sort", order, sortDate, sortRelevance) },
		RunE: a.reading(func(cmd *cobra.Command, words []string, s *store.Store) error {
			search := s.Search
			if order == sortRelevance {
				search = s.SearchByRelevance
			}
			ls, err := search(cmd.Context(), strings.Join(words, " "), 0, limit, false)
			if err != nil {
				return err
			}
			return printListings(a.out, ls, asJSON)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	cmd.Flags().IntVar(&limit, "limit", 50, "how many articles")
	cmd.Flags().StringVar(&order, "sort", sortDate, "date (newest first) or relevance (best first)")
	return cmd
}

// printListings prints one line per article, or JSON Lines.
func printListings(w io.Writer, ls []articles.Listing, asJSON bool) error {
	enc := jsonLines(w)
	for _, l := range ls {
		l = safe.Listing(l)
		if asJSON {
			if err := enc.Encode(toListingJSON(l)); err != nil {
				return fmt.Errorf("write: %w", err)
			}
			continue
		}
		if _, err := fmt.Fprintln(w, listingLine(l)); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}

// listingLine is an article's line in list and search: id, mark (• unread,
// ★ starred), date, title and outlet.
func listingLine(l articles.Listing) string {
	date := "          "
	if !l.Published.IsZero() {
		date = l.Published.Format("2006-01-02")
	}
	mark := " "
	if !l.Read {
		mark = "•"
	}
	if l.Starred {
		mark = "★"
	}
	return fmt.Sprintf("%6d %s %s  %s  (%s)", l.ID, mark, date, l.Title, l.Source)
}
