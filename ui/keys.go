package ui

import (
	"slices"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
)

// ListKeys are the list screen's bindings (the DESIGN.md key contract).
type ListKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Open, Filter, Clear, Star, ToggleRead   key.Binding
	Refresh, Sources, Order                 key.Binding
	NextUnread, MarkAllRead, Undo           key.Binding
	Tags, Delete, Help, Quit                key.Binding
}

// AppKeys work on every screen, whatever has focus.
type AppKeys struct {
	ForceQuit key.Binding
}

// FilterKeys are the bindings while the list's filter input has focus;
// every other key is typed into the query.
type FilterKeys struct {
	Submit, Cancel, Move key.Binding
}

// ReaderKeys are the reader screen's bindings.
type ReaderKeys struct {
	Up, Down, PageDown, PageUp, Top, Bottom key.Binding
	NextLink, PrevLink, Follow, FollowN     key.Binding
	Back, Forward, Close, OpenURL, Star     key.Binding
	Find, NextMatch, PrevMatch, EndFind     key.Binding
	KeepFind, NextArticle, PrevArticle      key.Binding
	NextUnread, Tags, BodyLinks             key.Binding
	Story, People                           key.Binding
	Help, Quit                              key.Binding
}

// PromptKeys answer a question in the status line: y confirms a yes/no
// question; a line being edited is submitted with enter and completed with
// tab; esc (or, for yes/no, any other key) cancels.
type PromptKeys struct {
	Yes, Submit, Complete, Cancel key.Binding
}

// DefaultPromptKeys returns the prompt's bindings.
func DefaultPromptKeys() PromptKeys {
	return PromptKeys{
		Yes:      key.NewBinding(key.WithKeys("y", "Y"), key.WithHelp("y", "yes")),
		Submit:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "save")),
		Complete: key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "complete")),
		Cancel:   key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "cancel")),
	}
}

// DefaultListKeys returns the list bindings.
func DefaultListKeys() ListKeys {
	return ListKeys{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:      key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown:    key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn/space", "page down")),
		Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		Open:        key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open")),
		Filter:      key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "filter")),
		Clear:       key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear filter")),
		Star:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "star")),
		ToggleRead:  key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "read/unread")),
		Refresh:     key.NewBinding(key.WithKeys("r"), key.WithHelp("r", "refresh feeds")),
		Sources:     key.NewBinding(key.WithKeys("f"), key.WithHelp("f", "sources: feeds, outlets, tags, searches")),
		Order:       key.NewBinding(key.WithKeys("ctrl+o"), key.WithHelp("ctrl+o", "matches newest/best first")),
		NextUnread:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next unread")),
		MarkAllRead: key.NewBinding(key.WithKeys("A"), key.WithHelp("A", "mark all in view read")),
		Undo:        key.NewBinding(key.WithKeys("U"), key.WithHelp("U", "undo mark-all/delete")),
		Tags:        key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "edit tags")),
		Delete:      key.NewBinding(key.WithKeys("d"), key.WithHelp("d", "delete")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:        key.NewBinding(key.WithKeys("q"), key.WithHelp("q", "quit")),
	}
}

// PickerKeys are the bindings of the panels that pick one line (sources,
// links in the text).
type PickerKeys struct {
	Up, Down, PageUp, PageDown, Top, Bottom key.Binding
	Choose, Close                           key.Binding
}

// DefaultPickerKeys returns the bindings of the panels that pick one line.
func DefaultPickerKeys() PickerKeys {
	return PickerKeys{
		Up:       key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "up")),
		Down:     key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "down")),
		PageUp:   key.NewBinding(key.WithKeys("pgup", "b"), key.WithHelp("pgup/b", "page up")),
		PageDown: key.NewBinding(key.WithKeys("pgdown", "space"), key.WithHelp("pgdn/space", "page down")),
		Top:      key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "first")),
		Bottom:   key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "last")),
		Choose:   key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "choose")),
		Close:    key.NewBinding(key.WithKeys("esc", "f", "q"), key.WithHelp("esc/f", "close")),
	}
}

// move is where a navigation key puts a cursor over n lines, rows of which
// fit on screen (unchanged for any other key).
func (k PickerKeys) move(msg tea.KeyPressMsg, cursor, n, rows int) int {
	switch {
	case key.Matches(msg, k.Up):
		cursor--
	case key.Matches(msg, k.Down):
		cursor++
	case key.Matches(msg, k.PageUp):
		cursor -= rows
	case key.Matches(msg, k.PageDown):
		cursor += rows
	case key.Matches(msg, k.Top):
		cursor = 0
	case key.Matches(msg, k.Bottom):
		cursor = n - 1
	}
	return max(min(cursor, n-1), 0)
}

// DefaultAppKeys returns the bindings of every screen.
func DefaultAppKeys() AppKeys {
	return AppKeys{ForceQuit: key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit"))}
}

// DefaultFilterKeys returns the filter input's bindings.
func DefaultFilterKeys() FilterKeys {
	return FilterKeys{
		Submit: key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "open the selection")),
		Cancel: key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "clear the filter")),
		Move:   key.NewBinding(key.WithKeys("up", "down", "pgup", "pgdown"), key.WithHelp("↑/↓", "move")),
	}
}

// DefaultReaderKeys returns the reader bindings.
func DefaultReaderKeys() ReaderKeys {
	return ReaderKeys{
		Up:          key.NewBinding(key.WithKeys("up", "k"), key.WithHelp("↑/k", "scroll up")),
		Down:        key.NewBinding(key.WithKeys("down", "j"), key.WithHelp("↓/j", "scroll down")),
		PageDown:    key.NewBinding(key.WithKeys("space", "pgdown", "f"), key.WithHelp("space/pgdn", "page down")),
		PageUp:      key.NewBinding(key.WithKeys("b", "pgup"), key.WithHelp("b/pgup", "page up")),
		Top:         key.NewBinding(key.WithKeys("g", "home"), key.WithHelp("g", "top")),
		Bottom:      key.NewBinding(key.WithKeys("G", "end"), key.WithHelp("G", "bottom")),
		NextLink:    key.NewBinding(key.WithKeys("tab"), key.WithHelp("tab", "next link")),
		PrevLink:    key.NewBinding(key.WithKeys("shift+tab"), key.WithHelp("shift+tab", "previous link")),
		Follow:      key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "follow link")),
		FollowN:     key.NewBinding(key.WithKeys("1", "2", "3", "4", "5", "6", "7", "8", "9"), key.WithHelp("1-9", "follow nth link")),
		Back:        key.NewBinding(key.WithKeys("backspace", "h", "alt+left"), key.WithHelp("⌫/h", "back")),
		Forward:     key.NewBinding(key.WithKeys("l", "alt+right"), key.WithHelp("l", "forward")),
		Close:       key.NewBinding(key.WithKeys("esc", "q"), key.WithHelp("esc/q", "to list")),
		OpenURL:     key.NewBinding(key.WithKeys("o"), key.WithHelp("o", "open in browser")),
		Star:        key.NewBinding(key.WithKeys("s"), key.WithHelp("s", "star")),
		Find:        key.NewBinding(key.WithKeys("/"), key.WithHelp("/", "find in article")),
		NextMatch:   key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next match"), key.WithDisabled()),
		PrevMatch:   key.NewBinding(key.WithKeys("N"), key.WithHelp("N", "previous match"), key.WithDisabled()),
		EndFind:     key.NewBinding(key.WithKeys("esc"), key.WithHelp("esc", "end find"), key.WithDisabled()),
		KeepFind:    key.NewBinding(key.WithKeys("enter"), key.WithHelp("enter", "keep matches")),
		NextArticle: key.NewBinding(key.WithKeys("J"), key.WithHelp("J", "next article")),
		PrevArticle: key.NewBinding(key.WithKeys("K"), key.WithHelp("K", "previous article")),
		NextUnread:  key.NewBinding(key.WithKeys("n"), key.WithHelp("n", "next unread")),
		Tags:        key.NewBinding(key.WithKeys("t"), key.WithHelp("t", "edit tags")),
		BodyLinks:   key.NewBinding(key.WithKeys("u"), key.WithHelp("u", "links in the text")),
		Story:       key.NewBinding(key.WithKeys("T"), key.WithHelp("T", "story thread")),
		People:      key.NewBinding(key.WithKeys("p"), key.WithHelp("p", "people and outlet")),
		Help:        key.NewBinding(key.WithKeys("?"), key.WithHelp("?", "help")),
		Quit:        key.NewBinding(key.WithKeys("ctrl+c"), key.WithHelp("ctrl+c", "quit")),
	}
}

// forFind enables the keys that move between a find's matches and end it,
// while a find is active (n and esc mean something else otherwise).
func (k ReaderKeys) forFind(active bool) ReaderKeys {
	k.NextMatch.SetEnabled(active)
	k.PrevMatch.SetEnabled(active)
	k.EndFind.SetEnabled(active)
	return k
}

// nthKey is the position of the key msg among b's keys, -1 when it is not
// one of them (FollowN: "3" is the third related link).
func nthKey(msg tea.KeyPressMsg, b key.Binding) int {
	return slices.Index(b.Keys(), msg.String())
}

// ShortHelp is the list's status-line help.
func (k ListKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.Open, k.Filter, k.Star, k.ToggleRead, k.Help, k.Quit}
}

// FullHelp is the list's help overlay.
func (k ListKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageUp, k.PageDown, k.Top, k.Bottom},
		{k.Open, k.Filter, k.Clear, k.Order, k.Sources},
		{k.NextUnread, k.Star, k.ToggleRead, k.MarkAllRead, k.Undo, k.Tags, k.Delete},
		{k.Refresh, k.Help, k.Quit},
	}
}

// ShortHelp is the reader's status-line help.
func (k ReaderKeys) ShortHelp() []key.Binding {
	return []key.Binding{k.NextMatch, k.PrevMatch, k.EndFind, k.NextLink, k.Follow, k.Back, k.Forward, k.Close, k.Help}
}

// FullHelp is the reader's help overlay.
func (k ReaderKeys) FullHelp() [][]key.Binding {
	return [][]key.Binding{
		{k.Up, k.Down, k.PageDown, k.PageUp, k.Top, k.Bottom},
		{k.NextLink, k.PrevLink, k.Follow, k.FollowN, k.Back, k.Forward},
		{k.NextArticle, k.PrevArticle, k.NextUnread, k.BodyLinks, k.Story, k.People},
		{k.Find, k.NextMatch, k.PrevMatch, k.EndFind},
		{k.Close, k.OpenURL, k.Star, k.Tags, k.Help, k.Quit},
	}
}

func keyMatches(msg tea.KeyPressMsg, b key.Binding) bool { return key.Matches(msg, b) }
