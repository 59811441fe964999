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
	s, ctx, every := listFixture(t)
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

// TestListPagesFromAPlace: a page asked for after or before an article
// (keyset paging, ListOptions.After and Before) is the page the
// newest-first list has next to it, in every list, with ties of date,
// undated articles (which sort by their import time) and the ends.
func TestListPagesFromAPlace(t *testing.T) {
	s, ctx, every := listFixture(t)
	byID := map[int64]articles.Listing{}
	for _, l := range every {
		byID[l.ID] = l
	}
	outlet := every[0].Source
	for _, opt := range []ListOptions{{}, {Unread: true}, {Source: outlet}, {Source: outlet, Unread: true}, {Starred: true}} {
		want := newestFirstByHand(t, s, opt)
		for _, limit := range []int{1, 7, 100} {
			for i, id := range want {
				at := CursorOf(byID[id])
				after, before := opt, opt
				after.After, after.Limit = &at, limit
				before.Before, before.Limit = &at, limit
				got, err := s.List(ctx, after)
				if err != nil {
					t.Fatal(err)
				}
				if want := want[i+1 : min(i+1+limit, len(want))]; !slices.Equal(listingIDs(got), want) {
					t.Fatalf("%+v after %d (row %d): ids %v, want %v", opt, id, i, listingIDs(got), want)
				}
				if got, err = s.List(ctx, before); err != nil {
					t.Fatal(err)
				}
				if want := want[max(i-limit, 0):i]; !slices.Equal(listingIDs(got), want) {
					t.Fatalf("%+v before %d (row %d): ids %v, want %v", opt, id, i, listingIDs(got), want)
				}
			}
		}
	}
}

// listFixture is a library of 240 articles, half of them dated, in which a
// tenth share one date (only the id orders them), a seventh are undated
// (they sort by their import time), a third are read and a seventeenth
// starred; every is its whole list, newest first.
func listFixture(t *testing.T) (*Store, context.Context, []articles.Listing) {
	t.Helper()
	s, ctx := openTemp(t), context.Background()
	if _, err := s.Import(ctx, []string{writeSynthDir(t, 240)}, ImportOptions{}); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`UPDATE articles SET sort_key = (SELECT min(sort_key) FROM articles) + 86400 WHERE id % 10 = 0`,
		`UPDATE articles SET published = sort_key WHERE id % 2 = 0`,
		`UPDATE articles SET published = NULL WHERE id % 7 = 0`,
	} {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
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
	return s, ctx, every
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
