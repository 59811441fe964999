package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
)

// An import writes on a connection of its own with automatic checkpoints
// off. After a commit, the checkpointer copies the write-ahead log into the
// library on another connection while the writer goes on with the next
// transaction; every checkpointEvery commits the writer waits for it and
// copies the last transaction itself, so that the log is wholly copied and
// the next transaction starts it again from the beginning (a log copied
// only in the background never is: each copy ends one commit behind, and
// the log would grow for the whole import). A checkpoint on the writer's
// connection stopped the import for its whole length, about a tenth of the
// writer's time at a million articles.
const checkpointEvery = 4

// importConn returns a connection for an import's writer, with automatic
// checkpoints off, and the function that gives it up. The connection is
// closed rather than returned to the pool, so no later write runs without
// checkpoints.
func (s *Store) importConn(ctx context.Context) (*sql.Conn, func(), error) {
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return nil, nil, fmt.Errorf("connect: %w", err)
	}
	if _, err := conn.ExecContext(ctx, "PRAGMA wal_autocheckpoint = 0"); err != nil {
		conn.Close()
		return nil, nil, fmt.Errorf("connect: %w", err)
	}
	release := func() {
		// driver.ErrBadConn tells database/sql to close the connection
		// instead of pooling it; there is nothing else to report
		_ = conn.Raw(func(any) error { return driver.ErrBadConn })
		conn.Close()
	}
	return conn, release, nil
}

// checkpointer keeps the write-ahead log of an import short.
type checkpointer struct {
	db      *sql.DB
	writer  *sql.Conn
	commits int
	running chan error // the background checkpoint's result; nil when none runs
}

func newCheckpointer(db *sql.DB, writer *sql.Conn) *checkpointer {
	return &checkpointer{db: db, writer: writer}
}

// committed is called after each commit of the writer.
func (c *checkpointer) committed(ctx context.Context) error {
	c.commits++
	if c.commits%checkpointEvery == 0 {
		if err := c.wait(); err != nil {
			return err
		}
		return checkpoint(ctx, c.writer.ExecContext)
	}
	if c.running != nil {
		select {
		case err := <-c.running:
			c.running = nil
			if err != nil {
				return err
			}
		default:
			return nil // the last one still runs; the next commit asks again
		}
	}
	c.running = make(chan error, 1)
	go func(done chan<- error) { done <- checkpoint(ctx, c.db.ExecContext) }(c.running)
	return nil
}

// wait waits for the background checkpoint, if one runs, and returns its
// error.
func (c *checkpointer) wait() error {
	if c.running == nil {
		return nil
	}
	err := <-c.running
	c.running = nil
	return err
}

// checkpoint copies what the log holds into the library, as far as no
// reader still needs it, without waiting for readers or writers.
func checkpoint(ctx context.Context, exec func(context.Context, string, ...any) (sql.Result, error)) error {
	if _, err := exec(ctx, "PRAGMA wal_checkpoint(PASSIVE)"); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}
