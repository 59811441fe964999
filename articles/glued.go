package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// gluedSentenceEnd returns the byte offset in s where a sentence starts that
// a scraper glued to the end of the one before ("ini."Saya", "(10/6/2025).Menurutnya"),
// or -1. A sentence end is '.', '!' or '?' (and a closing quote) after a
// lowercase letter or digit, a closing bracket or quote, followed at once by a capital
// letter or an opening quote. Abbreviations and initials (S.H., U.S., a.s.,
// PT.Antam), numbers (10.000, 2.0, Rp9,9), domains and URLs are never split.
func gluedSentenceEnd(s string) int {
	for i := 1; i+1 < len(s); i++ {
		k := strings.IndexAny(s[i:len(s)-1], ".!?")
		if k < 0 {
			return -1
		}
		i += k
		j := i + 1
		for _, q := range []string{"”", "’"} {
			if strings.HasPrefix(s[j:], q) {
				j += len(q) // a curly quote after the end closes the sentence
			}
		}
		next, _ := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsUpper(next) && next != '"' && next != '“' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLower(prev) && !unicode.IsDigit(prev) && prev != ')' && prev != '"' && prev != '”' && prev != '’' {
			continue
		}
		if isAbbreviationBefore(s, i) || inAddress(s, i) {
			continue
		}
		return j
	}
	return -1
}

// isAbbreviationBefore reports whether the word that ends at s[i] is an
// initial or abbreviation: a single letter (a.s., S.H.), a word holding a dot
// itself, or a known short form.
func isAbbreviationBefore(s string, i int) bool {
	start := strings.LastIndexAny(s[:i], " (\"“") + 1
	word := s[start:i]
	if utf8.RuneCountInString(word) <= 1 || strings.Contains(word, ".") {
		return true
	}
	return abbreviations[strings.ToLower(word)]
}

// abbreviations end with a dot without ending a sentence.
var abbreviations = map[string]bool{
	"dr": true, "drs": true, "ir": true, "prof": true, "jl": true, "no": true, "tbk": true, "mr": true, "mrs": true,
	"ms": true, "st": true, "vs": true, "dll": true, "dsb": true, "hlm": true, "kab": true, "kec": true, "kel": true,
}

// inAddress reports whether s[i] lies in a URL, domain or e-mail address.
func inAddress(s string, i int) bool {
	start := strings.LastIndexByte(s[:i], ' ') + 1
	end := strings.IndexByte(s[i:], ' ')
	if end < 0 {
		end = len(s)
	} else {
		end += i
	}
	tok := s[start:end]
	return strings.Contains(tok, "://") || strings.HasPrefix(tok, "www.") || strings.Contains(tok, "@")
}

// splitGluedParagraphs restores the paragraph breaks a scraper dropped:
// wherever a sentence end is glued to the next sentence, the line is cut in
// two.
func splitGluedParagraphs(lines []string) []string {
	var out []string
	for _, l := range lines {
		for {
			j := gluedSentenceEnd(l)
			if j < 0 {
				break
			}
			out = append(out, strings.TrimSpace(l[:j]))
			l = strings.TrimSpace(l[j:])
		}
		if l != "" {
			out = append(out, l)
		}
	}
	return out
}

// joinSplitLinks puts back together a paragraph that a scraper broke where a
// link was: a line of punctuation alone (".", ","), and a word or two alone
// before it, belong to the paragraph before ("…sebagaimana dilansir" /
// "Reuters" / ".").
func joinSplitLinks(lines []string) []string {
	out := lines[:0]
	for i := 0; i < len(lines); i++ {
		l := lines[i]
		switch {
		case len(out) > 0 && isPunctuationOnly(l) && !endsSentence(out[len(out)-1]):
			out[len(out)-1] += l
			continue
		case len(out) > 0 && i+1 < len(lines) && isPunctuationOnly(lines[i+1]) && len(strings.Fields(l)) <= 3 &&
			!endsSentence(out[len(out)-1]) && readsLikeProse(out[len(out)-1]):
			out[len(out)-1] += " " + l + lines[i+1]
			i++
			continue
		}
		out = append(out, l)
	}
	return out
}

func isPunctuationOnly(l string) bool {
	return l != "" && len(l) <= 3 && strings.Trim(l, ".,;:!?") == ""
}
