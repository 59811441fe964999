package ui

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"

	tea "charm.land/bubbletea/v2"
	"charm.land/glamour/v2"

	"kabar/articles"
	"kabar/ui/safe"
)

// ioTimeout bounds every library call made from a command.
const ioTimeout = 10 * time.Second

// Messages that commands send back to the models.
type (
	// countsMsg carries the library's counts.
	countsMsg struct {
		counts articles.Counts
		err    error
	}
	// pageMsg carries one page of the list or of a filter's results.
	pageMsg struct {
		query string // "" for the whole library
		seq   int    // the filter generation the page belongs to
		page  int
		items []articles.Listing
		err   error
	}
	// matchCountMsg carries how many articles a filter matches.
	matchCountMsg struct {
		query string
		seq   int
		n     int
		err   error
	}
	// filterDueMsg fires when typing has paused long enough to search.
	filterDueMsg struct{ seq int }
	// articleMsg carries a loaded article for the reader.
	articleMsg struct {
		seq     int
		article articles.Stored
		scroll  int // where to put the reader; -1 for the saved position
		err     error
	}
	// savedMsg reports the result of a state write.
	savedMsg struct {
		what string
		err  error
	}
	// openedMsg reports the result of opening a URL in the browser.
	openedMsg struct {
		url string
		err error
	}
)

func withTimeout() (context.Context, context.CancelFunc) {
	return context.WithTimeout(context.Background(), ioTimeout)
}

func loadCounts(lib Library) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		c, err := lib.Counts(ctx)
		return countsMsg{counts: c, err: err}
	}
}

// loadFirstScreen loads the counts and the first page one after the other,
// on one connection: at start-up that beats opening a second one.
func loadFirstScreen(lib Library) tea.Cmd {
	return func() tea.Msg {
		counts := loadCounts(lib)()
		page := loadPage(lib, listView{}, 0, 0, pageAnchor{})()
		return tea.BatchMsg{func() tea.Msg { return counts }, func() tea.Msg { return page }}
	}
}

// loadPage loads page number page of what the list shows. The plain list,
// and a search newest first, read it from a loaded row next to it when
// there is one (anchor), as fast in the middle of a million articles as at
// the top (a search only from the row before it).
func loadPage(lib Library, v listView, seq, page int, anchor pageAnchor) tea.Cmd {
	query := v.query
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		var items []articles.Listing
		var err error
		switch {
		case query == "":
			items, err = plainPage(ctx, lib, page, anchor)
		case v.byRelevance:
			items, err = lib.SearchByRelevance(ctx, query, page*pageSize, pageSize, v.prefixLast)
		case anchor.ok && anchor.after:
			items, err = lib.SearchAfter(ctx, query, anchor.row, pageSize, v.prefixLast)
		default:
			items, err = lib.Search(ctx, query, page*pageSize, pageSize, v.prefixLast)
		}
		for i := range items {
			items[i] = safe.Listing(items[i])
		}
		return pageMsg{query: query, seq: seq, page: page, items: items, err: err}
	}
}

// pageAnchor is a loaded row next to a page about to load: the last row of
// the page before it (after) or the first row of the page after it.
type pageAnchor struct {
	row   articles.Listing
	ok    bool
	after bool
}

// plainPage reads a page of the whole library: next to its anchor, or,
// without one or when the rows before an anchor are fewer than a page
// (the library changed since the anchor's page loaded), from the top.
func plainPage(ctx context.Context, lib Library, page int, anchor pageAnchor) ([]articles.Listing, error) {
	switch {
	case anchor.ok && anchor.after:
		return lib.PageAfter(ctx, "", anchor.row, pageSize)
	case anchor.ok:
		items, err := lib.PageBefore(ctx, "", anchor.row, pageSize)
		if err != nil || len(items) == pageSize {
			return items, err
		}
	}
	return lib.Page(ctx, "", page*pageSize, pageSize)
}

// sourcesMsg carries the sources panel's entries.
type sourcesMsg struct {
	sources []articles.Source
	err     error
}

func loadSources(lib Library) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		s, err := lib.Sources(ctx)
		for i := range s {
			s[i].Name = safe.Line(s[i].Name)
		}
		return sourcesMsg{sources: s, err: err}
	}
}

// tallyMsg carries a saved search's counts.
type tallyMsg struct {
	query         string
	total, unread int
	err           error
}

func tallySearch(lib Library, query string) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		total, unread, err := lib.SearchTally(ctx, query)
		return tallyMsg{query: query, total: total, unread: unread, err: err}
	}
}

// scopeCountMsg carries the list's source with its counts read again.
type scopeCountMsg struct {
	seq int
	src articles.Source
	err error
}

// recountScope reads a source's counts again (after reading, marking or
// deleting changed them); a source no longer listed counts zero.
func recountScope(lib Library, src articles.Source, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		all, err := lib.Sources(ctx)
		src.Total, src.Unread = 0, 0
		for _, s := range all {
			if s.Kind == src.Kind && s.Query == src.Query {
				src.Total, src.Unread = s.Total, s.Unread
			}
		}
		return scopeCountMsg{seq: seq, src: src, err: err}
	}
}

func countMatches(lib Library, query string, seq int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		n, err := lib.SearchCount(ctx, query, true, matchCountCap+1)
		return matchCountMsg{query: query, seq: seq, n: n, err: err}
	}
}

// matchCountCap is how far the filter counts matches; beyond it the count
// shows as "1000+".
const matchCountCap = 1000

// filterDebounce is how long typing must pause before a filter searches
// (Options.FilterPause).
const filterDebounce = 80 * time.Millisecond

// filterAfterPause says the filter is due once typing has paused for d; at
// once when d is negative.
func filterAfterPause(seq int, d time.Duration) tea.Cmd {
	if d < 0 {
		return func() tea.Msg { return filterDueMsg{seq: seq} }
	}
	return tea.Tick(d, func(time.Time) tea.Msg { return filterDueMsg{seq: seq} })
}

func loadArticle(lib Library, id int64, seq, scroll int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		a, err := lib.Article(ctx, id)
		return articleMsg{seq: seq, article: safe.Article(a), scroll: scroll, err: err}
	}
}

// RenderMarkdown renders an article body with glamour's standard style
// ("dark" or "light", or another of glamour's names) wrapped to width
// columns.
func RenderMarkdown(markdown string, width int, style string) (string, error) {
	return renderWith(markdown, width, glamour.WithStandardStyle(style))
}

// renderWith renders Markdown in a glamour style option.
func renderWith(markdown string, width int, style glamour.TermRendererOption) (string, error) {
	r, err := glamour.NewTermRenderer(style, glamour.WithWordWrap(width))
	if err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	out, err := r.Render(markdown)
	if err != nil {
		return "", fmt.Errorf("render: %w", err)
	}
	return strings.Trim(out, "\n"), nil
}

func saveRead(lib Library, id int64, read bool) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		return savedMsg{what: "read state", err: lib.SetRead(ctx, id, read)}
	}
}

func saveStarred(lib Library, id int64, starred bool) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		return savedMsg{what: "star", err: lib.SetStarred(ctx, id, starred)}
	}
}

func saveScroll(lib Library, id int64, line int) tea.Cmd {
	return func() tea.Msg {
		ctx, cancel := withTimeout()
		defer cancel()
		return savedMsg{what: "scroll position", err: lib.SetScroll(ctx, id, line)}
	}
}

// openURL opens a URL with the opener the settings name, else $BROWSER
// (a colon-separated list, %s for the URL, the first one installed), else
// xdg-open or open. Only an absolute http(s) URL is opened: javascript:,
// file: or text starting with "-" never reaches a program that might run it
// or read it as an option. A terminal browser (takeover) gets the terminal
// until it exits; any other runs detached, the screen left alone.
func openURL(url string, o OpenerSettings) tea.Cmd {
	if url == "" {
		return func() tea.Msg { return openedMsg{err: errors.New("this article has no URL")} }
	}
	if !articles.IsWebURL(url) {
		return func() tea.Msg {
			return openedMsg{url: url, err: fmt.Errorf("not opening %q: only http(s) links go to the browser", safe.Line(url))}
		}
	}
	argv, err := openerCommand(url, o.Command, os.Getenv("BROWSER"), runtime.GOOS)
	if err != nil {
		return func() tea.Msg { return openedMsg{url: url, err: err} }
	}
	cmd := exec.Command(argv[0], argv[1:]...)
	if o.Takeover {
		return tea.ExecProcess(cmd, func(err error) tea.Msg {
			if err != nil {
				err = fmt.Errorf("open %s: %w", url, err)
			}
			return openedMsg{url: url, err: err}
		})
	}
	return func() tea.Msg {
		cmd.Stdin, cmd.Stdout, cmd.Stderr = nil, nil, nil
		if err := cmd.Start(); err != nil {
			return openedMsg{url: url, err: fmt.Errorf("open %s: %w", url, err)}
		}
		go func() { _ = cmd.Wait() }()
		return openedMsg{url: url}
	}
}

// openerCommand is the program and arguments that open url: the settings'
// command (%u the URL), else the first installed entry of $BROWSER (%s the
// URL), else the system's opener. The URL is one argument, never parsed by
// a shell; without a placeholder it comes last.
func openerCommand(url, command, browser, goos string) ([]string, error) {
	if fields := strings.Fields(command); len(fields) > 0 {
		return withURL(fields, "%u", url), nil
	}
	if browser != "" {
		for _, entry := range strings.Split(browser, ":") {
			fields := strings.Fields(entry)
			if len(fields) == 0 {
				continue
			}
			if _, err := exec.LookPath(fields[0]); err == nil {
				return withURL(fields, "%s", url), nil
			}
		}
		return nil, fmt.Errorf("none of $BROWSER (%s) is installed", safe.Line(browser))
	}
	if goos == "darwin" {
		return []string{"open", url}, nil
	}
	return []string{"xdg-open", url}, nil
}

// withURL puts url where placeholder stands in args, or after them.
func withURL(args []string, placeholder, url string) []string {
	out := make([]string, 0, len(args)+1)
	found := false
	for _, a := range args {
		if strings.Contains(a, placeholder) {
			a, found = strings.ReplaceAll(a, placeholder, url), true
		}
		out = append(out, a)
	}
	if !found {
		out = append(out, url)
	}
	return out
}
