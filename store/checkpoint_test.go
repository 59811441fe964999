package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestImportKeepsTheLogShort imports in eighty small transactions on the
// writer's connection, whose automatic checkpoints are off: the background
// checkpoints and the writer's own every checkpointEvery commits keep the
// write-ahead log a few transactions long, where without them it would
// hold every page the import wrote.
func TestImportKeepsTheLogShort(t *testing.T) {
	dir := t.TempDir()
	var csv strings.Builder
	csv.WriteString("title,body\n")
	for i := range 4800 {
		fmt.Fprintf(&csv, "\"Kerja Bakti Desa %d\",\"Warga desa memperbaiki saluran air. %s Nomor %d.\"\n", i, varied(1800), i)
	}
	data := writeFile(t, dir, "desa.csv", csv.String())
	path := filepath.Join(dir, "library.db")
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	sum, err := s.Import(context.Background(), []string{data}, ImportOptions{BatchSize: 10})
	if err != nil || sum.New != 4800 {
		t.Fatalf("import: %+v, %v", sum, err)
	}
	db, wal := fileSize(t, path), fileSize(t, path+"-wal")
	t.Logf("log %d KB, library %d KB", wal>>10, db>>10)
	if wal*3 > db {
		t.Errorf("the log is %d KB beside a library of %d KB: checkpoints did not keep up", wal>>10, db>>10)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}
