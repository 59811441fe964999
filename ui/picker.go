package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"
)

// picker is the state every one-line-picking panel over the reader shares
// (links in the text, story thread, people and outlet): its size, the line
// under the cursor and the first line shown.
type picker struct {
	keys          PickerKeys
	width, height int
	cursor        int
	offset        int
}

func newPicker() picker { return picker{keys: DefaultPickerKeys()} }

func (p picker) setSize(w, h int) picker {
	p.width, p.height = w, h
	return p
}

// rows is how many lines of the panel fit.
func (p picker) rows() int { return max(p.height-8, 3) }

// boxWidth is the width of the panel's text.
func (p picker) boxWidth() int { return max(min(90, p.width-6), 20) }

// at puts the cursor on line i of n.
func (p picker) at(i, n int) picker {
	p.cursor = max(min(i, n-1), 0)
	p.offset = max(p.cursor-p.rows()/2, 0)
	return p
}

// move moves the cursor over n lines for a navigation key and keeps it in
// view.
func (p picker) move(msg tea.KeyPressMsg, n int) picker {
	p.cursor = p.keys.move(msg, p.cursor, n, p.rows())
	p.offset = max(min(p.offset, p.cursor), p.cursor-p.rows()+1)
	return p
}

// box draws a panel over the reader: a heading, the lines in view (the
// cursor's selected), and a line of help.
func (p picker) box(st Styles, heading string, lines []string, help string) string {
	w := p.boxWidth()
	var b strings.Builder
	b.WriteString(st.Section.Render(ansi.Truncate(heading, w, "…")))
	end := min(p.offset+p.rows(), len(lines))
	for i := p.offset; i < end; i++ {
		cursor, style := "  ", st.Row
		if i == p.cursor {
			cursor, style = "▌ ", st.RowSelected
		}
		b.WriteString("\n" + cursor + style.Render(ansi.Truncate(lines[i], w-2, "…")))
	}
	box := st.Overlay.Render(b.String() + "\n\n" + st.Dim.Render(help))
	return lipgloss.Place(p.width, max(p.height-2, 1), lipgloss.Center, lipgloss.Center, box)
}
