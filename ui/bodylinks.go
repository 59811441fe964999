package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kabar/articles"
	"kabar/ui/safe"
)

// linksModel is the panel of the links written in an article's text (u in
// the reader): choosing one opens the stored article it points at, in the
// reader with history, or else hands it to the opener.
type linksModel struct {
	keys          PickerKeys
	nth           key.Binding
	width, height int
	links         []articles.BodyLink
	cursor        int
	offset        int
}

func newLinksModel() linksModel {
	return linksModel{keys: DefaultPickerKeys(),
		nth: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "open the nth"))}
}

// open shows an article's links.
func (m linksModel) open(links []articles.BodyLink) linksModel {
	m.links, m.cursor, m.offset = links, 0, 0
	return m
}

func (m linksModel) setSize(w, h int) linksModel {
	m.width, m.height = w, h
	return m
}

func (m linksModel) rows() int { return max(m.height-8, 3) }

// update handles the panel's keys; closed reports that it is done.
func (m linksModel) update(lib Library, o OpenerSettings, msg tea.KeyPressMsg) (_ linksModel, cmd tea.Cmd, closed bool) {
	k := m.keys
	switch {
	case key.Matches(msg, k.Close):
		return m, nil, true
	case key.Matches(msg, k.Choose):
		return m, followBodyLink(lib, m.links[m.cursor].URL, o), true
	case key.Matches(msg, m.nth):
		if n := nthKey(msg, m.nth); n < len(m.links) {
			return m, followBodyLink(lib, m.links[n].URL, o), true
		}
		return m, nil, false
	}
	m.cursor = k.move(msg, m.cursor, len(m.links), m.rows())
	m.offset = max(min(m.offset, m.cursor), m.cursor-m.rows()+1)
	return m, nil, false
}

// view draws the numbered links as a box over the reader.
func (m linksModel) view(st Styles) string {
	w := max(min(90, m.width-6), 20)
	var b strings.Builder
	b.WriteString(st.Section.Render("Links in the text"))
	end := min(m.offset+m.rows(), len(m.links))
	for i := m.offset; i < end; i++ {
		l := m.links[i]
		label := safe.Line(l.URL)
		if l.Text != "" {
			label = safe.Line(l.Text) + " — " + label
		}
		cursor, style := "  ", st.Row
		if i == m.cursor {
			cursor, style = "▌ ", st.RowSelected
		}
		b.WriteString("\n" + cursor + style.Render(ansi.Truncate(fmt.Sprintf("%2d. %s", i+1, label), w-2, "…")))
	}
	help := fmt.Sprintf("%s open · %s · %s close", m.keys.Choose.Help().Key, m.nth.Help().Key, m.keys.Close.Help().Key)
	box := st.Overlay.Render(b.String() + "\n\n" + st.Dim.Render(help))
	return lipgloss.Place(m.width, max(m.height-2, 1), lipgloss.Center, lipgloss.Center, box)
}

// bodyLinksMsg carries the links found in an article's text.
type bodyLinksMsg struct {
	id    int64
	links []articles.BodyLink
}

// findBodyLinks finds the links in a body off the event loop (a body may be
// megabytes).
func findBodyLinks(id int64, body string) tea.Cmd {
	return func() tea.Msg { return bodyLinksMsg{id: id, links: articles.BodyLinks(body)} }
}

// followBodyLink opens a link of the text: the stored article with that URL
// in the reader, else the opener.
func followBodyLink(lib Library, url string, o OpenerSettings) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		id, err := lib.ArticleByURL(ctx, url)
		if err != nil {
			return errorMsg{err}
		}
		if id != 0 {
			return followMsg{id: id}
		}
		return openURL(url, o)()
	}
}
