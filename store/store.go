// Package store is kabar's library on disk: one SQLite file (pure-Go
// modernc.org/sqlite with FTS5) holding articles, their related-article refs
// and how each resolved, the reader's state, and a full-text index. It runs
// the import pipeline and answers the list, search, show and links queries.
package store

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strings"

	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is an open library. It is safe for concurrent use; writes are
// serialised by SQLite, and readers never wait for an import (WAL).
type Store struct {
	db   *sql.DB
	path string

	vocab vocabulary
	// sortAllUpTo is the most matches a search sorts all at once.
	sortAllUpTo int
	// rankUpTo is how many matches relevance ranks (relevanceCandidates;
	// tests lower it).
	rankUpTo int
	// walkCosts weigh a newest-first walk (defaultWalkCosts; tests lower
	// them).
	walkCosts walkCosts
}

// busyTimeoutMS is how long a connection waits for another writer.
const busyTimeoutMS = 10000

// Open opens (creating if needed) the library at path and brings its schema
// up to date.
func Open(path string) (*Store, error) {
	return openVersion(path, len(migrationFiles()))
}

// openVersion opens the library migrated up to the given schema version; tests
// use it to build an older library.
func openVersion(path string, version int) (*Store, error) {
	return openWith("sqlite", path, version)
}

// openWith opens the library through the named database/sql driver (the
// query-plan test records statements through a wrapper of "sqlite").
func openWith(driverName, path string, version int) (*Store, error) {
	if info, err := os.Stat(path); err == nil && info.IsDir() {
		return nil, fmt.Errorf("store: open %s: %w", path, errIsDir)
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
	}
	db, err := sql.Open(driverName, dsn(path, writePragmas, ""))
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	}
	s := &Store{db: db, path: path, sortAllUpTo: sortAllUpTo, rankUpTo: relevanceCandidates, walkCosts: defaultWalkCosts}
	if err := s.migrate(context.Background(), version); err != nil {
		db.Close()
		return nil, fmt.Errorf("store: open %s: %w", path, withAdvice(path, err))
	}
	return s, nil
}

// writePragmas tune a connection that imports. page_size comes before the
// journal mode (set by the driver's _journal_mode key, after these): a new
// file takes its page size when WAL mode first writes it. 4 KB pages, not
// 8 KB: BenchmarkImport100k measured 4,934 articles/s and 1.42× the raw
// text with 4 KB against 3,580/s and 2.26× with 8 KB (the FTS5 segments and
// the indexes fill large pages less).
var writePragmas = []string{
	fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS),
	"page_size(4096)",
	"wal_autocheckpoint(32768)", // 128 MB: fewer, larger checkpoints while importing
	"journal_size_limit(67108864)",
	"synchronous(NORMAL)",
	"foreign_keys(1)",
	"cache_size(-16000)",
	"temp_store(MEMORY)",
}

// dsn is the driver's name for a library file: a file: URI whose path is
// escaped, so "?", "#" and "%" in a file name are part of it, with the
// pragmas and, for a read-only open, SQLite's mode (and immutable) keys.
func dsn(path string, pragmas []string, readOnly string) string {
	q := url.Values{}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	if readOnly == "" {
		q.Set("_journal_mode", "WAL")
		q.Set("_txlock", "immediate")
	} else {
		q.Set("mode", "ro")
		if readOnly == "immutable" {
			q.Set("immutable", "1")
		}
	}
	escaped := strings.NewReplacer("%", "%25", "?", "%3f", "#", "%23").Replace(path)
	return "file:" + escaped + "?" + q.Encode()
}

// OpenReadOnly opens an existing library for reading: it creates nothing,
// writes nothing, and works where neither the file nor its directory can be
// written (a library on a read-only mount, or another user's). A library
// that does not exist is ErrNoLibrary; one with an older schema is brought
// up to date first when it can be written.
func OpenReadOnly(path string) (*Store, error) {
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, fmt.Errorf("store: %w at %s", ErrNoLibrary, path)
	case err != nil:
		return nil, fmt.Errorf("store: open %s: %w", path, err)
	case info.IsDir():
		return nil, fmt.Errorf("store: open %s: %w", path, errIsDir)
	}
	pragmas := []string{fmt.Sprintf("busy_timeout(%d)", busyTimeoutMS), "cache_size(-16000)", "temp_store(MEMORY)"}
	var version int
	var db *sql.DB
	for _, mode := range []string{"ro", "immutable"} {
		// mode=ro needs the WAL index, which it cannot create in a
		// read-only directory; immutable reads the file as it is
		if db, err = sql.Open("sqlite", dsn(path, pragmas, mode)); err != nil {
			return nil, fmt.Errorf("store: open %s: %w", path, err)
		}
		if err = db.QueryRow("PRAGMA user_version").Scan(&version); err == nil {
			break
		}
		db.Close()
	}
	if err != nil {
		return nil, fmt.Errorf("store: open %s: %w", path, withAdvice(path, err))
	}
	if want := len(migrationFiles()); version != want {
		db.Close()
		if version > want {
			return nil, fmt.Errorf("store: open %s: library schema version %d is newer than this kabar (%d)", path, version, want)
		}
		return Open(path) // an older library: migrate it (this needs write access)
	}
	return &Store{db: db, path: path, sortAllUpTo: sortAllUpTo, rankUpTo: relevanceCandidates, walkCosts: defaultWalkCosts}, nil
}

// ErrNoLibrary reports a library file that does not exist.
var ErrNoLibrary = errors.New("no library")

// errIsDir reports a library path that names a directory.
var errIsDir = errors.New("is a directory, not a library file (give --db the file's path, e.g. DIR/library.db)")

// withAdvice adds what to do to the SQLite errors a user can meet at open: a
// damaged file, a file that is not a library, a read-only place.
func withAdvice(path string, err error) error {
	var coded interface{ Code() int }
	if !errors.As(err, &coded) {
		return err
	}
	switch coded.Code() & 0xff { // the primary result code
	case sqliteCorrupt, sqliteNotADB:
		return fmt.Errorf("%w: %s is damaged or is not a kabar library; %s (kabar check lists the problems)", err, path, DamagedAdvice)
	case sqliteReadOnly:
		return fmt.Errorf("%w: %s or its directory cannot be written; reading commands still work, importing needs write access", err, path)
	case sqliteFull:
		return fmt.Errorf("%w: the disk holding %s is full; nothing of the unfinished batch was stored", err, path)
	}
	return err
}

// SQLite's primary result codes that withAdvice explains.
const (
	sqliteReadOnly = 8
	sqliteCorrupt  = 11
	sqliteFull     = 13
	sqliteNotADB   = 26
)

// Path is the library file's path.
func (s *Store) Path() string { return s.path }

// Close closes the library.
func (s *Store) Close() error {
	err := s.db.Close()
	if rerr := s.vocab.runes.close(); err == nil {
		err = rerr
	}
	if err != nil {
		return fmt.Errorf("store: close %s: %w", s.path, err)
	}
	return nil
}

func migrationFiles() []string {
	names, _ := fs.Glob(migrations, "migrations/*.sql")
	sort.Strings(names)
	return names
}

// SchemaVersion returns the library's schema version (PRAGMA user_version).
func (s *Store) SchemaVersion(ctx context.Context) (int, error) {
	var v int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&v); err != nil {
		return 0, fmt.Errorf("store: schema version: %w", err)
	}
	return v, nil
}

// migrate applies the embedded migrations above the library's version, each
// in its own transaction together with the version bump. They run on a
// connection whose temporary files are files: a migration that rewrites a
// large table keeps a statement journal of every page it changes, which in
// memory (the pool's temp_store) took 1.3 KB per article, over a gigabyte
// for a library of a million.
func (s *Store) migrate(ctx context.Context, target int) (err error) {
	var current int
	if err := s.db.QueryRowContext(ctx, "PRAGMA user_version").Scan(&current); err != nil {
		return fmt.Errorf("schema version: %w", err)
	}
	files := migrationFiles()
	if current > len(files) {
		return fmt.Errorf("library schema version %d is newer than this kabar (%d)", current, len(files))
	}
	if current >= min(target, len(files)) {
		return nil
	}
	conn, err := s.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer func() {
		if _, rerr := conn.ExecContext(ctx, "PRAGMA temp_store = MEMORY"); err == nil && rerr != nil {
			err = fmt.Errorf("migrate: %w", rerr)
		}
		if cerr := conn.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("migrate: %w", cerr)
		}
	}()
	if _, err := conn.ExecContext(ctx, "PRAGMA temp_store = FILE"); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for i := current; i < target && i < len(files); i++ {
		if err := applyMigration(ctx, conn, files[i], i+1); err != nil {
			return fmt.Errorf("migration %s: %w", files[i], err)
		}
	}
	if current > 0 && current < packedBodiesMigration && target >= packedBodiesMigration {
		return compact(ctx, conn)
	}
	return nil
}

// applyMigration runs one migration file and sets the schema version to
// version, in one transaction.
func applyMigration(ctx context.Context, conn *sql.Conn, file string, version int) error {
	script, err := migrations.ReadFile(file)
	if err != nil {
		return err
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(script)); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", version)); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	return tx.Commit()
}

// packedBodiesMigration moved the bodies out of the articles table and
// packed them (0016_bodies.sql). It leaves the table's pages nearly empty,
// not free: a library migrated past it is compacted, or the file would keep
// its old size.
const packedBodiesMigration = 16

// compact rewrites the library (VACUUM; its copy goes to a temporary file
// on conn) and cuts the write-ahead log.
func compact(ctx context.Context, conn *sql.Conn) error {
	for _, st := range []string{
		"VACUUM",
		// the rewritten pages are in the log: copy them back and cut the file
		"PRAGMA wal_checkpoint(TRUNCATE)",
	} {
		if _, err := conn.ExecContext(ctx, st); err != nil {
			return fmt.Errorf("compact: %s: %w", st, err)
		}
	}
	return nil
}

// inTx runs fn in a write transaction, committing when it returns nil.
func (s *Store) inTx(ctx context.Context, fn func(*sql.Tx) error) error {
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	if err := fn(tx); err != nil {
		return errors.Join(err, tx.Rollback())
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// IsEmpty reports whether the library holds no articles.
func (s *Store) IsEmpty(ctx context.Context) (bool, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT EXISTS (SELECT 1 FROM articles)").Scan(&n); err != nil {
		return false, fmt.Errorf("store: %s: %w", s.path, err)
	}
	return n == 0, nil
}
