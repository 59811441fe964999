package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
)

// Removed is what Delete took out of the library, kept so that Restore can
// put it back as it was (the reader's undo).
type Removed struct {
	IDs      []int64
	articles []rowCopy
	bodies   []rowCopy
	state    []rowCopy
	refs     []rowCopy
	tags     map[int64][]string
}

// rowCopy is one table row as stored: its columns and their values.
type rowCopy struct {
	columns []string
	values  []any
}

// Delete removes articles from the library with everything that hangs off
// them (refs, state, tags, people links, the full-text index). Refs of other
// articles that pointed at them become unresolved, or resolve to another
// article that answers them; an article imported again later answers them
// as any new article does. Ids that are not stored are ignored.
func (s *Store) Delete(ctx context.Context, ids ...int64) (Removed, error) {
	var rm Removed
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		if rm, err = snapshot(ctx, tx, ids); err != nil {
			return err
		}
		return deleteArticles(ctx, tx, rm.IDs)
	})
	if err != nil {
		return Removed{}, fmt.Errorf("store: delete %d articles: %w", len(ids), withAdvice(s.path, err))
	}
	return rm, s.resolvePending(ctx, &Summary{})
}

// Discard deletes articles like Delete and returns a function that puts
// them back (the reader's undo).
func (s *Store) Discard(ctx context.Context, ids ...int64) (restore func(context.Context) error, err error) {
	rm, err := s.Delete(ctx, ids...)
	return func(ctx context.Context) error { return s.Restore(ctx, rm) }, err
}

// Restore puts back what Delete removed, with the same ids, state and
// tags; refs resolve again (theirs, and other articles' refs to them).
func (s *Store) Restore(ctx context.Context, rm Removed) error {
	if len(rm.IDs) == 0 {
		return nil
	}
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		if err := insertCopies(ctx, tx, "articles", rm.articles); err != nil {
			return err
		}
		if err := insertCopies(ctx, tx, "bodies", rm.bodies); err != nil {
			return err
		}
		if err := countRestored(ctx, tx, rm.articles); err != nil {
			return err
		}
		list, _ := json.Marshal(rm.IDs)
		if _, err := tx.ExecContext(ctx, indexArticles, string(list)); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		if err := insertCopies(ctx, tx, "state", rm.state); err != nil {
			return err
		}
		for id, tags := range rm.tags {
			if err := addTags(ctx, tx, id, tags); err != nil {
				return err
			}
		}
		// the article's own refs wait for every rule again: their targets
		// may have gone meanwhile
		for _, ref := range rm.refs {
			ref.set("target_id", nil)
			ref.set("match", string(matchPending))
		}
		if err := insertCopies(ctx, tx, "refs", rm.refs); err != nil {
			return err
		}
		return answerRefsTo(ctx, tx, list)
	})
	if err != nil {
		return fmt.Errorf("store: restore %d articles: %w", len(rm.IDs), withAdvice(s.path, err))
	}
	return s.resolvePending(ctx, &Summary{})
}

// answerRefsTo resolves the unresolved refs that the articles whose ids list
// (a JSON array) holds answer, as an import does for new articles.
func answerRefsTo(ctx context.Context, tx *sql.Tx, list []byte) error {
	rows, err := tx.QueryContext(ctx, `SELECT norm_title, canon_url FROM articles WHERE id IN (SELECT value FROM json_each(?))`, string(list))
	if err != nil {
		return err
	}
	var answers []answer
	for rows.Next() {
		var a answer
		if err := rows.Scan(&a.norm, &a.canon); err != nil {
			rows.Close()
			return err
		}
		answers = append(answers, a)
	}
	if err := errorsOf(rows); err != nil {
		return err
	}
	r, err := newResolver(ctx, tx)
	if err != nil {
		return err
	}
	if _, err := r.answerOlderRefs(ctx, answers); err != nil {
		return err
	}
	_, err = r.answerFuzzily(ctx, answers)
	return err
}

// errorsOf closes rows and returns the error that ended them, if any.
func errorsOf(rows *sql.Rows) error {
	err := rows.Err()
	if cerr := rows.Close(); err == nil {
		err = cerr
	}
	return err
}

// countRestored adds restored articles to the counts and people that the
// writer keeps for the articles it inserts (derivedCounts): no trigger does
// it (migration 14). It runs before their state is restored, whose trigger
// counts an outlet's read articles in the outlet's row.
func countRestored(ctx context.Context, tx *sql.Tx, rows []rowCopy) error {
	var d derivedCounts
	for _, r := range rows {
		var authors, editors []string
		if err := json.Unmarshal([]byte(textOf(r.get("authors"))), &authors); err != nil {
			return fmt.Errorf("restore authors: %w", err)
		}
		if err := json.Unmarshal([]byte(textOf(r.get("editors"))), &editors); err != nil {
			return fmt.Errorf("restore editors: %w", err)
		}
		id, _ := r.get("id").(int64)
		d.inserted(id, textOf(r.get("source")), authors, editors)
	}
	return d.flush(ctx, tx)
}

// textOf is a copied TEXT value as a string.
func textOf(v any) string {
	switch v := v.(type) {
	case string:
		return v
	case []byte:
		return string(v)
	}
	return ""
}

// deleteArticles removes articles by id inside tx. The refs that pointed at
// them wait for the costly rules (resolvePending) to find another target.
func deleteArticles(ctx context.Context, tx *sql.Tx, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	list, _ := json.Marshal(ids)
	if _, err := tx.ExecContext(ctx, `UPDATE refs SET target_id = NULL, match = ?
		WHERE target_id IN (SELECT value FROM json_each(?))`, string(matchPending), string(list)); err != nil {
		return fmt.Errorf("unresolve refs: %w", err)
	}
	if _, err := tx.ExecContext(ctx, `DELETE FROM articles WHERE id IN (SELECT value FROM json_each(?))`, string(list)); err != nil {
		return fmt.Errorf("delete: %w", err)
	}
	_, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE NOT EXISTS (SELECT 1 FROM article_tags at WHERE at.tag_id = tags.id)`)
	return err
}

// snapshot copies the rows Delete removes for the given ids: the articles
// that exist, their state, their refs and their tags.
func snapshot(ctx context.Context, tx *sql.Tx, ids []int64) (Removed, error) {
	list, _ := json.Marshal(ids)
	const byID = ` IN (SELECT value FROM json_each(?))`
	rm := Removed{tags: map[int64][]string{}}
	var err error
	if rm.articles, err = copyRows(ctx, tx, `SELECT * FROM articles WHERE id`+byID+` ORDER BY id`, string(list)); err != nil {
		return rm, err
	}
	for _, a := range rm.articles {
		rm.IDs = append(rm.IDs, a.get("id").(int64))
	}
	if rm.bodies, err = copyRows(ctx, tx, `SELECT * FROM bodies WHERE id`+byID+` ORDER BY id`, string(list)); err != nil {
		return rm, err
	}
	if rm.state, err = copyRows(ctx, tx, `SELECT * FROM state WHERE article_id`+byID, string(list)); err != nil {
		return rm, err
	}
	if rm.refs, err = copyRows(ctx, tx, `SELECT * FROM refs WHERE article_id`+byID+` ORDER BY id`, string(list)); err != nil {
		return rm, err
	}
	rows, err := tx.QueryContext(ctx, `SELECT at.article_id, t.name FROM article_tags at CROSS JOIN tags t ON t.id = at.tag_id
		WHERE at.article_id`+byID, string(list))
	if err != nil {
		return rm, err
	}
	for rows.Next() {
		var id int64
		var name string
		if err := rows.Scan(&id, &name); err != nil {
			rows.Close()
			return rm, err
		}
		rm.tags[id] = append(rm.tags[id], name)
	}
	return rm, errorsOf(rows)
}

// copyRows reads whole rows.
func copyRows(ctx context.Context, tx *sql.Tx, q string, args ...any) ([]rowCopy, error) {
	rows, err := tx.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	columns, err := rows.Columns()
	if err != nil {
		rows.Close()
		return nil, err
	}
	var out []rowCopy
	for rows.Next() {
		c := rowCopy{columns: columns, values: make([]any, len(columns))}
		ptrs := make([]any, len(columns))
		for i := range ptrs {
			ptrs[i] = &c.values[i]
		}
		if err := rows.Scan(ptrs...); err != nil {
			rows.Close()
			return nil, err
		}
		out = append(out, c)
	}
	return out, errorsOf(rows)
}

// insertCopies writes rows back into table.
func insertCopies(ctx context.Context, tx *sql.Tx, table string, rows []rowCopy) error {
	for _, r := range rows {
		q := `INSERT INTO ` + table + ` (` + strings.Join(r.columns, ", ") + `) VALUES (?` +
			strings.Repeat(", ?", len(r.columns)-1) + `)`
		if _, err := tx.ExecContext(ctx, q, r.values...); err != nil {
			return fmt.Errorf("restore %s: %w", table, err)
		}
	}
	return nil
}

func (r rowCopy) get(column string) any {
	for i, c := range r.columns {
		if c == column {
			return r.values[i]
		}
	}
	return nil
}

func (r rowCopy) set(column string, v any) {
	for i, c := range r.columns {
		if c == column {
			r.values[i] = v
		}
	}
}
