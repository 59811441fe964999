package store

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// quoteFTS quotes one term as an FTS5 string, so no user text is ever read
// as query syntax.
func quoteFTS(term string) string {
	return `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
}

// minPrefixRunes is the shortest last word that filter-as-you-type matches
// as a prefix. Shorter ones are left out until the next letter arrives: a
// one- or two-letter prefix expands to most of the vocabulary and costs
// hundreds of milliseconds at 100,000 articles. CJK words count from one rune.
const minPrefixRunes = 3

// ftsQuery turns what a user typed into a safe FTS5 query: "quoted phrases"
// stay phrases, word* is a prefix search, everything else is a plain word,
// and all terms must match. Operators, parentheses, column filters and stray
// punctuation are treated as text. With prefixLast, the last word is matched
// as a prefix (filter as you type); a last word shorter than minPrefixRunes
// is left out. It returns "" when nothing searchable is left.
func ftsQuery(input string, prefixLast bool) string {
	var terms []string
	rest := input
	for {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			break
		}
		var term string
		phrase := false
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				term, rest = rest[1:], ""
			} else {
				term, rest = rest[1:1+end], rest[2+end:]
			}
			phrase = true
		} else {
			end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
			if end < 0 {
				end = len(rest)
			}
			term, rest = rest[:end], rest[end:]
		}
		prefix := strings.HasSuffix(term, "*")
		term = strings.TrimRight(term, "*")
		if !hasWordChar(term) {
			continue
		}
		q := quoteFTS(term)
		if prefixLast && !phrase && !prefix && strings.TrimSpace(rest) == "" {
			if utf8.RuneCountInString(term) < minPrefixRunes && !hasCJK(term) {
				continue
			}
			prefix = true
		}
		if prefix {
			q += "*"
		}
		terms = append(terms, q)
	}
	return strings.Join(terms, " AND ")
}

func hasCJK(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
	}) >= 0
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
