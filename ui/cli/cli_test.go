package cli

import (
	"bytes"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"

	"kabar/store"
	"kabar/store/fetch"
)

// kabar runs the CLI in-process and returns its exit status and output.
func kabar(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut bytes.Buffer
	code := Run(args, strings.NewReader(stdin), &out, &errOut)
	return code, out.String(), errOut.String()
}

func keysOf(t *testing.T, line string) []string {
	t.Helper()
	var obj map[string]any
	if err := json.Unmarshal([]byte(line), &obj); err != nil {
		t.Fatalf("not JSON: %q: %v", line, err)
	}
	var keys []string
	for k := range obj {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func TestCLIContract(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	seed, err := os.ReadFile("../../articles/testdata/id_seed_shape.txt")
	if err != nil {
		t.Fatal(err)
	}
	src := filepath.Join(dir, "berita.txt")
	writeFile(t, src, seed, 0o644)

	code, out, _ := kabar(t, "", "--db", db, "import", src)
	if code != 0 || !strings.Contains(out, "1 new, 0 updated, 0 unchanged, 0 skipped, 0 failed") {
		t.Fatalf("first import: %d %q", code, out)
	}
	code, out, _ = kabar(t, "", "import", src, "--db", db)
	if code != 0 || !strings.Contains(out, "0 new, 0 updated, 1 unchanged") {
		t.Fatalf("second import: %d %q", code, out)
	}
	// A related title that arrives later resolves then.
	later := "Harga Cabai di Pasar Besar Malang Turun Jelang Ramadan\nKabarku - Harga cabai turun, kata pedagang pada Senin (11/3/2024).\n"
	code, out, _ = kabar(t, later, "--db", db, "import", "-")
	if code != 0 || !strings.Contains(out, "1 new") || !strings.Contains(out, "1 links resolved") {
		t.Fatalf("stdin import: %d %q", code, out)
	}

	code, out, _ = kabar(t, "", "--db", db, "show", "1", "--json")
	if code != 0 {
		t.Fatalf("show: %d", code)
	}
	want := []string{"authors", "body", "editors", "id", "origin", "published", "read", "referenced_by", "related", "source", "starred", "tags", "title", "url"}
	if got := keysOf(t, out); !reflect.DeepEqual(got, want) {
		t.Fatalf("show fields %q, want %q", got, want)
	}
	var shown struct {
		Source    string  `json:"source"`
		Published *string `json:"published"`
		Related   []struct {
			Title  string `json:"title"`
			Target *int64 `json:"target"`
			Match  string `json:"match"`
		} `json:"related"`
	}
	unmarshal(t, []byte(out), &shown)
	if shown.Source != "Kabarku" || shown.Published == nil || !strings.HasPrefix(*shown.Published, "2024-03-12") ||
		len(shown.Related) != 2 || shown.Related[0].Target == nil || shown.Related[0].Match != "exact" ||
		shown.Related[1].Target != nil || shown.Related[1].Match != "none" {
		t.Fatalf("show: %+v", shown)
	}
	relatedKeys := keysOf(t, string(mustJSON(t, out, "related", 0)))
	if !reflect.DeepEqual(relatedKeys, []string{"match", "target", "title", "url"}) {
		t.Fatalf("related fields %q", relatedKeys)
	}
	code, out, _ = kabar(t, "", "--db", db, "show", "2", "--json")
	if code != 0 || !strings.Contains(out, `"referenced_by": [`) || !strings.Contains(out, `"id": 1`) {
		t.Fatalf("target's referenced_by: %s", out)
	}

	listWant := []string{"id", "published", "read", "source", "starred", "title", "url"}
	for _, args := range [][]string{{"list", "--json"}, {"search", "cabai", "--json"}, {"list", "--json", "--unread", "--limit", "1"}} {
		code, out, _ = kabar(t, "", append([]string{"--db", db}, args...)...)
		lines := strings.Split(strings.TrimSpace(out), "\n")
		if code != 0 || len(lines) == 0 || lines[0] == "" {
			t.Fatalf("%v: %d %q", args, code, out)
		}
		for _, l := range lines {
			if got := keysOf(t, l); !reflect.DeepEqual(got, listWant) {
				t.Fatalf("%v fields %q", args, got)
			}
		}
	}
	code, out, _ = kabar(t, "", "--db", db, "links", "--json", "--unresolved")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 1 || !reflect.DeepEqual(keysOf(t, lines[0]), []string{"from", "match", "target", "title", "url"}) ||
		!strings.Contains(lines[0], `"target":null`) {
		t.Fatalf("links: %d %q", code, out)
	}
	for _, q := range []string{`"`, `(`, `AND`, `-`, `*`, `a OR (b`} {
		if code, _, errOut := kabar(t, "", "--db", db, "search", q); code != 0 {
			t.Fatalf("search %q: %d %s", q, code, errOut)
		}
	}
}

func mustJSON(t *testing.T, doc, field string, i int) []byte {
	t.Helper()
	var obj map[string]json.RawMessage
	unmarshal(t, []byte(doc), &obj)
	var arr []json.RawMessage
	unmarshal(t, obj[field], &arr)
	if len(arr) <= i {
		t.Fatalf("%s has no element %d", field, i)
	}
	return arr[i]
}

func TestCLIExitCodesAndErrors(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	bad := filepath.Join(dir, "bad.json")
	writeFile(t, bad, []byte("{nope"), 0o644)
	good := filepath.Join(dir, "good.txt")
	writeFile(t, good, []byte("Judul Berita\nIsi berita yang cukup panjang.\n"), 0o644)
	tests := []struct {
		args    []string
		code    int
		errHas  string
		outHas  string
		envPath bool
	}{
		{args: []string{"import", good, bad}, code: 1, errHas: "bad.json: invalid JSON", outHas: "1 new"},
		{args: []string{"list"}, code: 0, outHas: "Judul Berita"},
		{args: []string{"frobnicate"}, code: 2, errHas: "unknown command"},
		{args: []string{"show"}, code: 2, errHas: "one article ID"},
		{args: []string{"show", "x1"}, code: 2, errHas: "not a number"},
		{args: []string{"show", "999"}, code: 1, errHas: "not found"},
		{args: []string{"list", "--bogus"}, code: 2, errHas: "unknown flag: --bogus"},
		{args: []string{"feed", "export", "--full-text"}, code: 2, errHas: "unknown flag: --full-text"},
		{args: []string{"serch", "banjir"}, code: 2, errHas: "Did you mean this?\n\tsearch"},
		{args: []string{"feed", "lsit"}, code: 2, errHas: `did you mean "list"`},
		{args: []string{"search", "--", "-harga", "Berita"}, code: 0},
		{args: []string{"search", "--sort", "relevance", "Berita"}, code: 0, outHas: "Judul Berita"},
		{args: []string{"search", "--sort", "popular", "Berita"}, code: 2, errHas: `--sort takes one of ["date" "relevance"]`},
		{args: []string{"list", "extra"}, code: 2, errHas: "list takes no arguments"},
		{args: []string{}, code: 2, errHas: "the reader needs a terminal"},
		{args: []string{"demo"}, code: 2, errHas: "the reader needs a terminal"},
		{args: []string{"export", "--format", "pdf", "x"}, code: 2, errHas: `--format takes one of ["markdown" "jsonl"], got "pdf"`},
		{args: []string{"export", "--format", "markdown", "-"}, code: 2, errHas: "give a directory"},
		{args: []string{"import", "--format", "docx", good}, code: 2, errHas: `unknown format "docx"`},
		{args: []string{"import"}, code: 2, errHas: "at least one PATH"},
		{args: []string{"search"}, code: 2, errHas: "needs a QUERY"},
		{args: []string{"list", "--help"}, code: 0, outHas: "kabar list [--flags]"},
		{args: []string{"--version"}, code: 0, outHas: "kabar version "},
		{args: []string{"--help"}, code: 0, outHas: "import PATH..."},
		{args: []string{"help", "feed"}, code: 0, outHas: "remove URL|NAME"},
	}
	for _, tt := range tests {
		code, out, errOut := kabar(t, "", append([]string{"--db", db}, tt.args...)...)
		if code != tt.code || !strings.Contains(errOut, tt.errHas) || !strings.Contains(out, tt.outHas) {
			t.Errorf("kabar %v = %d\nstdout %q\nstderr %q\nwant %d, stderr ⊇ %q, stdout ⊇ %q", tt.args, code, out, errOut, tt.code, tt.errHas, tt.outHas)
		}
	}
	t.Setenv("KABAR_DB", db)
	if code, out, _ := kabar(t, "", "list"); code != 0 || !strings.Contains(out, "Judul Berita") {
		t.Errorf("KABAR_DB not used: %d %q", code, out)
	}
	t.Setenv("KABAR_DB", "")
	t.Setenv("XDG_DATA_HOME", dir)
	if got := libraryPath(""); got != filepath.Join(dir, "kabar", "library.db") {
		t.Errorf("XDG path = %q", got)
	}
}

func TestCLIFeeds(t *testing.T) {
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	mux.HandleFunc("/rss", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Lembah</title>
<item><title>Panen Kopi Melimpah</title><link>%s/kopi</link><description>Petani kopi panen raya.</description></item>
</channel></rss>`, srv.URL)
	})
	mux.HandleFunc("/kopi", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `<html><head><title>Panen Kopi Melimpah</title></head><body><nav>Beranda</nav><article>
<p>Petani kopi di lereng gunung panen raya tahun ini. Harga di tingkat petani naik dan pembeli dari kota datang langsung ke kebun.</p>
<p>Koperasi desa menyiapkan gudang baru untuk menampung hasil panen yang melimpah sampai akhir bulan depan.</p></article></body></html>`)
	})
	mux.HandleFunc("/html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<html><body>home page</body></html>")
	})
	db := filepath.Join(t.TempDir(), "library.db")
	run := func(args ...string) (int, string, string) {
		return kabar(t, "", append([]string{"--db", db}, args...)...)
	}
	if code, out, errOut := run("feed", "add", srv.URL+"/rss", "--name", "lembah", "--full-text"); code != 0 || !strings.Contains(out, "subscribed") {
		t.Fatalf("feed add: %d %q %q", code, out, errOut)
	}
	if code, _, _ := run("feed", "add", srv.URL+"/html"); code != 0 {
		t.Fatal("feed add without name failed")
	}
	if code, _, errOut := run("feed", "add", srv.URL+"/rss"); code != 1 || !strings.Contains(errOut, "already subscribed") {
		t.Fatalf("duplicate add: %d %q", code, errOut)
	}
	code, out, errOut := run("fetch")
	if code != 1 || !strings.Contains(out, "1 new articles") || !strings.Contains(errOut, "web page") {
		t.Fatalf("fetch: %d %q %q", code, out, errOut)
	}
	if code, out, _ := run("search", "kopi"); code != 0 || !strings.Contains(out, "Panen Kopi Melimpah") {
		t.Fatalf("fetched article not searchable: %q", out)
	}
	if code, out, _ := run("search", "koperasi"); code != 0 || !strings.Contains(out, "Panen Kopi Melimpah") {
		t.Fatalf("full text not fetched: %q", out)
	}
	if code, out, _ := run("fetch", "--feed", "lembah"); code != 0 || !strings.Contains(out, "0 new articles") {
		t.Fatalf("second fetch: %d %q", code, out)
	}
	code, out, _ = run("feed", "list", "--json")
	if code != 0 || strings.Count(out, "\n") != 2 || !strings.Contains(out, `"full_text":true`) || !strings.Contains(out, `"last_error":"feed `) {
		t.Fatalf("feed list: %q", out)
	}
	code, opml, _ := run("feed", "export")
	if code != 0 || !strings.Contains(opml, `xmlUrl="`+srv.URL+`/rss"`) {
		t.Fatalf("export: %q", opml)
	}
	opmlPath := filepath.Join(t.TempDir(), "feeds.opml")
	writeFile(t, opmlPath, []byte(opml), 0o644)
	db2 := filepath.Join(t.TempDir(), "other.db")
	if code, out, _ := kabar(t, "", "--db", db2, "feed", "import", opmlPath); code != 0 || !strings.Contains(out, "2 of 2") {
		t.Fatalf("import opml: %d %q", code, out)
	}
	if code, out, _ := run("feed", "remove", "lembah"); code != 0 || !strings.Contains(out, "unsubscribed") {
		t.Fatalf("remove: %d %q", code, out)
	}
	if code, _, errOut := run("feed", "remove", "lembah"); code != 1 || !strings.Contains(errOut, "no such feed") {
		t.Fatalf("remove twice: %d %q", code, errOut)
	}
	if code, _, _ := run("feed", "frob"); code != 2 {
		t.Fatal("unknown feed subcommand accepted")
	}
	if code, out, _ := run("search", "kopi"); code != 0 || !strings.Contains(out, "Panen Kopi") {
		t.Fatal("removing a feed lost its articles")
	}
}

func TestFetchSummaryNamesTheFeedsThatFailed(t *testing.T) {
	var results []fetch.Result
	for i, name := range []string{"Kabar Lembah", "Harbour Ledger", "River Times", "Pantau\x1b]0;x\x07", "Lereng"} {
		r := fetch.Result{Feed: store.Feed{Name: name}}
		if i != 1 {
			r.Err = fmt.Errorf("feed %s: 500", name)
		}
		results = append(results, r)
	}
	got := fetchSummary(results)
	want := "fetched 5 feeds: 0 new articles, 0 updated, 0 unchanged feeds, 4 failed (Kabar Lembah, River Times, Pantau\\x1b]0;x\\x07 and 1 more; kabar feed list says why)"
	if got != want {
		t.Fatalf("got  %q\nwant %q", got, want)
	}
	if got := fetchSummary(results[1:2]); strings.Contains(got, "(") {
		t.Fatalf("a fetch without failures names some: %q", got)
	}
}

// writeFile writes a test file, failing the test on an error.
// writeFile writes a file, making its directory.
func writeFile(t *testing.T, path string, data []byte, perm os.FileMode) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, data, perm); err != nil {
		t.Fatal(err)
	}
}

// unmarshal decodes JSON output, failing the test when it is not JSON.
func unmarshal(t *testing.T, data []byte, v any) {
	t.Helper()
	if err := json.Unmarshal(data, v); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, data)
	}
}

// TestManWritesToTheGivenStream: kabar man writes its roff page to the
// stream Run was given (fang's own man command wrote to os.Stdout).
func TestManWritesToTheGivenStream(t *testing.T) {
	code, out, errOut := kabar(t, "", "man")
	if code != 0 || !strings.Contains(out[:min(len(out), 300)], ".TH") || !strings.Contains(out, "import") {
		t.Fatalf("kabar man: %d, stdout %.200q, stderr %q", code, out, errOut)
	}
}
