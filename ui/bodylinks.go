package ui

import (
	"fmt"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"

	"kabar/articles"
	"kabar/ui/safe"
)

// linksModel is the panel of the links written in an article's text (u in
// the reader): choosing one opens the stored article it points at, in the
// reader with history, or else hands it to the opener.
type linksModel struct {
	picker
	nth   key.Binding
	links []articles.BodyLink
}

func newLinksModel() linksModel {
	return linksModel{picker: newPicker(),
		nth: key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "open the nth"))}
}

// open shows an article's links.
func (m linksModel) open(links []articles.BodyLink) linksModel {
	m.links, m.picker = links, m.at(0, len(links))
	return m
}

func (m linksModel) setSize(w, h int) linksModel {
	m.picker = m.picker.setSize(w, h)
	return m
}

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
	m.picker = m.move(msg, len(m.links))
	return m, nil, false
}

// view draws the numbered links as a box over the reader.
func (m linksModel) view(st Styles) string {
	lines := make([]string, len(m.links))
	for i, l := range m.links {
		label := safe.Line(l.URL)
		if l.Text != "" {
			label = safe.Line(l.Text) + " — " + label
		}
		lines[i] = fmt.Sprintf("%2d. %s", i+1, label)
	}
	help := fmt.Sprintf("%s open · %s · %s close", m.keys.Choose.Help().Key, m.nth.Help().Key, m.keys.Close.Help().Key)
	return m.box(st, "Links in the text", lines, help)
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
