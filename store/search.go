package store

import (
	"context"
	"slices"
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

// compiledQuery is a typed query ready for SQL: the statements selecting
// ids that every result is among (the full-text match first; none when the
// query has neither words nor source: or author:), and the conditions,
// joined with AND, on the aliases a (articles) and s (state).
type compiledQuery struct {
	match   string       // the full-text expression, "" for none
	phrases []rankPhrase // its phrases that results contain, as bm25 counts them
	sets    []idSet
	where   []string
	args    []any
	// narrow are conditions of where that can also select their ids
	// through an index (filter.narrow): candidates to start from.
	narrow []idSet
	// within, when set, holds every result: the match is asked only about
	// its articles (see narrowest).
	within *idSet
	// from, when set, is the place in the list the results come after
	// (see after): a newest-first walk starts there.
	from *ListCursor
}

// after is the query keeping only the results listed after a place in the
// newest-first list.
func (c compiledQuery) after(at ListCursor) compiledQuery {
	c.where = append(slices.Clip(c.where), listedAfter)
	c.args = append(slices.Clip(c.args), at.SortKey, at.ID)
	c.from = &at
	return c
}

// idSet is a statement selecting article ids (as id), with its arguments,
// and perhaps the same test as a condition on one article a (rowCond).
type idSet struct {
	sql, rowCond string
	args         []any
}

// empty reports a query that asks for nothing: no result.
func (c compiledQuery) empty() bool { return len(c.sets) == 0 && len(c.where) == 0 }

// split returns the id set to start from (the first; ok false when there is
// none) and every other set and condition as " AND …" after a WHERE, with
// their arguments.
func (c compiledQuery) split() (first idSet, and string, args []any, ok bool) {
	return c.splitTesting(false)
}

// splitTesting is split; with perArticle, the other sets that can be
// tested on one article are (see idSet.rowCond): better when articles are
// visited one by one than collecting a large set.
func (c compiledQuery) splitTesting(perArticle bool) (first idSet, and string, args []any, ok bool) {
	var conds []string
	if len(c.sets) > 0 {
		first, ok = c.sets[0], true
		for _, set := range c.sets[1:] {
			if perArticle && set.rowCond != "" {
				conds = append(conds, set.rowCond)
			} else {
				conds = append(conds, `a.id IN (`+set.sql+`)`)
			}
			args = append(args, set.args...)
		}
	}
	conds = append(conds, c.where...)
	args = append(args, c.args...)
	if len(conds) > 0 {
		and = " AND " + strings.Join(conds, " AND ")
	}
	return first, and, args, ok
}

// compile parses a typed query and renders its full-text part, prefixes
// expanded through the vocabulary. Excluded terms become NOT in the match;
// with no word to match, the token every article holds (everyArticle) is
// matched NOT them.
func (s *Store) compile(ctx context.Context, input string, prefixLast bool) (compiledQuery, error) {
	pq := parseQuery(input, prefixLast)
	expansions := map[string][]string{}
	expand := func(p string) ([]string, bool, error) {
		if words, ok := expansions[p]; ok {
			return slices.Clone(words), words != nil, nil
		}
		words, ok, err := s.expandPrefix(ctx, p)
		if err == nil && ok {
			expansions[p] = slices.Clone(words)
		} else if err == nil {
			expansions[p] = nil
		}
		return words, ok, err
	}
	var c compiledQuery
	var err error
	if c.match, err = renderQuery(pq.terms, "AND", expand); err != nil {
		return c, err
	}
	if c.phrases, err = s.rankPhrases(pq.terms, expansions); err != nil {
		return c, err
	}
	not, err := renderQuery(pq.excluded, "OR", expand)
	if err != nil {
		return c, err
	}
	const matching = `SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?`
	switch {
	case not != "" && c.match != "":
		c.match += " NOT (" + not + ")"
	case not != "":
		c.match = quoteFTS(everyArticle) + " NOT (" + not + ")"
	}
	if c.match != "" {
		c.sets = append(c.sets, idSet{sql: matching, args: []any{c.match}})
	}
	for _, f := range pq.filters {
		if f.ids != "" && !f.negated {
			c.sets = append(c.sets, idSet{sql: f.ids, rowCond: f.rowCond, args: f.args})
			continue
		}
		if f.narrow != "" && !f.negated {
			c.narrow = append(c.narrow, idSet{sql: f.narrow, args: f.args})
		}
		c.where = append(c.where, f.sql())
		c.args = append(c.args, f.args...)
	}
	return c, nil
}

// matching is the statement selecting the ids (as id) of the articles that
// match the full-text expression, with more conditions on its rowid (cond,
// " AND …", with condArgs), only among c.within's articles when it is set.
func (c compiledQuery) matching(cond string, condArgs ...any) (string, []any) {
	q := `SELECT rowid AS id FROM articles_fts WHERE articles_fts MATCH ?` + cond
	args := append([]any{c.match}, condArgs...)
	if c.within != nil {
		q += ` AND rowid IN (` + c.within.sql + `)`
		args = append(args, c.within.args...)
	}
	return q, args
}

// sql is a filter as a condition on a and s.
func (f filter) sql() string {
	switch {
	case f.ids != "" && f.negated:
		return `a.id NOT IN (` + f.ids + `)`
	case f.ids != "":
		return `a.id IN (` + f.ids + `)`
	case f.negated && f.notCond != "":
		return f.notCond
	case f.negated:
		return `NOT (` + f.cond + `)`
	}
	return f.cond
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
