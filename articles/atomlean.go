package articles

import (
	"bytes"
	"html"
	"net/url"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/mmcdole/gofeed"
)

// leanAtomEntry decodes one Atom <entry> element into the item gofeed would
// make of it, for the plain shape news feeds write: text children holding
// text or entity-escaped HTML, links, dates in RFC 3339, authors with names.
// It reads the bytes once, where gofeed's general parser costs about as much
// as all the rest of a feed import. ok is false for anything outside that
// shape (CDATA, comments, markup inside a text child, xml:base, namespaces
// redeclared, other text types, other date forms, unknown entities, control
// characters, invalid UTF-8): gofeed decodes those entries. A fuzz target holds the two to the
// same result.
func leanAtomEntry(entry []byte) (item *gofeed.Item, ok bool) {
	if !plainText(entry) {
		return nil, false
	}
	sc := xmlScan{b: entry}
	name, attrs, empty, ok := sc.startTag()
	if !ok || name != "entry" || !plainAttrs(attrs) {
		return nil, false
	}
	item = &gofeed.Item{}
	if empty {
		return item, sc.atEnd()
	}
	for {
		sc.skipSpace()
		if sc.endTag("entry") {
			return item, sc.atEnd()
		}
		name, attrs, empty, ok := sc.startTag()
		if !ok || !plainAttrs(attrs) {
			return nil, false
		}
		if !sc.child(item, name, attrs, empty) {
			return nil, false
		}
	}
}

// child reads one child of the entry into item.
func (sc *xmlScan) child(item *gofeed.Item, name string, attrs []xmlAttr, empty bool) bool {
	switch name {
	case "link":
		if !empty && !sc.endTag("link") {
			return false
		}
		rel, href := attrValue(attrs, "rel"), attrValue(attrs, "href")
		if rel == "" {
			rel = "alternate"
		}
		if rel == "alternate" && !sc.linked {
			item.Link, sc.linked = normalizeHref(href), true
		}
		return true
	case "author":
		if empty {
			item.Authors = append(item.Authors, &gofeed.Person{})
			return true
		}
		p, ok := sc.person()
		item.Authors = append(item.Authors, p)
		return ok
	case "title", "summary", "content", "published", "issued", "updated", "modified", "id", "rights", "copyright":
		text, ok := sc.atomText(name, attrs, empty)
		if !ok {
			return false
		}
		return setAtomField(item, name, text)
	}
	if strings.IndexByte(name, ':') >= 0 || name == "category" || name == "contributor" {
		return sc.skipElement(name, empty) // extensions and what kabar does not read
	}
	return false
}

// setAtomField stores one text child; dates that are not RFC 3339 are left
// to gofeed's many layouts.
func setAtomField(item *gofeed.Item, name, text string) bool {
	switch name {
	case "title":
		item.Title = text
	case "summary":
		item.Description = text
	case "content":
		item.Content = text
	case "published", "issued", "updated", "modified":
		t, err := time.Parse(time.RFC3339, text)
		if err != nil {
			return false
		}
		t = t.UTC()
		if name == "published" || name == "issued" {
			item.PublishedParsed = &t
		} else {
			item.UpdatedParsed = &t
		}
	}
	return true
}

// person reads an <author>'s children up to its end tag.
func (sc *xmlScan) person() (*gofeed.Person, bool) {
	p := &gofeed.Person{}
	for {
		sc.skipSpace()
		if sc.endTag("author") {
			return p, true
		}
		name, attrs, empty, ok := sc.startTag()
		if !ok || !plainAttrs(attrs) {
			return nil, false
		}
		switch name {
		case "name", "email", "uri", "url", "homepage":
			text, ok := sc.atomText(name, attrs, empty)
			if !ok {
				return nil, false
			}
			if name == "name" {
				p.Name = text
			} else if name == "email" {
				p.Email = text
			}
		default:
			return nil, false
		}
	}
}

// atomText reads a text child's content as gofeed does: trimmed, entities
// decoded, for the types text (or none) and html.
func (sc *xmlScan) atomText(name string, attrs []xmlAttr, empty bool) (string, bool) {
	for _, a := range attrs {
		if a.name != "type" || (a.value != "text" && a.value != "html") {
			return "", false
		}
	}
	if empty {
		return "", true
	}
	inner, ok := sc.textUntil(name)
	if !ok {
		return "", false
	}
	return decodeXMLText(strings.TrimSpace(inner))
}

// plainText reports whether an entry is valid UTF-8 without control
// characters other than tab and newline, and without U+FFFE or U+FFFF
// (characters XML forbids, or CR, which XML rewrites).
func plainText(b []byte) bool {
	for _, c := range b {
		if c < 0x20 && c != '\t' && c != '\n' {
			return false
		}
	}
	return utf8.Valid(b) && !bytes.Contains(b, []byte("\uFFFE")) && !bytes.Contains(b, []byte("\uFFFF"))
}

// xmlScan walks an element's bytes.
type xmlScan struct {
	b      []byte
	i      int
	linked bool // the entry's first alternate link is read
}

type xmlAttr struct{ name, value string }

func (sc *xmlScan) skipSpace() {
	for sc.i < len(sc.b) && isXMLSpace(sc.b[sc.i]) {
		sc.i++
	}
}

func isXMLSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' }

// atEnd reports whether only white space is left.
func (sc *xmlScan) atEnd() bool {
	sc.skipSpace()
	return sc.i == len(sc.b)
}

// startTag reads "<name attr='v' ...>" or "<name .../>".
func (sc *xmlScan) startTag() (name string, attrs []xmlAttr, empty, ok bool) {
	if sc.i >= len(sc.b) || sc.b[sc.i] != '<' {
		return "", nil, false, false
	}
	sc.i++
	if name, ok = sc.name(); !ok {
		return "", nil, false, false
	}
	for {
		spaced := sc.i < len(sc.b) && isXMLSpace(sc.b[sc.i])
		sc.skipSpace()
		switch {
		case sc.i >= len(sc.b):
			return "", nil, false, false
		case sc.b[sc.i] == '>':
			sc.i++
			return name, attrs, false, true
		case bytes.HasPrefix(sc.b[sc.i:], []byte("/>")):
			sc.i += 2
			return name, attrs, true, true
		case !spaced:
			return "", nil, false, false
		}
		a, ok := sc.attr()
		if !ok {
			return "", nil, false, false
		}
		attrs = append(attrs, a)
	}
}

// name reads an element or attribute name.
func (sc *xmlScan) name() (string, bool) {
	start := sc.i
	for sc.i < len(sc.b) {
		c := sc.b[sc.i]
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == ':' || c == '_' ||
			sc.i > start && (c >= '0' && c <= '9' || c == '-' || c == '.')) {
			break
		}
		sc.i++
	}
	return string(sc.b[start:sc.i]), sc.i > start
}

// attr reads name="value" (or single quotes), the value's entities decoded.
func (sc *xmlScan) attr() (xmlAttr, bool) {
	name, ok := sc.name()
	if !ok || sc.i+1 >= len(sc.b) || sc.b[sc.i] != '=' {
		return xmlAttr{}, false
	}
	quote := sc.b[sc.i+1]
	if quote != '"' && quote != '\'' {
		return xmlAttr{}, false
	}
	sc.i += 2
	end := bytes.IndexByte(sc.b[sc.i:], quote)
	if end < 0 {
		return xmlAttr{}, false
	}
	raw := string(sc.b[sc.i : sc.i+end])
	sc.i += end + 1
	if strings.ContainsAny(raw, "<\t\n") {
		return xmlAttr{}, false
	}
	value, ok := decodeXMLText(raw)
	return xmlAttr{name: name, value: value}, ok
}

// endTag consumes "</name>" when it comes next.
func (sc *xmlScan) endTag(name string) bool {
	rest := sc.b[sc.i:]
	if !bytes.HasPrefix(rest, []byte("</")) || !bytes.HasPrefix(rest[2:], []byte(name)) {
		return false
	}
	j := 2 + len(name)
	for j < len(rest) && isXMLSpace(rest[j]) {
		j++
	}
	if j >= len(rest) || rest[j] != '>' {
		return false
	}
	sc.i += j + 1
	return true
}

// textUntil returns the text up to name's end tag; any markup before it is
// not plain text.
func (sc *xmlScan) textUntil(name string) (string, bool) {
	end := bytes.IndexByte(sc.b[sc.i:], '<')
	if end < 0 {
		return "", false
	}
	text := string(sc.b[sc.i : sc.i+end])
	sc.i += end
	return text, sc.endTag(name)
}

// skipElement steps over an element kabar does not read, which must hold no
// comment, CDATA or element of its own name.
func (sc *xmlScan) skipElement(name string, empty bool) bool {
	if empty {
		return true
	}
	for {
		j := bytes.IndexByte(sc.b[sc.i:], '<')
		if j < 0 {
			return false
		}
		sc.i += j
		if sc.endTag(name) {
			return true
		}
		rest := sc.b[sc.i+1:]
		if bytes.HasPrefix(rest, []byte("!")) || bytes.HasPrefix(rest, []byte("?")) ||
			bytes.HasPrefix(rest, []byte(name)) || bytes.HasPrefix(rest, []byte("/"+name)) {
			return false
		}
		sc.i++
	}
}

// The namespaces whose elements gofeed reads as Atom's own.
const (
	atomNamespace   = "http://www.w3.org/2005/Atom"
	atom03Namespace = "http://purl.org/atom/ns#"
)

// nativePrefix matches a prefix bound to a namespace gofeed reads as Atom's
// own (none, Atom 1.0 or 0.3): such prefixed elements are not extensions.
var nativePrefix = lazyRegexp(`xmlns:[^=\s]+\s*=\s*["'](|` + regexp.QuoteMeta(atomNamespace) + `|` + regexp.QuoteMeta(atom03Namespace) + `)["']`)

// plainAttrs refuses what changes how the content is read: xml:base, a
// default namespace declared again, and a prefix bound to a native namespace
// (its elements would be Atom's, not extensions).
func plainAttrs(attrs []xmlAttr) bool {
	for _, a := range attrs {
		if a.name == "xml:base" || a.name == "xmlns" ||
			strings.HasPrefix(a.name, "xmlns:") && (a.value == "" || a.value == atomNamespace || a.value == atom03Namespace) {
			return false
		}
	}
	return true
}

// leanAtomHead reports whether a feed's head (the text before its first
// entry) lets its entries be decoded by leanAtomEntry: an Atom feed whose
// namespace is the default one, with no xml:base.
func leanAtomHead(feedType string, head []byte) bool {
	return feedType == "atom" && !bytes.Contains(head, []byte("xml:base")) && !nativePrefix().Match(head) &&
		bytes.Count(head, []byte(atomNamespace)) == 1 && bytes.Contains(head, []byte(`xmlns="`+atomNamespace+`"`))
}

// normalizeHref writes a link's address as gofeed does: parsed and written
// back, when it parses.
func normalizeHref(href string) string {
	if u, err := url.Parse(strings.TrimLeft(href, " ")); err == nil {
		return u.String()
	}
	return href
}

func attrValue(attrs []xmlAttr, name string) string {
	for _, a := range attrs {
		if a.name == name {
			return a.value
		}
	}
	return ""
}

// decodeXMLText decodes the XML entities and character references of s; any
// other '&' is left to gofeed, whose rules for it are its own.
func decodeXMLText(s string) (string, bool) {
	if strings.IndexByte(s, '&') < 0 {
		return s, true
	}
	for rest := s; ; {
		i := strings.IndexByte(rest, '&')
		if i < 0 {
			break
		}
		rest = rest[i+1:]
		end := strings.IndexByte(rest, ';')
		if end < 0 || !isXMLEntity(rest[:end]) {
			return "", false
		}
	}
	return html.UnescapeString(s), true
}

// isXMLEntity reports whether the text between '&' and ';' is one of XML's
// five entities or a character reference.
func isXMLEntity(e string) bool {
	switch e {
	case "lt", "gt", "amp", "quot", "apos":
		return true
	}
	digits, hex := strings.CutPrefix(e, "#x")
	if !hex {
		var dec bool
		if digits, dec = strings.CutPrefix(e, "#"); !dec {
			return false
		}
	}
	if digits == "" || len(digits) > 6 {
		return false
	}
	for _, c := range digits {
		if !(c >= '0' && c <= '9' || hex && (c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F')) {
			return false
		}
	}
	return true
}
