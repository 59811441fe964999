package main

import (
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestEndToEndStoryLayer follows a story in a real terminal, on the store's
// fixture of known stories: the first flood report's Similar section with
// the other outlet's copy, its story thread and a follow-up read from it,
// and the editor's page (two of her three articles read by then) down to
// the list of her articles.
func TestEndToEndStoryLayer(t *testing.T) {
	bin := buildKabar(t)
	db := filepath.Join(t.TempDir(), "library.db")
	if out, err := exec.Command(bin, "--db", db, "import", filepath.Join("store", "testdata", "stories")).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	term := startInTmux(t, 110, 40, bin, "--db", db)
	term.waitFor("11 articles · 11 unread")
	term.send("G", "Enter") // the oldest: the first flood report
	term.waitFor("by Rahmat Hidayat", "Similar", "same story · Warta Nusantara")

	term.send("T")
	term.waitFor("Story · 4 articles · 3 Mar 2025 – 10 Mar 2025", "≈ Ratusan Rumah di Kendari", "← Pemkot Kendari Normalisasi")
	term.send("G", "Enter")
	term.waitFor("Pemerintah Kota Kendari mulai mengeruk", "◀ 1  ▶ 0")
	term.send("BSpace")
	term.waitFor("by Rahmat Hidayat", "◀ 0  ▶ 1")

	term.send("p")
	term.waitFor("People and outlet", "editor  Sinta Dewi")
	term.send("j", "Enter")
	term.waitFor("Sinta Dewi · editor of 3", "List all 3 articles, newest first (1 unread)", "with    Rahmat Hidayat (2)")
	term.send("Enter")
	term.waitFor("person: Sinta Dewi 3 articles · 1 unread", "Pemkot Kendari Normalisasi")
	if strings.Contains(term.screen(), "Island Times") {
		t.Fatalf("the editor's list shows another outlet's article:\n%s", term.screen())
	}
	term.send("q")
	if status := term.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
}
