package ui

import (
	"context"
	"strings"
	"testing"

	"kabar/articles"
	"kabar/store"
)

// chooseSource opens the sources panel and chooses the entry named name.
func chooseSource(t *testing.T, m Model, name string) Model {
	t.Helper()
	m = keys(t, m, "f")
	if !m.showSources || !m.sources.loaded {
		t.Fatal("f did not open the sources panel")
	}
	m = keys(t, m, "g")
	for range m.sources.entries {
		if m.sources.entries[m.sources.cursor].Name == name {
			return keys(t, m, "enter")
		}
		m = keys(t, m, "j")
	}
	t.Fatalf("no source %q in the panel", name)
	return m
}

func TestSourcesPanel(t *testing.T) {
	lib := fixtureLibrary(t)
	ctx := context.Background()
	all, err := lib.List(ctx, store.ListOptions{Limit: 10})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range all {
		if strings.HasPrefix(a.Title, "Lantern") || strings.HasPrefix(a.Title, "Jukung") {
			if err := lib.Tag(ctx, a.ID, "festival"); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := lib.SaveSearch(ctx, "Martapura", "martapura"); err != nil {
		t.Fatal(err)
	}
	m := start(t, lib, 100, 30)
	m = keys(t, m, "f")
	text := screenText(m)
	for _, want := range []string{"Sources", "All articles", "4/4", "Unread", "Starred", "0/0",
		"Saved searches", "Martapura", "3/3", "Tags", "festival", "2/2", "Outlets", "Kabar Sungai", "River Times"} {
		if !strings.Contains(text, want) {
			t.Fatalf("the panel lacks %q:\n%s", want, text)
		}
	}
	m = keys(t, m, "esc")
	if m.showSources || m.list.scope.Query != "" {
		t.Fatal("esc should close the panel and change nothing")
	}

	m = chooseSource(t, m, "Kabar Sungai")
	if m.showSources || m.list.total != 2 || m.list.scope.Kind != articles.SourceOutlet {
		t.Fatalf("outlet chosen: panel %v, %d rows, scope %+v", m.showSources, m.list.total, m.list.scope)
	}
	titleOnScreen(t, m, "outlet: Kabar Sungai 2 articles · 2 unread")
	m = keys(t, m, "/", "j", "u", "k", "u", "n", "g", "enter", "esc")
	if m.list.scope.Kind != articles.SourceOutlet || m.list.total != 2 {
		t.Fatalf("a filter should narrow within the outlet: scope %+v, %d rows", m.list.scope, m.list.total)
	}
	m = keys(t, m, "esc", "/", "m", "a", "r", "t", "a", "p", "u", "r", "a")
	if m.list.total != 2 {
		t.Fatalf("martapura within Kabar Sungai: %d rows, want 2 (the River Times article is outside)", m.list.total)
	}
	titleOnScreen(t, m, "outlet: Kabar Sungai › ")
	m = keys(t, m, "esc")
	if m.list.query != "" || m.list.scope.Kind != articles.SourceOutlet {
		t.Fatal("esc should clear the filter first, keeping the outlet")
	}
	m = keys(t, m, "esc")
	if m.list.scope.Query != "" || m.list.total != 4 {
		t.Fatalf("a second esc should show everything: %d rows", m.list.total)
	}

	for _, tc := range []struct {
		name string
		rows int
	}{{"festival", 2}, {"Martapura", 3}, {"Starred", 0}, {"Unread", 3 /* enter on the filter opened one */}, {"All articles", 4}} {
		m = chooseSource(t, m, tc.name)
		if m.list.total != tc.rows {
			t.Fatalf("%s: %d rows, want %d", tc.name, m.list.total, tc.rows)
		}
	}
}
