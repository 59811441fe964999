package articles

import (
	"fmt"
	"io"
	"strings"
	"time"

	"gopkg.in/yaml.v3"
)

// frontMatter is the YAML header a Markdown article may start with.
type frontMatter struct {
	Title     string    `yaml:"title"`
	Source    string    `yaml:"source"`
	Outlet    string    `yaml:"outlet"`
	URL       string    `yaml:"url"`
	Link      string    `yaml:"link"`
	Published yaml.Node `yaml:"published"`
	Date      yaml.Node `yaml:"date"`
	Authors   yaml.Node `yaml:"authors"`
	Author    yaml.Node `yaml:"author"`
	Editors   yaml.Node `yaml:"editors"`
	Editor    yaml.Node `yaml:"editor"`
	Related   yaml.Node `yaml:"related"`
}

// ParseMarkdown reads a Markdown article with optional YAML front matter
// (title, source, url, published, authors, editors, related). Without a title
// in the front matter, a leading "# Heading" is the title. Related lines in
// the body ("Baca juga: [Title](url)") count as refs too.
func ParseMarkdown(r io.Reader, origin Origin) (Article, error) {
	data, err := readLimited(r, MaxArticleBytes)
	if err == nil {
		err = checkText(data)
	}
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", origin, err)
	}
	a, err := parseMarkdownString(Clean(string(data)))
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", origin, err)
	}
	a.Origin = origin
	return a, nil
}

func parseMarkdownString(s string) (Article, error) {
	var a Article
	fm, body, err := splitFrontMatter(s)
	if err != nil {
		return a, err
	}
	a.Title = strings.TrimSpace(fm.Title)
	a.Source = strings.TrimSpace(firstNonEmpty(fm.Source, fm.Outlet))
	a.URL = strings.TrimSpace(firstNonEmpty(fm.URL, fm.Link))
	a.Published = nodeTime(fm.Published, fm.Date)
	if a.Published.IsZero() {
		a.Published, _ = DateFromURL(a.URL)
	}
	a.Authors = append(nodeStrings(fm.Authors), nodeStrings(fm.Author)...)
	a.Editors = append(nodeStrings(fm.Editors), nodeStrings(fm.Editor)...)
	a.Related = relatedFromNode(fm.Related)
	if a.Title == "" {
		a.Title, body = cutHeadingTitle(body)
	}
	body, refs := extractMarkdownRelated(body)
	a.Related = append(a.Related, refs...)
	a.Body = strings.TrimSpace(body)
	if first := firstParagraph(a.Body); first != "" {
		if a.Source == "" {
			if src, rest, ok := splitDateline(first); ok {
				a.Source = src
				a.Body = strings.Replace(a.Body, first, rest, 1)
			}
		}
		if a.Published.IsZero() {
			a.Published, _ = findDateIn([]string{first}, 1)
		}
		if a.Title == "" {
			a.Title = deriveTitle(first)
		}
	}
	if a.Title == "" && a.Body == "" {
		return a, ErrEmpty
	}
	return a, nil
}

// splitFrontMatter separates a leading "---" YAML block from the body.
func splitFrontMatter(s string) (frontMatter, string, error) {
	var fm frontMatter
	if !strings.HasPrefix(s, "---\n") {
		return fm, s, nil
	}
	rest := s[4:]
	end := strings.Index(rest, "\n---")
	if end < 0 {
		return fm, s, nil
	}
	head := rest[:end]
	body := rest[end+4:]
	if i := strings.IndexByte(body, '\n'); i >= 0 {
		body = body[i+1:]
	} else {
		body = ""
	}
	if err := yaml.Unmarshal([]byte(head), &fm); err != nil {
		return fm, "", fmt.Errorf("front matter: %w", err)
	}
	return fm, body, nil
}

// cutHeadingTitle takes a first-level heading that opens the body as title.
func cutHeadingTitle(body string) (string, string) {
	trimmed := strings.TrimLeft(body, "\n ")
	if !strings.HasPrefix(trimmed, "# ") {
		return "", body
	}
	line, rest, _ := strings.Cut(trimmed, "\n")
	return strings.TrimSpace(strings.TrimLeft(line, "# ")), rest
}

// firstParagraph returns the first block of body text that is not a heading,
// list, quote or code.
func firstParagraph(body string) string {
	for _, block := range strings.Split(body, "\n\n") {
		block = strings.TrimSpace(block)
		if block == "" || strings.ContainsAny(block[:1], "#>-*+|`<![") {
			continue
		}
		if i := strings.IndexByte(block, '\n'); i >= 0 {
			block = block[:i]
		}
		return block
	}
	return ""
}

// extractMarkdownRelated takes related-article markers and the titles they
// introduce out of Markdown text, leaving code blocks alone.
func extractMarkdownRelated(body string) (string, []Ref) {
	var refs []Ref
	lines := strings.Split(body, "\n")
	out := make([]string, 0, len(lines))
	inFence, inBlock, blockHasTitle := false, false, false
	for _, line := range lines {
		t := strings.TrimSpace(line)
		if strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			inFence = !inFence
		}
		if inFence || strings.HasPrefix(t, "```") || strings.HasPrefix(t, "~~~") {
			out = append(out, line)
			continue
		}
		if inBlock {
			if t == "" {
				if blockHasTitle {
					inBlock = false
					out = append(out, line)
				}
				continue
			}
			if looksLikeRefTitle(t) {
				refs = appendRef(refs, stripBullet(t))
				blockHasTitle = true
				continue
			}
			inBlock = false
		}
		plain := strings.NewReplacer("**", "", "__", "").Replace(t)
		if rest, ok := cutMarker(plain); ok {
			inBlock, blockHasTitle = rest == "", false
			if rest != "" && strings.Contains(rest, "](") {
				refs = appendRef(refs, rest)
			} else if rest != "" {
				title, after := cutRefText(rest)
				refs = appendRef(refs, title)
				if after != "" {
					out = append(out, "", after, "")
				}
			}
			continue
		}
		after := ""
		if !strings.Contains(t, "](") {
			line, after, refs = cutInlineMarkers(line, refs)
		}
		out = append(out, line)
		if after != "" {
			out = append(out, "", after)
		}
	}
	return extraBlankLines().ReplaceAllString(strings.Join(out, "\n"), "\n\n"), refs
}

// extraBlankLines matches the runs of blank lines that removed markers leave.
var extraBlankLines = lazyRegexp(`\n(?:[ \t]*\n){2,}`)

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// nodeStrings reads a YAML scalar or sequence of scalars as strings.
func nodeStrings(n yaml.Node) []string {
	return nodeList(n, true)
}

// nodeList reads a YAML scalar or sequence as strings, splitting a scalar
// "A, B" into names when split is set.
func nodeList(n yaml.Node, split bool) []string {
	var out []string
	switch n.Kind {
	case yaml.ScalarNode:
		switch {
		case split:
			out = append(out, splitNames(n.Value)...)
		case strings.TrimSpace(n.Value) != "":
			out = append(out, strings.TrimSpace(n.Value))
		}
	case yaml.SequenceNode:
		for _, c := range n.Content {
			if c.Kind == yaml.ScalarNode && strings.TrimSpace(c.Value) != "" {
				out = append(out, strings.TrimSpace(c.Value))
			}
		}
	}
	return out
}

// relatedFromNode reads front matter related links: a list of "Title",
// "[Title](url)" or url strings, or of {title, url} mappings (as kabar export
// writes them, with an informational id).
func relatedFromNode(n yaml.Node) []Ref {
	var refs []Ref
	if n.Kind != yaml.SequenceNode {
		for _, rel := range nodeList(n, false) {
			refs = appendRef(refs, rel)
		}
		return refs
	}
	for _, c := range n.Content {
		switch c.Kind {
		case yaml.ScalarNode:
			refs = appendRef(refs, c.Value)
		case yaml.MappingNode:
			var m struct {
				Title string `yaml:"title"`
				URL   string `yaml:"url"`
			}
			if c.Decode(&m) != nil {
				continue
			}
			ref := Ref{Title: cleanRefTitle(m.Title), URL: strings.TrimSpace(m.URL)}
			if !strings.HasPrefix(ref.URL, "http://") && !strings.HasPrefix(ref.URL, "https://") {
				ref.URL = ""
			}
			if ref.Title != "" || ref.URL != "" {
				refs = append(refs, ref)
			}
		}
	}
	return refs
}

// nodeTime reads the first YAML scalar that parses as a date.
func nodeTime(nodes ...yaml.Node) time.Time {
	for _, n := range nodes {
		if n.Kind == yaml.ScalarNode {
			if t, ok := ParseDate(n.Value); ok {
				return t
			}
		}
	}
	return time.Time{}
}
