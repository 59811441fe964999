package cli

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"
)

// readingDB imports three articles, the second linking the first by URL,
// and returns the library's path.
func readingDB(t *testing.T) string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "library.db")
	data := `[{"title": "Banjir Rob Rendam Pesisir Utara", "url": "https://pesisir.test/rob", "source": "Kabar Pesisir", "date": "2025-06-01", "body": "Air laut naik."},
{"title": "Warga Mengungsi ke Balai Desa", "source": "Kabar Pesisir", "date": "2025-06-02", "body": "Pengungsi bertambah. Baca juga: https://pesisir.test/rob"},
{"title": "Harga Ikan Turun", "source": "Lereng News", "date": "2025-06-03", "body": "Nelayan belum melaut karena banjir."}]`
	src := filepath.Join(t.TempDir(), "berita.json")
	writeFile(t, src, []byte(data), 0o644)
	if code, out, errOut := kabar(t, "", "--db", db, "import", src); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	return db
}

func TestTagAndUntag(t *testing.T) {
	db := readingDB(t)
	code, out, _ := kabar(t, "", "--db", db, "tag", "1", "banjir", "Arsip 2025")
	if code != 0 || out != "1: Arsip 2025, banjir\n" {
		t.Fatalf("tag: %d %q", code, out)
	}
	_, out, _ = kabar(t, "", "--db", db, "show", "1", "--json")
	var shown struct{ Tags []string }
	if err := json.Unmarshal([]byte(out), &shown); err != nil || strings.Join(shown.Tags, "|") != "Arsip 2025|banjir" {
		t.Fatalf("show tags %q, %v", shown.Tags, err)
	}
	if _, out, _ = kabar(t, "", "--db", db, "search", "tag:banjir", "--json"); strings.Count(out, "\n") != 1 {
		t.Fatalf("tag:banjir: %q", out)
	}
	if code, out, _ = kabar(t, "", "--db", db, "untag", "1", "banjir"); code != 0 || out != "1: Arsip 2025\n" {
		t.Fatalf("untag: %d %q", code, out)
	}
	for _, bad := range [][]string{{"tag", "1"}, {"tag", "x", "a"}, {"tag", "1", "a,b"}, {"tag", "99", "a"}} {
		code, _, errOut := kabar(t, "", append([]string{"--db", db}, bad...)...)
		if code == 0 || errOut == "" {
			t.Fatalf("%q: status %d, stderr %q", bad, code, errOut)
		}
	}
}

func TestSavedSearchCommands(t *testing.T) {
	db := readingDB(t)
	if code, out, _ := kabar(t, "", "--db", db, "search", "--save", "pesisir", `source:"Kabar Pesisir"`); code != 0 || !strings.Contains(out, "saved") {
		t.Fatalf("save: %d %q", code, out)
	}
	kabar(t, "", "--db", db, "search", "--save", "banjir", "banjir")
	kabar(t, "", "--db", db, "show", "1") // read
	code, out, _ := kabar(t, "", "--db", db, "search", "--saved", "--json")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if code != 0 || len(lines) != 2 {
		t.Fatalf("saved: %d %q", code, out)
	}
	if keys := strings.Join(keysOf(t, lines[0]), ","); keys != "name,query,total,unread" {
		t.Fatalf("saved fields %s", keys)
	}
	var got struct {
		Name          string
		Query         string
		Unread, Total int
	}
	if err := json.Unmarshal([]byte(lines[1]), &got); err != nil || got.Name != "pesisir" || got.Total != 2 {
		t.Fatalf("saved search %+v, %v", got, err)
	}
	if code, _, _ := kabar(t, "", "--db", db, "search", "--delete", "banjir"); code != 0 {
		t.Fatal("delete failed")
	}
	if code, _, errOut := kabar(t, "", "--db", db, "search", "--delete", "banjir"); code != 1 || !strings.Contains(errOut, "no saved search") {
		t.Fatalf("deleting again: %d %q", code, errOut)
	}
	for _, bad := range [][]string{{"search"}, {"search", "--saved", "x"}, {"search", "--save", "n"}, {"search", "--saved", "--delete", "n"}} {
		if code, _, _ := kabar(t, "", append([]string{"--db", db}, bad...)...); code != 2 {
			t.Fatalf("%q: status %d, want 2", bad, code)
		}
	}
}

func TestRmAndPrune(t *testing.T) {
	db := readingDB(t)
	code, out, errOut := kabar(t, "", "--db", db, "rm", "1", "77")
	if code != 1 || out != "deleted 1 article\n" || !strings.Contains(errOut, "not in the library: 77") {
		t.Fatalf("rm: %d %q %q", code, out, errOut)
	}
	_, out, _ = kabar(t, "", "--db", db, "links", "--json")
	if !strings.Contains(out, `"target":null`) {
		t.Fatalf("the link to the deleted article should be unresolved: %s", out)
	}
	kabar(t, "", "--db", db, "tag", "3", "simpan")
	code, out, _ = kabar(t, "", "--db", db, "prune", "--older-than", "30d", "--dry-run")
	if code != 0 || !strings.Contains(out, "Warga Mengungsi") || strings.Contains(out, "Harga Ikan") || !strings.Contains(out, "would remove 1 article") {
		t.Fatalf("dry run: %d %q", code, out)
	}
	code, out, _ = kabar(t, "", "--db", db, "prune", "--older-than", "30d", "--vacuum")
	if code != 0 || !strings.Contains(out, "removed 1 article") {
		t.Fatalf("prune: %d %q", code, out)
	}
	if _, out, _ = kabar(t, "", "--db", db, "list"); strings.Count(out, "\n") != 1 || !strings.Contains(out, "Harga Ikan") {
		t.Fatalf("left after prune: %q", out)
	}
	for _, bad := range [][]string{{"prune"}, {"prune", "--older-than", "soon"}, {"rm"}, {"rm", "x"}} {
		if code, _, _ := kabar(t, "", append([]string{"--db", db}, bad...)...); code != 2 {
			t.Fatalf("%q: status %d, want 2", bad, code)
		}
	}
}
