// Package fetch brings subscribed news feeds into the library: conditional
// HTTP requests with bounded concurrency and per-request timeouts, RSS and
// Atom through gofeed, and, for feeds that ask for it, each entry's page
// extracted as the full article, so its "Baca juga" lines become links.
// A feed that fails is reported and the others go on; nothing stored is lost.
package fetch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"sync"
	"time"

	"kabar/articles"
	"kabar/store"
)

// Defaults for a Fetcher.
const (
	DefaultConcurrency = 8
	DefaultTimeout     = 20 * time.Second
	// DefaultMaxBytes bounds a feed's response; the body goes to a
	// temporary file and is parsed entry by entry from there, so a feed of
	// any allowed size takes little memory.
	DefaultMaxBytes = 256 << 20
	// pageMaxBytes bounds an entry's page (full-text feeds).
	pageMaxBytes = articles.MaxArticleBytes
	// importChunk is how many entries of a feed are stored together.
	importChunk = 2000
	// fullTextBelow is the body length under which a full-text feed's entry
	// counts as a summary and its page is fetched.
	fullTextBelow = 600
)

// UserAgent identifies kabar to the sites it fetches.
const UserAgent = "kabar/0.1 (terminal news reader)"

// Fetcher fetches feeds. The zero value uses the defaults.
type Fetcher struct {
	// Client makes the requests; nil means one with Timeout per request.
	Client *http.Client
	// Concurrency bounds how many feeds are fetched at once.
	Concurrency int
	// Timeout bounds each request (feed or page).
	Timeout time.Duration
	// MaxBytes bounds each feed's response body (DefaultMaxBytes when 0).
	MaxBytes int64
	// UserAgent is sent with every request.
	UserAgent string
	// PageConcurrency bounds how many pages of one full-text feed are
	// fetched at once (DefaultPageConcurrency when 0).
	PageConcurrency int
	// FullTextDeadline bounds the time one feed's pages may take
	// (DefaultFullTextDeadline when 0).
	FullTextDeadline time.Duration
}

// Result is what fetching one feed did.
type Result struct {
	Feed        store.Feed
	NotModified bool // the server answered 304
	Entries     int
	// PagesKept counts full-text entries whose page was not fetched because
	// its article is already stored.
	PagesKept int
	// PagesLate counts full-text entries whose page did not come within the
	// feed's deadline; they are left for the next fetch.
	PagesLate int
	Summary   store.Summary
	Err       error
}

// Progress is called after each feed, from the fetching goroutines.
type Progress func(done, total int, r Result)

// client is the HTTP client with kabar's redirect policy (checkRedirect).
func (f *Fetcher) client() *http.Client {
	c := http.Client{}
	if f.Client != nil {
		c = *f.Client
	}
	if c.Timeout <= 0 {
		c.Timeout = f.Timeout
		if c.Timeout <= 0 {
			c.Timeout = DefaultTimeout
		}
	}
	c.CheckRedirect = checkRedirect
	return &c
}

func (f *Fetcher) maxBytes() int64 {
	if f.MaxBytes > 0 {
		return f.MaxBytes
	}
	return DefaultMaxBytes
}

// FetchAll fetches every subscribed feed (or only the one whose URL or name
// is only) into s, at most Concurrency at a time, and returns one result per
// feed in subscription order.
func (f *Fetcher) FetchAll(ctx context.Context, s *store.Store, only string, progress Progress) ([]Result, error) {
	feeds, err := s.Feeds(ctx)
	if err != nil {
		return nil, err
	}
	if only != "" {
		feeds = selectFeed(feeds, only)
		if len(feeds) == 0 {
			return nil, fmt.Errorf("fetch %s: %w", only, store.ErrFeedNotFound)
		}
	}
	workers := f.Concurrency
	if workers <= 0 {
		workers = DefaultConcurrency
	}
	results := make([]Result, len(feeds))
	sem := make(chan struct{}, workers)
	var wg sync.WaitGroup
	var mu sync.Mutex // serialises writes and progress
	done := 0
	for i, feed := range feeds {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			r := f.fetchFeed(ctx, s, feed, &mu)
			results[i] = r
			mu.Lock()
			done++
			if progress != nil {
				progress(done, len(feeds), r)
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	return results, nil
}

func selectFeed(feeds []store.Feed, only string) []store.Feed {
	for _, fd := range feeds {
		if fd.URL == only || fd.Name == only {
			return []store.Feed{fd}
		}
	}
	return nil
}

// fetchFeed fetches, parses and stores one feed; mu serialises the store
// writes of concurrent feeds.
func (f *Fetcher) fetchFeed(ctx context.Context, s *store.Store, feed store.Feed, mu *sync.Mutex) Result {
	r := Result{Feed: feed}
	scope, closeScope := f.newScope()
	defer closeScope()
	ctx = withScope(ctx, scope)
	body, etag, lastMod, err := f.download(ctx, feed)
	switch {
	case errors.Is(err, errNotModified):
		r.NotModified = true
	case err != nil:
		r.Err = err
	default:
		defer closeAndRemove(body)
		if err := f.storeEntries(ctx, s, feed, body, &r, mu); err != nil {
			r.Err = err
			etag, lastMod = "", "" // store nothing that would skip these entries next time
		}
	}
	if r.Err != nil {
		r.Err = fmt.Errorf("feed %s: %w", feed.Name, r.Err)
	}
	mu.Lock()
	saveErr := s.SaveFeedFetch(ctx, feed.ID, etag, lastMod, time.Now(), r.Err)
	mu.Unlock()
	if saveErr != nil {
		r.Err = errors.Join(r.Err, saveErr)
	}
	return r
}

// storeEntries parses a downloaded feed entry by entry and stores its articles in
// chunks; for full-text feeds, entries holding only a summary are replaced
// by their page's article, unless that article is stored already.
func (f *Fetcher) storeEntries(ctx context.Context, s *store.Store, feed store.Feed, body io.Reader, r *Result, mu *sync.Mutex) error {
	feedURL, err := url.Parse(feed.URL)
	if err != nil {
		return fmt.Errorf("feed URL: %w", err)
	}
	deadline := f.FullTextDeadline
	if deadline <= 0 {
		deadline = DefaultFullTextDeadline
	}
	pageCtx, cancel := context.WithTimeout(ctx, deadline)
	defer cancel()
	var chunk []articles.Article
	var pages []pageJob
	var errs []error
	flush := func() error {
		if len(chunk) == 0 {
			return nil
		}
		kept, pageErrs, late := f.fetchPages(pageCtx, feedURL, chunk, pages)
		errs = append(errs, pageErrs...)
		r.PagesLate += late
		mu.Lock()
		sum, err := s.ImportArticles(ctx, kept)
		mu.Unlock()
		r.Summary.New += sum.New
		r.Summary.Updated += sum.Updated
		r.Summary.Unchanged += sum.Unchanged
		r.Summary.Resolved += sum.Resolved
		chunk, pages = chunk[:0], pages[:0]
		return err
	}
	outlet := ""
	parseErr := articles.ParseFeedEach(body, feed.URL, 0, func(a articles.Article) error {
		r.Entries++
		a.Source = firstNonEmpty(a.Source, feed.Name)
		outlet = firstNonEmpty(outlet, a.Source)
		if feed.FullText && len(a.Body) < fullTextBelow && a.URL != "" {
			stored, err := s.HasURL(ctx, a.URL)
			if err != nil {
				return err
			}
			if stored {
				r.PagesKept++
				return nil
			}
			pages = append(pages, pageJob{index: len(chunk), entry: a})
		}
		chunk = append(chunk, a)
		if len(chunk) < importChunk {
			return nil
		}
		return flush()
	})
	if parseErr != nil {
		errs = append(errs, fmt.Errorf("parse: %w", parseErr))
	}
	if err := flush(); err != nil {
		errs = append(errs, err)
	}
	if outlet != "" && outlet != feed.Outlet {
		if err := s.SetFeedOutlet(ctx, feed.ID, outlet); err != nil {
			errs = append(errs, err)
		}
	}
	if r.PagesLate > 0 {
		errs = append(errs, fmt.Errorf("full text: %d pages did not come within %v; the next fetch tries those entries again", r.PagesLate, deadline))
	}
	return errors.Join(errs...)
}

// download fetches a feed conditionally into a temporary file, refusing a
// body over the size limit or a web page, and returns the file (read from
// its start; the caller closes and removes it) and the response's
// validators.
func (f *Fetcher) download(ctx context.Context, feed store.Feed) (*os.File, string, string, error) {
	resp, err := f.request(ctx, feed.URL, feed.ETag, feed.LastModified, true)
	if err != nil {
		return nil, "", "", err
	}
	defer resp.Body.Close()
	tmp, err := os.CreateTemp("", "kabar-feed-*")
	if err != nil {
		return nil, "", "", fmt.Errorf("get %s: %w", feed.URL, err)
	}
	limit := f.maxBytes()
	n, err := io.Copy(tmp, io.LimitReader(resp.Body, limit+1))
	if err == nil && n > limit {
		err = fmt.Errorf("response larger than %d MB (raise the limit with --max-size)", limit>>20)
	}
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	head := make([]byte, 512)
	if err == nil {
		var k int
		k, err = io.ReadFull(tmp, head)
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			err = nil
		}
		head = head[:k]
	}
	if err == nil && looksLikeHTML(resp.Header.Get("Content-Type"), head) {
		err = fmt.Errorf("the server sent a web page (%s), not a feed", resp.Header.Get("Content-Type"))
	}
	if err == nil {
		_, err = tmp.Seek(0, io.SeekStart)
	}
	if err != nil {
		closeAndRemove(tmp)
		return nil, "", "", fmt.Errorf("get %s: %w", feed.URL, err)
	}
	return tmp, resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), nil
}

func closeAndRemove(f *os.File) {
	f.Close()
	os.Remove(f.Name())
}

// errNotModified is a 304 answer to a conditional request.
var errNotModified = errors.New("not modified")

// request sends a GET, conditional when validators are given, and returns
// a response with a 2xx status (errNotModified for 304).
func (f *Fetcher) request(ctx context.Context, url, etag, lastMod string, feed bool) (*http.Response, error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, fmt.Errorf("request %s: %w", url, err)
	}
	ua := f.UserAgent
	if ua == "" {
		ua = UserAgent
	}
	req.Header.Set("User-Agent", ua)
	if feed {
		req.Header.Set("Accept", "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.8, */*;q=0.5")
	}
	if etag != "" {
		req.Header.Set("If-None-Match", etag)
	}
	if lastMod != "" {
		req.Header.Set("If-Modified-Since", lastMod)
	}
	resp, err := f.clientFor(ctx).Do(req)
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", url, err)
	}
	if resp.StatusCode == http.StatusNotModified {
		resp.Body.Close()
		return nil, errNotModified
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		resp.Body.Close()
		return nil, fmt.Errorf("get %s: HTTP %s", url, resp.Status)
	}
	return resp, nil
}

// page fetches an entry's web page, up to pageMaxBytes.
func (f *Fetcher) page(ctx context.Context, url string) ([]byte, error) {
	resp, err := f.request(ctx, url, "", "", false)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, pageMaxBytes+1))
	if err != nil {
		return nil, fmt.Errorf("get %s: %w", url, err)
	}
	if len(body) > pageMaxBytes {
		return nil, fmt.Errorf("get %s: page larger than %d MB", url, pageMaxBytes>>20)
	}
	return body, nil
}

func looksLikeHTML(contentType string, body []byte) bool {
	if strings.Contains(contentType, "html") && !strings.Contains(contentType, "xhtml") {
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// fullText fetches an entry's page and takes its article: body and related
// links from the page, title, outlet and date from the entry where it has
// them.
func (f *Fetcher) fullText(ctx context.Context, entry articles.Article) (articles.Article, error) {
	page, err := f.page(ctx, entry.URL)
	if err != nil {
		return entry, err
	}
	a, err := articles.ArticleFromHTML(page, entry.URL)
	if err != nil {
		return entry, err
	}
	a.Title = firstNonEmpty(entry.Title, a.Title)
	a.Source = firstNonEmpty(entry.Source, a.Source)
	a.URL = entry.URL
	if !entry.Published.IsZero() {
		a.Published = entry.Published
	}
	if len(entry.Authors) > 0 {
		a.Authors = entry.Authors
	}
	a.Related = append(a.Related, entry.Related...)
	a.Origin = entry.Origin
	return a, nil
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}
