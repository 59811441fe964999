package ui

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"charm.land/bubbles/v2/help"
	"charm.land/bubbles/v2/key"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/ansi"

	"kabar/articles"
	"kabar/ui/safe"
)

// Minimum usable terminal size; below it the reader shows a "too small"
// message.
const (
	minWidth  = 40
	minHeight = 8
)

type screen int

const (
	screenList screen = iota
	screenReader
)

// Options describe the library being shown.
type Options struct {
	// Name labels the library in the header (its file name, say).
	Name string
	// Demo marks the embedded demo library; Hint is shown under it.
	Demo bool
	Hint string
	// Refresh, when set, fetches the library's feeds (the r key).
	Refresh RefreshFunc
	// SteadyCursor keeps the filter's cursor from blinking (for people who
	// find blinking distracting, and for tests, which must not wait on the
	// blink timer).
	SteadyCursor bool
	// FilterPause is how long typing must pause before the filter searches
	// (80 ms when zero; negative: at every key, which tests use so that no
	// key waits on a timer).
	FilterPause time.Duration
	// Poll is how often the counts are read again, so that articles another
	// kabar imports meanwhile show up; zero never (they are also read again
	// when the terminal regains focus).
	Poll time.Duration
	// Settings are the config file's: keys, theme, opener, mouse, refresh.
	Settings Settings
	// Warning is shown in the status line at start (a broken config file).
	Warning string
}

// pollMsg asks for the counts again (Options.Poll).
type pollMsg struct{}

func pollAfter(d time.Duration) tea.Cmd {
	if d <= 0 {
		return nil
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return pollMsg{} })
}

// Messages for the status line.
type (
	statusMsg struct{ text string }
	errorMsg  struct{ err error }
)

func statusCmd(text string) tea.Cmd {
	return func() tea.Msg { return statusMsg{text: text} }
}

// Model is the root model: it owns the window, the styles and the render
// cache, and routes messages to the list or the reader.
type Model struct {
	lib  Library
	opts Options

	width, height int
	keys          AppKeys
	styles        Styles
	help          help.Model
	showHelp      bool

	screen      screen
	list        listModel
	reader      readerModel
	sources     sourcesModel
	showSources bool // the sources panel is open over the list
	links       linksModel
	story       storyModel
	people      peopleModel
	overlay     overlay                      // the panel open over the reader, if any
	similar     map[int64][]articles.Similar // similar articles found, by article
	history     History
	loadSeq     int // the article load the reader is waiting for
	resizeSeq   int // the last resize; earlier settle timers are stale

	renders renderCache
	job     renderJob // the body rendering under way

	status     statusBar
	prompt     promptModel // a question in the status line
	undo       []undoStep  // what U takes back, the last action last
	quitting   bool
	refreshing bool
}

// statusBar is the status line's message: a note, or an error shown in the
// error style; empty shows position and key help instead.
type statusBar struct {
	text  string
	isErr bool
}

func note(text string) statusBar  { return statusBar{text: text} }
func failure(err error) statusBar { return statusBar{text: err.Error(), isErr: true} }
func failuref(f string, a ...any) statusBar {
	return statusBar{text: fmt.Sprintf(f, a...), isErr: true}
}

// New returns the root model over a library, its keys and theme as the
// settings say.
func New(lib Library, opts Options) Model {
	dark := true
	if d, forced := opts.Settings.darkChrome(); forced {
		dark = d
	}
	st := NewStyles(dark)
	h := help.New()
	h.Styles = st.Help
	m := Model{lib: lib, opts: opts, keys: DefaultAppKeys(), styles: st, help: h,
		list: newListModel(lib, opts), reader: newReaderModel(opts.SteadyCursor), sources: newSourcesModel(),
		prompt: newPromptModel(opts.SteadyCursor), links: newLinksModel(), story: newStoryModel(), people: newPeopleModel(),
		similar: map[int64][]articles.Similar{}, renders: newRenderCache(renderCacheBytes)}
	if opts.Warning != "" {
		m.status = failure(errors.New(opts.Warning))
	}
	m.applyKeys(opts.Settings.Keys)
	return m
}

// applyKeys rebinds the screens' keys as the settings say (their problems
// were reported when the settings were read).
func (m *Model) applyKeys(screens map[string]map[string][]string) {
	for screen, binds := range screens {
		switch screen {
		case "list":
			rebind(&m.list.keys, binds, screen)
		case "filter":
			rebind(&m.list.filterKeys, binds, screen)
		case "reader":
			rebind(&m.reader.keys, binds, screen)
		case "panel":
			rebind(&m.sources.keys, binds, screen)
			rebind(&m.links.keys, binds, screen)
			rebind(&m.story.keys, binds, screen)
			rebind(&m.people.keys, binds, screen)
		case "prompt":
			rebind(&m.prompt.keys, binds, screen)
		case "app":
			rebind(&m.keys, binds, screen)
		}
	}
}

// Init asks for the terminal's background, loads the first page, and
// starts the refreshes the settings ask for.
func (m Model) Init() tea.Cmd {
	var cmd tea.Cmd
	m.list, cmd = m.list.init()
	cmds := []tea.Cmd{tea.RequestBackgroundColor, cmd, pollAfter(m.opts.Poll), refreshAfter(m.opts.Settings.every)}
	if m.opts.Settings.RefreshOnStart {
		cmds = append(cmds, func() tea.Msg { return refreshDueMsg{} })
	}
	return tea.Batch(cmds...)
}

// Update routes a message.
func (m Model) Update(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case tea.WindowSizeMsg:
		return m.resize(msg.Width, msg.Height)
	case tea.BackgroundColorMsg:
		if _, forced := m.opts.Settings.darkChrome(); forced {
			return m, nil
		}
		m.styles = NewStyles(msg.IsDark())
		m.help.Styles = m.styles.Help
		m.reader = m.reader.restyle(m.styles)
		return m.renderCurrent()
	case tea.KeyPressMsg:
		return m.keyPress(msg)
	case tea.FocusMsg:
		return m, loadCounts(m.lib)
	case pollMsg:
		return m, tea.Batch(loadCounts(m.lib), pollAfter(m.opts.Poll))
	case statusMsg:
		m.status = note(msg.text)
	case errorMsg:
		m.status = failure(msg.err)
	case savedMsg:
		if msg.err != nil {
			m.status = failuref("could not save %s: %v", msg.what, msg.err)
		}
	case openedMsg:
		if msg.err != nil {
			m.status = failure(msg.err)
		} else {
			m.status = note("opened " + msg.url)
		}
	case openArticleMsg:
		save := m.saveScroll()
		m.history = m.history.Open(msg.id, 0)
		m, load := m.load(msg.id, -1)
		return m, tea.Batch(save, load)
	case askMsg:
		var cmd tea.Cmd
		m.prompt, cmd = m.prompt.start(msg, m.width)
		return m, cmd
	case bodyLinksMsg:
		if m.screen != screenReader || m.reader.article.ID != msg.id {
			return m, nil // the reader moved on
		}
		if len(msg.links) == 0 {
			m.status = note("no links in the text of this article")
			return m, nil
		}
		m.links, m.overlay = m.links.open(msg.links), overlayLinks
		return m, nil
	case similarMsg, storyMsg, profileMsg, showPageMsg:
		return m.storyLayer(msg)
	case markedMsg, deletedMsg, undoneMsg, taggedMsg:
		return m.actionDone(msg)
	case followMsg:
		cmd := m.saveScroll()
		m.history = m.history.Follow(msg.id, m.reader.scroll)
		m, load := m.load(msg.id, 0)
		return m, tea.Batch(cmd, load)
	case sourcesMsg:
		if msg.err != nil {
			m.status = failuref("load sources: %v", msg.err)
			m.showSources = false
			return m, nil
		}
		var cmd tea.Cmd
		m.sources, cmd = m.sources.setSources(m.lib, msg.sources)
		return m, cmd
	case tallyMsg:
		m.sources = m.sources.setTally(msg)
	case chooseSourceMsg:
		var cmd tea.Cmd
		m.list, cmd = m.list.applyScope(msg.src)
		return m, cmd
	case searchTitleMsg:
		m.screen = screenList
		var cmd tea.Cmd
		m.list, cmd = m.list.search(msg.title)
		m.status = note("“" + msg.title + "” is not in the library — searching for its title")
		return m, cmd
	case articleMsg:
		return m.articleLoaded(msg)
	case refreshDueMsg:
		return m.refreshDue(msg)
	case refreshProgressMsg, refreshDoneMsg:
		return m.refreshUpdate(msg)
	case resizeSettledMsg:
		if msg.seq == m.resizeSeq {
			return m.renderCurrent()
		}
		return m, nil
	case renderPartMsg:
		return m.partRendered(msg)
	case tea.MouseWheelMsg:
		if m.screen == screenReader {
			m.reader, _ = m.reader.update(msg, m.styles)
			return m.renderMore()
		}
		var cmd tea.Cmd
		m.list, cmd = m.list.update(msg)
		return m, cmd
	default:
		var cmd tea.Cmd
		m.list, cmd = m.list.update(msg)
		return m, cmd
	}
	return m, nil
}

func (m Model) resize(w, h int) (tea.Model, tea.Cmd) {
	m.width, m.height = w, h
	m.help.SetWidth(w)
	m.list = m.list.setSize(w, h)
	m.reader = m.reader.setSize(w, h, m.styles)
	m.sources = m.sources.setSize(w, h)
	m.links = m.links.setSize(w, h)
	m.story = m.story.setSize(w, h)
	m.people = m.people.setSize(w, h)
	if !m.reader.loaded {
		return m, m.list.loadVisible()
	}
	// Re-render once the size settles: a resize storm must not start a
	// glamour render for every intermediate width.
	m.resizeSeq++
	seq := m.resizeSeq
	return m, tea.Batch(m.list.loadVisible(), tea.Tick(resizeSettle, func(time.Time) tea.Msg { return resizeSettledMsg{seq: seq} }))
}

// resizeSettle is how long the size must stay put before the body is
// rendered again at the new width.
const resizeSettle = 50 * time.Millisecond

// resizeSettledMsg fires resizeSettle after a resize.
type resizeSettledMsg struct{ seq int }

func (m Model) keyPress(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	m.status = statusBar{}
	if key.Matches(msg, m.keys.ForceQuit) {
		return m.quit()
	}
	if m.showHelp {
		m.showHelp = false // any key closes the help
		return m, nil
	}
	if m.prompt.open {
		var cmd tea.Cmd
		m.prompt, cmd = m.prompt.update(msg)
		return m, cmd
	}
	if m.overlay != overlayNone {
		return m.overlayKey(msg)
	}
	if m.screen == screenReader {
		if !m.reader.takesKey(msg) && key.Matches(msg, m.reader.keys.Help) {
			m.showHelp = true
			return m, nil
		}
		return m.readerKey(msg)
	}
	if m.showSources {
		var cmd tea.Cmd
		var closed bool
		m.sources, cmd, closed = m.sources.update(msg)
		m.showSources = !closed
		return m, cmd
	}
	if !m.list.takesText() {
		switch {
		case key.Matches(msg, m.list.keys.Sources):
			m.showSources = true
			var cmd tea.Cmd
			m.sources, cmd = m.sources.open(m.lib, m.list.scope.Query)
			return m, cmd
		case key.Matches(msg, m.list.keys.Help):
			m.showHelp = true
			return m, nil
		case key.Matches(msg, m.list.keys.Quit):
			return m.quit()
		case key.Matches(msg, m.list.keys.Refresh):
			return m.refreshKey()
		case key.Matches(msg, m.list.keys.Undo):
			return m.undoLast()
		}
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.update(msg)
	return m, cmd
}

func (m Model) quit() (tea.Model, tea.Cmd) {
	m.quitting = true
	if m.screen == screenReader {
		return m, tea.Sequence(m.saveScroll(), tea.Quit)
	}
	return m, tea.Quit
}

// readerKey handles the keys that move between articles and screens, and
// hands the rest to the reader.
func (m Model) readerKey(msg tea.KeyPressMsg) (tea.Model, tea.Cmd) {
	k := m.reader.keys
	switch {
	case m.reader.takesKey(msg):
		// a find's own keys (typing, n/N, esc) come before the root's
	case keyMatches(msg, k.Close):
		cmd := m.saveScroll()
		m.screen = screenList
		return m, tea.Batch(cmd, loadCounts(m.lib))
	case keyMatches(msg, k.Back):
		h, ok := m.history.Back(m.reader.scroll)
		return m.travel(h, ok, "no earlier article in this trail (esc for the list)")
	case keyMatches(msg, k.Forward):
		h, ok := m.history.Forward(m.reader.scroll)
		return m.travel(h, ok, "nothing to go forward to")
	case keyMatches(msg, k.OpenURL):
		return m, openURL(m.reader.article.URL, m.opts.Settings.Opener)
	case keyMatches(msg, k.NextArticle), keyMatches(msg, k.PrevArticle):
		delta := 1
		if keyMatches(msg, k.PrevArticle) {
			delta = -1
		}
		var cmd tea.Cmd
		m.list, cmd = m.list.step(delta)
		return m, cmd
	case keyMatches(msg, k.NextUnread):
		var cmd tea.Cmd
		m.list, cmd = m.list.nextUnread(true)
		return m, cmd
	case keyMatches(msg, k.Tags):
		return m, editTags(m.lib, m.reader.article.ID, m.reader.article.Tags)
	case keyMatches(msg, k.BodyLinks):
		return m, findBodyLinks(m.reader.article.ID, m.reader.article.Body)
	case keyMatches(msg, k.Story):
		m.status = note("following the story…")
		return m, loadStory(m.lib, m.reader.article.ID)
	case keyMatches(msg, k.People):
		return m.openPeople()
	case keyMatches(msg, k.Star):
		var starred bool
		m.reader, starred = m.reader.toggleStar()
		id := m.reader.article.ID
		m.list.setStarred(id, starred)
		return m, tea.Sequence(saveStarred(m.lib, id, starred), loadCounts(m.lib))
	}
	var cmd tea.Cmd
	m.reader, cmd = m.reader.update(msg, m.styles)
	m, more := m.renderMore()
	return m, tea.Batch(cmd, more)
}

// actionDone reports a finished mark-all, delete, undo or tagging and shows
// the library as it now is.
func (m Model) actionDone(msg tea.Msg) (tea.Model, tea.Cmd) {
	var reload bool
	switch msg := msg.(type) {
	case markedMsg:
		if msg.err != nil {
			m.status = failuref("mark all read: %v", msg.err)
			return m, nil
		}
		m.status = note(fmt.Sprintf("marked %d articles read — %s undoes", len(msg.ids), m.list.keys.Undo.Help().Key))
		if len(msg.ids) > 0 {
			m.undo = append(m.undo, unmarkRead(m.lib, msg.ids))
		}
		reload = true
	case deletedMsg:
		if msg.err != nil {
			m.status = failuref("delete: %v", msg.err)
			return m, nil
		}
		m.status = note("deleted “" + msg.title + "” — " + m.list.keys.Undo.Help().Key + " undoes")
		m.undo = append(m.undo, undelete(msg))
		if m.screen == screenReader && m.reader.article.ID == msg.id {
			m.screen = screenList
		}
		reload = true
	case undoneMsg:
		if msg.err != nil {
			m.status = failuref("undo: %v", msg.err)
			return m, nil
		}
		m.status = note("undone: " + msg.what)
		reload = true
	case taggedMsg:
		if msg.err != nil {
			m.status = failuref("tags: %v", msg.err)
			return m, nil
		}
		m.list.setTags(msg.id, msg.tags)
		m.reader = m.reader.setTags(msg.id, msg.tags, m.styles)
		m.status = note("tags: " + tagsText(msg.tags))
	}
	if !reload {
		return m, nil
	}
	var cmd tea.Cmd
	m.list, cmd = m.list.reload()
	return m, cmd
}

func tagsText(tags []string) string {
	if len(tags) == 0 {
		return "none"
	}
	return strings.Join(tags, ", ")
}

// undoLast takes back the last mark-all or deletion of the session.
func (m Model) undoLast() (tea.Model, tea.Cmd) {
	if len(m.undo) == 0 {
		m.status = note("nothing to undo")
		return m, nil
	}
	last := m.undo[len(m.undo)-1]
	m.undo = m.undo[:len(m.undo)-1]
	return m, last.run
}

// travel moves to where history h points (after back or forward), saving
// the scroll position left behind; when !ok it says why it cannot.
func (m Model) travel(h History, ok bool, cannot string) (tea.Model, tea.Cmd) {
	if !ok {
		m.status = note(cannot)
		return m, nil
	}
	cmd := m.saveScroll()
	m.history = h
	m, load := m.load(h.Current().ID, h.Current().Scroll)
	return m, tea.Batch(cmd, load)
}

// load shows the reader and loads an article; scroll -1 restores the
// article's saved position.
func (m Model) load(id int64, scroll int) (Model, tea.Cmd) {
	m.screen = screenReader
	m.loadSeq++
	return m, loadArticle(m.lib, id, m.loadSeq, scroll)
}

func (m Model) saveScroll() tea.Cmd {
	if !m.reader.loaded {
		return nil
	}
	return saveScroll(m.lib, m.reader.article.ID, m.reader.scroll)
}

func (m Model) articleLoaded(msg articleMsg) (tea.Model, tea.Cmd) {
	if msg.seq != m.loadSeq {
		return m, nil // the reader moved on
	}
	if msg.err != nil {
		m.status = failure(msg.err)
		if !m.reader.loaded {
			m.screen = screenList
		}
		return m, nil
	}
	scroll := msg.scroll
	if scroll < 0 {
		scroll = msg.article.Scroll
	}
	wasRead := msg.article.Read
	msg.article.Read = true
	m.reader = m.reader.show(msg.article, scroll, m.styles)
	var cmds []tea.Cmd
	if found, ok := m.similar[msg.article.ID]; ok {
		m.reader = m.reader.setSimilar(msg.article.ID, found, m.styles)
	} else {
		cmds = append(cmds, findSimilar(m.lib, msg.article.ID))
	}
	if !wasRead {
		m.list.markRead(msg.article.ID)
		cmds = append(cmds, tea.Sequence(saveRead(m.lib, msg.article.ID, true), loadCounts(m.lib)))
	}
	m, render := m.renderCurrent()
	return m, tea.Batch(append(cmds, render)...)
}

func (m Model) currentKey() renderKey {
	style := m.opts.Settings.glamourStyle()
	if style == "" {
		style = m.styles.GlamourStyle()
	}
	return renderKey{id: m.reader.article.ID, width: wrapWidth(m.width), style: style}
}

// View draws the screen.
func (m Model) View() tea.View {
	v := tea.NewView(m.viewText())
	v.AltScreen = true
	if m.opts.Settings.mouse() {
		v.MouseMode = tea.MouseModeCellMotion
	}
	v.WindowTitle = "kabar"
	v.ReportFocus = true
	return v
}

// viewText is the screen as text; tests compare it, ANSI stripped, with
// golden files.
func (m Model) viewText() string {
	if m.quitting || m.width == 0 {
		return ""
	}
	if m.width < minWidth || m.height < minHeight {
		return m.tooSmall()
	}
	var body string
	switch {
	case m.showHelp:
		body = m.helpView()
	case m.overlay != overlayNone && m.screen == screenReader:
		body = m.overlayView()
	case m.screen == screenReader:
		body = m.reader.view(m.styles)
	case m.showSources:
		body = m.sources.view(m.styles)
	default:
		body = m.list.view(m.styles)
	}
	return m.titleBar() + "\n" + body + "\n" + m.statusLine()
}

func (m Model) tooSmall() string {
	msg := fmt.Sprintf("kabar needs at least %dx%d; this terminal is %dx%d", minWidth, minHeight, m.width, m.height)
	lines := strings.Split(ansi.Hardwrap(ansi.Wordwrap(msg, max(m.width, 1), " "), max(m.width, 1), true), "\n")
	if len(lines) > max(m.height, 1) {
		lines = lines[:max(m.height, 1)]
	}
	return strings.Join(lines, "\n")
}

// titleBar is the first line: the library, its counts, and in the reader
// the history depth.
func (m Model) titleBar() string {
	st := m.styles
	name := safe.Line(m.opts.Name)
	if m.opts.Demo {
		name = st.Demo.Render("DEMO") + " " + name
	}
	left := st.Header.Render("kabar") + " " + name
	var right string
	if m.screen == screenReader && !m.showHelp {
		back, fwd := m.history.Depth()
		right = st.HeaderDim.Render(fmt.Sprintf("◀ %d  ▶ %d", back, fwd))
	} else if m.list.countsKnown {
		c := m.list.counts
		right = st.HeaderDim.Render(fmt.Sprintf("%d articles · %d unread · %d starred", c.Total, c.Unread, c.Starred))
	}
	gap := m.width - ansi.StringWidth(left) - ansi.StringWidth(right)
	if gap < 1 {
		return ansi.Truncate(left+" "+right, m.width, "…")
	}
	return left + strings.Repeat(" ", gap) + right
}

// statusLine is the last line: a message, else position and key help.
func (m Model) statusLine() string {
	st := m.styles
	if m.prompt.open {
		return ansi.Truncate(m.prompt.view(st), m.width, "")
	}
	if m.screen == screenReader && m.reader.find.typing {
		return ansi.Truncate(m.reader.find.input.View()+"  "+st.Status.Render(m.reader.find.summary()), m.width, "")
	}
	if m.status.text != "" {
		style := st.Status
		if m.status.isErr {
			style = st.StatusError
		}
		return style.Render(ansi.Truncate(safe.Line(m.status.text), m.width, "…"))
	}
	if m.opts.Demo && m.opts.Hint != "" && m.screen == screenList && !m.list.takesText() {
		return st.Demo.Render(ansi.Truncate(m.opts.Hint, m.width, "…"))
	}
	var left string
	var keys help.KeyMap = m.list.keys
	if m.screen == screenReader {
		keys = m.reader.keys
		left = st.Status.Render(strings.TrimSpace(m.reader.position()+"  "+m.reader.find.summary())) + "  "
	} else if m.list.total > 0 {
		left = st.Status.Render(fmt.Sprintf("%d/%d", m.list.cursor+1, m.list.total)) + "  "
	}
	m.help.SetWidth(max(m.width-ansi.StringWidth(left), 0))
	return ansi.Truncate(left+m.help.ShortHelpView(keys.ShortHelp()), m.width, "")
}

// Current reports which article the reader shows, if any (for tests and
// callers that save state on exit).
func (m Model) Current() (articles.Stored, bool) {
	return m.reader.article, m.screen == screenReader && m.reader.loaded
}
