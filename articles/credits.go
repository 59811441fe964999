package articles

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

var (
	// creditLabel matches one "Label: value" credit: "- Penulis :",
	// "Editor: Name", "Reporter: A, B".
	creditLabel = lazyRegexp(`^(?:[-–•*]\s*)?(?i:(penulis|reporter|wartawan|pewarta|kontributor|writer|written\s+by|author|authors|reporting\s+by|editor|penyunting|redaktur|editing\s+by|edited\s+by))\s*:\s*(.*)$`)
	// creditParen matches a parenthesised footer "(Penulis: A | Editor: B)",
	// alone or at the end of the last paragraph.
	creditParen = lazyRegexp(`\s*\(\s*((?i:penulis|reporter|wartawan|pewarta|writer|author|editor|penyunting|redaktur)\s*:[^()]*)\)\s*$`)
)

// extractCredits takes the credits footer off the end of an article and
// returns the remaining lines with the authors and editors it named.
func extractCredits(lines []string) (rest, authors, editors []string) {
	end := len(lines)
	start := end
	for start > 0 && isCreditLine(lines[start-1]) {
		start--
	}
	footer := lines[start:end]
	if !hasCreditLabel(footer) {
		start, footer = end, nil
	}
	rest = lines[:start]
	pending := ""
	add := func(label, value string) {
		for _, name := range splitNames(value) {
			if isEditorLabel(label) {
				editors = append(editors, name)
			} else {
				authors = append(authors, name)
			}
		}
	}
	for _, l := range footer {
		labelled := false
		for _, part := range splitCreditParts(l) {
			if c := creditLabel().FindStringSubmatch(part); c != nil {
				pending, labelled = c[1], true
				add(c[1], c[2])
			}
		}
		if !labelled && pending != "" {
			add(pending, stripBullet(l))
		}
	}
	if len(rest) > 0 && len(footer) == 0 {
		last := rest[len(rest)-1]
		if m := parenFooter(last); m != nil {
			body := strings.TrimSpace(last[:m[0]])
			_, a, e := extractCredits([]string{"(" + last[m[2]:m[3]] + ")"})
			authors, editors = append(authors, a...), append(editors, e...)
			rest = append(rest[:len(rest)-1:len(rest)-1], body)
			if body == "" {
				rest = rest[:len(rest)-1]
			}
		}
	}
	return rest, authors, editors
}

// maxCreditLine is the longest line a credits footer may hold.
const maxCreditLine = 300

// isCreditLine reports whether a line can belong to a credits footer: a
// label, a parenthesised footer or a short "- Name" line.
func isCreditLine(l string) bool {
	if len(l) > maxCreditLine {
		return false
	}
	if strings.IndexByte(l, ':') >= 0 && creditLabel().MatchString(l) {
		return true
	}
	if strings.HasPrefix(l, "(") && creditParen().MatchString(l) {
		return true
	}
	if strings.HasPrefix(l, "-") || strings.HasPrefix(l, "–") || strings.HasPrefix(l, "•") {
		name := stripBullet(l)
		return name != "" && utf8.RuneCountInString(name) <= 60 && len(strings.Fields(name)) <= 6 && !endsSentence(name)
	}
	return false
}

// parenFooter finds a parenthesised credits footer at the end of a line.
func parenFooter(l string) []int {
	if !strings.HasSuffix(strings.TrimRightFunc(l, unicode.IsSpace), ")") {
		return nil
	}
	return creditParen().FindStringSubmatchIndex(l)
}

func hasCreditLabel(lines []string) bool {
	for _, l := range lines {
		if creditLabel().MatchString(l) || creditParen().MatchString(l) {
			return true
		}
	}
	return false
}

func isEditorLabel(label string) bool {
	l := strings.ToLower(label)
	return strings.HasPrefix(l, "edit") || l == "penyunting" || l == "redaktur"
}

// nameSeparators are the words and marks between names in a credit.
var nameSeparators = strings.NewReplacer(" dan ", ",", " and ", ",", "&", ",", "/", ",")

// splitNames splits "A, B dan C" or "A & B" into names.
func splitNames(s string) []string {
	s = nameSeparators.Replace(s)
	var names []string
	for _, n := range strings.Split(s, ",") {
		n = strings.Trim(strings.TrimSpace(n), "-–•*() ")
		if n != "" && utf8.RuneCountInString(n) <= 80 {
			names = append(names, n)
		}
	}
	return names
}

// splitCreditParts strips the parentheses around a footer line and splits
// "Penulis: A | Editor: B" into its labelled parts.
func splitCreditParts(l string) []string {
	l = strings.TrimSpace(l)
	if strings.HasPrefix(l, "(") && strings.HasSuffix(l, ")") {
		l = l[1 : len(l)-1]
	}
	parts := strings.FieldsFunc(l, func(r rune) bool { return r == '|' || r == ';' })
	for i := range parts {
		parts[i] = strings.TrimSpace(parts[i])
	}
	return parts
}
