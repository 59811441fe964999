package articles

import (
	"slices"
	"strings"
)

// BodyLink is a link written in an article's body: its text and URL.
type BodyLink struct {
	Text, URL string
}

var (
	// markdownLink is [text](url) or [text](url "title"); the text holds no
	// brackets, the URL no spaces or parentheses.
	markdownLink = lazyRegexp(`\[([^\[\]]*)\]\(\s*<?(https?://[^\s()<>]+)>?(?:\s+"[^"]*")?\s*\)`)
	// bareURL is an http(s) URL written as text.
	bareURL = lazyRegexp(`https?://[^\s<>()\[\]"']+`)
)

// BodyLinks returns the http(s) links of a Markdown body in reading order,
// each URL once: Markdown links with their text, then bare URLs in the
// remaining text (trailing punctuation left out).
func BodyLinks(body string) []BodyLink {
	type found struct {
		at   int
		link BodyLink
	}
	var all []found
	for _, m := range markdownLink().FindAllStringSubmatchIndex(body, -1) {
		text := strings.Join(strings.Fields(body[m[2]:m[3]]), " ")
		all = append(all, found{m[0], BodyLink{Text: text, URL: body[m[4]:m[5]]}})
	}
	rest := markdownLink().ReplaceAllStringFunc(body, func(s string) string { return strings.Repeat(" ", len(s)) })
	for _, m := range bareURL().FindAllStringIndex(rest, -1) {
		u := strings.TrimRight(rest[m[0]:m[1]], ".,;:!?")
		all = append(all, found{m[0], BodyLink{URL: u}})
	}
	slices.SortStableFunc(all, func(a, b found) int { return a.at - b.at }) // reading order
	var out []BodyLink
	seen := map[string]bool{}
	for _, f := range all {
		if seen[f.link.URL] || !IsWebURL(f.link.URL) {
			continue
		}
		seen[f.link.URL] = true
		out = append(out, f.link)
	}
	return out
}
