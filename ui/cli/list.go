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
	var asJSON, listSaved bool
	var limit int
	var order, saveAs, deleteName string
	cmd := &cobra.Command{
		Use:   "search QUERY",
		Short: "Search titles and bodies (full text), and keep searches by name",
		Long: "Search titles and bodies: all words must match, \"quoted phrases\" match as phrases, " +
			"word* as a prefix, -word excludes; fields title: source: author: tag: after:YYYY-MM-DD " +
			"before:YYYY-MM-DD is:unread is:read is:starred has:links narrow the results. Newest first; " +
			"--sort relevance ranks by bm25, a title match above a body match. " +
			"--save NAME keeps the query under a name (the reader's sources panel lists it with its counts), " +
			"--saved lists the kept searches and --delete NAME forgets one. " +
			"Put -- before a query that starts with a dash.",
		Example: "kabar search banjir jakarta\nkabar search '\"harga beras\"' --json\n" +
			"kabar search --save pantura 'banjir source:pesisir is:unread'\nkabar search --saved --json\nkabar search -- -minus",
		GroupID: groupLibrary,
		Args:    cobra.ArbitraryArgs,
		PreRunE: func(_ *cobra.Command, args []string) error {
			switch {
			case listSaved || deleteName != "":
				if len(args) > 0 || saveAs != "" || (listSaved && deleteName != "") {
					return usagef("--saved and --delete NAME take no query and go alone")
				}
			case len(args) == 0:
				return usagef("search needs a QUERY")
			}
			return oneOf("sort", order, sortDate, sortRelevance)
		},
		RunE: func(cmd *cobra.Command, words []string) error {
			query := strings.Join(words, " ")
			switch {
			case listSaved:
				return a.reading(a.printSavedSearches(asJSON))(cmd, words)
			case deleteName != "":
				return a.writing(func(cmd *cobra.Command, _ []string, s *store.Store) error {
					return s.DeleteSearch(cmd.Context(), deleteName)
				})(cmd, words)
			case saveAs != "":
				return a.writing(func(cmd *cobra.Command, _ []string, s *store.Store) error {
					if err := s.SaveSearch(cmd.Context(), saveAs, query); err != nil {
						return err
					}
					_, err := fmt.Fprintf(a.out, "saved %q: %s\n", saveAs, query)
					return err
				})(cmd, words)
			}
			return a.reading(func(cmd *cobra.Command, _ []string, s *store.Store) error {
				search := s.Search
				if order == sortRelevance {
					search = s.SearchByRelevance
				}
				ls, err := search(cmd.Context(), query, 0, limit, false)
				if err != nil {
					return err
				}
				return printListings(a.out, ls, asJSON)
			})(cmd, words)
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	cmd.Flags().IntVar(&limit, "limit", 50, "how many articles")
	cmd.Flags().StringVar(&order, "sort", sortDate, "date (newest first) or relevance (best first)")
	cmd.Flags().StringVar(&saveAs, "save", "", "keep the query under this name")
	cmd.Flags().BoolVar(&listSaved, "saved", false, "list the kept searches with their unread and total counts")
	cmd.Flags().StringVar(&deleteName, "delete", "", "forget the search kept under this name")
	return cmd
}

// printSavedSearches lists the saved searches with their counts.
func (a *app) printSavedSearches(asJSON bool) onLibrary {
	return func(cmd *cobra.Command, _ []string, s *store.Store) error {
		saved, err := s.SavedSearches(cmd.Context())
		if err != nil {
			return err
		}
		enc := jsonLines(a.out)
		for _, ss := range saved {
			total, unread, err := s.SearchTally(cmd.Context(), ss.Query)
			if err != nil {
				return err
			}
			if asJSON {
				err = enc.Encode(savedSearchJSON{ss.Name, ss.Query, unread, total})
			} else {
				_, err = fmt.Fprintf(a.out, "%-20s %6d unread %7d total  %s\n", ss.Name, unread, total, ss.Query)
			}
			if err != nil {
				return fmt.Errorf("write: %w", err)
			}
		}
		return nil
	}
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
	mark := " "
	if !l.Read {
		mark = "•"
	}
	if l.Starred {
		mark = "★"
	}
	return fmt.Sprintf("%6d %s %s  %s  (%s)", l.ID, mark, dayText(l.Published), l.Title, l.Source)
}
