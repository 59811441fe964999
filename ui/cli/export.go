package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/spf13/cobra"
	"gopkg.in/yaml.v3"

	"kabar/articles"
	"kabar/store"
)

// Export formats.
const (
	exportMarkdown = "markdown"
	exportJSONL    = "jsonl"
)

func (a *app) exportCommand() *cobra.Command {
	var format, query string
	cmd := &cobra.Command{
		Use:   "export DIR|-",
		Short: "Write the library, or what a search finds, as Markdown files or JSON Lines",
		Long: "Write the articles, or those --query finds, for other tools and for research.\n\n" +
			"--format markdown: one file per article in DIR, with YAML front matter (title, source, url, " +
			"published, authors, editors, related with the ids they resolved to) that kabar import " +
			"reads back into the same library.\n\n" +
			"--format jsonl: the show --json shape, one article per line, into DIR/articles.jsonl or to " +
			"standard output (-), and into a DIR also links.csv (from,to,match,title): the link graph.",
		Example: "kabar export --format markdown ~/berita-md\nkabar export --format jsonl --query banjir - | jq .title",
		GroupID: groupLibrary,
		Args:    exactArgs(1, "a directory, or - for standard output"),
		PreRunE: func(_ *cobra.Command, args []string) error {
			if err := oneOf("format", format, exportMarkdown, exportJSONL); err != nil {
				return err
			}
			if args[0] == "-" && format == exportMarkdown {
				return usagef("markdown export writes one file per article: give a directory, or use --format jsonl for standard output")
			}
			return nil
		},
		RunE: a.reading(func(cmd *cobra.Command, args []string, s *store.Store) error {
			dest := args[0]
			n, err := a.export(cmd.Context(), s, format, query, dest)
			if err != nil {
				return err
			}
			if dest != "-" {
				fmt.Fprintf(a.out, "exported %d articles to %s\n", n, dest)
			}
			return nil
		}),
	}
	cmd.Flags().StringVar(&format, "format", "", "markdown or jsonl (required)")
	cmd.Flags().StringVar(&query, "query", "", "export only the articles this search finds")
	_ = cmd.MarkFlagRequired("format")
	return cmd
}

// export writes every article (or every match of query) to dest and says
// how many it wrote.
func (a *app) export(ctx context.Context, s *store.Store, format, query, dest string) (int, error) {
	if dest != "-" {
		if err := os.MkdirAll(dest, 0o755); err != nil {
			return 0, fmt.Errorf("export: %w", err)
		}
	}
	var write func(articles.Stored) error
	var finish func() error
	switch {
	case format == exportMarkdown:
		write, finish = func(art articles.Stored) error { return writeMarkdownFile(dest, art) }, func() error { return nil }
	case dest == "-":
		enc := jsonLines(a.out)
		write, finish = func(art articles.Stored) error { return enc.Encode(toArticleJSON(art)) }, func() error { return nil }
	default:
		f, err := os.Create(filepath.Join(dest, "articles.jsonl"))
		if err != nil {
			return 0, fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		enc := jsonLines(f)
		write, finish = func(art articles.Stored) error { return enc.Encode(toArticleJSON(art)) }, f.Close
	}
	exported := map[int64]bool{}
	err := eachArticle(ctx, s, query, func(art articles.Stored) error {
		exported[art.ID] = true
		return write(art)
	})
	if err == nil {
		err = finish()
	}
	if err == nil && format == exportJSONL && dest != "-" {
		err = writeLinksCSV(ctx, s, filepath.Join(dest, "links.csv"), exported)
	}
	if err != nil {
		return len(exported), fmt.Errorf("export to %s: %w", dest, err)
	}
	return len(exported), nil
}

// eachArticle calls fn with every stored article, newest first, or with
// every article query finds.
func eachArticle(ctx context.Context, s *store.Store, query string, fn func(articles.Stored) error) error {
	ids, err := s.IDs(ctx, query)
	if err != nil {
		return err
	}
	for _, id := range ids {
		art, err := s.Article(ctx, id)
		if err != nil {
			return err
		}
		if err := fn(art); err != nil {
			return err
		}
	}
	return nil
}

// markdownFront is the front matter of an exported article, in the names
// kabar import reads.
type markdownFront struct {
	Title     string            `yaml:"title"`
	Source    string            `yaml:"source,omitempty"`
	URL       string            `yaml:"url,omitempty"`
	Published string            `yaml:"published,omitempty"`
	Authors   []string          `yaml:"authors,omitempty"`
	Editors   []string          `yaml:"editors,omitempty"`
	Related   []markdownRelated `yaml:"related,omitempty"`
}

// markdownRelated is one related link; ID is the article it resolved to in
// the exporting library (informational: a library resolves links itself).
type markdownRelated struct {
	Title string `yaml:"title,omitempty"`
	URL   string `yaml:"url,omitempty"`
	ID    int64  `yaml:"id,omitempty"`
}

// writeMarkdownFile writes one article as DIR/ID-slug.md.
func writeMarkdownFile(dir string, art articles.Stored) error {
	front := markdownFront{Title: art.Title, Source: art.Source, URL: art.URL, Authors: art.Authors, Editors: art.Editors}
	if !art.Published.IsZero() {
		front.Published = art.Published.Format(time.RFC3339)
	}
	for _, r := range art.Related {
		front.Related = append(front.Related, markdownRelated{Title: r.Title, URL: r.URL, ID: r.Target})
	}
	head, err := yaml.Marshal(front)
	if err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("---\n")
	b.Write(head)
	b.WriteString("---\n\n")
	b.WriteString(art.Body)
	b.WriteString("\n")
	name := strconv.FormatInt(art.ID, 10) + "-" + slug(art.Title) + ".md"
	return os.WriteFile(filepath.Join(dir, name), []byte(b.String()), 0o644)
}

// slug makes a file-name part from a title: lowercase letters and digits of
// any script, words joined by dashes, at most 60 runes.
func slug(title string) string {
	var b strings.Builder
	dash := false
	n := 0
	for _, r := range strings.ToLower(title) {
		if n >= 60 {
			break
		}
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			if dash && b.Len() > 0 {
				b.WriteByte('-')
				n++
			}
			b.WriteRune(r)
			n++
			dash = false
			continue
		}
		dash = true
	}
	if b.Len() == 0 {
		return "article"
	}
	return b.String()
}

// writeLinksCSV writes the related links of the exported articles:
// from,to,match,title (to is empty for a link to no stored article).
func writeLinksCSV(ctx context.Context, s *store.Store, path string, from map[int64]bool) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	w := csv.NewWriter(f)
	if err := w.Write(articles.LinkGraphHeader); err != nil {
		return err
	}
	err = s.Links(ctx, false, func(l store.Link) error {
		if !from[l.From] {
			return nil
		}
		to := ""
		if l.Target != 0 {
			to = strconv.FormatInt(l.Target, 10)
		}
		return w.Write([]string{strconv.FormatInt(l.From, 10), to, string(l.Match), firstOf(l.Title, l.URL)})
	})
	if err != nil {
		return err
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	return f.Close()
}
