package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"kabar/articles"
)

func TestStoryThread(t *testing.T) {
	s, ids := storyLibrary(t)
	name := map[int64]string{}
	for k, v := range ids {
		name[v] = k
	}
	thread := func(of string) string {
		var parts []string
		for _, e := range must(s.Story(context.Background(), ids[of]))(t) {
			n := name[e.ID]
			if n == "" {
				n = fmt.Sprint(e.ID)
			}
			parts = append(parts, n+":"+string(e.Via))
		}
		return strings.Join(parts, " ")
	}
	cases := []struct{ of, want string }{
		// the flood: the copy in another outlet the same days joins as
		// similar; the walk goes on through links and backlinks
		{"a1", "a1:self a3:similar a2:backlink a4:backlink"},
		{"a2", "a1:link a3:similar a2:self a4:backlink"},
		{"a4", "a1:link a2:link a4:self"},
		{"c1", "c1:self c2:backlink c3:backlink"},
		{"c3", "c1:link c2:link c3:self"},
		{"b2", "b1:link b2:self"},
		// nothing links the city stories, and they are not alike
		{"u1", "u1:self"},
	}
	for _, c := range cases {
		if got := thread(c.of); got != c.want {
			t.Errorf("story of %s:\n got %s\nwant %s", c.of, got, c.want)
		}
	}
	if _, err := s.Story(context.Background(), 999999); err == nil || !strings.Contains(err.Error(), "not found") {
		t.Errorf("story of a missing article: %v", err)
	}
}

// TestStoryIsBounded: a thread goes storyDepth steps along a chain of
// links, and stops at storySize articles, the nearest in time, around a hub
// that hundreds of articles link to.
func TestStoryIsBounded(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	day := func(i int) time.Time { return time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC).AddDate(0, 0, i) }
	hub := articles.Article{Title: "Pusat Semua Berita", Body: "Semua berita menautkan ke sini.", Published: day(1000),
		Origin: articles.Origin{Path: "hub.jsonl", Record: 1}}
	as := []articles.Article{hub}
	const chain, spokes = 20, 3 * storySize
	for i := range chain {
		a := articles.Article{Title: fmt.Sprintf("Rantai Berita Nomor %d", i), Body: "Isi berita.", Published: day(i),
			Origin: articles.Origin{Path: "chain.jsonl", Record: i + 1}}
		if i > 0 {
			a.Related = []articles.Ref{{Title: fmt.Sprintf("Rantai Berita Nomor %d", i-1)}}
		}
		as = append(as, a)
	}
	for i := range spokes {
		as = append(as, articles.Article{Title: fmt.Sprintf("Jari-Jari Berita Nomor %d", i), Body: "Isi lain.",
			Published: day(1000 + i - spokes/2), Related: []articles.Ref{{Title: hub.Title}},
			Origin: articles.Origin{Path: "spokes.jsonl", Record: i + 1}})
	}
	must(s.ImportArticles(ctx, as))(t)
	idOf := func(title string) int64 {
		var id int64
		check(t, s.db.QueryRow(`SELECT id FROM articles WHERE title = ?`, title).Scan(&id))
		return id
	}

	thread := must(s.Story(ctx, idOf("Rantai Berita Nomor 10")))(t)
	first, last := fmt.Sprintf("Rantai Berita Nomor %d", 10-storyDepth), fmt.Sprintf("Rantai Berita Nomor %d", 10+storyDepth)
	if len(thread) != 2*storyDepth+1 || thread[0].Title != first || thread[len(thread)-1].Title != last {
		t.Errorf("chain thread: %d articles from %q to %q, want %d steps each way", len(thread), thread[0].Title, thread[len(thread)-1].Title, storyDepth)
	}

	thread = must(s.Story(ctx, idOf(hub.Title)))(t)
	if len(thread) != storySize {
		t.Fatalf("hub thread of %d articles, want %d", len(thread), storySize)
	}
	for i, e := range thread {
		if i > 0 && e.Published.Before(thread[i-1].Published) {
			t.Fatalf("not oldest first at %d", i)
		}
		if d := e.Published.Sub(hub.Published).Abs(); d > time.Duration(storySize/2)*24*time.Hour {
			t.Fatalf("%q joined the hub's thread %v away while nearer ones were left out", e.Title, d)
		}
	}
}
