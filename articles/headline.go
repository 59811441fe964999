package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// maxRefTitle is the longest a ref title can be: a headline, never a
// paragraph.
const maxRefTitle = 150

// titleFunctionWords are the lowercase words a Title Case headline keeps in
// lowercase, Indonesian and English.
var titleFunctionWords = map[string]bool{
	"yang": true, "di": true, "ke": true, "dan": true, "dari": true, "untuk": true, "dengan": true, "pada": true,
	"ini": true, "itu": true, "atau": true, "oleh": true, "dalam": true, "soal": true, "usai": true, "saat": true,
	"hingga": true, "karena": true, "bagi": true, "akan": true, "tak": true, "jadi": true, "jelang": true,
	"sebagai": true, "terhadap": true, "antara": true, "vs": true, "per": true, "pun": true, "se": true, "&": true,
	"a": true, "an": true, "the": true, "of": true, "in": true, "on": true, "at": true, "to": true, "for": true,
	"and": true, "or": true, "but": true, "with": true, "from": true, "by": true, "as": true, "after": true,
	"over": true, "into": true, "amid": true, "is": true, "are": true, "vs.": true,
}

// splitHeadline cuts the text that follows a related-article marker into the
// headline it starts with and the body text glued after it. A headline is
// Title Case with lowercase function words; the body resumes at a quote that
// opens prose, at a sentence end, or at the first lowercase word that is no
// function word (the capitalised word before it starts that sentence).
func splitHeadline(s string) (title, rest string) {
	s = strings.TrimSpace(s)
	words := strings.Fields(s)
	n := 0 // title words
	cut := -1
	for i, w := range words {
		if head, tail, ok := cutGluedSentence(w); ok && n+1 >= 2 {
			return capTitle(joinTitle(words[:i], head), strings.TrimSpace(tail+" "+strings.Join(words[i+1:], " ")))
		}
		switch {
		case i > 0 && startsWithQuote(w) && quoteOpensProse(words[i:]):
			cut = i
		case isTitleWord(w):
			n++
			r, _ := utf8.DecodeLastRuneInString(w)
			if (r == '?' || r == '!' || r == '.' && !isAbbreviationBefore(w, len(w)-1)) && n >= 2 {
				cut = i + 1
			}
		default:
			cut = i
			if i >= 3 && startsUpper(words[i-1]) && !titleFunctionWords[strings.ToLower(words[i-1])] {
				cut = i - 1
			}
		}
		if cut >= 0 {
			break
		}
	}
	if cut <= 0 {
		if len(s) <= maxRefTitle {
			return s, ""
		}
		cut = len(words)
	}
	return capTitle(strings.Join(words[:cut], " "), strings.Join(words[cut:], " "))
}

// capTitle moves words from the end of a title over maxRefTitle to the
// start of the body text after it.
func capTitle(title, rest string) (string, string) {
	for len(title) > maxRefTitle {
		i := strings.LastIndexByte(title, ' ')
		if i <= 0 {
			break
		}
		title, rest = title[:i], strings.TrimSpace(title[i:]+" "+rest)
	}
	return title, rest
}

func joinTitle(words []string, last string) string {
	return strings.TrimSpace(strings.Join(words, " ") + " " + last)
}

// cutGluedSentence splits a word in which a sentence end is glued to the next
// sentence ("Ketapang.Menurutnya").
func cutGluedSentence(w string) (head, tail string, ok bool) {
	if i := gluedSentenceEnd(w); i > 0 {
		return w[:i], w[i:], true
	}
	return "", "", false
}

// isTitleWord reports whether a word can stand in a Title Case headline:
// capitalised, a number, a function word, or punctuation.
func isTitleWord(w string) bool {
	core := strings.TrimLeft(w, "\"“”'‘’([")
	if core == "" {
		return true
	}
	r, _ := utf8.DecodeRuneInString(core)
	switch {
	case unicode.IsUpper(r), unicode.IsDigit(r), !unicode.IsLetter(r):
		return true
	case !unicode.IsLower(r):
		return true // scripts without case
	}
	return titleFunctionWords[strings.ToLower(strings.TrimRight(core, ",.:;!?\"”’)"))]
}

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(strings.TrimLeft(w, "\"“'‘(["))
	return unicode.IsUpper(r)
}

func startsWithQuote(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return r == '"' || r == '“' || r == '\'' || r == '‘'
}

// quoteOpensProse reports whether the quotation starting at words[0] reads
// as speech (lowercase words, a comma) rather than a quoted headline phrase.
func quoteOpensProse(words []string) bool {
	lower := 0
	for i, w := range words {
		if i >= 8 {
			break
		}
		if i > 0 && !isTitleWord(w) {
			lower++
		}
		if strings.ContainsAny(w, ",.!?") || lower >= 2 {
			return true
		}
		if i > 0 && (strings.HasSuffix(w, "\"") || strings.HasSuffix(w, "”")) {
			return false
		}
	}
	return lower > 0
}

// cutRefText splits the text after a marker into the ref's title and the
// body text glued after it. Text that reads as one headline stays whole (an
// English headline in sentence case, say); text with a sentence end or prose
// in it is cut by the shape of a headline.
func cutRefText(rest string) (title, after string) {
	if gluedSentenceEnd(rest) < 0 && !readsLikeProse(rest) && firstSentence(rest) == rest && !strings.HasSuffix(rest, ".") {
		return rest, ""
	}
	return splitHeadline(rest)
}

// readsLikeProse reports whether a line is a paragraph of body text rather
// than a headline, although it has no final punctuation: it opens with a
// quote, has a comma followed by a lowercase word, is longer than a
// headline, or is at least half lowercase words that are no function words
// (four or more). An English headline in sentence case that long reads as
// prose too: a price paid for never taking a paragraph as a ref.
func readsLikeProse(l string) bool {
	if len(l) > maxRefTitle || startsWithQuote(l) {
		return true
	}
	words := strings.Fields(l)
	lower := 0
	for i, w := range words {
		if !isTitleWord(w) {
			lower++
		}
		if strings.HasSuffix(strings.TrimRight(w, "\"”’'"), ",") && i+1 < len(words) && !isTitleWord(words[i+1]) {
			return true
		}
	}
	return lower >= 4 && lower*2 >= len(words)
}
