package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
)

// The writer keeps what triggers used to derive from each inserted article
// (migration 14): the article count, each outlet's count, and the people an
// article names. It gathers them while it saves a batch and writes them in
// four statements, instead of three trigger programs per article — the
// people trigger's json_each unions alone took a fifth of an import. Updates
// and deletes keep their triggers.
const (
	addArticles = `UPDATE counters SET n = n + ? WHERE name = 'articles'`
	addSources  = `INSERT INTO source_counts (source, n) SELECT key, value FROM json_each(?) WHERE true
		ON CONFLICT (source) DO UPDATE SET n = n + excluded.n`
	addPeople        = `INSERT OR IGNORE INTO people (name) SELECT value FROM json_each(?)`
	addArticlePeople = `INSERT OR IGNORE INTO article_people (article_id, role, person_id)
		SELECT j.value ->> 0, j.value ->> 1, p.id FROM json_each(?) j JOIN people p ON p.name = j.value ->> 2`
)

// derivedCounts is what the articles inserted since the last flush add to
// the counts and to the people tables.
type derivedCounts struct {
	articles int
	sources  map[string]int
	names    map[string]bool
	people   [][3]any // article id, role, name
}

// inserted notes a new article's contribution.
func (d *derivedCounts) inserted(id int64, source string, authors, editors []string) {
	d.articles++
	if source != "" {
		if d.sources == nil {
			d.sources = map[string]int{}
		}
		d.sources[source]++
	}
	d.addPeople(id, "author", authors)
	d.addPeople(id, "editor", editors)
}

func (d *derivedCounts) addPeople(id int64, role string, names []string) {
	for _, name := range names {
		if name == "" {
			continue
		}
		if d.names == nil {
			d.names = map[string]bool{}
		}
		d.names[name] = true
		d.people = append(d.people, [3]any{id, role, name})
	}
}

// flush writes what was gathered and starts again. The writer flushes before
// it updates a stored article, so that the update triggers see the counts
// and people of every article inserted before it.
func (d *derivedCounts) flush(ctx context.Context, tx *sql.Tx) error {
	if d.articles == 0 {
		return nil
	}
	names := make([]string, 0, len(d.names))
	for name := range d.names {
		names = append(names, name)
	}
	if _, err := tx.ExecContext(ctx, addArticles, d.articles); err != nil {
		return fmt.Errorf("count %d new articles: %w", d.articles, err)
	}
	steps := []struct {
		sql  string
		list any
		n    int
	}{
		{addSources, d.sources, len(d.sources)},
		{addPeople, names, len(names)},
		{addArticlePeople, d.people, len(d.people)},
	}
	for _, st := range steps {
		if st.n == 0 {
			continue // json_each would read a null as one row
		}
		list, err := json.Marshal(st.list)
		if err != nil {
			return fmt.Errorf("counts: %w", err)
		}
		if _, err := tx.ExecContext(ctx, st.sql, string(list)); err != nil {
			return fmt.Errorf("counts of %d new articles: %w", d.articles, err)
		}
	}
	*d = derivedCounts{}
	return nil
}
