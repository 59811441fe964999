package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"kabar/articles"
	"kabar/store"
)

// morningLibrary is six dated articles, newest first "Berita 6" … "Berita
// 1"; "Berita 5" links the stored "Berita 2" and an outside page in its
// text. Berita 6 and 4 are read.
func morningLibrary(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	var as []articles.Article
	for i := 1; i <= 6; i++ {
		a := articles.Article{Title: fmt.Sprintf("Berita %d", i), Source: "Kabar Pagi",
			URL:       fmt.Sprintf("https://pagi.test/berita-%d", i),
			Published: time.Date(2025, 6, i, 7, 0, 0, 0, time.UTC), Body: fmt.Sprintf("Isi berita nomor %d.", i),
			Origin: articles.Origin{Path: "pagi.jsonl", Record: i}}
		if i == 5 {
			a.Body = "Lihat [berita kedua](https://pagi.test/berita-2) dan https://luar.test/halaman."
		}
		as = append(as, a)
	}
	ctx := context.Background()
	if _, err := s.ImportArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	for _, n := range []int{6, 4} {
		id, _ := s.ArticleByURL(ctx, fmt.Sprintf("https://pagi.test/berita-%d", n))
		if err := s.SetRead(ctx, id, true); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// selected is the title of the list's selected row.
func selected(m Model) string {
	it, _ := m.list.item(m.list.cursor)
	return it.Title
}

// reading is the title of the article the reader shows ("" in the list).
func reading(m Model) string {
	if a, ok := m.Current(); ok {
		return a.Title
	}
	return ""
}

func TestNextUnreadAndNextArticle(t *testing.T) {
	m := start(t, morningLibrary(t), 100, 30)
	m = keys(t, m, "n")
	if selected(m) != "Berita 5" || m.screen != screenList {
		t.Fatalf("n from Berita 6 selected %q", selected(m))
	}
	m = keys(t, m, "n")
	if selected(m) != "Berita 3" {
		t.Fatalf("n should skip the read Berita 4: selected %q", selected(m))
	}
	m = keys(t, m, "enter", "n")
	if reading(m) != "Berita 2" {
		t.Fatalf("n in the reader should open the next unread: reading %q", reading(m))
	}
	m = keys(t, m, "K")
	if reading(m) != "Berita 3" || selected(m) != "Berita 3" {
		t.Fatalf("K: reading %q, list at %q", reading(m), selected(m))
	}
	m = keys(t, m, "J", "J")
	if reading(m) != "Berita 1" {
		t.Fatalf("J J: reading %q", reading(m))
	}
	m = keys(t, m, "J")
	if reading(m) != "Berita 1" {
		t.Fatal("J past the last article moved")
	}
	titleOnScreen(t, m, "no more articles")
	m = keys(t, m, "n")
	titleOnScreen(t, m, "no unread article below")
}

func TestMarkAllReadAsksAndUndoes(t *testing.T) {
	lib := morningLibrary(t)
	m := start(t, lib, 100, 30)
	m = keys(t, m, "A")
	titleOnScreen(t, m, "Mark every article in the library read? (y/n)")
	m = keys(t, m, "n")
	if m.list.counts.Unread != 4 {
		t.Fatal("answering n marked articles read")
	}
	m = keys(t, m, "A", "y")
	if m.list.counts.Unread != 0 {
		t.Fatalf("after A y: %d unread", m.list.counts.Unread)
	}
	for i := range m.list.total {
		if it, _ := m.list.item(i); !it.Read {
			t.Fatalf("row %q still shows unread", it.Title)
		}
	}
	titleOnScreen(t, m, "marked 4 articles read — U undoes")
	m = keys(t, m, "U")
	if m.list.counts.Unread != 4 {
		t.Fatalf("after U: %d unread, want 4 (the two read before stay read)", m.list.counts.Unread)
	}
	titleOnScreen(t, m, "undone: marked 4 articles read")
	m = keys(t, m, "U")
	titleOnScreen(t, m, "nothing to undo")
}

func TestDeleteAsksAndUndoes(t *testing.T) {
	lib := morningLibrary(t)
	m := start(t, lib, 100, 30)
	m = keys(t, m, "j", "d")
	titleOnScreen(t, m, "Delete “Berita 5”? (y/n)")
	m = keys(t, m, "esc")
	if m.list.counts.Total != 6 {
		t.Fatal("esc deleted the article")
	}
	m = keys(t, m, "d", "y")
	if m.list.counts.Total != 5 || selected(m) == "Berita 5" {
		t.Fatalf("after d y: %d articles, selected %q", m.list.counts.Total, selected(m))
	}
	m = keys(t, m, "U")
	if m.list.counts.Total != 6 {
		t.Fatalf("after U: %d articles", m.list.counts.Total)
	}
	if id, _ := lib.ArticleByURL(context.Background(), "https://pagi.test/berita-5"); id == 0 {
		t.Fatal("Berita 5 is not back in the library")
	}
	if selected(m) != "Berita 5" {
		t.Fatalf("the list shows %q where Berita 5 was", selected(m))
	}
}

func TestTagsEditedWithCompletion(t *testing.T) {
	lib := morningLibrary(t)
	id, _ := lib.ArticleByURL(context.Background(), "https://pagi.test/berita-1")
	if err := lib.Tag(context.Background(), id, "pemerintahan"); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, 100, 30)
	m = keys(t, m, "t")
	titleOnScreen(t, m, "tags:")
	m = keys(t, m, "b", "a", "n", "j", "i", "r", ",", " ", "p", "e", "m", "tab")
	if got := m.prompt.input.Value(); got != "banjir, pemerintahan" {
		t.Fatalf("after tab the line is %q", got)
	}
	m = keys(t, m, "enter")
	if it, _ := m.list.item(0); !slices.Equal(it.Tags, []string{"banjir", "pemerintahan"}) {
		t.Fatalf("row tags %q", it.Tags)
	}
	titleOnScreen(t, m, "#banjir #pemerintahan")
	m = keys(t, m, "enter")
	titleOnScreen(t, m, "#banjir #pemerintahan") // in the reader's byline
	m = keys(t, m, "t", "esc")
	if a, _ := m.Current(); len(a.Tags) != 2 {
		t.Fatal("esc changed the tags")
	}
	if got := must2(lib.Tags(context.Background(), reader(m).ID))(t); !slices.Equal(got, []string{"banjir", "pemerintahan"}) {
		t.Fatalf("stored tags %q", got)
	}
}

func TestLinksInTheText(t *testing.T) {
	m := start(t, morningLibrary(t), 100, 30)
	m = keys(t, m, "j", "enter", "u")
	titleOnScreen(t, m, "Links in the text")
	titleOnScreen(t, m, "1. berita kedua — https://pagi.test/berita-2")
	titleOnScreen(t, m, "2. https://luar.test/halaman")
	m = keys(t, m, "1")
	if reading(m) != "Berita 2" || m.overlay != overlayNone {
		t.Fatalf("choosing the stored link opened %q", reading(m))
	}
	m = keys(t, m, "backspace")
	if reading(m) != "Berita 5" {
		t.Fatalf("back returned to %q", reading(m))
	}
	m = keys(t, m, "K", "u")
	titleOnScreen(t, m, "no links in the text")
}

func reader(m Model) articles.Stored { return m.reader.article }

func must2[T any](v T, err error) func(*testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}
