package store

import (
	"context"
	"testing"
	"time"

	"kabar/articles"
)

// TestTheWriterKeepsCountsAndPeople imports articles in the shapes that
// touch the counts the writer keeps (migration 14): new articles of several
// outlets and people, the same URL twice in one batch with another outlet
// and author (a merge that updates an article inserted moments before), an
// edited file re-imported with a new outlet and authors, a batch with no
// outlet and nobody named, articles read, a deletion, and a deletion undone.
// After each step every kept count equals the count taken from the articles
// themselves.
func TestTheWriterKeepsCountsAndPeople(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	day := time.Date(2024, 3, 12, 9, 0, 0, 0, time.FixedZone("WIB", 7*3600))
	article := func(origin, url, source, title, body string, authors, editors []string) articles.Article {
		return articles.Article{Title: title, Body: body, Source: source, URL: url, Published: day,
			Authors: authors, Editors: editors, Origin: articles.Origin{Path: origin}}
	}
	first := []articles.Article{
		article("/a/pasar.txt", "https://kabarku.test/pasar-malam", "Kabarku", "Pasar Malam Tematik Dibuka di Alun-Alun",
			"Pemerintah kota membuka pasar malam tematik.", []string{"Dimas Prasetyo"}, []string{"Rahmi Lestari"}),
		article("/a/jembatan.txt", "", "Warta Timur", "Jembatan Baru Menghubungkan Dua Desa",
			"Jembatan sepanjang empat puluh meter diresmikan.", []string{"Dimas Prasetyo", "Sri Wulandari"}, nil),
		article("/a/ferry.txt", "", "", "Ferry Service Resumes After the Storm",
			"The ferry between the islands runs again.", nil, []string{"Jane Doe"}),
		// the same URL from a dataset, fuller and of another outlet: it
		// merges into the article saved three rows before, in the same batch
		article("/b/export.csv#1", "https://kabarku.test/pasar-malam", "Harian Lain", "Pasar Malam Tematik Dibuka di Alun-Alun",
			"Pemerintah kota membuka pasar malam tematik. Para pedagang menyambut baik dan lapak dibagi dengan undian.",
			[]string{"Budi Santoso"}, nil),
	}
	if _, err := s.ImportArticles(ctx, first); err != nil {
		t.Fatal(err)
	}
	checkDerivedCounts(t, s, "first batch")

	ls := must(s.List(ctx, ListOptions{}))(t)
	check(t, s.SetReadOf(ctx, []int64{ls[0].ID, ls[1].ID}, true))
	checkDerivedCounts(t, s, "after reading two")

	edited := article("/a/jembatan.txt", "", "Warta Timur Raya", "Jembatan Baru Menghubungkan Dua Desa",
		"Jembatan sepanjang lima puluh meter diresmikan bupati.", []string{"Sri Wulandari", "Andi Saputra"}, []string{"Rahmi Lestari"})
	more := article("/a/banjir.txt", "", "Warta Timur Raya", "Banjir Surut di Hilir Sungai",
		"Air mulai surut sejak pagi.", []string{"Andi Saputra"}, nil)
	if _, err := s.ImportArticles(ctx, []articles.Article{more, edited}); err != nil {
		t.Fatal(err)
	}
	checkDerivedCounts(t, s, "after an edit")

	// a batch with no outlet and nobody named
	bare := article("/a/bare.txt", "", "", "Catatan Tanpa Nama", "Tanpa penulis dan tanpa media.", nil, nil)
	if _, err := s.ImportArticles(ctx, []articles.Article{bare}); err != nil {
		t.Fatal(err)
	}
	checkDerivedCounts(t, s, "after an article without outlet or people")

	if _, err := s.Delete(ctx, ls[0].ID); err != nil {
		t.Fatal(err)
	}
	checkDerivedCounts(t, s, "after a deletion")

	// the reader's delete and undo: a read article with an outlet and people
	restore, err := s.Discard(ctx, ls[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	checkDerivedCounts(t, s, "after a discard")
	check(t, restore(ctx))
	checkDerivedCounts(t, s, "after the undo")
}

// checkDerivedCounts fails unless the counts the writer and the triggers
// keep equal those taken from the articles.
func checkDerivedCounts(t *testing.T, s *Store, step string) {
	t.Helper()
	checks := []struct{ what, sql string }{
		{"article count", `SELECT (SELECT n FROM counters WHERE name = 'articles') <> (SELECT count(*) FROM articles)`},
		{"read count", `SELECT (SELECT n FROM counters WHERE name = 'read') <> (SELECT count(*) FROM state WHERE read = 1)`},
		{"outlet counts", `SELECT (SELECT count(*) FROM (
			SELECT source, n, read_n FROM source_counts
			EXCEPT SELECT a.source, count(*), count(s.read = 1 OR NULL) FROM articles a LEFT JOIN state s ON s.article_id = a.id
				WHERE a.source <> '' GROUP BY a.source))
			+ (SELECT count(*) FROM (SELECT DISTINCT source FROM articles WHERE source <> '') x
				WHERE x.source NOT IN (SELECT source FROM source_counts))`},
		{"people", `WITH named AS (
				SELECT a.id, 'author' AS role, j.value AS name FROM articles a, json_each(a.authors) j
				UNION SELECT a.id, 'editor', j.value FROM articles a, json_each(a.editors) j)
			SELECT (SELECT count(*) FROM (SELECT article_id, role, p.name FROM article_people JOIN people p ON p.id = person_id
				EXCEPT SELECT * FROM named))
			+ (SELECT count(*) FROM (SELECT * FROM named
				EXCEPT SELECT article_id, role, p.name FROM article_people JOIN people p ON p.id = person_id))`},
	}
	for _, c := range checks {
		var wrong int
		if err := s.db.QueryRow(c.sql).Scan(&wrong); err != nil {
			t.Fatalf("%s: %s: %v", step, c.what, err)
		}
		if wrong != 0 {
			t.Errorf("%s: the %s differ from the articles' (%d)", step, c.what, wrong)
		}
	}
	var total, people int
	check(t, s.db.QueryRow(`SELECT (SELECT n FROM counters WHERE name = 'articles'), (SELECT count(*) FROM article_people)`).Scan(&total, &people))
	if total == 0 || people == 0 {
		t.Fatalf("%s: %d articles, %d people rows: nothing to compare", step, total, people)
	}
}

// TestEditedArticleAfterUnchangedOnesUpdates imports a directory again with
// one file edited after two unchanged ones: the writer, which looks an
// article up first once the last one was stored already, still updates the
// edited one and inserts the new one after it.
func TestEditedArticleAfterUnchangedOnesUpdates(t *testing.T) {
	s, ctx, dir := openTemp(t), context.Background(), t.TempDir()
	a := writeFile(t, dir, "a.txt", "Pasar Malam Dibuka\nKabarku - Pasar malam dibuka di alun-alun.\n- Penulis :\n- Dimas Prasetyo\n")
	b := writeFile(t, dir, "b.txt", "Jembatan Baru Diresmikan\nKabarku - Jembatan baru diresmikan bupati.\n- Penulis :\n- Dimas Prasetyo\n")
	c := writeFile(t, dir, "c.txt", "Banjir Surut di Hilir\nKabarku - Air mulai surut sejak pagi.\n- Penulis :\n- Dimas Prasetyo\n")
	if _, err := s.Import(ctx, []string{a, b, c}, ImportOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	writeFile(t, dir, "c.txt", "Banjir Surut di Hilir\nKabarku - Air mulai surut sejak pagi, kata warga.\n- Penulis :\n- Dimas Prasetyo\n")
	d := writeFile(t, dir, "d.txt", "Harga Cabai Turun\nKabarku - Harga cabai turun menjelang Ramadan.\n- Penulis :\n- Dimas Prasetyo\n")
	sum, err := s.Import(ctx, []string{a, b, c, d}, ImportOptions{Workers: 1})
	if err != nil || sum.Unchanged != 2 || sum.Updated != 1 || sum.New != 1 {
		t.Fatalf("import again: %+v, %v; want 2 unchanged, 1 updated, 1 new", sum, err)
	}
	checkDerivedCounts(t, s, "after the import again")
}
