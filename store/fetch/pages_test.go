package fetch

import (
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"kabar/store"
)

// fullTextFeed is an RSS feed of n summary-only entries whose links are
// base/page/0 … base/page/n-1.
func fullTextFeed(base string, n int) string {
	var b strings.Builder
	fmt.Fprintf(&b, `<?xml version="1.0"?><rss version="2.0"><channel><title>Ringkas</title><link>%s/</link><description>x</description>`, base)
	for i := range n {
		fmt.Fprintf(&b, `<item><title>Berita Ringkas Nomor %d</title><link>%s/page/%d</link><guid>g%d</guid><description>Ringkasan %d.</description></item>`, i, base, i, i, i)
	}
	b.WriteString(`</channel></rss>`)
	return b.String()
}

// TestFullTextPagesComeConcurrentlyWithinADeadline: pages are fetched
// several at a time; pages slower than the feed's deadline are left for
// the next fetch, and the fetch ends at the deadline, not after every page.
func TestFullTextPagesComeConcurrentlyWithinADeadline(t *testing.T) {
	srv := newServer(t)
	var inFlight, most atomic.Int64
	slow := make(chan struct{})
	defer close(slow)
	srv.feed("/feed", "application/rss+xml", fullTextFeed(srv.URL, 12))
	srv.mux.HandleFunc("/page/", func(w http.ResponseWriter, r *http.Request) {
		n := inFlight.Add(1)
		defer inFlight.Add(-1)
		for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
		}
		if strings.HasSuffix(r.URL.Path, "/11") || strings.HasSuffix(r.URL.Path, "/10") {
			select { // these two never answer in time
			case <-slow:
			case <-r.Context().Done():
			}
			return
		}
		time.Sleep(50 * time.Millisecond)
		fmt.Fprintf(w, articlePage, "Halaman "+strings.TrimPrefix(r.URL.Path, "/page/"), "Isi lengkap halaman ini.", "Tidak Ada")
	})
	s := openStore(t)
	ctx := context.Background()
	if _, err := s.AddFeed(ctx, srv.URL+"/feed", "ringkas", true); err != nil {
		t.Fatal(err)
	}
	f := &Fetcher{FullTextDeadline: 2 * time.Second, PageConcurrency: 4}
	start := time.Now()
	results, err := f.FetchAll(ctx, s, "", nil)
	elapsed := time.Since(start)
	if err != nil {
		t.Fatal(err)
	}
	r := results[0]
	if most.Load() < 2 || most.Load() > 4 {
		t.Errorf("%d pages were fetched at once, want 2–4", most.Load())
	}
	if r.PagesLate != 2 || r.Summary.New != 10 || r.Err == nil || !strings.Contains(r.Err.Error(), "2 pages did not come within 2s") {
		t.Fatalf("result %+v", r)
	}
	if elapsed > 8*time.Second {
		t.Fatalf("the fetch took %v with a 2 s page deadline", elapsed)
	}
	for _, q := range []string{"Halaman 3", "lengkap"} {
		if ls, err := s.Search(ctx, q, 0, 5, false); err != nil || len(ls) == 0 {
			t.Fatalf("search %q after the fetch: %v, %v", q, ls, err)
		}
	}
}

// TestPublicFeedMayNotLeadIntoThisMachine: a feed on a public name whose
// entries link to, or which redirects to, a loopback address is refused
// there; the requests never reach the internal server.
func TestPublicFeedMayNotLeadIntoThisMachine(t *testing.T) {
	internal := newServer(t)
	var reached atomic.Int64
	secret := func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		fmt.Fprintf(w, articlePage, "Rahasia Lokal", "Isi halaman lokal.", "Tidak Ada")
	}
	internal.mux.HandleFunc("/secret", secret)
	internal.mux.HandleFunc("/own-page", secret)
	public := newServer(t)
	public.feed("/feed", "application/rss+xml", strings.ReplaceAll(fullTextFeed("http://news.example", 1),
		"http://news.example/page/0", internal.URL+"/secret"))
	public.mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, internal.URL+"/secret", http.StatusFound)
	})
	// news.example and other.example resolve to the public test server.
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		if strings.HasSuffix(addr, ".example:80") {
			addr = strings.TrimPrefix(public.URL, "http://")
		}
		return (&net.Dialer{}).DialContext(ctx, network, addr)
	}
	s := openStore(t)
	ctx := context.Background()
	fetchRefused(t, s, dial, "http://news.example/feed", "http://other.example/moved")
	if reached.Load() != 0 {
		t.Fatalf("the internal server was reached %d times", reached.Load())
	}
	// A feed on this machine may lead to this machine.
	internal.feed("/feed", "application/rss+xml", strings.ReplaceAll(fullTextFeed("http://x", 1), "http://x/page/0", internal.URL+"/own-page"))
	if _, err := s.AddFeed(ctx, internal.URL+"/feed", "lokal", true); err != nil {
		t.Fatal(err)
	}
	results, err := (&Fetcher{}).FetchAll(ctx, s, "lokal", nil)
	if err != nil || results[0].Err != nil || reached.Load() != 1 {
		t.Fatalf("a loopback feed's loopback page: %+v, %v (reached %d)", results, err, reached.Load())
	}
}

// fetchRefused subscribes to the full-text feeds at urls and fetches them
// through dial; each must be refused for leading into this machine.
func fetchRefused(t *testing.T, s *store.Store, dial func(context.Context, string, string) (net.Conn, error), urls ...string) {
	t.Helper()
	ctx := context.Background()
	for _, u := range urls {
		if _, err := s.AddFeed(ctx, u, "", true); err != nil {
			t.Fatal(err)
		}
	}
	client := &http.Client{Transport: &http.Transport{DialContext: dial}}
	results, err := (&Fetcher{Client: client}).FetchAll(ctx, s, "", nil)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range results {
		if r.Err == nil || !strings.Contains(r.Err.Error(), "may not lead to a loopback or private address") {
			t.Errorf("%s: %v", r.Feed.URL, r.Err)
		}
	}
}

// publicConn is a connection that says it reached a public address: the
// test's servers all listen on loopback.
type publicConn struct{ net.Conn }

func (publicConn) RemoteAddr() net.Addr {
	return &net.TCPAddr{IP: net.ParseIP("203.0.113.7"), Port: 80}
}

// TestPublicNameThatLeadsIntoThisMachineIsRefused: a feed served from a
// public address whose entries link to, or which redirects to, a public
// name that resolves to this machine (DNS pointing a name at 127.0.0.1, or
// rebinding it) is refused when the connection is made; names written as
// internal are refused before that. A loopback feed's pages still come.
func TestPublicNameThatLeadsIntoThisMachineIsRefused(t *testing.T) {
	internal := newServer(t)
	var reached atomic.Int64
	internal.mux.HandleFunc("/secret", func(w http.ResponseWriter, r *http.Request) {
		reached.Add(1)
		fmt.Fprintf(w, articlePage, "Rahasia Lokal", "Isi halaman lokal.", "Tidak Ada")
	})
	public := newServer(t)
	public.feed("/feed", "application/rss+xml", strings.ReplaceAll(fullTextFeed("http://news.example", 1),
		"http://news.example/page/0", "http://rebound.example/secret"))
	public.mux.HandleFunc("/moved", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://rebound.example/secret", http.StatusFound)
	})
	// news.example and other.example are served from a public address;
	// rebound.example is a public name whose address is this machine's
	dial := func(ctx context.Context, network, addr string) (net.Conn, error) {
		target := internal.URL
		if addr != "rebound.example:80" {
			target = public.URL
		}
		conn, err := (&net.Dialer{}).DialContext(ctx, network, strings.TrimPrefix(target, "http://"))
		if err != nil || addr == "rebound.example:80" {
			return conn, err
		}
		return publicConn{conn}, nil
	}
	s := openStore(t)
	fetchRefused(t, s, dial, "http://news.example/feed", "http://other.example/moved")
	if reached.Load() != 0 {
		t.Fatalf("the internal server was reached %d times through a public name", reached.Load())
	}
}
