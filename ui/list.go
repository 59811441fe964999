package ui

import (
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/key"
	"charm.land/bubbles/v2/textinput"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kabar/articles"
	"kabar/ui/safe"
)

// pageSize is how many list rows one store query fetches.
const pageSize = 100

// maxCachedPages bounds the pages a list keeps in memory.
const maxCachedPages = 8

// openArticleMsg asks the root to open an article in the reader.
type openArticleMsg struct{ id int64 }

// listModel is the list screen: a virtual list over the library (or a
// filter's results) that holds only the pages around the cursor.
type listModel struct {
	lib        Library
	keys       ListKeys
	filterKeys FilterKeys
	pause      time.Duration // typing pause before the filter searches

	width, height int
	counts        articles.Counts
	countsKnown   bool

	query       string          // the applied filter, narrowing the scope
	scope       articles.Source // what the sources panel chose; zero: all
	byRelevance bool            // a filter's matches best first instead of newest first
	seq         int             // filter generation; pages of other generations are stale
	total       int             // rows in the current view
	totalKnown  bool
	capped      bool // the match count passed matchCountCap
	pages       map[int][]articles.Listing
	loading     map[int]bool

	cursor, offset int

	input       textinput.Model
	typing      bool // the filter input has focus
	pendingOpen bool // enter was pressed before the filter's results arrived
	seekUnread  seek // n is looking for the next unread row in pages still loading
}

// seek is a search for the next unread row that waits for a page.
type seek struct {
	active, open bool // open: open the row found (n in the reader)
}

func newListModel(lib Library, opts Options) listModel {
	in := newInput(opts.SteadyCursor)
	in.Prompt = "/ "
	in.Placeholder = "filter: words, \"a phrase\", prefix*, -word, source:, is:unread… (? help)"
	in.CharLimit = 200
	pause := opts.FilterPause
	if pause == 0 {
		pause = filterDebounce
	}
	return listModel{lib: lib, keys: DefaultListKeys(), filterKeys: DefaultFilterKeys(), input: in, pause: pause,
		pages: map[int][]articles.Listing{}, loading: map[int]bool{}}
}

// setSize fits the list to the window.
func (m listModel) setSize(w, h int) listModel {
	m.width, m.height = w, h
	m.input.SetWidth(max(w-28, 10)) // room for "  1000+ matches · best first"
	m.clamp()
	return m
}

// search shows the results of a query as if it had been typed into the
// filter (the reader's search for a link's title).
func (m listModel) search(q string) (listModel, tea.Cmd) {
	m.input.SetValue(q)
	return m.applyFilter(q)
}

// takesText reports whether keys go to the filter input as text, so no
// single-letter command may act on them.
func (m listModel) takesText() bool { return m.typing }

// listView is what a page of the list is read from: the whole library
// (query ""), or a query's matches newest or best first; prefixLast when
// the last word is being typed.
type listView struct {
	query                   string
	prefixLast, byRelevance bool
}

// shown is the list's current listView: the scope's query narrowed by the
// filter.
func (m listModel) shown() listView {
	return listView{query: m.viewQuery(), prefixLast: m.query != "", byRelevance: m.byRelevance}
}

// viewQuery is the query of what the list shows: the scope's, and the
// filter's.
func (m listModel) viewQuery() string {
	return strings.TrimSpace(m.scope.Query + " " + m.query)
}

// exactTotal is the number of rows when it is known without a search: the
// library's or the chosen source's count, with no filter typed.
func (m listModel) exactTotal() (int, bool) {
	switch {
	case m.query != "":
		return 0, false
	case m.scope.Query == "":
		return m.counts.Total, m.countsKnown
	}
	return m.scope.Total, !m.scope.Uncounted
}

// toggleOrder switches a filter's matches between newest first and best
// first.
func (m listModel) toggleOrder() (listModel, tea.Cmd) {
	m.byRelevance = !m.byRelevance
	if m.viewQuery() == "" {
		return m, nil // takes effect with the next filter
	}
	m.seq++
	m.pages, m.loading = map[int][]articles.Listing{}, map[int]bool{0: true}
	m.cursor, m.offset = 0, 0
	return m, loadPage(m.lib, m.shown(), m.seq, 0, pageAnchor{})
}

// rows is how many list rows fit on screen.
func (m listModel) rows() int { return max(m.height-3, 1) }

// init loads the counts and the first page.
func (m listModel) init() (listModel, tea.Cmd) {
	m.loading[0] = true
	return m, loadFirstScreen(m.lib)
}

func (m listModel) item(i int) (articles.Listing, bool) {
	page, ok := m.pages[i/pageSize]
	if !ok || i%pageSize >= len(page) {
		return articles.Listing{}, false
	}
	return page[i%pageSize], true
}

// update handles the messages meant for the list.
func (m listModel) update(msg tea.Msg) (listModel, tea.Cmd) {
	switch msg := msg.(type) {
	case countsMsg:
		if msg.err != nil {
			return m, nil
		}
		grew := m.countsKnown && msg.counts.Total != m.counts.Total
		m.counts, m.countsKnown = msg.counts, true
		if m.viewQuery() == "" {
			m.total, m.totalKnown = msg.counts.Total, true
			m.clamp()
			if grew {
				return m.reload() // articles came or went: show the list as it is
			}
		}
		return m, nil
	case pageMsg:
		return m.gotPage(msg)
	case scopeCountMsg:
		if msg.seq != m.seq || msg.err != nil || msg.src.Query != m.scope.Query {
			return m, nil
		}
		m.scope = msg.src
		if n, ok := m.exactTotal(); ok {
			m.total, m.totalKnown = n, true
			m.clamp()
		}
		return m, nil
	case matchCountMsg:
		if msg.seq != m.seq || msg.query != m.viewQuery() || msg.err != nil {
			return m, nil
		}
		if msg.n > matchCountCap {
			m.capped = true // pages extend the total as the cursor goes down
			m.total = max(m.total, msg.n)
		} else {
			m.total, m.totalKnown = msg.n, true
		}
		m.clamp()
		return m, nil
	case filterDueMsg:
		if msg.seq != m.seq {
			return m, nil // typing went on; a later tick applies it
		}
		return m.applyFilter(strings.TrimSpace(m.input.Value()))
	case tea.MouseWheelMsg:
		switch msg.Button {
		case tea.MouseWheelUp:
			return m.move(-3)
		case tea.MouseWheelDown:
			return m.move(3)
		}
	case tea.KeyPressMsg:
		if key.Matches(msg, m.keys.Order) {
			return m.toggleOrder()
		}
		if m.typing {
			return m.typingKey(msg)
		}
		return m.key(msg)
	}
	return m, nil
}

func (m listModel) key(msg tea.KeyPressMsg) (listModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.keys.Up):
		return m.move(-1)
	case key.Matches(msg, m.keys.Down):
		return m.move(1)
	case key.Matches(msg, m.keys.PageUp):
		return m.move(-m.rows())
	case key.Matches(msg, m.keys.PageDown):
		return m.move(m.rows())
	case key.Matches(msg, m.keys.Top):
		return m.move(-m.cursor)
	case key.Matches(msg, m.keys.Bottom):
		return m.move(m.total - 1 - m.cursor)
	case key.Matches(msg, m.keys.Open):
		return m.open()
	case key.Matches(msg, m.keys.Filter):
		m.typing = true
		return m, m.input.Focus()
	case key.Matches(msg, m.keys.Clear):
		if m.query != "" || m.input.Value() != "" {
			m.input.SetValue("")
			return m.applyFilter("")
		}
		if m.scope.Query != "" {
			return m.applyScope(articles.Source{})
		}
	case key.Matches(msg, m.keys.Star):
		return m.toggle(func(l *articles.Listing) tea.Cmd {
			l.Starred = !l.Starred
			return saveStarred(m.lib, l.ID, l.Starred)
		})
	case key.Matches(msg, m.keys.ToggleRead):
		return m.toggle(func(l *articles.Listing) tea.Cmd {
			l.Read = !l.Read
			return saveRead(m.lib, l.ID, l.Read)
		})
	case key.Matches(msg, m.keys.NextUnread):
		return m.nextUnread(false)
	case key.Matches(msg, m.keys.MarkAllRead):
		label := "the library"
		if m.viewQuery() != "" {
			label = "this view"
		}
		return m, confirmMarkAllRead(m.lib, m.viewQuery(), label)
	case key.Matches(msg, m.keys.Tags):
		if it, ok := m.item(m.cursor); ok {
			return m, editTags(m.lib, it.ID, it.Tags)
		}
	case key.Matches(msg, m.keys.Delete):
		if it, ok := m.item(m.cursor); ok {
			return m, confirmDelete(m.lib, it.ID, it.Title)
		}
	}
	return m, nil
}

// nextUnread moves the cursor to the next unread row below it (and with
// open, opens it), loading pages on the way; it says so when there is none.
func (m listModel) nextUnread(open bool) (listModel, tea.Cmd) {
	m.seekUnread = seek{}
	for i := m.cursor + 1; i < m.total; i++ {
		it, ok := m.item(i)
		if !ok {
			p := i / pageSize
			m.seekUnread = seek{active: true, open: open}
			if m.loading[p] {
				return m, nil
			}
			m.loading[p] = true
			return m, loadPage(m.lib, m.shown(), m.seq, p, m.anchorFor(p))
		}
		if !it.Read {
			m.cursor = i
			m.clamp()
			if open {
				return m, tea.Batch(m.loadVisible(), m.openSelected())
			}
			return m, m.loadVisible()
		}
	}
	return m, statusCmd("no unread article below this one")
}

// step moves the cursor by delta and opens the row there (J and K in the
// reader), or says there is none.
func (m listModel) step(delta int) (listModel, tea.Cmd) {
	if next := m.cursor + delta; next < 0 || next >= m.total {
		return m, statusCmd("no more articles in the list this way")
	}
	m, load := m.move(delta)
	m, open := m.open()
	return m, tea.Batch(load, open)
}

// typingKey handles keys while the filter input has focus: arrows still move
// the cursor, enter opens the selected result, esc clears the filter.
func (m listModel) typingKey(msg tea.KeyPressMsg) (listModel, tea.Cmd) {
	switch {
	case key.Matches(msg, m.filterKeys.Cancel):
		m.typing = false
		m.input.Blur()
		m.input.SetValue("")
		return m.applyFilter("")
	case key.Matches(msg, m.filterKeys.Submit):
		m.typing = false
		m.input.Blur()
		if q := strings.TrimSpace(m.input.Value()); q != m.query {
			m.pendingOpen = true
			return m.applyFilter(q)
		}
		return m.open()
	case key.Matches(msg, m.filterKeys.Move):
		return m.key(msg)
	}
	before := m.input.Value()
	var cmd tea.Cmd
	m.input, cmd = m.input.Update(msg)
	if m.input.Value() == before {
		return m, cmd
	}
	m.seq++
	return m, tea.Batch(cmd, filterAfterPause(m.seq, m.pause))
}

// applyFilter narrows the list to a query's results within the scope (or
// back to the whole scope for ""), dropping every page of the previous view.
func (m listModel) applyFilter(q string) (listModel, tea.Cmd) {
	m.query = q
	return m.showAfresh()
}

// applyScope shows what the sources panel chose (the zero Source: the whole
// library), without a filter.
func (m listModel) applyScope(src articles.Source) (listModel, tea.Cmd) {
	m.scope, m.query = src, ""
	m.input.SetValue("")
	return m.showAfresh()
}

// showAfresh loads the first page of the current view and its count.
func (m listModel) showAfresh() (listModel, tea.Cmd) {
	m.seq++
	m.pages, m.loading = map[int][]articles.Listing{}, map[int]bool{0: true}
	m.cursor, m.offset = 0, 0
	m.capped = false
	first := loadPage(m.lib, m.shown(), m.seq, 0, pageAnchor{})
	if m.viewQuery() == "" {
		m.total, m.totalKnown = m.counts.Total, m.countsKnown
		return m, tea.Batch(first, loadCounts(m.lib))
	}
	if n, ok := m.exactTotal(); ok {
		m.total, m.totalKnown = n, true
		return m, first
	}
	m.total, m.totalKnown = 0, false
	return m, tea.Batch(first, countMatches(m.lib, m.viewQuery(), m.seq))
}

func (m listModel) gotPage(msg pageMsg) (listModel, tea.Cmd) {
	if msg.seq != m.seq || msg.query != m.viewQuery() {
		return m, nil // stale: the filter changed since
	}
	delete(m.loading, msg.page)
	if msg.err != nil {
		return m, func() tea.Msg { return errorMsg{fmt.Errorf("load list: %w", msg.err)} }
	}
	m.pages[msg.page] = msg.items
	m.evictPages()
	if !m.totalKnown {
		m.total = max(m.total, msg.page*pageSize+len(msg.items))
		if len(msg.items) < pageSize {
			m.total, m.totalKnown = msg.page*pageSize+len(msg.items), true
		} else if m.capped {
			m.total = max(m.total, (msg.page+1)*pageSize+1) // there is at least one more
		}
	}
	m.clamp()
	if m.pendingOpen && msg.page == m.cursor/pageSize {
		m.pendingOpen = false
		return m, m.openSelected()
	}
	if m.seekUnread.active {
		return m.nextUnread(m.seekUnread.open)
	}
	return m, nil
}

// reload drops the loaded pages and loads the visible ones again, keeping
// the cursor, so articles that arrived meanwhile show up.
func (m listModel) reload() (listModel, tea.Cmd) {
	m.seq++
	m.pages, m.loading = map[int][]articles.Listing{}, map[int]bool{}
	cmds := []tea.Cmd{m.loadVisible(), loadCounts(m.lib)}
	switch _, exact := m.exactTotal(); {
	case exact && m.scope.Query != "":
		cmds = append(cmds, recountScope(m.lib, m.scope, m.seq))
	case !exact:
		m.totalKnown, m.capped = false, false
		cmds = append(cmds, countMatches(m.lib, m.viewQuery(), m.seq))
	}
	return m, tea.Batch(cmds...)
}

// evictPages keeps the pages nearest the cursor.
func (m *listModel) evictPages() {
	if len(m.pages) <= maxCachedPages {
		return
	}
	here := m.cursor / pageSize
	for p := range m.pages {
		if p < here-maxCachedPages/2 || p > here+maxCachedPages/2 {
			delete(m.pages, p)
		}
	}
}

// move moves the cursor by delta rows and loads the pages it now shows.
func (m listModel) move(delta int) (listModel, tea.Cmd) {
	m.pendingOpen = false // the selection an early enter meant has changed
	m.cursor += delta
	m.clamp()
	return m, m.loadVisible()
}

// clamp keeps the cursor inside the list and the window around the cursor.
func (m *listModel) clamp() {
	m.cursor = max(min(m.cursor, m.total-1), 0)
	rows := m.rows()
	if m.cursor < m.offset {
		m.offset = m.cursor
	}
	if m.cursor >= m.offset+rows {
		m.offset = m.cursor - rows + 1
	}
	m.offset = max(min(m.offset, m.total-rows), 0)
}

// loadVisible requests the pages under the visible rows that are missing.
func (m listModel) loadVisible() tea.Cmd {
	var cmds []tea.Cmd
	first, last := m.offset/pageSize, (m.offset+m.rows())/pageSize
	for p := first; p <= last && p*pageSize < max(m.total, 1); p++ {
		if _, ok := m.pages[p]; ok || m.loading[p] {
			continue
		}
		m.loading[p] = true
		cmds = append(cmds, loadPage(m.lib, m.shown(), m.seq, p, m.anchorFor(p)))
	}
	return tea.Batch(cmds...)
}

// anchorFor is the loaded row a page can be read from: the last row of a
// full page before it, else the first row of the page after it.
func (m listModel) anchorFor(p int) pageAnchor {
	if prev := m.pages[p-1]; len(prev) == pageSize {
		return pageAnchor{row: prev[pageSize-1], ok: true, after: true}
	}
	if next := m.pages[p+1]; len(next) > 0 {
		return pageAnchor{row: next[0], ok: true}
	}
	return pageAnchor{}
}

// open opens the selected row, or, while its page is still loading, opens
// it when the page arrives (a key may come before the results it acts on).
func (m listModel) open() (listModel, tea.Cmd) {
	if _, ok := m.item(m.cursor); !ok && m.loading[m.cursor/pageSize] {
		m.pendingOpen = true
		return m, nil
	}
	return m, m.openSelected()
}

func (m listModel) openSelected() tea.Cmd {
	it, ok := m.item(m.cursor)
	if !ok {
		return nil
	}
	return func() tea.Msg { return openArticleMsg{id: it.ID} }
}

// toggle changes the selected row's state and saves it.
func (m listModel) toggle(change func(*articles.Listing) tea.Cmd) (listModel, tea.Cmd) {
	page, ok := m.pages[m.cursor/pageSize]
	if !ok || m.cursor%pageSize >= len(page) {
		return m, nil
	}
	page = append([]articles.Listing(nil), page...)
	cmd := change(&page[m.cursor%pageSize])
	m.pages[m.cursor/pageSize] = page
	return m, tea.Sequence(cmd, loadCounts(m.lib))
}

// markRead records in the loaded pages that an article was read.
func (m *listModel) markRead(id int64) {
	m.changeLoaded(id, func(l *articles.Listing) { l.Read = true })
}

// setTags records in the loaded pages an article's new tags.
func (m *listModel) setTags(id int64, tags []string) {
	m.changeLoaded(id, func(l *articles.Listing) { l.Tags = tags })
}

// changeLoaded applies change to the loaded row of an article, on a copy
// of its page.
func (m *listModel) changeLoaded(id int64, change func(*articles.Listing)) {
	for p, page := range m.pages {
		for i := range page {
			if page[i].ID == id {
				page = append([]articles.Listing(nil), page...)
				change(&page[i])
				m.pages[p] = page
				return
			}
		}
	}
}

// setStarred records in the loaded pages that an article was (un)starred.
func (m *listModel) setStarred(id int64, starred bool) {
	m.changeLoaded(id, func(l *articles.Listing) { l.Starred = starred })
}

// view draws the filter line and the visible rows.
func (m listModel) view(st Styles) string {
	var b strings.Builder
	b.WriteString(m.filterLine(st))
	b.WriteByte('\n')
	rows := m.rows()
	for r := 0; r < rows; r++ {
		i := m.offset + r
		if r > 0 {
			b.WriteByte('\n')
		}
		switch {
		case i >= m.total && r == 0 && m.viewQuery() != "" && m.totalKnown:
			b.WriteString(st.Dim.Render(ansi.Truncate("  no articles match “"+safe.Line(m.viewQuery())+"”", m.width, "…")))
		case i >= m.total && r == 0 && m.totalKnown:
			b.WriteString(st.Dim.Render(ansi.Truncate("  the library is empty — kabar import PATH…", m.width, "…")))
		case i >= m.total:
		default:
			it, ok := m.item(i)
			if !ok {
				b.WriteString(st.Dim.Render("  …"))
				continue
			}
			b.WriteString(m.row(st, it, i == m.cursor))
		}
	}
	return b.String()
}

func (m listModel) filterLine(st Styles) string {
	scope := ""
	if m.scope.Query != "" {
		scope = st.FilterLabel.Render(scopeLabel(m.scope)) + " "
		if m.query == "" && !m.typing {
			count := ""
			if n, ok := m.exactTotal(); ok {
				count = fmt.Sprintf("%d articles · %d unread  ", n, m.scope.Unread)
			}
			return ansi.Truncate(scope+st.Dim.Render(count+"(/ narrows, f sources, esc all)"), m.width, "…")
		}
		scope += st.Dim.Render("› ")
	}
	if !m.typing && m.query == "" {
		return st.Dim.Render(ansi.Truncate(strings.Repeat("─", m.width), m.width, ""))
	}
	count := ""
	switch {
	case m.query == "":
	case m.totalKnown:
		count = fmt.Sprintf("  %d matches", m.total)
	case m.capped:
		count = fmt.Sprintf("  %d+ matches", matchCountCap)
	default:
		count = "  searching…"
	}
	if m.byRelevance {
		count += " · best first"
	}
	line := m.input.View()
	if !m.typing {
		line = st.FilterLabel.Render("/ ") + m.query
	}
	return ansi.Truncate(scope+line+st.Dim.Render(count), m.width, "…")
}

// scopeLabel names a source for the filter line.
func scopeLabel(src articles.Source) string {
	switch src.Kind {
	case articles.SourceAll, articles.SourceUnread, articles.SourceStarred:
		return src.Name
	case articles.SourceSearch:
		return "search: " + src.Name
	}
	return string(src.Kind) + ": " + src.Name
}

// row draws one article: cursor, unread and star marks, a link marker, date,
// title and outlet.
func (m listModel) row(st Styles, it articles.Listing, selected bool) string {
	mark := func(on bool, s string, style func(...string) string) string {
		if !on {
			return " "
		}
		return style(s)
	}
	rowStyle := st.Row
	if selected {
		rowStyle = st.RowSelected
	}
	cursor := "  "
	if selected {
		cursor = "▌ "
	}
	prefix := cursor + mark(!it.Read, "•", st.Unread.Render) + mark(it.Starred, "★", st.Star.Render) +
		mark(it.HasRelated, "↗", st.LinkMark.Render) + " " + dateCell(st, it) + "  "
	source := ""
	if it.Source != "" && m.width >= 60 {
		source = "  " + ansi.Truncate(it.Source, 18, "…")
	}
	tags := ""
	if len(it.Tags) > 0 && m.width >= 60 {
		tags = " " + ansi.Truncate("#"+strings.Join(it.Tags, " #"), 24, "…")
	}
	titleWidth := m.width - ansi.StringWidth(prefix) - ansi.StringWidth(source) - ansi.StringWidth(tags)
	title := ansi.Truncate(it.Title, max(titleWidth, 1), "…")
	pad := max(titleWidth-ansi.StringWidth(title), 0)
	line := prefix + rowStyle.Render(title) + st.Tag.Render(tags) + rowStyle.Render(strings.Repeat(" ", pad)) + st.Source.Render(source)
	return ansi.Truncate(line, m.width, "")
}

// dateCell is a row's date: the publication day, else (an undated article)
// the day it was imported, fainter, else blank.
func dateCell(st Styles, it articles.Listing) string {
	day, published := rowDay(it)
	if published {
		return st.Date.Render(day)
	}
	return st.ImportDate.Render(day)
}

// rowDay is the day a row shows, unstyled: the publication day (published
// true), else the import day, else blank.
func rowDay(it articles.Listing) (day string, published bool) {
	switch {
	case !it.Published.IsZero():
		return it.Published.Format("2006-01-02"), true
	case !it.Imported.IsZero() && it.Imported.Unix() > 0:
		return it.Imported.Local().Format("2006-01-02"), false
	}
	return strings.Repeat(" ", len("2006-01-02")), false
}
