package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

	"kabar/articles"
)

// A people or outlet page counts every article of its person or outlet, and
// finds who and which outlets appear with them among their most recent
// profileSample articles, so that a page opens as fast for an editor of
// fifty thousand articles as for a reporter of five.
const (
	profileSample = 5000 // recent articles the page's companions come from
	profileShown  = 8    // outlets and people a page names
	outletPeers   = 500  // recent articles of each of an outlet's people looked at for their other outlets
)

// PersonProfile returns the page of the author or editor named name.
func (s *Store) PersonProfile(ctx context.Context, name string) (articles.Profile, error) {
	p := articles.Profile{Source: articles.Source{Kind: articles.SourcePerson, Name: name,
		Query: "author:" + articles.QuoteValue(name)}}
	var person int64
	err := s.db.QueryRowContext(ctx, `SELECT id FROM people WHERE name = ?`, name).Scan(&person)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("store: no author or editor named %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("store: page of %q: %w", name, withAdvice(s.path, err))
	}
	var first, last sql.NullInt64
	steps := []struct {
		q    string
		dest []any
	}{
		{`SELECT count(CASE WHEN role = 'author' THEN 1 END), count(CASE WHEN role = 'editor' THEN 1 END)
			FROM article_people WHERE person_id = ?1`, []any{&p.Authored, &p.Edited}},
		{`SELECT count(*), count(*) - count(s.read = 1 OR NULL), min(a.sort_key), max(a.sort_key)
			FROM (SELECT DISTINCT article_id FROM article_people WHERE person_id = ?1) x
			CROSS JOIN articles a ON a.id = x.article_id LEFT JOIN state s ON s.article_id = x.article_id`,
			[]any{&p.Total, &p.Unread, &first, &last}},
	}
	for _, st := range steps {
		if err := s.db.QueryRowContext(ctx, st.q, person).Scan(st.dest...); err != nil {
			return p, fmt.Errorf("store: page of %q: %w", name, withAdvice(s.path, err))
		}
	}
	p.First, p.Last = unixTime(first, 0), unixTime(last, 0)
	const recent = `(SELECT DISTINCT article_id FROM article_people WHERE person_id = ?1
		ORDER BY article_id DESC LIMIT ?2) x`
	if p.Outlets, err = s.nameCounts(ctx, `SELECT a.source, count(*) FROM `+recent+`
		CROSS JOIN articles a ON a.id = x.article_id WHERE a.source <> ''
		GROUP BY a.source ORDER BY 2 DESC, 1 LIMIT ?3`, person, profileSample, profileShown); err != nil {
		return p, fmt.Errorf("store: page of %q: %w", name, err)
	}
	if p.People, err = s.nameCounts(ctx, `SELECT p.name, count(DISTINCT x.article_id) FROM `+recent+`
		CROSS JOIN article_people ap ON ap.article_id = x.article_id CROSS JOIN people p ON p.id = ap.person_id
		WHERE ap.person_id <> ?1 GROUP BY p.id ORDER BY 2 DESC, 1 LIMIT ?3`, person, profileSample, profileShown); err != nil {
		return p, fmt.Errorf("store: page of %q: %w", name, err)
	}
	return p, nil
}

// OutletProfile returns the page of the outlet named name: its people, and
// the other outlets they write for.
func (s *Store) OutletProfile(ctx context.Context, name string) (articles.Profile, error) {
	p := articles.Profile{Source: articles.Source{Kind: articles.SourceOutlet, Name: name,
		Query: "source:" + articles.QuoteValue(name)}}
	var first, last sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT n, n - read_n,
			(SELECT min(sort_key) FROM articles WHERE source = ?1), (SELECT max(sort_key) FROM articles WHERE source = ?1)
		FROM source_counts WHERE source = ?1 AND n > 0`, name).Scan(&p.Total, &p.Unread, &first, &last)
	if errors.Is(err, sql.ErrNoRows) {
		return p, fmt.Errorf("store: no outlet named %q: %w", name, ErrNotFound)
	}
	if err != nil {
		return p, fmt.Errorf("store: page of %q: %w", name, withAdvice(s.path, err))
	}
	p.First, p.Last = unixTime(first, 0), unixTime(last, 0)
	if p.People, err = s.nameCounts(ctx, `SELECT p.name, count(*) FROM
			(SELECT id FROM articles INDEXED BY articles_source WHERE source = ?1 ORDER BY sort_key DESC, id DESC LIMIT ?2) x
		CROSS JOIN article_people ap ON ap.article_id = x.id CROSS JOIN people p ON p.id = ap.person_id
		GROUP BY p.id ORDER BY 2 DESC, 1 LIMIT ?3`, name, profileSample, profileShown); err != nil {
		return p, fmt.Errorf("store: page of %q: %w", name, err)
	}
	if p.Outlets, err = s.peersOf(ctx, name, p.People); err != nil {
		return p, fmt.Errorf("store: page of %q: %w", name, err)
	}
	return p, nil
}

// peersOf counts the other outlets an outlet's people write for, among
// each one's outletPeers most recent articles.
func (s *Store) peersOf(ctx context.Context, outlet string, people []articles.NameCount) ([]articles.NameCount, error) {
	counts := map[string]int{}
	for _, person := range people {
		found, err := s.nameCounts(ctx, `SELECT a.source, count(*) FROM
				(SELECT DISTINCT ap.article_id FROM people p CROSS JOIN article_people ap ON ap.person_id = p.id
				WHERE p.name = ?1 ORDER BY ap.article_id DESC LIMIT ?2) x
			CROSS JOIN articles a ON a.id = x.article_id WHERE a.source NOT IN ('', ?3) GROUP BY a.source`,
			person.Name, outletPeers, outlet)
		if err != nil {
			return nil, err
		}
		for _, f := range found {
			counts[f.Name] += f.N
		}
	}
	return topNames(counts, profileShown), nil
}

// nameCounts reads rows of (name, count).
func (s *Store) nameCounts(ctx context.Context, q string, args ...any) ([]articles.NameCount, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, withAdvice(s.path, err)
	}
	defer rows.Close()
	var out []articles.NameCount
	for rows.Next() {
		var nc articles.NameCount
		if err := rows.Scan(&nc.Name, &nc.N); err != nil {
			return nil, withAdvice(s.path, err)
		}
		out = append(out, nc)
	}
	return out, withAdvice(s.path, rows.Err())
}

// topNames is the n names of counts with the highest counts (then by name).
func topNames(counts map[string]int, n int) []articles.NameCount {
	out := make([]articles.NameCount, 0, len(counts))
	for name, c := range counts {
		out = append(out, articles.NameCount{Name: name, N: c})
	}
	slices.SortFunc(out, func(a, b articles.NameCount) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Name, b.Name)) })
	return out[:min(len(out), n)]
}
