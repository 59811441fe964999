// Package articles is kabar's domain: the Article and Ref model, the parsers
// that turn every supported input format into articles, and the text helpers
// (cleaning, title normalisation, canonical URLs) the store matches with.
//
// The package is pure: parsers take an io.Reader and return values. It never
// touches the library on disk or the terminal.
package articles

import (
	"fmt"
	"time"
)

// Article is one news article as kabar stores and shows it.
type Article struct {
	// ID is the store's identifier; zero until the article is stored.
	ID int64
	// Title is the headline, given or derived from the lead.
	Title string
	// Source is the outlet that published the article ("Pantau", "KOMPAS.com").
	Source string
	// URL is the article's address on the web, when known.
	URL string
	// Published is the publication time; the zero time when unknown.
	Published time.Time
	// Authors and Editors come from credits footers, bylines or dataset columns.
	Authors []string
	Editors []string
	// Body is the article text as Markdown, without related-article markers,
	// credits footers or site clutter.
	Body string
	// Related lists the articles the body pointed at, in order.
	Related []Ref
	// Origin says where the article was read from.
	Origin Origin
}

// Ref is a related-article reference found in a body: a title and/or a URL as
// written. The store fills in Target and Match when it resolves the ref.
type Ref struct {
	Title string
	URL   string
	// Target is the ID of the stored article the ref resolved to, or zero.
	Target int64
	// Match says how the ref was resolved; empty until the store resolves it.
	Match Match
	// TargetTitle is the title of the target article, when resolved.
	TargetTitle string
	// Glued reports a headline cut out of running text ("…kata dia.Baca
	// juga: Judul Kalimat berikutnya…"), where the parser judged by its shape
	// where it ends. Para is then the index of the body paragraph that
	// followed it: where the store gives back words that a stored title shows
	// were not part of the headline.
	Glued bool
	Para  int
}

// Match names the rule that resolved a Ref (the "match" field of the JSON
// contract).
type Match string

// The resolution rules, in the order the store tries them.
const (
	MatchURL        Match = "url"
	MatchExact      Match = "exact"
	MatchNormalized Match = "normalized"
	MatchFuzzy      Match = "fuzzy"
	MatchPrefix     Match = "prefix"
	MatchAmbiguous  Match = "ambiguous"
	MatchNone       Match = "none"
)

// Origin is the file an article came from and, for files that hold many
// articles (datasets, feeds), the 1-based record number within it.
type Origin struct {
	Path   string
	Record int
}

// String formats the origin as "path" or "path#record".
func (o Origin) String() string {
	if o.Record == 0 {
		return o.Path
	}
	return fmt.Sprintf("%s#%d", o.Path, o.Record)
}

// Listing is one row of the article list: what a list or search shows
// without loading the body.
type Listing struct {
	ID         int64
	Title      string
	Source     string
	URL        string
	Published  time.Time
	Imported   time.Time // an undated article: when the library took it in (zero for a dated one)
	Read       bool
	Starred    bool
	HasRelated bool
	Tags       []string
}

// Stored is an article as the library holds it: the article with its refs
// resolved, the reader's state, and the articles that point at it.
type Stored struct {
	Article
	Read    bool
	Starred bool
	// Scroll is the last scroll position (a line offset) the reader saved.
	Scroll       int
	ReferencedBy []Backlink
	Tags         []string
}

// Backlink is an article whose body points at another one.
type Backlink struct {
	ID    int64
	Title string
}

// Counts summarises a library.
type Counts struct {
	Total   int
	Unread  int
	Starred int
}

// Sanitize makes every field of a safe to show and keeps one-line fields on
// one line: the body is cleaned (Clean), and the title, outlet, URL, every
// author and editor and each related ref's title and URL become lines
// (Line); names left empty are dropped. Every parser's output passes through
// it after all decoding (YAML, JSON, XML entities, HTML), so an escape
// written in an encoded form is removed as well.
func (a *Article) Sanitize() {
	a.Title = Line(a.Title)
	a.Source = Line(a.Source)
	a.URL = Line(a.URL)
	a.Body = Clean(a.Body)
	a.Authors = lines(a.Authors)
	a.Editors = lines(a.Editors)
	for i := range a.Related {
		r := &a.Related[i]
		r.Title, r.URL, r.TargetTitle = Line(r.Title), Line(r.URL), Line(r.TargetTitle)
	}
}

// lines makes each name a line and drops those left empty; it reuses the
// slice.
func lines(names []string) []string {
	out := names[:0]
	for _, n := range names {
		if n = Line(n); n != "" {
			out = append(out, n)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// sanitized wraps emit so that each article is sanitized before it goes out.
func sanitized(emit func(Article) error) func(Article) error {
	return func(a Article) error {
		a.Sanitize()
		return emit(a)
	}
}
