package ui

import (
	"strings"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"
)

// Bodies are rendered with glamour off the event loop, one part at a time:
// a long body is cut into parts of about renderPartBytes, only one part is
// ever rendering, and parts are rendered only as far as the reader is
// about to show. A resize or another article makes the rendering stale; it
// stops at the end of the part in flight, so a resize storm over a huge
// article costs one part per settled size, not one whole body per size.
const (
	// renderPartBytes is about how much Markdown one render call takes.
	renderPartBytes = 16 << 10
	// renderAhead is how many screens below the reader's position a long
	// body is rendered ahead of it.
	renderAhead = 3
	// renderCacheBytes bounds the finished renderings kept for going back
	// and forth; a rendering larger than that is not kept.
	renderCacheBytes = 32 << 20
)

// renderKey identifies one rendering of an article body.
type renderKey struct {
	id    int64
	width int
	style string
}

// renderCache keeps finished renderings within a byte budget, dropping the
// oldest first.
type renderCache struct {
	budget int
	size   int
	items  map[renderKey]string
	order  []renderKey
}

func newRenderCache(budget int) renderCache {
	return renderCache{budget: budget, items: map[renderKey]string{}}
}

func (c renderCache) get(k renderKey) (string, bool) {
	out, ok := c.items[k]
	return out, ok
}

// put keeps a rendering unless it alone is over the budget.
func (c *renderCache) put(k renderKey, out string) {
	if _, ok := c.items[k]; ok || len(out) > c.budget {
		return
	}
	for c.size+len(out) > c.budget && len(c.order) > 0 {
		c.size -= len(c.items[c.order[0]])
		delete(c.items, c.order[0])
		c.order = c.order[1:]
	}
	c.items[k] = out
	c.order = append(c.order, k)
	c.size += len(out)
}

// len is how many renderings are kept.
func (c renderCache) len() int { return len(c.items) }

// renderJob is the rendering of one body at one key: the body's parts and
// the parts rendered so far.
type renderJob struct {
	key      renderKey
	parts    []string
	done     []string
	inFlight bool // a part is rendering; its message has not arrived
}

func (j renderJob) finished() bool { return len(j.done) == len(j.parts) }

func (j renderJob) output() string { return strings.Join(j.done, "\n\n") }

// renderPartMsg carries one rendered part of a body.
type renderPartMsg struct {
	key  renderKey
	part int
	out  string
	err  error
}

// renderPart renders one part of a body; styleJSON, when set, is the
// glamour style file the key's style names.
func renderPart(key renderKey, part int, markdown string, styleJSON []byte) tea.Cmd {
	return func() tea.Msg {
		style := glamour.WithStandardStyle(key.style)
		if styleJSON != nil {
			style = glamour.WithStylesFromJSONBytes(styleJSON)
		}
		out, err := renderWith(markdown, key.width, style)
		return renderPartMsg{key: key, part: part, out: out, err: err}
	}
}

// renderCurrent shows the reader's body at the current key: from the cache,
// or by starting (or going on with) its rendering.
func (m Model) renderCurrent() (Model, tea.Cmd) {
	if !m.reader.loaded || m.width == 0 || strings.TrimSpace(m.reader.article.Body) == "" {
		return m, nil
	}
	k := m.currentKey()
	if out, ok := m.renders.get(k); ok {
		m.reader = m.reader.setBody(out, false, m.styles)
		return m, nil
	}
	if m.job.key != k || m.job.parts == nil {
		inFlight := m.job.inFlight
		m.job = renderJob{key: k, parts: splitMarkdown(m.reader.article.Body, renderPartBytes), inFlight: inFlight}
	}
	return m.renderMore()
}

// renderMore starts the next part of the current rendering when none is in
// flight and the reader will soon need it.
func (m Model) renderMore() (Model, tea.Cmd) {
	j := &m.job
	if j.inFlight || j.parts == nil || j.finished() || j.key != m.currentKey() {
		return m, nil
	}
	if len(j.done) > 0 && !m.reader.needsMore(renderAhead) {
		return m, nil
	}
	j.inFlight = true
	return m, renderPart(j.key, len(j.done), j.parts[len(j.done)], m.opts.Settings.glamourJSON)
}

// partRendered takes a rendered part: it joins the current rendering (and
// shows), or it is stale and dropped; either way the next part may start.
func (m Model) partRendered(msg renderPartMsg) (tea.Model, tea.Cmd) {
	m.job.inFlight = false
	if msg.key != m.job.key || msg.part != len(m.job.done) {
		return m.renderMore() // stale: a resize or another article since
	}
	if msg.err != nil {
		m.status = failure(msg.err)
		m.job = renderJob{}
		return m, nil
	}
	m.job.done = append(m.job.done, msg.out)
	out, finished := m.job.output(), m.job.finished()
	if finished {
		m.renders.put(m.job.key, out)
	}
	if msg.key == m.currentKey() {
		m.reader = m.reader.setBody(out, !finished, m.styles)
	}
	return m.renderMore()
}

// splitMarkdown cuts a body into parts of about size bytes at blank lines
// outside code fences (at line ends, or spaces, where a paragraph or line
// is longer). A body of at most size bytes is one part.
func splitMarkdown(body string, size int) []string {
	if len(body) <= size {
		return []string{body}
	}
	var parts []string
	for len(body) > size {
		cut := cutPoint(body, size)
		parts = append(parts, strings.TrimRight(body[:cut], "\n"))
		body = strings.TrimLeft(body[cut:], "\n")
	}
	if strings.TrimSpace(body) != "" {
		parts = append(parts, body)
	}
	return parts
}

// cutPoint is where the first part of body ends: the last blank line before
// size outside a code fence, else the last line end, else the last space,
// else size itself (on a rune boundary).
func cutPoint(body string, size int) int {
	blank, lineEnd, inFence := -1, -1, false
	for i := 0; i < size; {
		j := strings.IndexByte(body[i:size], '\n')
		if j < 0 {
			break
		}
		line := strings.TrimSpace(body[i : i+j])
		if strings.HasPrefix(line, "```") || strings.HasPrefix(line, "~~~") {
			inFence = !inFence
		}
		i += j + 1
		lineEnd = i
		if line == "" && !inFence {
			blank = i
		}
	}
	switch {
	case blank > 0:
		return blank
	case lineEnd > 0:
		return lineEnd
	}
	if sp := strings.LastIndexByte(body[:size], ' '); sp > 0 {
		return sp + 1
	}
	for size > 0 && body[size]&0xc0 == 0x80 {
		size-- // never cut a character in two
	}
	return max(size, 1)
}
