package ui

import (
	"context"
	"fmt"
	"time"

	tea "charm.land/bubbletea/v2"
)

// RefreshFunc fetches the library's feeds, reporting progress, and returns a
// one-line summary. The caller (main) provides it; the reader only runs it in
// the background when r is pressed.
type RefreshFunc func(ctx context.Context, progress func(done, total int)) (string, error)

// refreshTimeout bounds a whole refresh.
const refreshTimeout = 5 * time.Minute

type (
	// refreshProgressMsg reports feeds fetched so far.
	refreshProgressMsg struct {
		done, total int
		updates     <-chan tea.Msg
	}
	// refreshDoneMsg ends a refresh.
	refreshDoneMsg struct {
		summary string
		err     error
	}
)

// startRefresh runs fn on a goroutine of its own and returns its first
// message; each progress message carries the channel to wait on for the next.
func startRefresh(fn RefreshFunc) tea.Cmd {
	return func() tea.Msg {
		updates := make(chan tea.Msg, 64)
		go func() {
			ctx, cancel := context.WithTimeout(context.Background(), refreshTimeout)
			defer cancel()
			summary, err := fn(ctx, func(done, total int) {
				select {
				case updates <- refreshProgressMsg{done: done, total: total, updates: updates}:
				default: // the screen is behind; a later update says more
				}
			})
			updates <- refreshDoneMsg{summary: summary, err: err}
		}()
		return <-updates
	}
}

// nextRefreshUpdate waits for the refresh's next message.
func nextRefreshUpdate(updates <-chan tea.Msg) tea.Cmd {
	return func() tea.Msg { return <-updates }
}

// refreshDueMsg asks for a refresh that the settings schedule (at start,
// and every so often).
type refreshDueMsg struct{ scheduled bool }

// refreshAfter schedules the next timed refresh; nil when none is set.
func refreshAfter(every time.Duration) tea.Cmd {
	if every <= 0 {
		return nil
	}
	return tea.Tick(every, func(time.Time) tea.Msg { return refreshDueMsg{scheduled: true} })
}

// refreshDue starts a scheduled refresh (quietly skipped while one runs or
// when the library has no feeds) and schedules the next one.
func (m Model) refreshDue(msg refreshDueMsg) (tea.Model, tea.Cmd) {
	var next tea.Cmd
	if msg.scheduled {
		next = refreshAfter(m.opts.Settings.every)
	}
	if m.opts.Refresh == nil || m.refreshing {
		return m, next
	}
	tm, cmd := m.refreshKey()
	return tm, tea.Batch(cmd, next)
}

// refreshKey starts a refresh unless one is running.
func (m Model) refreshKey() (tea.Model, tea.Cmd) {
	switch {
	case m.opts.Refresh == nil:
		m.status = note("this library has no feeds to refresh")
		return m, nil
	case m.refreshing:
		m.status = note("already refreshing feeds…")
		return m, nil
	}
	m.refreshing = true
	m.status = note("refreshing feeds…")
	return m, startRefresh(m.opts.Refresh)
}

// refreshUpdate shows a refresh's progress, and when it ends reloads the
// list so new articles appear.
func (m Model) refreshUpdate(msg tea.Msg) (tea.Model, tea.Cmd) {
	switch msg := msg.(type) {
	case refreshProgressMsg:
		m.status = note(fmt.Sprintf("refreshing feeds %d/%d…", msg.done, msg.total))
		return m, nextRefreshUpdate(msg.updates)
	case refreshDoneMsg:
		m.refreshing = false
		if msg.err != nil {
			m.status = failuref("refresh failed: %v", msg.err)
			return m, nil
		}
		m.status = note(msg.summary)
		clear(m.similar) // new articles may be like the ones already looked at
		var cmd tea.Cmd
		m.list, cmd = m.list.reload()
		return m, cmd
	}
	return m, nil
}
