package ui

import (
	"fmt"
	"strings"
	"testing"

	tea "charm.land/bubbletea/v2"

	"kabar/articles"
)

// hugeBody is about n bytes of paragraphs, each line numbered.
func hugeBody(n int) string {
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		fmt.Fprintf(&b, "Paragraf %d: warga desa bergotong royong membersihkan sungai dan saluran air sejak pagi hari.\n\n", i)
	}
	return b.String()
}

// TestHugeArticleRendersOnlyWhatIsShown: a 10 MB body renders its first
// parts at once and the rest only as the reader scrolls towards them.
func TestHugeArticleRendersOnlyWhatIsShown(t *testing.T) {
	lib := memLibrary{a: articles.Stored{Article: articles.Article{ID: 1, Title: "Sangat Panjang", Body: hugeBody(10 << 20)}}}
	m := keys(t, start(t, lib, 100, 30), "enter")
	titleOnScreen(t, m, "Paragraf 0:")
	if total, done := len(m.job.parts), len(m.job.done); total < 500 || done == 0 || done > 4 {
		t.Fatalf("opening rendered %d of %d parts", done, total)
	}
	first := len(m.job.done)
	for range 20 {
		m = keys(t, m, "space")
	}
	if done := len(m.job.done); done <= first || done > first+6 {
		t.Fatalf("20 pages down rendered %d parts, %d at first", done, first)
	}
	if last := m.reader.lines[len(m.reader.lines)-1]; !m.reader.bodyPending || !strings.Contains(last, "rendering…") {
		t.Fatalf("a partly rendered body ends with %q", last)
	}
}

// TestResizeStormOverAHugeArticle: sizes arriving while a part renders start
// no second render; the part that arrives stale is dropped and only the
// settled width is rendered, as far as it is shown.
func TestResizeStormOverAHugeArticle(t *testing.T) {
	lib := memLibrary{a: articles.Stored{Article: articles.Article{ID: 1, Title: "Sangat Panjang", Body: hugeBody(10 << 20)}}}
	m := keys(t, start(t, lib, 100, 30), "enter")
	var tm tea.Model = m
	var inFlight []tea.Cmd
	for i := range 30 {
		var cmd tea.Cmd
		tm, _ = tm.Update(tea.WindowSizeMsg{Width: 60 + i, Height: 20 + i%5})
		tm, cmd = tm.Update(resizeSettledMsg{seq: tm.(Model).resizeSeq})
		if cmd != nil {
			inFlight = append(inFlight, cmd)
		}
	}
	if len(inFlight) != 1 {
		t.Fatalf("the storm started %d renders, want 1 at a time", len(inFlight))
	}
	// The first part renders at the width it was asked for, now stale.
	tm = drive(t, tm, inFlight[0]())
	m = tm.(Model)
	if got := bodyLineWidth(m); got > wrapWidth(89) {
		t.Fatalf("body shown %d wide after the storm settled at %d", got, wrapWidth(89))
	}
	if m.job.key != m.currentKey() || len(m.job.done) == 0 || len(m.job.done) > 4 {
		t.Fatalf("after the storm: job at %+v, current %+v, %d parts done", m.job.key, m.currentKey(), len(m.job.done))
	}
}

// bodyLineWidth is the widest body line shown.
func bodyLineWidth(m Model) int {
	w := 0
	for _, line := range strings.Split(screenText(m), "\n") {
		if strings.Contains(line, "Paragraf") {
			w = max(w, len([]rune(strings.TrimRight(line, " "))))
		}
	}
	return w
}

func TestRenderCacheKeepsWithinItsBudget(t *testing.T) {
	c := newRenderCache(100)
	c.put(renderKey{id: 1}, strings.Repeat("a", 60))
	c.put(renderKey{id: 2}, strings.Repeat("b", 30))
	c.put(renderKey{id: 3}, strings.Repeat("c", 30))  // drops 1
	c.put(renderKey{id: 4}, strings.Repeat("d", 101)) // too big to keep
	if _, ok := c.get(renderKey{id: 1}); ok || c.len() != 2 || c.size != 60 {
		t.Fatalf("cache holds %d renderings, %d bytes", c.len(), c.size)
	}
	if _, ok := c.get(renderKey{id: 4}); ok {
		t.Fatal("a rendering over the budget was kept")
	}
}

func TestSplitMarkdownKeepsEveryByteAndCodeBlocks(t *testing.T) {
	fence := "```\n" + strings.Repeat("kode baris\n\n", 50) + "```\n\n"
	for _, body := range []string{hugeBody(100 << 10), fence + hugeBody(40<<10), strings.Repeat("kata ", 20000), strings.Repeat("é", 30000)} {
		parts := splitMarkdown(body, 4<<10)
		joined := strings.Join(parts, "")
		if strings.ReplaceAll(joined, "\n", "") != strings.ReplaceAll(body, "\n", "") {
			t.Fatal("parts lose text")
		}
		for _, p := range parts {
			if len(p) > 4<<10 && !strings.HasPrefix(p, "```") {
				t.Fatalf("a part of %d bytes", len(p))
			}
			if strings.Count(p, "```")%2 != 0 {
				t.Fatalf("a part cuts a code block: %.60q", p)
			}
		}
	}
}
