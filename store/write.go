package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"kabar/articles"
)

// The full-text index is kept by the writer, not by triggers (migration 9):
// unindexArticle takes an article's current text out (before it changes),
// indexArticles adds the stored articles whose ids a JSON array lists, and
// indexText adds an article whose text the writer holds (bodies are stored
// packed, migration 16: the writer does not read them back). articles_text
// is the view of articles with their bodies unpacked and their titles as
// the index holds them (indexedTitle).
const (
	unindexArticle = `INSERT INTO articles_fts (articles_fts, rowid, title, body) SELECT 'delete', id, title, body FROM articles_text WHERE id = ?`
	indexArticles  = `INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles_text WHERE id IN (SELECT value FROM json_each(?))`
	indexText      = `INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)`
)

// everyArticle is the token the full-text index holds first in every
// article's title (migration 17): U+E000, a private-use character, which
// unicode61 keeps as a word of its own and no one types. A query of
// exclusions alone matches it NOT the excluded words, so FTS5 answers it
// in its index.
const everyArticle = "\ue000"

// indexedTitle is a title as the full-text index holds it: after
// everyArticle (as the articles_text view gives it).
func indexedTitle(title string) string { return everyArticle + " " + title }

// outcome is what saving one article did.
type outcome int

const (
	outcomeNew outcome = iota
	outcomeUpdated
	outcomeUnchanged
)

// identityKey is an article's identity: its canonical URL when it has one,
// else where it came from. Standard input is no place: an article read from
// it is identified by its content.
func identityKey(a *articles.Article, hash []byte) string {
	if c := articles.CanonicalURL(a.URL); c != "" {
		return "url:" + c
	}
	if a.Origin.Path == "-" || a.Origin.Path == "" {
		return fmt.Sprintf("content:%x", hash)
	}
	return "origin:" + a.Origin.String()
}

// contentHash identifies an article's content (its normalised title, given,
// and its body), so the same article read from two places is stored once.
func contentHash(normTitle string, a *articles.Article) []byte {
	h := sha256.New()
	h.Write([]byte(normTitle))
	h.Write([]byte{0})
	h.Write([]byte(a.Body))
	return h.Sum(nil)[:16]
}

// prepared is what the writer stores for an article beside the article's
// own fields. Parse workers work it out (prepareAll), so that the writer,
// the import's bottleneck, does not.
type prepared struct {
	hash                     []byte
	key, normTitle, canonURL string
	titleKey                 int64  // titleKey(normTitle)
	authors, editors         string // JSON arrays
	body                     []byte // packed (packBody)
}

// prepare works out an article's prepared columns.
func prepare(a *articles.Article) (prepared, error) {
	authors, err := json.Marshal(nonNil(a.Authors))
	if err != nil {
		return prepared{}, fmt.Errorf("encode authors: %w", err)
	}
	editors, err := json.Marshal(nonNil(a.Editors))
	if err != nil {
		return prepared{}, fmt.Errorf("encode editors: %w", err)
	}
	norm := articles.NormalizeTitle(a.Title)
	hash := contentHash(norm, a)
	return prepared{hash: hash, key: identityKey(a, hash), normTitle: norm, titleKey: titleKey(norm),
		canonURL: articles.CanonicalURL(a.URL), authors: string(authors), editors: string(editors), body: packBody(a.Body)}, nil
}

// prepareAll prepares a parsed chunk's articles; the first that cannot be
// prepared is left to the writer, which reports it.
func prepareAll(as []articles.Article) []prepared {
	out := make([]prepared, 0, len(as))
	for i := range as {
		p, err := prepare(&as[i])
		if err != nil {
			break
		}
		out = append(out, p)
	}
	return out
}

// batchWriter saves articles inside one transaction with prepared statements.
type batchWriter struct {
	tx                               *sql.Tx
	byKey, byHash, insert, updateRow *sql.Stmt
	insertBody, updateBody, drop     *sql.Stmt
	version, refs, unindex, index    *sql.Stmt
	now                              int64
	unindexed                        map[int64]*articles.Article // saved by this batch, not yet in the full-text index
	pending                          map[int64][]articles.Ref    // refs to insert once the batch is in
	changed                          []int64
	answers                          []answer
	derived                          derivedCounts // the new articles' counts and people, not yet written
	inStoredRun                      bool          // the last article saved was stored already
}

func newBatchWriter(ctx context.Context, tx *sql.Tx, now time.Time) (*batchWriter, error) {
	w := &batchWriter{tx: tx, now: now.Unix(), pending: map[int64][]articles.Ref{}, unindexed: map[int64]*articles.Article{}}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.byKey, `SELECT id, content_hash FROM articles WHERE key = ?`},
		{&w.byHash, `SELECT id FROM articles WHERE title_key = ? AND content_hash = ?`},
		{&w.insert, `INSERT INTO articles (key, content_hash, title, norm_title, title_key, source, url, canon_url, published, published_tz,
			sort_key, authors, editors, origin) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)
			ON CONFLICT DO NOTHING`},
		{&w.updateRow, `UPDATE articles SET content_hash=?, title=?, norm_title=?, title_key=?, source=?, url=?, canon_url=?, published=?, published_tz=?,
			sort_key=?, authors=?, editors=?, origin=? WHERE id=?`},
		{&w.insertBody, `INSERT INTO bodies (id, text) VALUES (?, ?)`},
		{&w.updateBody, `UPDATE bodies SET text = ? WHERE id = ?`},
		{&w.drop, `DELETE FROM refs WHERE article_id = ?`},
		{&w.refs, `SELECT title, url FROM refs WHERE article_id = ? ORDER BY pos`},
		{&w.unindex, unindexArticle},
		{&w.index, indexText},
		{&w.version, `SELECT a.title, a.source, a.url, a.published, a.published_tz, a.authors, a.editors, b.text, a.origin
			FROM articles a JOIN bodies b ON b.id = a.id WHERE a.id = ?`},
	}
	for _, st := range stmts {
		p, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			return nil, fmt.Errorf("prepare: %w", err)
		}
		*st.dst = p
	}
	return w, nil
}

// save stores one article: new, updated in place (same identity, new
// content), or unchanged (same content already stored, here or elsewhere).
// p, when not nil, is the article's prepared columns.
func (w *batchWriter) save(ctx context.Context, a *articles.Article, p *prepared) (outcome, error) {
	if p == nil {
		own, err := prepare(a)
		if err != nil {
			return 0, err
		}
		p = &own
	}
	// After an article that was stored already the identity is looked up
	// first: a library imported again is runs of stored articles, each one
	// lookup instead of a failed insert and a lookup.
	if w.inStoredRun {
		stored, err := w.lookUpKey(ctx, p.key)
		if err != nil {
			return 0, err
		}
		if stored.found {
			return w.saveStored(ctx, a, p, stored)
		}
	}
	id, inserted, err := w.insertNew(ctx, a, p)
	if err != nil {
		return 0, err
	}
	w.inStoredRun = !inserted
	if !inserted {
		stored, err := w.lookUpKey(ctx, p.key)
		if err != nil {
			return 0, err
		}
		return w.saveStored(ctx, a, p, stored)
	}
	w.saved(id, a, p)
	return outcomeNew, nil
}

// storedKey is the article stored under an identity, if any.
type storedKey struct {
	found bool
	id    int64
	hash  []byte
}

// lookUpKey reads the article stored under an identity.
func (w *batchWriter) lookUpKey(ctx context.Context, key string) (storedKey, error) {
	var k storedKey
	switch err := w.byKey.QueryRowContext(ctx, key).Scan(&k.id, &k.hash); {
	case errors.Is(err, sql.ErrNoRows):
		return k, nil
	case err != nil:
		return k, fmt.Errorf("look up %s: %w", key, err)
	}
	k.found = true
	return k, nil
}

// insertNew inserts an article unless its identity or its content is stored
// already. Most articles of an import are new: one statement stores them,
// where looking up the identity and the content first took three.
func (w *batchWriter) insertNew(ctx context.Context, a *articles.Article, p *prepared) (id int64, inserted bool, err error) {
	args := w.columns(a, p)
	args[0] = p.key
	res, err := w.insert.ExecContext(ctx, args...)
	if err != nil {
		return 0, false, fmt.Errorf("insert %s: %w", p.key, err)
	}
	if n, err := res.RowsAffected(); err != nil || n == 0 {
		if err != nil {
			err = fmt.Errorf("insert %s: %w", p.key, err)
		}
		return 0, false, err
	}
	if id, err = res.LastInsertId(); err != nil {
		return 0, false, fmt.Errorf("insert %s: %w", p.key, err)
	}
	if _, err := w.insertBody.ExecContext(ctx, id, p.body); err != nil {
		return 0, false, fmt.Errorf("insert %s: body: %w", p.key, err)
	}
	w.derived.inserted(id, a.Source, a.Authors, a.Editors)
	return id, true, nil
}

// saveStored saves an article whose identity or content is stored: it is
// unchanged, or it updates stored, the article stored under its identity.
func (w *batchWriter) saveStored(ctx context.Context, a *articles.Article, p *prepared, stored storedKey) (outcome, error) {
	hash, key := p.hash, p.key
	id, found := stored.id, stored.found
	if found && bytes.Equal(stored.hash, hash) {
		return outcomeUnchanged, nil
	}
	if found {
		merged, keepStored, err := w.mergeWithStored(ctx, id, a)
		if err != nil {
			return 0, fmt.Errorf("look up %s: %w", key, err)
		}
		if keepStored {
			return outcomeUnchanged, nil
		}
		if merged != nil {
			*a = *merged
			own, err := prepare(a)
			if err != nil {
				return 0, fmt.Errorf("merge %s: %w", key, err)
			}
			p, hash = &own, own.hash
		}
	}
	var other int64
	switch err := w.byHash.QueryRowContext(ctx, p.titleKey, hash).Scan(&other); {
	case err == nil && other != id:
		return outcomeUnchanged, nil // the same content is stored under another identity
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return 0, fmt.Errorf("look up content of %s: %w", key, err)
	case !found:
		return 0, fmt.Errorf("insert %s: neither its identity nor its content is stored, yet the insert conflicted", key)
	}
	if err := w.update(ctx, id, a, p); err != nil {
		return 0, fmt.Errorf("update %s: %w", key, err)
	}
	w.saved(id, a, p)
	return outcomeUpdated, nil
}

// update writes an article's new version over the stored one.
func (w *batchWriter) update(ctx context.Context, id int64, a *articles.Article, p *prepared) error {
	if err := w.derived.flush(ctx, w.tx); err != nil {
		return err
	}
	if err := w.unindexStored(ctx, id); err != nil {
		return err
	}
	args := w.columns(a, p)
	if _, err := w.updateRow.ExecContext(ctx, append(args[1:], id)...); err != nil {
		return err
	}
	if _, err := w.updateBody.ExecContext(ctx, p.body, id); err != nil {
		return fmt.Errorf("body: %w", err)
	}
	if _, err := w.drop.ExecContext(ctx, id); err != nil {
		return fmt.Errorf("drop refs: %w", err)
	}
	return nil
}

// saved notes an article the batch wrote: its text is indexed and its refs
// written and resolved once the batch is in.
func (w *batchWriter) saved(id int64, a *articles.Article, p *prepared) {
	a.ID = id
	w.unindexed[id] = a
	if _, seen := w.pending[id]; !seen {
		w.changed = append(w.changed, id)
		w.answers = append(w.answers, answer{norm: p.normTitle, canon: p.canonURL})
	}
	w.pending[id] = a.Related
}

// mergeWithStored decides what to keep when an article's identity is stored
// with other content. From the same place it is an edit and replaces the
// stored version (merged is nil). From another place (the same URL in a
// second dataset) the versions merge (articles.MergeVersions): keepStored
// when that is the stored article itself, else the merged article to write.
func (w *batchWriter) mergeWithStored(ctx context.Context, id int64, a *articles.Article) (merged *articles.Article, keepStored bool, err error) {
	stored, err := w.storedVersion(ctx, id)
	if err != nil || stored.Origin.String() == a.Origin.String() {
		return nil, false, err
	}
	m := articles.MergeVersions(stored, *a)
	if m.Origin == stored.Origin && m.Title == stored.Title && m.Source == stored.Source && m.URL == stored.URL &&
		m.Published.Equal(stored.Published) && slices.Equal(m.Authors, stored.Authors) && slices.Equal(m.Editors, stored.Editors) {
		return nil, true, nil
	}
	if m.Origin == stored.Origin { // the stored body stays, and with it its refs
		if refs, inBatch := w.pending[id]; inBatch {
			m.Related = refs // saved by this batch: its refs are not written yet
		} else if m.Related, err = w.storedRefs(ctx, id); err != nil {
			return nil, false, err
		}
	}
	return &m, false, nil
}

// storedVersion reads a stored article's content and metadata, without its
// refs.
func (w *batchWriter) storedVersion(ctx context.Context, id int64) (articles.Article, error) {
	var a articles.Article
	var published sql.NullInt64
	var tz int
	var authors, editors, origin string
	var body []byte
	err := w.version.QueryRowContext(ctx, id).Scan(&a.Title, &a.Source, &a.URL, &published, &tz, &authors, &editors, &body, &origin)
	if err != nil {
		return a, err
	}
	if a.Body, err = unpackBody(body); err != nil {
		return a, fmt.Errorf("body of article %d: %w", id, err)
	}
	a.Published = unixTime(published, tz)
	if err := json.Unmarshal([]byte(authors), &a.Authors); err != nil {
		return a, fmt.Errorf("authors of article %d: %w", id, err)
	}
	if err := json.Unmarshal([]byte(editors), &a.Editors); err != nil {
		return a, fmt.Errorf("editors of article %d: %w", id, err)
	}
	a.Origin = parseOrigin(origin)
	return a, nil
}

// storedRefs reads a stored article's refs as written.
func (w *batchWriter) storedRefs(ctx context.Context, id int64) ([]articles.Ref, error) {
	rows, err := w.refs.QueryContext(ctx, id)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var refs []articles.Ref
	for rows.Next() {
		var r articles.Ref
		if err := rows.Scan(&r.Title, &r.URL); err != nil {
			return nil, err
		}
		refs = append(refs, r)
	}
	return refs, rows.Err()
}

// parseOrigin reads back an origin stored as "path" or "path#record".
func parseOrigin(s string) articles.Origin {
	if i := strings.LastIndexByte(s, '#'); i > 0 {
		if n, err := strconv.Atoi(s[i+1:]); err == nil && n > 0 {
			return articles.Origin{Path: s[:i], Record: n}
		}
	}
	return articles.Origin{Path: s}
}

// columns returns the insert arguments for an article; the first is the key,
// filled in by the caller.
func (w *batchWriter) columns(a *articles.Article, p *prepared) []any {
	var published any
	sortKey, tz := w.now, 0
	if !a.Published.IsZero() {
		published = a.Published.Unix()
		sortKey = a.Published.Unix()
		_, tz = a.Published.Zone()
	}
	return []any{nil, p.hash, a.Title, p.normTitle, p.titleKey, a.Source, a.URL, p.canonURL,
		published, tz, sortKey, p.authors, p.editors, a.Origin.String()}
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// unindexStored takes a stored article's old text out of the full-text index
// before it changes, unless this batch saved it and it is not indexed yet.
func (w *batchWriter) unindexStored(ctx context.Context, id int64) error {
	if w.unindexed[id] != nil {
		return nil
	}
	_, err := w.unindex.ExecContext(ctx, id)
	return err
}

// indexChanged adds every article the batch saved to the full-text index,
// in id order and in one transaction, so FTS5 writes the batch as one
// segment (see migrations 9 and 15).
func (w *batchWriter) indexChanged(ctx context.Context) error {
	ids := make([]int64, 0, len(w.unindexed))
	for id := range w.unindexed {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		a := w.unindexed[id]
		if _, err := w.index.ExecContext(ctx, id, indexedTitle(a.Title), a.Body); err != nil {
			return fmt.Errorf("index article %d: %w", id, err)
		}
	}
	clear(w.unindexed)
	return nil
}

// finish inserts and resolves the refs of every article the batch changed
// (indexChanged first: the fuzzy rule searches the index), then resolves older unresolved refs that those articles answer.
func (w *batchWriter) finish(ctx context.Context) (resolved int, err error) {
	r, err := newResolver(ctx, w.tx)
	if err != nil {
		return 0, err
	}
	for _, id := range w.changed {
		for pos, ref := range w.pending[id] {
			ok, err := r.insertRef(ctx, id, pos, ref)
			if err != nil {
				return resolved, err
			}
			if ok {
				resolved++
			}
		}
	}
	n, err := r.answerOlderRefs(ctx, w.answers)
	if err != nil {
		return resolved + n, err
	}
	f, err := r.answerFuzzily(ctx, w.answers)
	return resolved + n + f, err
}
