package safe

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestTextShowsWhatWouldActOnTheTerminal(t *testing.T) {
	for _, tc := range []struct{ in, text, line string }{
		{"plain words", "plain words", "plain words"},
		{"Jakarta – Kabar\nbaris dua", "Jakarta – Kabar\nbaris dua", `Jakarta – Kabar\nbaris dua`},
		{"bad_\x1b]0;pwned\a.txt", `bad_\x1b]0;pwned\x07.txt`, `bad_\x1b]0;pwned\x07.txt`},
		{"500 \x1b[2J", `500 \x1b[2J`, `500 \x1b[2J`},
		{"a\u009b31m", `a\u009b31m`, `a\u009b31m`},
		{"abc\u202edcba", `abc\u202edcba`, `abc\u202edcba`},
		{"iso\u2066late\u2069", `iso\u2066late\u2069`, `iso\u2066late\u2069`},
		{"bad\xffbyte", "bad\uFFFDbyte", "bad\uFFFDbyte"},
		{"cr\rreturn\ttab", `cr\rreturn` + "\ttab", `cr\rreturn\ttab`},
		{"sep\u2028x", `sep\u2028x`, `sep\u2028x`},
		{"ünïcode\tok", "ünïcode\tok", `ünïcode\tok`},
	} {
		if got := Text(tc.in); got != tc.text {
			t.Errorf("Text(%q) = %q, want %q", tc.in, got, tc.text)
		}
		if got := Line(tc.in); got != tc.line {
			t.Errorf("Line(%q) = %q, want %q", tc.in, got, tc.line)
		}
	}
}

func TestWriterHoldsACharacterSplitAcrossWrites(t *testing.T) {
	var out bytes.Buffer
	w := Writer(&out)
	in := "Kabar – \x1b]52;c;cHduZWQ=\a berita ✓ 日本"
	for i := 0; i < len(in); i++ {
		if _, err := w.Write([]byte{in[i]}); err != nil {
			t.Fatal(err)
		}
	}
	if got, want := out.String(), Text(in); got != want {
		t.Fatalf("byte-by-byte writes gave %q, want %q", got, want)
	}
}

// clean reports whether s holds nothing a terminal acts on.
func clean(s string, line bool) bool {
	for _, r := range s {
		if r < 0x20 && (line || r != '\n' && r != '\t') || acts(r) {
			return false
		}
	}
	return utf8.ValidString(s)
}

func FuzzText(f *testing.F) {
	for _, s := range []string{"plain", "\x1b[31mred", "\x1b]8;;u\x1b\\t", "a\u009b1m", "\r\n\xff", "\u202e\u2066"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if got := Text(s); !clean(got, false) {
			t.Fatalf("Text(%q) = %q acts on the terminal", s, got)
		}
		got := Line(s)
		if !clean(got, true) || strings.ContainsAny(got, "\n\r") {
			t.Fatalf("Line(%q) = %q", s, got)
		}
		if utf8.ValidString(s) && !strings.ContainsFunc(s, func(r rune) bool { return r < 0x20 || acts(r) }) && got != s {
			t.Fatalf("Line changed plain text %q to %q", s, got)
		}
	})
}
