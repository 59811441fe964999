package articles

import (
	"strings"
	"time"
)

// MergeVersions returns the article to keep when the same article (one URL)
// comes from two places, a scraper's teaser and another's full text, say:
// the most complete body (a body that is a prefix or a part of the other
// never replaces it; of two different bodies the longer), with the richest
// metadata of both (a date, authors, editors, an outlet). It is symmetric,
// so importing the versions in any order keeps the same article.
func MergeVersions(a, b Article) Article {
	keep, other := a, b
	if keepsOver(b, a) {
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

// keepsOver reports whether version a is kept over version b: its body is
// more complete, or the bodies are the same and a has the richer metadata.
// It orders every pair the same way whichever comes first.
func keepsOver(a, b Article) bool {
	if a.Body != b.Body {
		return moreComplete(a.Body, b.Body)
	}
	if ra, rb := richness(a), richness(b); ra != rb {
		return ra > rb
	}
	return metadataKey(a) < metadataKey(b)
}

// moreComplete reports whether body a should win over body b: b is a part of
// a and not the other way round, or else a is longer (ties go to the smaller
// text, so the choice does not depend on the order).
func moreComplete(a, b string) bool {
	na, nb := comparable(a), comparable(b)
	if na != nb {
		aHoldsB, bHoldsA := isPartOf(nb, na), isPartOf(na, nb)
		switch {
		case aHoldsB && !bHoldsA:
			return true
		case bHoldsA && !aHoldsB:
			return false
		case len(na) != len(nb):
			return len(na) > len(nb)
		}
		return na < nb
	}
	if len(a) != len(b) {
		return len(a) > len(b)
	}
	return a < b
}

// richness counts the metadata fields a version fills.
func richness(a Article) int {
	n := len(a.Authors) + len(a.Editors) + len(a.Related)
	for _, filled := range []bool{a.Title != "", a.Source != "", a.URL != "", !a.Published.IsZero()} {
		if filled {
			n++
		}
	}
	return n
}

// metadataKey is a version's metadata as one string, to order two versions
// that differ only there.
func metadataKey(a Article) string {
	related := make([]string, 0, len(a.Related))
	for _, r := range a.Related {
		related = append(related, r.Title+"\x00"+r.URL)
	}
	return strings.Join([]string{a.Title, a.Source, a.URL, a.Published.UTC().Format(time.RFC3339Nano),
		strings.Join(a.Authors, "\x00"), strings.Join(a.Editors, "\x00"), strings.Join(related, "\x01")}, "\x02")
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
