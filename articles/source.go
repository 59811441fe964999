package articles

import "strings"

// SourceKind is what a Source narrows the list to.
type SourceKind string

// The kinds of Source, in the order the sources panel shows them.
const (
	SourceAll     SourceKind = "all"
	SourceUnread  SourceKind = "unread"
	SourceStarred SourceKind = "starred"
	SourceSearch  SourceKind = "search" // a saved search
	SourceFeed    SourceKind = "feed"
	SourceTag     SourceKind = "tag"
	SourceOutlet  SourceKind = "outlet"
	SourcePerson  SourceKind = "person" // an author or editor (a people page; not in the panel)
)

// Source is one way to narrow the article list: all, unread or starred
// articles, a saved search, a feed, a tag or an outlet. Query says it in the
// query language; Total and Unread are its counts, known unless Uncounted (a
// saved search is counted apart, as it costs a search).
type Source struct {
	Kind          SourceKind
	Name          string
	Query         string
	Total, Unread int
	Uncounted     bool
}

// QuoteValue makes a name a quoted query value (source:"Kabar Sungai"),
// which matches that name exactly. A quote inside the name cannot be
// written in a query and is left out.
func QuoteValue(name string) string {
	return `"` + strings.ReplaceAll(name, `"`, "") + `"`
}
