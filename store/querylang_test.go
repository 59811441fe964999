package store

import (
	"context"
	"slices"
	"testing"
	"time"

	"kabar/articles"
)

// fieldLibrary stores four articles that differ in every field a query can
// name, and returns their ids by a short name.
func fieldLibrary(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	s, ctx := openTemp(t), context.Background()
	noon := func(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 12, 0, 0, 0, time.Local) }
	arts := []articles.Article{
		{Title: "Banjir Rendam Jakarta Utara", Source: "Kompas.com", Authors: []string{"Budi Santoso"}, Editors: []string{"Sari Dewi"},
			Published: noon(2025, 6, 10), Body: "Warga mengungsi ke masjid.\n\nBaca juga: Harga Cabai Naik di Pasar",
			Related: []articles.Ref{{Title: "Harga Cabai Naik di Pasar"}}},
		{Title: "Harga Cabai Naik di Pasar", Source: "detikFinance", Authors: []string{"Andi Wijaya"},
			Published: noon(2025, 3, 2), Body: "Pedagang menyebut banjir di sentra produksi sebagai penyebab."},
		{Title: "Festival Lampion di Semarang", Source: "Tempo", Published: noon(2024, 12, 31), Body: "Ribuan lampion menghiasi kota."},
		{Title: "Jakarta Flood Warning Issued", Source: "Jakarta Post", Authors: []string{"Budi Hartono"},
			Published: noon(2025, 6, 12), Body: "Residents were told to move to higher ground."},
	}
	for i := range arts {
		arts[i].Origin = articles.Origin{Path: arts[i].Title}
	}
	if _, err := s.ImportArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, name := range []string{"banjir", "cabai", "lampion", "flood"} {
		got, err := s.Search(ctx, "title:"+name, 0, 10, false)
		if err != nil || len(got) != 1 {
			t.Fatalf("title:%s: %v, %v", name, got, err)
		}
		ids[name] = got[0].ID
	}
	for _, err := range []error{s.SetRead(ctx, ids["lampion"], true), s.SetStarred(ctx, ids["lampion"], true), s.SetRead(ctx, ids["flood"], true)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	return s, ids
}

// TestQueryLanguage: every field, exclusion and their combinations find
// exactly the articles they name, in the same order as the list, with the
// count agreeing; values a field cannot take are words, never errors.
func TestQueryLanguage(t *testing.T) {
	s, ids := fieldLibrary(t)
	ctx := context.Background()
	for _, c := range []struct {
		q      string
		typing bool
		want   []string // newest first
	}{
		{"banjir", false, []string{"banjir", "cabai"}},
		{"title:banjir", false, []string{"banjir"}},
		{"TITLE:banj*", false, []string{"banjir"}},
		{`title:"rendam jakarta"`, false, []string{"banjir"}},
		{"title:lamp", true, []string{"lampion"}},
		{"source:kompas", false, []string{"banjir"}},
		{"source:KOMPAS", false, []string{"banjir"}},
		{"source:detik", false, []string{"cabai"}},
		{`source:"jakarta post"`, false, []string{"flood"}},
		{"source:tem", true, []string{"lampion"}},
		{"-source:kompas", false, []string{"flood", "cabai", "lampion"}},
		{"author:budi", false, []string{"flood", "banjir"}},
		{"author:sari", false, []string{"banjir"}}, // an editor
		{`author:"budi santoso"`, false, []string{"banjir"}},
		{"author:100%", false, nil},
		{"after:2025-06-01", false, []string{"flood", "banjir"}},
		{"after:2025-06", false, []string{"flood", "banjir"}},
		{"before:2025-01-01", false, []string{"lampion"}},
		{"after:2025 before:2025-06-11", false, []string{"banjir", "cabai"}},
		{"is:unread", false, []string{"banjir", "cabai"}},
		{"is:read", false, []string{"flood", "lampion"}},
		{"is:starred", false, []string{"lampion"}},
		{"-is:starred", false, []string{"flood", "banjir", "cabai"}},
		{"has:links", false, []string{"banjir"}},
		{"-has:links", false, []string{"flood", "cabai", "lampion"}},
		{"jakarta -flood", false, []string{"banjir"}},
		{"-banjir", false, []string{"flood", "lampion"}},
		{`-"higher ground"`, false, []string{"banjir", "cabai", "lampion"}},
		{"banjir source:detik", false, []string{"cabai"}},
		{"banjir is:unread after:2025-06-01", false, []string{"banjir"}},
		{"banjir source:", true, []string{"banjir", "cabai"}}, // a field still being typed
		{"after:soon", false, nil},                            // words "after soon"
		{"is:maybe", false, nil},
		{"unknown:lampion", false, nil}, // words "unknown lampion"
		{"source:", false, nil},
		{"-", false, nil},
	} {
		got, err := s.Search(ctx, c.q, 0, 10, c.typing)
		if err != nil {
			t.Errorf("Search(%q): %v", c.q, err)
			continue
		}
		var names []string
		for _, l := range got {
			for name, id := range ids {
				if id == l.ID {
					names = append(names, name)
				}
			}
		}
		if !slices.Equal(names, c.want) {
			t.Errorf("Search(%q) = %v, want %v", c.q, names, c.want)
		}
		if n, err := s.SearchCount(ctx, c.q, c.typing, 0); err != nil || n != len(c.want) {
			t.Errorf("SearchCount(%q) = %d, %v; want %d", c.q, n, err, len(c.want))
		}
		best, err := s.SearchByRelevance(ctx, c.q, 0, 10, c.typing)
		if err != nil || len(best) != len(c.want) {
			t.Errorf("SearchByRelevance(%q) = %d results, %v; want %d", c.q, len(best), err, len(c.want))
		}
	}
}

// TestPeopleFollowTheirArticles: the people index follows an article's
// authors when a new version changes them.
func TestPeopleFollowTheirArticles(t *testing.T) {
	s, ids := fieldLibrary(t)
	ctx := context.Background()
	a, err := s.Article(ctx, ids["cabai"])
	if err != nil {
		t.Fatal(err)
	}
	edited := articles.Article{Title: a.Title, Source: a.Source, Published: a.Published, Authors: []string{"Rina Kusuma"},
		Body: a.Body + " Harga diperkirakan turun pekan depan.", Origin: articles.Origin{Path: a.Title}}
	if _, err := s.ImportArticles(ctx, []articles.Article{edited}); err != nil {
		t.Fatal(err)
	}
	for q, want := range map[string]int{"author:andi": 0, "author:rina": 1} {
		if n, err := s.SearchCount(ctx, q, false, 0); err != nil || n != want {
			t.Errorf("%s after the edit: %d, %v; want %d", q, n, err, want)
		}
	}
}
