package store

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"sync"
	"testing"

	"kabar/articles/synth"
)

// benchArticles is the size of the benchmark library, and benchArticleSize
// the size of each generated article.
const (
	benchArticles    = 100_000
	benchArticleSize = 4000
)

// benchCacheDir holds generated inputs and the built library between runs;
// delete it to start over.
var benchCacheDir = filepath.Join(os.TempDir(), "kabar-bench-v1")

var (
	corpusOnce sync.Once
	corpusDir  string
	corpusSize int64
	corpusErr  error
)

// benchCorpus writes the 100,000 generated articles as files (once) and
// returns their directory and total size.
func benchCorpus(b *testing.B) (string, int64) {
	corpusOnce.Do(func() {
		corpusDir = filepath.Join(benchCacheDir, "corpus")
		marker := filepath.Join(corpusDir, ".complete")
		for i := range benchArticles {
			text := synth.Text(i, benchArticleSize)
			corpusSize += int64(len(text))
			if _, err := os.Stat(marker); err == nil {
				continue
			}
			p := filepath.Join(corpusDir, strconv.Itoa(i/1000), fmt.Sprintf("%06d.txt", i))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				corpusErr = err
				return
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				corpusErr = err
				return
			}
		}
		corpusErr = os.WriteFile(marker, nil, 0o644)
	})
	if corpusErr != nil {
		b.Fatal(corpusErr)
	}
	return corpusDir, corpusSize
}

var (
	libraryOnce sync.Once
	libraryPath string
	libraryErr  error
)

// benchLibrary returns a library holding the whole corpus, importing it once
// and keeping it in the cache directory.
func benchLibrary(b *testing.B) *Store {
	dir, _ := benchCorpus(b)
	libraryOnce.Do(func() {
		libraryPath = filepath.Join(benchCacheDir, "library.db")
		if _, err := os.Stat(libraryPath + ".complete"); err == nil {
			return
		}
		os.Remove(libraryPath)
		s, err := Open(libraryPath)
		if err != nil {
			libraryErr = err
			return
		}
		defer s.Close()
		if _, err := s.Import(context.Background(), []string{dir}, ImportOptions{}); err != nil {
			libraryErr = err
			return
		}
		libraryErr = os.WriteFile(libraryPath+".complete", nil, 0o644)
	})
	if libraryErr != nil {
		b.Fatal(libraryErr)
	}
	s, err := Open(libraryPath)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkImport100k imports the 100,000-article corpus into a new library
// and reports articles per second, the time spent resolving refs, and the
// library's size against the raw text. Run it with -benchtime 1x.
func BenchmarkImport100k(b *testing.B) {
	dir, rawSize := benchCorpus(b)
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "library.db")
		s, err := Open(db)
		if err != nil {
			b.Fatal(err)
		}
		sum, err := s.Import(context.Background(), []string{dir}, ImportOptions{})
		if err != nil || sum.New != benchArticles {
			b.Fatalf("import: %+v, %v", sum, err)
		}
		b.StopTimer()
		if _, err := s.db.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
			b.Fatal(err)
		}
		s.Close()
		info, err := os.Stat(db)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(benchArticles)/b.Elapsed().Seconds(), "articles/s")
		b.ReportMetric(sum.ResolveTime.Seconds(), "resolve-s")
		b.ReportMetric(float64(sum.Resolved), "refs-resolved")
		b.ReportMetric(float64(info.Size())/float64(rawSize), "size/raw")
		b.StartTimer()
	}
}

// BenchmarkListNewestPage lists the 100 newest of 100,000 articles.
func BenchmarkListNewestPage(b *testing.B) {
	s, ctx := benchLibrary(b), context.Background()
	for b.Loop() {
		ls, err := s.List(ctx, ListOptions{Limit: 100})
		if err != nil || len(ls) != 100 {
			b.Fatalf("%d, %v", len(ls), err)
		}
	}
}

// BenchmarkListDeepPage lists a page 99,900 articles down (the end of the
// list in the reader).
func BenchmarkListDeepPage(b *testing.B) {
	s, ctx := benchLibrary(b), context.Background()
	for b.Loop() {
		ls, err := s.List(ctx, ListOptions{Offset: benchArticles - 100, Limit: 100})
		if err != nil || len(ls) != 100 {
			b.Fatalf("%d, %v", len(ls), err)
		}
	}
}

// BenchmarkSearchFirst100 runs full-text searches returning their first 100
// hits: a common word, a rare word and a phrase.
func BenchmarkSearchFirst100(b *testing.B) {
	s, ctx := benchLibrary(b), context.Background()
	for _, q := range []string{"pemerintah", "tahap 4242", `"pembangunan sarana"`, "perpus"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, err := s.Search(ctx, q, 0, 100, true); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkSearchCount counts the hits of a common word (the match count
// shown while filtering).
func BenchmarkSearchCount(b *testing.B) {
	s, ctx := benchLibrary(b), context.Background()
	for b.Loop() {
		if _, err := s.SearchCount(ctx, "pemerintah", true); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkShowArticle loads one article with its refs and backlinks.
func BenchmarkShowArticle(b *testing.B) {
	s, ctx := benchLibrary(b), context.Background()
	for b.Loop() {
		if _, err := s.Article(ctx, 50_000); err != nil {
			b.Fatal(err)
		}
	}
}
