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
	// Page returns articles newest first, from offset; only one outlet's
	// when source is set.
	Page(ctx context.Context, source string, offset, limit int) ([]articles.Listing, error)
	// Sources returns the outlets, those with most articles first.
	Sources(ctx context.Context) ([]string, error)
	// CountSource returns how many articles an outlet has.
	CountSource(ctx context.Context, source string) (int, error)
	// Search returns articles matching a full-text query typed by a user,
	// with the last word matched as a prefix.
	Search(ctx context.Context, query string, offset, limit int, prefixLast bool) ([]articles.Listing, error)
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
}
