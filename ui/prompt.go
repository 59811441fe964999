package ui

import (
	"strings"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
)

// askMsg asks the root to put a question in the status line: yes/no, or
// (with edit) a line to edit that starts as value. answer runs on yes or on
// the edited line; complete, when set, completes the line on tab.
type askMsg struct {
	question string
	edit     bool
	value    string
	complete func(string) string
	answer   func(string) tea.Cmd
}

// promptModel is the status line's question while one is open.
type promptModel struct {
	keys  PromptKeys
	ask   askMsg
	open  bool
	input textinput.Model
}

func newPromptModel(steadyCursor bool) promptModel {
	in := newInput(steadyCursor)
	in.CharLimit = 500
	return promptModel{keys: DefaultPromptKeys(), input: in}
}

// start opens a question.
func (p promptModel) start(ask askMsg, width int) (promptModel, tea.Cmd) {
	p.ask, p.open = ask, true
	if !ask.edit {
		return p, nil
	}
	p.input.Prompt = ask.question + " "
	p.input.SetWidth(max(width-len(ask.question)-2, 10))
	p.input.SetValue(ask.value)
	p.input.CursorEnd()
	return p, p.input.Focus()
}

// update takes a key: the answer's command when answered, nil and closed
// when cancelled.
func (p promptModel) update(msg tea.KeyPressMsg) (promptModel, tea.Cmd) {
	k := p.keys
	if !p.ask.edit {
		p.open = false
		if key.Matches(msg, k.Yes) {
			return p, p.ask.answer("")
		}
		return p, statusCmd("cancelled")
	}
	switch {
	case key.Matches(msg, k.Cancel):
		p.open = false
		p.input.Blur()
		return p, statusCmd("cancelled")
	case key.Matches(msg, k.Submit):
		p.open = false
		p.input.Blur()
		return p, p.ask.answer(p.input.Value())
	case key.Matches(msg, k.Complete):
		if p.ask.complete != nil {
			p.input.SetValue(p.ask.complete(p.input.Value()))
			p.input.CursorEnd()
		}
		return p, nil
	}
	var cmd tea.Cmd
	p.input, cmd = p.input.Update(msg)
	return p, cmd
}

// view is the status line while the question is open.
func (p promptModel) view(st Styles) string {
	if p.ask.edit {
		return p.input.View()
	}
	return st.FilterLabel.Render(p.ask.question) + st.Dim.Render(" (y/n)")
}

// newInput is a text input; steadyCursor keeps its cursor from blinking
// (Options.SteadyCursor).
func newInput(steadyCursor bool) textinput.Model {
	in := textinput.New()
	if steadyCursor {
		st := in.Styles()
		st.Cursor.Blink = false
		in.SetStyles(st)
	}
	return in
}

// splitTags reads a comma-separated line of tags, dropping empty ones and
// repeats (any case).
func splitTags(line string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range strings.Split(line, ",") {
		t = strings.Join(strings.Fields(t), " ")
		if t == "" || seen[strings.ToLower(t)] {
			continue
		}
		seen[strings.ToLower(t)] = true
		out = append(out, t)
	}
	return out
}

// completeTag completes the last tag of a comma-separated line with the
// first known tag that starts with it (any case), as typed so far.
func completeTag(known []string) func(string) string {
	return func(line string) string {
		cut := strings.LastIndex(line, ",") + 1
		head, last := line[:cut], strings.TrimLeft(line[cut:], " ")
		if last == "" {
			return line
		}
		for _, k := range known {
			if len(k) > len(last) && strings.HasPrefix(strings.ToLower(k), strings.ToLower(last)) {
				if head != "" {
					head += " "
				}
				return head + k
			}
		}
		return line
	}
}
