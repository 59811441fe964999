package store

import (
	"database/sql"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"
)

// runeTable knows, for each non-ASCII character met so far, what the full
// text index's tokenizer (SQLite's unicode61 with remove_diacritics 2) does
// with it: whether it belongs to a token and what it folds to. It learns
// characters from SQLite itself, in a small in-memory index built with the
// same tokenizer, so the vocabulary kabar keeps for prefix search holds
// exactly the terms SQLite indexes, in every script. (unicode61 folds one
// character at a time: lower case, Latin diacritics removed, combining
// marks dropped; its tables are Unicode 6.1, so newer characters differ
// from Go's own tables, which is why they are not used.)
type runeTable struct {
	mu    sync.RWMutex
	known map[rune]runeFold
	db    *sql.DB // in memory; opened on first need
}

// runeFold is what the tokenizer does with one character.
type runeFold struct {
	token bool   // part of a token (else it separates tokens)
	fold  string // what it becomes in the term; "" for a dropped mark
}

// learnBatch is how many characters are sent to SQLite at once.
const learnBatch = 2000

// ensure learns every character of texts not known yet.
func (t *runeTable) ensure(texts ...string) error {
	var unknown []rune
	var seen map[rune]bool // made on the first unknown character: most texts have none
	t.mu.RLock()
	for _, s := range texts {
		for i := 0; i < len(s); {
			if s[i] < utf8.RuneSelf {
				i++
				continue
			}
			r, size := utf8.DecodeRuneInString(s[i:])
			i += size
			if _, ok := t.known[r]; !ok && !seen[r] {
				if seen == nil {
					seen = map[rune]bool{}
				}
				seen[r] = true
				unknown = append(unknown, r)
			}
		}
	}
	t.mu.RUnlock()
	for len(unknown) > 0 {
		n := min(len(unknown), learnBatch)
		if err := t.learn(unknown[:n]); err != nil {
			return err
		}
		unknown = unknown[n:]
	}
	return nil
}

// learn asks SQLite's tokenizer about characters: each becomes a document
// "q<c>q"; one term back means c is part of a token (the term is q, the
// fold, q), two terms mean it separates.
func (t *runeTable) learn(rs []rune) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.db == nil {
		db, err := sql.Open("sqlite", ":memory:")
		if err != nil {
			return fmt.Errorf("tokenizer table: %w", err)
		}
		db.SetMaxOpenConns(1) // one connection: one in-memory database
		if _, err := db.Exec(`CREATE VIRTUAL TABLE chars USING fts5(c, tokenize = 'unicode61 remove_diacritics 2', detail = column);
			CREATE VIRTUAL TABLE char_terms USING fts5vocab(chars, 'instance')`); err != nil {
			db.Close()
			return fmt.Errorf("tokenizer table: %w", err)
		}
		t.db, t.known = db, map[rune]runeFold{}
	}
	tx, err := t.db.Begin()
	if err != nil {
		return fmt.Errorf("tokenizer table: %w", err)
	}
	defer tx.Rollback()
	if _, err := tx.Exec(`DELETE FROM chars`); err != nil {
		return fmt.Errorf("tokenizer table: %w", err)
	}
	stmt, err := tx.Prepare(`INSERT INTO chars (rowid, c) VALUES (?, ?)`)
	if err != nil {
		return fmt.Errorf("tokenizer table: %w", err)
	}
	defer stmt.Close()
	for i, r := range rs {
		if _, err := stmt.Exec(i, "q"+string(r)+"q"); err != nil {
			return fmt.Errorf("tokenizer table: %w", err)
		}
	}
	terms := make([][]string, len(rs))
	rows, err := tx.Query(`SELECT doc, term FROM char_terms`)
	if err != nil {
		return fmt.Errorf("tokenizer table: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var doc int
		var term string
		if err := rows.Scan(&doc, &term); err != nil {
			return fmt.Errorf("tokenizer table: %w", err)
		}
		if doc >= 0 && doc < len(terms) {
			terms[doc] = append(terms[doc], term)
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("tokenizer table: %w", err)
	}
	for i, r := range rs {
		f := runeFold{}
		if ts := terms[i]; len(ts) == 1 && strings.HasPrefix(ts[0], "q") && strings.HasSuffix(ts[0], "q") && len(ts[0]) >= 2 {
			f = runeFold{token: true, fold: ts[0][1 : len(ts[0])-1]}
		}
		t.known[r] = f
	}
	return tx.Commit()
}

// close releases the in-memory index.
func (t *runeTable) close() error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.db == nil {
		return nil
	}
	err := t.db.Close()
	t.db = nil
	return err
}

// terms calls fn with each term of text as the index stores it. Every
// character of text must be known (ensure). ASCII, most of any corpus, is
// cut and folded inline.
func (t *runeTable) terms(text string, buf []byte, fn func(term []byte)) []byte {
	t.mu.RLock()
	defer t.mu.RUnlock()
	buf = buf[:0]
	for i := 0; i < len(text); {
		c := text[i]
		if c < utf8.RuneSelf {
			i++
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				buf = append(buf, c)
				continue
			case 'A' <= c && c <= 'Z':
				buf = append(buf, c+'a'-'A')
				continue
			}
		} else {
			r, size := utf8.DecodeRuneInString(text[i:])
			i += size
			if f := t.known[r]; f.token {
				buf = append(buf, f.fold...)
				continue
			}
		}
		if len(buf) > 0 {
			fn(buf)
			buf = buf[:0]
		}
	}
	if len(buf) > 0 {
		fn(buf)
	}
	return buf[:0]
}
