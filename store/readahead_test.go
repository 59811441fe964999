package store

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"
)

// readAheadInputs makes n inputs named by their index, with stdin ("-") at
// position 1, which is never read ahead.
func readAheadInputs(n int) ([]input, map[string]int) {
	inputs := make([]input, n)
	index := map[string]int{}
	for i := range inputs {
		inputs[i].path = fmt.Sprint(i)
		index[inputs[i].path] = i
	}
	inputs[1].path = "-"
	return inputs, index
}

// waitOrFail waits for done, failing the test if it takes more than a
// minute (a read ahead that stalls the import).
func waitOrFail(t *testing.T, done <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-done:
	case <-time.After(time.Minute):
		t.Fatalf("stalled: %s", what)
	}
}

func TestReadAheadStaysInItsWindowAndReadsEveryFileAhead(t *testing.T) {
	const n = 3*readAheadFiles + 17
	inputs, index := readAheadInputs(n)
	var r *readAhead
	var mu sync.Mutex
	warmed := make([]chan struct{}, n)
	for i := range warmed {
		warmed[i] = make(chan struct{})
	}
	var beyond []int
	ready := make(chan struct{})
	warm := func(path string, _ []byte) {
		<-ready
		i := index[path]
		r.mu.Lock()
		if i >= r.taken+readAheadFiles {
			beyond = append(beyond, i)
		}
		r.mu.Unlock()
		mu.Lock()
		close(warmed[i])
		mu.Unlock()
	}
	r = startReadAhead(inputs, warm)
	close(ready)
	// A slow worker: it takes each file only once it was read ahead, so
	// read ahead must get to every file without the worker moving first.
	for i, in := range inputs {
		if in.path != "-" {
			waitOrFail(t, warmed[i], fmt.Sprintf("file %d was never read ahead", i))
		}
		r.took()
	}
	r.stop()
	if len(beyond) > 0 {
		t.Errorf("%d files read more than %d ahead of the workers, first %d", len(beyond), readAheadFiles, beyond[0])
	}
}

func TestReadAheadSkipsFilesTheWorkersHave(t *testing.T) {
	const n = 4 * readAheadFiles
	const taken = 3 * readAheadFiles
	inputs, index := readAheadInputs(n)
	release := make(chan struct{})
	var mu sync.Mutex
	early := 0
	later := make([]chan struct{}, n)
	for i := range later {
		later[i] = make(chan struct{})
	}
	warm := func(path string, _ []byte) {
		i := index[path]
		mu.Lock()
		if i < taken {
			early++
		}
		mu.Unlock()
		<-release
		close(later[i]) // read twice: fails the test with a panic
	}
	r := startReadAhead(inputs, warm)
	// The readers are stuck on their first files while the workers take
	// the first three windows' worth.
	for range taken {
		r.took()
	}
	close(release)
	for i := taken; i < n; i++ {
		waitOrFail(t, later[i], fmt.Sprintf("file %d was never read ahead", i))
	}
	r.stop()
	mu.Lock()
	defer mu.Unlock()
	// Only the files handed to the stuck readers before the workers took
	// them (one per reader, one waiting to be handed on) are read late.
	if early > readAheadReaders+1 {
		t.Errorf("%d files read ahead after the workers had taken them, want at most %d", early, readAheadReaders+1)
	}
}

func TestReadAheadEndsWhenStopped(t *testing.T) {
	inputs, _ := readAheadInputs(4 * readAheadFiles)
	var mu sync.Mutex
	count := 0
	warm := func(string, []byte) {
		mu.Lock()
		defer mu.Unlock()
		count++
	}
	r := startReadAhead(inputs, warm)
	r.took()
	r.stop() // the import was cancelled after one file
	waitOrFail(t, r.done, "read ahead went on after stop")
	for range 2 * readAheadFiles {
		r.took() // a worker still finishing: no more reading
	}
	mu.Lock()
	defer mu.Unlock()
	if count > readAheadFiles+1 {
		t.Errorf("%d files read ahead with one taken, want at most %d", count, readAheadFiles+1)
	}
}

func TestWarmFileReadsFilesAndIgnoresTheRest(t *testing.T) {
	dir := t.TempDir()
	small := filepath.Join(dir, "berita.txt")
	if err := os.WriteFile(small, []byte("Judul\n\nIsi berita."), 0o644); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 8)
	// None of these may panic or block; errors are the parser's to report.
	for _, p := range []string{small, dir, filepath.Join(dir, "hilang.txt"), ""} {
		warmFile(p, buf)
	}
}
