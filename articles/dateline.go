package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxDatelineLen bounds how far into a lead an outlet dateline may reach.
const maxDatelineLen = 70

// splitDateline finds an outlet dateline at the start of a lead — "Pantau - ",
// "JAKARTA, KOMPAS.com - ", "Liputan6.com, Jakarta - ", "TEMPO.CO, Jakarta--"
// with a hyphen, en or em dash or double hyphen, possibly glued to the next
// word — and returns the outlet and the lead without the dateline.
func splitDateline(lead string) (source, rest string, ok bool) {
	pos, width := datelineSeparator(lead)
	if pos <= 0 {
		return "", lead, false
	}
	prefix := strings.TrimSpace(lead[:pos])
	rest = strings.TrimSpace(lead[pos+width:])
	if rest == "" {
		return "", lead, false
	}
	parts := strings.Split(prefix, ",")
	if len(parts) > 3 {
		return "", lead, false
	}
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
		if !isDatelinePart(parts[i]) {
			return "", lead, false
		}
	}
	return pickOutlet(parts), rest, true
}

// datelineSeparator returns the position and width of the first dash that
// can end a dateline: "--", an en or em dash, or a hyphen with a space on at
// least one side.
func datelineSeparator(s string) (pos, width int) {
	limit := min(len(s), maxDatelineLen)
	for i := 0; i < limit; i++ {
		switch {
		case strings.HasPrefix(s[i:], "--"):
			return i, 2
		case strings.HasPrefix(s[i:], "–"), strings.HasPrefix(s[i:], "—"):
			return i, len("–")
		case s[i] == '-':
			before := i > 0 && s[i-1] == ' '
			after := i+1 < len(s) && s[i+1] == ' '
			if before || after {
				return i, 1
			}
		case s[i] == '.' && i+1 < len(s) && s[i+1] == ' ':
			return -1, 0 // a sentence ended first: no dateline
		}
	}
	return -1, 0
}

// isDatelinePart reports whether one comma-separated part of a dateline looks
// like a city or an outlet: one to four words, each starting with an
// uppercase letter, a digit or an opening parenthesis.
func isDatelinePart(p string) bool {
	words := strings.Fields(p)
	if len(words) == 0 || len(words) > 4 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) && r != '(' {
			return false
		}
	}
	return true
}

// pickOutlet chooses which part of a dateline names the outlet: one in
// parentheses, else one that looks like a domain, else the first one that is
// not an all-caps city name.
func pickOutlet(parts []string) string {
	for _, p := range parts {
		if i := strings.IndexByte(p, '('); i >= 0 {
			if j := strings.IndexByte(p[i:], ')'); j > 1 {
				return strings.TrimSpace(p[i+1 : i+j])
			}
		}
	}
	for _, p := range parts {
		if strings.Contains(p, ".") {
			return p
		}
	}
	for _, p := range parts {
		if strings.ToUpper(p) != p || len(parts) == 1 {
			return p
		}
	}
	return parts[len(parts)-1]
}
