package store

import (
	"context"
	"maps"
	"math"
	"slices"
	"strings"
	"testing"
)

// TestSearchOnRealShapes: on a real-shape corpus (glued markers, teasers of
// the same URL, several scripts, feeds whose refs carry URLs), the
// newest-first walk's pages equal a full sort, and so do the ids export
// reads (IDs), and relevance's scores equal bm25()'s, for words, phrases
// and prefixes taken from its own titles.
func TestSearchOnRealShapes(t *testing.T) {
	const n = 200
	s, _, _ := importRealShape(t, n)
	ctx := context.Background()
	var queries []string
	for _, title := range slices.Sorted(maps.Keys(storedByTitle(t, s, n))) { // the same queries every run
		words := strings.Fields(title)
		if len(words) < 3 || len(queries) > 24 {
			continue
		}
		queries = append(queries, words[0], `"`+words[1]+" "+words[2]+`"`, words[1]+"*", "-"+words[0], words[0]+" is:starred")
	}
	for id := int64(7); id <= 3*7; id += 7 { // three starred: fewer than a common word's matches
		check(t, s.SetStarred(ctx, id, true))
	}
	if len(queries) < 20 {
		t.Fatalf("only %d queries from the corpus's titles", len(queries))
	}
	walking := walkCosts{question: 1, row: 1, gap: 2}
	never := walkCosts{question: 1e12, row: 1e12, gap: 2}
	walked, narrowed := 0, 0
	for _, q := range queries {
		s.sortAllUpTo, s.walkCosts = 1<<30, never
		want := everyPage(t, s, q, 30)
		s.sortAllUpTo, s.walkCosts = 3, walking
		if got := everyPage(t, s, q, 30); !slices.Equal(got, want) {
			t.Errorf("%q: walked %v…, want by a full sort %v…", q, head(got), head(want))
		}
		for _, upTo := range []int{3, 1 << 30} { // collected, and sorted all at once
			s.sortAllUpTo = upTo
			if got := must(s.IDs(ctx, q))(t); !slices.Equal(got, want) {
				t.Errorf("%q: IDs with sortAllUpTo %d %v…, want %v…", q, upTo, head(got), head(want))
			}
		}
		s.sortAllUpTo = 3
		c := must(s.compile(ctx, q, false))(t)
		if _, size := must2(s.narrowest(ctx, c, -1))(t); size >= 0 {
			narrowed++
		}
		if ids, ok := must2(s.walkNewest(ctx, c, 30))(t); ok {
			walked++
			if !slices.Equal(ids, want[:min(30, len(want))]) {
				t.Errorf("%q: the walk's first 30 %v…, want %v…", q, head(ids), head(want))
			}
		}
		if len(c.phrases) == 0 { // nothing to rank by: SearchByRelevance goes newest first
			continue
		}
		ours := must(s.bm25Scores(ctx, c, 0, "", nil))(t)
		theirs := map[int64]float64{}
		rows := must(s.db.QueryContext(ctx, `SELECT rowid, -bm25(articles_fts, 5.0, 1.0) FROM articles_fts WHERE articles_fts MATCH ?`, c.match))(t)
		for rows.Next() {
			var id int64
			var score float64
			check(t, rows.Scan(&id, &score))
			theirs[id] = score
		}
		rows.Close()
		if len(ours) != len(theirs) {
			t.Errorf("%q: scored %d, bm25 matches %d", q, len(ours), len(theirs))
			continue
		}
		factor := math.NaN()
		for id, want := range theirs {
			if len(c.phrases) == 1 && math.IsNaN(factor) {
				factor = want / ours[id]
			}
			got := ours[id]
			if len(c.phrases) == 1 {
				got *= factor
			}
			if math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
				t.Errorf("%q: article %d scores %.12f, bm25 %.12f", q, id, got, want)
				break
			}
		}
	}
	assertIDsOfEveryArticle(t, s)
	if narrowed == 0 {
		t.Error("no query started from its starred articles: narrowing is not exercised")
	}
	if walked < len(queries)/4 {
		t.Errorf("only %d of %d queries were walked newest first: the walk is not exercised", walked, len(queries))
	}
	t.Logf("%d of %d queries walked, %d started from the starred articles", walked, len(queries), narrowed)
}

// assertIDsOfEveryArticle checks that IDs of the empty query is every
// article newest first, as List's pages give them.
func assertIDsOfEveryArticle(t *testing.T, s *Store) {
	t.Helper()
	ctx := context.Background()
	var want []int64
	for offset := 0; ; offset += 30 {
		page := must(s.List(ctx, ListOptions{Offset: offset, Limit: 30}))(t)
		for _, l := range page {
			want = append(want, l.ID)
		}
		if len(page) < 30 {
			break
		}
	}
	if got := must(s.IDs(ctx, ""))(t); len(want) == 0 || !slices.Equal(got, want) {
		t.Errorf("IDs of every article %v…, want %d as listed %v…", head(got), len(want), head(want))
	}
}
