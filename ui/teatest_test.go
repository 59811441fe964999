package ui

import (
	"bytes"
	"testing"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"
	"github.com/charmbracelet/x/exp/teatest/v2"
)

// waitScreen waits until the program's output, ANSI stripped, holds want.
func waitScreen(t *testing.T, tm *teatest.TestModel, want string) {
	t.Helper()
	teatest.WaitFor(t, tm.Output(), func(b []byte) bool {
		return bytes.Contains([]byte(ansi.Strip(string(b))), []byte(want))
	}, teatest.WithDuration(5*time.Second), teatest.WithCheckInterval(20*time.Millisecond))
}

// TestProgramFilterOpenFollowBack runs the real Bubble Tea program and checks
// the final model: filter, open, follow a link, go back, quit.
func TestProgramFilterOpenFollowBack(t *testing.T) {
	lib := fixtureLibrary(t)
	tm := teatest.NewTestModel(t, New(lib, Options{Name: "library.db"}), teatest.WithInitialTermSize(100, 30))
	waitScreen(t, tm, "4 articles")
	tm.Type("/floating")
	waitScreen(t, tm, "1 matches")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyEnter})
	waitScreen(t, tm, "Visitors arrived before dawn")
	tm.Type("1")
	waitScreen(t, tm, "Pedagang menyambut baik keputusan")
	tm.Send(tea.KeyPressMsg{Code: tea.KeyBackspace})
	waitScreen(t, tm, "Boat vendors sold oranges")
	tm.Send(tea.KeyPressMsg{Code: 'c', Mod: tea.ModCtrl})
	final := tm.FinalModel(t, teatest.WithFinalTimeout(5*time.Second)).(Model)
	a, ok := final.Current()
	if !ok || a.Title != "Floating Market Draws Early Visitors" {
		t.Fatalf("final article %q (%v)", a.Title, ok)
	}
	if back, fwd := final.history.Depth(); back != 0 || fwd != 1 {
		t.Fatalf("final depth %d,%d", back, fwd)
	}
	if !final.quitting {
		t.Fatal("program ended without quitting")
	}
}
