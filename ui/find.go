package ui

import (
	"fmt"
	"sort"
	"unicode"

	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// hit is one match of a find: a line of the reader and the cells it spans.
type hit struct{ line, start, end int }

// finder is a find in the open article: what is typed, where it matches in
// the rendered lines (case folded), and which match is current.
type finder struct {
	input   textinput.Model
	typing  bool   // the find input has focus
	query   []rune // folded; empty when no find is active
	hits    []hit  // in reading order
	current int    // index into hits
}

func newFinder(steadyCursor bool) finder {
	in := newInput(steadyCursor)
	in.Prompt = "find: "
	in.CharLimit = 200
	return finder{input: in}
}

// active reports whether a find is under way (typed or kept after enter).
func (f finder) active() bool { return f.typing || len(f.query) > 0 }

// begin focuses the input for a new find.
func (f finder) begin() (finder, tea.Cmd) {
	f.typing = true
	f.input.SetValue("")
	f.query, f.hits, f.current = nil, nil, 0
	return f, f.input.Focus()
}

// end clears the find and its highlights.
func (f finder) end() finder {
	f.typing = false
	f.input.Blur()
	f.input.SetValue("")
	f.query, f.hits, f.current = nil, nil, 0
	return f
}

// settle stops typing and keeps the matches for n/N; an empty find ends.
func (f finder) settle() finder {
	if len(f.query) == 0 {
		return f.end()
	}
	f.typing = false
	f.input.Blur()
	return f
}

// typed passes a key to the input and reports whether the query changed.
func (f finder) typed(msg tea.Msg) (finder, tea.Cmd, bool) {
	before := f.input.Value()
	var cmd tea.Cmd
	f.input, cmd = f.input.Update(msg)
	if f.input.Value() == before {
		return f, cmd, false
	}
	f.query = foldRunes([]rune(f.input.Value()))
	return f, cmd, true
}

// locate finds every match of the query in lines (styled text; matched on
// what is shown), keeping the current match where it was when it can.
func (f finder) locate(lines []string) finder {
	f.hits = f.hits[:0:0]
	if len(f.query) == 0 {
		return f
	}
	for i, line := range lines {
		f.hits = appendHits(f.hits, i, []rune(ansi.Strip(line)), f.query)
	}
	f.current = max(min(f.current, len(f.hits)-1), 0)
	return f
}

// appendHits adds the matches of query (folded) in one line's text.
func appendHits(hits []hit, line int, text, query []rune) []hit {
	folded := foldRunes(text)
	for i := 0; i+len(query) <= len(folded); i++ {
		if !equalRunes(folded[i:i+len(query)], query) {
			continue
		}
		start := ansi.StringWidth(string(text[:i]))
		end := start + ansi.StringWidth(string(text[i:i+len(query)]))
		hits = append(hits, hit{line: line, start: start, end: end})
		i += len(query) - 1
	}
	return hits
}

// foldRunes lowers each rune, one for one, so positions stay those of the
// text.
func foldRunes(rs []rune) []rune {
	out := make([]rune, len(rs))
	for i, r := range rs {
		out[i] = unicode.ToLower(r)
	}
	return out
}

func equalRunes(a, b []rune) bool {
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// from makes the first match at or after line current (wrapping to the
// first), the way a find as you type jumps ahead from where the reader is.
func (f finder) from(line int) finder {
	for i, h := range f.hits {
		if h.line >= line {
			f.current = i
			return f
		}
	}
	f.current = 0
	return f
}

// step moves the current match by delta, wrapping around.
func (f finder) step(delta int) finder {
	if len(f.hits) > 0 {
		f.current = (f.current + delta + len(f.hits)) % len(f.hits)
	}
	return f
}

// currentLine is the line of the current match, false without matches.
func (f finder) currentLine() (int, bool) {
	if len(f.hits) == 0 {
		return 0, false
	}
	return f.hits[f.current].line, true
}

// highlight marks the matches on line i of the reader, the current one
// apart from the rest.
func (f finder) highlight(i int, line string, st Styles) string {
	var ranges []lipgloss.Range
	first := sort.Search(len(f.hits), func(j int) bool { return f.hits[j].line >= i })
	for j := first; j < len(f.hits) && f.hits[j].line == i; j++ {
		h := f.hits[j]
		style := st.Match
		if j == f.current {
			style = st.MatchCurrent
		}
		ranges = append(ranges, lipgloss.NewRange(h.start, h.end, style))
	}
	return lipgloss.StyleRanges(line, ranges...)
}

// summary is the find's status: which match of how many.
func (f finder) summary() string {
	switch {
	case len(f.query) == 0:
		return ""
	case len(f.hits) == 0:
		return "no match"
	}
	return fmt.Sprintf("match %d/%d", f.current+1, len(f.hits))
}
