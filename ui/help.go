package ui

import (
	"strings"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// filterHelp is the filter's query language in short (the README has it
// whole).
const filterHelp = `words "a phrase" prefix* -excluded
title:  source:  author:  tag:  after:2025-06-01  before:
is:unread  is:read  is:starred  has:links`

// helpView is the help overlay, generated from the screen's key bindings.
func (m Model) helpView() string {
	var keys help.KeyMap = m.list.keys
	title := "List keys"
	if m.screen == screenReader {
		keys, title = m.reader.keys.forFind(true), "Reader keys"
	}
	room := max(m.width-4, 20) // the overlay's border and padding
	body := m.styles.Section.Render(title) + "\n\n" + helpColumns(m.help, keys.FullHelp(), room)
	if m.screen != screenReader {
		body += "\n\n" + m.styles.Section.Render("Filter") + " " + filterHelp
	}
	box := m.styles.Overlay.Render(body + "\n\n" + m.styles.Dim.Render("press any key to close"))
	return lipgloss.Place(m.width, max(m.height-2, 1), lipgloss.Center, lipgloss.Center, box)
}

// helpGap separates the columns of the help overlay.
const helpGap = "   "

// helpColumns lays out groups of bindings as columns side by side, starting
// a new row of columns where the next would not fit in width, so no key is
// cut off on a narrow terminal.
func helpColumns(h help.Model, groups [][]key.Binding, width int) string {
	h.ShowAll = true
	h.SetWidth(0)
	var rows []string
	var row []string
	rowWidth := 0
	for _, g := range groups {
		col := h.FullHelpView([][]key.Binding{g})
		if col == "" {
			continue
		}
		w := lipgloss.Width(col)
		if len(row) > 0 && rowWidth+len(helpGap)+w > width {
			rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
			row, rowWidth = nil, 0
		}
		if len(row) > 0 {
			row = append(row, helpGap)
			rowWidth += len(helpGap)
		}
		row = append(row, col)
		rowWidth += w
	}
	if len(row) > 0 {
		rows = append(rows, lipgloss.JoinHorizontal(lipgloss.Top, row...))
	}
	out := strings.Join(rows, "\n\n")
	lines := strings.Split(out, "\n")
	for i := range lines {
		lines[i] = ansi.Truncate(lines[i], width, "…")
	}
	return strings.Join(lines, "\n")
}
