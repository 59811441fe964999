package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"

	"kabar/articles"
)

func titleOnScreen(t *testing.T, m Model, want string) {
	t.Helper()
	if s := screenText(m); !strings.Contains(s, want) {
		t.Fatalf("screen lacks %q:\n%s", want, s)
	}
}

func TestListNavigationAndOpen(t *testing.T) {
	lib := fixtureLibrary(t)
	tests := []struct {
		name      string
		keys      []string
		screen    screen
		cursor    int
		wantTitle string // the reader's article, when screen is the reader
	}{
		{"starts at the newest", nil, screenList, 0, ""},
		{"down twice", []string{"j", "down"}, screenList, 2, ""},
		{"up clamps at top", []string{"k", "up"}, screenList, 0, ""},
		{"G goes to last", []string{"G"}, screenList, 3, ""},
		{"g back to first", []string{"G", "g"}, screenList, 0, ""},
		{"enter opens newest", []string{"enter"}, screenReader, 0, "Floating Market Draws Early Visitors"},
		{"esc returns to list", []string{"enter", "esc"}, screenList, 0, ""},
		{"q in reader returns to list", []string{"down", "enter", "q"}, screenList, 1, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := keys(t, start(t, lib, 100, 30), tt.keys...)
			if m.screen != tt.screen || m.list.cursor != tt.cursor {
				t.Fatalf("screen %d cursor %d, want %d %d", m.screen, m.list.cursor, tt.screen, tt.cursor)
			}
			if tt.wantTitle != "" {
				a, ok := m.Current()
				if !ok || a.Title != tt.wantTitle {
					t.Fatalf("reader shows %q, want %q", a.Title, tt.wantTitle)
				}
				titleOnScreen(t, m, tt.wantTitle)
			}
		})
	}
}

func TestFollowLinksBackAndForward(t *testing.T) {
	lib := fixtureLibrary(t)
	m := keys(t, start(t, lib, 60, 10), "enter") // Floating Market → Pasar Apung (ref 1)
	m = keys(t, m, "1")
	a, _ := m.Current()
	if a.Title != "Pasar Apung Sungai Martapura Dibuka Kembali" {
		t.Fatalf("after 1: %q", a.Title)
	}
	if b, f := m.history.Depth(); b != 1 || f != 0 {
		t.Fatalf("depth %d,%d", b, f)
	}
	titleOnScreen(t, m, "◀ 1  ▶ 0")
	m = keys(t, m, "j", "j", "tab") // select Jukung Hias, scrolled into view
	left := m.reader.scroll
	if left == 0 {
		t.Fatal("the reader did not scroll; the test needs a longer article or a smaller terminal")
	}
	m = keys(t, m, "enter")
	a, _ = m.Current()
	if a.Title != "Jukung Hias Meriahkan Hari Jadi Kota" {
		t.Fatalf("after tab enter: %q", a.Title)
	}
	m = keys(t, m, "backspace")
	a, _ = m.Current()
	if a.Title != "Pasar Apung Sungai Martapura Dibuka Kembali" || m.reader.scroll != left {
		t.Fatalf("after back: %q at scroll %d, want scroll %d restored", a.Title, m.reader.scroll, left)
	}
	m = keys(t, m, "h")
	if a, _ = m.Current(); a.Title != "Floating Market Draws Early Visitors" {
		t.Fatalf("after h: %q", a.Title)
	}
	m = keys(t, m, "l", "l")
	if a, _ = m.Current(); a.Title != "Jukung Hias Meriahkan Hari Jadi Kota" {
		t.Fatalf("after l l: %q", a.Title)
	}
	m = keys(t, m, "l")
	titleOnScreen(t, m, "nothing to go forward to")
}

// selectTitle moves the list cursor down to the first title starting with
// prefix, failing (not looping) when the list has none.
func selectTitle(t *testing.T, m Model, prefix string) Model {
	t.Helper()
	for range m.list.total {
		if it, _ := m.list.item(m.list.cursor); strings.HasPrefix(it.Title, prefix) {
			return m
		}
		m = keys(t, m, "j")
	}
	t.Fatalf("no title starting with %q in the list", prefix)
	return m
}

func TestMissingLinkSearchesItsTitle(t *testing.T) {
	lib := fixtureLibrary(t)
	for _, follow := range [][]string{{"1"}, {"tab", "enter"}} {
		m := start(t, lib, 100, 30)
		m = selectTitle(t, m, "Jukung")
		m = keys(t, m, append([]string{"enter"}, follow...)...)
		if m.screen != screenList || m.list.query != "Harga Beras di Pasar Lama Naik Tipis" {
			t.Fatalf("%v on a missing link: screen %d query %q", follow, m.screen, m.list.query)
		}
		titleOnScreen(t, m, "is not in the library")
		titleOnScreen(t, m, "0 matches")
	}
}

func TestBacklinksAreFollowable(t *testing.T) {
	lib := fixtureLibrary(t)
	m := start(t, lib, 100, 30)
	m = keys(t, m, "j", "enter") // Pasar Apung (second newest)
	a, _ := m.Current()
	if a.Title != "Pasar Apung Sungai Martapura Dibuka Kembali" || len(a.ReferencedBy) != 1 {
		t.Fatalf("%q referenced by %+v", a.Title, a.ReferencedBy)
	}
	titleOnScreen(t, m, "Referenced by")
	m = keys(t, m, "shift+tab", "enter") // last link = the backlink
	if a, _ = m.Current(); a.Title != "Floating Market Draws Early Visitors" {
		t.Fatalf("followed backlink to %q", a.Title)
	}
}

func TestFilterAsYouType(t *testing.T) {
	lib := fixtureLibrary(t)
	m := keys(t, start(t, lib, 100, 30), "/", "p", "e", "n", "d", "a")
	if m.list.query != "penda" || m.list.total != 1 {
		t.Fatalf("query %q total %d", m.list.query, m.list.total)
	}
	titleOnScreen(t, m, "Jukung Hias")
	titleOnScreen(t, m, "1 matches")
	m = keys(t, m, "enter")
	if a, ok := m.Current(); !ok || a.Title != "Jukung Hias Meriahkan Hari Jadi Kota" {
		t.Fatalf("enter in filter opened %q", a.Title)
	}
	m = keys(t, m, "esc", "esc")
	if m.list.query != "" || m.list.total != 4 {
		t.Fatalf("esc left query %q total %d", m.list.query, m.list.total)
	}
}

func TestStaleFilterResultsAreDropped(t *testing.T) {
	lib := fixtureLibrary(t)
	m := start(t, lib, 100, 30)
	m.list.query, m.list.seq = "river", 5
	stale := pageMsg{query: "riv", seq: 4, page: 0, items: []articles.Listing{{ID: 99, Title: "stale"}}}
	tm, _ := m.Update(stale)
	if it, _ := tm.(Model).list.item(0); it.ID == 99 {
		t.Fatal("a stale page was kept")
	}
}

func TestOpeningMarksReadAndStarToggles(t *testing.T) {
	lib := fixtureLibrary(t)
	m := keys(t, start(t, lib, 100, 30), "enter", "s", "esc")
	ctx := context.Background()
	c, _ := lib.Counts(ctx)
	if c.Unread != 3 || c.Starred != 1 {
		t.Fatalf("counts after open+star: %+v", c)
	}
	if it, _ := m.list.item(0); !it.Read || !it.Starred {
		t.Fatalf("list row not updated: %+v", it)
	}
	m = keys(t, m, "u", "s")
	c, _ = lib.Counts(ctx)
	if c.Unread != 4 || c.Starred != 0 {
		t.Fatalf("counts after u s: %+v", c)
	}
}

// bodyWidth is the wrap width of the cached rendering the reader shows, or 0.
func bodyWidth(m Model) int {
	shown := strings.Join(m.reader.body, "\n")
	for k, out := range m.renders.items {
		if k.id == m.reader.article.ID && out == shown {
			return k.width
		}
	}
	return 0
}

func TestResizeRerendersAndCaches(t *testing.T) {
	lib := fixtureLibrary(t)
	m := keys(t, start(t, lib, 100, 30), "enter")
	wide := bodyWidth(m)
	var tm tea.Model = m
	tm = drive(t, tm, tea.WindowSizeMsg{Width: 60, Height: 20})
	m = tm.(Model)
	if bodyWidth(m) != wrapWidth(60) || wide != wrapWidth(100) {
		t.Fatalf("body widths %d then %d", wide, bodyWidth(m))
	}
	for _, line := range strings.Split(screenText(m), "\n") {
		if w := len([]rune(line)); w > 60 {
			t.Fatalf("line wider than 60: %q", line)
		}
	}
	if m.renders.len() != 2 {
		t.Fatalf("render cache holds %d entries, want 2", m.renders.len())
	}
	// Back to the first width: the cached rendering shows at once, with no
	// render command.
	tm, _ = m.Update(tea.WindowSizeMsg{Width: 100, Height: 30})
	tm, cmd := tm.Update(resizeSettledMsg{seq: tm.(Model).resizeSeq})
	m = tm.(Model)
	if cmd != nil || bodyWidth(m) != wrapWidth(100) {
		t.Fatalf("back at width 100: body width %d, command %v (the cached rendering is not reused)", bodyWidth(m), cmd != nil)
	}
}

func TestResizeStormAndTinyTerminals(t *testing.T) {
	lib := fixtureLibrary(t)
	for _, open := range []bool{false, true} {
		m := start(t, lib, 100, 30)
		if open {
			m = keys(t, m, "enter")
		}
		renders := m.renders.len()
		var tm tea.Model = m
		var last tea.Cmd
		for w := 1; w <= 130; w += 7 {
			for h := 1; h <= 45; h += 4 {
				// A storm: sizes arrive faster than the settle timer fires.
				tm, last = tm.Update(tea.WindowSizeMsg{Width: w, Height: h})
				text := screenText(tm.(Model))
				if lines := strings.Count(text, "\n"); lines > max(h, 1) {
					t.Fatalf("%dx%d: %d lines", w, h, lines)
				}
			}
		}
		if last != nil {
			tm = drive(t, tm, last())
		}
		if open && tm.(Model).renders.len() != renders+1 {
			t.Fatalf("the storm rendered %d bodies, want 1 (the final width)", tm.(Model).renders.len()-renders)
		}
		tm = drive(t, tm, tea.WindowSizeMsg{Width: 20, Height: 5})
		if !strings.Contains(screenText(tm.(Model)), "kabar needs") {
			t.Fatalf("20x5 shows no too-small message:\n%s", screenText(tm.(Model)))
		}
	}
}

// failingLibrary wraps a library and fails chosen calls.
type failingLibrary struct {
	Library
	failArticle bool
}

func (f failingLibrary) Article(ctx context.Context, id int64) (articles.Stored, error) {
	if f.failArticle {
		return articles.Stored{}, errors.New("disk on fire")
	}
	return f.Library.Article(ctx, id)
}

func TestStoreErrorShowsInStatusLine(t *testing.T) {
	lib := failingLibrary{Library: fixtureLibrary(t), failArticle: true}
	m := keys(t, start(t, lib, 100, 30), "enter")
	if m.screen != screenList {
		t.Fatal("left the list although the article failed to load")
	}
	titleOnScreen(t, m, "disk on fire")
	m = keys(t, m, "j")
	if m.list.cursor != 1 {
		t.Fatal("the program stopped responding after an error")
	}
}

func TestEmptyHugeAndWideBodies(t *testing.T) {
	big := strings.Repeat("Paragraf panjang tentang sungai dan pasar apung. ", 20) + "\n\n"
	bodies := map[string]string{
		"empty": "",
		"1MB":   strings.Repeat(big, (1<<20)/len(big)),
		"cjk":   strings.Repeat("東京の川でランタン祭りが開かれました。🏮🎉 ", 200),
	}
	for name, body := range bodies {
		t.Run(name, func(t *testing.T) {
			lib := memLibrary{a: articles.Stored{Article: articles.Article{ID: 1, Title: "Uji " + name, Body: body}}}
			m := keys(t, start(t, lib, 80, 24), "enter", "G", "g", "space", "b")
			titleOnScreen(t, m, "Uji "+name)
			if name == "empty" {
				titleOnScreen(t, m, "(this article has no text)")
			}
		})
	}
}

// memLibrary is a one-article library for body edge cases.
type memLibrary struct{ a articles.Stored }

func (l memLibrary) Counts(context.Context) (articles.Counts, error) {
	return articles.Counts{Total: 1, Unread: 1}, nil
}
func (l memLibrary) Sources(context.Context) ([]articles.Source, error) { return nil, nil }
func (l memLibrary) SearchTally(context.Context, string) (int, int, error) {
	return 0, 0, nil
}
func (l memLibrary) MarkAllRead(context.Context, string) ([]int64, error) { return nil, nil }
func (l memLibrary) SetReadOf(context.Context, []int64, bool) error       { return nil }
func (l memLibrary) SetTags(context.Context, int64, []string) error       { return nil }
func (l memLibrary) TagNames(context.Context) ([]string, error)           { return nil, nil }
func (l memLibrary) ArticleByURL(context.Context, string) (int64, error)  { return 0, nil }
func (l memLibrary) Discard(context.Context, ...int64) (func(context.Context) error, error) {
	return func(context.Context) error { return nil }, nil
}
func (l memLibrary) Page(_ context.Context, _ string, offset, _ int) ([]articles.Listing, error) {
	if offset > 0 {
		return nil, nil
	}
	return []articles.Listing{{ID: l.a.ID, Title: l.a.Title}}, nil
}
func (l memLibrary) PageAfter(context.Context, string, articles.Listing, int) ([]articles.Listing, error) {
	return nil, nil
}
func (l memLibrary) PageBefore(context.Context, string, articles.Listing, int) ([]articles.Listing, error) {
	return nil, nil
}
func (l memLibrary) SearchAfter(context.Context, string, articles.Listing, int, bool) ([]articles.Listing, error) {
	return nil, nil
}
func (l memLibrary) Search(context.Context, string, int, int, bool) ([]articles.Listing, error) {
	return nil, nil
}
func (l memLibrary) SearchCount(context.Context, string, bool, int) (int, error) { return 0, nil }
func (l memLibrary) SearchByRelevance(context.Context, string, int, int, bool) ([]articles.Listing, error) {
	return nil, nil
}
func (l memLibrary) Article(_ context.Context, id int64) (articles.Stored, error) {
	if id != l.a.ID {
		return articles.Stored{}, fmt.Errorf("no article %d", id)
	}
	return l.a, nil
}
func (l memLibrary) SetRead(context.Context, int64, bool) error    { return nil }
func (l memLibrary) SetStarred(context.Context, int64, bool) error { return nil }
func (l memLibrary) SetScroll(context.Context, int64, int) error   { return nil }

func TestHelpOverlayListsBindings(t *testing.T) {
	lib := fixtureLibrary(t)
	m := keys(t, start(t, lib, 100, 30), "?")
	for _, want := range []string{"List keys", "filter", "read/unread", "quit"} {
		titleOnScreen(t, m, want)
	}
	m = keys(t, m, "x")
	if m.showHelp {
		t.Fatal("a key did not close the help")
	}
	m = keys(t, m, "enter", "?")
	for _, want := range []string{"Reader keys", "next link", "follow nth link", "open in browser"} {
		titleOnScreen(t, m, want)
	}
}

func TestMouseWheelScrolls(t *testing.T) {
	lib := fixtureLibrary(t)
	m := start(t, lib, 100, 30)
	var tm tea.Model = m
	tm = drive(t, tm, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if tm.(Model).list.cursor != 3 {
		t.Fatalf("wheel moved list cursor to %d", tm.(Model).list.cursor)
	}
	m = keys(t, start(t, lib, 60, 10), "enter")
	tm = drive(t, m, tea.MouseWheelMsg{Button: tea.MouseWheelDown})
	if tm.(Model).reader.scroll != 3 {
		t.Fatalf("wheel scrolled reader to %d", tm.(Model).reader.scroll)
	}
}

func TestRefreshFetchesInTheBackgroundAndShowsNewArticles(t *testing.T) {
	lib := fixtureLibrary(t)
	var progressSeen []string
	refresh := func(ctx context.Context, progress func(done, total int)) (string, error) {
		progress(1, 2)
		_, err := lib.ImportArticles(ctx, []articles.Article{{Title: "Berita Baru dari Feed", Body: "Isi berita baru.",
			Origin: articles.Origin{Path: "https://feed.example/rss", Record: 1}}})
		progress(2, 2)
		return "fetched 2 feeds: 1 new articles", err
	}
	m := New(lib, Options{Name: "library.db", Refresh: refresh})
	var tm tea.Model = m
	tm = drive(t, tm, tea.WindowSizeMsg{Width: 100, Height: 30})
	tm = drive(t, tm, m.Init()())
	tm, cmd := tm.Update(press("r"))
	progressSeen = append(progressSeen, tm.(Model).status.text)
	if !tm.(Model).refreshing {
		t.Fatal("r did not start a refresh")
	}
	msg := cmd()
	tm, cmd = tm.Update(msg)
	progressSeen = append(progressSeen, tm.(Model).status.text)
	tm = drive(t, tm, cmd())
	final := tm.(Model)
	if final.refreshing || final.status.text != "fetched 2 feeds: 1 new articles" {
		t.Fatalf("after refresh: refreshing=%v status %q", final.refreshing, final.status.text)
	}
	if progressSeen[0] != "refreshing feeds…" || !strings.HasPrefix(progressSeen[1], "refreshing feeds 1/2") {
		t.Fatalf("progress shown: %q", progressSeen)
	}
	if final.list.total != 5 || !strings.Contains(screenText(final), "Berita Baru dari Feed") {
		t.Fatalf("new article not listed (total %d):\n%s", final.list.total, screenText(final))
	}
	noFeeds := keys(t, start(t, lib, 100, 30), "r")
	titleOnScreen(t, noFeeds, "no feeds to refresh")
}

// fakeBrowser sets $BROWSER to a script that appends its arguments to a
// file, and returns the file's path.
func fakeBrowser(t *testing.T) string {
	t.Helper()
	dir := t.TempDir()
	got := filepath.Join(dir, "opened")
	script := filepath.Join(dir, "browser")
	if err := os.WriteFile(script, []byte("#!/bin/sh\necho \"$@\" >> '"+got+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("BROWSER", script)
	return got
}

func TestOpenURLUsesTheBrowserWithoutTheTerminal(t *testing.T) {
	got := fakeBrowser(t)
	lib := fixtureLibrary(t)
	m := keys(t, start(t, lib, 100, 30), "enter")
	a, _ := m.Current()
	if a.URL != "" {
		t.Fatalf("fixture article unexpectedly has a URL %q", a.URL)
	}
	m = keys(t, m, "o")
	titleOnScreen(t, m, "this article has no URL")
	lib2 := memLibrary{a: articles.Stored{Article: articles.Article{ID: 1, Title: "Dengan URL", Body: "Isi.", URL: "https://kabar.example/a?b=1"}}}
	m = keys(t, start(t, lib2, 80, 24), "enter", "o")
	titleOnScreen(t, m, "opened https://kabar.example/a?b=1")
	deadline := time.Now().Add(5 * time.Second)
	for {
		data, err := os.ReadFile(got)
		if err == nil && strings.TrimSpace(string(data)) == "https://kabar.example/a?b=1" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("the browser was not started with the URL (%q, %v)", data, err)
		}
		time.Sleep(10 * time.Millisecond)
	}
	if m.screen != screenReader {
		t.Fatal("opening the URL left the reader")
	}
}

// TestEnterBeforeTheResultsOpensWhenTheyArrive: the match count can come
// back before the page of results; an enter pressed in between opens the
// first result when its page arrives instead of doing nothing.
func TestEnterBeforeTheResultsOpensWhenTheyArrive(t *testing.T) {
	lib := fixtureLibrary(t)
	lm := start(t, lib, 100, 30).list
	lm, _ = lm.applyFilter("floating")
	lm, _ = lm.update(matchCountMsg{query: "floating", seq: lm.seq, n: 1})
	lm, cmd := lm.update(press("enter"))
	if cmd != nil {
		t.Fatalf("enter before the page arrived returned %T", cmd())
	}
	lm, cmd = lm.update(loadPage(lib, listView{query: "floating"}, lm.seq, 0, pageAnchor{})())
	if cmd == nil {
		t.Fatal("the page arrived and nothing opened")
	}
	msg, ok := cmd().(openArticleMsg)
	if it, _ := lm.item(0); !ok || msg.id != it.ID || it.Title != "Floating Market Draws Early Visitors" {
		t.Fatalf("opened %+v, want the first result", msg)
	}
}

// TestOpenRefusesAnythingButHTTP: javascript:, file:, option-like and
// relative URLs never reach the browser; the status line says why.
func TestOpenRefusesAnythingButHTTP(t *testing.T) {
	got := fakeBrowser(t)
	for _, url := range []string{"javascript:alert(1)", "file:///etc/passwd", "-fooarg", "//host/path", "https://", "https://a.example/x y", "ftp://a.example/f"} {
		lib := memLibrary{a: articles.Stored{Article: articles.Article{ID: 1, Title: "Tautan", Body: "Isi.", URL: url}}}
		m := keys(t, start(t, lib, 80, 24), "enter", "o")
		titleOnScreen(t, m, "only http(s) links go to the browser")
	}
	time.Sleep(50 * time.Millisecond) // a started browser would have written by now
	if data, err := os.ReadFile(got); err == nil {
		t.Fatalf("the browser was started with %q", data)
	}
}

// TestCountsFollowAnExternalImport: articles another kabar imports show up
// in the header and the list when the terminal regains focus or the poll
// fires.
func TestCountsFollowAnExternalImport(t *testing.T) {
	lib := fixtureLibrary(t)
	m := start(t, lib, 100, 30)
	titleOnScreen(t, m, "4 articles")
	for i, msg := range []tea.Msg{tea.FocusMsg{}, pollMsg{}} {
		title := fmt.Sprintf("Kabar Susulan Nomor %d Tiba", i+1)
		if _, err := lib.ImportArticles(context.Background(), []articles.Article{{Title: title, Body: "Isi susulan.", Origin: articles.Origin{Path: title}}}); err != nil {
			t.Fatal(err)
		}
		m = drive(t, m, msg).(Model)
		titleOnScreen(t, m, fmt.Sprintf("%d articles", 5+i))
		titleOnScreen(t, m, title)
	}
}

// TestSteadyCursorStartsNoBlinkTimer: with SteadyCursor the filter input
// asks for no blink ticks; without it, it does (the option is real).
func TestSteadyCursorStartsNoBlinkTimer(t *testing.T) {
	lib := fixtureLibrary(t)
	for _, steady := range []bool{true, false} {
		var m tea.Model = New(lib, Options{SteadyCursor: steady})
		m, _ = m.Update(tea.WindowSizeMsg{Width: 80, Height: 24})
		_, cmd := m.Update(press("/"))
		if (cmd == nil) != steady {
			t.Fatalf("SteadyCursor %v: focusing the filter returned a command: %v", steady, cmd != nil)
		}
	}
}

// TestFilterTakesTheQueryLanguage: the filter takes fields like kabar
// search: starring an article and typing is:starred shows only it, and
// excluding its title's word shows the others.
func TestFilterTakesTheQueryLanguage(t *testing.T) {
	lib := fixtureLibrary(t)
	m := keys(t, start(t, lib, 100, 30), "enter", "s", "esc")
	starred, _ := m.list.item(0)
	m = keys(t, m, append([]string{"/"}, strings.Split("is:starred", "")...)...)
	if m.list.total != 1 {
		t.Fatalf("is:starred: %d matches", m.list.total)
	}
	titleOnScreen(t, m, starred.Title)
	m = keys(t, m, "esc", "esc")
	word := strings.Fields(starred.Title)[0]
	m = keys(t, m, append([]string{"/", "-"}, strings.Split(word+" ", "")...)...)
	if m.list.total != 3 {
		t.Fatalf("-%s: %d matches, want the 3 other articles", word, m.list.total)
	}
	if strings.Contains(screenText(m), starred.Title) {
		t.Fatalf("-%s still shows %q", word, starred.Title)
	}
}
func (l memLibrary) Similar(context.Context, int64, int) ([]articles.Similar, error) { return nil, nil }
func (l memLibrary) Story(context.Context, int64) ([]articles.StoryEntry, error) {
	return []articles.StoryEntry{{Listing: articles.Listing{ID: l.a.ID, Title: l.a.Title}, Via: articles.ViaSelf}}, nil
}
func (l memLibrary) PersonProfile(context.Context, string) (articles.Profile, error) {
	return articles.Profile{}, errors.New("no people in a one-article library")
}
func (l memLibrary) OutletProfile(context.Context, string) (articles.Profile, error) {
	return articles.Profile{}, errors.New("no outlets in a one-article library")
}
