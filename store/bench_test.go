package store_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"kabar/articles"
	"kabar/store"
	"kabar/store/benchlib"
)

// BenchmarkImport100k imports the 100,000-article corpus into a new library
// and reports articles per second, the time spent resolving refs, and the
// library's size against the raw text: cold reads the files from disk
// (benchlib.Evict), warm from the page cache (benchlib.Warm). Run it with
// -benchtime 1x.
func BenchmarkImport100k(b *testing.B) {
	dir, rawSize := benchlib.Corpus(b)
	for _, cache := range []struct {
		name    string
		prepare func(string) error
	}{{"cold", benchlib.Evict}, {"warm", benchlib.Warm}} {
		b.Run(cache.name, func(b *testing.B) {
			for b.Loop() {
				b.StopTimer()
				if err := cache.prepare(dir); errors.Is(err, errors.ErrUnsupported) {
					b.Skip("this system cannot drop files from its page cache")
				} else if err != nil {
					b.Fatal(err)
				}
				db := filepath.Join(b.TempDir(), "library.db")
				s, err := store.Open(db)
				if err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
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
		})
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

// benchQueries are a word in most articles, a rare pair, a phrase and a
// prefix typed into the filter.
var benchQueries = []string{"pemerintah", "tahap 4242", `"pembangunan sarana"`, "perpus"}

// BenchmarkSearchFirst100 runs full-text searches returning their first 100
// hits newest first (the default order), on the library as imported (its
// dates follow the import order, as a feed's do) and on a copy dated in an
// order unrelated to it (out-of-order/…), as a corpus imported file by file.
func BenchmarkSearchFirst100(b *testing.B) {
	ctx := context.Background()
	for _, lib := range []struct{ name, path string }{
		{"", benchlib.LibraryPath(b)},
		{"out-of-order/", benchlib.OutOfOrderPath(b, benchlib.LibraryPath(b))},
	} {
		s := openReadOnly(b, lib.path)
		for _, q := range benchQueries {
			b.Run(lib.name+q, func(b *testing.B) {
				for b.Loop() {
					if ls, err := s.Search(ctx, q, 0, 100, true); err != nil || len(ls) == 0 {
						b.Fatal(len(ls), err)
					}
				}
			})
		}
	}
}

// BenchmarkSearchFields runs queries of fields, alone and with a word,
// returning their first 100 hits newest first.
func BenchmarkSearchFields(b *testing.B) {
	s, ctx := benchlib.Library(b), context.Background()
	for _, q := range []string{"source:pesisir after:2020-01-01", `author:"penulis 3"`, "is:unread has:links", "pemerintah source:lereng"} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if ls, err := s.Search(ctx, q, 0, 100, true); err != nil || len(ls) == 0 {
					b.Fatal(len(ls), err)
				}
			}
		})
	}
}

// BenchmarkSearchByRelevance runs the same searches best first (bm25).
func BenchmarkSearchByRelevance(b *testing.B) {
	s, ctx := benchlib.Library(b), context.Background()
	for _, q := range benchQueries {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if ls, err := s.SearchByRelevance(ctx, q, 0, 100, true); err != nil || len(ls) == 0 {
					b.Fatal(len(ls), err)
				}
			}
		})
	}
}

// BenchmarkSimilar1M is BenchmarkSimilar on the 1,000,000-article library.
func BenchmarkSimilar1M(b *testing.B) {
	s := millionLibrary(b)
	ids := benchSpread(b, s, 100)
	i := 0
	for b.Loop() {
		if _, err := s.Similar(context.Background(), ids[i%len(ids)], 10); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// millionLibrary opens the 1,000,000-article library read-only, or skips
// the benchmark when it was not built.
func millionLibrary(b *testing.B) *store.Store {
	return openReadOnly(b, millionLibraryPath(b))
}

// millionLibraryPath is the 1,000,000-article library's path, or skips the
// benchmark when it was not built.
func millionLibraryPath(b *testing.B) string {
	lib := benchlib.MillionLibraryPath
	if _, err := os.Stat(fmt.Sprintf("%s.step%d.json", lib, benchlib.MillionSteps-1)); err != nil {
		b.Skip("no complete 1M library: build it with go test ./store -run '^$' -bench Import1M -benchtime 1x -timeout 60m")
	}
	return lib
}

// openReadOnly opens a library read-only for a benchmark.
func openReadOnly(b *testing.B, path string) *store.Store {
	s, err := store.OpenReadOnly(path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	return s
}

// BenchmarkSearch1M runs the search benchmarks' queries, and a field-only
// one, on the 1,000,000-article library (BenchmarkImport1M builds it): the
// first 100 results newest first and best first; newest first also on a
// copy dated out of import order (out-of-order/…, made once beside it).
func BenchmarkSearch1M(b *testing.B) {
	ctx := context.Background()
	path := millionLibraryPath(b)
	asImported, outOfOrder := openReadOnly(b, path), openReadOnly(b, benchlib.OutOfOrderPath(b, path))
	queries := append(benchQueries[:len(benchQueries):len(benchQueries)], "source:pesisir after:2020-01-01")
	for _, run := range []struct {
		name   string
		search func(context.Context, string, int, int, bool) ([]articles.Listing, error)
	}{
		{"newest/", asImported.Search}, {"relevance/", asImported.SearchByRelevance}, {"out-of-order/newest/", outOfOrder.Search},
	} {
		for _, q := range queries {
			b.Run(run.name+q, func(b *testing.B) {
				for b.Loop() {
					if ls, err := run.search(ctx, q, 0, 100, true); err != nil || len(ls) == 0 {
						b.Fatal(len(ls), err)
					}
				}
			})
		}
	}
}

// BenchmarkSearchDeepPage1M reads the page of 100 newest-first results
// that starts at the 20,000th, of a word in most articles, a phrase and an
// outlet in the 1,000,000-article library: counted from the first result
// (offset), and read after the result before it (SearchAfter), as the list
// asks for it while you page down.
func BenchmarkSearchDeepPage1M(b *testing.B) {
	ctx := context.Background()
	s := openReadOnly(b, millionLibraryPath(b))
	const deep = 20000
	for _, q := range []string{"pemerintah", `"pembangunan sarana"`, "source:pesisir"} {
		before, err := s.Search(ctx, q, deep-1, 1, false)
		if err != nil || len(before) != 1 {
			b.Fatalf("%s: result %d: %v", q, deep-1, err)
		}
		b.Run("offset/"+q, func(b *testing.B) {
			for b.Loop() {
				if ls, err := s.Search(ctx, q, deep, 100, false); err != nil || len(ls) != 100 {
					b.Fatal(len(ls), err)
				}
			}
		})
		b.Run("after/"+q, func(b *testing.B) {
			for b.Loop() {
				if ls, err := s.SearchAfter(ctx, q, before[0], 100, false); err != nil || len(ls) != 100 {
					b.Fatal(len(ls), err)
				}
			}
		})
	}
}

// BenchmarkSearchShapes1M runs, newest first and by relevance, the query
// shapes that were slow on the 1,000,000-article library: a word in most
// articles with a condition no article passes (nothing is starred in it,
// nothing dated after 2030), exclusions alone (of a word in a tenth of the
// articles, and of one in all but 18), an outlet holding a third of the
// library, and a title word that no title holds.
func BenchmarkSearchShapes1M(b *testing.B) {
	ctx := context.Background()
	s := openReadOnly(b, millionLibraryPath(b))
	for _, q := range []string{"pemerintah is:starred", "pemerintah after:2030-01-01", "-banjir", "-pemerintah",
		"pemerintah source:lereng", "title:pembangunan"} {
		for _, run := range []struct {
			name   string
			search func(context.Context, string, int, int, bool) ([]articles.Listing, error)
		}{{"newest/", s.Search}, {"relevance/", s.SearchByRelevance}} {
			b.Run(run.name+q, func(b *testing.B) {
				for b.Loop() {
					if _, err := run.search(ctx, q, 0, 100, false); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkIDs1M reads the ids export walks on the 1,000,000-article
// library: every article, and every match of a word in most of them,
// newest first.
func BenchmarkIDs1M(b *testing.B) {
	ctx := context.Background()
	s := openReadOnly(b, millionLibraryPath(b))
	for _, q := range []string{"", "pemerintah", "tahap 4242"} {
		b.Run("query="+q, func(b *testing.B) {
			for b.Loop() {
				ids, err := s.IDs(ctx, q)
				if err != nil || len(ids) == 0 {
					b.Fatalf("%d ids, %v", len(ids), err)
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

// BenchmarkImportFeed imports one generated Atom feed file of 20,000 and of
// 100,000 entries of about 5 KB (every entry names one to three earlier ones
// by URL and by title) into a new library, in a process of its own, and
// reports entries per second, the refs resolved and the import's peak RSS.
// Run it with -benchtime 1x.
func BenchmarkImportFeed(b *testing.B) {
	for _, n := range []int{20_000, 100_000} {
		b.Run(strconv.Itoa(n), func(b *testing.B) {
			feed, size := benchlib.Feed(b, n)
			for b.Loop() {
				db := filepath.Join(b.TempDir(), "library.db")
				out, rss := importInChild(b, db, feed)
				b.StopTimer()
				var added, resolved int
				if _, err := fmt.Sscan(out, &added, &resolved); err != nil || added != n {
					b.Fatalf("import printed %q: %v", out, err)
				}
				b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "entries/s")
				b.ReportMetric(float64(resolved), "refs-resolved")
				b.ReportMetric(float64(rss)/1024, "peak-RSS-MB")
				b.ReportMetric(float64(size)/1e6, "feed-MB")
				b.StartTimer()
			}
		})
	}
}

// importInChild imports path into db in a child process (the test binary,
// see TestMain) and returns what it printed and its peak RSS in KiB.
func importInChild(b *testing.B, db, path string) (string, int64) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "KABAR_STORE_BENCH_IMPORT="+db+"|"+path)
	cmd.Stderr = os.Stderr
	out, err := cmd.Output()
	if err != nil {
		b.Fatalf("import %s: %v", path, err)
	}
	return strings.TrimSpace(string(out)), cmd.ProcessState.SysUsage().(*syscall.Rusage).Maxrss
}

// BenchmarkImport1M builds the 1,000,000-article library
// (benchlib.MillionLibraryPath) in ten imports of 100,000, each in a process
// of its own, and reports the whole build's time, the rate of the first and
// of the last 100,000 (close when the build is linear), the highest peak RSS
// of any step and the library's size against the raw text. A step already
// built is not built again, so an interrupted build resumes; each step's
// figures are kept beside the library, and a resumed build reports them
// all. Each step reads its files from disk (benchlib.Evict). Delete the
// library (and its .step files) to measure again. Run it with -benchtime 1x
// -timeout 60m.
func BenchmarkImport1M(b *testing.B) {
	dirs, rawSize := benchlib.MillionCorpus(b)
	db := benchlib.MillionLibraryPath
	for b.Loop() {
		var total time.Duration
		var peak int64
		var steps []buildStep
		for i, dir := range dirs {
			st := buildStepOnce(b, db, i, dir)
			steps = append(steps, st)
			total += st.Elapsed
			peak = max(peak, st.PeakRSSKiB)
		}
		b.StopTimer()
		info, err := os.Stat(db)
		if err != nil {
			b.Fatal(err)
		}
		per := float64(benchlib.Million / benchlib.MillionSteps)
		b.ReportMetric(total.Seconds(), "build-s")
		b.ReportMetric(per/steps[0].Elapsed.Seconds(), "first-100k-articles/s")
		b.ReportMetric(per/steps[len(steps)-1].Elapsed.Seconds(), "last-100k-articles/s")
		b.ReportMetric(float64(peak)/1024, "peak-RSS-MB")
		b.ReportMetric(float64(info.Size())/float64(rawSize), "size/raw")
		b.StartTimer()
	}
}

// buildStep is what one step of the 1M build took.
type buildStep struct {
	Elapsed    time.Duration
	PeakRSSKiB int64
}

// buildStepOnce imports step i's directory into db in a child process unless
// an earlier run did, and returns the step's figures.
func buildStepOnce(b *testing.B, db string, i int, dir string) buildStep {
	record := fmt.Sprintf("%s.step%d.json", db, i)
	var st buildStep
	if data, err := os.ReadFile(record); err == nil {
		if err := json.Unmarshal(data, &st); err != nil {
			b.Fatalf("%s: %v", record, err)
		}
		return st
	}
	// the step's files are read from disk, as those of a corpus scraped
	// before the import (the system's own cache otherwise decides)
	if err := benchlib.Evict(dir); err != nil && !errors.Is(err, errors.ErrUnsupported) {
		b.Fatal(err)
	}
	start := time.Now()
	out, rss := importInChild(b, db, dir)
	st = buildStep{Elapsed: time.Since(start), PeakRSSKiB: rss}
	var added, resolved int
	if _, err := fmt.Sscan(out, &added, &resolved); err != nil || added != benchlib.Million/benchlib.MillionSteps {
		b.Fatalf("step %d: import printed %q: %v", i, out, err)
	}
	data, err := json.Marshal(st)
	if err != nil {
		b.Fatal(err)
	}
	if err := os.WriteFile(record, data, 0o644); err != nil {
		b.Fatal(err)
	}
	b.Logf("step %d: %v, peak RSS %d MiB", i, st.Elapsed.Round(time.Millisecond), rss>>10)
	return st
}

// BenchmarkSources reads the sources panel's entries with their counts
// (100,000 articles over 1,000 outlets, 20 tags, 10 feeds, 3 saved
// searches, whose counts come apart: see BenchmarkSearchTally).
func BenchmarkSources(b *testing.B) {
	s, ctx := benchlib.Scratch(b), context.Background()
	for b.Loop() {
		srcs, err := s.Sources(ctx)
		if err != nil || len(srcs) < benchlib.Outlets {
			b.Fatalf("%d sources, %v", len(srcs), err)
		}
	}
}

// BenchmarkSearchTally counts a saved search's matches and unread ones.
func BenchmarkSearchTally(b *testing.B) {
	s, ctx := benchlib.Scratch(b), context.Background()
	for _, q := range []string{"pemerintah", "tahap 4242 is:unread", `source:"Outlet 7" after:2020`} {
		b.Run(q, func(b *testing.B) {
			for b.Loop() {
				if _, _, err := s.SearchTally(ctx, q); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkMarkAllRead100k marks every article of the library read (A in
// the list, confirmed); each round's undo runs outside the timer.
func BenchmarkMarkAllRead100k(b *testing.B) {
	s, ctx := benchlib.Scratch(b), context.Background()
	for b.Loop() {
		ids, err := s.MarkAllRead(ctx, "")
		if err != nil || len(ids) != benchlib.Articles {
			b.Fatalf("marked %d, %v", len(ids), err)
		}
		b.StopTimer()
		if err := s.SetReadOf(ctx, ids, false); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
}

// BenchmarkSimilar finds the ten articles most like one article of the
// 100,000-article library (issue 14: under 30 ms), picked across the
// library: the benchmark cycles through a hundred of them.
func BenchmarkSimilar(b *testing.B) {
	s, ctx := benchlib.Library(b), context.Background()
	ids := benchSpread(b, s, 100)
	i := 0
	for b.Loop() {
		if _, err := s.Similar(ctx, ids[i%len(ids)], 10); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// benchSpread returns n article ids spread evenly over a library.
func benchSpread(b *testing.B, s *store.Store, n int) []int64 {
	ctx := context.Background()
	c, err := s.Counts(ctx)
	if err != nil {
		b.Fatal(err)
	}
	var ids []int64
	for k := range n {
		ls, err := s.List(ctx, store.ListOptions{Offset: k * c.Total / n, Limit: 1})
		if err != nil || len(ls) != 1 {
			b.Fatal(len(ls), err)
		}
		ids = append(ids, ls[0].ID)
	}
	return ids
}

// BenchmarkStory builds story threads in the 100,000-article library (each
// article links to one or two of the forty before it) around a hub that 300
// later articles link to, as a running story's first report is: every
// thread through the hub reaches the storySize bound of 200 articles
// (issue 14: under 50 ms).
func BenchmarkStory(b *testing.B) {
	s, ctx := benchlib.Scratch(b), context.Background()
	hub, err := s.Article(ctx, 50000)
	if err != nil {
		b.Fatal(err)
	}
	var spokes []articles.Article
	for i := range 300 {
		spokes = append(spokes, articles.Article{Title: fmt.Sprintf("Lanjutan Kabar Utama Bagian %d", i),
			Body: "Perkembangan terbaru kabar utama.", Published: hub.Published.AddDate(0, 0, 1+i%30),
			Related: []articles.Ref{{Title: hub.Title}}, Origin: articles.Origin{Path: "spokes.jsonl", Record: i + 1}})
	}
	if _, err := s.ImportArticles(ctx, spokes); err != nil {
		b.Fatal(err)
	}
	found, err := s.Search(ctx, `title:"Lanjutan Kabar Utama"`, 0, 20, false)
	if err != nil {
		b.Fatal(err)
	}
	ids := []int64{hub.ID}
	for _, l := range found {
		ids = append(ids, l.ID)
	}
	for _, id := range ids {
		if thread, err := s.Story(ctx, id); err != nil || len(thread) != 200 {
			b.Fatalf("thread of %d: %d articles, %v", id, len(thread), err)
		}
	}
	i := 0
	for b.Loop() {
		if _, err := s.Story(ctx, ids[i%len(ids)]); err != nil {
			b.Fatal(err)
		}
		i++
	}
}

// BenchmarkList1M lists a page of 100 of the 1,000,000-article library: the
// newest, the one in the middle, and the last (G in the list); then the
// pages after and before the middle one, as the list asks for them while
// you page through it (keyset paging, ListOptions.After and Before).
func BenchmarkList1M(b *testing.B) {
	s, ctx := millionLibrary(b), context.Background()
	for _, page := range []struct {
		name   string
		offset int
	}{{"first", 0}, {"middle", benchlib.Million / 2}, {"last", benchlib.Million - 100}} {
		b.Run(page.name, func(b *testing.B) {
			for b.Loop() {
				ls, err := s.List(ctx, store.ListOptions{Offset: page.offset, Limit: 100})
				if err != nil || len(ls) != 100 {
					b.Fatalf("%d, %v", len(ls), err)
				}
			}
		})
	}
	middle, err := s.List(ctx, store.ListOptions{Offset: benchlib.Million / 2, Limit: 100})
	if err != nil || len(middle) != 100 {
		b.Fatalf("%d, %v", len(middle), err)
	}
	last, first := store.CursorOf(middle[99]), store.CursorOf(middle[0])
	for _, page := range []struct {
		name string
		opt  store.ListOptions
	}{{"after-middle", store.ListOptions{After: &last, Limit: 100}}, {"before-middle", store.ListOptions{Before: &first, Limit: 100}}} {
		b.Run(page.name, func(b *testing.B) {
			for b.Loop() {
				ls, err := s.List(ctx, page.opt)
				if err != nil || len(ls) != 100 {
					b.Fatalf("%d, %v", len(ls), err)
				}
			}
		})
	}
}
