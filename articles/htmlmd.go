package articles

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// entryMarkdown converts the HTML of a feed entry to Markdown in one pass
// over the tokens, without building a tree. Feed entries are small, simple
// fragments (paragraphs, links, emphasis, lists, headings, quotes, images),
// and a big feed holds tens of thousands of them: this is several times
// faster than a general converter, which kabar keeps for whole saved pages.
func entryMarkdown(src string) string {
	c := mdWriter{}
	z := html.NewTokenizer(strings.NewReader(src))
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			return c.finish()
		case html.TextToken:
			if c.skip == 0 {
				c.text(string(z.Text()))
			}
		case html.StartTagToken, html.SelfClosingTagToken:
			name, hasAttr := z.TagName()
			a := atom.Lookup(name)
			if skippedElements[a] {
				if tt == html.StartTagToken && !voidElements[a] {
					c.skip++
				}
				continue
			}
			if c.skip > 0 {
				continue
			}
			var attrs map[string]string
			if hasAttr && (a == atom.A || a == atom.Img) {
				attrs = tagAttrs(z)
			}
			c.open(a, attrs)
		case html.EndTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			if skippedElements[a] {
				if c.skip > 0 {
					c.skip--
				}
				continue
			}
			if c.skip == 0 {
				c.close(a)
			}
		}
	}
}

// skippedElements hold nothing a reader reads.
var skippedElements = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Iframe: true, atom.Form: true,
	atom.Button: true, atom.Svg: true, atom.Head: true, atom.Template: true, atom.Select: true,
	atom.Object: true, atom.Embed: true, atom.Input: true, atom.Textarea: true,
}

// voidElements never have an end tag.
var voidElements = map[atom.Atom]bool{atom.Input: true, atom.Embed: true}

func tagAttrs(z *html.Tokenizer) map[string]string {
	attrs := map[string]string{}
	for {
		k, v, more := z.TagAttr()
		attrs[string(k)] = string(v)
		if !more {
			return attrs
		}
	}
}

// mdWriter builds the Markdown: finished blocks, and the inline text of the
// block being written.
type mdWriter struct {
	out    strings.Builder
	line   strings.Builder
	prefix []string // block prefixes in force: "> " for quotes
	lists  []listState
	links  []string // hrefs of open links ("" for none)
	pre    int
	skip   int
	space  bool   // a space is owed before the next word
	marker string // the list or heading marker the block starts with
}

type listState struct {
	ordered bool
	n       int
}

// emphasis is the Markdown mark of each emphasis element.
var emphasis = map[atom.Atom]string{atom.Strong: "**", atom.B: "**", atom.Em: "*", atom.I: "*"}

// paragraphElements start and end a paragraph of their own.
var paragraphElements = map[atom.Atom]bool{
	atom.P: true, atom.Div: true, atom.Section: true, atom.Article: true, atom.Header: true, atom.Footer: true,
	atom.Figure: true, atom.Figcaption: true, atom.Table: true, atom.Tr: true, atom.Dl: true, atom.Dt: true,
	atom.Dd: true, atom.Main: true, atom.Aside: true,
}

func (c *mdWriter) open(a atom.Atom, attrs map[string]string) {
	if paragraphElements[a] {
		c.endBlock()
		return
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		c.endBlock()
		c.startBlock(strings.Repeat("#", int(a.String()[1]-'0')) + " ")
	case atom.Blockquote:
		c.endBlock()
		c.prefix = append(c.prefix, "> ")
	case atom.Ul, atom.Ol:
		c.endBlock()
		c.lists = append(c.lists, listState{ordered: a == atom.Ol})
	case atom.Li:
		c.endBlock()
		if n := len(c.lists); n > 0 {
			l := &c.lists[n-1]
			l.n++
			indent := strings.Repeat("  ", n-1)
			if l.ordered {
				c.startBlock(indent + strconv.Itoa(l.n) + ". ")
			} else {
				c.startBlock(indent + "- ")
			}
		}
	case atom.Br:
		c.line.WriteString("  \n")
		c.space = false
	case atom.Hr:
		c.endBlock()
		c.block("---")
	case atom.Pre:
		c.endBlock()
		c.pre++
		c.line.WriteString("```\n")
	case atom.Strong, atom.B, atom.Em, atom.I:
		c.inline(emphasis[a])
	case atom.Code:
		if c.pre == 0 {
			c.inline("`")
		}
	case atom.Td, atom.Th:
		if c.line.Len() > 0 {
			c.line.WriteString(" | ")
		}
	case atom.A:
		href := strings.TrimSpace(attrs["href"])
		if href != "" {
			c.inline("[")
		}
		c.links = append(c.links, href)
	case atom.Img:
		if src := strings.TrimSpace(attrs["src"]); src != "" {
			c.inline("![" + escapeMarkdown(collapseSpaces(attrs["alt"])) + "](" + src + ")")
		}
	}
}

func (c *mdWriter) close(a atom.Atom) {
	if paragraphElements[a] {
		c.endBlock()
		return
	}
	switch a {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Li:
		c.endBlock()
	case atom.Blockquote:
		c.endBlock()
		if n := len(c.prefix); n > 0 {
			c.prefix = c.prefix[:n-1]
		}
	case atom.Ul, atom.Ol:
		c.endBlock()
		if n := len(c.lists); n > 0 {
			c.lists = c.lists[:n-1]
		}
	case atom.Pre:
		if c.pre > 0 {
			c.pre--
			c.line.WriteString("\n```")
			c.endBlock()
		}
	case atom.Strong, atom.B, atom.Em, atom.I:
		c.closeInline(emphasis[a])
	case atom.Code:
		if c.pre == 0 {
			c.closeInline("`")
		}
	case atom.A:
		if n := len(c.links); n > 0 {
			if href := c.links[n-1]; href != "" {
				c.closeInline("](" + href + ")")
			}
			c.links = c.links[:n-1]
		}
	}
}

// inline writes an opening inline marker, after the space a word owes.
func (c *mdWriter) inline(mark string) {
	if c.space && c.line.Len() > 0 {
		c.line.WriteByte(' ')
	}
	c.space = false
	c.line.WriteString(mark)
}

// closeInline writes a closing marker right after the text it closes.
func (c *mdWriter) closeInline(mark string) {
	c.line.WriteString(mark)
}

// text writes text, whitespace collapsed (kept inside pre) and Markdown
// escaped.
func (c *mdWriter) text(s string) {
	if c.pre > 0 {
		c.line.WriteString(s)
		return
	}
	leading := s != "" && isHTMLSpace(s[0])
	trailing := s != "" && isHTMLSpace(s[len(s)-1])
	words := strings.Fields(s)
	if len(words) == 0 {
		c.space = c.space || leading
		return
	}
	if (c.space || leading) && c.line.Len() > 0 && !strings.HasSuffix(c.line.String(), "\n") {
		c.line.WriteByte(' ')
	}
	for i, w := range words {
		if i > 0 {
			c.line.WriteByte(' ')
		}
		w = escapeMarkdown(w)
		if c.line.Len() == 0 {
			w = escapeLineStart(w)
		}
		c.line.WriteString(w)
	}
	c.space = trailing
}

func isHTMLSpace(b byte) bool { return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' }

// endBlock finishes the block being written as a paragraph of its own.
func (c *mdWriter) endBlock() {
	line := strings.TrimSpace(c.line.String())
	empty := line == "" || line == strings.TrimSpace(c.marker)
	c.line.Reset()
	c.space, c.marker = false, ""
	if !empty {
		c.block(line)
	}
}

// startBlock begins a block with a list or heading marker.
func (c *mdWriter) startBlock(marker string) {
	c.marker = marker
	c.line.WriteString(marker)
}

// block appends a finished block, with the quote prefixes in force.
func (c *mdWriter) block(s string) {
	if c.out.Len() > 0 {
		c.out.WriteString("\n\n")
	}
	prefix := strings.Join(c.prefix, "")
	if prefix == "" {
		c.out.WriteString(s)
		return
	}
	c.out.WriteString(prefix + strings.ReplaceAll(s, "\n", "\n"+prefix))
}

func (c *mdWriter) finish() string {
	c.endBlock()
	return c.out.String()
}

// markdownEscaper escapes the characters Markdown would read as markup
// inside running text.
var markdownEscaper = strings.NewReplacer(`\`, `\\`, `*`, `\*`, `_`, `\_`, "`", "\\`", `[`, `\[`, `]`, `\]`, `<`, `\<`)

func escapeMarkdown(s string) string {
	if !strings.ContainsAny(s, "\\*_`[]<") {
		return s
	}
	return markdownEscaper.Replace(s)
}
