package ui

import (
	"context"
	"testing"

	tea "charm.land/bubbletea/v2"

	"kabar/store/benchlib"
)

// The benchmarks below run against the 100,000-article library of
// store/benchlib (built on first use, then cached).

// BenchmarkFirstScreen100k builds the model and draws the first list screen:
// counts, the first page and the view.
func BenchmarkFirstScreen100k(b *testing.B) {
	lib := benchlib.Library(b)
	for b.Loop() {
		m := start(b, lib, 120, 40)
		if m.list.total != benchlib.Articles || screenText(m) == "" {
			b.Fatal("first screen incomplete")
		}
	}
}

// BenchmarkCursorKey100k presses down once per op, through the whole
// library: Update and View, plus the page loads the cursor triggers.
func BenchmarkCursorKey100k(b *testing.B) {
	lib := benchlib.Library(b)
	m := start(b, lib, 120, 40)
	var tm tea.Model = m
	down := press("down")
	for b.Loop() {
		tm = drive(b, tm, down)
		_ = tm.View()
		if tm.(Model).list.cursor == benchlib.Articles-1 {
			tm = drive(b, tm, press("g"))
		}
	}
}

// BenchmarkFilterKeystroke100k measures a filter keystroke's results: the
// search for the first page and the match count, applied and drawn. The
// queries are what a user has typed so far: a word in most articles, that
// word and a short prefix, a rare pair, and a two-letter prefix.
func BenchmarkFilterKeystroke100k(b *testing.B) {
	lib := benchlib.Library(b)
	for _, q := range []string{"pembangunan", "pembangunan sar", "tahap 4242", "warga pe", "warga pem"} {
		b.Run(q, func(b *testing.B) {
			m := start(b, lib, 120, 40)
			for b.Loop() {
				m.list.input.SetValue(q)
				m.list.seq++
				tm := drive(b, m, filterDueMsg{seq: m.list.seq})
				if tm.(Model).list.query != q || tm.View().Content == "" {
					b.Fatal("filter not applied")
				}
			}
		})
	}
}

// BenchmarkOpenArticle measures opening a generated 4 KB article: first
// time (load, glamour render, layout, view) and cached (load, layout, view).
func BenchmarkOpenArticle(b *testing.B) {
	lib := benchlib.Library(b)
	a, err := lib.Article(context.Background(), 4242)
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("article body: %d bytes", len(a.Body))
	open := func(m Model) Model {
		tm := drive(b, m, openArticleMsg{id: 4242})
		_ = tm.View()
		return tm.(Model)
	}
	b.Run("first", func(b *testing.B) {
		m := start(b, lib, 120, 40)
		for b.Loop() {
			m.renders = newRenderCache(renderCacheBytes)
			if got := open(m); got.reader.body == nil {
				b.Fatal("not rendered")
			}
		}
	})
	b.Run("cached", func(b *testing.B) {
		m := open(start(b, lib, 120, 40))
		for b.Loop() {
			if got := open(m); got.reader.body == nil {
				b.Fatal("not rendered")
			}
		}
	})
}

// BenchmarkOpenSourcesPanel presses f over 100,000 articles in 1,000
// outlets: the entries and their counts loaded, the panel drawn. The saved
// searches' counts, which follow on their own, are not waited for.
func BenchmarkOpenSourcesPanel(b *testing.B) {
	m := start(b, benchlib.Scratch(b), 120, 40)
	for b.Loop() {
		tm, load := m.Update(press("f"))
		tm, _ = tm.Update(load())
		if !tm.(Model).sources.loaded || len(tm.(Model).sources.entries) < benchlib.Outlets || tm.View().Content == "" {
			b.Fatal("panel not shown")
		}
	}
}
