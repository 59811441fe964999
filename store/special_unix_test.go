//go:build unix

package store

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestImportNeverOpensAPipe: a FIFO named on the command line fails at once,
// naming the path; inside a directory, pipes, links to devices and links to
// directories are skipped and counted, and a link to a file is read.
func TestImportNeverOpensAPipe(t *testing.T) {
	s, dir := openTemp(t), t.TempDir()
	pipe := filepath.Join(dir, "pipe.txt")
	if err := syscall.Mkfifo(pipe, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	sum, err := importWithin(t, s, []string{pipe})
	if err != nil || sum.Failed != 1 || !strings.Contains(sum.Failures[0].Err.Error(), pipe) ||
		!strings.Contains(sum.Failures[0].Err.Error(), "named pipe") {
		t.Fatalf("a FIFO on the command line: %+v, %v", sum, err)
	}
	tree := filepath.Join(dir, "tree")
	writeFile(t, tree, "a.txt", "Warga Desa Gotong Royong Bersihkan Sungai\nKabarku - Warga desa membersihkan sungai pada Minggu pagi.\n")
	for name, target := range map[string]string{"link.txt": "a.txt", "zero.txt": "/dev/zero", "up": ".."} {
		if err := os.Symlink(target, filepath.Join(tree, name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(tree, "p.txt"), 0o644); err != nil {
		t.Fatal(err)
	}
	sum, err = importWithin(t, s, []string{tree})
	if err != nil || sum.New != 1 || sum.Unchanged != 1 || sum.Skipped != 3 || sum.Failed != 0 {
		t.Fatalf("a tree with a pipe and links: %+v, %v (want 1 new, the link unchanged, 3 skipped)", sum, err)
	}
}

// importWithin imports paths and fails the test, instead of hanging, when
// the import does not end within ten seconds.
func importWithin(t *testing.T, s *Store, paths []string) (Summary, error) {
	t.Helper()
	type result struct {
		sum Summary
		err error
	}
	done := make(chan result, 1)
	go func() {
		sum, err := s.Import(context.Background(), paths, ImportOptions{})
		done <- result{sum, err}
	}()
	select {
	case r := <-done:
		return r.sum, r.err
	case <-time.After(10 * time.Second):
		t.Fatalf("import of %q hangs", paths)
		return Summary{}, nil
	}
}
