package store

import (
	"context"
	"database/sql"
	"fmt"
	"hash/maphash"
	"sync"
	"unicode/utf8"

	"kabar/articles"
)

// maxExpansion is the most terms a typed prefix is expanded into; a prefix
// standing for more is searched as a prefix.
const maxExpansion = 500

// vocabulary tracks which index terms the vocab table holds, so an import
// writes only the terms it adds. Parse workers read it concurrently. Terms
// are cut and folded as the index's tokenizer does it (runeTable).
//
// It keeps a 64-bit hash of each term, not the term: a million terms (a
// million articles each numbering something) take 16 MB instead of the
// 60 MB a map of the terms took. Two terms whose hashes collide (about one chance in 10^13 per
// new term at a million) would leave the second out of the vocab table,
// so a typed prefix would not expand to it.
type vocabulary struct {
	mu    sync.RWMutex
	seed  maphash.Seed
	known *hashSet // nil until loaded
	runes runeTable
}

// load reads the vocab table the first time it is needed.
func (v *vocabulary) load(ctx context.Context, db *sql.DB) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.known != nil {
		return nil
	}
	var n int
	if err := db.QueryRowContext(ctx, `SELECT count(*) FROM vocab`).Scan(&n); err != nil {
		return fmt.Errorf("vocabulary: %w", err)
	}
	rows, err := db.QueryContext(ctx, `SELECT term FROM vocab`)
	if err != nil {
		return fmt.Errorf("vocabulary: %w", err)
	}
	defer rows.Close()
	v.seed = maphash.MakeSeed()
	known := newHashSet(n + n/4)
	var term sql.RawBytes
	for rows.Next() {
		if err := rows.Scan(&term); err != nil {
			return fmt.Errorf("vocabulary: %w", err)
		}
		known.add(maphash.Bytes(v.seed, term))
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("vocabulary: %w", err)
	}
	v.known = known
	return nil
}

// newTerms returns the index terms of articles' titles and bodies that the
// vocabulary does not hold yet.
func (v *vocabulary) newTerms(as []articles.Article) (map[string]struct{}, error) {
	texts := make([]string, 0, 2*len(as))
	for i := range as {
		texts = append(texts, as[i].Title, as[i].Body)
	}
	if err := v.runes.ensure(texts...); err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	v.mu.RLock()
	defer v.mu.RUnlock()
	set := make(map[string]struct{})
	var buf []byte
	for _, text := range texts {
		buf = v.runes.terms(text, buf, func(term []byte) { v.note(set, term) })
	}
	return set, nil
}

// note adds term to set unless the vocabulary or set holds it.
func (v *vocabulary) note(set map[string]struct{}, term []byte) {
	if v.known.has(maphash.Bytes(v.seed, term)) {
		return
	}
	if _, ok := set[string(term)]; ok {
		return
	}
	set[string(term)] = struct{}{}
}

// write stores terms in the vocab table inside tx.
func (v *vocabulary) write(ctx context.Context, tx *sql.Tx, terms map[string]struct{}) error {
	if len(terms) == 0 {
		return nil
	}
	stmt, err := tx.PrepareContext(ctx, `INSERT OR IGNORE INTO vocab (term) VALUES (?)`)
	if err != nil {
		return fmt.Errorf("vocabulary: %w", err)
	}
	defer stmt.Close()
	for term := range terms {
		if _, err := stmt.ExecContext(ctx, term); err != nil {
			return fmt.Errorf("vocabulary: %w", err)
		}
	}
	return nil
}

// remember marks terms as stored, once their transaction committed.
func (v *vocabulary) remember(terms map[string]struct{}) {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.known == nil {
		return
	}
	for t := range terms {
		v.known.add(maphash.String(v.seed, t))
	}
}

// termsOf returns the index terms of text, cut and folded as the index's
// tokenizer does it.
func (v *vocabulary) termsOf(text string) ([]string, error) {
	if err := v.runes.ensure(text); err != nil {
		return nil, fmt.Errorf("vocabulary: %w", err)
	}
	var out []string
	v.runes.terms(text, nil, func(term []byte) { out = append(out, string(term)) })
	return out, nil
}

// expandPrefix returns the vocabulary terms starting with prefix, or ok ==
// false when there are none or more than maxExpansion.
func (s *Store) expandPrefix(ctx context.Context, prefix string) (terms []string, ok bool, err error) {
	folded, err := s.vocab.termsOf(prefix)
	if err != nil || len(folded) != 1 {
		return nil, false, err
	}
	p := folded[0]
	terms, err = column[string](s.db.QueryContext(ctx, `SELECT term FROM vocab WHERE term >= ? AND term < ? LIMIT ?`,
		p, p+string(utf8.MaxRune), maxExpansion+1))
	if err != nil {
		return nil, false, fmt.Errorf("store: expand %q: %w", prefix, err)
	}
	return terms, len(terms) > 0 && len(terms) <= maxExpansion, nil
}
