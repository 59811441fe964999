package store

import (
	"cmp"
	"context"
	"fmt"
	"math"
	"slices"
	"strings"

	"kabar/articles"
)

// Relevance is BM25 as SQLite's FTS5 computes it with bm25(articles_fts,
// 5.0, 1.0), but computed here: FTS5's function counts, for every query,
// the documents each phrase is in by reading the phrase's whole index (a
// third of a second for a phrase of common words at a million articles),
// and measures each row again because the index keeps no column sizes. Here
// the documents per phrase come from a sample (exact in a library up to
// sampleSize articles; a query of one phrase needs none), the averages from
// the index's own totals, and the term frequencies from the candidates'
// text, cut and folded as the index's tokenizer does it.
const (
	bm25K1, bm25B    = 1.2, 0.75
	titleMatchWeight = 5.0 // a title match weighs five times a body match
)

// rankPhrase is one phrase of a query as bm25 sees it: its tokens, whether
// the last is a prefix, the column it is limited to, and the phrase alone
// as a full-text expression.
type rankPhrase struct {
	tokens []string
	prefix bool
	column string // "" or "title"
	match  string
}

// rankPhrases are the phrases of a query's terms as FTS5 parses them, a
// prefix expanded into words (expansions) being one phrase a word.
func (s *Store) rankPhrases(terms []queryTerm, expansions map[string][]string) ([]rankPhrase, error) {
	var out []rankPhrase
	add := func(text string, prefix bool, column string) error {
		tokens, err := s.vocab.termsOf(text)
		if err != nil || len(tokens) == 0 {
			return err
		}
		q, _ := renderQuery([]queryTerm{{text: text, prefix: prefix, column: column}}, "AND", nil)
		out = append(out, rankPhrase{tokens: tokens, prefix: prefix, column: column, match: q})
		return nil
	}
	for _, t := range terms {
		words := expansions[t.text]
		if !t.prefix || words == nil {
			if err := add(t.text, t.prefix, t.column); err != nil {
				return nil, err
			}
			continue
		}
		for _, w := range words {
			if err := add(w, false, t.column); err != nil {
				return nil, err
			}
		}
	}
	return out, nil
}

// rankedIDs returns the ids of the matches of c from rowid from on that
// pass its other conditions (and, args), best first.
func (s *Store) rankedIDs(ctx context.Context, c compiledQuery, from int64, and string, args []any) ([]int64, error) {
	scores, err := s.bm25Scores(ctx, c, from, and, args)
	if err != nil {
		return nil, err
	}
	ids := make([]int64, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Or(cmp.Compare(scores[b], scores[a]), cmp.Compare(b, a)) })
	return ids, nil
}

// bm25Scores scores the matches of c from rowid from on that pass its
// other conditions: higher is better (bm25() returns the negation).
func (s *Store) bm25Scores(ctx context.Context, c compiledQuery, from int64, and string, args []any) (map[int64]float64, error) {
	rows, avgLen, err := s.indexTotals(ctx)
	if err != nil {
		return nil, err
	}
	idf, err := s.phraseIDFs(ctx, c.phrases, rows)
	if err != nil {
		return nil, err
	}
	matches, matchArgs := c.matching(" AND rowid >= ?", from)
	cur, err := s.db.QueryContext(ctx, `SELECT a.id, a.title, b.text FROM
			(`+matches+`) m
		CROSS JOIN articles a ON a.id = m.id CROSS JOIN bodies b ON b.id = a.id LEFT JOIN state s ON s.article_id = a.id WHERE 1`+and,
		append(matchArgs, args...)...)
	if err != nil {
		return nil, err
	}
	defer cur.Close()
	scores := map[int64]float64{}
	freq := make([]float64, len(c.phrases))
	for cur.Next() {
		var id int64
		var title string
		var packed []byte
		if err := cur.Scan(&id, &title, &packed); err != nil {
			return nil, err
		}
		body, err := unpackBody(packed)
		if err != nil {
			return nil, fmt.Errorf("article %d: %w", id, err)
		}
		titleTokens, err := s.vocab.termsOf(title)
		if err != nil {
			return nil, err
		}
		bodyTokens, err := s.vocab.termsOf(body)
		if err != nil {
			return nil, err
		}
		for i, p := range c.phrases {
			freq[i] = titleMatchWeight*float64(p.count(titleTokens, "title")) + float64(p.count(bodyTokens, "body"))
		}
		length := float64(len(titleTokens) + len(bodyTokens) + 1) // and everyArticle
		var score float64
		for i := range c.phrases {
			score += idf[i] * (freq[i] * (bm25K1 + 1)) / (freq[i] + bm25K1*(1-bm25B+bm25B*length/avgLen))
		}
		scores[id] = score
	}
	return scores, cur.Err()
}

// count is how many times the phrase occurs in a column's tokens.
func (p rankPhrase) count(tokens []string, column string) int {
	if p.column != "" && p.column != column {
		return 0
	}
	n := 0
	last := len(p.tokens) - 1
	for i := 0; i+last < len(tokens); i++ {
		if p.at(tokens[i : i+last+1]) {
			n++
		}
	}
	return n
}

// at reports whether tokens (as many as the phrase's) are the phrase.
func (p rankPhrase) at(tokens []string) bool {
	last := len(p.tokens) - 1
	for j, t := range p.tokens[:last] {
		if tokens[j] != t {
			return false
		}
	}
	if p.prefix {
		return strings.HasPrefix(tokens[last], p.tokens[last])
	}
	return tokens[last] == p.tokens[last]
}

// indexTotals reads the full-text index's row count and the average
// number of tokens a row holds (over both columns) from the index's own
// totals record, which it keeps also without column sizes.
func (s *Store) indexTotals(ctx context.Context) (rows int64, avgLen float64, err error) {
	var record []byte
	if err := s.db.QueryRowContext(ctx, `SELECT block FROM articles_fts_data WHERE id = 1`).Scan(&record); err != nil {
		return 0, 0, fmt.Errorf("index totals: %w", err)
	}
	n, size := sqliteVarint(record)
	var tokens int64
	for i := size; i < len(record); {
		v, size := sqliteVarint(record[i:])
		if size == 0 {
			break
		}
		tokens += int64(v)
		i += size
	}
	if n == 0 {
		return 0, 1, nil
	}
	return int64(n), math.Max(float64(tokens)/float64(n), 1), nil
}

// sqliteVarint decodes one of SQLite's big-endian variable-length integers
// and says how many bytes it took (0 when b ends first).
func sqliteVarint(b []byte) (uint64, int) {
	var v uint64
	for i := 0; i < len(b) && i < 9; i++ {
		if i == 8 {
			return v<<8 | uint64(b[i]), 9
		}
		v = v<<7 | uint64(b[i]&0x7f)
		if b[i] < 0x80 {
			return v, i + 1
		}
	}
	return 0, 0
}

// phraseIDFs is each phrase's inverse document frequency as bm25 computes
// it, from the documents that hold it among the newest sampleSize
// (scaled to the library; exact when the library is no larger). A query
// of one phrase needs none: any weight ranks alike.
func (s *Store) phraseIDFs(ctx context.Context, phrases []rankPhrase, rows int64) ([]float64, error) {
	idf := make([]float64, len(phrases))
	if len(phrases) == 1 {
		idf[0] = 1
		return idf, nil
	}
	var last int64
	if err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles`).Scan(&last); err != nil {
		return nil, err
	}
	window, after := int64(sampleSize), last-sampleSize
	if rows <= sampleSize { // count them all
		window, after = rows, 0
	}
	for i, p := range phrases {
		var hits int64
		if err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ?`,
			p.match, after).Scan(&hits); err != nil {
			return nil, err
		}
		if window > 0 && window < rows {
			hits = min(hits*rows/window, rows)
		}
		idf[i] = math.Log((float64(rows-hits) + 0.5) / (float64(hits) + 0.5))
		if idf[i] <= 0 {
			idf[i] = 1e-6
		}
	}
	return idf, nil
}

// rankedPage is a page of ranked ids' listings.
func (s *Store) rankedPage(ctx context.Context, query string, ids []int64, offset, limit int) ([]articles.Listing, error) {
	ids = ids[min(offset, len(ids)):]
	return s.listingsOf(ctx, "search "+query, ids[:min(limit, len(ids))], "")
}
