package ui

import (
	tea "charm.land/bubbletea/v2"

	"kabar/articles"
)

// overlay is the panel open over the reader.
type overlay int

const (
	overlayNone   overlay = iota
	overlayLinks          // the links in the text (u)
	overlayStory          // the story thread (T)
	overlayPeople         // the people and outlet pages (p)
)

// overlayKey hands a key to the panel open over the reader.
func (m Model) overlayKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	var cmd tea.Cmd
	var closed bool
	switch m.overlay {
	case overlayLinks:
		m.links, cmd, closed = m.links.update(m.lib, m.opts.Settings.Opener, msg)
	case overlayStory:
		m.story, cmd, closed = m.story.update(msg)
	case overlayPeople:
		m.people, cmd, closed = m.people.update(m.lib, msg)
	}
	if closed {
		m.overlay = overlayNone
	}
	return m, cmd
}

// overlayView draws the panel open over the reader.
func (m Model) overlayView() string {
	switch m.overlay {
	case overlayLinks:
		return m.links.view(m.styles)
	case overlayStory:
		return m.story.view(m.styles)
	case overlayPeople:
		return m.people.view(m.styles)
	}
	return m.reader.view(m.styles)
}

// openPeople opens the panel of the article's people and outlet.
func (m Model) openPeople() (tea.Model, tea.Cmd) {
	m.people = m.people.open(m.reader.article)
	if m.people.empty() {
		m.status = note("this article names no author, editor or outlet")
		return m, nil
	}
	m.overlay = overlayPeople
	return m, nil
}

// storyLayer handles what the story layer's commands bring back: similar
// articles, a story thread, a people or outlet page, and the list of a
// page's articles.
func (m Model) storyLayer(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case similarMsg:
		if msg.err != nil {
			m.status = failuref("similar articles: %v", msg.err)
			return m, nil
		}
		if len(m.similar) >= similarCacheSize {
			clear(m.similar)
		}
		m.similar[msg.id] = msg.found
		m.reader = m.reader.setSimilar(msg.id, msg.found, m.styles)
	case storyMsg:
		m.status = statusBar{}
		switch {
		case msg.err != nil:
			m.status = failuref("story: %v", msg.err)
		case m.screen != screenReader || m.reader.article.ID != msg.id:
			// the reader moved on
		case len(msg.thread) <= 1:
			m.status = note("no story yet: nothing links this article, and nothing like it was published the same days")
		default:
			m.story, m.overlay = m.story.open(msg.thread), overlayStory
		}
	case profileMsg:
		if msg.err != nil {
			m.status = failure(msg.err)
			return m, nil
		}
		if m.overlay == overlayPeople {
			m.people = m.people.showProfile(msg.profile)
		}
	case showPageMsg:
		return m.showPage(msg.src)
	}
	return m, nil
}

// showPage lists a page's articles, newest first, in the list screen.
func (m Model) showPage(src articles.Source) (tea.Model, tea.Cmd) {
	save := m.saveScroll()
	m.screen = screenList
	var cmd tea.Cmd
	m.list, cmd = m.list.applyScope(src)
	return m, tea.Batch(save, cmd)
}
