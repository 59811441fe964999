package cli

import (
	"context"
	"encoding/csv"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"kabar/articles"
	"kabar/articles/synth"
	"kabar/store"
)

// libraryArticles reads every article of a library, keyed by title (the
// real-shape corpus has unique titles).
func libraryArticles(t *testing.T, db string) map[string]articles.Stored {
	t.Helper()
	s, err := store.OpenReadOnly(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	all := map[string]articles.Stored{}
	err = eachArticle(context.Background(), s, "", func(a articles.Stored) error {
		all[a.Title] = a
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

// comparable is what a Markdown round trip must keep of an article: every
// field but the id, the origin and reading state, and related links by
// title, URL and how they matched (their targets differ in id; targetTitles
// compares those). A link resolved by a prefix, a normalized or a fuzzy
// match stores the title it resolved to, which the export writes: read
// back, it is an exact match to the same article, so those kinds count as
// exact here.
func comparable(a articles.Stored) articles.Article {
	c := a.Article
	c.ID, c.Origin = 0, articles.Origin{}
	c.Related = nil
	for _, r := range a.Related {
		r.Target = 0
		switch r.Match {
		case articles.MatchPrefix, articles.MatchNormalized, articles.MatchFuzzy:
			r.Match = articles.MatchExact
		}
		c.Related = append(c.Related, r)
	}
	return c
}

// fieldDiff names the fields of two articles that differ, with both values.
func fieldDiff(want, got articles.Article) string {
	var diffs []string
	wv, gv := reflect.ValueOf(want), reflect.ValueOf(got)
	for i := range wv.NumField() {
		if w, g := wv.Field(i).Interface(), gv.Field(i).Interface(); !reflect.DeepEqual(w, g) {
			diffs = append(diffs, fmt.Sprintf("%s: %+v → %+v", wv.Type().Field(i).Name, w, g))
		}
	}
	return strings.Join(diffs, "; ")
}

// targetTitles are the titles of the articles a's links resolved to.
func targetTitles(a articles.Stored, byID map[int64]string) []string {
	var out []string
	for _, r := range a.Related {
		out = append(out, byID[r.Target])
	}
	return out
}

func titlesByID(all map[string]articles.Stored) map[int64]string {
	m := map[int64]string{}
	for title, a := range all {
		m[a.ID] = title
	}
	return m
}

// TestMarkdownExportImportsBackToTheSameLibrary exports a real-shape corpus
// (text files, two CSV scrapers, teasers, an Atom feed with linked entries)
// as Markdown, imports the export into a new library and checks that every
// article comes back with the same fields, body and resolved links.
func TestMarkdownExportImportsBackToTheSameLibrary(t *testing.T) {
	dir := t.TempDir()
	corpus := filepath.Join(dir, "corpus")
	if err := os.MkdirAll(corpus, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := synth.GenerateRealShape(300).Write(corpus); err != nil {
		t.Fatal(err)
	}
	first, second := filepath.Join(dir, "first.db"), filepath.Join(dir, "second.db")
	if code, _, errOut := kabar(t, "", "--db", first, "import", corpus); code != 0 {
		t.Fatalf("import corpus: %d %s", code, errOut)
	}
	md := filepath.Join(dir, "md")
	code, out, errOut := kabar(t, "", "--db", first, "export", "--format", "markdown", md)
	if code != 0 || !strings.Contains(out, "exported 300 articles") {
		t.Fatalf("export: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := kabar(t, "", "--db", second, "import", md); code != 0 || !strings.Contains(out, "300 new") {
		t.Fatalf("import the export: %d %q %q", code, out, errOut)
	}
	before, after := libraryArticles(t, first), libraryArticles(t, second)
	if len(after) != len(before) {
		t.Fatalf("%d articles came back of %d", len(after), len(before))
	}
	beforeIDs, afterIDs := titlesByID(before), titlesByID(after)
	resolved := 0
	for title, a := range before {
		b, ok := after[title]
		if !ok {
			t.Errorf("%q did not come back", title)
			continue
		}
		if d := fieldDiff(comparable(a), comparable(b)); d != "" {
			t.Errorf("%q changed in the round trip: %s", title, d)
		}
		if want, got := targetTitles(a, beforeIDs), targetTitles(b, afterIDs); !reflect.DeepEqual(want, got) {
			t.Errorf("%q links resolve to %q, before to %q", title, got, want)
		}
		for _, r := range a.Related {
			if r.Target != 0 {
				resolved++
			}
		}
	}
	if resolved < 300 {
		t.Errorf("only %d resolved links in the corpus: the round trip checks too little", resolved)
	}
}

func readCSV(t *testing.T, path string) [][]string {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := csv.NewReader(f).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %d rows, %v", path, len(rows), err)
	}
	return rows
}

// TestJSONLExportWritesTheShowShape: every line is show --json's object,
// --query narrows the export, and a directory also gets links.csv.
func TestJSONLExportWritesTheShowShape(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	if code, _, errOut := kabar(t, "", "--db", db, "import", "../../testdata/library"); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	code, out, _ := kabar(t, "", "--db", db, "export", "--format", "jsonl", "-")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 4 {
		t.Fatalf("export to stdout: %d, %d lines", code, len(lines))
	}
	_, shown, _ := kabar(t, "", "--db", db, "show", "1", "--json")
	for _, l := range lines {
		if !reflect.DeepEqual(keysOf(t, l), keysOf(t, shown)) {
			t.Fatalf("export fields %q, show fields %q", keysOf(t, l), keysOf(t, shown))
		}
	}
	_, some, _ := kabar(t, "", "--db", db, "export", "--format", "jsonl", "--query", "martapura", "-")
	if n := strings.Count(some, "\n"); n == 0 || n >= 4 {
		t.Fatalf("--query exported %d of 4 articles", n)
	}
	out2 := filepath.Join(dir, "out")
	if code, out, _ := kabar(t, "", "--db", db, "export", "--format", "jsonl", out2); code != 0 || !strings.Contains(out, "exported 4 articles") {
		t.Fatalf("export to a directory: %d %q", code, out)
	}
	data, err := os.ReadFile(filepath.Join(out2, "articles.jsonl"))
	if err != nil || strings.Count(string(data), "\n") != 4 {
		t.Fatalf("articles.jsonl: %v, %q", err, data)
	}
	_, links, _ := kabar(t, "", "--db", db, "links")
	rows := readCSV(t, filepath.Join(out2, "links.csv"))
	if !reflect.DeepEqual(rows[0], []string{"from", "to", "match", "title"}) || len(rows)-1 != strings.Count(links, "\n") || len(rows) < 2 {
		t.Fatalf("links.csv: header %q, %d links, kabar links %d", rows[0], len(rows)-1, strings.Count(links, "\n"))
	}
	// the exported directory imports back as its articles; links.csv is skipped
	again := filepath.Join(dir, "again.db")
	if code, out, errOut := kabar(t, "", "--db", again, "import", out2); code != 0 || !strings.Contains(out, "4 new, 0 updated, 0 unchanged, 1 skipped, 0 failed") {
		t.Fatalf("import the export: %d %q %q", code, out, errOut)
	}
	// named on its own, the link graph is a failure that says what it is
	graph := filepath.Join(out2, "links.csv")
	code, out, errOut := kabar(t, "", "--db", again, "import", graph)
	if code == 0 || !strings.Contains(out+errOut, graph) || !strings.Contains(out+errOut, "link graph") || !strings.Contains(out, "0 skipped, 1 failed") {
		t.Fatalf("import links.csv by name: %d %q %q", code, out, errOut)
	}
}
