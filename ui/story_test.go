package ui

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"kabar/articles"
	"kabar/store"
)

// storiesLibrary imports the store's fixture of known stories (a flood in
// Kendari told in three articles and copied by another outlet, a ferry
// story in three, a bridge in two, two unrelated city stories) and returns
// it with the ids by title.
func storiesLibrary(t *testing.T) (*store.Store, map[string]int64) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	ctx := context.Background()
	if _, err := s.Import(ctx, []string{filepath.Join("..", "store", "testdata", "stories")}, store.ImportOptions{Workers: 1}); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, l := range must2(s.List(ctx, store.ListOptions{Limit: 100}))(t) {
		ids[l.Title] = l.ID
	}
	return s, ids
}

const (
	floodTitle    = "Banjir Rendam Ratusan Rumah di Kendari"
	followUpTitle = "Korban Banjir Kendari Mulai Terima Bantuan Logistik"
	copyTitle     = "Ratusan Rumah di Kendari Terendam Banjir Akibat Sungai Wanggu Meluap"
	riverTitle    = "Pemkot Kendari Normalisasi Sungai Wanggu Usai Banjir"
)

// openByID opens an article in the reader as the list would.
func openByID(t *testing.T, m Model, id int64) Model {
	t.Helper()
	return drive(t, m, openArticleMsg{id: id}).(Model)
}

func TestSimilarSectionInTheReader(t *testing.T) {
	lib, ids := storiesLibrary(t)
	m := openByID(t, start(t, lib, 110, 40), ids[floodTitle])
	titleOnScreen(t, m, "Similar")
	titleOnScreen(t, m, "same story · Warta Nusantara")
	screen := screenText(m)
	if strings.Index(screen, "Referenced by") > strings.Index(screen, "Similar") {
		t.Fatalf("Similar should come below Referenced by:\n%s", screen)
	}
	// tab: the backlink first, then the similar articles, the copy first
	m = keys(t, m, "tab", "tab")
	titleOnScreen(t, m, "▶ ≈ Ratusan Rumah di Kendari Terendam")
	if strings.Count(screenText(m), followUpTitle) != 1 {
		t.Fatalf("the article linking this one is listed again as similar:\n%s", screenText(m))
	}
	m = keys(t, m, "enter")
	if reading(m) != copyTitle {
		t.Fatalf("following the similar article opened %q", reading(m))
	}
	m = keys(t, m, "backspace")
	if reading(m) != floodTitle {
		t.Fatalf("back returned to %q", reading(m))
	}
	if _, cached := m.similar[ids[floodTitle]]; !cached {
		t.Fatal("the similar articles were not kept for the article")
	}
	titleOnScreen(t, m, "same story · Warta Nusantara") // from the cache, shown at once
}

func TestStoryThreadPanel(t *testing.T) {
	lib, ids := storiesLibrary(t)
	m := openByID(t, start(t, lib, 110, 40), ids[followUpTitle])
	m = keys(t, m, "T")
	if m.overlay != overlayStory {
		t.Fatalf("T did not open the story: %s", screenText(m))
	}
	titleOnScreen(t, m, "Story · 3 articles · 3 Mar 2025 – 10 Mar 2025")
	titleOnScreen(t, m, "2025-03-03  Kabar Sultra     → "+floodTitle)
	titleOnScreen(t, m, "▌ 2025-03-04  Kabar Sultra     ▸ "+followUpTitle) // the cursor starts on the article read
	titleOnScreen(t, m, "2025-03-10  Kabar Sultra     ← "+riverTitle)
	m = keys(t, m, "down", "enter")
	if reading(m) != riverTitle || m.overlay != overlayNone {
		t.Fatalf("enter in the story opened %q", reading(m))
	}
	m = keys(t, m, "backspace")
	if reading(m) != followUpTitle {
		t.Fatalf("back returned to %q", reading(m))
	}
	// an article nothing links and nothing is like: said in the status line
	m = openByID(t, m, ids["Pemerintah Kota Gelar Festival Kuliner di Alun-Alun"])
	m = keys(t, m, "T")
	if m.overlay != overlayNone {
		t.Fatal("a story of one article opened")
	}
	titleOnScreen(t, m, "no story yet")
}

func TestPeopleAndOutletPages(t *testing.T) {
	lib, ids := storiesLibrary(t)
	m := openByID(t, start(t, lib, 110, 40), ids[floodTitle])
	m = keys(t, m, "p")
	titleOnScreen(t, m, "People and outlet")
	for _, line := range []string{"author  Rahmat Hidayat", "editor  Sinta Dewi", "outlet  Kabar Sultra"} {
		titleOnScreen(t, m, line)
	}
	m = keys(t, m, "down", "enter")
	titleOnScreen(t, m, "Sinta Dewi · editor of 3 · Mar 2025 – Mar 2025")
	titleOnScreen(t, m, "List all 3 articles, newest first (2 unread)")
	titleOnScreen(t, m, "outlet  Kabar Sultra (3)")
	titleOnScreen(t, m, "with    Rahmat Hidayat (2)")
	// a companion is a page in turn
	m = keys(t, m, "down", "enter")
	titleOnScreen(t, m, "Kabar Sultra · 3 articles")
	titleOnScreen(t, m, "with    Sinta Dewi (3)")
	// the first line lists every article of the page, newest first
	m = keys(t, m, "enter")
	if m.screen != screenList || m.list.scope.Query != `source:"Kabar Sultra"` {
		t.Fatalf("the page's list: screen %v, scope %q", m.screen, m.list.scope.Query)
	}
	titleOnScreen(t, m, "outlet: Kabar Sultra 3 articles · 2 unread")
	if selected(m) != riverTitle || m.list.total != 3 {
		t.Fatalf("page list: %d articles, first %q", m.list.total, selected(m))
	}
	// p on an article that names nobody and no outlet says so
	one := memLibrary{a: articles.Stored{Article: articles.Article{ID: 1, Title: "Tanpa Nama", Body: "Isi."}}}
	m = keys(t, start(t, one, 100, 30), "enter", "p")
	if m.overlay != overlayNone {
		t.Fatal("a panel opened for an article without people or outlet")
	}
	titleOnScreen(t, m, "names no author, editor or outlet")
}
