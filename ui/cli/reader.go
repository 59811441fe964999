package cli

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	tea "charm.land/bubbletea/v2"
	"github.com/spf13/cobra"

	"kabar/articles/demo"
	"kabar/store"
	"kabar/store/fetch"
	"kabar/ui"
	"kabar/ui/safe"
)

// demoHint tells a newcomer how to bring in their own news.
const demoHint = "Demo library (your library is empty) — quit with q, then: kabar import PATH…"

// pollEvery is how often the reader looks for articles another kabar stored.
const pollEvery = 5 * time.Second

// runReader opens the reader on the library, or on the demo library while
// the library is missing or empty.
func (a *app) runReader(cmd *cobra.Command, args []string) error {
	if len(args) > 0 {
		return usagef("unknown command %q (kabar --help lists the commands)", args[0])
	}
	if err := a.needTerminal(); err != nil {
		return err
	}
	ctx := cmd.Context()
	path := libraryPath(a.db)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		hint := demoHint
		if a.libraryNamed() {
			hint = "No library at " + safe.Line(path) + " — this is the demo; kabar import PATH… creates it"
		}
		return a.runDemo(ctx, hint)
	}
	s, err := store.Open(path)
	if err != nil {
		// a library that cannot be written can still be read; saving read
		// state then reports why it cannot in the status line
		ro, roErr := store.OpenReadOnly(path)
		if roErr != nil {
			return err
		}
		s = ro
	}
	defer s.Close()
	if err := s.CheckIfSmall(ctx, checkBeforeReadingUpTo); err != nil {
		return err
	}
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if empty {
		return a.runDemo(ctx, demoHint)
	}
	return ui.Run(s, ui.Options{Name: path, Refresh: refresher(s), Poll: pollEvery,
		Settings: a.settings, Warning: a.settingsProblem}, tea.WithContext(ctx))
}

// needTerminal refuses to draw the reader into a pipe or a file.
func (a *app) needTerminal() error {
	if isTerminal(a.rawOut) {
		return nil
	}
	return usagef("the reader needs a terminal, and standard output is not one; " +
		"for scripts use the commands (kabar list, kabar search, kabar show; kabar --help lists them)")
}

// refresher fetches every subscribed feed for the reader's r key.
func refresher(s *store.Store) ui.RefreshFunc {
	return func(ctx context.Context, progress func(done, total int)) (string, error) {
		feeds, err := s.Feeds(ctx)
		if err != nil {
			return "", err
		}
		if len(feeds) == 0 {
			return "no feeds to refresh — add one: kabar feed add URL", nil
		}
		results, err := (&fetch.Fetcher{}).FetchAll(ctx, s, "", func(done, total int, _ fetch.Result) { progress(done, total) })
		if err != nil {
			return "", err
		}
		return fetchSummary(results), nil
	}
}

func (a *app) demoCommand() *cobra.Command {
	return &cobra.Command{
		Use:   "demo",
		Short: "Open the reader on the embedded demo library",
		Long:  "Open the reader on the embedded demo library. Nothing is written to your library.",
		Args:  noArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := a.needTerminal(); err != nil {
				return err
			}
			return a.runDemo(cmd.Context(), "Demo library — your own: kabar import PATH…, then kabar")
		},
	}
}

// runDemo builds the demo library in a temporary file and reads it.
func (a *app) runDemo(ctx context.Context, hint string) error {
	s, cleanup, err := openDemo(ctx)
	if err != nil {
		return err
	}
	defer cleanup()
	return ui.Run(s, ui.Options{Name: "demo library", Demo: true, Hint: hint, Settings: a.settings, Warning: a.settingsProblem},
		tea.WithContext(ctx))
}

// openDemo imports the embedded demo articles into a throwaway library.
func openDemo(ctx context.Context) (*store.Store, func(), error) {
	dir, err := os.MkdirTemp("", "kabar-demo-")
	if err != nil {
		return nil, nil, fmt.Errorf("demo: %w", err)
	}
	cleanup := func() { os.RemoveAll(dir) }
	s, err := store.Open(filepath.Join(dir, "demo.db"))
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	as, err := demo.Articles()
	if err == nil {
		_, err = s.ImportArticles(ctx, as)
	}
	if err != nil {
		s.Close()
		cleanup()
		return nil, nil, fmt.Errorf("demo: %w", err)
	}
	return s, func() { s.Close(); cleanup() }, nil
}
