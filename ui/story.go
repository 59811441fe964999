package ui

import (
	"fmt"

	tea "charm.land/bubbletea/v2"

	"kabar/articles"
	"kabar/ui/safe"
)

// similarShown is how many similar articles the reader lists.
const similarShown = 8

// similarCacheSize is how many articles' similar lists the reader keeps.
const similarCacheSize = 512

// similarMsg carries the articles similar to one.
type similarMsg struct {
	id    int64
	found []articles.Similar
	err   error
}

// findSimilar looks for the articles similar to one.
func findSimilar(lib Library, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		found, err := lib.Similar(ctx, id, similarShown)
		for i := range found {
			found[i].Listing = safe.Listing(found[i].Listing)
		}
		return similarMsg{id: id, found: found, err: err}
	}
}

// storyMsg carries an article's story thread.
type storyMsg struct {
	id     int64
	thread []articles.StoryEntry
	err    error
}

// loadStory builds an article's story thread.
func loadStory(lib Library, id int64) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		thread, err := lib.Story(ctx, id)
		for i := range thread {
			thread[i].Listing = safe.Listing(thread[i].Listing)
		}
		return storyMsg{id: id, thread: thread, err: err}
	}
}

// storyModel is the story thread panel (T in the reader): the articles
// linked with the one read, oldest first, each with its date, outlet and
// how it joined; enter reads one, with history.
type storyModel struct {
	picker
	thread []articles.StoryEntry
}

func newStoryModel() storyModel { return storyModel{picker: newPicker()} }

// open shows a thread with the cursor on the article read.
func (m storyModel) open(thread []articles.StoryEntry) storyModel {
	m.thread = thread
	self := 0
	for i, e := range thread {
		if e.Via == articles.ViaSelf {
			self = i
		}
	}
	m.picker = m.at(self, len(thread))
	return m
}

func (m storyModel) setSize(w, h int) storyModel {
	m.picker = m.picker.setSize(w, h)
	return m
}

// update handles the panel's keys; closed reports that it is done.
func (m storyModel) update(msg tea.KeyPressMsg) (_ storyModel, cmd tea.Cmd, closed bool) {
	switch {
	case keyMatches(msg, m.keys.Close):
		return m, nil, true
	case keyMatches(msg, m.keys.Choose):
		e := m.thread[m.cursor]
		if e.Via == articles.ViaSelf {
			return m, nil, true
		}
		return m, func() tea.Msg { return followMsg{id: e.ID} }, true
	}
	m.picker = m.move(msg, len(m.thread))
	return m, nil, false
}

// viaMark is the sign of how an article joined a thread.
var viaMark = map[articles.Via]string{articles.ViaSelf: "▸", articles.ViaLink: "→", articles.ViaBacklink: "←", articles.ViaSimilar: "≈"}

// view draws the thread as a timeline over the reader.
func (m storyModel) view(st Styles) string {
	lines := make([]string, len(m.thread))
	for i, e := range m.thread {
		date, _ := rowDay(e.Listing)
		source := []rune(e.Source)
		if len(source) > 16 {
			source = append(source[:15], '…')
		}
		lines[i] = fmt.Sprintf("%s  %-16s %s %s", date, string(source), viaMark[e.Via], e.Title)
	}
	heading := fmt.Sprintf("Story · %d articles", len(m.thread))
	if n := len(m.thread); n > 1 && !m.thread[0].Published.IsZero() && !m.thread[n-1].Published.IsZero() {
		heading += fmt.Sprintf(" · %s – %s", m.thread[0].Published.Format("2 Jan 2006"), m.thread[n-1].Published.Format("2 Jan 2006"))
	}
	help := fmt.Sprintf("%s read · → link · ← linked from · ≈ similar · %s close", m.keys.Choose.Help().Key, m.keys.Close.Help().Key)
	return m.box(st, heading, lines, help)
}
