package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"kabar/articles"
)

// datedArticles are n articles about "banjir", published one day apart in
// an order unlike their import order; every third also names "rob" in its
// title, every fifth in its body.
func datedArticles(n int) []articles.Article {
	var as []articles.Article
	for i := range n {
		day := (i * 7919) % n // a permutation of 0..n-1: imported out of date order
		a := articles.Article{
			Title:     fmt.Sprintf("Banjir Hari Ke-%d", day),
			Body:      fmt.Sprintf("Warga mengungsi karena banjir, laporan nomor %d.", day),
			Published: time.Date(2025, 1, 1, 8, 0, 0, 0, time.UTC).AddDate(0, 0, day),
			Origin:    articles.Origin{Path: fmt.Sprintf("banjir-%d.txt", day)},
		}
		if day%3 == 0 {
			a.Title += " dan Rob"
		} else if day%5 == 0 {
			a.Body += " Air rob juga naik."
		}
		as = append(as, a)
	}
	return as
}

// TestSearchIsNewestFirst: results come newest first whether the query
// matches a few articles (sorted all at once) or most of them (walked
// newest first), across pages, and match what a full sort gives.
func TestSearchIsNewestFirst(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	if _, err := s.ImportArticles(ctx, datedArticles(600)); err != nil {
		t.Fatal(err)
	}
	for _, limit := range []int{5000, 50} { // every query sorted at once, then frequent ones walked
		s.sortAllUpTo = limit
		for _, q := range []string{"banjir", "rob", "mengungsi laporan", "ban"} {
			want := allByDate(t, s, q)
			var got []int64
			for offset := 0; ; offset += 70 {
				page, err := s.Search(ctx, q, offset, 70, q == "ban")
				if err != nil {
					t.Fatal(err)
				}
				for _, l := range page {
					got = append(got, l.ID)
				}
				if len(page) < 70 {
					break
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("sortAllUpTo %d, %q: %d results %v…, want %d newest first %v…", limit, q, len(got), head(got), len(want), head(want))
			}
		}
	}
}

// allByDate is every match of q, newest first, by a plain full sort.
func allByDate(t *testing.T, s *Store, q string) []int64 {
	t.Helper()
	c, err := s.compile(context.Background(), q, q == "ban")
	if err != nil {
		t.Fatal(err)
	}
	fts := c.match
	ids, err := column[int64](s.db.Query(`SELECT a.id FROM articles a WHERE a.id IN (SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?)
		ORDER BY a.sort_key DESC, a.id DESC`, fts))
	if err != nil || len(ids) == 0 {
		t.Fatalf("%q: %d matches, %v", q, len(ids), err)
	}
	return ids
}

func head(ids []int64) []int64 { return ids[:min(len(ids), 5)] }

// TestSearchByRelevanceRanksTitlesFirst: an article naming the words in its
// title ranks above one naming them only in its body.
func TestSearchByRelevanceRanksTitlesFirst(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	if _, err := s.ImportArticles(ctx, datedArticles(60)); err != nil {
		t.Fatal(err)
	}
	ls, err := s.SearchByRelevance(ctx, "rob", 0, 100, false)
	if err != nil || len(ls) != 28 { // 20 with rob in the title, 8 in the body only
		t.Fatalf("%d results, %v", len(ls), err)
	}
	seenBody := false
	for _, l := range ls {
		inTitle := len(l.Title) > 4 && l.Title[len(l.Title)-3:] == "Rob"
		if inTitle && seenBody {
			t.Fatalf("%q (rob in its title) ranks below an article naming rob only in its body", l.Title)
		}
		seenBody = seenBody || !inTitle
	}
}

// TestRelevanceRanksTheMostRecentMatches: with more matches than it ranks,
// relevance ranks the most recently imported ones that pass the query's
// other conditions, best first; with fewer, all of them.
func TestRelevanceRanksTheMostRecentMatches(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	if _, err := s.ImportArticles(ctx, datedArticles(60)); err != nil {
		t.Fatal(err)
	}
	all, err := s.Search(ctx, "rob", 0, 100, false)
	if err != nil || len(all) != 28 {
		t.Fatalf("%d matches, %v", len(all), err)
	}
	var ids []int64
	for _, l := range all {
		ids = append(ids, l.ID)
	}
	slices.Sort(ids)
	s.rankUpTo = 10
	ranked, err := s.SearchByRelevance(ctx, "rob", 0, 100, false)
	if err != nil || len(ranked) != 10 {
		t.Fatalf("ranked %d, %v; want the 10 most recently imported", len(ranked), err)
	}
	for _, l := range ranked {
		if l.ID < ids[len(ids)-10] {
			t.Fatalf("article %d is not among the 10 most recently imported matches (from %d)", l.ID, ids[len(ids)-10])
		}
	}
	var starred []int64
	for _, id := range ids[:3] { // the oldest imports
		check(t, s.SetStarred(ctx, id, true))
		starred = append(starred, id)
	}
	ls, err := s.SearchByRelevance(ctx, "rob is:starred", 0, 100, false)
	if err != nil || len(ls) != 3 {
		t.Fatalf("rob is:starred: %d, %v; the bound counts matches that pass is:starred", len(ls), err)
	}
}
