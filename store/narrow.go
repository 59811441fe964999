package store

import (
	"context"
	"encoding/json"
	"slices"
)

// narrowFirstUpTo is the most articles a query's smallest set may hold for
// the query to start from it before trying a newest-first walk: asking the
// full-text index about one article costs tens of microseconds at a
// million, so a few hundred cost less than most walks. Up to sortAllUpTo
// it is still where the query starts when the walk gives up.
const narrowFirstUpTo = 500

// narrowest restricts a query with a full-text match that holds many
// articles to its smallest other set (an id set, or a condition that can
// select its ids through an index: is:starred, after:, before:) when that
// set holds at most sortAllUpTo articles: the match is then asked only
// about them (c.within). It returns the restricted query and the set's
// size, or -1 (and c as it was) when no set is small enough. A word in most
// articles with is:starred, or after: a day few articles are dated after,
// then costs a question per starred or recent article instead of reading
// every match.
//
// matches is how many articles the match holds when known (counted up to
// sortAllUpTo+1), else -1 to count them here: a set no smaller than the
// match is not started from.
func (s *Store) narrowest(ctx context.Context, c compiledQuery, matches int) (compiledQuery, int, error) {
	if c.match == "" || len(c.sets) == 0 {
		return c, -1, nil
	}
	candidates := append(slices.Clone(c.sets[1:]), c.narrow...)
	if len(candidates) == 0 {
		return c, -1, nil
	}
	var err error
	if matches < 0 {
		if matches, err = s.countUpTo(ctx, c.sets[0], s.sortAllUpTo+1); err != nil {
			return c, -1, err
		}
	}
	best, size := -1, min(s.sortAllUpTo+1, matches)
	for i, set := range candidates {
		n, err := s.countUpTo(ctx, set, size)
		if err != nil {
			return c, -1, err
		}
		if n < size {
			best, size = i, n
		}
	}
	if best < 0 {
		return c, -1, nil
	}
	within := candidates[best]
	c.within = &within
	c.sets = slices.Clone(c.sets)
	q, args := c.matching("")
	c.sets[0] = idSet{sql: q, args: args}
	return c, size, nil
}

// countUpTo counts an id set's articles, stopping at limit (a negative
// limit counts them all).
func (s *Store) countUpTo(ctx context.Context, set idSet, limit int) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT count(*) FROM (`+set.sql+` LIMIT ?)`,
		append(slices.Clone(set.args), limit)...).Scan(&n)
	return n, err
}

// idsUpTo reads an id set's first limit ids.
func (s *Store) idsUpTo(ctx context.Context, set idSet, limit int) ([]int64, error) {
	return column[int64](s.db.QueryContext(ctx, `SELECT id FROM (`+set.sql+` LIMIT ?)`,
		append(slices.Clone(set.args), limit)...))
}

// startingFrom is c with its first set replaced by the ids it holds, read
// already: a set the full-text index answers is not asked again.
func (c compiledQuery) startingFrom(ids []int64) compiledQuery {
	if ids == nil {
		ids = []int64{} // [], not null
	}
	list, _ := json.Marshal(ids) // a slice of integers always encodes
	c.sets = slices.Clone(c.sets)
	c.sets[0] = idSet{sql: `SELECT value AS id FROM json_each(?)`, args: []any{string(list)}}
	return c
}
