package store_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"kabar/store"
	"kabar/store/benchlib"
)

// BenchmarkImport100k imports the 100,000-article corpus into a new library
// and reports articles per second, the time spent resolving refs, and the
// library's size against the raw text. Run it with -benchtime 1x.
func BenchmarkImport100k(b *testing.B) {
	dir, rawSize := benchlib.Corpus(b)
	for b.Loop() {
		db := filepath.Join(b.TempDir(), "library.db")
		s, err := store.Open(db)
		if err != nil {
			b.Fatal(err)
		}
		sum, err := s.Import(context.Background(), []string{dir}, store.ImportOptions{})
		if err != nil || sum.New != benchlib.Articles {
			b.Fatalf("import: %+v, %v", sum, err)
		}
		b.StopTimer()
		if err := s.Close(); err != nil { // the last close checkpoints the WAL
			b.Fatal(err)
		}
		info, err := os.Stat(db)
		if err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(float64(benchlib.Articles)/b.Elapsed().Seconds(), "articles/s")
		b.ReportMetric(sum.ResolveTime.Seconds(), "resolve-s")
		b.ReportMetric(float64(sum.Resolved), "refs-resolved")
		b.ReportMetric(float64(info.Size())/float64(rawSize), "size/raw")
		b.ReportMetric(float64(rawSize)/1e6, "raw-MB")
		b.StartTimer()
	}
}

// BenchmarkListNewestPage lists the 100 newest of 100,000 articles.
func BenchmarkListNewestPage(b *testing.B) {
	s, ctx := benchlib.Library(b), context.Background()
	for b.Loop() {
		ls, err := s.List(ctx, store.ListOptions{Limit: 100})
		if err != nil || len(ls) != 100 {
			b.Fatalf("%d, %v", len(ls), err)
		}
	}
}

// BenchmarkListDeepPage lists the last page of the library (G in the list).
func BenchmarkListDeepPage(b *testing.B) {
	s, ctx := benchlib.Library(b), context.Background()
	for b.Loop() {
		ls, err := s.List(ctx, store.ListOptions{Offset: benchlib.Articles - 100, Limit: 100})
		if err != nil || len(ls) != 100 {
			b.Fatalf("%d, %v", len(ls), err)
		}
	}
}

// BenchmarkSearchFirst100 runs full-text searches returning their first 100
// hits: a word in most articles, a rare pair, a phrase and a prefix.
func BenchmarkSearchFirst100(b *testing.B) {
	s, ctx := benchlib.Library(b), context.Background()
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

// BenchmarkSearchCount counts the hits of a word in most articles (the match
// count shown while filtering).
func BenchmarkSearchCount(b *testing.B) {
	s, ctx := benchlib.Library(b), context.Background()
	for b.Loop() {
		if _, err := s.SearchCount(ctx, "pemerintah", true, 0); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkShowArticle loads one article with its refs and backlinks.
func BenchmarkShowArticle(b *testing.B) {
	s, ctx := benchlib.Library(b), context.Background()
	for b.Loop() {
		if _, err := s.Article(ctx, 50_000); err != nil {
			b.Fatal(err)
		}
	}
}
