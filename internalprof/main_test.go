package prof

import (
	"context"
	"os"
	"runtime/pprof"
	"testing"

	"kabar/store"
)

func TestProfile(t *testing.T) {
	db := "/tmp/prof/lib.db"
	os.Remove(db); os.Remove(db+"-wal"); os.Remove(db+"-shm")
	s, err := store.Open(db)
	if err != nil { t.Fatal(err) }
	f, _ := os.Create("/tmp/prof/cpu.out")
	pprof.StartCPUProfile(f)
	sum, err := s.Import(context.Background(), []string{os.Getenv("FEED")}, store.ImportOptions{})
	pprof.StopCPUProfile()
	t.Log(sum.New, sum.Resolved, sum.ResolveTime, err)
	s.Close()
}
