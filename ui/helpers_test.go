package ui

import (
	"context"
	"fmt"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"charm.land/bubbles/v2/cursor"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kabar/store"
)

// fixtureLibrary imports ../testdata/library into a temporary store.
func fixtureLibrary(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	sum, err := s.Import(context.Background(), []string{"../testdata/library"}, store.ImportOptions{Workers: 1})
	if err != nil || sum.Failed > 0 || sum.New == 0 {
		t.Fatalf("import fixture library: %+v, %v", sum, err)
	}
	return s
}

// press makes a key press message from a key name as msg.String() spells it.
func press(k string) tea.KeyPressMsg {
	switch k {
	case "enter":
		return tea.KeyPressMsg{Code: tea.KeyEnter}
	case "esc":
		return tea.KeyPressMsg{Code: tea.KeyEscape}
	case "backspace":
		return tea.KeyPressMsg{Code: tea.KeyBackspace}
	case "tab":
		return tea.KeyPressMsg{Code: tea.KeyTab}
	case "shift+tab":
		return tea.KeyPressMsg{Code: tea.KeyTab, Mod: tea.ModShift}
	case "up":
		return tea.KeyPressMsg{Code: tea.KeyUp}
	case "down":
		return tea.KeyPressMsg{Code: tea.KeyDown}
	case "pgdown":
		return tea.KeyPressMsg{Code: tea.KeyPgDown}
	case "pgup":
		return tea.KeyPressMsg{Code: tea.KeyPgUp}
	case "space":
		return tea.KeyPressMsg{Code: tea.KeySpace, Text: " "}
	case "alt+left":
		return tea.KeyPressMsg{Code: tea.KeyLeft, Mod: tea.ModAlt}
	case "ctrl+c", "ctrl+o", "ctrl+g", "ctrl+q":
		return tea.KeyPressMsg{Code: rune(k[len(k)-1]), Mod: tea.ModCtrl}
	}
	r := []rune(k)[0]
	return tea.KeyPressMsg{Code: r, Text: k}
}

var cmdSliceType = reflect.TypeOf([]tea.Cmd(nil))

// drive delivers msg to the model and runs every command it returns,
// synchronously, feeding their messages back until nothing is left. Batches
// and sequences are unpacked; quitting stops the loop.
func drive(t testing.TB, m tea.Model, msgs ...tea.Msg) tea.Model {
	t.Helper()
	queue := append([]tea.Msg(nil), msgs...)
	for steps := 0; len(queue) > 0; steps++ {
		if steps > 10000 {
			t.Fatal("model never settles")
		}
		msg := queue[0]
		queue = queue[1:]
		if msg == nil {
			continue
		}
		if v := reflect.ValueOf(msg); v.Kind() == reflect.Slice && v.Type().ConvertibleTo(cmdSliceType) {
			for _, c := range v.Convert(cmdSliceType).Interface().([]tea.Cmd) {
				if c != nil {
					queue = append(queue, runCmd(t, c))
				}
			}
			continue
		}
		if _, quit := msg.(tea.QuitMsg); quit {
			return m
		}
		var cmd tea.Cmd
		m, cmd = m.Update(msg)
		if cmd != nil {
			queue = append(queue, runCmd(t, cmd))
		}
	}
	return m
}

// runCmd runs a command and fails the test when it was a cursor blink: a
// real 530 ms timer per typed key that the model must not start in tests
// (Options.SteadyCursor).
func runCmd(t testing.TB, cmd tea.Cmd) tea.Msg {
	t.Helper()
	msg := cmd()
	if _, blink := msg.(cursor.BlinkMsg); blink || strings.HasPrefix(fmt.Sprintf("%T", msg), "cursor.") {
		t.Fatalf("the test driver ran a cursor blink timer (%T)", msg)
	}
	return msg
}

// start builds a model over the fixture library at a size and settles it.
func start(t testing.TB, lib Library, w, h int) Model {
	t.Helper()
	m := New(lib, Options{Name: "library.db", SteadyCursor: true, FilterPause: -1})
	var tm tea.Model = m
	tm = drive(t, tm, tea.Msg(tea.WindowSizeMsg{Width: w, Height: h}))
	tm = drive(t, tm, m.Init()())
	return tm.(Model)
}

// keys presses keys one by one, letting each settle.
func keys(t testing.TB, m Model, ks ...string) Model {
	t.Helper()
	var tm tea.Model = m
	for _, k := range ks {
		tm = drive(t, tm, press(k))
	}
	return tm.(Model)
}

// screenText is the model's view with ANSI removed and trailing spaces
// trimmed from each line.
func screenText(m Model) string {
	lines := strings.Split(ansi.Strip(m.View().Content), "\n")
	for i := range lines {
		lines[i] = strings.TrimRight(lines[i], " ")
	}
	return strings.Join(lines, "\n") + "\n"
}
