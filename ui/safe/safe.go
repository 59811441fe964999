// Package safe makes text that kabar did not write itself safe to print on a
// terminal: article fields, file names, feed names, server messages. Control
// characters, bidirectional formatting characters and invalid bytes are shown
// visibly instead of acting on the terminal, so no escape sequence from
// content can retitle a window, write the clipboard or forge output lines.
package safe

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Text returns s with every character that could act on a terminal shown
// visibly: C0 controls other than newline and tab as \xNN (carriage return as
// \r), DEL and C1
// controls, bidirectional embeddings, overrides and isolates, and the line
// and paragraph separators as \uNNNN, invalid bytes as U+FFFD. Text that
// needs none of this is returned as it is.
func Text(s string) string { return escape(s, false) }

// Line is Text for a single-line field: newlines and tabs are shown as \n
// and \t as well, so one value can never print as several lines.
func Line(s string) string { return escape(s, true) }

func escape(s string, line bool) string {
	if plain(s, line) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size <= 1:
			b.WriteRune(utf8.RuneError)
		case r == '\n' && line:
			b.WriteString(`\n`)
		case r == '\t' && line:
			b.WriteString(`\t`)
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\r':
			b.WriteString(`\r`)
		case r < 0x20:
			fmt.Fprintf(&b, `\x%02x`, r)
		case acts(r):
			fmt.Fprintf(&b, `\u%04x`, r)
		default:
			b.WriteString(s[i : i+size])
		}
		i += size
	}
	return b.String()
}

// acts reports the non-C0 characters a terminal or a bidi algorithm acts
// on: DEL, C1 controls, U+2028/U+2029, embeddings and overrides
// (U+202A–U+202E) and isolates (U+2066–U+2069).
func acts(r rune) bool {
	return r == 0x7f || r >= 0x80 && r <= 0x9f || r == '\u2028' || r == '\u2029' ||
		r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069'
}

// plain reports whether s needs no escaping.
func plain(s string, line bool) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 0x80:
			return plainUnicode(s[i:], line)
		case c == '\n' || c == '\t':
			if line {
				return false
			}
		case c < 0x20 || c == 0x7f:
			return false
		}
	}
	return true
}

func plainUnicode(s string, line bool) bool {
	for i, r := range s {
		if r == utf8.RuneError {
			if _, size := utf8.DecodeRuneInString(s[i:]); size <= 1 {
				return false
			}
		}
		if r < 0x20 && (line || r != '\n' && r != '\t') || acts(r) {
			return false
		}
	}
	return true
}

// Writer returns a writer that passes what is written to w through Text, for
// a command's whole output stream. A character split across two writes is
// held until its remaining bytes arrive.
func Writer(w io.Writer) io.Writer { return &writer{w: w} }

type writer struct {
	w    io.Writer
	held []byte // the first bytes of a character the last write cut short
}

func (sw *writer) Write(p []byte) (int, error) {
	data := p
	if len(sw.held) > 0 {
		data = append(sw.held, p...)
		sw.held = nil
	}
	if cut := incompleteTail(data); cut > 0 {
		sw.held = append([]byte(nil), data[len(data)-cut:]...)
		data = data[:len(data)-cut]
	}
	if _, err := io.WriteString(sw.w, Text(string(data))); err != nil {
		return 0, err
	}
	return len(p), nil
}

// incompleteTail is how many bytes at the end of b start a UTF-8 character
// that b does not finish (0 when b ends on a whole character).
func incompleteTail(b []byte) int {
	for n := 1; n <= 3 && n <= len(b); n++ {
		c := b[len(b)-n]
		if c < 0x80 {
			return 0
		}
		if c >= 0xc0 { // a start byte: complete only if it needs n bytes
			if need := utf8Len(c); need > n {
				return n
			}
			return 0
		}
	}
	return 0
}

func utf8Len(c byte) int {
	switch {
	case c >= 0xf0:
		return 4
	case c >= 0xe0:
		return 3
	}
	return 2
}

// Unwrap returns the writer a Writer writes to, or w itself: for output kabar
// draws itself, such as a progress bar on the terminal.
func Unwrap(w io.Writer) io.Writer {
	if sw, ok := w.(*writer); ok {
		return sw.w
	}
	return w
}
