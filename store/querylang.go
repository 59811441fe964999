package store

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// A search is words (all must match), "quoted phrases", prefix* words,
// -excluded words or phrases, and fields:
//
//	title:WORD       the word (or "phrase", or prefix*) in the title
//	source:TEXT      outlet or feed whose name holds TEXT (any case);
//	                 source:"Name" the outlet or feed named exactly that
//	tag:NAME         tagged NAME (any case)
//	author:TEXT      an author or editor whose name holds TEXT;
//	                 author:"Name" the person named exactly that
//	after:DATE       dated on or after DATE (YYYY-MM-DD, YYYY-MM or YYYY)
//	before:DATE      dated before DATE
//	is:unread, is:read, is:starred
//	has:links        has related links
//
// A field may be excluded too (-source:x, -is:read). Nothing typed is an
// error: an unknown field, a value a field cannot take (after:soon) or a
// stray operator is searched as words, and a field with no value yet (while
// typing) is left out.

// parsedQuery is a search taken apart.
type parsedQuery struct {
	terms    []queryTerm // must match
	excluded []queryTerm // must not match
	filters  []filter    // conditions on fields
}

// queryTerm is one full-text term: a word or a phrase, matched whole or as a
// prefix, anywhere or only in the title.
type queryTerm struct {
	text   string
	prefix bool
	column string // "" or "title"
}

// filter is a condition on a stored article, with its arguments: either a
// condition in SQL over the aliases a (articles) and s (state), with its
// negation when that is not simply NOT (cond), or a statement selecting the
// ids (as id) of the articles that pass, and then perhaps also the same
// test as a condition on one article (rowCond, with the same arguments),
// cheaper when most articles pass. A condition may also have narrow: a
// statement selecting the ids that pass through an index, which a query
// starts from when few articles pass (is:starred, after:, before:).
// negated asks for the articles that do not pass.
type filter struct {
	cond, notCond string
	ids, rowCond  string
	narrow        string
	negated       bool
	args          []any
}

// token is one element of a query as typed.
type token struct {
	text    string
	field   string // a known field's name, lower case
	negated bool
	quoted  bool
}

// knownFields are the fields a query may name.
var knownFields = map[string]bool{"title": true, "source": true, "tag": true, "author": true, "after": true, "before": true, "is": true, "has": true}

// parseQuery takes what a user typed apart. With prefixLast the last plain
// word is a prefix (filter as you type), left out while shorter than
// minPrefixRunes.
func parseQuery(input string, prefixLast bool) parsedQuery {
	toks := tokenize(input)
	var q parsedQuery
	for i, tok := range toks {
		last := prefixLast && i == len(toks)-1
		if f, ok := fieldFilter(tok); ok {
			f.negated = tok.negated
			q.filters = append(q.filters, f)
			continue
		}
		text := tok.text
		if tok.field != "" && tok.field != "title" {
			text = tok.field + ":" + text // a value the field cannot take: words
		}
		t, ok := termOf(text, tok.quoted, last && !tok.negated)
		if !ok {
			continue
		}
		if tok.field == "title" {
			t.column = "title"
		}
		if tok.negated {
			q.excluded = append(q.excluded, t)
		} else {
			q.terms = append(q.terms, t)
		}
	}
	return q
}

// termOf makes a full-text term of a word or phrase; ok is false when
// nothing searchable is left (or, as a filter's last word, too little yet).
func termOf(text string, quoted, typing bool) (queryTerm, bool) {
	var t queryTerm
	if !quoted {
		t.prefix = strings.HasSuffix(text, "*")
		text = strings.TrimRight(text, "*")
	}
	t.text = text
	if !hasWordChar(text) {
		return t, false
	}
	if typing && !quoted && !t.prefix {
		if utf8.RuneCountInString(text) < minPrefixRunes && !hasCJK(text) {
			return t, false
		}
		t.prefix = true
	}
	return t, true
}

// fieldFilter is a field token's filter; false when the token names no
// field, or one that cannot take the value, which is then searched as words.
func fieldFilter(tok token) (filter, bool) {
	switch v := strings.ToLower(tok.text); tok.field {
	case "source":
		pattern := likeContaining(tok.text)
		if tok.quoted {
			pattern = likeExactly(tok.text)
		}
		const outlets = `source IN (SELECT source FROM source_counts WHERE source LIKE ? ESCAPE '\')
				OR source IN (SELECT outlet FROM feeds WHERE name LIKE ? ESCAPE '\' AND outlet <> '')`
		return filter{ids: `SELECT id FROM articles INDEXED BY articles_source WHERE ` + outlets,
			rowCond: `(a.` + strings.Replace(outlets, "OR source", "OR a.source", 1) + `)`,
			args:    []any{pattern, pattern}}, true
	case "tag":
		return filter{ids: `SELECT at.article_id AS id FROM tags t
			CROSS JOIN article_tags at ON at.tag_id = t.id WHERE t.name = ?`,
			args: []any{strings.TrimSpace(tok.text)}}, true
	case "author":
		pattern := likeContaining(tok.text)
		if tok.quoted {
			pattern = likeExactly(tok.text)
		}
		return filter{ids: `SELECT DISTINCT ap.article_id AS id FROM people p
			CROSS JOIN article_people ap ON ap.person_id = p.id WHERE p.name LIKE ? ESCAPE '\'`,
			args: []any{pattern}}, true
	case "after", "before":
		day, ok := parseDay(v)
		op := ">="
		if tok.field == "before" {
			op = "<"
		}
		return filter{cond: `a.sort_key ` + op + ` ?`, args: []any{day.Unix()},
			narrow: `SELECT id FROM articles INDEXED BY articles_sort WHERE sort_key ` + op + ` ?`}, ok
	case "is":
		// a missing state row is unread and not starred; s.starred = 1 can
		// use the starred index
		conds := map[string]filter{
			"unread": {cond: `coalesce(s.read, 0) = 0`, notCond: `s.read = 1`},
			"read":   {cond: `s.read = 1`, notCond: `coalesce(s.read, 0) = 0`},
			"starred": {cond: `s.starred = 1`, notCond: `coalesce(s.starred, 0) = 0`,
				narrow: `SELECT article_id AS id FROM state INDEXED BY state_starred WHERE starred = 1`},
		}
		f, ok := conds[v]
		return f, ok
	case "has":
		return filter{cond: hasLinks}, v == "links"
	}
	return filter{}, false // no field, or title: (a full-text term of the title column)
}

// hasLinks is true for an article with related links, asked of refs' index.
const hasLinks = `EXISTS (SELECT 1 FROM refs r WHERE r.article_id = a.id)`

// likeContaining is a LIKE pattern matching text anywhere (ASCII letters in
// any case), its own % and _ taken literally.
func likeContaining(text string) string {
	return "%" + likeExactly(text) + "%"
}

// likeExactly is a LIKE pattern matching text whole (ASCII letters in any
// case).
func likeExactly(text string) string {
	return strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`).Replace(text)
}

// parseDay reads YYYY-MM-DD, YYYY-MM or YYYY as the start of that day,
// month or year in the local time zone.
func parseDay(v string) (time.Time, bool) {
	for _, layout := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(v) == len(layout) {
			if t, err := time.ParseInLocation(layout, v, time.Local); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// tokenize splits a query into tokens: whitespace separates them, "quotes"
// hold a phrase (also as a field's value), a leading - excludes, and a known
// field's name before a colon names the field. Control characters and
// invalid UTF-8 are spaces (a NUL would end an FTS5 string early).
func tokenize(input string) []token {
	rest := strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, strings.ToValidUTF8(input, " "))
	var toks []token
	for {
		rest = strings.TrimLeftFunc(rest, unicode.IsSpace)
		if rest == "" {
			return toks
		}
		var tok token
		if len(rest) > 1 && rest[0] == '-' && !unicode.IsSpace(rune(rest[1])) {
			tok.negated, rest = true, rest[1:]
		}
		if colon := strings.IndexByte(rest, ':'); colon > 0 && knownFields[strings.ToLower(rest[:colon])] {
			tok.field, rest = strings.ToLower(rest[:colon]), rest[colon+1:]
		}
		if rest != "" && rest[0] == '"' {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				tok.text, rest = rest[1:], ""
			} else {
				tok.text, rest = rest[1:1+end], rest[2+end:]
			}
			tok.quoted = true
		} else {
			end := strings.IndexFunc(rest, func(r rune) bool { return unicode.IsSpace(r) || r == '"' })
			if end < 0 {
				end = len(rest)
			}
			tok.text, rest = rest[:end], rest[end:]
		}
		if tok.field != "" && strings.TrimSpace(tok.text) == "" {
			continue // a field with no value yet
		}
		toks = append(toks, tok)
	}
}
