package ui

import (
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestKeysWhileTypingAreText: while the filter has focus, q, ? and r are
// letters of the query (no quit, help or refresh); ctrl+c still quits.
func TestKeysWhileTypingAreText(t *testing.T) {
	m := keys(t, start(t, fixtureLibrary(t), 100, 30), "/", "q", "?", "r")
	if m.quitting || m.showHelp || m.refreshing || m.list.input.Value() != "q?r" {
		t.Fatalf("typing q?r: quitting=%v help=%v refreshing=%v input %q", m.quitting, m.showHelp, m.refreshing, m.list.input.Value())
	}
	if m = keys(t, m, "ctrl+c"); !m.quitting {
		t.Fatal("ctrl+c while typing did not quit")
	}
}

// TestBindingsAreTheOnlySourceOfKeys rebinds quit, help, the filter's
// submit and cancel and follow-nth, and checks that the old keys stop
// working and the new ones act: no key is read beside its binding.
func TestBindingsAreTheOnlySourceOfKeys(t *testing.T) {
	m := start(t, fixtureLibrary(t), 100, 30)
	m.list.keys.Quit = key.NewBinding(key.WithKeys("x"))
	m.list.keys.Help = key.NewBinding(key.WithKeys("H"))
	m.list.filterKeys.Cancel = key.NewBinding(key.WithKeys("ctrl+g"))
	m.reader.keys.FollowN = key.NewBinding(key.WithKeys("!", "@"))
	m.keys.ForceQuit = key.NewBinding(key.WithKeys("ctrl+q"))
	if m = keys(t, m, "q"); m.quitting {
		t.Fatal("q quits after Quit was bound to x")
	}
	if m = keys(t, m, "?"); m.showHelp {
		t.Fatal("? shows help after Help was bound to H")
	}
	if m = keys(t, m, "H"); !m.showHelp {
		t.Fatal("H does not show help")
	}
	m = keys(t, m, "H", "/", "k", "o", "t", "a", "esc")
	if !m.list.typing || m.list.input.Value() != "kota" {
		t.Fatalf("esc still cancels the filter after Cancel was bound to ctrl+g: typing=%v %q", m.list.typing, m.list.input.Value())
	}
	m = keys(t, m, "ctrl+c")
	if m.quitting {
		t.Fatal("ctrl+c quits after ForceQuit was bound to ctrl+q")
	}
	m = keys(t, m, "enter")
	a, ok := m.Current()
	if !ok || len(a.Related) == 0 {
		t.Fatalf("no article with related links open: %q", a.Title)
	}
	if m = keys(t, m, "1"); m.history.Current().ID != a.ID {
		t.Fatal("1 followed a link after FollowN was bound to ! and @")
	}
	if m = keys(t, m, "!"); m.history.Current().ID == a.ID {
		t.Fatal("! did not follow the first related link")
	}
	if m = keys(t, m, "esc", "x"); !m.quitting {
		t.Fatal("x does not quit")
	}
}

// TestOrderKeyShowsMatchesBestFirst: ctrl+o, while typing or not, shows a
// filter's matches best first (a title match above a body match) and back
// newest first.
func TestOrderKeyShowsMatchesBestFirst(t *testing.T) {
	m := keys(t, start(t, fixtureLibrary(t), 100, 30), "/", "r", "i", "v", "e", "r")
	first := func(m Model) string {
		l, ok := m.list.item(0)
		if !ok {
			t.Fatal("no first row")
		}
		return l.Title
	}
	if got := first(m); got != "Floating Market Draws Early Visitors" {
		t.Fatalf("newest first: %q", got)
	}
	m = keys(t, m, "ctrl+o")
	if got := first(m); got != "Lantern Night on the River 🏮" || !strings.Contains(screenText(m), "best first") {
		t.Fatalf("best first: %q\n%s", got, screenText(m))
	}
	m = keys(t, m, "enter", "esc", "ctrl+o")
	if got := first(m); got != "Floating Market Draws Early Visitors" || strings.Contains(screenText(m), "best first") {
		t.Fatalf("back to newest first: %q", got)
	}
}
