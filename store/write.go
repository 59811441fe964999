package store

import (
	"bytes"
	"context"
	"crypto/sha256"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"kabar/articles"
)

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

// contentHash identifies an article's content, so the same article read from
// two places is stored once.
func contentHash(a *articles.Article) []byte {
	h := sha256.New()
	h.Write([]byte(articles.NormalizeTitle(a.Title)))
	h.Write([]byte{0})
	h.Write([]byte(a.Body))
	return h.Sum(nil)[:16]
}

// batchWriter saves articles inside one transaction with prepared statements.
type batchWriter struct {
	tx                                  *sql.Tx
	byKey, byHash, insert, update, drop *sql.Stmt
	now                                 int64
	pending                             map[int64][]articles.Ref // refs to insert once the batch is in
	changed                             []int64
	answers                             []answer
}

func newBatchWriter(ctx context.Context, tx *sql.Tx, now time.Time) (*batchWriter, error) {
	w := &batchWriter{tx: tx, now: now.Unix(), pending: map[int64][]articles.Ref{}}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		{&w.byKey, `SELECT id, content_hash FROM articles WHERE key = ?`},
		{&w.byHash, `SELECT id FROM articles WHERE content_hash = ?`},
		{&w.insert, `INSERT INTO articles (key, content_hash, title, norm_title, source, url, canon_url, published, published_tz,
			sort_key, authors, editors, body, origin, imported, ref_count) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&w.update, `UPDATE articles SET content_hash=?, title=?, norm_title=?, source=?, url=?, canon_url=?, published=?, published_tz=?,
			sort_key=?, authors=?, editors=?, body=?, origin=?, imported=?, ref_count=? WHERE id=?`},
		{&w.drop, `DELETE FROM refs WHERE article_id = ?`},
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
func (w *batchWriter) save(ctx context.Context, a *articles.Article) (outcome, error) {
	hash := contentHash(a)
	key := identityKey(a, hash)
	var id int64
	var oldHash []byte
	err := w.byKey.QueryRowContext(ctx, key).Scan(&id, &oldHash)
	found := err == nil
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return 0, fmt.Errorf("look up %s: %w", key, err)
	}
	if found && bytes.Equal(oldHash, hash) {
		return outcomeUnchanged, nil
	}
	var other int64
	switch err := w.byHash.QueryRowContext(ctx, hash).Scan(&other); {
	case err == nil && other != id:
		return outcomeUnchanged, nil // the same content is stored under another identity
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return 0, fmt.Errorf("look up content of %s: %w", key, err)
	}
	args, err := w.columns(a, hash)
	if err != nil {
		return 0, err
	}
	if found {
		if _, err := w.update.ExecContext(ctx, append(args[1:], id)...); err != nil {
			return 0, fmt.Errorf("update %s: %w", key, err)
		}
		if _, err := w.drop.ExecContext(ctx, id); err != nil {
			return 0, fmt.Errorf("drop refs of %s: %w", key, err)
		}
	} else {
		args[0] = key
		res, err := w.insert.ExecContext(ctx, args...)
		if err != nil {
			return 0, fmt.Errorf("insert %s: %w", key, err)
		}
		if id, err = res.LastInsertId(); err != nil {
			return 0, fmt.Errorf("insert %s: %w", key, err)
		}
	}
	a.ID = id
	if _, seen := w.pending[id]; !seen {
		w.changed = append(w.changed, id)
		w.answers = append(w.answers, answer{norm: args[3].(string), canon: args[6].(string)})
	}
	w.pending[id] = a.Related
	if found {
		return outcomeUpdated, nil
	}
	return outcomeNew, nil
}

// columns returns the insert arguments for an article; the first is the key,
// filled in by the caller.
func (w *batchWriter) columns(a *articles.Article, hash []byte) ([]any, error) {
	authors, err := json.Marshal(nonNil(a.Authors))
	if err != nil {
		return nil, fmt.Errorf("encode authors: %w", err)
	}
	editors, err := json.Marshal(nonNil(a.Editors))
	if err != nil {
		return nil, fmt.Errorf("encode editors: %w", err)
	}
	var published any
	sortKey, tz := w.now, 0
	if !a.Published.IsZero() {
		published = a.Published.Unix()
		sortKey = a.Published.Unix()
		_, tz = a.Published.Zone()
	}
	return []any{nil, hash, a.Title, articles.NormalizeTitle(a.Title), a.Source, a.URL, articles.CanonicalURL(a.URL),
		published, tz, sortKey, string(authors), string(editors), a.Body, a.Origin.String(), w.now, len(a.Related)}, nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// finish inserts and resolves the refs of every article the batch changed,
// then resolves older unresolved refs that those articles answer.
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
