package store

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"fmt"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"kabar/articles"
)

// TestHotStatementsNeverScanLargeTables runs the import (text, feed and
// Markdown articles whose refs carry URLs and titles, an import that answers
// older refs by every rule), list, search, reader and count paths through a
// driver that records every statement they run, then asks SQLite for each
// statement's plan. A full scan of articles, refs or state fails the test: on
// a large library it is what made a feed import quadratic.
func TestHotStatementsNeverScanLargeTables(t *testing.T) {
	rec := &recorder{args: map[string][]driver.NamedValue{}}
	name := fmt.Sprintf("sqlite-plan-%p", rec)
	probe, err := sql.Open("sqlite", ":memory:")
	if err != nil {
		t.Fatal(err)
	}
	sql.Register(name, recordingDriver{inner: probe.Driver(), rec: rec})
	probe.Close()

	path := filepath.Join(t.TempDir(), "library.db")
	plain, err := Open(path) // migrations run here, unrecorded
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { plain.Close() })
	s, err := openWith(name, path, len(migrationFiles()))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	exerciseHotPaths(t, s)

	if len(rec.args) < 25 {
		t.Fatalf("recorded only %d statements: the workflow did not run", len(rec.args))
	}
	partial := partialIndexes(t, plain)
	for _, q := range rec.statements() {
		plan := explain(t, plain, q, rec.args[q])
		if why := fullScan(q, plan, partial); why != "" {
			t.Errorf("%s\n  plan: %s\n  statement: %s", why, strings.Join(plan, " | "), oneLine(q))
		}
	}
}

// exerciseHotPaths imports and reads a small library the way kabar does.
func exerciseHotPaths(t *testing.T, s *Store) {
	t.Helper()
	ctx, dir := context.Background(), t.TempDir()
	first := []string{
		writeFile(t, dir, "a/berita.txt", seedShape),
		writeFile(t, dir, "a/feed.xml", planFeed(1, 40)),
		writeFile(t, dir, "a/kapal.txt", gluedShort), // its glued ref is re-cut when b/dermaga.txt arrives
		writeFile(t, dir, "a/catatan.md", "---\ntitle: Catatan Pasar Malang\nurl: https://kabarku.test/catatan\nrelated:\n  - https://kabarku.test/berita/55\n  - Nelayan Kupang Bersihkan Pelabuhan Tahap Sembilan Puluh\n---\nIsi catatan.\n"),
	}
	if _, err := s.Import(ctx, first, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	second := []string{
		writeFile(t, dir, "b/later.txt", laterArticle),
		writeFile(t, dir, "b/dermaga.txt", dermaga),
		writeFile(t, dir, "b/feed.xml", planFeed(41, 80)),
		writeFile(t, dir, "b/fuzzy.txt", "Nelayan Kupang Membersihkan Pelabuhan Tahap Sembilan Puluh\nKabarku - Isi berita nelayan.\n"),
	}
	if _, err := s.Import(ctx, second, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	ls, err := s.List(ctx, ListOptions{Limit: 10})
	if err != nil || len(ls) == 0 {
		t.Fatalf("list: %d, %v", len(ls), err)
	}
	id := ls[0].ID
	for _, step := range []func() error{
		func() error { return s.SetRead(ctx, id, true) },
		func() error { return s.SetStarred(ctx, id, true) },
		func() error { return s.SetScroll(ctx, id, 3) },
		func() error { _, err := s.List(ctx, ListOptions{Unread: true, Limit: 10}); return err },
		func() error { _, err := s.List(ctx, ListOptions{Starred: true, Limit: 10}); return err },
		func() error { // pages past the middle are read from the oldest end
			for _, opt := range []ListOptions{{}, {Unread: true}, {Source: "Kabar Feed"}, {Source: "Kabar Feed", Unread: true}} {
				opt.Limit = 1000
				every, err := s.List(ctx, opt)
				if err != nil {
					return err
				}
				if len(every) < 4 {
					return fmt.Errorf("%+v lists %d articles: too few to read a page from the end", opt, len(every))
				}
				opt.Offset, opt.Limit = len(every)-3, 2
				if _, err := s.List(ctx, opt); err != nil {
					return err
				}
			}
			return nil
		},
		func() error { _, err := s.Page(ctx, "Kabar Feed", 10, 10); return err },
		func() error { // a search's page after a result (keyset paging), sorted, walked and collected
			last := articles.Listing{ID: id, Imported: time.Now()}
			for _, upTo := range []int{sortAllUpTo, 1} {
				s.sortAllUpTo = upTo
				for _, q := range []string{"pelabuhan", "pelabuhan is:unread", "source:kabar", "-pelabuhan"} {
					if _, err := s.SearchAfter(ctx, q, last, 10, false); err != nil {
						s.sortAllUpTo = sortAllUpTo
						return err
					}
				}
			}
			s.sortAllUpTo = sortAllUpTo
			return nil
		},
		func() error { // pages next to a place in the list (keyset paging)
			at := &ListCursor{SortKey: time.Now().Unix(), ID: id}
			for _, opt := range []ListOptions{{After: at}, {Before: at}, {Unread: true, After: at}, {Source: "Kabar Feed", Before: at}, {Source: "Kabar Feed", Unread: true, After: at}} {
				opt.Limit = 10
				if _, err := s.List(ctx, opt); err != nil {
					return err
				}
			}
			return nil
		},
		func() error { _, err := s.Search(ctx, "pelabuhan", 0, 10, false); return err },
		func() error { _, err := s.Search(ctx, "pelab", 0, 10, true); return err },
		func() error { _, err := s.SearchCount(ctx, "pelabuhan", true, 1000); return err },
		func() error { _, err := s.SearchByRelevance(ctx, "pelabuhan", 0, 10, false); return err },
		func() error { // a query matching most of the library walks it newest first
			s.sortAllUpTo = 1
			defer func() { s.sortAllUpTo = sortAllUpTo }()
			if _, err := s.Search(ctx, "pelabuhan", 0, 10, false); err != nil {
				return err
			}
			_, err := s.Search(ctx, "source:kabar is:unread", 0, 10, false)
			return err
		},
		func() error { // a frequent word with a condition few articles pass starts from those
			s.sortAllUpTo = 2
			defer func() { s.sortAllUpTo = sortAllUpTo }()
			for _, q := range []string{"pelabuhan is:starred", "pelabuhan after:2030-01-01", "pelabuhan before:2001", "pelabuhan tag:penting"} {
				if _, err := s.Search(ctx, q, 0, 10, false); err != nil {
					return err
				}
				if _, err := s.SearchByRelevance(ctx, q, 0, 10, false); err != nil {
					return err
				}
			}
			return nil
		},
		func() error { // the walk newest first that a page of a frequent word takes
			c, err := s.compile(ctx, "pelabuhan is:unread", false)
			if err != nil {
				return err
			}
			if _, walked, err := s.walkNewest(ctx, c, 5); err != nil || !walked {
				return fmt.Errorf("walk newest first: walked %v, %w", walked, err)
			}
			return nil
		},
		func() error { // the query language's fields, alone and with words
			for _, q := range []string{"source:kabar after:2025-01-01", "author:budi", "is:starred", "is:unread -is:starred",
				"before:2030 has:links", "-source:kabar", "pelabuhan title:pelab* -dermaga source:kabar is:unread", "-pelabuhan",
				`source:"Kabar Feed"`, "tag:penting", "-tag:penting", "pelabuhan tag:penting"} {
				if _, err := s.Search(ctx, q, 0, 10, true); err != nil {
					return err
				}
				if _, err := s.SearchCount(ctx, q, true, 1000); err != nil {
					return err
				}
				if _, err := s.SearchByRelevance(ctx, q, 0, 10, true); err != nil {
					return err
				}
			}
			return nil
		},
		func() error { _, err := s.Article(ctx, id); return err },
		func() error { _, err := s.Article(ctx, ls[len(ls)-1].ID); return err },
		func() error { _, err := s.Counts(ctx); return err },
		func() error { _, err := s.Sources(ctx); return err },
		func() error { return s.Tag(ctx, id, "penting", "arsip") },
		func() error { return s.Untag(ctx, id, "arsip") },
		func() error { return s.SetTags(ctx, id, []string{"penting", "baru"}) },
		func() error { _, err := s.TagNames(ctx); return err },
		func() error { return s.SaveSearch(ctx, "pelabuhan", "pelabuhan is:unread") },
		func() error { _, err := s.SavedSearches(ctx); return err },
		func() error { _, _, err := s.SearchTally(ctx, "pelabuhan source:kabar"); return err },
		func() error { _, err := s.MarkAllRead(ctx, "source:kabar tag:penting"); return err },
		func() error { return s.SetReadOf(ctx, []int64{id, ls[1].ID}, false) },
		func() error { // delete with undo, and a prune
			rm, err := s.Delete(ctx, ls[1].ID)
			if err != nil {
				return err
			}
			if err := s.Restore(ctx, rm); err != nil {
				return err
			}
			_, err = s.Prune(ctx, PruneOptions{Before: time.Date(2025, 1, 3, 0, 0, 0, 0, time.UTC), Source: "Kabar Feed"})
			return err
		},
		func() error { _, err := s.CountSource(ctx, "Kabar Feed"); return err },
		func() error { _, err := s.Similar(ctx, id, 10); return err },
		func() error { _, err := s.Story(ctx, id); return err },
		func() error { _, err := s.Story(ctx, ls[len(ls)-1].ID); return err },
		func() error { _, err := s.PersonProfile(ctx, "Dimas Prasetyo"); return err },
		func() error { _, err := s.OutletProfile(ctx, "Kabarku"); return err },
		func() error { _, err := s.Search(ctx, `author:"Dimas Prasetyo"`, 0, 10, false); return err },
		func() error { _, err := s.HasURL(ctx, "https://kabarku.test/berita/3"); return err }, // fetch --full-text
	} {
		if err := step(); err != nil {
			t.Fatal(err)
		}
	}
}

// planFeed is an Atom feed of entries from..to whose bodies link the
// previous entry by URL and an older one by title.
func planFeed(from, to int) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Kabar Feed</title>`)
	for i := from; i <= to; i++ {
		fmt.Fprintf(&b, `<entry><title>Berita Pelabuhan Nomor %d</title><link href="https://kabarku.test/berita/%d"/>`+
			`<updated>2025-01-%02dT10:00:00Z</updated><content type="html">&lt;p&gt;Isi berita pelabuhan %d.&lt;/p&gt;`+
			`&lt;p&gt;Baca juga: &lt;a href="https://kabarku.test/berita/%d"&gt;Berita Pelabuhan Nomor %d&lt;/a&gt;&lt;/p&gt;`+
			`&lt;p&gt;Baca juga: Berita Pelabuhan Nomor %d&lt;/p&gt;</content></entry>`,
			i, i, 1+i%28, i, i+1, i+1, i/2)
	}
	b.WriteString(`</feed>`)
	return b.String()
}

// largeTables are the tables that grow with the library.
var largeTables = []string{"articles", "refs", "state", "article_people", "article_tags"}

var (
	aliasPattern = regexp.MustCompile(`(?i)\b(?:FROM|JOIN)\s+(articles|refs|state|article_people|article_tags)(?:\s+(?:AS\s+)?([a-z_]\w*))?`)
	scanPattern  = regexp.MustCompile(`^SCAN (\w+)(.*)$`)
	usingIndex   = regexp.MustCompile(`USING (?:COVERING )?INDEX (\w+)`)
	pagerPattern = regexp.MustCompile(`(?i)\bLIMIT \? OFFSET \?`)
	sqlKeywords  = map[string]bool{"where": true, "join": true, "left": true, "on": true, "order": true, "group": true,
		"limit": true, "set": true, "values": true, "inner": true}
)

// fullScan says why a plan reads a large table whole, or "" when it does
// not. A page of the list (LIMIT ? OFFSET ?) walks an index (covering or
// not) in its order and stops at the page: that is fine. Any other scan is not, also an ordered
// walk with a LIMIT that a selective WHERE may never satisfy (the URL lookup
// that made feed imports quadratic), or a covering-index scan that counts.
func fullScan(q string, plan []string, partial map[string]bool) string {
	names := map[string]string{}
	for _, t := range largeTables {
		names[t] = t
	}
	for _, m := range aliasPattern.FindAllStringSubmatch(q, -1) {
		if m[2] != "" && !sqlKeywords[strings.ToLower(m[2])] {
			names[m[2]] = m[1]
		}
	}
	paging := pagerPattern.MatchString(q) && !regexp.MustCompile(`(?i)\bGROUP BY\b|count\(`).MatchString(q)
	for _, step := range plan {
		m := scanPattern.FindStringSubmatch(step)
		if m == nil || names[m[1]] == "" {
			continue
		}
		if idx := usingIndex.FindStringSubmatch(m[2]); idx != nil && partial[idx[1]] {
			continue // a partial index holds only the rows the statement wants
		}
		ordered := strings.Contains(m[2], "USING INDEX") || strings.Contains(m[2], "USING COVERING INDEX") ||
			strings.Contains(m[2], "USING INTEGER PRIMARY KEY")
		if !ordered || !paging || hasTempSort(plan) {
			return "full scan of " + names[m[1]]
		}
	}
	return ""
}

// partialIndexes names the library's indexes that hold only some rows.
func partialIndexes(t *testing.T, s *Store) map[string]bool {
	t.Helper()
	names, err := column[string](s.db.Query(`SELECT name FROM sqlite_master WHERE type = 'index' AND sql LIKE '% WHERE %'`))
	if err != nil || len(names) == 0 {
		t.Fatalf("partial indexes: %q, %v", names, err)
	}
	out := map[string]bool{}
	for _, n := range names {
		out[n] = true
	}
	return out
}

func hasTempSort(plan []string) bool {
	for _, step := range plan {
		if strings.Contains(step, "TEMP B-TREE FOR ORDER BY") {
			return true
		}
	}
	return false
}

// explain returns the steps of a statement's query plan.
func explain(t *testing.T, db *Store, q string, args []driver.NamedValue) []string {
	t.Helper()
	vals := make([]any, len(args))
	for i, a := range args {
		vals[i] = a.Value
	}
	rows, err := db.db.Query("EXPLAIN QUERY PLAN "+q, vals...)
	if err != nil {
		t.Fatalf("explain %s: %v", oneLine(q), err)
	}
	defer rows.Close()
	var plan []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			t.Fatal(err)
		}
		plan = append(plan, detail)
	}
	if err := rows.Err(); err != nil {
		t.Fatal(err)
	}
	return plan
}

func oneLine(q string) string { return strings.Join(strings.Fields(q), " ") }

// recorder keeps every data statement run through the recording driver with
// the arguments it first ran with.
type recorder struct {
	mu   sync.Mutex
	args map[string][]driver.NamedValue
}

func (r *recorder) note(q string, args []driver.NamedValue) {
	head := strings.ToUpper(strings.TrimSpace(q))
	if !strings.HasPrefix(head, "SELECT") && !strings.HasPrefix(head, "INSERT") &&
		!strings.HasPrefix(head, "UPDATE") && !strings.HasPrefix(head, "DELETE") && !strings.HasPrefix(head, "WITH") {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if _, seen := r.args[q]; !seen {
		r.args[q] = append([]driver.NamedValue(nil), args...)
	}
}

func (r *recorder) statements() []string {
	r.mu.Lock()
	defer r.mu.Unlock()
	out := make([]string, 0, len(r.args))
	for q := range r.args {
		out = append(out, q)
	}
	sort.Strings(out)
	return out
}

// recordingDriver wraps the sqlite driver; its connections offer only
// prepared statements, so every statement passes through Prepare.
type recordingDriver struct {
	inner driver.Driver
	rec   *recorder
}

func (d recordingDriver) Open(dsn string) (driver.Conn, error) {
	c, err := d.inner.Open(dsn)
	if err != nil {
		return nil, err
	}
	return recordingConn{inner: c, rec: d.rec}, nil
}

type recordingConn struct {
	inner driver.Conn
	rec   *recorder
}

func (c recordingConn) Prepare(q string) (driver.Stmt, error) {
	return c.PrepareContext(context.Background(), q)
}

func (c recordingConn) PrepareContext(ctx context.Context, q string) (driver.Stmt, error) {
	st, err := c.inner.(driver.ConnPrepareContext).PrepareContext(ctx, q)
	if err != nil {
		return nil, err
	}
	return recordingStmt{inner: st, q: q, rec: c.rec}, nil
}

func (c recordingConn) Close() error { return c.inner.Close() }

func (c recordingConn) Begin() (driver.Tx, error) {
	return c.BeginTx(context.Background(), driver.TxOptions{})
}

func (c recordingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return c.inner.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

type recordingStmt struct {
	inner driver.Stmt
	q     string
	rec   *recorder
}

func (s recordingStmt) Close() error  { return s.inner.Close() }
func (s recordingStmt) NumInput() int { return s.inner.NumInput() }

func (s recordingStmt) Exec(args []driver.Value) (driver.Result, error) {
	return nil, fmt.Errorf("recording driver: Exec without context")
}

func (s recordingStmt) Query(args []driver.Value) (driver.Rows, error) {
	return nil, fmt.Errorf("recording driver: Query without context")
}

func (s recordingStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	s.rec.note(s.q, args)
	return s.inner.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s recordingStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	s.rec.note(s.q, args)
	return s.inner.(driver.StmtQueryContext).QueryContext(ctx, args)
}

// TestFullScanRule checks the rule itself on plans SQLite gives.
func TestFullScanRule(t *testing.T) {
	for _, c := range []struct {
		q    string
		plan []string
		bad  bool
	}{
		{"SELECT id FROM articles WHERE canon_url = ? AND id <> ?", []string{"SCAN articles"}, true},
		{"SELECT id FROM articles WHERE canon_url = ? AND canon_url <> ''", []string{"SEARCH articles USING INDEX articles_canon_url (canon_url=?)"}, false},
		{"SELECT id FROM articles WHERE canon_url = ? AND id <> ? ORDER BY sort_key DESC, id DESC LIMIT 2",
			[]string{"SCAN articles USING INDEX articles_sort"}, true},
		{"SELECT a.id FROM articles a LEFT JOIN state s ON s.article_id = a.id ORDER BY a.sort_key DESC LIMIT ? OFFSET ?",
			[]string{"SCAN a USING INDEX articles_sort", "SEARCH s USING INTEGER PRIMARY KEY (rowid=?)"}, false},
		{"SELECT count(*) FROM state WHERE read = 1", []string{"SCAN state"}, true},
		{"SELECT source FROM articles GROUP BY source ORDER BY count(*) DESC LIMIT 200",
			[]string{"SCAN articles USING COVERING INDEX articles_source", "USE TEMP B-TREE FOR ORDER BY"}, true},
		{"SELECT id FROM refs WHERE match = 'pending' ORDER BY id LIMIT ?", []string{"SCAN refs USING INDEX refs_pending"}, false},
		{"SELECT id FROM refs WHERE match = 'pending' ORDER BY id LIMIT ?", []string{"SCAN refs"}, true},
		{"SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?", []string{"SCAN articles_fts VIRTUAL TABLE INDEX 0:M1"}, false},
	} {
		if got := fullScan(c.q, c.plan, map[string]bool{"refs_pending": true}) != ""; got != c.bad {
			t.Errorf("fullScan(%q, %q) = %v, want %v", c.q, c.plan, got, c.bad)
		}
	}
}
