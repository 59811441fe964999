// Package benchlib builds the 100,000-article library that kabar's
// benchmarks run against: generated articles (articles/synth) written as
// files once, imported once, and both kept in a cache directory under the
// system's temp dir between runs.
package benchlib

import (
	"context"
	"database/sql"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"kabar/articles/synth"
	"kabar/store"

	_ "modernc.org/sqlite" // the driver the library is read with
)

// Size of the benchmark library and of each generated article.
const (
	Articles    = 100_000
	ArticleSize = 4000
)

// CacheDir holds the generated corpus and library; delete it to start over.
var CacheDir = filepath.Join(os.TempDir(), "kabar-bench-v5")

var (
	corpusOnce sync.Once
	corpusSize int64
	corpusErr  error

	libraryOnce sync.Once
	libraryErr  error
)

// Corpus writes the generated articles as text files (once) and returns
// their directory and total size in bytes.
func Corpus(tb testing.TB) (string, int64) {
	dir := filepath.Join(CacheDir, "corpus")
	corpusOnce.Do(func() { corpusSize, corpusErr = writeArticles(dir, 0, Articles) })
	if corpusErr != nil {
		tb.Fatal(corpusErr)
	}
	return dir, corpusSize
}

// LibraryPath returns the path of the imported 100,000-article library,
// importing the corpus the first time.
func LibraryPath(tb testing.TB) string {
	dir, _ := Corpus(tb)
	path := filepath.Join(CacheDir, "library.db")
	libraryOnce.Do(func() { libraryErr = buildLibrary(path, dir) })
	if libraryErr != nil {
		tb.Fatal(libraryErr)
	}
	return path
}

func buildLibrary(path, corpus string) error {
	if _, err := os.Stat(path + ".complete"); err == nil {
		return nil
	}
	os.Remove(path)
	s, err := store.Open(path)
	if err != nil {
		return err
	}
	if _, err := s.Import(context.Background(), []string{corpus}, store.ImportOptions{}); err != nil {
		s.Close()
		return err
	}
	if err := s.Close(); err != nil {
		return err
	}
	return os.WriteFile(path+".complete", nil, 0o644)
}

// Library opens the 100,000-article library for a benchmark.
func Library(tb testing.TB) *store.Store {
	s, err := store.Open(LibraryPath(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	return s
}

// FeedEntrySize is the size of a generated feed entry's HTML.
const FeedEntrySize = 5000

// Feed writes (once) an Atom feed of n generated entries into the cache and
// returns its path and size in bytes.
func Feed(tb testing.TB, n int) (string, int64) {
	path := filepath.Join(CacheDir, fmt.Sprintf("feed-%d.xml", n))
	if info, err := os.Stat(path); err == nil {
		return path, info.Size()
	}
	if err := os.MkdirAll(CacheDir, 0o755); err != nil {
		tb.Fatal(err)
	}
	tmp := path + ".part"
	f, err := os.Create(tmp)
	if err != nil {
		tb.Fatal(err)
	}
	if err := synth.WriteAtomFeed(f, n, FeedEntrySize); err != nil {
		f.Close()
		tb.Fatal(err)
	}
	if err := f.Close(); err != nil {
		tb.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		tb.Fatal(err)
	}
	info, err := os.Stat(path)
	if err != nil {
		tb.Fatal(err)
	}
	return path, info.Size()
}

// Million is the size of the large benchmark library, built in MillionSteps
// imports of equal size so that an interrupted build resumes where it stopped.
const (
	Million      = 1_000_000
	MillionSteps = 10
)

// MillionCorpus writes (once) the 1,000,000 generated articles as text files,
// one directory per build step, and returns the step directories and the
// total size in bytes.
func MillionCorpus(tb testing.TB) ([]string, int64) {
	root := filepath.Join(CacheDir, "corpus-1m")
	per := Million / MillionSteps
	var dirs []string
	var size int64
	for step := range MillionSteps {
		dir := filepath.Join(root, strconv.Itoa(step))
		n, err := writeArticles(dir, step*per, (step+1)*per)
		if err != nil {
			tb.Fatal(err)
		}
		dirs, size = append(dirs, dir), size+n
	}
	return dirs, size
}

// writeArticles writes generated articles [from, to) into dir, in
// subdirectories of 1,000, unless a marker says it is done; it returns their
// size either way.
func writeArticles(dir string, from, to int) (int64, error) {
	marker := filepath.Join(dir, ".complete")
	_, statErr := os.Stat(marker)
	var size int64
	for i := from; i < to; i++ {
		text := synth.Text(i, ArticleSize)
		size += int64(len(text))
		if statErr == nil {
			continue
		}
		p := filepath.Join(dir, strconv.Itoa(i/1000), fmt.Sprintf("%07d.txt", i))
		if i%1000 == 0 || i == from {
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return 0, fmt.Errorf("benchlib: %w", err)
			}
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return 0, fmt.Errorf("benchlib: %w", err)
		}
	}
	if statErr == nil {
		return size, nil
	}
	return size, os.WriteFile(marker, nil, 0o644)
}

// MillionLibraryPath is where the 1,000,000-article library is built.
var MillionLibraryPath = filepath.Join(CacheDir, "library-1m.db")

// Outlets, ScratchTags and SavedSearches describe the library Scratch
// makes: the 100,000 articles spread over that many outlets, one article in
// a hundred tagged, and that many saved searches.
const (
	Outlets       = 1000
	ScratchTags   = 20
	SavedSearches = 3
)

// Scratch copies the 100,000-article library into a temporary directory
// (a benchmark may change it), spreads its articles over Outlets outlets,
// tags every hundredth article with one of ScratchTags tags, subscribes
// ten feeds and saves SavedSearches searches: the sources panel of a
// reader who follows many outlets.
func Scratch(tb testing.TB) *store.Store {
	src := LibraryPath(tb)
	path := filepath.Join(tb.TempDir(), "library.db")
	if err := copyFile(src, path); err != nil {
		tb.Fatal(err)
	}
	if err := spreadOutlets(path, Outlets); err != nil {
		tb.Fatal(err)
	}
	s, err := store.Open(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { s.Close() })
	ctx := context.Background()
	for id := int64(1); id <= Articles; id += 100 {
		if err := s.Tag(ctx, id, fmt.Sprintf("tag %d", id%ScratchTags)); err != nil {
			tb.Fatal(err)
		}
	}
	for i := range 10 {
		if _, err := s.AddFeed(ctx, fmt.Sprintf("https://feed%d.example/rss", i), fmt.Sprintf("Outlet %d", i), false); err != nil {
			tb.Fatal(err)
		}
	}
	for i, q := range []string{"pemerintah", "tahap 4242 is:unread", `source:"Outlet 7" after:2020`}[:SavedSearches] {
		if err := s.SaveSearch(ctx, fmt.Sprintf("search %d", i), q); err != nil {
			tb.Fatal(err)
		}
	}
	return s
}

// spreadOutlets gives the articles of a library n outlets, "Outlet 0" to
// "Outlet n-1" (the library's triggers keep its counts).
func spreadOutlets(path string, n int) error {
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		return err
	}
	defer db.Close()
	_, err = db.Exec(`UPDATE articles SET source = 'Outlet ' || (id % ?)`, n)
	return err
}

// copyFile copies a closed SQLite library (its WAL, if any, too).
func copyFile(src, dst string) error {
	for _, suffix := range []string{"", "-wal"} {
		data, err := os.ReadFile(src + suffix)
		if suffix != "" && os.IsNotExist(err) {
			continue
		}
		if err != nil {
			return err
		}
		if err := os.WriteFile(dst+suffix, data, 0o644); err != nil {
			return err
		}
	}
	return nil
}

// OutOfOrderPath returns a copy of the library at src (made once, kept
// beside it) whose articles are published in an order unrelated to their
// import order, five minutes apart: a corpus imported file by file rather
// than a feed read day by day. The copy is closed; open it read-only.
func OutOfOrderPath(tb testing.TB, src string) string {
	dst := src[:len(src)-len(filepath.Ext(src))] + "-out-of-order.db"
	if _, err := os.Stat(dst + ".complete"); err == nil {
		return dst
	}
	if err := streamCopy(src, dst); err != nil {
		tb.Fatal(err)
	}
	db, err := sql.Open("sqlite", "file:"+dst)
	if err != nil {
		tb.Fatal(err)
	}
	defer db.Close()
	// id × a prime modulo the count spreads consecutive imports all over
	// the dates; the offset makes the newest article not the last imported
	if _, err := db.Exec(`UPDATE articles SET published = 1577836800 + ((id * 7919 + 12345) % (SELECT max(id) + 1 FROM articles)) * 300,
		published_tz = 0, sort_key = 1577836800 + ((id * 7919 + 12345) % (SELECT max(id) + 1 FROM articles)) * 300`); err != nil {
		tb.Fatal(err)
	}
	if _, err := db.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(dst+".complete", nil, 0o644); err != nil {
		tb.Fatal(err)
	}
	return dst
}

// streamCopy copies a closed SQLite library file of any size.
func streamCopy(src, dst string) error {
	in, err := os.Open(src)
	if err != nil {
		return err
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return err
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return err
	}
	os.Remove(dst + "-wal")
	return out.Close()
}
