package cli

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestConfigCommand(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("XDG_CONFIG_HOME", dir)
	t.Setenv("KABAR_DB", "")
	path := filepath.Join(dir, "kabar", "config.toml")
	if code, out, _ := kabar(t, "", "config", "--path"); code != 0 || out != path+"\n" {
		t.Fatalf("config --path: %d %q", code, out)
	}
	// an "editor" that writes two settings, one misspelt, at the top of the file
	editor := filepath.Join(dir, "editor.sh")
	writeFile(t, editor, []byte("#!/bin/sh\n{ printf 'library = \"%s\"\\nthme = \"dark\"\\n' \"$KABAR_TEST_LIB\"; cat \"$1\"; } > \"$1.new\" && mv \"$1.new\" \"$1\"\n"), 0o755)
	lib := filepath.Join(dir, "mine.db")
	t.Setenv("KABAR_TEST_LIB", lib)
	t.Setenv("EDITOR", editor)
	code, _, errOut := kabar(t, "", "config")
	if code != 1 || !strings.Contains(errOut, `unknown setting "thme"`) || !strings.Contains(errOut, path) {
		t.Fatalf("config with a mistake: %d %q", code, errOut)
	}
	text, err := os.ReadFile(path)
	if err != nil || !strings.Contains(string(text), "# next_unread = [\"n\"]") {
		t.Fatalf("the created file lacks the commented defaults: %v", err)
	}
	// commands still run, on the library the settings name, and say what is wrong
	src := filepath.Join(dir, "a.txt")
	writeFile(t, src, []byte("Judul Berita Pagi\nIsi berita pagi ini.\n"), 0o644)
	code, out, errOut := kabar(t, "", "import", src)
	if code != 0 || !strings.Contains(out, "1 new") || !strings.Contains(errOut, `line `) {
		t.Fatalf("import with a broken setting: %d %q %q", code, out, errOut)
	}
	if _, err := os.Stat(lib); err != nil {
		t.Fatalf("the settings' library was not used: %v", err)
	}
}
