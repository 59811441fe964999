package cli

import (
	"encoding/json"
	"io"
	"math"
	"time"

	"kabar/articles"
	"kabar/store"
)

// The JSON shapes below are a contract (DESIGN.md, "Command line"): keep
// their field names.

// listingJSON is one line of list and search --json.
type listingJSON struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	URL       string  `json:"url"`
	Published *string `json:"published"`
	Read      bool    `json:"read"`
	Starred   bool    `json:"starred"`
}

func toListingJSON(l articles.Listing) listingJSON {
	return listingJSON{l.ID, l.Title, l.Source, l.URL, rfc3339(l.Published), l.Read, l.Starred}
}

// articleJSON is show --json, and one line of export --format jsonl.
type articleJSON struct {
	ID           int64          `json:"id"`
	Title        string         `json:"title"`
	Source       string         `json:"source"`
	URL          string         `json:"url"`
	Published    *string        `json:"published"`
	Authors      []string       `json:"authors"`
	Editors      []string       `json:"editors"`
	Body         string         `json:"body"`
	Origin       string         `json:"origin"`
	Read         bool           `json:"read"`
	Starred      bool           `json:"starred"`
	Related      []relatedJSON  `json:"related"`
	ReferencedBy []backlinkJSON `json:"referenced_by"`
	Tags         []string       `json:"tags"`
}

// relatedJSON is one related link of an article.
type relatedJSON struct {
	Title  string `json:"title"`
	URL    string `json:"url"`
	Target *int64 `json:"target"`
	Match  string `json:"match"`
}

// backlinkJSON is one article that links to the shown one.
type backlinkJSON struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

func toArticleJSON(a articles.Stored) articleJSON {
	out := articleJSON{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Published: rfc3339(a.Published),
		Authors: nonNil(a.Authors), Editors: nonNil(a.Editors), Body: a.Body, Origin: a.Origin.String(),
		Read: a.Read, Starred: a.Starred, Related: []relatedJSON{}, ReferencedBy: []backlinkJSON{}, Tags: nonNil(a.Tags)}
	for _, r := range a.Related {
		out.Related = append(out.Related, relatedJSON{r.Title, r.URL, targetPtr(r.Target), string(r.Match)})
	}
	for _, b := range a.ReferencedBy {
		out.ReferencedBy = append(out.ReferencedBy, backlinkJSON{b.ID, b.Title})
	}
	return out
}

// linkJSON is one line of links --json.
type linkJSON struct {
	From   int64  `json:"from"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Target *int64 `json:"target"`
	Match  string `json:"match"`
}

func toLinkJSON(l store.Link) linkJSON {
	return linkJSON{l.From, l.Title, l.URL, targetPtr(l.Target), string(l.Match)}
}

// feedJSON is one line of feed list --json.
type feedJSON struct {
	URL         string  `json:"url"`
	Name        string  `json:"name"`
	FullText    bool    `json:"full_text"`
	LastFetched *string `json:"last_fetched"`
	LastError   string  `json:"last_error"`
}

func toFeedJSON(f store.Feed) feedJSON {
	return feedJSON{f.URL, f.Name, f.FullText, rfc3339(f.LastFetched), f.LastError}
}

// savedSearchJSON is one line of search --saved --json.
type savedSearchJSON struct {
	Name   string `json:"name"`
	Query  string `json:"query"`
	Unread int    `json:"unread"`
	Total  int    `json:"total"`
}

// jsonLines returns an encoder for JSON Lines that leaves <, > and & as
// they are.
func jsonLines(w io.Writer) *json.Encoder {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	return enc
}

func rfc3339(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.RFC3339)
	return &s
}

func targetPtr(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// similarJSON is one line of similar --json. same_story marks a copy of
// the article's story from another outlet.
type similarJSON struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Published *string `json:"published"`
	Score     float64 `json:"score"`
	SameStory bool    `json:"same_story"`
}

func toSimilarJSON(f articles.Similar) similarJSON {
	return similarJSON{f.ID, f.Title, f.Source, rfc3339(f.Published), math.Round(f.Score*1000) / 1000, f.SameStory}
}

// storyJSON is one line of story --json.
type storyJSON struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	Published *string `json:"published"`
	Via       string  `json:"via"`
}

func toStoryJSON(e articles.StoryEntry) storyJSON {
	return storyJSON{e.ID, e.Title, e.Source, rfc3339(e.Published), string(e.Via)}
}
