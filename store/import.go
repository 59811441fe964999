package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"syscall"
	"time"

	"kabar/articles"
)

// ImportOptions tune an import.
type ImportOptions struct {
	// Stdin is read for the path "-".
	Stdin io.Reader
	// Parse is passed to every parser (dataset column overrides).
	Parse articles.Options
	// Workers is how many files are parsed at once; default GOMAXPROCS.
	Workers int
	// BatchSize is how many articles the writer takes at a time (one
	// transaction writes batchesPerTx of them); default 1000.
	BatchSize int
	// Progress, when set, is called from the importing goroutine after each
	// input is parsed.
	Progress func(Progress)
}

// Progress reports how far an import has come.
type Progress struct {
	Done, Total int
	Path        string
	Summary     Summary
}

// Summary counts what an import did. Failures name each input (and record)
// that could not be read.
type Summary struct {
	New, Updated, Unchanged, Skipped, Failed int
	// Resolved counts refs resolved by this import, old and new.
	Resolved int
	// ResolveTime is the time spent resolving refs.
	ResolveTime time.Duration
	Failures    []Failure
}

// Failure is one input that failed, with its error.
type Failure struct {
	Path string
	Err  error
}

// input is one file (or stdin) to parse.
type input struct {
	path string
	// named reports a file named in the import's paths (or standard
	// input) rather than one found in a directory: what is skipped silently
	// beside other files is a failure when asked for by name.
	named bool
}

// parsed is part of the result of parsing one input: a chunk of its
// articles, and with the last chunk (final) the input's error.
type parsed struct {
	path     string
	named    bool // see input.named
	articles []articles.Article
	prepared []prepared          // the articles' prepared columns (prepareAll)
	terms    map[string]struct{} // the index terms of the articles
	err      error
	final    bool
}

// parseChunk is how many articles of one input travel to the writer together:
// a large dataset or feed is written while it is still being read.
const parseChunk = 256

// batch is what one write transaction saves.
type batch struct {
	articles []articles.Article
	prepared []prepared // for the first articles, or none
	terms    map[string]struct{}
}

func newBatch(size int) batch {
	return batch{articles: make([]articles.Article, 0, size), prepared: make([]prepared, 0, size), terms: make(map[string]struct{})}
}

// Import reads files and directories (recursively) into the library. Files
// of unknown types, empty files and kabar export's link graph are skipped
// and counted; a file that fails is counted and reported without stopping
// the rest. Articles are written in batched transactions, so an interrupted
// import leaves only whole articles and running it again completes it.
func (s *Store) Import(ctx context.Context, paths []string, opt ImportOptions) (Summary, error) {
	defer collectMoreWhileImporting()()
	inputs, skipped, failures := collectInputs(paths, opt.Parse.Format != "")
	sum := Summary{Skipped: skipped, Failed: len(failures), Failures: failures}
	workers := opt.Workers
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	if err := s.vocab.load(ctx, s.db); err != nil {
		return sum, fmt.Errorf("store: import into %s: %w", s.path, err)
	}
	// Cancelling ctx stops reading; what was read is still written and
	// committed, so an interrupted import ends at an article boundary.
	// The writer's own failure stops the reading. The writer's context
	// cannot be cancelled: nothing interrupts its statements, and the
	// driver starts a goroutine to watch a context that can be for every
	// statement it runs (about 2 s of the writer's 16 s in a profile of
	// BenchmarkImport100k).
	writeCtx := context.WithoutCancel(ctx)
	parseCtx, stopParsing := context.WithCancel(ctx)
	defer stopParsing()
	results := parseAll(parseCtx, inputs, workers, opt, &s.vocab)

	batchSize := opt.BatchSize
	if batchSize <= 0 {
		batchSize = 1000
	}
	w, err := s.startWriter(writeCtx, stopParsing)
	if err != nil {
		return sum, fmt.Errorf("store: import into %s: %w", s.path, withAdvice(s.path, err))
	}
	b := newBatch(batchSize)
	done := 0
	for {
		res, ok := nextResult(parseCtx, results)
		if !ok {
			break
		}
		if res.final {
			done++
		}
		switch {
		case res.skippable():
			sum.Skipped++
		case res.err != nil:
			sum.Failed++
			sum.Failures = append(sum.Failures, Failure{Path: res.path, Err: res.err})
		}
		for t := range res.terms {
			b.terms[t] = struct{}{}
		}
		for i, a := range res.articles {
			if len(b.prepared) == len(b.articles) && i < len(res.prepared) {
				b.prepared = append(b.prepared, res.prepared[i])
			}
			b.articles = append(b.articles, a)
			if len(b.articles) >= batchSize {
				w.write(b)
				b = newBatch(batchSize)
			}
		}
		if opt.Progress != nil && res.final {
			p := Progress{Done: done, Total: len(inputs), Path: res.path, Summary: sum}
			p.Summary.add(w.progress())
			opt.Progress(p)
		}
	}
	if len(b.articles) > 0 {
		w.write(b)
	}
	written, err := w.wait()
	sum.add(written)
	if err == nil && ctx.Err() != nil {
		err = fmt.Errorf("%w: what was read is stored; import again to finish", ErrInterrupted)
	}
	if err == nil {
		err = s.resolvePending(ctx, &sum)
	}
	if err != nil {
		return sum, fmt.Errorf("store: import into %s: %w", s.path, withAdvice(s.path, err))
	}
	return sum, nil
}

// skippable reports an input that holds no articles by its nature: an
// empty file, or the link graph beside an exported directory's articles.
// A link graph named on its own is a failure that says what it is: whoever
// named it meant to import articles.
func (p parsed) skippable() bool {
	if len(p.articles) > 0 {
		return false
	}
	return errors.Is(p.err, articles.ErrEmpty) || errors.Is(p.err, articles.ErrLinkGraph) && !p.named
}

// ErrInterrupted reports an import or fetch stopped by its context (Ctrl-C,
// SIGTERM) before it finished. Everything committed stays.
var ErrInterrupted = errors.New("interrupted")

// nextResult waits for the next parsed chunk; it reports false once every
// input is done or ctx is cancelled, even while a parser is blocked reading
// (a terminal or a pipe on stdin).
func nextResult(ctx context.Context, results <-chan parsed) (parsed, bool) {
	select {
	case res, ok := <-results:
		return res, ok
	case <-ctx.Done():
		return parsed{}, false
	}
}

// writer saves batches on a goroutine of its own, so parsing the next files
// overlaps writing the last ones.
type writer struct {
	batches chan batch
	done    chan struct{}
	mu      sync.Mutex
	sum     Summary // what commits stored
	open    Summary // what the open transaction holds, for progress
	err     error
}

// setUncommitted notes what the open transaction holds (nothing when t is
// nil), so progress counts it.
func (w *writer) setUncommitted(t *openTx) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.open = Summary{}
	if t != nil {
		w.open = t.sum
	}
}

func (s *Store) startWriter(ctx context.Context, cancel func()) (*writer, error) {
	conn, release, err := s.importConn(ctx)
	if err != nil {
		return nil, err
	}
	// unbuffered: the batch being filled waits for the one being written,
	// so at most two batches of articles are in memory
	w := &writer{batches: make(chan batch), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		defer release()
		cp := newCheckpointer(s.db, conn)
		var t *openTx
		for b := range w.batches {
			if w.failed() {
				continue // drain: the import is being cancelled
			}
			if w.record(s.writeInto(ctx, conn, cp, &t, b)) {
				cancel()
			}
			w.setUncommitted(t)
		}
		if t != nil && !w.failed() {
			if w.record(s.commit(ctx, t, cp)) {
				cancel()
			}
		} else if t != nil {
			t.tx.Rollback()
		}
		w.record(Summary{}, cp.wait())
	}()
	return w, nil
}

// batchesPerTx is how many batches one import transaction writes. A commit
// writes every page the transaction changed; the indexes in random order
// (content hash, title, date, outlet) change pages all over, so fewer, larger
// commits keep a large library's import from slowing down, while the
// articles in memory stay one batch. Too many per transaction overflow the
// page cache and slow a fresh import: on steps 0–2 of the 1M corpus and on
// BenchmarkImport100k, with batches of 2,000, 1 gave 19.7/23.8/29.5 s and
// 4,949/s, 10 gave 19.0/19.7/23.1 s and 3,715–4,416/s, 3 gave 20.3/22.1/26.1
// s and 5,010/s. Batches of 1,000, six to a transaction (the same commits),
// hold half the articles in memory: the last step of the 1M build peaked at
// 126 MB instead of 148 MB (packed bodies had added to it), in 23.3 s
// against 25.5 s.
const batchesPerTx = 6

// openTx is the import transaction the writer is filling.
type openTx struct {
	tx      *sql.Tx
	batches int
	terms   []map[string]struct{} // to remember once committed
	sum     Summary               // what it saved, counted once committed
}

// writeInto saves a batch in the open transaction (beginning one when there
// is none) and commits it once it holds batchesPerTx batches; it returns
// what a commit stored, so a transaction rolled back counts nothing.
func (s *Store) writeInto(ctx context.Context, conn *sql.Conn, cp *checkpointer, t **openTx, b batch) (Summary, error) {
	if *t == nil {
		tx, err := conn.BeginTx(ctx, nil)
		if err != nil {
			return Summary{}, fmt.Errorf("begin: %w", err)
		}
		*t = &openTx{tx: tx}
	}
	sum, err := s.saveBatchIn(ctx, (*t).tx, b)
	if err != nil {
		(*t).tx.Rollback()
		*t = nil
		return Summary{}, err
	}
	(*t).batches++
	(*t).terms = append((*t).terms, b.terms)
	(*t).sum.add(sum)
	if (*t).batches < batchesPerTx {
		return Summary{}, nil
	}
	committed, err := s.commit(ctx, *t, cp)
	*t = nil
	return committed, err
}

// commit commits an import transaction, asks for a checkpoint, remembers
// the terms it wrote and returns what it saved.
func (s *Store) commit(ctx context.Context, t *openTx, cp *checkpointer) (Summary, error) {
	if err := t.tx.Commit(); err != nil {
		return Summary{}, fmt.Errorf("commit: %w", err)
	}
	for _, terms := range t.terms {
		s.vocab.remember(terms)
	}
	return t.sum, cp.committed(ctx)
}

// record adds what a commit stored and keeps the first error, reporting
// whether it is one (the import is then cancelled).
func (w *writer) record(sum Summary, err error) bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.sum.add(sum)
	if err != nil && w.err == nil {
		w.err = err
		return true
	}
	return false
}

func (w *writer) write(b batch) { w.batches <- b }

func (w *writer) failed() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.err != nil
}

// progress is what the writer has written so far, committed or in the
// open transaction.
func (w *writer) progress() Summary {
	w.mu.Lock()
	defer w.mu.Unlock()
	sum := w.sum
	sum.add(w.open)
	return sum
}

// wait flushes the writer and returns what it saved.
func (w *writer) wait() (Summary, error) {
	close(w.batches)
	<-w.done
	return w.sum, w.err
}

// ImportArticles stores articles already parsed (feeds fetched, the demo
// library, tests); each is sanitized first (articles.Article.Sanitize), as
// the parsers' own output is.
func (s *Store) ImportArticles(ctx context.Context, as []articles.Article) (Summary, error) {
	for i := range as {
		as[i].Sanitize()
	}
	if err := s.vocab.load(ctx, s.db); err != nil {
		return Summary{}, fmt.Errorf("store: import into %s: %w", s.path, withAdvice(s.path, err))
	}
	terms, err := s.vocab.newTerms(as)
	if err != nil {
		return Summary{}, err
	}
	sum, err := s.saveBatch(ctx, batch{articles: as, terms: terms})
	if err == nil {
		err = s.resolvePending(ctx, &sum)
	}
	if err != nil {
		return sum, fmt.Errorf("store: import into %s: %w", s.path, withAdvice(s.path, err))
	}
	return sum, nil
}

func (sum *Summary) add(o Summary) {
	sum.New += o.New
	sum.Updated += o.Updated
	sum.Unchanged += o.Unchanged
	sum.Resolved += o.Resolved
	sum.ResolveTime += o.ResolveTime
}

// saveBatch writes a batch of articles and resolves refs in a transaction of
// its own.
func (s *Store) saveBatch(ctx context.Context, b batch) (Summary, error) {
	var sum Summary
	err := s.inTx(ctx, func(tx *sql.Tx) error {
		var err error
		sum, err = s.saveBatchIn(ctx, tx, b)
		return err
	})
	if err == nil {
		s.vocab.remember(b.terms)
	}
	return sum, err
}

// saveBatchIn writes a batch of articles and resolves their refs inside tx.
func (s *Store) saveBatchIn(ctx context.Context, tx *sql.Tx, b batch) (Summary, error) {
	var sum Summary
	w, err := newBatchWriter(ctx, tx, time.Now())
	if err != nil {
		return sum, err
	}
	if err := s.vocab.write(ctx, tx, b.terms); err != nil {
		return sum, err
	}
	for i := range b.articles {
		var p *prepared
		if i < len(b.prepared) {
			p = &b.prepared[i]
		}
		o, err := w.save(ctx, &b.articles[i], p)
		if err != nil {
			return sum, err
		}
		switch o {
		case outcomeNew:
			sum.New++
		case outcomeUpdated:
			sum.Updated++
		default:
			sum.Unchanged++
		}
	}
	if err := w.derived.flush(ctx, tx); err != nil {
		return sum, err
	}
	if err := w.indexChanged(ctx); err != nil {
		return sum, err
	}
	start := time.Now()
	sum.Resolved, err = w.finish(ctx)
	sum.ResolveTime = time.Since(start)
	return sum, err
}

// pendingBatch is how many pending refs one transaction resolves.
const pendingBatch = 2000

// resolvePending runs the costly resolution rules on every ref the cheap ones
// left unresolved, in batched transactions.
func (s *Store) resolvePending(ctx context.Context, sum *Summary) error {
	start := time.Now()
	defer func() { sum.ResolveTime += time.Since(start) }()
	for {
		var handled, resolved int
		err := s.inTx(ctx, func(tx *sql.Tx) error {
			r, err := newResolver(ctx, tx)
			if err != nil {
				return err
			}
			handled, resolved, err = r.resolvePendingBatch(ctx, pendingBatch)
			return err
		})
		if err != nil {
			return fmt.Errorf("resolve pending refs: %w", err)
		}
		sum.Resolved += resolved
		if handled < pendingBatch {
			return nil
		}
	}
}

// collectInputs expands directories recursively (skipping hidden ones) and
// counts files whose type kabar does not read; with anyType (a format given
// for every input) it takes every file. A file named in paths is always
// taken: if kabar cannot read it, that is a failure, not a skip.
func collectInputs(paths []string, anyType bool) (inputs []input, skipped int, failures []Failure) {
	for _, p := range paths {
		if p == "-" {
			inputs = append(inputs, input{path: "-", named: true})
			continue
		}
		info, err := os.Stat(p)
		if err != nil {
			failures = append(failures, Failure{Path: p, Err: err})
			continue
		}
		if !info.IsDir() {
			if err := regular(info); err != nil {
				failures = append(failures, Failure{Path: p, Err: fmt.Errorf("%s: %w", p, err)})
				continue
			}
			inputs = append(inputs, input{path: absPath(p), named: true})
			continue
		}
		err = filepath.WalkDir(p, func(path string, d fs.DirEntry, err error) error {
			if err != nil {
				failures = append(failures, Failure{Path: path, Err: err})
				return nil
			}
			name := d.Name()
			if d.IsDir() {
				if path != p && strings.HasPrefix(name, ".") {
					return filepath.SkipDir
				}
				return nil
			}
			if strings.HasPrefix(name, ".") {
				return nil
			}
			if !d.Type().IsRegular() {
				// a link to a file is read; a link to a directory (which
				// could loop), a pipe, socket or device is skipped and counted
				if info, err := os.Stat(path); err != nil || d.Type()&fs.ModeSymlink == 0 || regular(info) != nil {
					skipped++
					return nil
				}
			}
			if _, ok := articles.FormatOf(name); !ok && filepath.Ext(name) != "" && !anyType {
				skipped++
				return nil
			}
			inputs = append(inputs, input{path: absPath(path)})
			return nil
		})
		if err != nil {
			failures = append(failures, Failure{Path: p, Err: err})
		}
	}
	return inputs, skipped, failures
}

func absPath(p string) string {
	if a, err := filepath.Abs(p); err == nil {
		return a
	}
	return p
}

// parseAll parses inputs on a pool of workers and streams the results.
func parseAll(ctx context.Context, inputs []input, workers int, opt ImportOptions, vocab *vocabulary) <-chan parsed {
	jobs := make(chan input)
	results := make(chan parsed, workers)
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			send := func(res parsed) bool {
				var err error
				res.prepared = prepareAll(res.articles)
				if res.terms, err = vocab.newTerms(res.articles); err != nil {
					res.err = errors.Join(res.err, fmt.Errorf("%s: %w", res.path, err))
				}
				select {
				case results <- res:
					return true
				case <-ctx.Done():
					return false
				}
			}
			for in := range jobs {
				if !parseInput(in, opt, send) {
					return
				}
			}
		}()
	}
	ahead := startReadAhead(inputs, warmFile)
	go func() {
		defer close(jobs)
		defer ahead.stop()
		for _, in := range inputs {
			select {
			case jobs <- in:
				ahead.took()
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() {
		wg.Wait()
		close(results)
	}()
	return results
}

// parseInput reads one input and sends its articles in chunks, the last one
// final with the input's error; a panic in a parser becomes an error naming
// the input. It reports false when the import was cancelled.
func parseInput(in input, opt ImportOptions, send func(parsed) bool) (ok bool) {
	res := parsed{path: in.path, named: in.named}
	cancelled := errors.New("import cancelled")
	emit := func(a articles.Article) error {
		res.articles = append(res.articles, a)
		if len(res.articles) < parseChunk {
			return nil
		}
		if !send(res) {
			return cancelled
		}
		res.articles = nil
		return nil
	}
	defer func() {
		if r := recover(); r != nil {
			res.err = fmt.Errorf("%s: parser failed: %v", in.path, r)
		}
		if errors.Is(res.err, cancelled) {
			ok = false
			return
		}
		res.final = true
		ok = send(res)
	}()
	res.err = parseOne(in, opt, emit)
	return true
}

// regular accepts a regular file and says what else a path is: kabar never
// opens a named pipe, socket or device, which could block forever or never
// end.
func regular(info fs.FileInfo) error {
	m := info.Mode()
	switch {
	case m.IsRegular():
		return nil
	case m&fs.ModeNamedPipe != 0:
		return errors.New("a named pipe (FIFO), not a file: pipe it into kabar import - instead")
	case m&fs.ModeSocket != 0:
		return errors.New("a socket, not a file")
	case m&fs.ModeDevice != 0 || m&fs.ModeCharDevice != 0:
		return errors.New("a device, not a file")
	case m.IsDir():
		return errors.New("a directory")
	}
	return errors.New("not a regular file")
}

// openRegular opens a path for reading without blocking on a named pipe that
// replaced a file since it was listed, and refuses anything but a regular
// file.
func openRegular(path string) (*os.File, error) {
	f, err := os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, err
	}
	info, err := f.Stat()
	if err == nil {
		err = regular(info)
	}
	if err != nil {
		f.Close()
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return f, nil
}

// parseOne opens one input and parses it, calling emit with each article.
func parseOne(in input, opt ImportOptions, emit func(articles.Article) error) error {
	if in.path == "-" {
		if opt.Stdin == nil {
			return errors.New("-: no standard input")
		}
		return articles.ParseEach("-", opt.Stdin, opt.Parse, emit)
	}
	f, err := openRegular(in.path)
	if err != nil {
		return err
	}
	defer f.Close()
	return articles.ParseEach(in.path, f, opt.Parse, emit)
}
