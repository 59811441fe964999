package articles

import (
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/text/cases"
	"golang.org/x/text/unicode/norm"
)

// NormalizeTitle folds a title for matching: Unicode NFKC, case folded,
// punctuation and symbols turned into spaces, runs of space collapsed. Letters
// and digits are kept, so "Level 11-20" and "Level 111-120" stay different.
func NormalizeTitle(s string) string {
	s = cases.Fold().String(norm.NFKC.String(s))
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(r)
			continue
		}
		space = true
	}
	return b.String()
}

// TitleNumbers returns the runs of digits in a normalised title, in order.
// Two titles that a fuzzy match may join must have equal numbers.
func TitleNumbers(normalized string) []string {
	var nums []string
	start := -1
	for i, r := range normalized {
		isDigit := r >= '0' && r <= '9'
		switch {
		case isDigit && start < 0:
			start = i
		case !isDigit && start >= 0:
			nums = append(nums, normalized[start:i])
			start = -1
		}
	}
	if start >= 0 {
		nums = append(nums, normalized[start:])
	}
	return nums
}

// CanonicalURL returns the form of a URL used for identity and matching:
// scheme and host lowercased, default port, fragment and utm_* tracking
// parameters removed, and a trailing slash dropped from the path. It returns
// "" for anything that is not an absolute http(s) URL.
func CanonicalURL(raw string) string {
	u, err := url.Parse(strings.TrimSpace(raw))
	if err != nil || u.Host == "" {
		return ""
	}
	u.Scheme = strings.ToLower(u.Scheme)
	if u.Scheme != "http" && u.Scheme != "https" {
		return ""
	}
	u.Host = strings.ToLower(u.Host)
	u.Host = strings.TrimSuffix(strings.TrimSuffix(u.Host, ":80"), ":443")
	u.Fragment, u.RawFragment = "", ""
	u.User = nil
	if u.RawQuery != "" {
		q := u.Query()
		for k := range q {
			if strings.HasPrefix(strings.ToLower(k), "utm_") {
				q.Del(k)
			}
		}
		u.RawQuery = q.Encode()
	}
	if len(u.Path) > 1 {
		u.Path = strings.TrimSuffix(u.Path, "/")
		u.RawPath = ""
	}
	return u.String()
}

// IsWebURL reports whether s is an absolute http or https URL with a host,
// holding no white space or control characters: what may be subscribed to
// or handed to a browser (it can never start with "-" or split into two
// arguments).
func IsWebURL(s string) bool {
	if strings.ContainsFunc(s, func(r rune) bool { return r <= ' ' || r == 0x7f || r >= 0x80 && r <= 0x9f || isBidiControl(r) }) {
		return false
	}
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != ""
}
