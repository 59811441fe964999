package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kabar/articles"
)

// chooseSourceMsg asks the root to show a source's articles in the list.
type chooseSourceMsg struct{ src articles.Source }

// sourcesModel is the sources panel: all, unread and starred articles,
// saved searches, feeds, tags and outlets with their unread and total
// counts; choosing one narrows the list to it.
type sourcesModel struct {
	keys          PickerKeys
	width, height int
	entries       []articles.Source
	loaded        bool
	cursor        int // index into entries
	offset        int // first panel line shown
	current       string
}

func newSourcesModel() sourcesModel { return sourcesModel{keys: DefaultPickerKeys()} }

// open starts loading the entries, the list's current scope (its query) to
// be selected when they come.
func (m sourcesModel) open(lib Library, current string) (sourcesModel, tea.Cmd) {
	m.loaded, m.current = false, current
	return m, loadSources(lib)
}

// setSize fits the panel to the window.
func (m sourcesModel) setSize(w, h int) sourcesModel {
	m.width, m.height = w, h
	m.scrollToCursor()
	return m
}

// setSources shows loaded entries and asks for the saved searches' counts.
func (m sourcesModel) setSources(lib Library, srcs []articles.Source) (sourcesModel, tea.Cmd) {
	m.entries, m.loaded, m.cursor, m.offset = srcs, true, 0, 0
	var cmds []tea.Cmd
	for i, s := range srcs {
		if s.Query == m.current {
			m.cursor = i
		}
		if s.Uncounted {
			cmds = append(cmds, tallySearch(lib, s.Query))
		}
	}
	m.scrollToCursor()
	return m, tea.Batch(cmds...)
}

// setTally fills in a saved search's counts.
func (m sourcesModel) setTally(msg tallyMsg) sourcesModel {
	if msg.err != nil {
		return m
	}
	for i := range m.entries {
		if m.entries[i].Kind == articles.SourceSearch && m.entries[i].Query == msg.query {
			m.entries[i].Total, m.entries[i].Unread, m.entries[i].Uncounted = msg.total, msg.unread, false
		}
	}
	return m
}

// update handles the panel's keys; closed reports that it is done.
func (m sourcesModel) update(msg tea.KeyPressMsg) (_ sourcesModel, cmd tea.Cmd, closed bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Close):
		return m, nil, true
	case key.Matches(msg, k.Choose):
		if !m.loaded || len(m.entries) == 0 {
			return m, nil, false
		}
		src := m.entries[m.cursor]
		return m, func() tea.Msg { return chooseSourceMsg{src: src} }, true
	}
	m.cursor = k.move(msg, m.cursor, len(m.entries), m.rows())
	m.scrollToCursor()
	return m, nil, false
}

// panelLine is one line of the panel: a section heading or an entry.
type panelLine struct {
	heading string
	entry   int
}

// lines lays out the entries under a heading per kind.
func (m sourcesModel) lines() []panelLine {
	var out []panelLine
	var last articles.SourceKind
	for i, s := range m.entries {
		if h := sectionOf(s.Kind); h != "" && s.Kind != last {
			out = append(out, panelLine{heading: h, entry: -1})
		}
		last = s.Kind
		out = append(out, panelLine{entry: i})
	}
	return out
}

// sectionOf is the heading over a kind of source ("" for the first three,
// which need none).
func sectionOf(k articles.SourceKind) string {
	return map[articles.SourceKind]string{
		articles.SourceSearch: "Saved searches", articles.SourceFeed: "Feeds",
		articles.SourceTag: "Tags", articles.SourceOutlet: "Outlets",
	}[k]
}

// rows is how many panel lines fit in the box.
func (m sourcesModel) rows() int { return max(m.height-8, 3) }

// boxWidth is the width of the panel's text.
func (m sourcesModel) boxWidth() int { return max(min(64, m.width-6), 20) }

// scrollToCursor keeps the cursor's line in the visible window.
func (m *sourcesModel) scrollToCursor() {
	for i, l := range m.lines() {
		if l.entry == m.cursor && l.heading == "" {
			if i < m.offset+1 {
				m.offset = max(i-1, 0) // show its heading too
			}
			if i >= m.offset+m.rows() {
				m.offset = i - m.rows() + 1
			}
			return
		}
	}
}

// view draws the panel as a box over the screen.
func (m sourcesModel) view(st Styles) string {
	w := m.boxWidth()
	var b strings.Builder
	b.WriteString(st.Section.Render("Sources") + st.Dim.Render("  unread/total") + "\n")
	if !m.loaded {
		b.WriteString(st.Dim.Render("loading…"))
	} else {
		lines := m.lines()
		end := min(m.offset+m.rows(), len(lines))
		for i := m.offset; i < end; i++ {
			b.WriteString("\n" + m.line(st, lines[i], w))
		}
	}
	help := fmt.Sprintf("%s choose · %s close", m.keys.Choose.Help().Key, m.keys.Close.Help().Key)
	box := st.Overlay.Render(b.String() + "\n\n" + st.Dim.Render(help))
	return lipgloss.Place(m.width, max(m.height-2, 1), lipgloss.Center, lipgloss.Center, box)
}

// line draws a heading or an entry: its name and its counts at the right.
func (m sourcesModel) line(st Styles, l panelLine, w int) string {
	if l.heading != "" {
		return st.Dim.Render(l.heading)
	}
	s := m.entries[l.entry]
	counts := "…"
	if !s.Uncounted {
		counts = fmt.Sprintf("%d/%d", s.Unread, s.Total)
	}
	cursor, style := "  ", st.Row
	if l.entry == m.cursor {
		cursor, style = "▌ ", st.RowSelected
	}
	name := ansi.Truncate(s.Name, max(w-len(counts)-4, 4), "…")
	gap := max(w-2-ansi.StringWidth(name)-len(counts), 1)
	return cursor + style.Render(name+strings.Repeat(" ", gap)) + st.Dim.Render(counts)
}
