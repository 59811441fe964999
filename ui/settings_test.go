package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func writeSettings(t *testing.T, text string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "config.toml")
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestDefaultSettingsFileIsTheDefaults(t *testing.T) {
	text := DefaultSettingsFile()
	s, err := LoadSettings(writeSettings(t, text))
	rebound := 0
	for _, binds := range s.Keys {
		rebound += len(binds)
	}
	if err != nil || s.Theme != "" || rebound != 0 {
		t.Fatalf("the default file, all commented, should load as the defaults: %+v, %v", s, err)
	}
	// uncommented, every line is valid and changes nothing
	var lines []string
	for _, l := range strings.Split(text, "\n") {
		if rest, ok := strings.CutPrefix(l, "# "); ok && strings.Contains(rest, " = ") {
			l = rest
		}
		lines = append(lines, l)
	}
	s, err = LoadSettings(writeSettings(t, strings.Join(lines, "\n")))
	if err != nil {
		t.Fatalf("the default file uncommented: %v", err)
	}
	if s.Theme != "auto" || s.Opener.Command == "" || len(s.Keys["reader"]) != len(bindingNames(defaultKeysOf("reader"))) {
		t.Fatalf("uncommented defaults read as %+v", s)
	}
	for _, name := range []string{"next_unread", "mark_all_read", "open_url", "force_quit"} {
		if !strings.Contains(text, "# "+name+" = [") {
			t.Fatalf("the default file lacks the binding %s", name)
		}
	}
}

func TestBrokenSettingsSayWhereAndKeepDefaults(t *testing.T) {
	for _, tc := range []struct {
		name, text, want string
		keeps            func(Settings) bool
	}{
		{"syntax", "theme = \"light\"\nmouse = tru\n", "line 2", func(s Settings) bool { return s.Theme == "" }},
		{"type", "mouse = \"yes\"\n", "line 1", func(s Settings) bool { return s.mouse() }},
		{"unknown setting", "theme = \"light\"\nthme = \"dark\"\n", `line 2: unknown setting "thme"`, func(s Settings) bool { return s.Theme == "light" }},
		{"unknown binding", "[keys.list]\nnext_unrad = [\"x\"]\n", "keys.list.next_unrad: no such key binding", nil},
		{"unknown screen", "[keys.lists]\nup = [\"x\"]\n", "keys.lists: no such screen", nil},
		{"theme file", "theme = \"/nowhere/style.json\"\n", "theme \"/nowhere/style.json\"", func(s Settings) bool { return s.glamourStyle() == "" }},
		{"refresh", "refresh_every = \"often\"\n", "refresh_every \"often\"", func(s Settings) bool { return s.every == 0 }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			path := writeSettings(t, tc.text)
			s, err := LoadSettings(path)
			if err == nil || !strings.Contains(err.Error(), tc.want) || !strings.Contains(err.Error(), path) {
				t.Fatalf("error %v, want one naming %s and %q", err, path, tc.want)
			}
			if tc.keeps != nil && !tc.keeps(s) {
				t.Fatalf("settings after the error: %+v", s)
			}
		})
	}
	if s, err := LoadSettings(filepath.Join(t.TempDir(), "none.toml")); err != nil || s.Theme != "" {
		t.Fatalf("a missing file is the defaults: %+v %v", s, err)
	}
}

func TestSettingsRebindKeysAndTheme(t *testing.T) {
	path := writeSettings(t, "theme = \"light\"\nmouse = false\n[keys.list]\nnext_unread = [\"N\"]\n[keys.reader]\nnext_article = [\"ctrl+n\", \"J\"]\n")
	s, err := LoadSettings(path)
	if err != nil {
		t.Fatal(err)
	}
	m := New(fixtureLibrary(t), Options{Name: "library.db", SteadyCursor: true, FilterPause: -1, Settings: s})
	if m.styles.Dark || m.View().MouseMode != 0 {
		t.Fatal("theme light and mouse off were not applied")
	}
	if got := m.list.keys.NextUnread.Keys(); len(got) != 1 || got[0] != "N" || m.list.keys.NextUnread.Help().Key != "N" {
		t.Fatalf("next_unread keys %q help %q", got, m.list.keys.NextUnread.Help().Key)
	}
	if got := m.reader.keys.NextArticle.Help().Key; got != "ctrl+n/J" {
		t.Fatalf("reader next_article help %q", got)
	}
	if DefaultListKeys().NextUnread.Keys()[0] != "n" {
		t.Fatal("rebinding changed the defaults")
	}
}

func TestOpenerCommand(t *testing.T) {
	const u = "https://kabar.test/a?b=1&c=2"
	for _, tc := range []struct {
		name, command, browser, goos string
		want                         []string
	}{
		{"settings with %u", "w3m -o x %u", "firefox", "linux", []string{"w3m", "-o", "x", u}},
		{"settings without %u", "lynx", "", "linux", []string{"lynx", u}},
		{"$BROWSER list, first installed", "", "no-such-browser-kabar:sh -c 'echo %s'", "linux", []string{"sh", "-c", "'echo", u + "'"}},
		{"xdg-open", "", "", "linux", []string{"xdg-open", u}},
		{"open on macOS", "", "", "darwin", []string{"open", u}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, err := openerCommand(u, tc.command, tc.browser, tc.goos)
			if err != nil || strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Fatalf("got %q, %v; want %q", got, err, tc.want)
			}
		})
	}
	if _, err := openerCommand(u, "", "no-such-browser-kabar", "linux"); err == nil || !strings.Contains(err.Error(), "$BROWSER") {
		t.Fatalf("no installed browser: %v", err)
	}
}

// FuzzLoadSettings: no config file, however broken, stops kabar: it loads
// with an error or without, and the model builds on what it read.
func FuzzLoadSettings(f *testing.F) {
	f.Add(DefaultSettingsFile())
	f.Add("theme = \"light\"\n[keys.list]\nsources = [\"F\"]\n")
	f.Add("[keys.reader]\nnext_article = []\n[keys.nope]\nx = [\"y\"]\n")
	f.Add("mouse = \"yes\"\nrefresh_every = \"-5m\"\n[opener]\ncommand = 3\n")
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, text string) {
		path := filepath.Join(dir, "config.toml")
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		s, _ := LoadSettings(path)
		m := New(nil, Options{Settings: s})
		_ = m.helpView()
	})
}

// TestUnknownSettingLeavesTheOthersChecked: a misspelt setting beside a
// theme file and a refresh interval is reported, and the two still work
// (the theme file read, the interval parsed).
func TestUnknownSettingLeavesTheOthersChecked(t *testing.T) {
	style := filepath.Join(t.TempDir(), "style.json")
	if err := os.WriteFile(style, []byte(`{"document": {"margin": 1}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := LoadSettings(writeSettings(t, "theme = \""+style+"\"\nrefresh_every = \"30m\"\nthme = \"x\"\n"))
	if err == nil || !strings.Contains(err.Error(), `unknown setting "thme"`) {
		t.Fatalf("error %v", err)
	}
	if s.glamourStyle() != "file:"+style || s.glamourJSON == nil || s.every.Minutes() != 30 {
		t.Fatalf("theme %q (json %d bytes), every %v", s.glamourStyle(), len(s.glamourJSON), s.every)
	}
}
