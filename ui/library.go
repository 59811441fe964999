// Package ui is kabar's Bubble Tea program: a root model that routes between
// a list screen over the whole library and a reader screen that renders an
// article with glamour and follows its related links with browser-like
// history. Every load, search, render and write runs in a tea.Cmd; the models
// only hold state.
package ui

import (
	"context"

	"kabar/articles"
)

// Library is what the reader needs from a library. *store.Store satisfies it.
type Library interface {
	// Counts returns the library's size and unread and starred counts.
	Counts(ctx context.Context) (articles.Counts, error)
	// Page returns articles newest first, from offset (source "" for the
	// whole library).
	Page(ctx context.Context, source string, offset, limit int) ([]articles.Listing, error)
	// PageAfter returns the articles listed after one, and PageBefore
	// those listed just before it, in list order: the page next to a
	// loaded one, as fast deep in the list as at its top.
	PageAfter(ctx context.Context, source string, last articles.Listing, limit int) ([]articles.Listing, error)
	PageBefore(ctx context.Context, source string, first articles.Listing, limit int) ([]articles.Listing, error)
	// Sources returns the sources panel's entries with their counts (saved
	// searches uncounted).
	Sources(ctx context.Context) ([]articles.Source, error)
	// SearchTally counts a query's matches and the unread ones among them.
	SearchTally(ctx context.Context, query string) (total, unread int, err error)
	// Search returns articles matching a full-text query typed by a user,
	// with the last word matched as a prefix.
	Search(ctx context.Context, query string, offset, limit int, prefixLast bool) ([]articles.Listing, error)
	// SearchAfter returns the matches listed after one: Search's next
	// page, read from that article rather than counted from the first.
	SearchAfter(ctx context.Context, query string, last articles.Listing, limit int, prefixLast bool) ([]articles.Listing, error)
	// SearchByRelevance is Search with the best matches first.
	SearchByRelevance(ctx context.Context, query string, offset, limit int, prefixLast bool) ([]articles.Listing, error)
	// SearchCount returns how many articles match a query, counting at most
	// limit.
	SearchCount(ctx context.Context, query string, prefixLast bool, limit int) (int, error)
	// Article returns one article with resolved refs and backlinks.
	Article(ctx context.Context, id int64) (articles.Stored, error)
	SetRead(ctx context.Context, id int64, read bool) error
	SetStarred(ctx context.Context, id int64, starred bool) error
	SetScroll(ctx context.Context, id int64, line int) error
	// MarkAllRead marks read every unread article a query matches ("" for
	// all) and returns their ids; SetReadOf undoes it.
	MarkAllRead(ctx context.Context, query string) ([]int64, error)
	SetReadOf(ctx context.Context, ids []int64, read bool) error
	// SetTags makes tags an article's tags; TagNames lists every tag in use.
	SetTags(ctx context.Context, id int64, tags []string) error
	TagNames(ctx context.Context) ([]string, error)
	// Discard deletes articles and returns what puts them back.
	Discard(ctx context.Context, ids ...int64) (restore func(context.Context) error, err error)
	// Similar returns the articles most like one, best first.
	Similar(ctx context.Context, id int64, limit int) ([]articles.Similar, error)
	// Story returns an article's story thread, oldest first.
	Story(ctx context.Context, id int64) ([]articles.StoryEntry, error)
	// PersonProfile and OutletProfile return the page of an author or
	// editor, or of an outlet.
	PersonProfile(ctx context.Context, name string) (articles.Profile, error)
	OutletProfile(ctx context.Context, name string) (articles.Profile, error)
	// ArticleByURL finds the stored article with a URL (compared
	// canonically); 0 when there is none.
	ArticleByURL(ctx context.Context, url string) (int64, error)
}
