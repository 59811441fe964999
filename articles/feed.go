package articles

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"runtime"
	"strings"

	"github.com/mmcdole/gofeed"
)

// ParseFeed reads an RSS or Atom file; every entry becomes an article whose
// origin is path#entry. Entry HTML is converted to Markdown and its related
// lines become refs.
func ParseFeed(r io.Reader, path string) ([]Article, error) {
	var out []Article
	err := ParseFeedEach(r, path, 0, func(a Article) error {
		out = append(out, a)
		return nil
	})
	return out, err
}

// ParseFeedEach reads an RSS, RDF or Atom feed entry by entry and calls emit
// with each entry's article in feed order. Entries are parsed and converted
// on workers goroutines (GOMAXPROCS when workers <= 0), and only the entries
// in flight are held in memory, whatever the size of the feed. Entries that
// fail are reported together in the returned error, naming path#entry; an
// error from emit stops the parse and is returned. Articles are sanitized
// (Article.Sanitize) on the workers.
func ParseFeedEach(r io.Reader, path string, workers int, emit func(Article) error) error {
	sp := newEntrySplitter(r)
	first, err := sp.next()
	if err != nil && err != io.EOF && !errors.Is(err, errEntryTooLarge) {
		return fmt.Errorf("%s: feed: %w", path, err)
	}
	head, perr := gofeed.NewParser().Parse(bytes.NewReader(sp.document(nil)))
	if perr != nil {
		return fmt.Errorf("%s: feed: %w", path, perr)
	}
	if err == io.EOF {
		return nil
	}
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	p := feedPipeline{path: path, title: head.Title, split: sp, lean: leanAtomHead(head.FeedType, sp.head)}
	return p.run(first, err, workers, emit)
}

// feedPipeline converts a feed's entries on several goroutines and hands
// them on in order.
type feedPipeline struct {
	path  string
	title string
	split *entrySplitter
	lean  bool // entries go to leanAtomEntry first
}

// feedJob is one entry to convert and where its result goes.
type feedJob struct {
	record int
	doc    []byte
	err    error // the splitter's error for this entry
	out    chan feedResult
}

type feedResult struct {
	article Article
	err     error
}

func (p *feedPipeline) run(first []byte, firstErr error, workers int, emit func(Article) error) error {
	jobs := make(chan feedJob)
	inOrder := make(chan chan feedResult, 4*workers)
	stop := make(chan struct{})
	defer close(stop)
	var splitErr error
	go func() {
		defer close(inOrder)
		defer close(jobs)
		entry, err := first, firstErr
		for record := 1; ; record++ {
			job := feedJob{record: record, err: err, out: make(chan feedResult, 1)}
			if err == nil {
				job.doc = p.split.document(entry)
			}
			select {
			case inOrder <- job.out:
			case <-stop:
				return
			}
			select {
			case jobs <- job:
			case <-stop:
				return
			}
			entry, err = p.split.next()
			if err == io.EOF {
				return
			}
			if err != nil && !errors.Is(err, errEntryTooLarge) {
				splitErr = err
				return
			}
		}
	}()
	for range workers {
		go func() {
			parser := gofeed.NewParser()
			for job := range jobs {
				job.out <- p.convert(parser, job)
			}
		}()
	}
	var errs recordErrors
	for out := range inOrder {
		res := <-out
		if res.err != nil {
			errs.add(res.err)
			continue
		}
		if err := emit(res.article); err != nil {
			return err
		}
	}
	if splitErr != nil {
		errs.add(fmt.Errorf("%s: feed: %w", p.path, splitErr))
	}
	return errs.err()
}

// convert parses one entry as a feed of its own and turns it into an article.
// A panic in a library becomes the entry's error: it runs on a worker
// goroutine, where no caller could recover it.
func (p *feedPipeline) convert(parser *gofeed.Parser, job feedJob) (res feedResult) {
	origin := Origin{Path: p.path, Record: job.record}
	defer func() {
		if r := recover(); r != nil {
			res = feedResult{err: fmt.Errorf("%s: parser failed: %v", origin, r)}
		}
	}()
	if job.err != nil {
		return feedResult{err: fmt.Errorf("%s: %w", origin, job.err)}
	}
	item, err := p.decode(parser, job.doc)
	if err != nil {
		return feedResult{err: fmt.Errorf("%s: %w", origin, err)}
	}
	a, err := ArticleFromFeedItem(item, p.title)
	if err != nil {
		return feedResult{err: fmt.Errorf("%s: %w", origin, err)}
	}
	a.Origin = origin
	a.Sanitize()
	return feedResult{article: a}
}

// decode reads the entry of a one-entry document: by leanAtomEntry when the
// feed allows and the entry has its plain shape, else by gofeed.
func (p *feedPipeline) decode(parser *gofeed.Parser, doc []byte) (*gofeed.Item, error) {
	if p.lean {
		entry := doc[len(p.split.head) : len(doc)-len(p.split.closers)]
		if item, ok := leanAtomEntry(entry); ok {
			return item, nil
		}
	}
	feed, err := parser.Parse(bytes.NewReader(doc))
	if err != nil {
		return nil, err
	}
	if len(feed.Items) == 0 {
		return nil, errors.New("entry holds nothing a feed reader reads")
	}
	return feed.Items[0], nil
}

// ArticleFromFeedItem turns one feed entry into an article, with the feed's
// title as the outlet.
func ArticleFromFeedItem(item *gofeed.Item, feedTitle string) (Article, error) {
	var a Article
	a.Title = collapseSpaces(Clean(item.Title))
	a.URL = strings.TrimSpace(item.Link)
	a.Source = collapseSpaces(Clean(feedTitle))
	switch {
	case item.PublishedParsed != nil:
		a.Published = *item.PublishedParsed
	case item.UpdatedParsed != nil:
		a.Published = *item.UpdatedParsed
	}
	for _, p := range item.Authors {
		if p != nil && strings.TrimSpace(p.Name) != "" {
			a.Authors = append(a.Authors, collapseSpaces(Clean(p.Name)))
		}
	}
	content := firstNonEmpty(item.Content, item.Description)
	if content != "" {
		a.Body, a.Related = extractMarkdownRelated(Clean(entryMarkdown(content)))
		a.Body = strings.TrimSpace(a.Body)
	}
	if a.Title == "" {
		a.Title = deriveTitle(firstParagraph(a.Body))
	}
	if a.Title == "" && a.Body == "" {
		return Article{}, ErrEmpty
	}
	return a, nil
}
