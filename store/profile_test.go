package store

import (
	"context"
	"errors"
	"fmt"
	"testing"

	"kabar/articles"
)

func TestPeopleAndOutletPages(t *testing.T) {
	s, ids := storyLibrary(t)
	ctx := context.Background()
	check(t, s.SetRead(ctx, ids["a1"], true))

	editor := must(s.PersonProfile(ctx, "Sinta Dewi"))(t)
	if editor.Total != 3 || editor.Unread != 2 || editor.Edited != 3 || editor.Authored != 0 {
		t.Errorf("Sinta Dewi: %d articles, %d unread, %d edited, %d authored; want 3, 2, 3, 0", editor.Total, editor.Unread, editor.Edited, editor.Authored)
	}
	if got := fmt.Sprint(editor.Outlets); got != "[{Kabar Sultra 3}]" {
		t.Errorf("Sinta Dewi's outlets: %s", got)
	}
	if got := fmt.Sprint(editor.People); got != "[{Rahmat Hidayat 2} {Nur Aisyah 1}]" {
		t.Errorf("who appears with Sinta Dewi: %s", got)
	}
	if editor.First.Format("2006-01-02") != "2025-03-03" || editor.Last.Format("2006-01-02") != "2025-03-10" {
		t.Errorf("Sinta Dewi's span: %v to %v", editor.First, editor.Last)
	}
	// the page's query lists the same articles, and only hers
	if n := must(s.SearchCount(ctx, editor.Query, false, 100))(t); n != editor.Total {
		t.Errorf("%s matches %d articles, the page counts %d", editor.Query, n, editor.Total)
	}

	outlet := must(s.OutletProfile(ctx, "Island Times"))(t)
	if outlet.Total != 3 || outlet.Unread != 3 {
		t.Errorf("Island Times: %d articles, %d unread", outlet.Total, outlet.Unread)
	}
	if got := fmt.Sprint(outlet.People); got != "[{John Harper 3} {Maya Lestari 2} {Dewi Anggraini 1}]" {
		t.Errorf("Island Times's people: %s", got)
	}
	if n := must(s.SearchCount(ctx, outlet.Query, false, 100))(t); n != outlet.Total {
		t.Errorf("%s matches %d articles, the page counts %d", outlet.Query, n, outlet.Total)
	}

	if len(outlet.Outlets) != 0 {
		t.Errorf("Island Times's people write for no other outlet: %v", outlet.Outlets)
	}
	// an outlet whose reporter also writes for another names it
	must(s.ImportArticles(ctx, []articles.Article{{Title: "Kapal Cepat Baru Layani Lombok", Source: "Warta Nusantara",
		Authors: []string{"Maya Lestari"}, Body: "Isi.", Origin: articles.Origin{Path: "lain.jsonl", Record: 1}}}))(t)
	outlet = must(s.OutletProfile(ctx, "Island Times"))(t)
	if got := fmt.Sprint(outlet.Outlets); got != "[{Warta Nusantara 1}]" {
		t.Errorf("outlets Island Times's people also write for: %s", got)
	}
	for _, name := range []string{"Nobody Known"} {
		if _, err := s.PersonProfile(ctx, name); !errors.Is(err, ErrNotFound) {
			t.Errorf("page of %q: %v", name, err)
		}
		if _, err := s.OutletProfile(ctx, name); !errors.Is(err, ErrNotFound) {
			t.Errorf("outlet page of %q: %v", name, err)
		}
	}
}

func TestAuthorQuotedIsExact(t *testing.T) {
	s, _ := storyLibrary(t)
	ctx := context.Background()
	for q, want := range map[string]int{`author:"Maya Lestari"`: 2, `author:Maya`: 2, `author:"Maya"`: 0, `author:lestari`: 2, `author:"john harper"`: 3} {
		if n := must(s.SearchCount(ctx, q, false, 100))(t); n != want {
			t.Errorf("%s: %d articles, want %d", q, n, want)
		}
	}
}
