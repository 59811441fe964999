package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"kabar/articles"
)

// ErrNotFound reports an article ID that is not in the library.
var ErrNotFound = errors.New("article not found")

// ListOptions select and page the article list, newest first.
type ListOptions struct {
	Offset, Limit int
	Unread        bool
	Starred       bool
	// Source, when set, lists only that outlet's articles.
	Source string
	// After, when set, pages from a place in the list instead of from its
	// top: the page starts just after that article (Offset counts on from
	// there). Before, when set instead, lists the page that ends just
	// before it (Offset counts back up from there). Either reads a page at
	// any depth as fast as the first; with both, the rows between them
	// are listed from After.
	After, Before *ListCursor
}

// ListCursor is a place in the list: an article's sort key and id, the
// list's order (CursorOf).
type ListCursor struct{ SortKey, ID int64 }

// listedAfter and listedBefore keep the articles listed after, or before,
// a place (its sort key and id as arguments): one range of the date index.
const (
	listedAfter  = `(a.sort_key, a.id) < (?, ?)`
	listedBefore = `(a.sort_key, a.id) > (?, ?)`
)

// CursorOf is where a listed article stands in the list: a dated article
// sorts by its date, an undated one by when the library took it in.
func CursorOf(l articles.Listing) ListCursor {
	if l.Published.IsZero() {
		return ListCursor{SortKey: l.Imported.Unix(), ID: l.ID}
	}
	return ListCursor{SortKey: l.Published.Unix(), ID: l.ID}
}

// listColumns are a listing's columns, all in the articles row (bodies are
// a table of their own, migration 16): the import time of an undated
// article is its sort key, and whether it has links is asked of refs'
// index.
const listColumns = `a.id, a.title, a.source, a.url, a.published, a.published_tz,
	CASE WHEN a.published IS NULL THEN a.sort_key ELSE 0 END, ` + hasLinks + `,
	coalesce(s.read, 0), coalesce(s.starred, 0), coalesce((SELECT group_concat(t.name, ',') FROM article_tags at
		CROSS JOIN tags t ON t.id = at.tag_id WHERE at.article_id = a.id), '')`

// List returns a page of articles, newest first. A page past the middle
// of the list is read from its oldest end: OFFSET steps over every row
// before the page, 130 ms for the last page of a million articles.
func (s *Store) List(ctx context.Context, opt ListOptions) ([]articles.Listing, error) {
	where, args := listFilter(opt)
	limit, offset := limitOr(opt.Limit), max(opt.Offset, 0)
	q := `SELECT ` + listColumns + ` FROM articles a LEFT JOIN state s ON s.article_id = a.id` + where
	if opt.After == nil && opt.Before != nil {
		page, err := s.queryListings(ctx, "list", q+` ORDER BY a.sort_key, a.id LIMIT ? OFFSET ?`, append(args, limit, offset)...)
		slices.Reverse(page)
		return page, err
	}
	if opt.After != nil {
		return s.queryListings(ctx, "list", q+` ORDER BY a.sort_key DESC, a.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	}
	tx, err := s.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true}) // the count and the page see one library
	if err != nil {
		return nil, fmt.Errorf("store: list: %w", withAdvice(s.path, err))
	}
	defer tx.Rollback() // read only: nothing to keep
	total, counted, err := listTotal(ctx, tx, opt)
	if err != nil {
		return nil, fmt.Errorf("store: list: %w", withAdvice(s.path, err))
	}
	if !counted || offset+limit/2 <= total/2 {
		return s.queryListingsIn(ctx, tx, "list", q+` ORDER BY a.sort_key DESC, a.id DESC LIMIT ? OFFSET ?`, append(args, limit, offset)...)
	}
	// the same rows oldest first: the page ends fromEnd rows before the end
	fromEnd := total - offset - limit
	if fromEnd < 0 {
		limit, fromEnd = limit+fromEnd, 0
	}
	if limit <= 0 {
		return nil, nil
	}
	page, err := s.queryListingsIn(ctx, tx, "list", q+` ORDER BY a.sort_key, a.id LIMIT ? OFFSET ?`, append(args, limit, fromEnd)...)
	slices.Reverse(page)
	return page, err
}

// listTotal is how many articles a list holds, where the library keeps the
// count (every list but the starred one, which is short enough to page
// through): the library's counters, or its outlet's.
func listTotal(ctx context.Context, tx *sql.Tx, opt ListOptions) (total int, counted bool, err error) {
	if opt.Starred {
		return 0, false, nil
	}
	q, args := `SELECT `+articlesAndRead, []any(nil)
	if opt.Source != "" {
		q, args = `SELECT coalesce(sum(n), 0), coalesce(sum(read_n), 0) FROM source_counts WHERE source = ?`, []any{opt.Source}
	}
	var read int
	if err := tx.QueryRowContext(ctx, q, args...).Scan(&total, &read); err != nil {
		return 0, false, err
	}
	if opt.Unread {
		total -= read
	}
	return total, true, nil
}

// listFilter is the WHERE clause, and its arguments, for list options.
func listFilter(opt ListOptions) (string, []any) {
	var conds []string
	var args []any
	if opt.Unread {
		conds = append(conds, `coalesce(s.read, 0) = 0`)
	}
	if opt.Starred {
		conds = append(conds, `s.starred = 1`)
	}
	if opt.Source != "" {
		conds = append(conds, `a.source = ?`)
		args = append(args, opt.Source)
	}
	if c := opt.After; c != nil {
		conds = append(conds, listedAfter)
		args = append(args, c.SortKey, c.ID)
	}
	if c := opt.Before; c != nil {
		conds = append(conds, listedBefore)
		args = append(args, c.SortKey, c.ID)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

func limitOr(n int) int {
	if n <= 0 {
		return 100
	}
	return n
}

// Search returns a page of the articles matching a query (see parseQuery:
// words, phrases, prefixes, exclusions and fields), newest first like the
// list. Nothing a user types is a query syntax error. With prefixLast the
// last word matches as a prefix, as a filter does while typing.
func (s *Store) Search(ctx context.Context, query string, offset, limit int, prefixLast bool) ([]articles.Listing, error) {
	c, err := s.compile(ctx, query, prefixLast)
	if err != nil || c.empty() {
		return nil, err
	}
	return s.newestPage(ctx, query, c, offset, limit)
}

// SearchAfter returns the articles matching a query listed after one,
// newest first: the next page of a search's results, read from that
// article (keyset paging) rather than counted from the first result.
func (s *Store) SearchAfter(ctx context.Context, query string, last articles.Listing, limit int, prefixLast bool) ([]articles.Listing, error) {
	c, err := s.compile(ctx, query, prefixLast)
	if err != nil || c.empty() {
		return nil, err
	}
	return s.newestPage(ctx, query, c.after(CursorOf(last)), 0, limit)
}

// newestPage is a page of a compiled query's results, newest first.
func (s *Store) newestPage(ctx context.Context, query string, c compiledQuery, offset, limit int) ([]articles.Listing, error) {
	limit, offset = limitOr(limit), max(offset, 0)
	q, args, many, err := s.newestFirst(ctx, c, listColumns)
	if err == nil && many && c.walkable() {
		var ids []int64
		var walked bool
		if ids, walked, err = s.walkNewest(ctx, c, offset+limit); err == nil && walked {
			return s.listingsOf(ctx, "search "+query, ids[min(offset, len(ids)):], "")
		}
	}
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, withAdvice(s.path, err))
	}
	return s.queryListings(ctx, "search "+query, q, append(args, limit, offset)...)
}

// newestFirst returns the statement, ending in LIMIT ? OFFSET ?, that
// selects columns of a query's results newest first, and its arguments but
// those two. With an id set to start from it reads the set's ids (up to
// sortAllUpTo): a few are sorted at once. With more, a small
// other set (see narrowest) is started from instead; failing that (many
// true), SQLite collects them once and walks the library newest first
// keeping those. many is also true when a newest-first walk (walkNewest)
// should be tried before a small set of more than narrowFirstUpTo. With no
// set (only conditions such as is:unread or after:) the library is walked
// newest first through the conditions.
func (s *Store) newestFirst(ctx context.Context, c compiledQuery, columns string) (q string, args []any, many bool, err error) {
	first, and, args, ok := c.split()
	const from = ` LEFT JOIN state s ON s.article_id = a.id`
	const order = ` ORDER BY a.sort_key DESC, a.id DESC LIMIT ? OFFSET ?`
	if !ok {
		return `SELECT ` + columns + ` FROM articles a` + from + ` WHERE 1` + and + order, args, false, nil
	}
	ids, err := s.idsUpTo(ctx, first, s.sortAllUpTo+1)
	if err != nil {
		return "", nil, false, err
	}
	if len(ids) <= s.sortAllUpTo { // sort the ids read, not the set read again
		q, args := sortedAll(c.startingFrom(ids), columns)
		return q, args, false, nil
	}
	narrowed, size, err := s.narrowest(ctx, c, len(ids))
	if err != nil {
		return "", nil, false, err
	}
	if size >= 0 {
		// few articles pass another set: start from them, unless a walk
		// newest first is worth trying first
		q, args := sortedAll(narrowed, columns)
		return q, args, size > narrowFirstUpTo, nil
	}
	args = append(append([]any{}, first.args...), args...)
	return `SELECT ` + columns + ` FROM articles a INDEXED BY articles_sort` + from +
		` WHERE a.id IN (` + first.sql + `)` + and + order, args, true, nil
}

// sortedAll is the statement, ending in LIMIT ? OFFSET ?, that reads every
// article of a query's first id set (a few thousand at most), keeps those
// passing the rest and sorts them newest first; and its arguments but those
// two.
func sortedAll(c compiledQuery, columns string) (string, []any) {
	first, and, args, _ := c.split()
	return `SELECT ` + columns + ` FROM (` + first.sql + `) m CROSS JOIN articles a ON a.id = m.id` +
			` LEFT JOIN state s ON s.article_id = a.id WHERE 1` + and + ` ORDER BY a.sort_key DESC, a.id DESC LIMIT ? OFFSET ?`,
		append(slices.Clone(first.args), args...)
}

// sortAllUpTo is the most matches Search sorts by date all at once; past it
// a query matches so much of the library that walking it newest first finds
// a page sooner. (Store.sortAllUpTo; tests lower it.)
const sortAllUpTo = 5000

// relevanceCandidates is how many of a query's matches relevance ranks:
// the most recently imported ones (all of them when there are fewer).
// Scoring a match means reading and cutting its text (the index keeps no
// column sizes), tens of microseconds a row, so ranking every match of a
// word in most articles would take seconds at 100,000 and half a minute at
// a million; a bounded set keeps the first page within 150 ms at any size.
const relevanceCandidates = 1000

// SearchByRelevance returns a page of the articles matching query, best
// first: BM25 as FTS5's bm25() computes it (see relevance.go), a title
// match weighing five times a body match, among the relevanceCandidates
// most recently imported matches. A query without words has no relevance
// and comes newest first.
func (s *Store) SearchByRelevance(ctx context.Context, query string, offset, limit int, prefixLast bool) ([]articles.Listing, error) {
	c, err := s.compile(ctx, query, prefixLast)
	if err != nil || c.empty() {
		return nil, err
	}
	if len(c.phrases) == 0 { // nothing to rank by (exclusions and fields only)
		return s.newestPage(ctx, query, c, offset, limit)
	}
	limit, offset = limitOr(limit), max(offset, 0)
	narrowed, size, err := s.narrowest(ctx, c, -1)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, withAdvice(s.path, err))
	}
	c = narrowed
	// the first set is the match; the other sets that can be are tested on
	// each match (an outlet's set holds a third of a library)
	_, and, args, _ := c.splitTesting(true)
	var from int64
	if size < 0 || size > s.rankUpTo {
		from, err = s.relevanceFloor(ctx, c, and, args)
	}
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, withAdvice(s.path, err))
	}
	ids, err := s.rankedIDs(ctx, c, from, and, args)
	if err != nil {
		return nil, fmt.Errorf("store: search %q: %w", query, withAdvice(s.path, err))
	}
	return s.rankedPage(ctx, query, ids, offset, limit)
}

// relevanceFloor is the lowest rowid among the relevanceCandidates most
// recently imported matches that pass the query's other conditions (0 when
// fewer pass): ranking only matches from there bounds bm25's work.
func (s *Store) relevanceFloor(ctx context.Context, c compiledQuery, and string, args []any) (int64, error) {
	var n int
	var from int64
	matches, matchArgs := c.matching("")
	err := s.db.QueryRowContext(ctx, `SELECT count(*), coalesce(min(id), 0) FROM (SELECT m.id FROM
			(`+matches+`) m
		CROSS JOIN articles a ON a.id = m.id LEFT JOIN state s ON s.article_id = a.id WHERE 1`+and+`
		ORDER BY m.id DESC LIMIT ?)`,
		append(append(matchArgs, args...), s.rankUpTo)...).Scan(&n, &from)
	if n < s.rankUpTo {
		from = 0 // fewer pass than the bound: rank them all
	}
	return from, err
}

// SearchCount returns how many articles match a search, counting at most
// limit (no limit when limit <= 0): a count of a word in every article costs
// as much as reading them all, and "1000+" says enough.
func (s *Store) SearchCount(ctx context.Context, query string, prefixLast bool, limit int) (int, error) {
	c, err := s.compile(ctx, query, prefixLast)
	if err != nil || c.empty() {
		return 0, err
	}
	if limit <= 0 {
		limit = -1
	}
	first, and, _, ok := c.split()
	if ok && and == "" {
		// one id set: count it
		n, err := s.countUpTo(ctx, first, limit)
		if err != nil {
			return 0, fmt.Errorf("store: count search %q: %w", query, withAdvice(s.path, err))
		}
		return n, nil
	}
	// the ids a page of results would walk, up to the limit
	q, args, _, err := s.newestFirst(ctx, c, "a.id")
	if err == nil {
		var ids []int64
		ids, err = column[int64](s.db.QueryContext(ctx, q, append(args, limit, 0)...))
		if err == nil {
			return len(ids), nil
		}
	}
	return 0, fmt.Errorf("store: count search %q: %w", query, withAdvice(s.path, err))
}

// querier runs a statement: the library's pool or a transaction.
type querier interface {
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
}

// queryListings runs a statement selecting listColumns on the pool.
func (s *Store) queryListings(ctx context.Context, what, q string, args ...any) ([]articles.Listing, error) {
	return s.queryListingsIn(ctx, s.db, what, q, args...)
}

// queryListingsIn runs a statement selecting listColumns on db.
func (s *Store) queryListingsIn(ctx context.Context, db querier, what, q string, args ...any) ([]articles.Listing, error) {
	rows, err := db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, withAdvice(s.path, err))
	}
	defer rows.Close()
	var out []articles.Listing
	for rows.Next() {
		var l articles.Listing
		var published sql.NullInt64
		var tz int
		var imported int64
		var tags string
		if err := rows.Scan(&l.ID, &l.Title, &l.Source, &l.URL, &published, &tz, &imported, &l.HasRelated, &l.Read, &l.Starred, &tags); err != nil {
			return nil, fmt.Errorf("store: %s: %w", what, withAdvice(s.path, err))
		}
		if tags != "" {
			l.Tags = strings.Split(tags, ",")
			slices.Sort(l.Tags)
		}
		l.Published = unixTime(published, tz)
		if imported > 0 {
			l.Imported = time.Unix(imported, 0)
		}
		out = append(out, l)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("store: %s: %w", what, withAdvice(s.path, err))
	}
	return out, nil
}

func unixTime(v sql.NullInt64, tz int) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.Unix(v.Int64, 0).In(time.FixedZone("", tz))
}

// articlesAndRead selects the library's kept counts of articles and of read
// ones.
const articlesAndRead = `(SELECT n FROM counters WHERE name = 'articles'), (SELECT n FROM counters WHERE name = 'read')`

// Counts returns how many articles the library holds, and how many are
// unread and starred.
func (s *Store) Counts(ctx context.Context) (articles.Counts, error) {
	var c articles.Counts
	var read int
	err := s.db.QueryRowContext(ctx, `SELECT `+articlesAndRead+`, (SELECT count(*) FROM state WHERE starred = 1)`).Scan(&c.Total, &read, &c.Starred)
	if err != nil {
		return c, fmt.Errorf("store: counts: %w", withAdvice(s.path, err))
	}
	c.Unread = c.Total - read
	return c, nil
}

// Article returns one stored article with its refs resolved, its state and
// the articles that point at it.
func (s *Store) Article(ctx context.Context, id int64) (articles.Stored, error) {
	var st articles.Stored
	var published sql.NullInt64
	var tz int
	var authors, editors, origin string
	var body []byte
	err := s.db.QueryRowContext(ctx, `SELECT a.id, a.title, a.source, a.url, a.published, a.published_tz, a.authors, a.editors,
		b.text, a.origin, coalesce(s.read, 0), coalesce(s.starred, 0), coalesce(s.scroll, 0)
		FROM articles a CROSS JOIN bodies b ON b.id = a.id LEFT JOIN state s ON s.article_id = a.id WHERE a.id = ?`, id).Scan(
		&st.ID, &st.Title, &st.Source, &st.URL, &published, &tz, &authors, &editors, &body, &origin, &st.Read, &st.Starred, &st.Scroll)
	if errors.Is(err, sql.ErrNoRows) {
		return st, fmt.Errorf("store: article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return st, fmt.Errorf("store: article %d: %w", id, withAdvice(s.path, err))
	}
	if st.Body, err = unpackBody(body); err != nil {
		return st, fmt.Errorf("store: article %d: %w", id, withAdvice(s.path, err))
	}
	st.Published = unixTime(published, tz)
	st.Origin = articles.Origin{Path: origin}
	if err := json.Unmarshal([]byte(authors), &st.Authors); err != nil {
		return st, fmt.Errorf("store: article %d authors: %w", id, err)
	}
	if err := json.Unmarshal([]byte(editors), &st.Editors); err != nil {
		return st, fmt.Errorf("store: article %d editors: %w", id, err)
	}
	if st.Related, err = s.refsOf(ctx, id); err != nil {
		return st, err
	}
	if st.ReferencedBy, err = s.backlinks(ctx, id); err != nil {
		return st, err
	}
	if st.Tags, err = s.Tags(ctx, id); err != nil {
		return st, err
	}
	return st, nil
}

func (s *Store) refsOf(ctx context.Context, id int64) ([]articles.Ref, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT r.title, r.url, coalesce(r.target_id, 0), r.match, coalesce(t.title, '')
		FROM refs r LEFT JOIN articles t ON t.id = r.target_id WHERE r.article_id = ? ORDER BY r.pos`, id)
	if err != nil {
		return nil, fmt.Errorf("store: refs of %d: %w", id, err)
	}
	defer rows.Close()
	var out []articles.Ref
	for rows.Next() {
		var r articles.Ref
		var match string
		if err := rows.Scan(&r.Title, &r.URL, &r.Target, &match, &r.TargetTitle); err != nil {
			return nil, fmt.Errorf("store: refs of %d: %w", id, err)
		}
		r.Match = articles.Match(match)
		if r.Target == 0 {
			r.Match = articles.MatchNone
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

func (s *Store) backlinks(ctx context.Context, id int64) ([]articles.Backlink, error) {
	rows, err := s.db.QueryContext(ctx, `SELECT DISTINCT a.id, a.title FROM refs r JOIN articles a ON a.id = r.article_id
		WHERE r.target_id = ? AND r.article_id <> ? ORDER BY a.sort_key DESC, a.id DESC`, id, id)
	if err != nil {
		return nil, fmt.Errorf("store: backlinks of %d: %w", id, err)
	}
	defer rows.Close()
	var out []articles.Backlink
	for rows.Next() {
		var b articles.Backlink
		if err := rows.Scan(&b.ID, &b.Title); err != nil {
			return nil, fmt.Errorf("store: backlinks of %d: %w", id, err)
		}
		out = append(out, b)
	}
	return out, rows.Err()
}

// Link is one ref as the links command prints it.
type Link struct {
	From   int64
	Title  string
	URL    string
	Target int64
	Match  articles.Match
}

// Links calls fn for every ref in the library, in article order, or only the
// unresolved ones.
func (s *Store) Links(ctx context.Context, unresolvedOnly bool, fn func(Link) error) error {
	q := `SELECT article_id, title, url, coalesce(target_id, 0), match FROM refs`
	if unresolvedOnly {
		q += ` WHERE target_id IS NULL`
	}
	rows, err := s.db.QueryContext(ctx, q+` ORDER BY article_id, pos`)
	if err != nil {
		return fmt.Errorf("store: links: %w", withAdvice(s.path, err))
	}
	defer rows.Close()
	for rows.Next() {
		var l Link
		var match string
		if err := rows.Scan(&l.From, &l.Title, &l.URL, &l.Target, &match); err != nil {
			return fmt.Errorf("store: links: %w", withAdvice(s.path, err))
		}
		l.Match = articles.Match(match)
		if l.Target == 0 {
			l.Match = articles.MatchNone
		}
		if err := fn(l); err != nil {
			return err
		}
	}
	return rows.Err()
}

// SetRead marks an article read or unread.
func (s *Store) SetRead(ctx context.Context, id int64, read bool) error {
	return s.setState(ctx, id, "read", boolInt(read))
}

// SetStarred stars or unstars an article.
func (s *Store) SetStarred(ctx context.Context, id int64, starred bool) error {
	return s.setState(ctx, id, "starred", boolInt(starred))
}

// SetScroll saves the reader's scroll position in an article.
func (s *Store) SetScroll(ctx context.Context, id int64, line int) error {
	return s.setState(ctx, id, "scroll", line)
}

func (s *Store) setState(ctx context.Context, id int64, column string, value int) error {
	_, err := s.db.ExecContext(ctx, `INSERT INTO state (article_id, `+column+`) VALUES (?, ?)
		ON CONFLICT (article_id) DO UPDATE SET `+column+` = excluded.`+column, id, value)
	if err != nil {
		return fmt.Errorf("store: set %s of article %d: %w", column, id, err)
	}
	return nil
}

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// Page returns articles newest first from offset, of one outlet when source
// is set: the list the reader pages through.
func (s *Store) Page(ctx context.Context, source string, offset, limit int) ([]articles.Listing, error) {
	return s.List(ctx, ListOptions{Offset: offset, Limit: limit, Source: source})
}

// PageAfter returns the articles listed after one, newest first, of one
// outlet when source is set: the next page of the list the reader pages
// through, read from that article (keyset paging), not from the top.
func (s *Store) PageAfter(ctx context.Context, source string, last articles.Listing, limit int) ([]articles.Listing, error) {
	at := CursorOf(last)
	return s.List(ctx, ListOptions{After: &at, Limit: limit, Source: source})
}

// PageBefore returns the articles listed just before one, newest first:
// the page above it.
func (s *Store) PageBefore(ctx context.Context, source string, first articles.Listing, limit int) ([]articles.Listing, error) {
	at := CursorOf(first)
	return s.List(ctx, ListOptions{Before: &at, Limit: limit, Source: source})
}

// CountSource returns how many articles an outlet has.
func (s *Store) CountSource(ctx context.Context, source string) (int, error) {
	var n int
	err := s.db.QueryRowContext(ctx, `SELECT coalesce((SELECT n FROM source_counts WHERE source = ?), 0)`, source).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("store: count %s: %w", source, err)
	}
	return n, nil
}

// ArticleByURL returns the id of the newest article with this URL (compared
// canonically), 0 when none is stored.
func (s *Store) ArticleByURL(ctx context.Context, url string) (int64, error) {
	canon := articles.CanonicalURL(url)
	if canon == "" {
		return 0, nil
	}
	var id int64
	err := s.db.QueryRowContext(ctx, `SELECT coalesce(max(id), 0) FROM articles WHERE canon_url = ? AND canon_url <> ''`, canon).Scan(&id)
	if err != nil {
		return 0, fmt.Errorf("store: %s: look up %s: %w", s.path, url, withAdvice(s.path, err))
	}
	return id, nil
}

// HasURL reports whether an article with this URL (compared canonically) is
// stored.
func (s *Store) HasURL(ctx context.Context, url string) (bool, error) {
	canon := articles.CanonicalURL(url)
	if canon == "" {
		return false, nil
	}
	var found bool
	err := s.db.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE canon_url = ? AND canon_url <> '')`, canon).Scan(&found)
	if err != nil {
		return false, fmt.Errorf("store: %s: look up %s: %w", s.path, url, err)
	}
	return found, nil
}

// body reads an article's body.
func (s *Store) body(ctx context.Context, id int64) (string, error) {
	var packed []byte
	err := s.db.QueryRowContext(ctx, `SELECT text FROM bodies WHERE id = ?`, id).Scan(&packed)
	if errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("body of article %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return "", fmt.Errorf("body of article %d: %w", id, withAdvice(s.path, err))
	}
	body, err := unpackBody(packed)
	if err != nil {
		return "", fmt.Errorf("body of article %d: %w", id, err)
	}
	return body, nil
}

// IDs returns the ids of every article query finds, or of every article
// when query is empty, newest first, read by one statement: what export
// walks. (Pages of Search or List would each skip the pages before them,
// which costs in proportion to the library: a million articles exported
// in pages of 500 spent minutes skipping.)
func (s *Store) IDs(ctx context.Context, query string) ([]int64, error) {
	q, args := `SELECT id FROM articles INDEXED BY articles_sort ORDER BY sort_key DESC, id DESC`, []any(nil)
	if query != "" {
		c, err := s.compile(ctx, query, false)
		if err != nil || c.empty() {
			return nil, err
		}
		if q, args, _, err = s.newestFirst(ctx, c, "a.id"); err != nil {
			return nil, fmt.Errorf("store: ids of %q: %w", query, withAdvice(s.path, err))
		}
		args = append(args, -1, 0) // no limit, no offset
	}
	ids, err := column[int64](s.db.QueryContext(ctx, q, args...))
	if err != nil {
		return nil, fmt.Errorf("store: ids of %q: %w", query, withAdvice(s.path, err))
	}
	return ids, nil
}
