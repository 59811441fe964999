package ui

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sync/atomic"
	"testing"

	"kabar/articles"
	"kabar/store"
)

// TestListPagesFromLoadedRows pages down through a library of two dozen
// pages (more than the list keeps loaded) and back up from its end: every
// row shows where the full list has it, and every page but the ones the
// list starts or jumps to is read next to a loaded row (keyset paging),
// not counted from the top.
func TestListPagesFromLoadedRows(t *testing.T) {
	s := generatedLibrary(t, 2350)
	want, err := s.List(context.Background(), store.ListOptions{Limit: 3000})
	if err != nil || len(want) != 2350 {
		t.Fatalf("list: %d, %v", len(want), err)
	}
	lib := &pagingLibrary{Store: s}
	m := start(t, lib, 80, 24)
	rowIs := func(i int) {
		t.Helper()
		if got, ok := m.list.item(m.list.cursor); m.list.cursor != i || !ok || got.ID != want[i].ID {
			t.Fatalf("row %d: cursor %d, %q (%v), want %q", i, m.list.cursor, got.Title, ok, want[i].Title)
		}
	}
	rows := m.list.rows()
	for i := 0; i+rows < len(want); i += rows {
		rowIs(i)
		m = keys(t, m, "space")
	}
	m = keys(t, m, "G")
	for i := len(want) - 1; i > 0; i -= rows {
		rowIs(i)
		m = keys(t, m, "b")
	}
	m = keys(t, m, "g")
	rowIs(0)
	if lib.after.Load() < 10 || lib.before.Load() < 10 {
		t.Errorf("pages read after a loaded row %d, before one %d; want at least 10 each", lib.after.Load(), lib.before.Load())
	}
	if n := lib.offset.Load(); n > 3 {
		t.Errorf("%d pages read by offset; want the first page, the last and the top again at most", n)
	}
}

// TestSearchPagesFromLoadedRows pages down through a filter's results (the
// last word typed matched as a prefix), two dozen pages, and back up: every row shows where the search has it, and
// every page down after the first is read after the row before it.
func TestSearchPagesFromLoadedRows(t *testing.T) {
	s := generatedLibrary(t, 2350)
	want, err := s.Search(context.Background(), "pedagang", 0, 3000, false)
	if err != nil || len(want) != 2350 {
		t.Fatalf("search: %d, %v", len(want), err)
	}
	lib := &pagingLibrary{Store: s}
	m := keys(t, start(t, lib, 80, 24), "/", "p", "e", "d", "a", "g", "a", "n", "g")
	if m.list.viewQuery() != "pedagang" {
		t.Fatalf("filter %q", m.list.viewQuery())
	}
	shows := func() int { // the cursor's row is the search's row there
		t.Helper()
		i := m.list.cursor
		if got, ok := m.list.item(i); !ok || got.ID != want[i].ID {
			t.Fatalf("row %d: %q (%v), want %q", i, got.Title, ok, want[i].Title)
		}
		return i
	}
	// the count stops at 1,000 and grows as pages load: go on until the end
	for pressed := 0; shows() < len(want)-1; pressed++ {
		if pressed > 2*len(want)/m.list.rows() {
			t.Fatalf("page down stuck at row %d of %d", m.list.cursor, len(want))
		}
		m = keys(t, m, "pgdown")
	}
	for shows() > 0 {
		m = keys(t, m, "pgup")
	}
	if n := lib.searchAfter.Load(); n < 20 {
		t.Errorf("%d result pages read after a loaded row; want the 22 after the first", n)
	}
}

// pagingLibrary counts how the list reads its pages.
type pagingLibrary struct {
	*store.Store
	offset, after, before, searchAfter atomic.Int64
}

func (l *pagingLibrary) SearchAfter(ctx context.Context, query string, last articles.Listing, limit int, prefixLast bool) ([]articles.Listing, error) {
	l.searchAfter.Add(1)
	return l.Store.SearchAfter(ctx, query, last, limit, prefixLast)
}

func (l *pagingLibrary) Page(ctx context.Context, source string, offset, limit int) ([]articles.Listing, error) {
	l.offset.Add(1)
	return l.Store.Page(ctx, source, offset, limit)
}

func (l *pagingLibrary) PageAfter(ctx context.Context, source string, last articles.Listing, limit int) ([]articles.Listing, error) {
	l.after.Add(1)
	return l.Store.PageAfter(ctx, source, last, limit)
}

func (l *pagingLibrary) PageBefore(ctx context.Context, source string, first articles.Listing, limit int) ([]articles.Listing, error) {
	l.before.Add(1)
	return l.Store.PageBefore(ctx, source, first, limit)
}

// generatedLibrary is a library of n short articles in the seed's shape:
// dated on a dozen days (so many share a date and the id orders them),
// every fifth undated (sorted by its import time).
func generatedLibrary(t *testing.T, n int) *store.Store {
	t.Helper()
	dir := t.TempDir()
	for i := range n {
		date := fmt.Sprintf(", Senin (%d/3/2025)", 1+i%12)
		if i%5 == 0 {
			date = ""
		}
		text := fmt.Sprintf("Berita Nomor %04d Dari Kota\nKabar Kota - Warga kota membicarakan kabar nomor %d%s.\nPara pedagang pasar ikut mendengar kabar itu.\n", i, i, date)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("berita-%04d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if sum, err := s.Import(context.Background(), []string{dir}, store.ImportOptions{}); err != nil || sum.New != n {
		t.Fatalf("import: %+v, %v", sum, err)
	}
	return s
}

// TestAPageShortBeforeItsAnchorIsReadFromTheTop: when fewer rows than a
// page come before the anchor (the library changed since the anchor's
// page loaded), the page is read by its offset instead.
func TestAPageShortBeforeItsAnchorIsReadFromTheTop(t *testing.T) {
	s := generatedLibrary(t, 150)
	want, err := s.List(context.Background(), store.ListOptions{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	lib := &pagingLibrary{Store: s}
	got, err := plainPage(context.Background(), lib, 0, pageAnchor{row: want[50], ok: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != pageSize || got[0].ID != want[0].ID || got[pageSize-1].ID != want[pageSize-1].ID {
		t.Fatalf("page 0 read before row 50: %d rows", len(got))
	}
	if lib.before.Load() != 1 || lib.offset.Load() != 1 {
		t.Errorf("read before the anchor %d times, by offset %d; want once each", lib.before.Load(), lib.offset.Load())
	}
}
