package cli

import (
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/spf13/cobra"

	"kabar/articles"
	"kabar/store"
	"kabar/ui/safe"
)

func (a *app) showCommand() *cobra.Command {
	var asJSON bool
	var id int64
	cmd := &cobra.Command{
		Use:     "show ID",
		Short:   "Print one article with its related links and backlinks",
		GroupID: groupLibrary,
		Args:    exactArgs(1, "one article ID"),
		PreRunE: func(_ *cobra.Command, args []string) (err error) {
			id, err = parseID(args[0])
			return err
		},
		RunE: a.reading(func(cmd *cobra.Command, _ []string, s *store.Store) error {
			art, err := s.Article(cmd.Context(), id)
			if err != nil {
				return err
			}
			art = safe.Article(art)
			if asJSON {
				enc := jsonLines(a.out)
				enc.SetIndent("", "  ")
				return enc.Encode(toArticleJSON(art))
			}
			return printArticle(a.out, art)
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object")
	return cmd
}

// printArticle prints an article as text: title, byline, URL, body, then
// its related links and backlinks.
func printArticle(w io.Writer, a articles.Stored) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", a.Title)
	meta := []string{}
	for _, m := range []string{a.Source, dateText(a.Published), strings.Join(a.Authors, ", ")} {
		if m != "" {
			meta = append(meta, m)
		}
	}
	fmt.Fprintf(&b, "%s\n", strings.Join(meta, " · "))
	if a.URL != "" {
		fmt.Fprintf(&b, "%s\n", a.URL)
	}
	if len(a.Tags) > 0 {
		fmt.Fprintf(&b, "tags: %s\n", strings.Join(a.Tags, ", "))
	}
	fmt.Fprintf(&b, "\n%s\n", a.Body)
	if len(a.Related) > 0 {
		b.WriteString("\nRelated:\n")
		for i, r := range a.Related {
			fmt.Fprintf(&b, "  %d. %s%s\n", i+1, firstOf(r.Title, r.URL), refNote(r))
		}
	}
	if len(a.ReferencedBy) > 0 {
		b.WriteString("\nReferenced by:\n")
		for _, r := range a.ReferencedBy {
			fmt.Fprintf(&b, "  [%d] %s\n", r.ID, r.Title)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func refNote(r articles.Ref) string {
	if r.Target == 0 {
		return "  (not in library)"
	}
	return fmt.Sprintf("  → [%d] (%s)", r.Target, r.Match)
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006 15:04")
}

func (a *app) linksCommand() *cobra.Command {
	var asJSON, unresolved bool
	cmd := &cobra.Command{
		Use:     "links",
		Short:   "Print every related link and how it resolved",
		GroupID: groupLibrary,
		Args:    noArgs,
		RunE: a.reading(func(cmd *cobra.Command, _ []string, s *store.Store) error {
			enc := jsonLines(a.out)
			return s.Links(cmd.Context(), unresolved, func(l store.Link) error {
				l.Title, l.URL = safe.Line(l.Title), safe.Line(l.URL)
				if asJSON {
					return enc.Encode(toLinkJSON(l))
				}
				_, err := fmt.Fprintln(a.out, linkLine(l))
				return err
			})
		}),
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print JSON Lines")
	cmd.Flags().BoolVar(&unresolved, "unresolved", false, "only links not resolved to a stored article")
	return cmd
}

// linkLine is a link's line in links: from → to, how it matched, title.
func linkLine(l store.Link) string {
	target := "-"
	if l.Target != 0 {
		target = strconv.FormatInt(l.Target, 10)
	}
	return fmt.Sprintf("%6d → %-6s %-10s %s", l.From, target, l.Match, firstOf(l.Title, l.URL))
}
