package store

import (
	"os"
	"sync"
)

// An import reads its files one at a time on each parse worker, and a worker
// waiting for the disk is a core doing nothing. A disk answers many reads at
// once nearly as fast as one: a cold directory of 100,000 news files takes
// 10 s to read one file at a time and 3 s sixteen at a time (cat under
// xargs -P after dropping the page cache). So goroutines of their own read
// the files the workers take next into the page cache, a bounded window
// ahead of them. The import of such a directory from a cold cache went from
// 29.6-31.6 s to 24.5-25.9 s (21 s warm), measured with a scratch importer.
// Where the system lets a file be asked for (posix_fadvise WILLNEED on
// Linux), the kernel reads it without a reader waiting or copying it out:
// BenchmarkImport100k/cold went from 21.7-22.0 s to 17.4-18.2 s (16.7 s
// warm in the same runs).
const (
	// readAheadFiles is how far past the last file handed to a worker
	// files are read ahead.
	readAheadFiles = 2048
	// readAheadReaders is how many files are read at once.
	readAheadReaders = 32
	// readAheadMaxBytes is the largest file read ahead; a larger file is
	// read in order by its worker, which the kernel reads ahead for.
	readAheadMaxBytes = 1 << 20
)

// readAhead reads inputs into the page cache ahead of the parse workers.
type readAhead struct {
	mu      sync.Mutex
	moved   *sync.Cond
	taken   int           // inputs handed to the workers so far
	stopped bool          // every input is handed out, or the import is cancelled
	done    chan struct{} // closed once no more files will be read ahead
}

// startReadAhead starts reading inputs ahead of the workers with warm (warmFile
// outside tests). The caller reports each input it hands out with took and
// calls stop when it hands out no more (every input, or a cancelled import).
func startReadAhead(inputs []input, warm func(path string, buf []byte)) *readAhead {
	r := &readAhead{done: make(chan struct{})}
	r.moved = sync.NewCond(&r.mu)
	paths := make(chan string)
	go func() {
		defer close(r.done)
		defer close(paths)
		for i, in := range inputs {
			if in.path == "-" {
				continue
			}
			ok, done := r.waitFor(i)
			if done {
				return
			}
			if !ok {
				continue // its worker has it already
			}
			paths <- in.path
		}
	}()
	for range readAheadReaders {
		go func() {
			buf := make([]byte, 64<<10)
			for p := range paths {
				warm(p, buf)
			}
		}()
	}
	return r
}

// waitFor waits until input i is within the window. It reports whether i
// is still to be read ahead (false once a worker took it) and whether read
// ahead is over.
func (r *readAhead) waitFor(i int) (ok, done bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	for !r.stopped && i >= r.taken+readAheadFiles {
		r.moved.Wait()
	}
	return i >= r.taken, r.stopped
}

// took reports one more input handed to a worker.
func (r *readAhead) took() {
	r.mu.Lock()
	r.taken++
	r.mu.Unlock()
	r.moved.Signal()
}

// stop ends reading ahead.
func (r *readAhead) stop() {
	r.mu.Lock()
	r.stopped = true
	r.mu.Unlock()
	r.moved.Broadcast()
}

// warmFile brings a file of at most readAheadMaxBytes into the page cache
// for its worker: it asks the kernel to read it (willNeed), else reads it
// and drops what it read. Errors are the worker's to report when it opens
// the file, so they are ignored here.
func warmFile(path string, buf []byte) {
	f, err := os.Open(path)
	if err != nil {
		return
	}
	defer f.Close()
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() || info.Size() > readAheadMaxBytes {
		return
	}
	if willNeed(f, info.Size()) == nil {
		return
	}
	for {
		if _, err := f.Read(buf); err != nil {
			return // io.EOF: all read
		}
	}
}
