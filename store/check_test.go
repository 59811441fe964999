package store

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestCheckFindsDamageOnlyWhereItIsCheap: a library whose overflow page of
// a body was overwritten reads without an SQLite error, so the check is
// what finds it; CheckIfSmall checks only up to its limit.
func TestCheckFindsDamageOnlyWhereItIsCheap(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "library.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	writeFile(t, dir, "a.txt", "Judul Panjang\n\nJakarta - "+varied(60000))
	if _, err := s.Import(ctx, []string{dir}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx, true); err != nil || len(problems) > 0 {
		t.Fatalf("sound library: %v %v", problems, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	page := firstOverflowPage(t, path, "bodies")
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// the packed body's overflow chain: break its first page's link to the
	// next one
	copy(data[page:], []byte{0xde, 0xad, 0xde, 0xad})
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	s, err = OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if problems, err := s.Check(ctx, false); err != nil || len(problems) == 0 {
		t.Fatalf("damaged library: problems %v, %v", problems, err)
	}
	if err := s.CheckIfSmall(ctx, 1<<20); !errors.Is(err, ErrDamaged) || !strings.Contains(err.Error(), path) {
		t.Fatalf("CheckIfSmall under its limit: %v", err)
	}
	if err := s.CheckIfSmall(ctx, 4096); err != nil {
		t.Fatalf("CheckIfSmall over its limit checked: %v", err)
	}
}

// firstOverflowPage is the file offset of the first overflow page of a
// table's rows.
func firstOverflowPage(t *testing.T, path, table string) int64 {
	t.Helper()
	s, err := OpenReadOnly(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var pageno, size int64
	err = s.db.QueryRow(`SELECT pageno, pgsize FROM dbstat WHERE name = ? AND pagetype = 'overflow' ORDER BY pageno LIMIT 1`, table).Scan(&pageno, &size)
	if err != nil {
		t.Fatalf("no overflow page of %s: %v", table, err)
	}
	return (pageno - 1) * size
}

// varied is n bytes of words that deflate shrinks little, so a
// body of them still spans overflow pages when packed.
func varied(n int) string {
	var b strings.Builder
	next := xorshift(2463534242)
	for b.Len() < n {
		fmt.Fprintf(&b, "%x ", next())
	}
	return b.String()
}
