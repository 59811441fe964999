package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"kabar/articles"
)

// TestNewestWalkAgreesWithAFullSort: a query matching more than the store
// sorts at once is walked newest first through the date index (asking the
// full-text index about each step, or testing an outlet on each article);
// its pages,
// with conditions and exclusions, equal what sorting every match gives, in
// a library imported in date order (one range a step) and in one imported
// out of it (a probe an article).
func TestNewestWalkAgreesWithAFullSort(t *testing.T) {
	ctx := context.Background()
	for _, order := range []string{"out of date order", "in date order"} {
		s := openTemp(t)
		as := datedArticles(600)
		if order == "in date order" {
			slices.SortFunc(as, func(a, b articles.Article) int { return a.Published.Compare(b.Published) })
		}
		for i := range as {
			as[i].Source = []string{"Harian Pesisir", "Suara Lereng", "Kabar Pesisir Timur"}[i%3]
		}
		if _, err := s.ImportArticles(ctx, as); err != nil {
			t.Fatal(err)
		}
		for id := int64(1); id <= 600; id += 4 {
			check(t, s.SetRead(ctx, id, true))
		}
		walked, walkedExcluding := 0, 0
		walking := walkCosts{question: 1, gap: 2}             // a small library walked as a large one: ranges and lone ids
		never := walkCosts{question: 1e12, row: 1e12, gap: 2} // every walk gives up at once
		for _, q := range []string{"banjir", "rob", "mengungsi laporan", `"air rob"`, "banjir is:unread", "banjir -rob", "ban", "warga is:read",
			"source:pesisir", "source:pesisir is:unread", "source:lereng -rob", `source:"Suara Lereng"`, "banjir source:pesisir",
			"-rob", "-rob is:unread", "-mengungsi", "-rob -mengungsi", `-"air rob" source:pesisir`} {
			s.sortAllUpTo, s.walkCosts = 1<<30, never
			want := everyPage(t, s, q, 70)
			s.sortAllUpTo, s.walkCosts = 50, walking
			if got := everyPage(t, s, q, 70); !slices.Equal(got, want) {
				t.Errorf("%s, %q: walked %d results %v…, want %d by a full sort %v…", order, q, len(got), head(got), len(want), head(want))
			}
			c, err := s.compile(ctx, q, q == "ban")
			if err != nil {
				t.Fatal(err)
			}
			if ids, ok, err := s.walkNewest(ctx, c, 100); err != nil {
				t.Fatal(err)
			} else if ok {
				walked++
				if strings.HasPrefix(q, "-") {
					walkedExcluding++
				}
				if !slices.Equal(ids, want[:min(100, len(want))]) {
					t.Errorf("%s, %q: walk's first 100 %v…, want %v…", order, q, head(ids), head(want))
				}
			}
		}
		if walked < 4 || walkedExcluding < 2 {
			t.Errorf("%s: only %d of the queries were walked, %d of exclusions alone; the test does not exercise the walk", order, walked, walkedExcluding)
		}
	}
}

// everyPage is every result of q, page by page, newest first.
func everyPage(t *testing.T, s *Store, q string, size int) []int64 {
	t.Helper()
	var ids []int64
	for offset := 0; ; offset += size {
		page, err := s.Search(context.Background(), q, offset, size, q == "ban")
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range page {
			ids = append(ids, l.ID)
		}
		if len(page) < size {
			return ids
		}
	}
}

// TestNewestWalkGivesUpWhenCollectingCostsLess: a first page of a frequent
// word is walked; a deep page is not, nor one of a word in half the
// library once a question about its articles costs more than reading every
// match (a small library's case).
func TestNewestWalkGivesUpWhenCollectingCostsLess(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	as := datedArticles(600)
	slices.SortFunc(as, func(a, b articles.Article) int { return a.Published.Compare(b.Published) })
	if _, err := s.ImportArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		query string
		need  int
		walk  bool
	}{
		{"banjir", 100, true},
		{"banjir", 500, false}, // one question about 600 articles costs more than reading 600 matches
		{"rob", 20, true},
		{"rob", 250, false},
	} {
		c, err := s.compile(ctx, tc.query, false)
		if err != nil {
			t.Fatal(err)
		}
		ids, ok, err := s.walkNewest(ctx, c, tc.need)
		if err != nil || ok != tc.walk {
			t.Errorf("%q, %d wanted: walked %v (%d ids), %v; want walked %v", tc.query, tc.need, ok, len(ids), err, tc.walk)
		}
	}
}

func TestRanges(t *testing.T) {
	for _, tc := range []struct {
		ids  []int64
		want [][2]int64
	}{
		{nil, nil},
		{[]int64{7}, [][2]int64{{7, 7}}},
		{[]int64{1, 2, 3, 300, 1000, 1200, 1456}, [][2]int64{{1, 3}, {300, 300}, {1000, 1456}}},
		{[]int64{1, 257, 514}, [][2]int64{{1, 257}, {514, 514}}},
	} {
		if got := ranges(tc.ids, 256); !slices.Equal(got, tc.want) {
			t.Errorf("ranges(%v) = %v, want %v", tc.ids, got, tc.want)
		}
	}
}

// TestWhichQueriesAreWalked: a query with words or exclusions (a full-text
// match) or with an outlet first can be walked newest first; one whose
// first set cannot be tested article by article (a tag's) cannot.
func TestWhichQueriesAreWalked(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	for q, want := range map[string]bool{
		"banjir": true, "banjir -rob": true, "source:pesisir": true, "source:pesisir -rob": true,
		"-rob": true, "-rob is:unread": true, "tag:arsip": false, "tag:arsip -rob": true, "is:unread": false,
	} {
		c, err := s.compile(ctx, q, false)
		if err != nil {
			t.Fatal(err)
		}
		if got := c.walkable(); got != want {
			t.Errorf("%q walkable: %v, want %v", q, got, want)
		}
	}
}
