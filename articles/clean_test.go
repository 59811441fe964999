package articles

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func TestClean(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"plain", "Berita biasa.\nBaris dua.", "Berita biasa.\nBaris dua."},
		{"crlf", "a\r\nb\rc", "a\nb\nc"},
		{"invalid utf8", "a\xffb", "a\uFFFDb"},
		{"nbsp", "a\u00a0b\u202fc", "a b c"},
		{"bom", "\ufeffJudul", "Judul"},
		{"csi color", "\x1b[31mmerah\x1b[0m", "merah"},
		{"csi cursor", "a\x1b[2J\x1b[Hb", "ab"},
		{"osc title bel", "a\x1b]0;evil title\x07b", "ab"},
		{"osc 8 link", "\x1b]8;;https://evil.example\x1b\\klik\x1b]8;;\x1b\\", "klik"},
		{"osc 52 clipboard", "x\x1b]52;c;ZXZpbA==\x07y", "xy"},
		{"dcs", "a\x1bPq#0;2;0;0;0\x1b\\b", "ab"},
		{"apc", "a\x1b_Gf=100;AAAA\x1b\\b", "ab"},
		{"c1 csi", "a\u009b31mb", "ab"},
		{"c1 osc", "a\u009d0;title\u009cb", "ab"},
		{"c0 controls", "a\x07b\x08c\x00d\x7fe", "abcde"},
		{"tab kept", "a\tb", "a\tb"},
		{"two-char escape", "a\x1bcb\x1b7c", "abc"},
		{"unterminated osc stops at newline", "a\x1b]0;title\nnext", "a\nnext"},
		{"cjk emoji", "東京 🎉 ok", "東京 🎉 ok"},
	}
	for _, tt := range tests {
		if got := Clean(tt.in); got != tt.want {
			t.Errorf("%s: Clean(%q) = %q, want %q", tt.name, tt.in, got, tt.want)
		}
	}
}

func TestNormalizeTitle(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Kim Jong Un Sampaikan Belasungkawa!", "kim jong un sampaikan belasungkawa"},
		{"  KIM  jong-un:  “sampaikan”  ", "kim jong un sampaikan"},
		{"Ｌｅｖｅｌ １１", "level 11"},
		{"Level 11-20", "level 11 20"},
		{"Straße", "strasse"},
		{"東京の ニュース", "東京の ニュース"},
	}
	for _, tt := range tests {
		if got := NormalizeTitle(tt.in); got != tt.want {
			t.Errorf("NormalizeTitle(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
	if a, b := NormalizeTitle("Level 11-20"), NormalizeTitle("Level 111-120"); a == b {
		t.Error("different numbers normalised to the same title")
	}
	if got := TitleNumbers("harga 9 juni naik 10 persen"); strings.Join(got, ",") != "9,10" {
		t.Errorf("TitleNumbers = %q", got)
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"HTTPS://Example.COM/a/b/?utm_source=x&id=3#frag", "https://example.com/a/b?id=3"},
		{"http://example.com:80/", "http://example.com/"},
		{"https://example.com/x?utm_medium=a", "https://example.com/x"},
		{"ftp://example.com/x", ""},
		{"not a url", ""},
		{"/relative/path", ""},
	}
	for _, tt := range tests {
		if got := CanonicalURL(tt.in); got != tt.want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

// noControls reports whether s holds no escape or control characters that a
// terminal would act on.
func noControls(s string) bool {
	for _, r := range s {
		if r == 0x1b || r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f || isBidiControl(r) || r == '\u2028' || r == '\u2029' {
			return false
		}
	}
	return utf8.ValidString(s) && !strings.Contains(s, "\r")
}

func FuzzClean(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[31mred", "\x1b]8;;u\x1b\\t", "a\u009b1m", "\r\n\xff"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got := Clean(s)
		if !noControls(got) {
			t.Fatalf("Clean(%q) = %q keeps control characters", s, got)
		}
		if Clean(got) != got {
			t.Fatalf("Clean is not idempotent on %q", s)
		}
	})
}

// checkFields fails when any field of a holds a control or bidi character,
// or a single-line field (title, outlet, URL, names, ref titles and URLs)
// holds a line break or tab or is not trimmed.
func checkFields(t *testing.T, label string, a Article) {
	t.Helper()
	if !noControls(a.Body) {
		t.Fatalf("%s: control characters survive in the body: %q", label, a.Body)
	}
	lines := append([]string{a.Title, a.Source, a.URL}, append(a.Authors, a.Editors...)...)
	for _, r := range a.Related {
		lines = append(lines, r.Title, r.URL)
	}
	for _, l := range lines {
		if !noControls(l) || strings.ContainsAny(l, "\n\t") || strings.TrimSpace(l) != l {
			t.Fatalf("%s: field %q is not a clean line", label, l)
		}
	}
}

func TestIsWebURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://kabar.example/berita?id=1": true,
		"http://127.0.0.1:8080/feed":        true,
		"javascript:alert(1)":               false,
		"file:///etc/passwd":                false,
		"-fooarg":                           false,
		"//host/path":                       false,
		"https://":                          false,
		"https://a.example/x y":             false,
		"https://a.example/\x1b[2J":         false,
		"https://a.example/\u202eexe.gpj":   false,
		"ftp://a.example/f":                 false,
		"not a url":                         false,
	} {
		if got := IsWebURL(s); got != want {
			t.Errorf("IsWebURL(%q) = %v, want %v", s, got, want)
		}
	}
}
