package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// markerWords is the alternation of related-article marker phrases, in
// Indonesian and English.
const markerWords = `baca\s+(?:juga|pula)|lihat\s+juga|read\s+(?:also|more)|also\s+read|see\s+also|related(?:\s+(?:news|articles?|stories))?`

var (
	// markerStart matches a marker at the start of a line, with an optional
	// bullet or opening bracket, and captures whether a colon follows.
	markerStart = lazyRegexp(`^(?:[-•*>»]\s*)?\[?\s*(?i:(` + markerWords + `))\s*(:|\||-|–)?\s*`)
	// markerBracketed matches "[ Baca juga : Title ]" anywhere in a line.
	markerBracketed = lazyRegexp(`\[\s*(?i:` + markerWords + `)\s*:?\s*([^\]]*)\]`)
	// markerGlued matches a marker glued after a sentence inside a line.
	markerGlued = lazyRegexp(`([.!?"”])\s*(?i:` + markerWords + `)\s*:\s*(.*)$`)
	// urlPattern finds an http(s) URL in a ref line.
	urlPattern = lazyRegexp(`https?://[^\s<>()\[\]"]+`)
	// mdLink matches a Markdown link [text](url).
	mdLink = lazyRegexp(`\[([^\]]*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)`)
)

// extractRelated walks article lines, takes out every related-article marker
// and the titles it introduces, and returns the remaining paragraphs and the
// refs in order. An own-line marker introduces a block of title lines that
// ends at the next real paragraph; a marker with no title is dropped.
func extractRelated(lines []string) (paras []string, refs []Ref) {
	paras = make([]string, 0, len(lines))
	inBlock := false
	var glued []int // refs cut from running text, waiting for the next paragraph
	for queue := lines; len(queue) > 0; {
		line := queue[0]
		queue = queue[1:]
		var after string
		n := len(refs)
		if rest, ok := cutMarker(line); ok {
			inBlock = rest == ""
			if rest != "" {
				var title string
				title, after = cutRefText(rest)
				refs = appendRef(refs, title)
			}
		} else {
			if inBlock && looksLikeRefTitle(line) {
				refs = appendRef(refs, stripBullet(line))
				continue
			}
			inBlock = false
			line, after, refs = cutInlineMarkers(line, refs)
			if line != "" {
				for _, k := range glued {
					refs[k].Para = len(paras)
				}
				glued = glued[:0]
				paras = append(paras, line)
			}
		}
		if after != "" {
			if len(refs) > n {
				refs[len(refs)-1].Glued = true
				glued = append(glued, len(refs)-1)
			}
			// body text glued after a headline is read again as lines of its
			// own: it may hold the next marker or glued paragraphs
			queue = append(splitGluedParagraphs([]string{after}), queue...)
		}
	}
	for _, k := range glued {
		refs[k].Para = len(paras)
	}
	return paras, refs
}

// cutMarker reports whether line starts with a related-article marker and
// returns the text after it. Without a colon the marker only counts when the
// line ends there, or, for "Baca juga" spelt with a capital, when a
// capitalised title follows; "Baca juga berita lain di ..." stays text.
func cutMarker(line string) (rest string, ok bool) {
	if !mayStartWithMarker(line) {
		return "", false
	}
	m := markerStart().FindStringSubmatchIndex(line)
	if m == nil {
		return "", false
	}
	rest = strings.TrimSpace(line[m[1]:])
	rest = strings.TrimSpace(strings.TrimSuffix(rest, "]"))
	hasSep := m[4] >= 0
	if hasSep || rest == "" {
		return rest, true
	}
	word := line[m[2]:m[3]]
	if !strings.HasPrefix(strings.ToLower(word), "baca") && !strings.HasPrefix(strings.ToLower(word), "lihat") {
		return "", false
	}
	second := strings.Fields(word)[1]
	first, _ := utf8.DecodeRuneInString(second)
	next, _ := utf8.DecodeRuneInString(rest)
	if unicode.IsUpper(first) && (unicode.IsUpper(next) || unicode.IsDigit(next) || next == '"' || next == '“') {
		return rest, true
	}
	return "", false
}

// cutInlineMarkers takes bracketed markers out of the middle of a line and a
// marker glued after a sentence off its end; body text glued after that
// marker's headline comes back as the following paragraph (after).
func cutInlineMarkers(line string, refs []Ref) (string, string, []Ref) {
	after := ""
	if strings.IndexByte(line, '[') >= 0 {
		for _, m := range markerBracketed().FindAllStringSubmatch(line, -1) {
			refs = appendRef(refs, m[1])
		}
		line = collapseSpaces(markerBracketed().ReplaceAllString(line, " "))
	}
	if strings.IndexByte(line, ':') >= 0 && mayHoldMarker(line) {
		if m := markerGlued().FindStringSubmatchIndex(line); m != nil {
			var title string
			title, after = cutRefText(line[m[4]:m[5]])
			refs = appendRef(refs, title)
			line = strings.TrimSpace(line[:m[3]])
		}
	}
	return line, after, refs
}

// looksLikeRefTitle reports whether a line inside a marker block is a title:
// short, without sentence-ending punctuation, not itself a marker.
func looksLikeRefTitle(line string) bool {
	l := stripBullet(line)
	if urlPattern().MatchString(l) || mdLink().MatchString(l) {
		return true
	}
	n := utf8.RuneCountInString(l)
	return n >= 3 && n <= 200 && len(strings.Fields(l)) <= 30 && !endsSentence(l) && !strings.HasSuffix(l, ":") &&
		!readsLikeProse(l)
}

func stripBullet(s string) string {
	return strings.TrimSpace(strings.TrimLeft(s, "-•*>»· \t"))
}

// appendRef turns the text after a marker into a Ref: a Markdown link, a bare
// URL with an optional title around it, or a title alone.
func appendRef(refs []Ref, text string) []Ref {
	text = strings.TrimSpace(text)
	var ref Ref
	if m := mdLink().FindStringSubmatch(text); m != nil {
		ref.Title, ref.URL = m[1], m[2]
	} else if u := urlPattern().FindString(text); u != "" {
		ref.URL = strings.TrimRight(u, ".,;:!?")
		ref.Title = strings.Replace(text, u, " ", 1)
	} else {
		ref.Title = text
	}
	ref.Title = cleanRefTitle(ref.Title)
	if !strings.HasPrefix(ref.URL, "http://") && !strings.HasPrefix(ref.URL, "https://") {
		ref.URL = ""
	}
	if ref.Title == "" && ref.URL == "" {
		return refs
	}
	return append(refs, ref)
}

func cleanRefTitle(s string) string {
	s = collapseSpaces(s)
	s = strings.Trim(s, " -–—|:()[]*_")
	s = strings.Trim(s, "\"“”'‘’")
	return strings.TrimSpace(s)
}

// markerHeads are the lowercased words a related-article marker starts with.
var markerHeads = []string{"baca", "lihat", "read", "also", "see", "related"}

// mayStartWithMarker is a cheap test that rules out most lines before the
// marker expression runs.
func mayStartWithMarker(line string) bool {
	head := strings.TrimLeft(line, "-•*>»[ ")
	if len(head) > 8 {
		head = head[:8]
	}
	head = strings.ToLower(head)
	for _, w := range markerHeads {
		if strings.HasPrefix(head, w) {
			return true
		}
	}
	return false
}

// mayHoldMarker is a cheap test for a marker anywhere in a line.
func mayHoldMarker(line string) bool {
	lower := strings.ToLower(line)
	for _, w := range markerHeads {
		if strings.Contains(lower, w) {
			return true
		}
	}
	return false
}
