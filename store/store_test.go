package store

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"kabar/articles"
)

func openTemp(t *testing.T) *Store {
	t.Helper()
	s, err := Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

// seedShape is an article in the seed's shape naming two related titles.
const seedShape = `
Kabarku - Pemerintah Kota Malang resmi membuka pasar malam tematik di alun-alun. Para pedagang menyambut baik.
Dikutip dari laman resmi pemkot, Selasa (12/3/2024). kepala dinas mengatakan pasar buka tiap pekan.
Baca juga:
Harga Cabai di Pasar Besar Malang Turun Jelang Ramadan
Pedagang Kaki Lima Alun-Alun Malang Dapat Tenda Gratis
Sri Wulandari diketahui sudah menyiapkan seratus lapak dengan sistem undian.
- Penulis :
- Dimas Prasetyo
- Editor :
- Rahmi Lestari
`

const laterArticle = `Harga Cabai di Pasar Besar Malang Turun Jelang Ramadan
Kabarku - Harga cabai rawit di Pasar Besar Malang turun menjelang Ramadan, kata para pedagang pada Senin (11/3/2024).
`

func TestImportTwiceIsIdempotent(t *testing.T) {
	s, ctx, dir := openTemp(t), context.Background(), t.TempDir()
	p := writeFile(t, dir, "berita.txt", seedShape)
	sum, err := s.Import(ctx, []string{p}, ImportOptions{})
	if err != nil || sum.New != 1 || sum.Unchanged != 0 {
		t.Fatalf("first import: %+v, %v", sum, err)
	}
	sum, err = s.Import(ctx, []string{p}, ImportOptions{})
	if err != nil || sum.New != 0 || sum.Unchanged != 1 || sum.Updated != 0 {
		t.Fatalf("second import: %+v, %v", sum, err)
	}
	ls, err := s.List(ctx, ListOptions{})
	if err != nil || len(ls) != 1 {
		t.Fatalf("list: %+v, %v", ls, err)
	}
	a, err := s.Article(ctx, ls[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if a.Source != "Kabarku" || a.Published.Format("2006-01-02") != "2024-03-12" || len(a.Related) != 2 ||
		a.Authors[0] != "Dimas Prasetyo" || a.Editors[0] != "Rahmi Lestari" || a.Origin.Path != p {
		t.Fatalf("stored article: %+v", a)
	}
	for _, r := range a.Related {
		if r.Target != 0 || r.Match != articles.MatchNone {
			t.Errorf("ref %+v resolved with nothing to resolve to", r)
		}
	}
}

func TestLaterImportResolvesOlderRefsAndBacklinks(t *testing.T) {
	s, ctx, dir := openTemp(t), context.Background(), t.TempDir()
	first := writeFile(t, dir, "a/berita.txt", seedShape)
	if _, err := s.Import(ctx, []string{first}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	later := writeFile(t, dir, "b/cabai.txt", laterArticle)
	sum, err := s.Import(ctx, []string{later}, ImportOptions{})
	if err != nil || sum.New != 1 || sum.Resolved != 1 {
		t.Fatalf("later import: %+v, %v", sum, err)
	}
	src := findByTitlePrefix(t, s, "Pemerintah Kota Malang")
	dst := findByTitlePrefix(t, s, "Harga Cabai")
	a, err := s.Article(ctx, src)
	if err != nil {
		t.Fatal(err)
	}
	if a.Related[0].Target != dst || a.Related[0].Match != articles.MatchExact || a.Related[0].TargetTitle == "" {
		t.Errorf("ref 0 = %+v, want target %d exact", a.Related[0], dst)
	}
	if a.Related[1].Target != 0 {
		t.Errorf("ref 1 = %+v, want unresolved", a.Related[1])
	}
	b, err := s.Article(ctx, dst)
	if err != nil {
		t.Fatal(err)
	}
	if len(b.ReferencedBy) != 1 || b.ReferencedBy[0].ID != src {
		t.Errorf("referenced_by = %+v, want [%d]", b.ReferencedBy, src)
	}
}

func findByTitlePrefix(t *testing.T, s *Store, prefix string) int64 {
	t.Helper()
	ls, err := s.List(context.Background(), ListOptions{Limit: 1000})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range ls {
		if strings.HasPrefix(l.Title, prefix) {
			return l.ID
		}
	}
	t.Fatalf("no article titled %q…", prefix)
	return 0
}

func TestSameContentFromTwoPlacesIsStoredOnce(t *testing.T) {
	s, ctx, dir := openTemp(t), context.Background(), t.TempDir()
	a := writeFile(t, dir, "one/berita.txt", seedShape)
	b := writeFile(t, dir, "two/copy.txt", seedShape)
	csv := writeFile(t, dir, "data.csv", "title,body\n\"Solo Title\",\"Body of a dataset row.\"\n")
	csv2 := writeFile(t, dir, "data2.csv", "judul,isi\n\"Solo Title\",\"Body of a dataset row.\"\n")
	sum, err := s.Import(ctx, []string{a, b, csv, csv2}, ImportOptions{Workers: 1})
	if err != nil || sum.New != 2 || sum.Unchanged != 2 {
		t.Fatalf("import: %+v, %v", sum, err)
	}
	c, err := s.Counts(ctx)
	if err != nil || c.Total != 2 {
		t.Fatalf("counts = %+v, %v", c, err)
	}
}

func TestEditedFileUpdatesInPlace(t *testing.T) {
	s, ctx, dir := openTemp(t), context.Background(), t.TempDir()
	p := writeFile(t, dir, "berita.txt", seedShape)
	target := writeFile(t, dir, "tenda.txt", "Pedagang Kaki Lima Alun-Alun Malang Dapat Tenda Gratis\nKabarku - Tenda dibagikan gratis pada Senin.\n")
	if _, err := s.Import(ctx, []string{p}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	id := findByTitlePrefix(t, s, "Pemerintah Kota Malang")
	if err := s.SetStarred(ctx, id, true); err != nil {
		t.Fatal(err)
	}
	edited := strings.Replace(seedShape, "Harga Cabai di Pasar Besar Malang Turun Jelang Ramadan\n", "", 1)
	edited = strings.Replace(edited, "seratus lapak", "dua ratus lapak", 1)
	writeFile(t, dir, "berita.txt", edited)
	sum, err := s.Import(ctx, []string{p, target}, ImportOptions{Workers: 1})
	if err != nil || sum.Updated != 1 || sum.New != 1 {
		t.Fatalf("re-import: %+v, %v", sum, err)
	}
	a, err := s.Article(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Body, "dua ratus lapak") || len(a.Related) != 1 || a.Related[0].Target == 0 || !a.Starred {
		t.Fatalf("updated article: body has edit=%v related=%+v starred=%v", strings.Contains(a.Body, "dua ratus"), a.Related, a.Starred)
	}
	c, _ := s.Counts(ctx)
	if c.Total != 2 {
		t.Fatalf("total = %d, want 2", c.Total)
	}
}

func TestImportCountsSkippedAndFailed(t *testing.T) {
	s, ctx, dir := openTemp(t), context.Background(), t.TempDir()
	writeFile(t, dir, "ok.txt", seedShape)
	writeFile(t, dir, "photo.jpg", "\xff\xd8\xff")
	writeFile(t, dir, "empty.txt", "")
	writeFile(t, dir, ".hidden/secret.txt", seedShape)
	writeFile(t, dir, "bad.json", "{not json")
	sum, err := s.Import(ctx, []string{dir}, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if sum.New != 1 || sum.Skipped != 2 || sum.Failed != 1 || len(sum.Failures) != 1 ||
		!strings.Contains(sum.Failures[0].Err.Error(), "bad.json") {
		t.Fatalf("summary = %+v", sum)
	}
}

func TestMigrations(t *testing.T) {
	ctx := context.Background()
	t.Run("from empty", func(t *testing.T) {
		s := openTemp(t)
		v, err := s.SchemaVersion(ctx)
		if err != nil || v != len(migrationFiles()) {
			t.Fatalf("version = %d, %v", v, err)
		}
		var hashSize int
		if err := s.db.QueryRow(`SELECT v FROM articles_fts_config WHERE k = 'hashsize'`).Scan(&hashSize); err != nil || hashSize != 32<<20 {
			t.Fatalf("full-text index hash size = %d, %v; want 32 MB (migration 15)", hashSize, err)
		}
	})
	for from := 1; from < len(migrationFiles()); from++ {
		t.Run(fmt.Sprintf("from version %d", from), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			old, err := openVersion(path, from)
			if err != nil {
				t.Fatal(err)
			}
			insert, index := `INSERT INTO articles (key, content_hash, title, norm_title, sort_key, body, origin, imported)
				VALUES ('origin:x', x'01', 'Old Article', 'old article', 1, 'Body.', 'x', 1)`,
				`INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles`
			if from >= packedBodiesMigration { // bodies packed in a table of their own
				insert = `INSERT INTO articles (key, content_hash, title, norm_title, sort_key, origin)
					VALUES ('origin:x', x'01', 'Old Article', 'old article', 1, 'x');
					INSERT INTO bodies (id, text) SELECT id, kabar_pack('Body.') FROM articles`
				index = `INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles_text`
			}
			if from >= 18 { // from migration 18 on, the writer stores the title's key
				insert += `; UPDATE articles SET title_key = kabar_title_key(norm_title)`
			}
			if _, err := old.db.Exec(insert); err != nil {
				t.Fatal(err)
			}
			if from >= 9 { // from migration 9 on, the writer indexes, not a trigger
				if _, err := old.db.Exec(index); err != nil {
					t.Fatal(err)
				}
			}
			if from >= 14 { // and from 14 on, it counts
				if _, err := old.db.Exec(`UPDATE counters SET n = n + 1 WHERE name = 'articles'`); err != nil {
					t.Fatal(err)
				}
			}
			old.Close()
			s, err := Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer s.Close()
			if v, _ := s.SchemaVersion(ctx); v != len(migrationFiles()) {
				t.Fatalf("version after migrate = %d", v)
			}
			ls, err := s.List(ctx, ListOptions{})
			if err != nil || len(ls) != 1 || ls[0].Title != "Old Article" {
				t.Fatalf("old data after migrate: %+v, %v", ls, err)
			}
			if err := s.SetRead(ctx, ls[0].ID, true); err != nil {
				t.Fatalf("state table missing after migrate: %v", err)
			}
			if c, err := s.Counts(ctx); err != nil || c.Total != 1 || c.Unread != 0 {
				t.Fatalf("counts after migrate: %+v, %v", c, err)
			}
			if hits, err := s.Search(ctx, "arti", 0, 10, true); err != nil || len(hits) != 1 {
				t.Fatalf("search after migrate: %d hits, %v", len(hits), err)
			}
			if hits, err := s.Search(ctx, "-banjir", 0, 10, false); err != nil || len(hits) != 1 {
				t.Fatalf("search of an exclusion after migrate: %d hits, %v", len(hits), err)
			}
			assertIndexMatchesArticles(t, s)
			linking := articles.Article{Title: "Linking Article", Body: "Body.", Origin: articles.Origin{Path: "y"},
				Related: []articles.Ref{{Title: "Old Article"}}}
			if _, err := s.ImportArticles(ctx, []articles.Article{linking}); err != nil {
				t.Fatal(err)
			}
			if got := must(s.Article(ctx, findByTitlePrefix(t, s, "Linking")))(t); got.Related[0].Target != ls[0].ID || got.Related[0].Match != articles.MatchExact {
				t.Fatalf("a ref to the old article's title after migrate: %+v", got.Related[0])
			}
			if from < 5 { // migration 5 fills the vocabulary from the index
				if terms, ok, err := s.expandPrefix(ctx, "arti"); err != nil || !ok || terms[0] != "article" {
					t.Fatalf("vocabulary after migrate: %q, %v, %v", terms, ok, err)
				}
			}
			if _, err := s.AddFeed(ctx, "https://example.org/feed.xml", "Example", false); err != nil {
				t.Fatalf("feeds after migrate: %v", err)
			}
		})
	}
	t.Run("newer library refused", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "new.db")
		s, err := Open(path)
		if err != nil {
			t.Fatal(err)
		}
		s.db.Exec("PRAGMA user_version = 99")
		s.Close()
		if _, err := Open(path); err == nil || !strings.Contains(err.Error(), "newer") || !strings.Contains(err.Error(), path) {
			t.Fatalf("err = %v", err)
		}
	})
}

func TestStateAndListFilters(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	var as []articles.Article
	for i := range 5 {
		as = append(as, articles.Article{Title: "Artikel " + string(rune('A'+i)), Body: "Isi.",
			Published: time.Date(2025, 1, 1+i, 0, 0, 0, 0, time.UTC), Origin: articles.Origin{Path: "mem", Record: i + 1}})
	}
	if _, err := s.ImportArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	ls := must(s.List(ctx, ListOptions{}))(t)
	if len(ls) != 5 || ls[0].Title != "Artikel E" {
		t.Fatalf("newest first: %+v", ls)
	}
	check(t, s.SetRead(ctx, ls[0].ID, true))
	check(t, s.SetStarred(ctx, ls[1].ID, true))
	check(t, s.SetScroll(ctx, ls[1].ID, 42))
	unread := must(s.List(ctx, ListOptions{Unread: true}))(t)
	starred := must(s.List(ctx, ListOptions{Starred: true}))(t)
	page := must(s.List(ctx, ListOptions{Offset: 3, Limit: 10}))(t)
	c := must(s.Counts(ctx))(t)
	a := must(s.Article(ctx, ls[1].ID))(t)
	if len(unread) != 4 || len(starred) != 1 || len(page) != 2 || c != (articles.Counts{Total: 5, Unread: 4, Starred: 1}) || a.Scroll != 42 || !a.Starred {
		t.Fatalf("unread %d starred %d page %d counts %+v scroll %d", len(unread), len(starred), len(page), c, a.Scroll)
	}
	if _, err := s.Article(ctx, 9999); err == nil {
		t.Fatal("missing article gave no error")
	}
}

// TestListingDatesAndLinks: a listing of an undated article carries the
// day it was imported, a dated one its publication date only; the link mark
// follows the stored related links (the list reads neither from the columns
// stored after the body).
func TestListingDatesAndLinks(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	before := time.Now().Add(-time.Second)
	as := []articles.Article{
		{Title: "Bertanggal", Body: "Isi.", Published: time.Date(2025, 1, 2, 3, 4, 5, 0, time.UTC),
			Related: []articles.Ref{{Title: "Artikel lain"}}, Origin: articles.Origin{Path: "mem", Record: 1}},
		{Title: "Tanpa tanggal", Body: "Isi lain.", Origin: articles.Origin{Path: "mem", Record: 2}},
	}
	if _, err := s.ImportArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	byTitle := map[string]articles.Listing{}
	for _, l := range must(s.List(ctx, ListOptions{}))(t) {
		byTitle[l.Title] = l
	}
	dated, undated := byTitle["Bertanggal"], byTitle["Tanpa tanggal"]
	if !dated.Imported.IsZero() || dated.Published.Unix() != as[0].Published.Unix() || !dated.HasRelated {
		t.Errorf("dated listing: %+v", dated)
	}
	if !undated.Published.IsZero() || undated.Imported.Before(before) || undated.Imported.After(time.Now()) || undated.HasRelated {
		t.Errorf("undated listing: imported %v (want between %v and now), %+v", undated.Imported, before, undated)
	}
}

func TestOutlets(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	var as []articles.Article
	for i, src := range []string{"A", "B", "B", "", "B", "A", "C"} {
		as = append(as, articles.Article{Title: fmt.Sprintf("Judul %d", i), Body: "Isi.", Source: src,
			Published: time.Date(2025, 1, 1+i, 0, 0, 0, 0, time.UTC), Origin: articles.Origin{Path: "m", Record: i + 1}})
	}
	if _, err := s.ImportArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	srcs, err := s.Sources(ctx)
	var outlets []string
	for _, src := range srcs {
		if src.Kind == articles.SourceOutlet {
			outlets = append(outlets, src.Name)
		}
	}
	if err != nil || strings.Join(outlets, ",") != "B,A,C" {
		t.Fatalf("outlets = %q, %v", outlets, err)
	}
	page, err := s.Page(ctx, "B", 0, 10)
	if err != nil || len(page) != 3 || page[0].Title != "Judul 4" || page[2].Title != "Judul 1" {
		t.Fatalf("page of B: %+v, %v", page, err)
	}
	if n, err := s.CountSource(ctx, "A"); err != nil || n != 2 {
		t.Fatalf("count A = %d, %v", n, err)
	}
	check(t, s.SetRead(ctx, page[0].ID, true))
	if unreadB := must(s.List(ctx, ListOptions{Source: "B", Unread: true}))(t); len(unreadB) != 2 {
		t.Fatalf("unread of B: %d", len(unreadB))
	}
}

// TestInterruptedImportStopsAndKeepsWhatWasRead: cancelling an import whose
// input blocks (a pipe nobody writes to any more) returns at once with
// ErrInterrupted, and the articles the importer had taken in are committed
// with it, not only those of earlier commits.
func TestInterruptedImportStopsAndKeepsWhatWasRead(t *testing.T) {
	s := openTemp(t)
	pr, pw := io.Pipe()
	defer pw.Close()
	// 1,600 records: the parser hands on six chunks (1,536) and holds the
	// last 64 while it waits for more input; with batches of 500, one
	// transaction (1,500) commits and 36 wait in the importer's batch.
	const sent, batchSize = 1600, 200
	go func() {
		for i := range sent {
			fmt.Fprintf(pw, "{\"title\":\"Berita nomor %d\",\"body\":\"Isi berita nomor %d.\"}\n", i, i)
		}
	}()
	ctx, cancel := context.WithCancel(context.Background())
	type result struct {
		sum Summary
		err error
	}
	done := make(chan result, 1)
	go func() {
		sum, err := s.Import(ctx, []string{"-"}, ImportOptions{Stdin: pr, BatchSize: batchSize})
		done <- result{sum, err}
	}()
	committed := batchesPerTx * batchSize
	deadline := time.Now().Add(10 * time.Second)
	for n := 0; n < committed; {
		if err := s.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&n); err != nil {
			t.Fatal(err)
		}
		if time.Now().After(deadline) {
			t.Fatalf("only %d articles committed before the interrupt", n)
		}
		time.Sleep(5 * time.Millisecond)
	}
	cancel()
	var r result
	select {
	case r = <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the import did not stop when cancelled while its input blocks")
	}
	if !errors.Is(r.err, ErrInterrupted) {
		t.Fatalf("interrupted import returned %v", r.err)
	}
	var stored int
	if err := s.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	handedOn := sent / parseChunk * parseChunk
	if stored != handedOn || r.sum.New != stored {
		t.Fatalf("stored %d, summary says %d new; the importer had taken in %d", stored, r.sum.New, handedOn)
	}
}

// TestAWriterFailureStopsTheImport: when a write fails mid-import (here a
// trigger refuses one article), the import stops reading an input that
// never ends, returns the failure, and keeps the transactions committed
// before it.
func TestAWriterFailureStopsTheImport(t *testing.T) {
	s := openTemp(t)
	if _, err := s.db.Exec(`CREATE TRIGGER refuse BEFORE INSERT ON articles WHEN new.title = 'Berita nomor 700'
		BEGIN SELECT RAISE(ABORT, 'disk refused the article'); END`); err != nil {
		t.Fatal(err)
	}
	pr, pw := io.Pipe()
	defer pw.Close()
	go func() { // an endless feed of records: only the import's stop ends it
		for i := 0; ; i++ {
			if _, err := fmt.Fprintf(pw, "{\"title\":\"Berita nomor %d\",\"body\":\"Isi berita nomor %d.\"}\n", i, i); err != nil {
				return
			}
		}
	}()
	const batchSize = 100
	done := make(chan error, 1)
	var sum Summary
	go func() {
		var err error
		sum, err = s.Import(context.Background(), []string{"-"}, ImportOptions{Stdin: pr, BatchSize: batchSize})
		done <- err
	}()
	var err error
	select {
	case err = <-done:
	case <-time.After(20 * time.Second):
		t.Fatal("the import kept reading after its writer failed")
	}
	if err == nil || !strings.Contains(err.Error(), "disk refused the article") {
		t.Fatalf("import returned %v, want the writer's failure", err)
	}
	var stored int
	if err := s.db.QueryRow(`SELECT count(*) FROM articles`).Scan(&stored); err != nil {
		t.Fatal(err)
	}
	committed := batchesPerTx * batchSize // the first transaction; the second held article 700
	if stored != committed || sum.New != committed {
		t.Fatalf("stored %d, summary says %d new; want the %d committed before the failure", stored, sum.New, committed)
	}
}

// TestOpenNamesWhatIsWrong: a directory, a file that is not a library, and a
// missing library for reading each get an error naming the path and what
// to do; reading creates nothing.
func TestOpenNamesWhatIsWrong(t *testing.T) {
	dir := t.TempDir()
	if _, err := Open(dir); err == nil || !strings.Contains(err.Error(), dir+": is a directory") {
		t.Fatalf("a directory: %v", err)
	}
	garbage := filepath.Join(dir, "garbage.db")
	if err := os.WriteFile(garbage, []byte(strings.Repeat("not a database ", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, open := range map[string]func(string) (*Store, error){"Open": Open, "OpenReadOnly": OpenReadOnly} {
		if _, err := open(garbage); err == nil || !strings.Contains(err.Error(), garbage+" is damaged or is not a kabar library") {
			t.Fatalf("%s on a garbage file: %v", name, err)
		}
	}
	missing := filepath.Join(dir, "sub", "missing.db")
	if _, err := OpenReadOnly(missing); !errors.Is(err, ErrNoLibrary) || !strings.Contains(err.Error(), missing) {
		t.Fatalf("reading a missing library: %v", err)
	}
	if _, err := os.Stat(filepath.Dir(missing)); !errors.Is(err, os.ErrNotExist) {
		t.Fatalf("reading a missing library created %s", filepath.Dir(missing))
	}
}

// TestLibraryFileNamesAreTakenLiterally: "?", "#", "%" and spaces are part of
// the file name, and a new library has the page size writePragmas sets.
func TestLibraryFileNamesAreTakenLiterally(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "a?b#c%20d e.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var pageSize int
	if err := s.db.QueryRow("PRAGMA page_size").Scan(&pageSize); err != nil || pageSize != 4096 {
		t.Fatalf("page size %d, %v", pageSize, err)
	}
	s.Close()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		if e.Name() != "a?b#c%20d e.db" && !strings.HasPrefix(e.Name(), "a?b#c%20d e.db-") {
			t.Fatalf("the library was written as %q", e.Name())
		}
	}
	r, err := OpenReadOnly(path)
	if err != nil {
		t.Fatalf("reading it back: %v", err)
	}
	r.Close()
}

// TestProgressCountsWhatTheOpenTransactionHolds: batches written but not
// yet committed (a transaction spans batchesPerTx of them) show in progress.
func TestProgressCountsWhatTheOpenTransactionHolds(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	if err := s.vocab.load(ctx, s.db); err != nil {
		t.Fatal(err)
	}
	w := must(s.startWriter(ctx, func() {}))(t)
	for i := range batchesPerTx - 1 {
		b := newBatch(10)
		for j := range 10 {
			b.articles = append(b.articles, articles.Article{Title: fmt.Sprintf("Berita %d-%d", i, j), Body: "Isi."})
		}
		w.write(b)
	}
	deadline := time.Now().Add(5 * time.Second)
	for w.progress().New != 10*(batchesPerTx-1) {
		if time.Now().After(deadline) {
			t.Fatalf("progress says %d new while the open transaction holds %d", w.progress().New, 10*(batchesPerTx-1))
		}
		time.Sleep(5 * time.Millisecond)
	}
	if sum, err := w.wait(); err != nil || sum.New != 10*(batchesPerTx-1) {
		t.Fatalf("committed %+v, %v", sum, err)
	}
}

// must takes a value and its error; the returned function fails the test on
// the error and gives the value.
func must[T any](v T, err error) func(testing.TB) T {
	return func(t testing.TB) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

// must2 is must for two values and an error.
func must2[T, U any](v T, w U, err error) func(testing.TB) (T, U) {
	return func(t testing.TB) (T, U) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v, w
	}
}

// check fails the test on an error.
func check(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}
