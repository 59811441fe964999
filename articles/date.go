package articles

import (
	"regexp"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode/utf8"
)

// monthNames maps Indonesian and English month names and their short forms,
// lowercased, to months.
var monthNames = map[string]time.Month{
	"januari": 1, "january": 1, "jan": 1,
	"februari": 2, "february": 2, "feb": 2, "pebruari": 2,
	"maret": 3, "march": 3, "mar": 3,
	"april": 4, "apr": 4,
	"mei": 5, "may": 5,
	"juni": 6, "june": 6, "jun": 6,
	"juli": 7, "july": 7, "jul": 7,
	"agustus": 8, "august": 8, "aug": 8, "agu": 8, "agt": 8, "ags": 8, "agust": 8,
	"september": 9, "sep": 9, "sept": 9,
	"oktober": 10, "october": 10, "oct": 10, "okt": 10,
	"november": 11, "nov": 11, "nop": 11, "nopember": 11,
	"desember": 12, "december": 12, "dec": 12, "des": 12,
}

// zoneOffsets are the time zones news sites print after a time, in seconds
// east of UTC.
var zoneOffsets = map[string]int{
	"wib": 7 * 3600, "wita": 8 * 3600, "wit": 9 * 3600,
	"gmt": 0, "utc": 0, "z": 0,
	"est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
	"mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
	"bst": 3600, "cet": 3600, "cest": 2 * 3600, "sgt": 8 * 3600, "jst": 9 * 3600, "aest": 10 * 3600,
}

// datePatterns are the date spellings FindDate recognises, each with the
// order of its day, month and year groups.
var datePatterns = sync.OnceValue(buildDatePatterns)

type datePattern struct {
	re                  *regexp.Regexp
	day, month, year    int // submatch indexes
	hour, minute, zone  int // submatch indexes of the optional time
	monthIsName, ampmOK bool
	sameSeparator       int // submatch index of a separator the date must repeat
}

const timeSuffix = `(?:\s*[,|]?\s*(?:pukul\s+|jam\s+|at\s+)?(\d{1,2})[.:](\d{2})(?:[.:]\d{2})?\s*(?i:(a\.m\.|p\.m\.|am\b|pm\b))?\s*(?i:(wib|wita|wit|gmt|utc|est|edt|cst|cdt|mst|mdt|pst|pdt|bst|cest|cet|sgt|jst|aest)\b)?)?`

func buildDatePatterns() []datePattern {
	const month = `(\p{L}{3,9})`
	const ordinal = `(?:st|nd|rd|th)?`
	return []datePattern{
		{re: regexp.MustCompile(`\b(\d{1,2})` + ordinal + `\s+(?:of\s+)?` + month + `\.?,?\s+(\d{4})\b` + timeSuffix),
			day: 1, month: 2, year: 3, hour: 4, minute: 5, zone: 7, monthIsName: true},
		{re: regexp.MustCompile(`\b` + month + `\.?\s+(\d{1,2})` + ordinal + `,?\s+(\d{4})\b` + timeSuffix),
			month: 1, day: 2, year: 3, hour: 4, minute: 5, zone: 7, monthIsName: true},
		{re: regexp.MustCompile(`\b(\d{1,2})/(\d{1,2})/(\d{4})\b` + timeSuffix),
			day: 1, month: 2, year: 3, hour: 4, minute: 5, zone: 7},
		// Dotted and dashed: 03.12.2024, 03-12-2024 (day first, as Indonesian
		// sites write them).
		{re: regexp.MustCompile(`(?:^|[^\d.,])(\d{1,2})([.-])(\d{1,2})[.-](\d{4})\b` + timeSuffix),
			day: 1, month: 3, year: 4, hour: 5, minute: 6, zone: 8, sameSeparator: 2},
		{re: regexp.MustCompile(`\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?()(Z|[+-]\d{2}:?\d{2})?)?`),
			year: 1, month: 2, day: 3, hour: 4, minute: 5, zone: 7},
	}
}

// dateWindow is how far before and after a year FindDate looks for the rest
// of a date.
const dateWindow = 48

// FindDate returns the first date written in text, in any of the spellings
// Indonesian and English news use: "Rabu (21/2/2024)", "Rabu, 18 Jun 2025
// 07:30 WIB", "18 Juni 2025 | 20.04 WIB", "February 21, 2024", "2024-02-21".
// A time and zone after the date are used when present; otherwise the time is
// midnight UTC. Only the text around each four-digit year is examined, so the
// cost grows with the number of years in text, not with its length.
func FindDate(text string) (time.Time, bool) {
	for from := 0; from < len(text); {
		ys, ye := nextYear(text, from)
		if ys < 0 {
			break
		}
		start, end := max(0, ys-dateWindow), min(len(text), ye+dateWindow)
		for start > 0 && !utf8.RuneStart(text[start]) {
			start--
		}
		for end < len(text) && !utf8.RuneStart(text[end]) {
			end++
		}
		if t, ok := findDateAround(text[start:end], ys-start); ok {
			return t, true
		}
		from = ye
	}
	return time.Time{}, false
}

// nextYear returns the span of the next run of exactly four digits at or
// after i, or -1.
func nextYear(s string, i int) (int, int) {
	for i < len(s) {
		if !isDigit(s[i]) {
			i++
			continue
		}
		j := i
		for j < len(s) && isDigit(s[j]) {
			j++
		}
		if j-i == 4 {
			return i, j
		}
		i = j
	}
	return -1, len(s)
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }

// findDateAround finds the earliest date in window whose match covers the
// year starting at offset year.
func findDateAround(window string, year int) (time.Time, bool) {
	best, bestAt := time.Time{}, -1
	for _, p := range datePatterns() {
		for _, m := range p.re.FindAllStringSubmatchIndex(window, 3) {
			if m[0] > year || m[1] <= year || (bestAt >= 0 && m[0] >= bestAt) {
				continue
			}
			if t, ok := p.build(window, m); ok {
				best, bestAt = t, m[0]
			}
		}
	}
	return best, bestAt >= 0
}

// ParseDate reads a date field (a dataset column, front matter): RFC 3339,
// common layouts, or any spelling FindDate knows.
func ParseDate(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return time.Time{}, false
	}
	for _, layout := range []string{time.RFC3339Nano, time.RFC1123Z, time.RFC1123, time.RFC822Z, time.RFC822, "2006-01-02 15:04:05", "2006-01-02 15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, true
		}
	}
	if n, err := strconv.ParseInt(s, 10, 64); err == nil && n > 100000000 && n < 1<<33 {
		return time.Unix(n, 0).UTC(), true
	}
	return FindDate(s)
}

func (p datePattern) build(text string, m []int) (time.Time, bool) {
	group := func(i int) string {
		if i == 0 || m[2*i] < 0 {
			return ""
		}
		return text[m[2*i]:m[2*i+1]]
	}
	if sep := group(p.sameSeparator); sep != "" && !strings.Contains(text[m[2*p.sameSeparator+1]:m[2*p.year]], sep) {
		return time.Time{}, false // 03.12-2024
	}
	day, _ := strconv.Atoi(group(p.day))
	year, _ := strconv.Atoi(group(p.year))
	var mon time.Month
	if p.monthIsName {
		mon = monthNames[strings.ToLower(group(p.month))]
	} else {
		n, _ := strconv.Atoi(group(p.month))
		mon = time.Month(n)
	}
	if year < 1900 || year > 2200 || mon < 1 || mon > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	hour, minute := 0, 0
	if h := group(p.hour); h != "" {
		hour, _ = strconv.Atoi(h)
		minute, _ = strconv.Atoi(group(p.minute))
		switch strings.ReplaceAll(strings.ToLower(group(p.zone-1)), ".", "") {
		case "pm":
			if hour < 12 {
				hour += 12
			}
		case "am":
			if hour == 12 {
				hour = 0
			}
		}
		if hour > 23 || minute > 59 {
			hour, minute = 0, 0
		}
	}
	loc := zoneFor(group(p.zone))
	t := time.Date(year, mon, day, hour, minute, 0, 0, loc)
	if t.Day() != day {
		return time.Time{}, false // 31 February and friends
	}
	return t, true
}

// zoneFor turns "WIB", "Z" or "+07:00" into a location; unknown is UTC.
func zoneFor(z string) *time.Location {
	if z == "" {
		return time.UTC
	}
	if off, ok := zoneOffsets[strings.ToLower(z)]; ok {
		if off == 0 {
			return time.UTC
		}
		return time.FixedZone(strings.ToUpper(z), off)
	}
	if len(z) >= 5 && (z[0] == '+' || z[0] == '-') {
		digits := strings.ReplaceAll(z[1:], ":", "")
		h, err1 := strconv.Atoi(digits[:2])
		mm, err2 := strconv.Atoi(digits[2:])
		if err1 == nil && err2 == nil && h < 24 && mm < 60 {
			off := h*3600 + mm*60
			if z[0] == '-' {
				off = -off
			}
			return time.FixedZone("", off)
		}
	}
	return time.UTC
}

// urlDate matches a date in an article's address: /2025/06/10/, /20250610…
// or -20250610.
var urlDate = lazyRegexp(`[/-]((?:19|20)\d\d)/?(0[1-9]|1[0-2])/?(0[1-9]|[12]\d|3[01])(?:[/\D]|\d{2,}|$)`)

// DateFromURL returns the publication day an article's URL carries, if any.
func DateFromURL(u string) (time.Time, bool) {
	m := urlDate().FindStringSubmatch(u)
	if m == nil {
		return time.Time{}, false
	}
	y, _ := strconv.Atoi(m[1])
	mo, _ := strconv.Atoi(m[2])
	d, _ := strconv.Atoi(m[3])
	t := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return time.Time{}, false
	}
	return t, true
}
