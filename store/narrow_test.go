package store

import (
	"context"
	"slices"
	"testing"
)

// TestNarrowestStartsFromAFewArticles: a word in every article with a
// condition few articles pass (is:starred, after:, before:, tag:) starts
// from those articles and asks the full-text index only about them; pages
// newest first, pages by relevance and counts equal what the query gives
// without narrowing, and a condition no article passes finds nothing. A
// word rarer than the condition is read as it is.
func TestNarrowestStartsFromAFewArticles(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	if _, err := s.ImportArticles(ctx, datedArticles(600)); err != nil {
		t.Fatal(err)
	}
	for id := int64(3); id <= 600; id += 47 { // 13 starred
		check(t, s.SetStarred(ctx, id, true))
	}
	for id := int64(5); id <= 600; id += 61 {
		check(t, s.Tag(ctx, id, "pilihan"))
	}
	for _, tc := range []struct {
		query string
		size  int // of the set started from
	}{
		{"banjir is:starred", 13},
		{"rob is:starred", 13},
		{"banjir after:2026-08-01", 23},
		{"banjir before:2025-01-20", 19},
		{"banjir is:starred after:2026-01-01", 13},
		{"mengungsi tag:pilihan", 10},
		{"banjir after:2030-01-01", 0},
		{"banjir -rob is:starred is:unread", 13},
		{"5 is:starred", -1}, // the word is in fewer articles than are starred: the match is read
	} {
		s.sortAllUpTo = 50 // the word's 600 matches are many; the condition's few are not
		c, err := s.compile(ctx, tc.query, false)
		if err != nil {
			t.Fatal(err)
		}
		narrowed, size, err := s.narrowest(ctx, c, -1)
		if err != nil || size != tc.size {
			t.Errorf("%q: started from a set of %d (%v), want %d", tc.query, size, err, tc.size)
		}
		var asked int // the matches the full-text index is asked for
		if err := s.db.QueryRow(`SELECT count(*) FROM (`+narrowed.sets[0].sql+`)`, narrowed.sets[0].args...).Scan(&asked); err != nil || (tc.size >= 0 && asked > tc.size) {
			t.Errorf("%q: the match read %d articles (%v), more than the %d started from", tc.query, asked, err, tc.size)
		}
		newest, ranked, count := everyPage(t, s, tc.query, 7), relevancePage(t, s, tc.query), searchCount(t, s, tc.query)
		s.sortAllUpTo = -1 // nothing is few enough: every match collected
		if want := everyPage(t, s, tc.query, 7); !slices.Equal(newest, want) {
			t.Errorf("%q newest first: %v, want %v", tc.query, head(newest), head(want))
		}
		if want := relevancePage(t, s, tc.query); !slices.Equal(ranked, want) {
			t.Errorf("%q by relevance: %v, want %v", tc.query, head(ranked), head(want))
		}
		if want := searchCount(t, s, tc.query); count != want || (tc.size == 0 && count != 0) {
			t.Errorf("%q: counted %d, want %d", tc.query, count, want)
		}
	}
}

// relevancePage is the ids of the first 100 results of q by relevance.
func relevancePage(t *testing.T, s *Store, q string) []int64 {
	t.Helper()
	page, err := s.SearchByRelevance(context.Background(), q, 0, 100, false)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, l := range page {
		ids = append(ids, l.ID)
	}
	return ids
}

func searchCount(t *testing.T, s *Store, q string) int {
	t.Helper()
	n, err := s.SearchCount(context.Background(), q, false, 0)
	if err != nil {
		t.Fatal(err)
	}
	return n
}
