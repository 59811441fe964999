package fetch

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"kabar/articles"
	"kabar/articles/synth"
	"kabar/store"
)

func openStore(t testing.TB) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "library.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

const rssFeed = `<?xml version="1.0"?>
<rss version="2.0"><channel><title>Kabar Lembah</title><link>%[1]s/</link><description>Berita</description>
<item><title>Jembatan Desa Diperbaiki</title><link>%[1]s/jembatan</link><guid>j1</guid><pubDate>Mon, 06 Jan 2025 07:00:00 +0700</pubDate>
<description>&lt;p&gt;Warga memperbaiki jembatan desa bersama-sama.&lt;/p&gt;</description></item>
<item><title>Pasar Pagi Ramai</title><link>%[1]s/pasar</link><guid>p1</guid><pubDate>Tue, 07 Jan 2025 07:00:00 +0700</pubDate>
<description>Pasar pagi kembali ramai.</description></item>
</channel></rss>`

const atomFeed = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Valley Post</title><id>urn:v</id><updated>2025-01-08T10:00:00Z</updated>
<entry><title>River Festival Opens</title><link href="%[1]s/festival"/><id>urn:f</id><updated>2025-01-08T09:00:00Z</updated>
<summary>The river festival opened with boat races.</summary></entry>
</feed>`

// articlePage is a saved-page article whose body holds a related block.
const articlePage = `<!DOCTYPE html><html><head><title>%[1]s</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>%[1]s</h1>
<p>%[2]s Warga berkumpul sejak pagi dan panitia menyiapkan banyak kegiatan untuk semua kalangan di desa itu.</p>
<p>Baca juga: %[3]s</p>
<p>Acara ditutup dengan doa bersama dan makan malam di balai desa yang dihadiri ratusan orang dari desa sekitar.</p>
</article></body></html>`

// server is a local feed server whose handlers tests fill in.
type server struct {
	*httptest.Server
	mux      *http.ServeMux
	requests atomic.Int64
}

func newServer(t *testing.T) *server {
	s := &server{mux: http.NewServeMux()}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.requests.Add(1)
		s.mux.ServeHTTP(w, r)
	}))
	t.Cleanup(s.Close)
	return s
}

func (s *server) feed(path, contentType, body string) {
	s.mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Header().Set("ETag", `"v1"`)
		if r.Header.Get("If-None-Match") == `"v1"` {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		fmt.Fprint(w, body)
	})
}

func TestFetchRSSAtomAndBrokenFeeds(t *testing.T) {
	srv := newServer(t)
	srv.feed("/rss", "application/rss+xml", fmt.Sprintf(rssFeed, srv.URL))
	srv.feed("/atom", "application/atom+xml", fmt.Sprintf(atomFeed, srv.URL))
	srv.feed("/broken", "application/xml", "<rss><channel><item><title>cut off")
	s, ctx := openStore(t), context.Background()
	for _, f := range []struct{ path, name string }{{"/rss", "lembah"}, {"/atom", "valley"}, {"/broken", "broken"}} {
		if _, err := s.AddFeed(ctx, srv.URL+f.path, f.name, false); err != nil {
			t.Fatal(err)
		}
	}
	var progressCalls atomic.Int64
	results, err := (&Fetcher{}).FetchAll(ctx, s, "", func(done, total int, r Result) { progressCalls.Add(1) })
	if err != nil {
		t.Fatal(err)
	}
	byName := map[string]Result{}
	for _, r := range results {
		byName[r.Feed.Name] = r
	}
	if r := byName["lembah"]; r.Err != nil || r.Summary.New != 2 {
		t.Errorf("rss: %+v", r)
	}
	if r := byName["valley"]; r.Err != nil || r.Summary.New != 1 {
		t.Errorf("atom: %+v", r)
	}
	if r := byName["broken"]; r.Err == nil || !strings.Contains(r.Err.Error(), "feed broken") {
		t.Errorf("broken feed: %+v", r)
	}
	if progressCalls.Load() != 3 {
		t.Errorf("progress called %d times", progressCalls.Load())
	}
	c, _ := s.Counts(ctx)
	if c.Total != 3 {
		t.Fatalf("library holds %d articles", c.Total)
	}
	hits, _ := s.Search(ctx, "jembatan", 0, 10, false)
	if len(hits) != 1 || hits[0].Source != "Kabar Lembah" || hits[0].URL != srv.URL+"/jembatan" {
		t.Fatalf("stored entry: %+v", hits)
	}
	feeds, _ := s.Feeds(ctx)
	for _, f := range feeds {
		if f.LastFetched.IsZero() || (f.Name == "broken") != (f.LastError != "") {
			t.Errorf("feed state: %+v", f)
		}
	}

	// Second fetch: conditional requests, 304, nothing new, nothing lost.
	results, _ = (&Fetcher{}).FetchAll(ctx, s, "lembah", nil)
	if len(results) != 1 || !results[0].NotModified || results[0].Err != nil {
		t.Fatalf("second fetch: %+v", results)
	}
	if c2, _ := s.Counts(ctx); c2.Total != 3 {
		t.Fatalf("after 304: %d articles", c2.Total)
	}
}

func TestFetchBadServers(t *testing.T) {
	srv := newServer(t)
	srv.feed("/good", "application/rss+xml", fmt.Sprintf(rssFeed, srv.URL))
	srv.feed("/invalid", "application/xml", "<?xml version='1.0'?><rss><channel><<<")
	srv.feed("/html", "text/html; charset=utf-8", "<!DOCTYPE html><html><body><p>Welcome to our homepage</p></body></html>")
	srv.mux.HandleFunc("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		chunk := bytes.Repeat([]byte("<item><title>x</title></item>"), 1<<15)
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>big</title>`)
		for written := 0; written < 100<<20; written += len(chunk) {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	srv.mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop2", http.StatusFound)
	})
	srv.mux.HandleFunc("/loop2", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	srv.mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-time.After(5 * time.Second):
		case <-r.Context().Done():
		}
	})
	srv.mux.HandleFunc("/gone", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })

	s, ctx := openStore(t), context.Background()
	// Something already stored must survive every failure below.
	if _, err := s.ImportArticles(ctx, []articles.Article{{Title: "Sudah Tersimpan", Body: "Isi lama.", Origin: articles.Origin{Path: "old"}}}); err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"good":    "",
		"invalid": "parse",
		"html":    "web page",
		"huge":    "larger than",
		"loop":    "redirects",
		"slow":    "Client.Timeout",
		"gone":    "410",
	}
	for name := range want {
		if _, err := s.AddFeed(ctx, srv.URL+"/"+name, name, false); err != nil {
			t.Fatal(err)
		}
	}
	start := time.Now()
	results, err := (&Fetcher{Timeout: time.Second, MaxBytes: 1 << 20}).FetchAll(ctx, s, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > 4*time.Second {
		t.Errorf("fetching took %v: the slow server held everything up", time.Since(start))
	}
	for _, r := range results {
		w := want[r.Feed.Name]
		switch {
		case w == "" && r.Err != nil:
			t.Errorf("%s: %v", r.Feed.Name, r.Err)
		case w != "" && (r.Err == nil || !strings.Contains(r.Err.Error(), w) || !strings.Contains(r.Err.Error(), "feed "+r.Feed.Name)):
			t.Errorf("%s: error %v, want one naming the feed and holding %q", r.Feed.Name, r.Err, w)
		}
	}
	c, err := s.Counts(ctx)
	if err != nil || c.Total != 3 { // the old article and the good feed's two entries
		t.Fatalf("library holds %d articles (%v), want 3", c.Total, err)
	}
	if hits, err := s.Search(ctx, "tersimpan", 0, 10, false); err != nil || len(hits) != 1 {
		t.Fatalf("an article stored before the fetch was lost (%v)", err)
	}
}

// TestFullTextPagesResolveRelatedLinks fetches two summary-only entries
// whose pages name each other under "Baca juga".
func TestFullTextPagesResolveRelatedLinks(t *testing.T) {
	srv := newServer(t)
	feed := `<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Desa</title>
<item><title>Festival Panen Raya Digelar</title><link>%[1]s/panen</link><guid>a</guid><description>Ringkas.</description></item>
<item><title>Lomba Perahu Naga di Sungai</title><link>%[1]s/perahu</link><guid>b</guid><description>Ringkas.</description></item>
</channel></rss>`
	srv.mux.HandleFunc("/feed", func(w http.ResponseWriter, r *http.Request) { // no validators: never 304
		fmt.Fprintf(w, feed, srv.URL)
	})
	var pageHits atomic.Int64
	srv.mux.HandleFunc("/panen", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		if ua := r.Header.Get("User-Agent"); !strings.HasPrefix(ua, "kabar/") {
			http.Error(w, "who are you", http.StatusForbidden)
			return
		}
		fmt.Fprintf(w, articlePage, "Festival Panen Raya Digelar", "Festival panen raya digelar di lapangan desa.", "Lomba Perahu Naga di Sungai")
	})
	srv.mux.HandleFunc("/perahu", func(w http.ResponseWriter, r *http.Request) {
		pageHits.Add(1)
		fmt.Fprintf(w, articlePage, "Lomba Perahu Naga di Sungai", "Lomba perahu naga berlangsung meriah di sungai.", "Sepeda Santai Keliling Kota")
	})
	s, ctx := openStore(t), context.Background()
	if _, err := s.AddFeed(ctx, srv.URL+"/feed", "desa", true); err != nil {
		t.Fatal(err)
	}
	results, err := (&Fetcher{}).FetchAll(ctx, s, "", nil)
	if err != nil || results[0].Err != nil || results[0].Summary.New != 2 {
		t.Fatalf("fetch: %+v, %v", results, err)
	}
	if results[0].PagesKept != 0 || pageHits.Load() != 2 {
		t.Fatalf("first fetch: %d pages kept, %d page requests", results[0].PagesKept, pageHits.Load())
	}
	hits, _ := s.Search(ctx, "lapangan", 0, 10, false)
	if len(hits) != 1 {
		t.Fatalf("the page's text was not stored: %+v", hits)
	}
	a, err := s.Article(ctx, hits[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a.Body, "Baca juga") || strings.Contains(a.Body, "Home") || len(a.Related) != 1 ||
		a.Related[0].Match != articles.MatchExact || a.Related[0].TargetTitle != "Lomba Perahu Naga di Sungai" {
		t.Fatalf("full-text article: related %+v\n%s", a.Related, a.Body)
	}
	target, _ := s.Article(ctx, a.Related[0].Target)
	if len(target.ReferencedBy) != 1 || len(target.Related) != 1 || target.Related[0].Target != 0 {
		t.Fatalf("target: referenced by %+v, related %+v", target.ReferencedBy, target.Related)
	}

	// Fetched again: the stored pages are not fetched again, and their
	// summaries never replace the full text.
	results, err = (&Fetcher{}).FetchAll(ctx, s, "", nil)
	if err != nil || results[0].Err != nil || results[0].PagesKept != 2 || pageHits.Load() != 2 {
		t.Fatalf("second fetch: %+v, %v; %d page requests in all", results, err, pageHits.Load())
	}
	if hits, _ := s.Search(ctx, "lapangan", 0, 10, false); len(hits) != 1 {
		t.Fatal("the full text was replaced by the summary")
	}
}

// TestFeedOverSixteenMegabytes fetches a generated Atom feed of about 25 MB
// (over the old 16 MB limit, under the default): every entry is stored. A
// lower MaxBytes refuses it whole, naming the way to raise the limit.
func TestFeedOverSixteenMegabytes(t *testing.T) {
	var feed bytes.Buffer
	const n = 5000
	if err := synth.WriteAtomFeed(&feed, n, 5000); err != nil {
		t.Fatal(err)
	}
	if feed.Len() < 20<<20 {
		t.Fatalf("generated feed is only %d bytes", feed.Len())
	}
	srv := newServer(t)
	srv.feed("/big", "application/atom+xml", feed.String())
	s, ctx := openStore(t), context.Background()
	if _, err := s.AddFeed(ctx, srv.URL+"/big", "big", false); err != nil {
		t.Fatal(err)
	}
	results, err := (&Fetcher{MaxBytes: 8 << 20}).FetchAll(ctx, s, "", nil)
	if err != nil || results[0].Err == nil || !strings.Contains(results[0].Err.Error(), "--max-size") {
		t.Fatalf("8 MB limit: %+v, %v", results, err)
	}
	if c, _ := s.Counts(ctx); c.Total != 0 {
		t.Fatalf("a refused feed stored %d articles", c.Total)
	}
	results, err = (&Fetcher{}).FetchAll(ctx, s, "", nil)
	if err != nil || results[0].Err != nil || results[0].Entries != n || results[0].Summary.New != n {
		t.Fatalf("default limit: %+v, %v", results, err)
	}
}

func TestOPMLRoundTrip(t *testing.T) {
	s, ctx := openStore(t), context.Background()
	s.AddFeed(ctx, "https://kabar.example/rss", "Kabar & Berita", true)
	s.AddFeed(ctx, "https://valley.example/atom.xml", "Valley <Post>", false)
	feeds, _ := s.Feeds(ctx)
	var buf bytes.Buffer
	if err := WriteOPML(&buf, feeds); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(buf.String(), `<opml version="2.0">`) {
		t.Fatalf("not OPML 2.0:\n%s", buf.String())
	}
	got, err := ReadOPML(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0] != (OPMLFeed{URL: "https://kabar.example/rss", Name: "Kabar & Berita"}) ||
		got[1] != (OPMLFeed{URL: "https://valley.example/atom.xml", Name: "Valley <Post>"}) {
		t.Fatalf("round trip: %+v", got)
	}
	nested := `<opml version="1.0"><head/><body><outline text="News"><outline text="A" xmlUrl="https://a.example/f"/></outline></body></opml>`
	if got, err := ReadOPML(strings.NewReader(nested)); err != nil || len(got) != 1 || got[0].Name != "A" {
		t.Fatalf("nested: %+v, %v", got, err)
	}
	if _, err := ReadOPML(strings.NewReader("<opml><body><outline")); err == nil {
		t.Fatal("broken OPML accepted")
	}
}

// BenchmarkFetch50Feeds fetches and stores 50 feeds of 100 entries each from
// a local server into a new library.
func BenchmarkFetch50Feeds(b *testing.B) {
	const feeds, entries = 50, 100
	mux := http.NewServeMux()
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for f := range feeds {
		var body strings.Builder
		fmt.Fprintf(&body, `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed %d</title>`, f)
		for e := range entries {
			fmt.Fprintf(&body, `<item><title>Berita %d dari feed %d</title><link>%s/a/%d/%d</link><guid>%d-%d</guid>
<pubDate>Mon, 06 Jan 2025 07:00:00 +0700</pubDate><description>&lt;p&gt;Warga desa %d berkumpul membahas rencana pembangunan jalan dan jembatan baru bersama pemerintah daerah.&lt;/p&gt;&lt;p&gt;Baca juga: Berita %d dari feed %d&lt;/p&gt;</description></item>`,
				e, f, srv.URL, f, e, f, e, e, (e+1)%entries, f)
		}
		body.WriteString(`</channel></rss>`)
		text := body.String()
		mux.HandleFunc(fmt.Sprintf("/feed/%d", f), func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, text)
		})
	}
	for b.Loop() {
		b.StopTimer()
		s := openStore(b)
		ctx := context.Background()
		for f := range feeds {
			if _, err := s.AddFeed(ctx, fmt.Sprintf("%s/feed/%d", srv.URL, f), fmt.Sprint(f), false); err != nil {
				b.Fatal(err)
			}
		}
		b.StartTimer()
		results, err := (&Fetcher{}).FetchAll(ctx, s, "", nil)
		if err != nil {
			b.Fatal(err)
		}
		stored := 0
		for _, r := range results {
			if r.Err != nil {
				b.Fatal(r.Err)
			}
			stored += r.Summary.New
		}
		if stored != feeds*entries {
			b.Fatalf("stored %d", stored)
		}
	}
}

func FuzzReadOPML(f *testing.F) {
	f.Add(`<opml version="2.0"><head><title>t</title></head><body><outline text="a" xmlUrl="https://a.example/f"/></body></opml>`)
	f.Add(`<opml><body><outline text="x"><outline xmlUrl="u"/></outline></body></opml>`)
	f.Add(`<opml><body><outline`)
	f.Fuzz(func(t *testing.T, s string) {
		feeds, err := ReadOPML(strings.NewReader(s))
		if err != nil {
			return
		}
		for _, fd := range feeds {
			if fd.URL == "" {
				t.Fatalf("a feed without URL from %q", s)
			}
		}
	})
}
