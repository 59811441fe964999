package articles

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// MaxArticleBytes is the largest single-article input kabar reads. Anything
// larger is not a news article; it is refused with an error naming the file.
const MaxArticleBytes = 16 << 20

// ErrEmpty reports an input that holds no article text at all.
var ErrEmpty = errors.New("no article text")

// ErrBinary reports an input that is binary data rather than text.
var ErrBinary = errors.New("binary data, not text")

// ParseText reads a plain-text news article: an optional title line, a lead
// that may start with an outlet dateline, one paragraph per line, related-
// article markers, and an optional credits footer.
func ParseText(r io.Reader, origin Origin) (Article, error) {
	data, err := readLimited(r, MaxArticleBytes)
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", origin, err)
	}
	if err := checkText(data); err != nil {
		return Article{}, fmt.Errorf("%s: %w", origin, err)
	}
	a := ParseTextString(string(data))
	a.Origin = origin
	if a.Body == "" && a.Title == "" {
		return Article{}, fmt.Errorf("%s: %w", origin, ErrEmpty)
	}
	return a, nil
}

// ParseTextString parses article text already in memory (a dataset's body
// column, say) exactly as ParseText does, without origin or size checks.
func ParseTextString(s string) Article {
	lines := splitLines(Clean(s))
	lines = dropClutter(lines)
	lines, authors, editors := extractCredits(lines)

	var a Article
	a.Authors, a.Editors = authors, editors
	if len(lines) > 1 && looksLikeTitleLine(lines[0]) {
		if _, _, ok := splitDateline(lines[0]); !ok {
			a.Title = trimTitle(lines[0])
			lines = lines[1:]
		}
	}
	paras, refs := extractRelated(joinSplitLinks(splitGluedParagraphs(lines)))
	a.Related = refs
	if len(paras) > 0 {
		if source, rest, ok := splitDateline(paras[0]); ok {
			a.Source = source
			paras[0] = rest
		}
	}
	a.Published, _ = findDateIn(paras, 3)
	if a.Title == "" && len(paras) > 0 {
		a.Title = deriveTitle(paras[0])
	}
	for i := range a.Related {
		if a.Related[i].Glued {
			a.Related[i].Para = bodyParagraph(paras, a.Related[i].Para)
		}
	}
	a.Body = joinParagraphs(paras)
	detachFields(&a)
	return a
}

// bodyParagraph is the index in the joined body of paras[i]: empty
// paragraphs are left out of the body.
func bodyParagraph(paras []string, i int) int {
	n := 0
	for _, p := range paras[:min(i, len(paras))] {
		if p != "" {
			n++
		}
	}
	return n
}

// detachFields copies an article's short fields out of the text they were
// cut from, so a parsed article does not keep its whole input alive (an
// import holds thousands in flight).
func detachFields(a *Article) {
	a.Title, a.Source, a.URL = strings.Clone(a.Title), strings.Clone(a.Source), strings.Clone(a.URL)
	for _, names := range [][]string{a.Authors, a.Editors} {
		for i := range names {
			names[i] = strings.Clone(names[i])
		}
	}
	for i := range a.Related {
		a.Related[i].Title, a.Related[i].URL = strings.Clone(a.Related[i].Title), strings.Clone(a.Related[i].URL)
	}
}

// readLimited reads all of r, failing when it holds more than limit bytes.
func readLimited(r io.Reader, limit int64) ([]byte, error) {
	var buf bytes.Buffer
	if f, ok := r.(interface{ Stat() (fs.FileInfo, error) }); ok {
		if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
			buf.Grow(int(min(info.Size(), limit)) + bytes.MinRead) // read a file without regrowing
		}
	}
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, fmt.Errorf("read: %w", err)
	}
	data := buf.Bytes()
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("larger than the %d MiB limit for one article", limit>>20)
	}
	return data, nil
}

// checkText refuses empty input and binary data: NUL bytes, or a sample with
// many invalid UTF-8 sequences or control characters.
func checkText(data []byte) error {
	if len(bytes.TrimSpace(data)) == 0 {
		return ErrEmpty
	}
	sample := data
	if len(sample) > 8192 {
		sample = sample[:8192]
	}
	if bytes.IndexByte(sample, 0) >= 0 {
		return ErrBinary
	}
	bad := 0
	for i := 0; i < len(sample); {
		r, size := utf8.DecodeRune(sample[i:])
		if r == utf8.RuneError && size == 1 && i+4 < len(sample) || r < 0x20 && r != '\n' && r != '\r' && r != '\t' && r != 0x1b {
			bad++
		}
		i += size
	}
	if bad*10 > len(sample) {
		return ErrBinary
	}
	return nil
}

// splitLines returns the non-empty lines of s, trimmed, with runs of spaces
// and tabs inside a line collapsed.
func splitLines(s string) []string {
	raw := strings.Split(s, "\n")
	lines := make([]string, 0, len(raw))
	for _, l := range raw {
		l = collapseSpaces(l)
		if l != "" {
			lines = append(lines, l)
		}
	}
	return lines
}

func collapseSpaces(s string) string {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "  ") && !strings.Contains(s, "\t") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// clutterLines are lines news sites put inside article text that are not news.
var clutterLines = map[string]bool{
	"advertisement":                   true,
	"scroll to continue with content": true,
	"iklan":                           true,
	"adsbygoogle":                     true,
	"continue reading":                true,
	"lanjutkan membaca":               true,
	"- advertisement -":               true,
}

func dropClutter(lines []string) []string {
	out := lines[:0]
	for _, l := range lines {
		if len(l) <= 40 && clutterLines[strings.ToLower(l)] {
			continue
		}
		out = append(out, l)
	}
	return out
}

// looksLikeTitleLine reports whether a line reads like a headline: short, and
// not ending like a sentence.
func looksLikeTitleLine(l string) bool {
	n := utf8.RuneCountInString(l)
	if n < 3 || n > 200 || len(strings.Fields(l)) > 30 {
		return false
	}
	return !endsSentence(l) && !strings.HasSuffix(l, ":")
}

// endsSentence reports whether a line ends with sentence punctuation, looking
// through closing quotes and brackets.
func endsSentence(l string) bool {
	l = strings.TrimRightFunc(l, func(r rune) bool {
		return r == '"' || r == '\'' || r == '”' || r == '’' || r == ')' || r == ']' || unicode.IsSpace(r)
	})
	if l == "" {
		return false
	}
	r, _ := utf8.DecodeLastRuneInString(l)
	return r == '.' || r == '!' || r == '?' || r == '…'
}

func trimTitle(s string) string {
	return strings.TrimSpace(strings.Trim(strings.TrimSpace(s), "\"“”'*#"))
}

// deriveTitle makes a title from a lead: its first sentence, without final
// punctuation, cut at a word boundary to at most maxDerivedTitle runes.
func deriveTitle(lead string) string {
	s := firstSentence(lead)
	s = strings.TrimRight(s, ".!?…,;: ")
	if utf8.RuneCountInString(s) <= maxDerivedTitle {
		return s
	}
	cut := s[:runeOffset(s, maxDerivedTitle)]
	if i := strings.LastIndexByte(cut, ' '); i > maxDerivedTitle/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, ",;:-–|/ ") + "…"
}

const maxDerivedTitle = 90

// runeOffset returns the byte offset of the n-th rune of s.
func runeOffset(s string, n int) int {
	for i := range s {
		if n == 0 {
			return i
		}
		n--
	}
	return len(s)
}

// firstSentence returns s up to its first sentence end: a '.', '!' or '?'
// after a lowercase letter, digit or closing bracket, followed by a space and
// an uppercase letter or a quote.
func firstSentence(s string) string {
	for i := 1; i+2 < len(s); i++ {
		c := s[i]
		if c != '.' && c != '!' && c != '?' || s[i+1] != ' ' {
			continue
		}
		prev, _ := utf8.DecodeLastRuneInString(s[:i])
		next, _ := utf8.DecodeRuneInString(s[i+2:])
		if (unicode.IsLower(prev) || unicode.IsDigit(prev) || prev == ')') && (unicode.IsUpper(next) || next == '"' || next == '“') {
			return s[:i+1]
		}
	}
	return s
}

// findDateIn returns the first date in the first n paragraphs, looking at the
// first 2 KB of each.
func findDateIn(paras []string, n int) (time.Time, bool) {
	for i := 0; i < len(paras) && i < n; i++ {
		p := paras[i]
		if len(p) > 2048 {
			p = p[:2048]
		}
		if t, ok := FindDate(p); ok {
			return t, true
		}
	}
	return time.Time{}, false
}

// joinParagraphs renders paragraphs as Markdown, escaping line starts that
// Markdown would read as headings, quotes or lists.
func joinParagraphs(paras []string) string {
	var b strings.Builder
	for i, p := range paras {
		if p == "" {
			continue
		}
		if i > 0 && b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(escapeLineStart(p))
	}
	return b.String()
}

func escapeLineStart(p string) string {
	switch p[0] {
	case '#', '>', '*', '+', '-', '=', '|', '`', '~':
		return `\` + p
	}
	i := 0
	for i < len(p) && i < 9 && p[i] >= '0' && p[i] <= '9' {
		i++
	}
	if i > 0 && i+1 < len(p) && (p[i] == '.' || p[i] == ')') && p[i+1] == ' ' {
		return p[:i] + `\` + p[i:]
	}
	return p
}
