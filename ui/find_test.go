package ui

import (
	"reflect"
	"strings"
	"testing"
)

func TestFindLocatesMatchesInCells(t *testing.T) {
	for _, tc := range []struct {
		name, line, query string
		want              []hit
	}{
		{"case folded", "Pasar apung, pasar pagi", "PASAR", []hit{{0, 0, 5}, {0, 13, 18}}},
		{"styled line", "\x1b[1mPasar\x1b[0m apung", "apung", []hit{{0, 6, 11}}},
		{"wide characters count two cells", "北京市 北京", "北京", []hit{{0, 0, 4}, {0, 7, 11}}},
		{"cyrillic", "Новини: Україна і україна", "україн", []hit{{0, 8, 14}, {0, 18, 24}}},
		{"no overlap", "aaaa", "aa", []hit{{0, 0, 2}, {0, 2, 4}}},
		{"none", "Jukung hias", "pasar", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := finder{query: foldRunes([]rune(tc.query))}
			got := f.locate([]string{tc.line}).hits
			if len(got) == 0 {
				got = nil
			}
			if !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("hits of %q in %q: %v, want %v", tc.query, tc.line, got, tc.want)
			}
		})
	}
}

func TestFindInArticle(t *testing.T) {
	m := start(t, fixtureLibrary(t), 60, 10)
	m = keys(t, m, "j", "enter") // Pasar Apung Sungai Martapura Dibuka Kembali
	if a, _ := m.Current(); !strings.HasPrefix(a.Title, "Pasar Apung") {
		t.Fatalf("opened %q", a.Title)
	}
	if strings.Contains(screenText(m), "bubar") {
		t.Fatal("the test needs 'bubar' below the first screen")
	}
	m = keys(t, m, append([]string{"/"}, strings.Split("BUBAR", "")...)...)
	text := screenText(m)
	if !strings.Contains(text, "bubar") || !strings.Contains(text, "find: BUBAR") || !strings.Contains(text, "match 1/1") {
		t.Fatalf("typing a find should scroll to its match and count it:\n%s", text)
	}
	if !strings.Contains(m.View().Content, m.styles.MatchCurrent.Render("bubar")) {
		t.Fatal("the current match is not highlighted")
	}

	m = keys(t, m, append([]string{"esc", "G", "/"}, strings.Split("pasar", "")...)...)
	if !strings.Contains(screenText(m), "match 3/3") {
		t.Fatalf("a find typed at the end of the article starts from the match there:\n%s", screenText(m))
	}
	m = keys(t, m, "esc", "g", "/", "p", "a", "s", "a", "r", "?", "backspace", "enter")
	if m.screen != screenReader || m.showHelp {
		t.Fatal("keys typed into a find must not act (? opened help or esc closed the reader)")
	}
	if got := len(m.reader.find.hits); got != 3 {
		t.Fatalf("'pasar' matches %d times, want 3 (title, lead, last paragraph)", got)
	}
	if !strings.Contains(screenText(m), "match 1/3") {
		t.Fatalf("after enter the status keeps the match count:\n%s", screenText(m))
	}
	view := m.View().Content
	if !strings.Contains(view, m.styles.MatchCurrent.Render("Pasar")) || !strings.Contains(view, m.styles.Match.Render("Pasar")) {
		t.Fatal("the current match and the other visible match should be highlighted differently")
	}
	for _, step := range []struct {
		key  string
		want int
	}{{"n", 1}, {"n", 2}, {"n", 0}, {"N", 2}} {
		m = keys(t, m, step.key)
		if m.reader.find.current != step.want {
			t.Fatalf("after %s the current match is %d, want %d", step.key, m.reader.find.current, step.want)
		}
		line := m.reader.find.hits[m.reader.find.current].line
		if line < m.reader.scroll || line >= m.reader.scroll+m.reader.viewHeight() {
			t.Fatalf("match on line %d is off screen (scroll %d)", line, m.reader.scroll)
		}
	}
	m = keys(t, m, "esc")
	if m.screen != screenReader || m.reader.find.active() || strings.Contains(m.View().Content, m.styles.Match.Render("Pasar")) {
		t.Fatal("esc should end the find, clear its highlights and stay in the reader")
	}
	m = keys(t, m, "esc")
	if m.screen != screenList {
		t.Fatal("esc without a find should go back to the list")
	}
}
