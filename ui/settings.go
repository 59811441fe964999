package ui

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"time"
	"unicode"

	"charm.land/bubbles/v2/key"
	"charm.land/glamour/v2/ansi"
	"charm.land/glamour/v2/styles"
	"github.com/pelletier/go-toml/v2"
)

// Settings are what the config file (config.toml) sets. The zero value of
// each field is kabar's default.
type Settings struct {
	// Theme is auto (from the terminal's background), dark, light, a
	// glamour style name (dracula, tokyo-night, pink, ascii, notty) or the
	// path of a glamour JSON style file.
	Theme string `toml:"theme"`
	// Mouse turns the mouse wheel on or off (on when unset).
	Mouse *bool `toml:"mouse"`
	// Library is the default library file (--db and KABAR_DB come first).
	Library string `toml:"library"`
	// RefreshOnStart fetches the subscribed feeds when the reader opens.
	RefreshOnStart bool `toml:"refresh_on_start"`
	// RefreshEvery fetches the feeds again this often while the reader is
	// open ("30m"; empty or "0" never).
	RefreshEvery string `toml:"refresh_every"`
	// Opener opens URLs (o, and links in the text).
	Opener OpenerSettings `toml:"opener"`
	// Keys rebind keys: screen (list, filter, reader, panel, prompt, app)
	// to binding name (as in the default file) to the keys it takes.
	Keys map[string]map[string][]string `toml:"keys"`

	glamourJSON []byte        // a theme file's contents, read at load
	every       time.Duration // RefreshEvery parsed
}

// OpenerSettings say how URLs are opened.
type OpenerSettings struct {
	// Command is the program and its arguments, %u standing for the URL
	// (added at the end when absent). Empty: $BROWSER, else xdg-open or
	// open.
	Command string `toml:"command"`
	// Takeover gives the opener the terminal (w3m, lynx) until it exits.
	Takeover bool `toml:"takeover"`
}

// SettingsPath is where the config file lives: $XDG_CONFIG_HOME/kabar/
// config.toml, else ~/.config/kabar/config.toml.
func SettingsPath() string {
	dir := os.Getenv("XDG_CONFIG_HOME")
	if dir == "" {
		home, err := os.UserHomeDir()
		if err != nil {
			home = "."
		}
		dir = filepath.Join(home, ".config")
	}
	return filepath.Join(dir, "kabar", "config.toml")
}

// LoadSettings reads the config file at path. A missing file is the
// defaults. A broken one gives an error naming the file and line, and the
// settings that could be read, the rest left at their defaults: kabar
// starts either way.
func LoadSettings(path string) (Settings, error) {
	if _, err := os.Stat(path); err != nil {
		// no file, or none this user can see (a home it may not enter)
		return Settings{}, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return Settings{}, fmt.Errorf("settings %s: %w", path, err)
	}
	var s Settings
	var unknown error
	dec := toml.NewDecoder(bytes.NewReader(data)).DisallowUnknownFields()
	if err := dec.Decode(&s); err != nil {
		var strict *toml.StrictMissingError
		if !errors.As(err, &strict) {
			return Settings{}, fmt.Errorf("settings %s: %s (kabar uses its defaults)", path, decodeProblem(err))
		}
		// the known settings were read: they are checked like any others
		unknown = fmt.Errorf("settings %s: %s (ignored)", path, unknownKeys(strict))
	}
	return s, errors.Join(unknown, s.check(path))
}

// decodeProblem says what is wrong in the file and on which line.
func decodeProblem(err error) string {
	var de *toml.DecodeError
	if errors.As(err, &de) {
		row, col := de.Position()
		return fmt.Sprintf("line %d, column %d: %s", row, col, strings.TrimPrefix(de.Error(), "toml: "))
	}
	return strings.TrimPrefix(err.Error(), "toml: ")
}

func unknownKeys(strict *toml.StrictMissingError) string {
	var parts []string
	for _, e := range strict.Errors {
		row, _ := e.Position()
		parts = append(parts, fmt.Sprintf("line %d: unknown setting %q", row, strings.Join(e.Key(), ".")))
	}
	return strings.Join(parts, "; ")
}

// check validates the values the file gave and reads a theme file; what is
// wrong is reported and left at its default.
func (s *Settings) check(path string) error {
	var problems []string
	if s.Theme != "" && !slices.Contains([]string{"auto", "dark", "light"}, s.Theme) && styles.DefaultStyles[s.Theme] == nil {
		data, err := os.ReadFile(expandHome(s.Theme))
		var cfg ansi.StyleConfig
		if err == nil {
			err = json.Unmarshal(data, &cfg)
		}
		if err != nil {
			problems = append(problems, fmt.Sprintf("theme %q is neither auto, dark, light, a glamour style nor a readable JSON style file: %v", s.Theme, err))
			s.Theme = ""
		} else {
			s.glamourJSON = data
		}
	}
	if v := strings.TrimSpace(s.RefreshEvery); v != "" && v != "0" {
		d, err := time.ParseDuration(v)
		if err != nil || d < time.Minute {
			problems = append(problems, fmt.Sprintf("refresh_every %q: give a duration of a minute or more, like 30m", v))
		} else {
			s.every = d
		}
	}
	for screen, binds := range s.Keys {
		target := defaultKeysOf(screen)
		if target == nil {
			problems = append(problems, fmt.Sprintf("keys.%s: no such screen (list, filter, reader, panel, prompt, app)", screen))
			continue
		}
		problems = append(problems, rebind(target, binds, "keys."+screen)...)
	}
	if len(problems) == 0 {
		return nil
	}
	return fmt.Errorf("settings %s: %s", path, strings.Join(problems, "; "))
}

func expandHome(p string) string {
	if rest, ok := strings.CutPrefix(p, "~/"); ok {
		if home, err := os.UserHomeDir(); err == nil {
			return filepath.Join(home, rest)
		}
	}
	return p
}

// defaultKeysOf is a pointer to a screen's default bindings, nil for an
// unknown screen.
func defaultKeysOf(screen string) any {
	switch screen {
	case "list":
		k := DefaultListKeys()
		return &k
	case "filter":
		k := DefaultFilterKeys()
		return &k
	case "reader":
		k := DefaultReaderKeys()
		return &k
	case "panel":
		k := DefaultPickerKeys()
		return &k
	case "prompt":
		k := DefaultPromptKeys()
		return &k
	case "app":
		k := DefaultAppKeys()
		return &k
	}
	return nil
}

// rebind gives the bindings of keys (a pointer to a keys struct) named in
// binds the keys listed there, keeping their help text; it returns a
// problem for each name that is no binding or has no keys.
func rebind(keys any, binds map[string][]string, where string) []string {
	v := reflect.ValueOf(keys).Elem()
	var problems []string
	for name, ks := range binds {
		f := v.FieldByNameFunc(func(field string) bool { return snakeCase(field) == name })
		var b *key.Binding
		if f.IsValid() {
			b, _ = f.Addr().Interface().(*key.Binding)
		}
		if b == nil {
			problems = append(problems, fmt.Sprintf("%s.%s: no such key binding", where, name))
			continue
		}
		if len(ks) == 0 {
			problems = append(problems, fmt.Sprintf("%s.%s: no keys given", where, name))
			continue
		}
		enabled := b.Enabled()
		b.SetKeys(ks...)
		b.SetHelp(strings.Join(ks, "/"), b.Help().Desc)
		b.SetEnabled(enabled)
	}
	return problems
}

// bindingNames lists a keys struct's binding names, as the file spells them.
func bindingNames(keys any) []string {
	t := reflect.TypeOf(keys).Elem()
	var out []string
	for i := range t.NumField() {
		if t.Field(i).Type == reflect.TypeFor[key.Binding]() {
			out = append(out, snakeCase(t.Field(i).Name))
		}
	}
	return out
}

// snakeCase spells a Go field name the way the config file does:
// NextUnread is next_unread, OpenURL is open_url.
func snakeCase(name string) string {
	var b strings.Builder
	rs := []rune(name)
	for i, r := range rs {
		if unicode.IsUpper(r) && i > 0 && (unicode.IsLower(rs[i-1]) || i+1 < len(rs) && unicode.IsLower(rs[i+1])) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// LibraryPath is the library file the settings name ("~/" expanded), ""
// for none.
func (s Settings) LibraryPath() string { return expandHome(strings.TrimSpace(s.Library)) }

// DefaultSettingsFile is the config file kabar config creates: every
// setting and key binding at its default, commented out.
func DefaultSettingsFile() string {
	var b strings.Builder
	b.WriteString(`# kabar settings (TOML). Remove the # before a line to change it; kabar reads
# this file when the reader starts. A mistake here is reported with its line
# and kabar goes on with its defaults.

# auto (follows the terminal's background), dark, light, a glamour style
# (dracula, tokyo-night, pink, ascii, notty) or the path of a glamour JSON
# style file
# theme = "auto"

# the mouse wheel scrolls
# mouse = true

# the library used when neither --db nor KABAR_DB names one
# library = "~/.local/share/kabar/library.db"

# fetch the subscribed feeds when the reader opens, and every so often while
# it is open
# refresh_on_start = false
# refresh_every = "30m"

[opener]
# the program that opens links (o, and links in the text): %u is the URL.
# Unset: $BROWSER (colon-separated, %s is the URL), else xdg-open or open.
# Only http(s) links are ever handed to it.
# command = "firefox --new-tab %u"
# true for terminal browsers (w3m, lynx): kabar gives them the terminal and
# comes back when they exit
# takeover = false

# Key bindings: each is a list of keys, as Bubble Tea names them ("ctrl+o",
# "pgdown", "shift+tab", "J").
`)
	for _, screen := range []string{"list", "filter", "reader", "panel", "prompt", "app"} {
		fmt.Fprintf(&b, "\n[keys.%s]\n", screen)
		keys := reflect.ValueOf(defaultKeysOf(screen)).Elem()
		for _, name := range bindingNames(defaultKeysOf(screen)) {
			f := keys.FieldByNameFunc(func(field string) bool { return snakeCase(field) == name })
			bind := f.Interface().(key.Binding)
			quoted := make([]string, len(bind.Keys()))
			for i, k := range bind.Keys() {
				quoted[i] = fmt.Sprintf("%q", k)
			}
			fmt.Fprintf(&b, "# %s = [%s]  # %s\n", name, strings.Join(quoted, ", "), bind.Help().Desc)
		}
	}
	return b.String()
}

// mouse reports whether the mouse is on (the default).
func (s Settings) mouse() bool { return s.Mouse == nil || *s.Mouse }

// glamourStyle is the body style the theme asks for: a standard name, or
// "" to follow the terminal's background.
func (s Settings) glamourStyle() string {
	switch s.Theme {
	case "", "auto":
		return ""
	}
	if s.glamourJSON != nil {
		return "file:" + s.Theme
	}
	return s.Theme
}

// darkChrome reports whether kabar's own colours are forced dark or light;
// ok is false when they follow the terminal.
func (s Settings) darkChrome() (dark, ok bool) {
	switch s.Theme {
	case "dark":
		return true, true
	case "light":
		return false, true
	}
	return false, false
}
