package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"kabar/articles"
)

// ErrTagName reports a tag that is empty or holds a comma (the reader edits
// tags as a comma-separated line).
var ErrTagName = errors.New("a tag needs a name without commas")

// CleanTag makes a tag one trimmed line, its spaces folded, and checks it.
func CleanTag(name string) (string, error) {
	name = strings.Join(strings.Fields(articles.Line(name)), " ")
	if name == "" || strings.Contains(name, ",") {
		return name, fmt.Errorf("tag %q: %w", name, ErrTagName)
	}
	return name, nil
}

// Tags returns an article's tags, by name.
func (s *Store) Tags(ctx context.Context, id int64) ([]string, error) {
	tags, err := column[string](s.db.QueryContext(ctx, `SELECT t.name FROM article_tags at
		CROSS JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ? ORDER BY t.name`, id))
	if err != nil {
		return nil, fmt.Errorf("store: tags of article %d: %w", id, withAdvice(s.path, err))
	}
	return tags, nil
}

// Tag adds tags to an article (a tag it has already is kept once).
func (s *Store) Tag(ctx context.Context, id int64, tags ...string) error {
	return s.changeTags(ctx, "tag", id, func(tx *sql.Tx) error { return addTags(ctx, tx, id, tags) })
}

// Untag takes tags off an article; a tag it does not have is no error.
func (s *Store) Untag(ctx context.Context, id int64, tags ...string) error {
	return s.changeTags(ctx, "untag", id, func(tx *sql.Tx) error { return removeTags(ctx, tx, id, tags) })
}

// SetTags makes tags exactly an article's tags.
func (s *Store) SetTags(ctx context.Context, id int64, tags []string) error {
	return s.changeTags(ctx, "set tags of", id, func(tx *sql.Tx) error {
		current, err := column[string](tx.QueryContext(ctx, `SELECT t.name FROM article_tags at
			CROSS JOIN tags t ON t.id = at.tag_id WHERE at.article_id = ?`, id))
		if err != nil {
			return err
		}
		if err := removeTags(ctx, tx, id, current); err != nil {
			return err
		}
		return addTags(ctx, tx, id, tags)
	})
}

// changeTags runs a change of an article's tags in a transaction, after
// checking the article exists.
func (s *Store) changeTags(ctx context.Context, what string, id int64, change func(*sql.Tx) error) error {
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var found bool
		if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?)`, id).Scan(&found); err != nil {
			return err
		}
		if !found {
			return ErrNotFound
		}
		return change(tx)
	})
	if err != nil {
		return fmt.Errorf("store: %s article %d: %w", what, id, withAdvice(s.path, err))
	}
	return nil
}

func addTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) error {
	for _, name := range tags {
		name, err := CleanTag(name)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO tags (name) VALUES (?) ON CONFLICT (name) DO NOTHING`, name); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT OR IGNORE INTO article_tags (article_id, tag_id)
			SELECT ?, id FROM tags WHERE name = ?`, id, name); err != nil {
			return err
		}
	}
	return nil
}

// removeTags takes tags off an article, and drops a tag no article has any
// more.
func removeTags(ctx context.Context, tx *sql.Tx, id int64, tags []string) error {
	for _, name := range tags {
		name = strings.Join(strings.Fields(articles.Line(name)), " ")
		if _, err := tx.ExecContext(ctx, `DELETE FROM article_tags
			WHERE article_id = ? AND tag_id = (SELECT id FROM tags WHERE name = ?)`, id, name); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `DELETE FROM tags WHERE name = ?
			AND NOT EXISTS (SELECT 1 FROM article_tags at WHERE at.tag_id = tags.id)`, name); err != nil {
			return err
		}
	}
	return nil
}

// TagNames returns every tag that some article has, by name (the reader's
// completion).
func (s *Store) TagNames(ctx context.Context) ([]string, error) {
	names, err := column[string](s.db.QueryContext(ctx, `SELECT name FROM tags t
		WHERE EXISTS (SELECT 1 FROM article_tags at WHERE at.tag_id = t.id) ORDER BY name`))
	if err != nil {
		return nil, fmt.Errorf("store: tags: %w", withAdvice(s.path, err))
	}
	return names, nil
}
