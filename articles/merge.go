package articles

import (
	"strings"
)

// MergeVersions returns the article to keep when the same article (one URL)
// comes from two places, a scraper's teaser and another's full text, say:
// the most complete body (a body that is a prefix or a part of the other
// never replaces it; of two different bodies the longer), with the richest
// metadata of both (a date, authors, editors, an outlet). It is symmetric,
// so importing the versions in any order keeps the same article.
func MergeVersions(a, b Article) Article {
	keep, other := a, b
	if moreComplete(b.Body, a.Body) {
		keep, other = b, a
	}
	if keep.Title == "" {
		keep.Title = other.Title
	}
	if keep.Source == "" {
		keep.Source = other.Source
	}
	if keep.URL == "" {
		keep.URL = other.URL
	}
	if keep.Published.IsZero() {
		keep.Published = other.Published
	}
	if len(keep.Authors) == 0 {
		keep.Authors = other.Authors
	}
	if len(keep.Editors) == 0 {
		keep.Editors = other.Editors
	}
	if len(keep.Related) == 0 {
		keep.Related = other.Related
	}
	return keep
}

// moreComplete reports whether body a should win over body b: b is a part of
// a, or neither is a part of the other and a is longer (ties go to the
// smaller text, so the choice does not depend on the order).
func moreComplete(a, b string) bool {
	na, nb := comparable(a), comparable(b)
	switch {
	case na == nb:
		return a < b
	case isPartOf(nb, na):
		return true
	case isPartOf(na, nb):
		return false
	case len(na) != len(nb):
		return len(na) > len(nb)
	}
	return na < nb
}

// isPartOf reports whether every paragraph of part (a teaser's last one
// without its "…") is in whole.
func isPartOf(part, whole string) bool {
	if part == "" {
		return true
	}
	for _, p := range strings.Split(part, "\n") {
		p = strings.TrimSpace(strings.TrimRight(strings.TrimSpace(p), ".…[] "))
		if p != "" && !strings.Contains(whole, p) {
			return false
		}
	}
	return true
}

// comparable is a body with Markdown escapes and spacing folded, one
// paragraph a line.
func comparable(body string) string {
	body = strings.ReplaceAll(body, `\`, "")
	var b strings.Builder
	for _, p := range strings.Split(body, "\n\n") {
		if p = collapseSpaces(strings.ReplaceAll(p, "\n", " ")); p != "" {
			if b.Len() > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(p)
		}
	}
	return b.String()
}
