package store

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"kabar/articles"
	"time"

	"kabar/articles/synth"
)

// helperEnv makes the test binary run an import instead of the tests, so a
// test can kill or race a real importing process.
const helperEnv = "KABAR_STORE_IMPORT_HELPER"

// benchImportEnv makes the test binary import "db|path" with the default
// options and print the summary, so a benchmark can measure one import's
// peak memory in a process of its own.
const benchImportEnv = "KABAR_STORE_BENCH_IMPORT"

func TestMain(m *testing.M) {
	if spec := os.Getenv(helperEnv); spec != "" {
		os.Exit(runImportHelper(spec))
	}
	if spec := os.Getenv(benchImportEnv); spec != "" {
		os.Exit(runBenchImport(spec))
	}
	os.Exit(m.Run())
}

// runImportHelper imports dir into db with small batches: "db|dir".
func runImportHelper(spec string) int {
	var db, dir string
	for i := 0; i < len(spec); i++ {
		if spec[i] == '|' {
			db, dir = spec[:i], spec[i+1:]
		}
	}
	s, err := Open(db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	if _, err := s.Import(context.Background(), []string{dir}, ImportOptions{BatchSize: 25, Workers: 1}); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// runBenchImport imports path into db with the default options and prints
// the summary's counts as "new resolved".
func runBenchImport(spec string) int {
	db, path, _ := strings.Cut(spec, "|")
	s, err := Open(db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	sum, err := s.Import(context.Background(), []string{path}, ImportOptions{})
	if err != nil || sum.Failed > 0 {
		fmt.Fprintln(os.Stderr, err, sum.Failures)
		return 1
	}
	fmt.Println(sum.New, sum.Resolved)
	return 0
}

// writeSynthDir writes n generated articles as text files.
func writeSynthDir(t *testing.T, n int) string {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		p := filepath.Join(dir, strconv.Itoa(i/500), fmt.Sprintf("%05d.txt", i))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(synth.Text(i, 3000)), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func startImporter(t *testing.T, db, dir string) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), helperEnv+"="+db+"|"+dir)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

func countArticles(t *testing.T, s *Store) int {
	t.Helper()
	c, err := s.Counts(context.Background())
	if err != nil {
		t.Fatalf("counts while importing: %v", err)
	}
	return c.Total
}

func TestImportKilledMidwayLeavesWholeArticles(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns an importer process")
	}
	const n = 1500
	dir := writeSynthDir(t, n)
	db := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	cmd := startImporter(t, db, dir)
	deadline := time.Now().Add(60 * time.Second)
	for countArticles(t, s) < 100 {
		if time.Now().After(deadline) {
			t.Fatal("importer wrote nothing in 60 s")
		}
		time.Sleep(5 * time.Millisecond)
	}
	if err := cmd.Process.Signal(syscall.SIGKILL); err != nil {
		t.Fatal(err)
	}
	_ = cmd.Wait()
	s.Close()

	s, err = Open(db)
	if err != nil {
		t.Fatalf("library does not open after SIGKILL: %v", err)
	}
	defer s.Close()
	var check string
	if err := s.db.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		t.Fatalf("integrity_check = %q, %v", check, err)
	}
	if partial := articlesMissingRefs(t, s); partial != 0 {
		t.Fatalf("%d articles without all their refs", partial)
	}
	var ftsRows int
	if err := s.db.QueryRow(`SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '"tahap"'`).Scan(&ftsRows); err != nil {
		t.Fatal(err)
	}
	got := countArticles(t, s)
	if got == 0 || got >= n || ftsRows != got {
		t.Fatalf("after kill: %d articles (fts %d), want a whole part of %d", got, ftsRows, n)
	}
	sum, err := s.Import(context.Background(), []string{dir}, ImportOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if total := countArticles(t, s); total != n || sum.New != n-got || sum.Unchanged != got {
		t.Fatalf("re-run: total %d, summary %+v; want %d total", total, sum, n)
	}
	var unresolved int
	s.db.QueryRow(`SELECT count(*) FROM refs WHERE target_id IS NULL`).Scan(&unresolved)
	if unresolved != 0 {
		t.Errorf("%d refs left unresolved after the import completed", unresolved)
	}
}

func TestReadWhileAnotherProcessImports(t *testing.T) {
	if testing.Short() {
		t.Skip("spawns an importer process")
	}
	dir := writeSynthDir(t, 1000)
	db := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	cmd := startImporter(t, db, dir)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	ctx := context.Background()
	reads, last := 0, 0
	for {
		select {
		case err := <-done:
			if err != nil {
				t.Fatalf("importer: %v", err)
			}
			if reads < 10 {
				t.Fatalf("only %d reads during the import", reads)
			}
			if total := countArticles(t, s); total != 1000 {
				t.Fatalf("total after import = %d", total)
			}
			return
		default:
		}
		ls, err := s.List(ctx, ListOptions{Limit: 100})
		if err != nil {
			t.Fatalf("list during import: %v", err)
		}
		if _, err := s.Search(ctx, "warga tahap", 0, 100, true); err != nil {
			t.Fatalf("search during import: %v", err)
		}
		if len(ls) > 0 {
			if _, err := s.Article(ctx, ls[0].ID); err != nil {
				t.Fatalf("show during import: %v", err)
			}
		}
		n := countArticles(t, s)
		if n < last {
			t.Fatalf("article count went back from %d to %d", last, n)
		}
		last = n
		reads++
	}
}

// articlesMissingRefs counts the stored articles with fewer refs than their
// file (their origin) holds.
func articlesMissingRefs(t *testing.T, s *Store) int {
	t.Helper()
	rows, err := s.db.Query(`SELECT a.origin, (SELECT count(*) FROM refs r WHERE r.article_id = a.id) FROM articles a`)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	missing, checked := 0, 0
	for rows.Next() {
		var origin string
		var refs int
		if err := rows.Scan(&origin, &refs); err != nil {
			t.Fatal(err)
		}
		f, err := os.Open(origin)
		if err != nil {
			t.Fatal(err)
		}
		a, err := articles.ParseText(f, articles.Origin{Path: origin})
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		if len(a.Related) > 0 {
			checked++
		}
		if refs != len(a.Related) {
			missing++
		}
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	if checked == 0 {
		t.Fatal("no stored article's file holds refs: the check would not see a missing one")
	}
	return missing
}
