package store

import (
	"context"
	"testing"

	"kabar/articles"
)

// TestStoryLayerOnRealShapes runs similar articles and story threads over
// every article of a corpus in the shapes real scrapers produce (markers
// glued into running text, glued paragraphs, teasers of the same URL, words
// in several scripts): no error, an article is never similar to itself,
// scores stay in (0, 1] with copies of the story first, and every thread
// holds its article once, oldest first, with every article it links to.
func TestStoryLayerOnRealShapes(t *testing.T) {
	const n = 200
	s, _, _ := importRealShape(t, n)
	ctx := context.Background()
	for _, id := range storedByTitle(t, s, n) {
		found := must(s.Similar(ctx, id, 10))(t)
		for i, f := range found {
			if f.ID == id || f.Score <= 0 || f.Score > 1 {
				t.Fatalf("similar to %d: %+v", id, f)
			}
			if i > 0 && !f.SameStory && !found[i-1].SameStory && f.Score > found[i-1].Score {
				t.Fatalf("similar to %d not best first: %v then %v", id, found[i-1].Score, f.Score)
			}
			if i > 0 && f.SameStory && !found[i-1].SameStory {
				t.Fatalf("similar to %d: a copy of the story after another story", id)
			}
		}
		thread := must(s.Story(ctx, id))(t)
		in, self := map[int64]bool{}, 0
		for i, e := range thread {
			in[e.ID] = true
			if e.Via == articles.ViaSelf {
				self++
			}
			if i > 0 && thread[i-1].Published.After(e.Published) && !e.Published.IsZero() && !thread[i-1].Published.IsZero() {
				t.Fatalf("story of %d not oldest first at %d", id, i)
			}
		}
		if self != 1 || !in[id] {
			t.Fatalf("story of %d holds it %d times", id, self)
		}
		a := must(s.Article(ctx, id))(t)
		for _, r := range a.Related {
			if r.Target != 0 && !in[r.Target] {
				t.Fatalf("story of %d lacks %d, which it links to", id, r.Target)
			}
		}
	}
}
