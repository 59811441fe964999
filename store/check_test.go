package store

import (
	"context"
	"errors"
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
	writeFile(t, dir, "a.txt", "Judul Panjang\n\nJakarta - "+strings.Repeat("Kalimat yang panjang sekali. ", 2000))
	if _, err := s.Import(ctx, []string{dir}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	if problems, err := s.Check(ctx, true); err != nil || len(problems) > 0 {
		t.Fatalf("sound library: %v %v", problems, err)
	}
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	// the body's overflow chain: find a page full of the body's text and
	// break its link to the next one
	at := strings.Index(string(data), strings.Repeat("Kalimat yang panjang sekali. ", 100))
	if at < 0 {
		t.Fatal("body not found in the file")
	}
	page := at / 4096 * 4096
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
