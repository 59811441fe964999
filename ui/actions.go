package ui

import (
	"context"
	"fmt"
	"strings"

	tea "charm.land/bubbletea/v2"
)

// Messages of the actions that change the library from the reader: marking
// everything read, deleting, tagging, and undoing the first two.
type (
	// markedMsg reports a mark-all-read: the ids it changed.
	markedMsg struct {
		ids []int64
		err error
	}
	// deletedMsg reports a deletion and carries its undo.
	deletedMsg struct {
		id      int64
		title   string
		restore func(context.Context) error
		err     error
	}
	// undoneMsg reports an undo.
	undoneMsg struct {
		what string
		err  error
	}
	// taggedMsg reports an article's new tags.
	taggedMsg struct {
		id   int64
		tags []string
		err  error
	}
)

// undoStep is an action U can take back: what it did, and the command that
// reverses it.
type undoStep struct {
	what string
	run  tea.Cmd
}

// confirmMarkAllRead asks before marking every article of a view read.
func confirmMarkAllRead(lib Library, query, label string) tea.Cmd {
	return func() tea.Msg {
		return askMsg{question: "Mark every article in " + label + " read?", answer: func(string) tea.Cmd {
			return func() tea.Msg {
				ctx, cancel := withTimeout()
				defer cancel()
				ids, err := lib.MarkAllRead(ctx, query)
				return markedMsg{ids: ids, err: err}
			}
		}}
	}
}

// unmarkRead is the undo of a mark-all-read.
func unmarkRead(lib Library, ids []int64) undoStep {
	what := fmt.Sprintf("marked %d articles read", len(ids))
	return undoStep{what: what, run: func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		return undoneMsg{what: what, err: lib.SetReadOf(ctx, ids, false)}
	}}
}

// confirmDelete asks before deleting an article.
func confirmDelete(lib Library, id int64, title string) tea.Cmd {
	return func() tea.Msg {
		return askMsg{question: "Delete “" + title + "”?", answer: func(string) tea.Cmd {
			return func() tea.Msg {
				ctx, cancel := withTimeout()
				defer cancel()
				restore, err := lib.Discard(ctx, id)
				return deletedMsg{id: id, title: title, restore: restore, err: err}
			}
		}}
	}
}

// undelete is the undo of a deletion.
func undelete(msg deletedMsg) undoStep {
	what := "deleted “" + msg.title + "”"
	return undoStep{what: what, run: func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		return undoneMsg{what: what, err: msg.restore(ctx)}
	}}
}

// editTags loads the tags in use (for completion) and asks for an
// article's tags as a comma-separated line.
func editTags(lib Library, id int64, current []string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		known, err := lib.TagNames(ctx)
		if err != nil {
			return errorMsg{fmt.Errorf("load tags: %w", err)}
		}
		return askMsg{question: "tags:", edit: true, value: strings.Join(current, ", "), complete: completeTag(known),
			answer: func(line string) tea.Cmd { return saveTags(lib, id, splitTags(line)) }}
	}
}

func saveTags(lib Library, id int64, tags []string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		return taggedMsg{id: id, tags: tags, err: lib.SetTags(ctx, id, tags)}
	}
}
