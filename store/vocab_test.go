package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"kabar/articles"
	"kabar/articles/demo"
)

// TestVocabularyMatchesTheIndex imports real fixtures and checks that the
// terms kabar records are exactly the terms SQLite's tokenizer indexed.
func TestVocabularyMatchesTheIndex(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	as, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../articles/testdata/*.*")
	for _, p := range paths {
		f, _ := os.Open(p)
		more, _ := articles.Parse(p, f, articles.Options{})
		f.Close()
		as = append(as, more...)
	}
	as = append(as, articles.Article{Title: "Ünïcödé Straße Café Ａｂｃ", Body: "naïve façade — 東京の店 🏮 x-ray e-mail don't 3.14", Origin: articles.Origin{Path: "edge"}})
	if _, err := s.ImportArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, articles_fts, 'row')`); err != nil {
		t.Fatal(err)
	}
	indexed := readTerms(t, s, `SELECT term FROM temp.terms`)
	recorded := readTerms(t, s, `SELECT term FROM vocab`)
	for _, term := range indexed {
		if _, found := slices.BinarySearch(recorded, term); !found {
			t.Errorf("the index holds %q but the vocabulary does not", term)
		}
	}
	for _, term := range recorded {
		if _, found := slices.BinarySearch(indexed, term); !found {
			t.Errorf("the vocabulary holds %q but the index does not", term)
		}
	}
}

func readTerms(t *testing.T, s *Store, q string) []string {
	t.Helper()
	rows, err := s.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var term string
		rows.Scan(&term)
		out = append(out, term)
	}
	slices.Sort(out)
	return out
}

// TestPrefixExpansionFindsWhatAPrefixQueryFinds compares filtering through
// the vocabulary with FTS5's own prefix query.
func TestPrefixExpansionFindsWhatAPrefixQueryFinds(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	as, _ := demo.Articles()
	if _, err := s.ImportArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{"jem", "merapi jal", "harb", "pel", "cafe", "东", "lev", "201"} {
		expanded, err := s.Search(ctx, typed, 0, 1000, true)
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := renderQuery(parseQuery(typed, true), nil)
		var want []int64
		rows, err := s.db.Query(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC`, plain)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			want = append(want, id)
		}
		rows.Close()
		var got []int64
		for _, l := range expanded {
			got = append(got, l.ID)
		}
		if !slices.Equal(got, want) {
			t.Errorf("%q: expansion found %v, prefix query %v", typed, got, want)
		}
		n, _ := s.SearchCount(ctx, typed, true, 0)
		if n != len(want) {
			t.Errorf("%q: count %d, want %d", typed, n, len(want))
		}
	}
}
