package articles

import (
	"fmt"
	"io"
	"strings"

	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
	"github.com/mmcdole/gofeed"
)

// ParseFeed reads an RSS or Atom file; every entry becomes an article whose
// origin is path#entry. Entry HTML is converted to Markdown and its related
// lines become refs.
func ParseFeed(r io.Reader, path string) ([]Article, error) {
	feed, err := gofeed.NewParser().Parse(io.LimitReader(r, MaxDatasetBytes))
	if err != nil {
		return nil, fmt.Errorf("%s: feed: %w", path, err)
	}
	out := make([]Article, 0, len(feed.Items))
	var errs recordErrors
	for i, item := range feed.Items {
		origin := Origin{Path: path, Record: i + 1}
		a, err := ArticleFromFeedItem(item, feed.Title)
		if err != nil {
			errs.add(fmt.Errorf("%s: %w", origin, err))
			continue
		}
		a.Origin = origin
		out = append(out, a)
	}
	return out, errs.err()
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
		md, err := htmltomarkdown.ConvertString(content)
		if err != nil {
			return Article{}, fmt.Errorf("convert entry html: %w", err)
		}
		a.Body, a.Related = extractMarkdownRelated(Clean(md))
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
