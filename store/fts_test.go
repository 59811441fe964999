package store

import (
	"context"
	"strings"
	"testing"
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
