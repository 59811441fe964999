package cli

import (
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"kabar/articles"
	"kabar/store"
	"kabar/ui/safe"
)

func (a *app) similarCommand() *cobra.Command {
	var asJSON bool
	var limit int
	var id int64
	cmd := &cobra.Command{
		Use:   "similar ID",
		Short: "Print the stored articles most like one, without a link between them",
		Long: "Print the stored articles most like article ID, best first: ranked by the BM25 weights of the " +
			"article's most distinctive terms (title first, then lead, stop words left out). Copies of the same " +
			"story from other outlets come first, marked \"same story\". The score is 0 to 1.",
		Example: "kabar similar 42\nkabar similar 42 --json --limit 5",
		GroupID: groupLibrary,
		Args:    exactArgs(1, "one article ID"),
		PreRunE: func(_ *cobra.Command, args []string) (err error) {
			if limit < 1 {
				return usagef("--limit must be at least 1")
			}
			id, err = parseID(args[0])
			return err
		},
		RunE: a.reading(func(cmd *cobra.Command, _ []string, s *store.Store) error {
			found, err := s.Similar(cmd.Context(), id, limit)
			if err != nil {
				return err
			}
			return printSimilar(a.out, found, asJSON)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	cmd.Flags().IntVar(&limit, "limit", 10, "how many articles")
	return cmd
}

// printSimilar prints similar articles a line each, or JSON Lines.
func printSimilar(w io.Writer, found []articles.Similar, asJSON bool) error {
	enc := jsonLines(w)
	var b strings.Builder
	for _, f := range found {
		f.Listing = safe.Listing(f.Listing)
		if asJSON {
			if err := enc.Encode(toSimilarJSON(f)); err != nil {
				return fmt.Errorf("write: %w", err)
			}
			continue
		}
		note := ""
		if f.SameStory {
			note = "  same story"
		}
		fmt.Fprintf(&b, "%6d  %.2f  %s  %s  (%s)%s\n", f.ID, f.Score, dayText(f.Published), f.Title, f.Source, note)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

func (a *app) storyCommand() *cobra.Command {
	var asJSON bool
	var id int64
	cmd := &cobra.Command{
		Use:   "story ID",
		Short: "Print the story thread of an article, oldest first",
		Long: "Print the articles connected to article ID as one story, oldest first: the articles its related " +
			"links lead to, the articles whose related links lead to it, and theirs in turn (at most six steps " +
			"and 200 articles, the nearest in time first), with the strongly similar articles published within " +
			"three days of it. Each says how it joined: link, backlink or similar. The text form marks the " +
			"article itself with ▸; --json leaves it out.",
		Example: "kabar story 42\nkabar story 42 --json",
		GroupID: groupLibrary,
		Args:    exactArgs(1, "one article ID"),
		PreRunE: func(_ *cobra.Command, args []string) (err error) {
			id, err = parseID(args[0])
			return err
		},
		RunE: a.reading(func(cmd *cobra.Command, _ []string, s *store.Store) error {
			thread, err := s.Story(cmd.Context(), id)
			if err != nil {
				return err
			}
			return printStory(a.out, thread, asJSON)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines (without the article itself)")
	return cmd
}

// printStory prints a thread a line each, the article itself marked, or
// JSON Lines of the other articles.
func printStory(w io.Writer, thread []articles.StoryEntry, asJSON bool) error {
	enc := jsonLines(w)
	var b strings.Builder
	for _, e := range thread {
		e.Listing = safe.Listing(e.Listing)
		if asJSON {
			if e.Via == articles.ViaSelf {
				continue
			}
			if err := enc.Encode(toStoryJSON(e)); err != nil {
				return fmt.Errorf("write: %w", err)
			}
			continue
		}
		mark, via := " ", string(e.Via)
		if e.Via == articles.ViaSelf {
			mark, via = "▸", ""
		}
		fmt.Fprintf(&b, "%s %6d  %s  %-8s  %s  (%s)\n", mark, e.ID, dayText(e.Published), via, e.Title, e.Source)
	}
	if _, err := io.WriteString(w, b.String()); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// dayText is a date as the similar and story lines show it, blank when
// unknown.
func dayText(t time.Time) string {
	if t.IsZero() {
		return "          "
	}
	return t.Format("2006-01-02")
}
