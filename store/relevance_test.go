package store

import (
	"context"
	"fmt"
	"math"
	"testing"
	"time"

	"kabar/articles"
)

// relevanceArticles are Indonesian and English articles about a flood and
// a ferry of many lengths, with the words in titles, bodies, both and as
// phrases, plus Cyrillic and Greek ones.
func relevanceArticles() []articles.Article {
	var as []articles.Article
	for i := range 240 {
		title := fmt.Sprintf("Warga Kendari Bersiap Nomor %d", i)
		body := "Laporan harian dari kota pesisir."
		switch i % 6 {
		case 0:
			title = fmt.Sprintf("Banjir Rob Kendari Nomor %d", i)
		case 1:
			body += " Pembangunan sarana air bersih dibahas warga."
		case 2:
			body += " Banjir datang lagi; banjir rob merendam pembangunan sarana pasar."
		case 3:
			title = fmt.Sprintf("Ferry Delayed in Lombok Strait %d", i)
			body = "The ferry to Lombok was delayed by high waves. Passengers waited for the ferry."
		case 4:
			title = fmt.Sprintf("Наводнение в Кендари %d", i)
			body = "Наводнение затронуло город. Αθήνα στέλνει βοήθεια."
		}
		body += fmt.Sprintf(" Kode arsip kode%d, kode%d, kode%d.", i, i+1000, i+2000) // kode* stands for too many words to expand
		for range i % 7 {                                                             // bodies of different lengths
			body += " Pemerintah kota menyiapkan perahu karet dan tenda pengungsian."
		}
		as = append(as, articles.Article{Title: title, Body: body, Source: "Kabar Uji",
			Published: time.Date(2025, 3, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(i) * time.Hour),
			Origin:    articles.Origin{Path: fmt.Sprintf("uji-%d.txt", i)}})
	}
	return as
}

// TestRelevanceIsFTS5sBM25: the scores relevance ranks by are those of
// SQLite's bm25(articles_fts, 5.0, 1.0) for every kind of query (words,
// a phrase, a prefix as typed, expanded and too common to expand, a title: word, an exclusion,
// other scripts), up to a factor that is the same for every row of a
// query of one phrase (whose weight bm25 takes from the index, and
// relevance leaves out: it ranks alike).
func TestRelevanceIsFTS5sBM25(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	if _, err := s.ImportArticles(ctx, relevanceArticles()); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{"banjir", "banjir rob", `"pembangunan sarana"`, "pemerintah perahu", "pembang", "perah*",
		"title:banjir kendari", "banjir -pasar", "ferry lombok", "наводнение", "αθήνα", "kendari", "kode*", "kode* banjir"} {
		c, err := s.compile(ctx, q, q == "pembang")
		if err != nil {
			t.Fatal(err)
		}
		ours, err := s.bm25Scores(ctx, c, 0, "", nil)
		if err != nil {
			t.Fatal(err)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT rowid, -bm25(articles_fts, 5.0, 1.0) FROM articles_fts WHERE articles_fts MATCH ?`, c.match)
		if err != nil {
			t.Fatal(err)
		}
		theirs := map[int64]float64{}
		for rows.Next() {
			var id int64
			var score float64
			check(t, rows.Scan(&id, &score))
			theirs[id] = score
		}
		check(t, rows.Err())
		rows.Close()
		if len(theirs) == 0 || len(ours) != len(theirs) {
			t.Errorf("%q: scored %d rows, FTS5 matches %d", q, len(ours), len(theirs))
			continue
		}
		factor := 1.0
		if len(c.phrases) == 1 {
			for id := range theirs {
				factor = theirs[id] / ours[id]
				break
			}
		}
		for id, want := range theirs {
			if got := ours[id] * factor; math.Abs(got-want) > 1e-9*math.Max(1, math.Abs(want)) {
				t.Errorf("%q: article %d scores %.12f, bm25 %.12f (phrases %+v)", q, id, got, want, c.phrases)
				break
			}
		}
	}
}

// TestRelevanceInAnEmptyLibrary: ranking needs the index's totals, which an
// empty library may not have yet; the search finds nothing, without error.
func TestRelevanceInAnEmptyLibrary(t *testing.T) {
	s := openTemp(t)
	ls, err := s.SearchByRelevance(context.Background(), "banjir rob", 0, 10, false)
	if err != nil || len(ls) != 0 {
		t.Fatalf("%d results, %v", len(ls), err)
	}
}
