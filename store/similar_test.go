package store

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kabar/articles"
)

// storyLibrary imports testdata/stories (three stories with editors'
// related links, one of them also as another outlet's copy, a bridge story
// in two parts, and two unrelated city stories that share only common words)
// among filler articles written from news's most common words, so that
// document counts look like a real library's. It returns the library and
// the story articles' ids by file name prefix ("a1", "c2", ...).
func storyLibrary(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	s, ctx := openTemp(t), context.Background()
	dir := filepath.Join("testdata", "stories")
	if _, err := s.Import(ctx, []string{dir}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if _, err := s.ImportArticles(ctx, fillerArticles(120)); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	rows := must(s.db.QueryContext(ctx, `SELECT id, origin FROM articles WHERE origin LIKE '%stories%'`))(t)
	defer rows.Close()
	for rows.Next() {
		var id int64
		var origin string
		check(t, rows.Scan(&id, &origin))
		ids[filepath.Base(origin)[:2]] = id
	}
	if len(ids) != 11 {
		t.Fatalf("story articles imported: %v", ids)
	}
	return s, ids
}

// fillerArticles are n articles written from words every news library is
// full of (Indonesian and English), none of them a story of the fixture.
func fillerArticles(n int) []articles.Article {
	id := strings.Fields(`pemerintah kota warga program jalan anggaran masyarakat pedagang kegiatan dinas rumah anak hujan air
		kecamatan kelurahan petugas sekolah pasar bantuan harga musim banjir sungai jembatan wali gubernur pengungsi posko`)
	en := strings.Fields(`government city residents people police report officials budget harbour passengers council school
		market prices weather rain river bridge mayor governor rescue boats strong week`)
	out := make([]articles.Article, n)
	for i := range out {
		r := rand.New(rand.NewPCG(uint64(i), 7))
		words := id
		if i%3 == 0 {
			words = en
		}
		var b strings.Builder
		for range 6 {
			for k := range 9 {
				w := words[r.IntN(len(words))]
				if k == 0 {
					w = strings.ToUpper(w[:1]) + w[1:]
				}
				b.WriteString(w + " ")
			}
			b.WriteString("itu.\n\n")
		}
		out[i] = articles.Article{
			Title:  fmt.Sprintf("%s %s %s Nomor %d", words[r.IntN(len(words))], words[r.IntN(len(words))], words[r.IntN(len(words))], i),
			Source: "Filler Harian", Body: b.String(), Origin: articles.Origin{Path: "filler.jsonl", Record: i + 1},
		}
	}
	return out
}

func similarIDs(t *testing.T, s *Store, id int64, limit int) ([]int64, []articles.Similar) {
	t.Helper()
	found := must(s.Similar(context.Background(), id, limit))(t)
	ids := make([]int64, len(found))
	for i, f := range found {
		ids[i] = f.ID
	}
	return ids, found
}

func TestSimilarArticles(t *testing.T) {
	s, ids := storyLibrary(t)
	name := map[int64]string{}
	for k, v := range ids {
		name[v] = k
	}
	names := func(found []articles.Similar) string {
		var b strings.Builder
		for _, f := range found {
			n := name[f.ID]
			if n == "" {
				n = "filler"
			}
			fmt.Fprintf(&b, "%s(%.2f%s) ", n, f.Score, map[bool]string{true: " same"}[f.SameStory])
		}
		return b.String()
	}
	cases := []struct {
		of        string
		want      []string // in the first five, any order
		sameStory string   // the copy shown first, as the same story
		not       []string // never similar
	}{
		{of: "a1", want: []string{"a2", "a4"}, sameStory: "a3", not: []string{"u1", "u2", "b1"}},
		{of: "a3", want: []string{"a2"}, sameStory: "a1"},
		{of: "a2", want: []string{"a1", "a3", "a4"}, not: []string{"c1"}},
		{of: "a4", want: []string{"a1", "a2"}},
		{of: "b2", want: []string{"b1"}, not: []string{"a1", "a2"}},
		{of: "c1", want: []string{"c2", "c3"}, not: []string{"a1"}},
		{of: "c3", want: []string{"c1", "c2"}},
		{of: "u1", not: []string{"u2", "a1", "a3"}},
		{of: "u2", not: []string{"u1", "a1", "a3"}},
	}
	for _, c := range cases {
		got, found := similarIDs(t, s, ids[c.of], 5)
		t.Logf("similar to %s: %s", c.of, names(found))
		for _, w := range c.want {
			if !slices.Contains(got, ids[w]) {
				t.Errorf("similar to %s: %s not in the first five: %s", c.of, w, names(found))
			}
		}
		for _, w := range c.not {
			if slices.Contains(got, ids[w]) {
				t.Errorf("similar to %s: %s is not the same story: %s", c.of, w, names(found))
			}
		}
		for _, f := range found {
			if f.SameStory != (c.sameStory != "" && f.ID == ids[c.sameStory]) {
				t.Errorf("similar to %s: same story marked wrong: %s", c.of, names(found))
			}
			if f.Score <= 0 || f.Score > 1 {
				t.Errorf("similar to %s: score %v out of (0, 1]", c.of, f.Score)
			}
		}
		if c.sameStory != "" && (len(found) == 0 || found[0].ID != ids[c.sameStory]) {
			t.Errorf("similar to %s: the copy %s does not come first: %s", c.of, c.sameStory, names(found))
		}
		if slices.Contains(got, ids[c.of]) {
			t.Errorf("similar to %s lists itself", c.of)
		}
	}
}

// TestSimilarFindsTheEditorsLinks is the quality measure on the
// fixture: for every related link an editor wrote ("Baca juga", "Read
// also"), the linked article is among the first five similar articles of
// the linking one. (On a real corpus the bar is half the pairs; the fixture
// is small and clean, so it must be all of them.)
func TestSimilarFindsTheEditorsLinks(t *testing.T) {
	s, _ := storyLibrary(t)
	rate, pairs := editorLinkRate(t, s, 1000)
	t.Logf("linked article among the first five similar in %.0f%% of %d pairs", 100*rate, pairs)
	if pairs < 5 || rate < 1 {
		t.Fatalf("linked article among the first five similar in %.0f%% of %d pairs", 100*rate, pairs)
	}
}

// TestSimilarFindsTheEditorsLinksInARealCorpus measures the same on a real
// library kept outside the repository (KABAR_REAL_CORPUS names its file;
// the test only reads it): the 500 most recent resolved related links. The
// issue's bar is half of them.
func TestSimilarFindsTheEditorsLinksInARealCorpus(t *testing.T) {
	path := os.Getenv("KABAR_REAL_CORPUS")
	if path == "" {
		t.Skip("set KABAR_REAL_CORPUS to a kabar library of a real news corpus to measure similar articles against its editors' links")
	}
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	rate, pairs := editorLinkRate(t, s, 500)
	t.Logf("linked article among the first five similar in %.1f%% of %d pairs", 100*rate, pairs)
	if rate < 0.5 {
		t.Fail()
	}
}

// editorLinkRate is the share of resolved related links (the most recent
// limit) whose target is among the first five similar articles of their
// article.
func editorLinkRate(t *testing.T, s *Store, limit int) (float64, int) {
	ctx := context.Background()
	type pair struct{ from, to int64 }
	var pairs []pair
	rows := must(s.db.QueryContext(ctx, `SELECT DISTINCT article_id, target_id FROM refs
		WHERE target_id IS NOT NULL AND target_id <> article_id ORDER BY article_id DESC LIMIT ?`, limit))(t)
	for rows.Next() {
		var p pair
		check(t, rows.Scan(&p.from, &p.to))
		pairs = append(pairs, p)
	}
	check(t, rows.Close())
	hits := 0
	for _, p := range pairs {
		got, _ := similarIDs(t, s, p.from, 5)
		if slices.Contains(got, p.to) {
			hits++
		}
	}
	if len(pairs) == 0 {
		return 0, 0
	}
	return float64(hits) / float64(len(pairs)), len(pairs)
}

// TestSimilarInASmallLibrary: in the 28 articles of the demo library most
// words occur once, and an article's own words must not crowd out the
// ones it shares: the stories about the same place still find each other.
func TestSimilarInASmallLibrary(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	must(s.Import(ctx, []string{filepath.Join("..", "articles", "demo", "files")}, ImportOptions{}))(t)
	idOf := func(title string) int64 {
		var id int64
		check(t, s.db.QueryRow(`SELECT id FROM articles WHERE title = ?`, title).Scan(&id))
		return id
	}
	for of, want := range map[string]string{
		"Presiden Resmikan Bendungan Baru di NTT":             "Petani NTT Bersiap Tanam Dua Kali Setahun",
		"Night Buses Return to the Harbour Line":              "Night Market Returns to the Old Harbour",
		"Jalur Evakuasi Merapi Diperlebar Jelang Musim Hujan": "Jembatan Gantung Baru Hubungkan Dua Desa di Lereng Merapi",
	} {
		got, found := similarIDs(t, s, idOf(of), 5)
		if !slices.Contains(got, idOf(want)) {
			var titles []string
			for _, f := range found {
				titles = append(titles, fmt.Sprintf("%s (%.2f)", f.Title, f.Score))
			}
			t.Errorf("similar to %q lacks %q: %q", of, want, titles)
		}
	}
}
