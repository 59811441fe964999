package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
)

// ErrDamaged reports a library whose pages fail SQLite's own check.
var ErrDamaged = errors.New("library is damaged")

// DamagedAdvice says what to do with a damaged library.
const DamagedAdvice = "move it aside (or restore a backup) and import again"

// Check runs SQLite's check over the whole library and returns the problems
// it reports, none when the library is sound: quick_check (every page and
// record, minutes at a million articles) or, when full, integrity_check
// (also every index against its table).
func (s *Store) Check(ctx context.Context, full bool) ([]string, error) {
	pragma := "PRAGMA quick_check"
	if full {
		pragma = "PRAGMA integrity_check"
	}
	rows, err := s.db.QueryContext(ctx, pragma)
	if err != nil {
		return nil, fmt.Errorf("store: check %s: %w", s.path, withAdvice(s.path, err))
	}
	defer rows.Close()
	var problems []string
	for rows.Next() {
		var row string
		if err := rows.Scan(&row); err != nil {
			return nil, fmt.Errorf("store: check %s: %w", s.path, err)
		}
		// a row can hold several lines under a "*** in database main ***" heading
		for _, l := range strings.Split(row, "\n") {
			if l = strings.TrimSpace(l); l != "" && l != "ok" && !strings.HasPrefix(l, "*** in database") {
				problems = append(problems, l)
			}
		}
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: check %s: %w", s.path, withAdvice(s.path, err))
	}
	return problems, nil
}

// CheckIfSmall runs the quick check when the library (with its write-ahead
// log) is at most limit bytes, the size that checks in a moment, and returns
// an error wrapping ErrDamaged that names the file, its first problem and
// what to do. Reading a damaged page can otherwise give an article whose
// text is silently wrong: SQLite checks the structure of what it reads, not
// the bytes of a body.
func (s *Store) CheckIfSmall(ctx context.Context, limit int64) error {
	if s.sizeOnDisk() > limit {
		return nil
	}
	problems, err := s.Check(ctx, false)
	if err != nil || len(problems) == 0 {
		return err
	}
	return damaged(s.path, problems)
}

// damaged is the error for a library whose check found problems.
func damaged(path string, problems []string) error {
	more := ""
	if len(problems) > 1 {
		more = fmt.Sprintf(" and %d more", len(problems)-1)
	}
	return fmt.Errorf("store: %s: %w (%s%s): %s; kabar check lists every problem",
		path, ErrDamaged, problems[0], more, DamagedAdvice)
}

// sizeOnDisk is the size of the library file and its write-ahead log.
func (s *Store) sizeOnDisk() int64 {
	var n int64
	for _, p := range []string{s.path, s.path + "-wal"} {
		if info, err := os.Stat(p); err == nil {
			n += info.Size()
		}
	}
	return n
}

// Advise adds the library's name and what to do to an error from a damaged,
// foreign, read-only or full library that does not name the file yet; other
// errors pass unchanged.
func (s *Store) Advise(err error) error {
	if err == nil || strings.Contains(err.Error(), s.path) {
		return err
	}
	return withAdvice(s.path, err)
}
