package store

import (
	"context"
	"fmt"
	"slices"
	"testing"

	"kabar/articles"
)

// TestListPagesFromEitherEnd: a page past the middle of a list is read
// from its oldest end, and it must be the page the newest-first list has
// at that offset, in every list whose size the library keeps, with ties
// of date, read and unread articles, and offsets past the end.
func TestListPagesFromEitherEnd(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	if _, err := s.Import(ctx, []string{writeSynthDir(t, 240)}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	// a tenth of the articles share one date, so only the id orders them
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET sort_key = (SELECT min(sort_key) FROM articles) + 86400 WHERE id % 10 = 0`); err != nil {
		t.Fatal(err)
	}
	every, err := s.List(ctx, ListOptions{Limit: 1000})
	if err != nil || len(every) != 240 {
		t.Fatalf("list: %d, %v", len(every), err)
	}
	for i, l := range every {
		if i%3 == 0 {
			if err := s.SetRead(ctx, l.ID, true); err != nil {
				t.Fatal(err)
			}
		}
		if i%17 == 0 {
			if err := s.SetStarred(ctx, l.ID, true); err != nil {
				t.Fatal(err)
			}
		}
	}
	outlet := every[0].Source
	for _, opt := range []ListOptions{{}, {Unread: true}, {Source: outlet}, {Source: outlet, Unread: true}, {Starred: true}, {Source: "no such outlet"}} {
		want := newestFirstByHand(t, s, opt)
		for _, limit := range []int{1, 7, 100} {
			for offset := 0; offset <= len(want)+limit; offset += 3 {
				opt := opt
				opt.Offset, opt.Limit = offset, limit
				page, err := s.List(ctx, opt)
				if err != nil {
					t.Fatal(err)
				}
				end := min(offset+limit, len(want))
				if got, want := listingIDs(page), want[min(offset, len(want)):end]; !slices.Equal(got, want) {
					t.Fatalf("%+v: ids %v, want %v", opt, got, want)
				}
			}
		}
	}
}

// newestFirstByHand is every id a list holds, newest first, read without List.
func newestFirstByHand(t *testing.T, s *Store, opt ListOptions) []int64 {
	t.Helper()
	where, args := listFilter(opt)
	ids, err := column[int64](s.db.Query(`SELECT a.id FROM articles a LEFT JOIN state s ON s.article_id = a.id`+where+
		` ORDER BY a.sort_key DESC, a.id DESC`, args...))
	if err != nil {
		t.Fatal(fmt.Errorf("%+v: %w", opt, err))
	}
	return ids
}

// listingIDs is the ids of listings, in order.
func listingIDs(ls []articles.Listing) []int64 {
	ids := make([]int64, len(ls))
	for i, l := range ls {
		ids[i] = l.ID
	}
	return ids
}
