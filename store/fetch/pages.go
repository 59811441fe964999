package fetch

import (
	"context"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"kabar/articles"
)

// Defaults for fetching the pages of a full-text feed.
const (
	// DefaultPageConcurrency is how many pages of one feed are fetched at once.
	DefaultPageConcurrency = 8
	// DefaultFullTextDeadline bounds the time one feed's pages may take; the
	// entries whose page did not come in time wait for the next fetch.
	DefaultFullTextDeadline = 2 * time.Minute
	// maxRedirects bounds the redirects one request follows.
	maxRedirects = 10
)

// errInternalTarget refuses a request from a public address into loopback,
// private or link-local addresses.
var errInternalTarget = errors.New("refused: a public feed may not lead to a loopback or private address")

// internalHost reports whether a URL host names this machine or a private
// network: localhost, or a loopback, private, link-local or unspecified IP.
// Names are judged here as written; the address a name leads to is checked
// when the connection is made (feedScope).
func internalHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.ToLower(strings.Trim(host, "[]"))
	if host == "localhost" || strings.HasSuffix(host, ".localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && internalIP(ip)
}

// internalIP reports whether an address is this machine's or a private
// network's: loopback, private, link-local or unspecified.
func internalIP(ip net.IP) bool {
	return ip.IsLoopback() || ip.IsPrivate() || ip.IsLinkLocalUnicast() ||
		ip.IsLinkLocalMulticast() || ip.IsUnspecified()
}

// checkTarget accepts a URL to fetch on behalf of a feed (or page) at from:
// http or https only, and never from a public host into an internal one.
func checkTarget(from, to *url.URL) error {
	if to.Scheme != "http" && to.Scheme != "https" {
		return fmt.Errorf("refused: %s is not an http(s) URL", to.Redacted())
	}
	if internalHost(to.Host) && !internalHost(from.Host) {
		return fmt.Errorf("%s: %w", to.Host, errInternalTarget)
	}
	return nil
}

// checkRedirect keeps redirects few and on the first request's side of the
// public/internal line.
func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("stopped after %d redirects", maxRedirects)
	}
	return checkTarget(via[0].URL, req.URL)
}

// pageJob is one full-text entry of a chunk waiting for its page.
type pageJob struct {
	index int // in the chunk
	entry articles.Article
}

// fetchPages replaces each job's entry in chunk by its page's article,
// PageConcurrency at a time, until ctx's deadline. An entry whose page fails
// keeps its summary; one whose page did not come in time is left out of the
// returned chunk, so that the next fetch tries it again. It returns one
// error per failed page and how many pages were late.
func (f *Fetcher) fetchPages(ctx context.Context, feedURL *url.URL, chunk []articles.Article, jobs []pageJob) (kept []articles.Article, errs []error, late int) {
	isLate := map[int]bool{}
	workers := f.PageConcurrency
	if workers <= 0 {
		workers = DefaultPageConcurrency
	}
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, workers)
	for _, job := range jobs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			sem <- struct{}{}
			defer func() { <-sem }()
			full, err := f.pageArticle(ctx, feedURL, job.entry)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				chunk[job.index] = full
			case ctx.Err() != nil:
				isLate[job.index] = true
			default:
				errs = append(errs, fmt.Errorf("entry %d full text: %w", job.entry.Origin.Record, err))
			}
		}()
	}
	wg.Wait()
	if len(isLate) == 0 {
		return chunk, errs, 0
	}
	kept = chunk[:0]
	for i, a := range chunk {
		if !isLate[i] {
			kept = append(kept, a)
		}
	}
	return kept, errs, len(isLate)
}

// pageArticle fetches an entry's page, if the feed may lead there.
func (f *Fetcher) pageArticle(ctx context.Context, feedURL *url.URL, entry articles.Article) (articles.Article, error) {
	if ctx.Err() != nil {
		return entry, ctx.Err()
	}
	target, err := url.Parse(entry.URL)
	if err != nil {
		return entry, fmt.Errorf("page URL %q: %w", entry.URL, err)
	}
	if err := checkTarget(feedURL, target); err != nil {
		return entry, err
	}
	return f.fullText(ctx, entry)
}
