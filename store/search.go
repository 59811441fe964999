package store

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// minPrefixRunes is the shortest last word that filter-as-you-type matches
// as a prefix. Shorter ones are left out until the next letter arrives: a
// one- or two-letter prefix stands for most of the vocabulary. CJK words
// count from one rune.
const minPrefixRunes = 3

// queryTerm is one term of a search as typed: a word or a phrase, matched
// whole or as a prefix.
type queryTerm struct {
	text   string
	prefix bool
}

// parseQuery splits what a user typed into terms: "quoted phrases" stay
// phrases, word* is a prefix, everything else is a plain word. Operators,
// parentheses, column filters and stray punctuation are text. With
// prefixLast the last word is a prefix (filter as you type), and left out
// while shorter than minPrefixRunes.
func parseQuery(input string, prefixLast bool) []queryTerm {
	var terms []queryTerm
	// Control characters (a NUL ends an FTS5 string early) and invalid
	// UTF-8 are never part of a search.
	rest := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(input, " "))
	for {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			return terms
		}
		var text string
		phrase := false
		if rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				text, rest = rest[1:], ""
			} else {
				text, rest = rest[1:1+end], rest[2+end:]
			}
			phrase = true
		} else {
			end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
			if end < 0 {
				end = len(rest)
			}
			text, rest = rest[:end], rest[end:]
		}
		prefix := strings.HasSuffix(text, "*")
		text = strings.TrimRight(text, "*")
		if !hasWordChar(text) {
			continue
		}
		if prefixLast && !phrase && !prefix && strings.TrimSpace(rest) == "" {
			if utf8.RuneCountInString(text) < minPrefixRunes && !hasCJK(text) {
				continue
			}
			prefix = true
		}
		terms = append(terms, queryTerm{text: text, prefix: prefix})
	}
}

// renderQuery builds the FTS5 query in which every term must match ("" when
// nothing searchable is left). It quotes every term, so no user text is read
// as query syntax.
// A prefix is replaced by the terms expand returns for it (an OR that FTS5
// answers page by page) when expand finds it one index term with few
// completions; otherwise it stays a prefix query.
func renderQuery(terms []queryTerm, expand func(string) ([]string, bool, error)) (string, error) {
	parts := make([]string, 0, len(terms))
	for _, t := range terms {
		q := quoteFTS(t.text)
		if t.prefix {
			q += "*"
			if expand != nil {
				words, ok, err := expand(t.text)
				if err != nil {
					return "", err
				}
				if ok {
					for i := range words {
						words[i] = quoteFTS(words[i])
					}
					q = "(" + strings.Join(words, " OR ") + ")"
				}
			}
		}
		parts = append(parts, q)
	}
	return strings.Join(parts, " AND "), nil
}

// matchExpr is the FTS5 expression for a typed query, prefixes expanded
// through the vocabulary.
func (s *Store) matchExpr(ctx context.Context, input string, prefixLast bool) (string, error) {
	return renderQuery(parseQuery(input, prefixLast), func(p string) ([]string, bool, error) {
		return s.expandPrefix(ctx, p)
	})
}

// quoteFTS quotes one term as an FTS5 string.
func quoteFTS(term string) string {
	return `"` + strings.ReplaceAll(term, `"`, `""`) + `"`
}

func hasCJK(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool {
		return unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul)
	}) >= 0
}

func hasWordChar(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
}
