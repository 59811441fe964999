package store

import (
	"strings"
	"unicode"
)

// quoteFTS quotes one term as an FTS5 string, so no user text is ever read
// as query syntax.
func quoteFTS(term string) string {
	return `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
}

// ftsQuery turns what a user typed into a safe FTS5 query: "quoted phrases"
// stay phrases, word* is a prefix search, everything else is a plain word,
// and all terms must match. Operators, parentheses, column filters and stray
// punctuation are treated as text. With prefixLast, the last word is matched
// as a prefix (filter as you type). It returns "" when nothing searchable is
// left.
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
		if prefix || (prefixLast && !phrase && strings.TrimSpace(rest) == "") {
			q += "*"
		}
		terms = append(terms, q)
	}
	return strings.Join(terms, " AND ")
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
