package ui

import (
	"fmt"
	"strings"

	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/x/ansi"

	"kabar/articles"
)

// maxWrap is the widest the reader wraps an article body.
const maxWrap = 100

// followMsg asks the root to follow a link to a stored article.
type followMsg struct{ id int64 }

// searchTitleMsg asks the root to search the library for a title that a link
// names but the library does not hold.
type searchTitleMsg struct{ title string }

// link is one followable line of the reader: a related ref, a backlink or
// a similar article.
type link struct {
	ref      *articles.Ref
	backlink *articles.Backlink
	similar  *articles.Similar
}

func (l link) target() int64 {
	switch {
	case l.backlink != nil:
		return l.backlink.ID
	case l.similar != nil:
		return l.similar.ID
	}
	return l.ref.Target
}

func (l link) label() string {
	switch {
	case l.backlink != nil:
		return l.backlink.Title
	case l.similar != nil:
		return l.similar.Title
	}
	if l.ref.Title != "" {
		return l.ref.Title
	}
	return l.ref.URL
}

// readerModel is the reader screen: one article's header, rendered body and
// links, scrolled as a list of lines.
type readerModel struct {
	keys ReaderKeys

	width, height int
	article       articles.Stored
	loaded        bool
	body          []string // rendered body lines; nil until rendered
	bodyPending   bool     // more of the body is still rendering
	links         []link
	similar       []articles.Similar // the Similar section; nil until found
	selected      int                // index into links, -1 for none

	lines    []string // header + body + link sections
	linkLine []int    // line of each link in lines
	scroll   int
	want     int    // a position asked for before the body was long enough
	find     finder // the find in the article (/), if any
}

func newReaderModel(steadyCursor bool) readerModel {
	return readerModel{keys: DefaultReaderKeys(), selected: -1, find: newFinder(steadyCursor)}
}

// viewHeight is how many content lines fit between the title bar and the
// status line.
// setSize fits the reader to the window and lays out its text again.
func (m readerModel) setSize(w, h int, st Styles) readerModel {
	m.width, m.height = w, h
	m.compose(st)
	return m
}

// restyle lays out the reader's text in new styles (the terminal's
// background became known).
func (m readerModel) restyle(st Styles) readerModel {
	m.compose(st)
	return m
}

// setTags shows an article's new tags, if it is the one shown.
func (m readerModel) setTags(id int64, tags []string, st Styles) readerModel {
	if m.loaded && m.article.ID == id {
		m.article.Tags = tags
		m.compose(st)
	}
	return m
}

// toggleStar stars or unstars the article shown and returns its new state.
func (m readerModel) toggleStar() (readerModel, bool) {
	m.article.Starred = !m.article.Starred
	return m, m.article.Starred
}

func (m readerModel) viewHeight() int { return max(m.height-2, 1) }

// wrapWidth is the width bodies are rendered at for a terminal width.
func wrapWidth(termWidth int) int { return max(min(termWidth-2, maxWrap), 10) }

// show puts a freshly loaded article in the reader, at scroll.
func (m readerModel) show(a articles.Stored, scroll int, st Styles) readerModel {
	m.article, m.loaded = a, true
	m.body, m.similar = nil, nil
	m.links = m.gatherLinks()
	m.selected = -1
	m.find = m.find.end()
	m.keys = m.keys.forFind(false)
	m.scroll, m.want, m.bodyPending = scroll, scroll, false
	m.compose(st)
	return m
}

// gatherLinks lists the followable lines: related links, backlinks, then
// the similar articles that are neither.
func (m readerModel) gatherLinks() []link {
	a := &m.article
	links := make([]link, 0, len(a.Related)+len(a.ReferencedBy)+len(m.similar))
	linked := map[int64]bool{}
	for i := range a.Related {
		links = append(links, link{ref: &a.Related[i]})
		linked[a.Related[i].Target] = true
	}
	for i := range a.ReferencedBy {
		links = append(links, link{backlink: &a.ReferencedBy[i]})
		linked[a.ReferencedBy[i].ID] = true
	}
	for i := range m.similar {
		if !linked[m.similar[i].ID] {
			links = append(links, link{similar: &m.similar[i]})
		}
	}
	return links
}

// setSimilar shows the articles similar to article id, if it is the one
// shown; the link selected stays selected.
func (m readerModel) setSimilar(id int64, found []articles.Similar, st Styles) readerModel {
	if !m.loaded || m.article.ID != id {
		return m
	}
	m.similar = found
	if m.similar == nil {
		m.similar = []articles.Similar{}
	}
	m.links = m.gatherLinks()
	m.compose(st)
	return m
}

// setBody installs a rendered body, or while pending the part rendered so
// far; a position asked for earlier is reached once the body is long enough.
func (m readerModel) setBody(out string, pending bool, st Styles) readerModel {
	m.body, m.bodyPending = strings.Split(out, "\n"), pending
	m.compose(st)
	if !pending {
		m.want = 0
	}
	return m
}

// needsMore reports whether the body rendered so far ends within ahead
// screens of the position shown (or asked for).
func (m readerModel) needsMore(ahead int) bool {
	return m.bodyPending && len(m.lines) < max(m.scroll, m.want)+(ahead+1)*m.viewHeight()
}

// compose lays out the header, body and link sections as lines.
func (m *readerModel) compose(st Styles) {
	w := wrapWidth(m.width)
	var lines []string
	lines = append(lines, wrapLines(st.Title.Render, m.article.Title, w)...)
	if meta := m.metaLine(); meta != "" {
		lines = append(lines, wrapLines(st.Meta.Render, meta, w)...)
	}
	lines = append(lines, "")
	switch {
	case m.body != nil:
		lines = append(lines, m.body...)
		if m.bodyPending {
			lines = append(lines, "", st.Dim.Render("rendering…"))
		}
	case strings.TrimSpace(m.article.Body) == "":
		lines = append(lines, st.Dim.Render("(this article has no text)"))
	default:
		lines = append(lines, st.Dim.Render("rendering…"))
	}
	m.linkLine = m.linkLine[:0]
	for i, l := range m.links {
		if i == 0 || linkSection(m.links[i-1]) != linkSection(l) {
			lines = append(lines, "", st.Section.Render(linkSection(l)))
		}
		m.linkLine = append(m.linkLine, len(lines))
		lines = append(lines, m.linkText(st, i, w))
	}
	m.lines = lines
	m.scroll = max(min(max(m.scroll, m.want), m.maxScroll()), 0)
	if m.find.active() {
		m.find = m.find.locate(m.lines)
	}
}

// linkSection is the heading of the section a link is listed under.
func linkSection(l link) string {
	switch {
	case l.backlink != nil:
		return "Referenced by"
	case l.similar != nil:
		return "Similar"
	}
	return "Related"
}

func (m readerModel) metaLine() string {
	var parts []string
	a := m.article
	if a.Source != "" {
		parts = append(parts, a.Source)
	}
	if !a.Published.IsZero() {
		layout := "Mon, 2 Jan 2006 15:04"
		if a.Published.Hour() == 0 && a.Published.Minute() == 0 {
			layout = "Mon, 2 Jan 2006"
		}
		parts = append(parts, a.Published.Format(layout))
	}
	if len(a.Authors) > 0 {
		parts = append(parts, "by "+strings.Join(a.Authors, ", "))
	}
	if len(a.Editors) > 0 {
		parts = append(parts, "ed. "+strings.Join(a.Editors, ", "))
	}
	if len(a.Tags) > 0 {
		parts = append(parts, "#"+strings.Join(a.Tags, " #"))
	}
	return strings.Join(parts, " · ")
}

// linkText draws one link line: its number, title and resolution.
func (m readerModel) linkText(st Styles, i, width int) string {
	l := m.links[i]
	num := fmt.Sprintf("%2d. ", i+1)
	switch {
	case l.backlink != nil:
		num = "  ← "
	case l.similar != nil:
		num = "  ≈ "
	}
	var mark string
	switch {
	case l.backlink != nil:
		mark = st.Resolved.Render("in library")
	case l.similar != nil:
		mark = st.Dim.Render(similarNote(*l.similar))
	case l.ref.Target == 0:
		mark = st.Missing.Render("not in library")
	case l.ref.Match == articles.MatchAmbiguous:
		mark = st.Ambiguous.Render("ambiguous → newest")
	default:
		mark = st.Resolved.Render("in library (" + string(l.ref.Match) + ")")
	}
	style := st.Link
	if i == m.selected {
		style = st.LinkSelected
		num = "▶" + num[1:]
	}
	room := max(width-ansi.StringWidth(num)-ansi.StringWidth(mark)-2, 8)
	return style.Render(num+ansi.Truncate(l.label(), room, "…")) + "  " + mark
}

// similarNote says how a similar article is like the one shown: the same
// story in another outlet, or its outlet, date and likeness.
func similarNote(f articles.Similar) string {
	var parts []string
	if f.SameStory {
		parts = append(parts, "same story")
	}
	if f.Source != "" {
		parts = append(parts, f.Source)
	}
	if !f.Published.IsZero() {
		parts = append(parts, f.Published.Format("2 Jan 2006"))
	}
	if !f.SameStory {
		parts = append(parts, fmt.Sprintf("%.0f%%", 100*f.Score))
	}
	return strings.Join(parts, " · ")
}

// wrapLines wraps text to width and styles each line.
func wrapLines(style func(...string) string, text string, width int) []string {
	wrapped := ansi.Wordwrap(text, width, " -")
	wrapped = ansi.Hardwrap(wrapped, width, true)
	out := strings.Split(wrapped, "\n")
	for i := range out {
		out[i] = style(out[i])
	}
	return out
}

func (m readerModel) maxScroll() int { return max(len(m.lines)-m.viewHeight(), 0) }

func (m readerModel) scrollBy(n int) readerModel {
	m.want = 0 // the reader moved: a position asked for earlier is moot
	m.scroll = max(min(m.scroll+n, m.maxScroll()), 0)
	return m
}

// update handles reader keys and the mouse wheel.
func (m readerModel) update(msg tea.Msg, st Styles) (readerModel, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			return m.scrollBy(-3), nil
		case tea.MouseWheelDown:
			return m.scrollBy(3), nil
		}
	case tea.KeyPressMsg:
		return m.key(msg, st)
	}
	return m, nil
}

// takesKey reports whether the reader handles msg itself before the root
// sees it: typing a find, or moving between and ending its matches.
func (m readerModel) takesKey(msg tea.KeyPressMsg) bool {
	k := m.keys
	return m.find.typing || key.Matches(msg, k.NextMatch, k.PrevMatch, k.EndFind)
}

func (m readerModel) key(msg tea.KeyPressMsg, st Styles) (readerModel, tea.Cmd) {
	k := m.keys
	if m.find.typing {
		return m.findKey(msg)
	}
	switch {
	case key.Matches(msg, k.Find):
		var cmd tea.Cmd
		m.find, cmd = m.find.begin()
		m.keys = m.keys.forFind(true)
		return m, cmd
	case key.Matches(msg, k.NextMatch):
		m.find = m.find.step(1)
		return m.toMatch(), nil
	case key.Matches(msg, k.PrevMatch):
		m.find = m.find.step(-1)
		return m.toMatch(), nil
	case key.Matches(msg, k.EndFind):
		m.find = m.find.end()
		m.keys = m.keys.forFind(false)
		return m, nil
	case key.Matches(msg, k.Up):
		return m.scrollBy(-1), nil
	case key.Matches(msg, k.Down):
		return m.scrollBy(1), nil
	case key.Matches(msg, k.PageDown):
		return m.scrollBy(m.viewHeight() - 1), nil
	case key.Matches(msg, k.PageUp):
		return m.scrollBy(-(m.viewHeight() - 1)), nil
	case key.Matches(msg, k.Top):
		m.scroll = 0
		return m, nil
	case key.Matches(msg, k.Bottom):
		m.scroll = m.maxScroll()
		return m, nil
	case key.Matches(msg, k.NextLink):
		return m.selectLink(1, st), nil
	case key.Matches(msg, k.PrevLink):
		return m.selectLink(-1, st), nil
	case key.Matches(msg, k.Follow):
		return m.follow(m.selected)
	case key.Matches(msg, k.FollowN):
		n := nthKey(msg, k.FollowN)
		if n < 0 || n >= len(m.article.Related) {
			return m, statusCmd(fmt.Sprintf("this article has %d related links", len(m.article.Related)))
		}
		m.selected = n
		m.compose(st)
		return m.follow(n)
	}
	return m, nil
}

// findKey handles a key while the find input has focus: esc ends the find,
// enter keeps its matches for n/N, anything else is typed, and the reader
// jumps to the first match from where it is.
func (m readerModel) findKey(msg tea.KeyPressMsg) (readerModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.EndFind):
		m.find = m.find.end()
		m.keys = m.keys.forFind(false)
		return m, nil
	case key.Matches(msg, m.keys.KeepFind):
		m.find = m.find.settle()
		m.keys = m.keys.forFind(m.find.active())
		return m, nil
	}
	var cmd tea.Cmd
	var changed bool
	m.find, cmd, changed = m.find.typed(msg)
	if changed {
		m.find = m.find.locate(m.lines).from(m.scroll)
		m = m.toMatch()
	}
	return m, cmd
}

// toMatch scrolls the current match into view (to the middle of the screen
// when it was off it).
func (m readerModel) toMatch() readerModel {
	line, ok := m.find.currentLine()
	if !ok {
		return m
	}
	if line < m.scroll || line >= m.scroll+m.viewHeight() {
		m.want = 0
		m.scroll = max(min(line-m.viewHeight()/2, m.maxScroll()), 0)
	}
	return m
}

// selectLink moves the link selection and scrolls it into view.
func (m readerModel) selectLink(delta int, st Styles) readerModel {
	if len(m.links) == 0 {
		return m
	}
	m.selected = (m.selected + delta + len(m.links) + 1) % (len(m.links) + 1)
	if m.selected == len(m.links) {
		m.selected = -1
	}
	if m.selected < 0 && delta < 0 {
		m.selected = len(m.links) - 1
	}
	m.compose(st)
	if m.selected >= 0 {
		line := m.linkLine[m.selected]
		if line < m.scroll || line >= m.scroll+m.viewHeight() {
			m.scroll = max(min(line-m.viewHeight()/2, m.maxScroll()), 0)
		}
	}
	return m
}

// follow follows link i: to the stored article, or, for a link the library
// does not hold, to an offer to search for its title.
func (m readerModel) follow(i int) (readerModel, tea.Cmd) {
	if i < 0 || i >= len(m.links) {
		if len(m.links) == 0 {
			return m, statusCmd("this article has no related links")
		}
		return m, statusCmd("select a link with tab, or press its number")
	}
	l := m.links[i]
	if id := l.target(); id != 0 {
		return m, func() tea.Msg { return followMsg{id: id} }
	}
	if title := l.ref.Title; title != "" {
		return m, func() tea.Msg { return searchTitleMsg{title: title} }
	}
	return m, statusCmd("“" + l.label() + "” is not in the library — press o on an article to open it on the web")
}

// view draws the visible lines, a find's matches highlighted.
func (m readerModel) view(st Styles) string {
	h := m.viewHeight()
	end := min(m.scroll+h, len(m.lines))
	var b strings.Builder
	for i := m.scroll; i < end; i++ {
		if i > m.scroll {
			b.WriteByte('\n')
		}
		line := m.lines[i]
		if len(m.find.hits) > 0 {
			line = m.find.highlight(i, line, st)
		}
		b.WriteString(ansi.Truncate(line, m.width, ""))
	}
	for i := end - m.scroll; i < h; i++ {
		b.WriteByte('\n')
	}
	return lipgloss.NewStyle().MaxHeight(h).Render(b.String())
}

// position describes where the reader is in the article.
func (m readerModel) position() string {
	if len(m.lines) <= m.viewHeight() {
		return "all"
	}
	switch m.scroll {
	case 0:
		return "top"
	case m.maxScroll():
		return "end"
	}
	return fmt.Sprintf("%d%%", m.scroll*100/m.maxScroll())
}
