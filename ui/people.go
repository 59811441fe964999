package ui

import (
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"

	"kabar/articles"
	"kabar/ui/safe"
)

// pageRef names a people or outlet page.
type pageRef struct {
	kind articles.SourceKind // SourcePerson or SourceOutlet
	name string
	role string // how the line names it: author, editor, outlet, with
	n    int    // articles shared with the page shown, 0 in the first step
}

// profileMsg carries a people or outlet page.
type profileMsg struct {
	profile articles.Profile
	err     error
}

// loadProfile reads the page of a person or an outlet.
func loadProfile(lib Library, ref pageRef) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		load := lib.PersonProfile
		if ref.kind == articles.SourceOutlet {
			load = lib.OutletProfile
		}
		p, err := load(ctx, ref.name)
		return profileMsg{profile: p, err: err}
	}
}

// showPageMsg asks the root to list a page's articles.
type showPageMsg struct{ src articles.Source }

// peopleModel is the people and outlet panel (p in the reader). It lists
// the article's authors, editors and outlet; choosing one shows their page:
// their counts and span, the outlets and people they appear with (each a
// page in turn), and a line that lists all their articles, newest first.
type peopleModel struct {
	picker
	refs    []pageRef
	profile *articles.Profile // the page shown; nil while choosing
}

func newPeopleModel() peopleModel { return peopleModel{picker: newPicker()} }

// open lists an article's people and outlet.
func (m peopleModel) open(a articles.Stored) peopleModel {
	m.refs, m.profile = nil, nil
	for _, p := range []struct {
		role  string
		names []string
	}{{"author", a.Authors}, {"editor", a.Editors}} {
		for _, name := range p.names {
			m.refs = append(m.refs, pageRef{kind: articles.SourcePerson, name: name, role: p.role})
		}
	}
	if a.Source != "" {
		m.refs = append(m.refs, pageRef{kind: articles.SourceOutlet, name: a.Source, role: "outlet"})
	}
	m.picker = m.at(0, len(m.refs))
	return m
}

// empty reports that the article names no one and no outlet.
func (m peopleModel) empty() bool { return len(m.refs) == 0 }

// showProfile shows a page: first its list line, then its outlets and
// people.
func (m peopleModel) showProfile(p articles.Profile) peopleModel {
	p.Name = safe.Line(p.Name)
	m.profile = &p
	m.refs = m.refs[:0:0]
	for _, o := range p.Outlets {
		m.refs = append(m.refs, pageRef{kind: articles.SourceOutlet, name: o.Name, role: "outlet", n: o.N})
	}
	for _, o := range p.People {
		m.refs = append(m.refs, pageRef{kind: articles.SourcePerson, name: o.Name, role: "with", n: o.N})
	}
	m.picker = m.at(0, len(m.refs)+1)
	return m
}

func (m peopleModel) setSize(w, h int) peopleModel {
	m.picker = m.picker.setSize(w, h)
	return m
}

// lines is how many lines the panel picks from: a page has its list line
// first.
func (m peopleModel) lines() int {
	if m.profile != nil {
		return len(m.refs) + 1
	}
	return len(m.refs)
}

// update handles the panel's keys; closed reports that it is done.
func (m peopleModel) update(lib Library, msg tea.KeyPressMsg) (_ peopleModel, cmd tea.Cmd, closed bool) {
	switch {
	case keyMatches(msg, m.keys.Close):
		return m, nil, true
	case keyMatches(msg, m.keys.Choose):
		if m.profile != nil && m.cursor == 0 {
			src := m.profile.Source
			return m, func() tea.Msg { return showPageMsg{src: src} }, true
		}
		i := m.cursor
		if m.profile != nil {
			i--
		}
		return m, loadProfile(lib, m.refs[i]), false
	}
	m.picker = m.move(msg, m.lines())
	return m, nil, false
}

// view draws the article's people and outlet, or a page.
func (m peopleModel) view(st Styles) string {
	var lines []string
	heading := "People and outlet"
	if p := m.profile; p != nil {
		heading = p.Name + " · " + profileSummary(*p)
		lines = append(lines, fmt.Sprintf("List all %d articles, newest first (%d unread)", p.Total, p.Unread))
	}
	for _, r := range m.refs {
		line := fmt.Sprintf("%-7s %s", r.role, safe.Line(r.name))
		if r.n > 0 {
			line += fmt.Sprintf(" (%d)", r.n)
		}
		lines = append(lines, line)
	}
	help := fmt.Sprintf("%s open · %s close", m.keys.Choose.Help().Key, m.keys.Close.Help().Key)
	return m.box(st, heading, lines, help)
}

// profileSummary says what a page counts: roles, articles, span.
func profileSummary(p articles.Profile) string {
	var parts []string
	if p.Kind == articles.SourcePerson {
		if p.Authored > 0 {
			parts = append(parts, fmt.Sprintf("author of %d", p.Authored))
		}
		if p.Edited > 0 {
			parts = append(parts, fmt.Sprintf("editor of %d", p.Edited))
		}
	} else {
		parts = append(parts, fmt.Sprintf("%d articles", p.Total))
	}
	if !p.First.IsZero() {
		parts = append(parts, p.First.Format("Jan 2006")+" – "+p.Last.Format("Jan 2006"))
	}
	return strings.Join(parts, " · ")
}
