package store

import (
	"context"
	"testing"

	"kabar/articles"
	"kabar/articles/demo"
)

// TestDemoLibrary checks that the embedded demo library parses cleanly and
// shows every kind of link a newcomer should be able to try.
func TestDemoLibrary(t *testing.T) {
	as, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	if len(as) < 25 {
		t.Fatalf("demo has %d articles, want about 25", len(as))
	}
	s, ctx := openTemp(t), context.Background()
	sum, err := s.ImportArticles(ctx, as)
	if err != nil || sum.New != len(as) {
		t.Fatalf("import demo: %+v, %v", sum, err)
	}
	matches := map[articles.Match]int{}
	err = s.Links(ctx, false, func(l Link) error {
		matches[l.Match]++
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range []articles.Match{articles.MatchExact, articles.MatchURL, articles.MatchAmbiguous, articles.MatchFuzzy, articles.MatchPrefix, articles.MatchNone} {
		if matches[m] == 0 {
			t.Errorf("no %q link in the demo (have %v)", m, matches)
		}
	}
	var cjk bool
	for _, a := range as {
		for _, r := range a.Title + a.Body {
			if r >= 0x4e00 && r <= 0x9fff {
				cjk = true
			}
		}
	}
	if !cjk {
		t.Error("no CJK text in the demo")
	}
}
