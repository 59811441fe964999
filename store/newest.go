package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"math"
	"slices"

	"kabar/articles"
)

// walkCosts are what a newest-first walk weighs, in matches read from the
// full-text index.
type walkCosts struct {
	// question is the cost of one question to the full-text index.
	question float64
	// row is the cost of reading one article to test a condition on it.
	row float64
	// gap is the widest gap between two ids of a step that one range
	// question still covers: reading the matches in between costs less
	// than a second question.
	gap int64
}

// defaultWalkCosts are measured on a 1,000,000-article library, where
// reading a match costs about 0.25 µs and a question about one rowid about
// 85 µs; reading an article's row about 3 µs.
var defaultWalkCosts = walkCosts{question: 300, row: 12, gap: 256}

// walkMinStep and walkMaxStep bound how many articles one step of the walk
// reads from the date index.
const walkMinStep, walkMaxStep = 64, 4096

// newestWalk finds a query's first results newest first by walking the
// date index a step at a time and asking the full-text index only about
// the rowid ranges each step's articles fall in (or, for a query whose
// first set is an outlet's, testing the outlet on each article). When articles were
// imported roughly in date order (a feed, a library grown day by day) a
// step's articles sit in one range and a page costs a few questions; in
// any order, a word in most articles fills a page after a few probes. It
// gives up (ok false) as soon as going on would cost more than collecting
// every match, which is what a query of rarer words does instead.
type newestWalk struct {
	match string // the full-text expression
	and   string // the query's other conditions, " AND …" on a and s
	args  []any  // their arguments
	total int    // articles in the library
	costs walkCosts

	ids        []int64 // results so far, newest first
	examined   int     // articles read from the date index
	matched    int     // of those, how many match the full-text expression
	sampled    int     // articles sampled before the walk (see sample)
	sampleHits int     // of those, how many match
	lastKey    int64   // where the next step starts: after (lastKey, lastID)
	lastID     int64
	rangeQ     *sql.Stmt
}

// walkNewest returns the first need results of a compiled query with a
// full-text match newest first, or ok false when collecting every match
// costs less (see newestWalk).
func (s *Store) walkNewest(ctx context.Context, c compiledQuery, need int) (ids []int64, ok bool, err error) {
	first, and, args, hasFirst := c.splitTesting(true)
	w := &newestWalk{match: c.match, and: and, args: args, costs: s.walkCosts, lastKey: math.MaxInt64, lastID: math.MaxInt64}
	if c.from != nil {
		w.lastKey, w.lastID = c.from.SortKey, c.from.ID
	}
	if c.match == "" && hasFirst { // the first set tested on each article instead
		w.and, w.args = " AND "+first.rowCond+and, append(slices.Clone(first.args), args...)
	}
	if err := w.sample(ctx, s); err != nil {
		return nil, false, err
	}
	if w.rangeQ, err = s.db.PrepareContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? AND rowid BETWEEN ? AND ?`); err != nil {
		return nil, false, err
	}
	defer w.rangeQ.Close()
	for step := max(2*need, walkMinStep); len(w.ids) < need; step = w.nextStep(need) {
		batch, err := w.read(ctx, s, step)
		if err != nil {
			return nil, false, err
		}
		if w.costlierThanCollecting(batch, need) {
			return nil, false, nil
		}
		if err := w.keep(ctx, s, batch); err != nil {
			return nil, false, err
		}
		if len(batch) < step { // the library has no more
			break
		}
	}
	return w.ids[:min(need, len(w.ids))], true, nil
}

// walkable reports whether walkNewest can walk a query: one with a
// full-text match, or whose first set can be tested on each article.
func (c compiledQuery) walkable() bool {
	switch {
	case c.match != "":
		return true
	case len(c.sets) > 0:
		return c.sets[0].rowCond != ""
	}
	return false
}

// sampleSize is how many of the most recently imported articles the walk
// asks about first, to learn how common the expression's matches are.
const sampleSize = 4096

// sample counts the library and the expression's matches among its most
// recently imported articles.
func (w *newestWalk) sample(ctx context.Context, s *Store) error {
	var last int64
	err := s.db.QueryRowContext(ctx, `SELECT (SELECT n FROM counters WHERE name = 'articles'), coalesce((SELECT max(id) FROM articles), 0)`).Scan(&w.total, &last)
	if err != nil {
		return err
	}
	if w.match == "" {
		return nil
	}
	w.sampled = min(sampleSize, w.total)
	return s.db.QueryRowContext(ctx, `SELECT count(*) FROM articles_fts WHERE articles_fts MATCH ? AND rowid > ?`,
		w.match, last-sampleSize).Scan(&w.sampleHits)
}

// matchShare estimates the share of articles that match the expression,
// and passShare the share that also pass the other conditions.
func (w *newestWalk) matchShare() float64 {
	return float64(w.matched+w.sampleHits+1) / float64(w.examined+w.sampled+1)
}

func (w *newestWalk) passShare() float64 {
	if w.examined == 0 {
		return w.matchShare()
	}
	return float64(len(w.ids)+1) / float64(w.examined+1)
}

// costlierThanCollecting reports whether asking about this batch and the
// ones still needed after it, at this batch's cost per article, would cost
// more than collecting every match of the expression.
func (w *newestWalk) costlierThanCollecting(batch []int64, need int) bool {
	if len(batch) == 0 {
		return false
	}
	share := w.matchShare()
	cost := float64(len(batch)) * w.costs.row
	if w.match == "" { // collecting the set reads the articles that pass
		share = w.passShare()
	} else {
		cost = 0
		for _, r := range ranges(slices.Sorted(slices.Values(batch)), w.costs.gap) {
			cost += w.costs.question + float64(r[1]-r[0]+1)*share
		}
	}
	toExamine := float64(need-len(w.ids)) / w.passShare()
	return toExamine*cost/float64(len(batch)) > float64(w.total)*share
}

// nextStep sizes the next step from the share of articles that passed so
// far.
func (w *newestWalk) nextStep(need int) int {
	toExamine := float64(need-len(w.ids)) / w.passShare()
	return min(max(int(toExamine*1.25), walkMinStep), walkMaxStep)
}

// read returns the next n articles' ids, newest first.
func (w *newestWalk) read(ctx context.Context, s *Store, n int) ([]int64, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT id, sort_key FROM articles INDEXED BY articles_sort
		WHERE (sort_key, id) < (?, ?) ORDER BY sort_key DESC, id DESC LIMIT ?`, w.lastKey, w.lastID, n)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var batch []int64
	for rows.Next() {
		if err := rows.Scan(&w.lastID, &w.lastKey); err != nil {
			return nil, err
		}
		batch = append(batch, w.lastID)
	}
	return batch, rows.Err()
}

// keep adds the articles of batch that match and pass the other
// conditions to the results.
func (w *newestWalk) keep(ctx context.Context, s *Store, batch []int64) error {
	w.examined += len(batch)
	found, err := w.matching(ctx, s, batch)
	if err != nil {
		return err
	}
	w.matched += len(found)
	hits := make([]int64, 0, len(batch))
	for _, id := range batch {
		if found[id] {
			hits = append(hits, id)
		}
	}
	if hits, err = w.passing(ctx, s, hits); err != nil {
		return err
	}
	w.ids = append(w.ids, hits...)
	return nil
}

// ranges groups sorted ids into [first, last] runs whose neighbours are at
// most gap apart: one question to the full-text index each.
func ranges(sorted []int64, gap int64) [][2]int64 {
	var out [][2]int64
	for lo := 0; lo < len(sorted); {
		hi := lo
		for hi+1 < len(sorted) && sorted[hi+1]-sorted[hi] <= gap {
			hi++
		}
		out = append(out, [2]int64{sorted[lo], sorted[hi]})
		lo = hi + 1
	}
	return out
}

// matching returns the articles of batch that match the expression,
// asking about the rowid ranges they fall in (ids at most costs.gap apart
// share one question) and about the lone ids all in one statement. With no
// expression every article matches.
func (w *newestWalk) matching(ctx context.Context, s *Store, batch []int64) (map[int64]bool, error) {
	found := make(map[int64]bool, len(batch))
	if w.match == "" {
		for _, id := range batch {
			found[id] = true
		}
		return found, nil
	}
	var lone []int64
	for _, r := range ranges(slices.Sorted(slices.Values(batch)), w.costs.gap) {
		if r[0] == r[1] {
			lone = append(lone, r[0])
			continue
		}
		ids, err := column[int64](w.rangeQ.QueryContext(ctx, w.match, r[0], r[1]))
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			found[id] = true
		}
	}
	if len(lone) > 0 {
		list, err := json.Marshal(lone)
		if err != nil {
			return nil, err
		}
		ids, err := column[int64](s.db.QueryContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
			AND rowid IN (SELECT value FROM json_each(?))`, w.match, string(list)))
		if err != nil {
			return nil, err
		}
		for _, id := range ids {
			found[id] = true
		}
	}
	return found, nil
}

// passing returns the ids (in their order) that pass the query's other
// conditions.
func (w *newestWalk) passing(ctx context.Context, s *Store, ids []int64) ([]int64, error) {
	if w.and == "" || len(ids) == 0 {
		return ids, nil
	}
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, err
	}
	return column[int64](s.db.QueryContext(ctx, `SELECT a.id FROM json_each(?) j CROSS JOIN articles a ON a.id = j.value
		LEFT JOIN state s ON s.article_id = a.id WHERE 1`+w.and+` ORDER BY j.key`, append([]any{string(list)}, w.args...)...))
}

// listingsOf returns the listings of ids in the given order (by default,
// the order of ids).
func (s *Store) listingsOf(ctx context.Context, what string, ids []int64, order string) ([]articles.Listing, error) {
	list, err := json.Marshal(ids)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, err)
	}
	if order == "" {
		order = "j.key"
	}
	return s.queryListings(ctx, what, `SELECT `+listColumns+` FROM json_each(?) j
		CROSS JOIN articles a ON a.id = j.value LEFT JOIN state s ON s.article_id = a.id ORDER BY `+order, string(list))
}
