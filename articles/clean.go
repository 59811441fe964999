package articles

import (
	"strings"
	"unicode/utf8"
)

// Clean makes an imported string safe and plain for a terminal: invalid UTF-8
// becomes U+FFFD, CRLF and lone CR become LF, escape sequences (CSI, OSC
// including hyperlinks and clipboard writes, DCS, SOS, PM, APC, their 8-bit C1
// forms), bidirectional embedding, override and isolate controls (which can
// make text read in another order than it is stored) and other control
// characters except newline and tab are removed, line and paragraph
// separators become newlines, and non-breaking spaces become plain spaces.
// Byte-order marks are dropped.
func Clean(s string) string {
	if isPlain(s) {
		return s
	}
	s = strings.ToValidUTF8(s, "\uFFFD")
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == 0x1b:
			i = skipEscape(s, i+size)
			continue
		case r == '\r':
			b.WriteByte('\n')
			if i+1 < len(s) && s[i+1] == '\n' {
				i++
			}
		case r == 0x9b: // 8-bit CSI
			i = skipCSI(s, i+size)
			continue
		case r == 0x90 || r == 0x9d || r == 0x98 || r == 0x9e || r == 0x9f: // DCS, OSC, SOS, PM, APC
			i = skipString(s, i+size)
			continue
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r <= 0x9f):
			// other C0/C1 controls and DEL: dropped
		case r == '\u00a0' || r == '\u2007' || r == '\u202f':
			b.WriteByte(' ')
		case r == '\u2028' || r == '\u2029':
			b.WriteByte('\n')
		case isBidiControl(r):
			// dropped
		case r == '\ufeff':
			// byte-order mark / zero-width no-break space: dropped
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// isPlain reports whether s needs no cleaning: valid UTF-8 with no control
// characters other than LF and tab, and no special spaces. It is the fast path
// for the common case.
func isPlain(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return false
		}
		if c >= 0x80 {
			return isPlainUnicode(s[i:])
		}
	}
	return true
}

func isPlainUnicode(s string) bool {
	for i, r := range s {
		switch {
		case r == utf8.RuneError:
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return false
			}
		case r < 0x20 && r != '\n' && r != '\t', r == 0x7f, r >= 0x80 && r <= 0x9f:
			return false
		case r == '\u00a0' || r == '\u2007' || r == '\u202f' || r == '\ufeff',
			r == '\u2028' || r == '\u2029', isBidiControl(r):
			return false
		}
	}
	return true
}

// isBidiControl reports the explicit bidirectional formatting characters:
// embeddings and overrides U+202A–U+202E, isolates U+2066–U+2069.
func isBidiControl(r rune) bool {
	return r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// Line cleans s as Clean does and makes it one line: every run of white
// space, line breaks included, becomes one space, and the ends are trimmed.
// Titles, outlets, names, tags and URLs are lines.
func Line(s string) string {
	s = Clean(s)
	for i := 0; i < len(s); i++ {
		if c := s[i]; c == '\n' || c == '\t' || c == '\r' || c == ' ' && i+1 < len(s) && s[i+1] == ' ' || c >= 0x80 {
			return strings.Join(strings.Fields(s), " ")
		}
	}
	return strings.TrimSpace(s)
}

// skipEscape returns the index just past the escape sequence whose ESC byte
// ends right before i.
func skipEscape(s string, i int) int {
	if i >= len(s) {
		return i
	}
	switch s[i] {
	case '[':
		return skipCSI(s, i+1)
	case ']', 'P', 'X', '^', '_':
		return skipString(s, i+1)
	}
	// Two-character sequences (ESC 7, ESC c, ...) and intermediates (ESC ( B).
	for i < len(s) && s[i] >= 0x20 && s[i] <= 0x2f {
		i++
	}
	if i < len(s) && s[i] >= 0x30 && s[i] <= 0x7e {
		i++
	}
	return i
}

// skipCSI skips parameter and intermediate bytes up to and including the final
// byte of a control sequence.
func skipCSI(s string, i int) int {
	for i < len(s) {
		c := s[i]
		i++
		if c >= 0x40 && c <= 0x7e {
			return i
		}
		if c < 0x20 || c >= 0x7f {
			// not a CSI byte: the sequence is broken; stop here.
			return i - 1
		}
	}
	return i
}

// skipString skips a control string (OSC, DCS, SOS, PM, APC) up to and
// including its terminator: BEL, ESC \ or the 8-bit ST. An unterminated string
// runs to the end of the line at most, so one stray byte cannot eat a body.
func skipString(s string, i int) int {
	for i < len(s) {
		switch {
		case s[i] == 0x07:
			return i + 1
		case s[i] == 0x1b:
			if i+1 < len(s) && s[i+1] == '\\' {
				return i + 2
			}
			return i + 1
		case s[i] == '\n':
			return i
		case s[i] == 0xc2 && i+1 < len(s) && s[i+1] == 0x9c: // 8-bit ST
			return i + 2
		}
		i++
	}
	return i
}
