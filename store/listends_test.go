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

// TestSearchPagesFromAPlace: a search's page asked for after a result
// (SearchAfter) is the page the newest-first results have next to it,
// however the search finds them (sorting every match, starting from a
// narrower set, walking the date index, or giving the walk up), for
// words common and rare, exclusions and fields.
func TestSearchPagesFromAPlace(t *testing.T) {
	s, ctx, every := listFixture(t)
	byID := map[int64]articles.Listing{}
	for _, l := range every {
		byID[l.ID] = l
	}
	common, rare := termsByDocs(t, s)
	queries := []string{common, rare, "-" + rare, common + " is:unread", "source:\"" + every[0].Source + "\"", "is:starred", common + " -" + rare}
	walking := walkCosts{question: 1, row: 1, gap: 2}
	never := walkCosts{question: 1e12, row: 1e12, gap: 2}
	for _, way := range []struct {
		name  string
		upTo  int
		costs walkCosts
	}{{"sorted", sortAllUpTo, defaultWalkCosts}, {"walked", 3, walking}, {"collected", 3, never}} {
		s.sortAllUpTo, s.walkCosts = way.upTo, way.costs
		for _, q := range queries {
			want, err := s.Search(ctx, q, 0, 1000, false)
			if err != nil || len(want) == 0 {
				t.Fatalf("%s: %d results, %v", q, len(want), err)
			}
			for i, l := range want {
				got, err := s.SearchAfter(ctx, q, byID[l.ID], 7, false)
				if err != nil {
					t.Fatal(err)
				}
				if want := listingIDs(want[i+1 : min(i+8, len(want))]); !slices.Equal(listingIDs(got), want) {
					t.Fatalf("%s, %s, after %d (result %d): ids %v, want %v", way.name, q, l.ID, i, listingIDs(got), want)
				}
			}
		}
	}
}

// TestTheWalkStartsAfterItsPlace: a newest-first walk of a search listed
// after a place starts its walk there, not at the newest article (it
// reads as much for a deep page as for the first).
func TestTheWalkStartsAfterItsPlace(t *testing.T) {
	s, ctx, _ := listFixture(t)
	common, _ := termsByDocs(t, s)
	s.sortAllUpTo, s.walkCosts = 3, walkCosts{question: 1, row: 1, gap: 2}
	want, err := s.Search(ctx, common, 0, 1000, false)
	if err != nil || len(want) < 200 {
		t.Fatalf("%s: %d results, %v", common, len(want), err)
	}
	c, err := s.compile(ctx, common, false)
	if err != nil {
		t.Fatal(err)
	}
	at := CursorOf(want[150])
	c.from = &at // the start alone, without the condition after adds
	ids, walked, err := s.walkNewest(ctx, c, 5)
	if err != nil || !walked {
		t.Fatalf("walk: %v, %v", walked, err)
	}
	if want := listingIDs(want[151:156]); !slices.Equal(ids, want) {
		t.Fatalf("walk after result 150: ids %v, want %v", ids, want)
	}
}

// termsByDocs is a word in most of the library's articles and one in a
// few of them.
func termsByDocs(t *testing.T, s *Store) (common, rare string) {
	t.Helper()
	conn, err := s.db.Conn(context.Background())
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(context.Background(), `CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, articles_fts, 'row')`); err != nil {
		t.Fatal(err)
	}
	q := `SELECT term FROM temp.terms WHERE term GLOB '[a-z]*' AND length(term) > 3 AND doc BETWEEN ? AND ? ORDER BY doc DESC, term LIMIT 1`
	if err := conn.QueryRowContext(context.Background(), q, 150, 240).Scan(&common); err != nil {
		t.Fatalf("a common word: %v", err)
	}
	if err := conn.QueryRowContext(context.Background(), q, 5, 30).Scan(&rare); err != nil {
		t.Fatalf("a rare word: %v", err)
	}
	return common, rare
}
