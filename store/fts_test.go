package store

import (
	"context"
	"slices"
	"strings"
	"testing"

	"kabar/articles"
)

// TestIndexFollowsEveryChange checks the full-text index the writer keeps by
// batch (migration 9): an article edited between imports, and an article
// saved twice in one batch (a teaser and the full text under one URL), are
// found by their new words only, a deleted article by none, and FTS5's own
// integrity check, which compares the index with the articles, passes.
func TestIndexFollowsEveryChange(t *testing.T) {
	s, ctx, dir := openTemp(t), context.Background(), t.TempDir()
	p := writeFile(t, dir, "berita.txt", seedShape)
	if _, err := s.Import(ctx, []string{p}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	assertHits(t, s, "seratus", 1)
	writeFile(t, dir, "berita.txt", strings.Replace(seedShape, "seratus lapak", "sembilan puluh lapak", 1))
	if sum, err := s.Import(ctx, []string{p}, ImportOptions{}); err != nil || sum.Updated != 1 {
		t.Fatalf("re-import: %+v, %v", sum, err)
	}
	assertHits(t, s, "seratus", 0)
	assertHits(t, s, "sembilan", 1)

	teaser := writeFile(t, dir, "a/teaser.csv", teaserCSV)
	full := writeFile(t, dir, "b/full.csv", fullCSV)
	sum, err := s.Import(ctx, []string{teaser, full}, ImportOptions{Workers: 1})
	if err != nil || sum.New != 1 || sum.New+sum.Updated+sum.Unchanged != 2 {
		t.Fatalf("teaser and full text in one import: %+v, %v", sum, err)
	}
	assertHits(t, s, "wisatawan", 1)
	assertHits(t, s, "kendari", 1)
	assertIndexMatchesArticles(t, s)

	hits, err := s.Search(ctx, "sembilan", 0, 10, false)
	if err != nil || len(hits) != 1 {
		t.Fatalf("search sembilan: %d hits, %v", len(hits), err)
	}
	if _, err := s.Delete(ctx, hits[0].ID); err != nil {
		t.Fatal(err)
	}
	assertHits(t, s, "sembilan", 0)
	assertIndexMatchesArticles(t, s)
}

// assertIndexMatchesArticles runs FTS5's own integrity check, which
// compares the index with the articles' text (the articles_text view).
func assertIndexMatchesArticles(t *testing.T, s *Store) {
	t.Helper()
	if _, err := s.db.Exec(`INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("full-text index differs from the articles: %v", err)
	}
}

func assertHits(t *testing.T, s *Store, word string, want int) {
	t.Helper()
	n, err := s.SearchCount(context.Background(), word, false, 0)
	if err != nil || n != want {
		t.Errorf("search %q: %d hits, %v; want %d", word, n, err, want)
	}
}

// TestExclusionsAloneFindEveryOtherArticle: a query of exclusions alone
// matches the token every title holds in the index (everyArticle) NOT the
// excluded words, so every article must hold it, whether imported, edited,
// deleted and restored, or without a word in its title. The results are
// exactly the articles without the word, newest first and by relevance
// alike, and the count agrees.
func TestExclusionsAloneFindEveryOtherArticle(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	article := func(title, body, path string) articles.Article {
		return articles.Article{Title: title, Body: body, Origin: articles.Origin{Path: path}}
	}
	as := []articles.Article{
		article("Pemerintah bangun tanggul laut", "Warga pesisir menyambut rencana pemerintah.", "a"),
		article("Harga cabai naik", "Pedagang di pasar mengeluh sejak pekan lalu.", "b"),
		article("—", "Judulnya tanpa kata, isinya tanpa kata itu.", "c"),
		article("Sea wall plans", "Residents welcomed the plan of the pemerintah daerah.", "d"),
		article("Banjir rob di Jakarta Utara", "", "e"),
	}
	if _, err := s.ImportArticles(ctx, slices.Clone(as)); err != nil {
		t.Fatal(err)
	}
	assertWithout(t, s, "-pemerintah", "Harga cabai naik", "—", "Banjir rob di Jakarta Utara")
	assertWithout(t, s, `-pemerintah -"banjir rob"`, "Harga cabai naik", "—")

	as[1].Body += " Kata pemerintah, harga akan turun."
	if sum, err := s.ImportArticles(ctx, as[1:2]); err != nil || sum.Updated != 1 {
		t.Fatalf("editing an article: %+v, %v", sum, err)
	}
	assertWithout(t, s, "-pemerintah", "—", "Banjir rob di Jakarta Utara")

	hits, err := s.Search(ctx, "-pemerintah", 0, 10, false)
	if err != nil || len(hits) != 2 {
		t.Fatalf("-pemerintah: %d hits, %v", len(hits), err)
	}
	removed, err := s.Delete(ctx, hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	assertWithout(t, s, "-pemerintah", hits[1].Title)
	if err := s.Restore(ctx, removed); err != nil {
		t.Fatal(err)
	}
	assertWithout(t, s, "-pemerintah", "—", "Banjir rob di Jakarta Utara")
	assertIndexMatchesArticles(t, s)
}

// assertWithout checks that query finds exactly the articles titled want,
// in both orders, and counts them.
func assertWithout(t *testing.T, s *Store, query string, want ...string) {
	t.Helper()
	ctx := context.Background()
	slices.Sort(want)
	for order, search := range map[string]func(context.Context, string, int, int, bool) ([]articles.Listing, error){
		"newest first": s.Search, "by relevance": s.SearchByRelevance,
	} {
		hits, err := search(ctx, query, 0, 100, false)
		if err != nil {
			t.Fatalf("%s %s: %v", query, order, err)
		}
		var got []string
		for _, h := range hits {
			got = append(got, h.Title)
		}
		slices.Sort(got)
		if !slices.Equal(got, want) {
			t.Errorf("%s %s: %q, want %q", query, order, got, want)
		}
	}
	if n, err := s.SearchCount(ctx, query, false, 0); err != nil || n != len(want) {
		t.Errorf("%s: counted %d, %v; want %d", query, n, err, len(want))
	}
}
