package articles

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	htmltomarkdown "github.com/JohannesKaufmann/html-to-markdown/v2"
	"golang.org/x/net/html"
)

// ErrNoArticle reports a web page in which no article text was found.
var ErrNoArticle = errors.New("no article found in the page")

// minArticleRunes is the least text a page must hold to count as an article.
const minArticleRunes = 80

// ParseHTML reads a saved web page: readability finds the article, which is
// converted to Markdown; title, byline, outlet and date come from the page's
// metadata, the canonical URL from its link or og:url.
func ParseHTML(r io.Reader, origin Origin) (Article, error) {
	data, err := readLimited(r, MaxArticleBytes)
	if err == nil {
		err = checkText(data)
	}
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", origin, err)
	}
	a, err := ArticleFromHTML(data, "")
	if err != nil {
		return Article{}, fmt.Errorf("%s: %w", origin, err)
	}
	a.Origin = origin
	return a, nil
}

// ArticleFromHTML extracts the article of a web page. pageURL, when known,
// resolves relative links and is the article's URL unless the page names a
// canonical one.
func ArticleFromHTML(data []byte, pageURL string) (Article, error) {
	doc, err := html.Parse(bytes.NewReader(data))
	if err != nil {
		return Article{}, fmt.Errorf("parse html: %w", err)
	}
	var a Article
	a.URL = firstNonEmpty(canonicalLink(doc), pageURL)
	base, _ := url.Parse(a.URL)
	parser := readability.NewParser()
	page, err := parser.ParseAndMutate(doc, base)
	if err != nil || page.Node == nil {
		return Article{}, ErrNoArticle
	}
	md, err := htmltomarkdown.ConvertNode(page.Node)
	if err != nil {
		return Article{}, fmt.Errorf("convert to markdown: %w", err)
	}
	body, refs := extractMarkdownRelated(Clean(string(md)))
	body = strings.TrimSpace(body)
	if len([]rune(body)) < minArticleRunes {
		return Article{}, ErrNoArticle
	}
	a.Body, a.Related = body, refs
	a.Title = collapseSpaces(Clean(page.Title()))
	a.Source = collapseSpaces(Clean(page.SiteName()))
	if byline := bylineName(Clean(page.Byline())); byline != "" {
		a.Authors = splitNames(byline)
	}
	if t, err := page.PublishedTime(); err == nil {
		a.Published = t
	}
	first := firstParagraph(a.Body)
	if src, rest, ok := splitDateline(first); ok && first != "" {
		a.Body = strings.Replace(a.Body, first, rest, 1)
		a.Source = firstNonEmpty(a.Source, src)
	}
	if a.Published.IsZero() {
		a.Published, _ = findDateIn([]string{first}, 1)
	}
	if a.Title == "" {
		a.Title = deriveTitle(first)
	}
	return a, nil
}

// bylineName strips "By" / "Oleh" from a byline.
func bylineName(s string) string {
	s = collapseSpaces(s)
	for _, p := range []string{"By ", "by ", "Oleh ", "oleh ", "Penulis: ", "Penulis : "} {
		s = strings.TrimPrefix(s, p)
	}
	if len(s) > 120 {
		return ""
	}
	return s
}

// canonicalLink returns the page's <link rel="canonical"> or og:url.
func canonicalLink(n *html.Node) string {
	var found string
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if found != "" {
			return
		}
		if n.Type == html.ElementNode {
			switch n.Data {
			case "link":
				if strings.EqualFold(attr(n, "rel"), "canonical") {
					found = attr(n, "href")
				}
			case "meta":
				if attr(n, "property") == "og:url" {
					found = attr(n, "content")
				}
			case "body":
				return
			}
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(n)
	if CanonicalURL(found) == "" {
		return ""
	}
	return strings.TrimSpace(found)
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
