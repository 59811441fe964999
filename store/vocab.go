package store

import (
	"context"
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/runes"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"

	"kabar/articles"
)

// maxExpansion is the most terms a typed prefix is expanded into; a prefix
// standing for more is searched as a prefix.
const maxExpansion = 500

// vocabulary tracks which index terms the vocab table holds, so an import
// writes only the terms it adds. Parse workers read it concurrently.
type vocabulary struct {
	mu    sync.RWMutex
	known map[string]struct{} // nil until loaded
}

// load reads the vocab table the first time it is needed.
func (v *vocabulary) load(ctx context.Context, db *sql.DB) error {
	v.mu.Lock()
	defer v.mu.Unlock()
	if v.known != nil {
		return nil
	}
	terms, err := column[string](db.QueryContext(ctx, `SELECT term FROM vocab`))
	if err != nil {
		return fmt.Errorf("vocabulary: %w", err)
	}
	known := make(map[string]struct{}, len(terms))
	for _, t := range terms {
		known[t] = struct{}{}
	}
	v.known = known
	return nil
}

// newTerms returns the index terms of articles' titles and bodies that the
// vocabulary does not hold yet.
func (v *vocabulary) newTerms(as []articles.Article) map[string]struct{} {
	v.mu.RLock()
	defer v.mu.RUnlock()
	set := make(map[string]struct{})
	var buf []byte
	for i := range as {
		buf = v.scan(set, as[i].Title, buf)
		buf = v.scan(set, as[i].Body, buf)
	}
	return set
}

// scan adds the unknown terms of text to set. The index's tokenizer
// (unicode61, remove_diacritics 2) makes tokens of letters, numbers, marks
// and private-use characters, lowercases them and strips Latin diacritics;
// ASCII tokens, most of them, are folded in buf without allocating.
func (v *vocabulary) scan(set map[string]struct{}, text string, buf []byte) []byte {
	for i := 0; i < len(text); {
		r, size := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(text[i:])
		}
		if !isTokenRune(r) {
			i += size
			continue
		}
		j, ascii := i, true
		buf = buf[:0]
		for j < len(text) {
			c := text[j]
			if c < utf8.RuneSelf {
				if !isTokenRune(rune(c)) {
					break
				}
				if 'A' <= c && c <= 'Z' {
					c += 'a' - 'A'
				}
				buf = append(buf, c)
				j++
				continue
			}
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isTokenRune(r) {
				break
			}
			ascii = false
			j += size
		}
		if ascii {
			v.note(set, buf)
		} else {
			v.note(set, []byte(foldTerm(text[i:j])))
		}
		i = j
	}
	return buf
}

// note adds term to set unless the vocabulary or set holds it.
func (v *vocabulary) note(set map[string]struct{}, term []byte) {
	if len(term) == 0 {
		return
	}
	if _, ok := v.known[string(term)]; ok {
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
		v.known[t] = struct{}{}
	}
}

func isTokenRune(r rune) bool {
	if r < utf8.RuneSelf {
		return 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z' || '0' <= r && r <= '9'
	}
	// SQLite's tables are Unicode 6.1: characters assigned later are
	// unknown to it and make tokens, among them the newer emoji blocks.
	newerEmoji := r >= 0x1F900 && r <= 0x1FAFF
	return unicode.IsLetter(r) || unicode.IsNumber(r) || unicode.IsMark(r) || unicode.Is(unicode.Co, r) || newerEmoji
}

// foldTerm lowercases a token and strips its diacritics.
func foldTerm(tok string) string {
	return stripDiacritics(strings.ToLower(tok))
}

func stripDiacritics(s string) string {
	t := transform.Chain(norm.NFD, runes.Remove(runes.In(unicode.Mn)), norm.NFC)
	out, _, err := transform.String(t, s)
	if err != nil {
		return s
	}
	return out
}

// isOneTerm reports whether text is a single index term.
func isOneTerm(text string) bool {
	var v vocabulary
	return len(v.newTerms([]articles.Article{{Title: text}})) == 1
}

// expandPrefix returns the vocabulary terms starting with prefix, or ok ==
// false when there are none or more than maxExpansion.
func (s *Store) expandPrefix(ctx context.Context, prefix string) (terms []string, ok bool, err error) {
	p := foldTerm(prefix)
	terms, err = column[string](s.db.QueryContext(ctx, `SELECT term FROM vocab WHERE term >= ? AND term < ? LIMIT ?`,
		p, p+string(utf8.MaxRune), maxExpansion+1))
	if err != nil {
		return nil, false, fmt.Errorf("store: expand %q: %w", prefix, err)
	}
	return terms, len(terms) > 0 && len(terms) <= maxExpansion, nil
}
