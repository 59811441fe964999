package store

import (
	"context"
	"strings"
	"unicode"
)

// minPrefixRunes is the shortest last word that filter-as-you-type matches
// as a prefix. Shorter ones are left out until the next letter arrives: a
// one- or two-letter prefix stands for most of the vocabulary. CJK words
// count from one rune.
const minPrefixRunes = 3

// renderQuery builds the FTS5 query joining terms with op ("AND" or "OR";
// "" when there are none). It quotes every term, so no user text is read as
// query syntax.
// A prefix is replaced by the terms expand returns for it (an OR that FTS5
// answers page by page) when expand finds it one index term with few
// completions; otherwise it stays a prefix query.
func renderQuery(terms []queryTerm, op string, expand func(string) ([]string, bool, error)) (string, error) {
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
		if t.column != "" {
			q = t.column + " : (" + q + ")"
		}
		parts = append(parts, q)
	}
	return strings.Join(parts, " "+op+" "), nil
}

// compiledQuery is a typed query ready for SQL: the FTS5 expression every
// result matches ("" when the query has no full-text term) and the
// conditions, joined with AND, on the aliases a (articles) and s (state).
type compiledQuery struct {
	match string
	where []string
	args  []any
}

// empty reports a query that asks for nothing: no result.
func (c compiledQuery) empty() bool { return c.match == "" && len(c.where) == 0 }

// and is the conditions as " AND …" after a WHERE clause.
func (c compiledQuery) and() string {
	if len(c.where) == 0 {
		return ""
	}
	return " AND " + strings.Join(c.where, " AND ")
}

// compile parses a typed query and renders its full-text part, prefixes
// expanded through the vocabulary. Excluded terms become NOT in the match,
// or, with nothing to match, a condition that the article does not match
// them.
func (s *Store) compile(ctx context.Context, input string, prefixLast bool) (compiledQuery, error) {
	pq := parseQuery(input, prefixLast)
	expand := func(p string) ([]string, bool, error) { return s.expandPrefix(ctx, p) }
	var c compiledQuery
	var err error
	if c.match, err = renderQuery(pq.terms, "AND", expand); err != nil {
		return c, err
	}
	not, err := renderQuery(pq.excluded, "OR", expand)
	if err != nil {
		return c, err
	}
	switch {
	case not != "" && c.match != "":
		c.match += " NOT (" + not + ")"
	case not != "":
		c.where = append(c.where, `a.id NOT IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)`)
		c.args = append(c.args, not)
	}
	for _, f := range pq.filters {
		c.where = append(c.where, f.cond)
		c.args = append(c.args, f.args...)
	}
	return c, nil
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
