package cli

import (
	"encoding/json"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// storiesDB imports the store's fixture of known stories and returns the
// library's path and the ids by title.
func storiesDB(t *testing.T) (string, map[string]int64) {
	t.Helper()
	db := filepath.Join(t.TempDir(), "library.db")
	if code, out, errOut := kabar(t, "", "--db", db, "import", filepath.Join("..", "..", "store", "testdata", "stories")); code != 0 {
		t.Fatalf("import: %d %s %s", code, out, errOut)
	}
	_, out, _ := kabar(t, "", "--db", db, "list", "--json")
	ids := map[string]int64{}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var l struct {
			ID    int64
			Title string
		}
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatal(err)
		}
		ids[l.Title] = l.ID
	}
	return db, ids
}

func TestSimilarCommand(t *testing.T) {
	db, ids := storiesDB(t)
	flood := strconv.FormatInt(ids["Banjir Rendam Ratusan Rumah di Kendari"], 10)
	code, out, errOut := kabar(t, "", "--db", db, "similar", flood, "--json", "--limit", "3")
	if code != 0 {
		t.Fatalf("similar: %d %s", code, errOut)
	}
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 3 {
		t.Fatalf("--limit 3 printed %d lines:\n%s", len(lines), out)
	}
	var first map[string]any
	if err := json.Unmarshal([]byte(lines[0]), &first); err != nil {
		t.Fatal(err)
	}
	for _, field := range []string{"id", "title", "source", "published", "score", "same_story"} {
		if _, ok := first[field]; !ok {
			t.Errorf("similar --json lacks %q: %s", field, lines[0])
		}
	}
	if first["source"] != "Warta Nusantara" || first["same_story"] != true {
		t.Errorf("the other outlet's copy should come first as the same story: %s", lines[0])
	}
	_, text, _ := kabar(t, "", "--db", db, "similar", flood)
	if !strings.Contains(text, "same story") || !strings.Contains(text, "Korban Banjir Kendari Mulai Terima Bantuan Logistik") {
		t.Errorf("similar text:\n%s", text)
	}
	for _, bad := range [][]string{{"similar"}, {"similar", "x"}, {"similar", "999"}, {"similar", flood, "--limit", "0"}} {
		if code, _, errOut := kabar(t, "", append([]string{"--db", db}, bad...)...); code == 0 || errOut == "" {
			t.Errorf("%q: status %d, stderr %q", bad, code, errOut)
		}
	}
}

func TestStoryCommand(t *testing.T) {
	db, ids := storiesDB(t)
	followUp := strconv.FormatInt(ids["Korban Banjir Kendari Mulai Terima Bantuan Logistik"], 10)
	code, out, errOut := kabar(t, "", "--db", db, "story", followUp, "--json")
	if code != 0 {
		t.Fatalf("story: %d %s", code, errOut)
	}
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var e struct {
			ID        int64
			Title     string
			Source    string
			Published *string
			Via       string
		}
		if err := json.Unmarshal([]byte(line), &e); err != nil || e.Published == nil || e.Source == "" {
			t.Fatalf("story line %s: %v", line, err)
		}
		got = append(got, e.Via+" "+e.Title)
	}
	want := []string{"link Banjir Rendam Ratusan Rumah di Kendari", "backlink Pemkot Kendari Normalisasi Sungai Wanggu Usai Banjir"}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("story --json, oldest first, without the article itself:\n%s", strings.Join(got, "\n"))
	}
	_, text, _ := kabar(t, "", "--db", db, "story", followUp)
	lines := strings.Split(strings.TrimSpace(text), "\n")
	if len(lines) != 3 || !strings.HasPrefix(lines[1], "▸") || !strings.Contains(lines[1], "Korban Banjir") {
		t.Errorf("story text should mark the article itself between the others:\n%s", text)
	}
	if code, _, errOut := kabar(t, "", "--db", db, "story", "999"); code == 0 || !strings.Contains(errOut, "not found") {
		t.Errorf("story of a missing article: %d %q", code, errOut)
	}
}
