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
	"strings"
	"sync"
	"time"

	"github.com/mmcdole/gofeed"

	"kabar/articles"
	"kabar/store"
)

// Defaults for a Fetcher.
const (
	DefaultConcurrency = 8
	DefaultTimeout     = 20 * time.Second
	DefaultMaxBytes    = 16 << 20
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
	// MaxBytes bounds each response body.
	MaxBytes int64
	// UserAgent is sent with every request.
	UserAgent string
}

// Result is what fetching one feed did.
type Result struct {
	Feed        store.Feed
	NotModified bool // the server answered 304
	Entries     int
	Summary     store.Summary
	Err         error
}

// Progress is called after each feed, from the fetching goroutines.
type Progress func(done, total int, r Result)

func (f *Fetcher) client() *http.Client {
	if f.Client != nil {
		return f.Client
	}
	timeout := f.Timeout
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	return &http.Client{Timeout: timeout}
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
	body, etag, lastMod, err := f.get(ctx, feed.URL, feed.ETag, feed.LastModified, true)
	switch {
	case errors.Is(err, errNotModified):
		r.NotModified = true
	case err != nil:
		r.Err = err
	default:
		var as []articles.Article
		as, r.Err = f.entries(ctx, feed, body)
		r.Entries = len(as)
		if len(as) > 0 {
			mu.Lock()
			sum, err := s.ImportArticles(ctx, as)
			mu.Unlock()
			r.Summary = sum
			if err != nil {
				r.Err = errors.Join(r.Err, err)
				etag, lastMod = "", "" // store nothing that would skip these entries next time
			}
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

// errNotModified is a 304 answer to a conditional request.
var errNotModified = errors.New("not modified")

// get fetches a URL, conditionally when validators are given, and returns
// the body and the response's validators.
func (f *Fetcher) get(ctx context.Context, url, etag, lastMod string, feed bool) (body []byte, newETag, newLastMod string, err error) {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, url, nil)
	if err != nil {
		return nil, "", "", fmt.Errorf("request %s: %w", url, err)
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
	resp, err := f.client().Do(req)
	if err != nil {
		return nil, "", "", fmt.Errorf("get %s: %w", url, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode == http.StatusNotModified {
		return nil, "", "", errNotModified
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, "", "", fmt.Errorf("get %s: HTTP %s", url, resp.Status)
	}
	limit := f.maxBytes()
	body, err = io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, "", "", fmt.Errorf("get %s: %w", url, err)
	}
	if int64(len(body)) > limit {
		return nil, "", "", fmt.Errorf("get %s: response larger than %d MB", url, limit>>20)
	}
	if feed && looksLikeHTML(resp.Header.Get("Content-Type"), body) {
		return nil, "", "", fmt.Errorf("get %s: the server sent a web page (%s), not a feed", url, resp.Header.Get("Content-Type"))
	}
	return body, resp.Header.Get("ETag"), resp.Header.Get("Last-Modified"), nil
}

func looksLikeHTML(contentType string, body []byte) bool {
	if strings.Contains(contentType, "html") && !strings.Contains(contentType, "xhtml") {
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}

// entries parses a feed body into articles; for full-text feeds, entries
// that hold only a summary are replaced by their page's article.
func (f *Fetcher) entries(ctx context.Context, feed store.Feed, body []byte) ([]articles.Article, error) {
	parsed, err := gofeed.NewParser().Parse(bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("parse: %w", err)
	}
	var out []articles.Article
	var errs []error
	for i, item := range parsed.Items {
		a, err := articles.ArticleFromFeedItem(item, firstNonEmpty(parsed.Title, feed.Name))
		if err != nil {
			errs = append(errs, fmt.Errorf("entry %d: %w", i+1, err))
			continue
		}
		a.Origin = articles.Origin{Path: feed.URL, Record: i + 1}
		if feed.FullText && len(a.Body) < fullTextBelow && a.URL != "" {
			if full, err := f.fullText(ctx, a); err != nil {
				errs = append(errs, fmt.Errorf("entry %d full text: %w", i+1, err))
			} else {
				a = full
			}
		}
		out = append(out, a)
	}
	return out, errors.Join(errs...)
}

// fullText fetches an entry's page and takes its article: body and related
// links from the page, title, outlet and date from the entry where it has
// them.
func (f *Fetcher) fullText(ctx context.Context, entry articles.Article) (articles.Article, error) {
	page, _, _, err := f.get(ctx, entry.URL, "", "", false)
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
