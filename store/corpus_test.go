package store

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"kabar/articles/synth"
)

// TestRealShapeCorpusLosesNothing imports a generated multi-outlet corpus in
// the shapes real scrapers produce (synth.RealShape: markers glued into
// running text, some followed by a sentence that opens with a Title Case
// name the headline cut takes along, one-title blocks followed by prose without final
// punctuation, glued paragraphs, teaser and full text under one URL in two
// datasets, feed entries whose related links carry URLs, several scripts),
// as text files (some saved twice, byte for byte, in a mirror directory),
// CSV exports and an Atom feed, and checks that the same content is stored
// once (importRealShape), that every body
// sentence survives, every related link resolves to the article it names,
// no prose becomes a ref and the full text wins over every teaser.
func TestRealShapeCorpusLosesNothing(t *testing.T) {
	const n = 2400
	s, corpus, dir := importRealShape(t, n)
	ctx := context.Background()
	// the counts the writer keeps hold on these shapes too (the flush
	// before an update is guarded by TestTheWriterKeepsCountsAndPeople:
	// here no merge changes an outlet or a name)
	checkDerivedCounts(t, s, "real-shape corpus")
	// imported again (the writer then looks each article up first), nothing
	// changes, teasers included, and what follows checks the result
	again := must(s.Import(ctx, []string{dir}, ImportOptions{}))(t)
	if again.New != 0 || again.Updated != 0 || again.Unchanged < n {
		t.Fatalf("import again: %+v; want every article unchanged", again)
	}
	checkDerivedCounts(t, s, "real-shape corpus imported again")
	ids := storedByTitle(t, s, n)
	var lost, broken, extra []string
	sentences, links := 0, 0
	for i, want := range corpus.Articles {
		id, ok := ids[want.Title]
		if !ok {
			t.Fatalf("article %d (%q) is not stored under its title", i, want.Title)
		}
		got, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		body := collapse(got.Body)
		for _, sentence := range want.Sentences {
			sentences++
			if !strings.Contains(body, collapse(sentence)) {
				lost = append(lost, fmt.Sprintf("article %d (shape %d): %q\n  body: %q", i, i%4, sentence, body))
			}
		}
		resolved := map[string]bool{}
		for _, r := range got.Related {
			if r.Target != 0 {
				resolved[r.TargetTitle] = true
			}
			if utf8.RuneCountInString(r.Title) > 150 || !isLink(r.Title, want.Links) {
				extra = append(extra, fmt.Sprintf("article %d (shape %d): ref %q is not a related link", i, i%4, r.Title))
			}
		}
		for _, l := range want.Links {
			links++
			if !resolved[l] {
				broken = append(broken, fmt.Sprintf("article %d (shape %d): link to %q unresolved; refs %+v", i, i%4, l, got.Related))
			}
		}
	}
	t.Logf("%d articles, %d sentences, %d links", n, sentences, links)
	for what, list := range map[string][]string{"sentences lost": lost, "links unresolved": broken, "refs that are no link": extra} {
		if len(list) > 0 {
			t.Errorf("%d %s, first: %s", len(list), what, strings.Join(list[:min(3, len(list))], "\n"))
		}
	}
}

// importRealShape writes a real-shape corpus of n articles
// (synth.GenerateRealShape) and imports it into a new library, failing the
// test unless every article is stored once; it returns the library, the
// corpus and the directory it was written to.
func importRealShape(t *testing.T, n int) (*Store, synth.RealShape, string) {
	t.Helper()
	corpus := synth.GenerateRealShape(n)
	dir := t.TempDir()
	check(t, corpus.Write(dir))
	s := openTemp(t)
	sum, err := s.Import(context.Background(), []string{dir}, ImportOptions{})
	if err != nil || sum.Failed != 0 || sum.New != n {
		t.Fatalf("import: %+v, %v", sum, err)
	}
	return s, corpus, dir
}

// storedByTitle maps every stored article's title to its id.
func storedByTitle(t *testing.T, s *Store, n int) map[string]int64 {
	t.Helper()
	ls, err := s.List(context.Background(), ListOptions{Limit: n + 1})
	if err != nil || len(ls) != n {
		t.Fatalf("list: %d articles, %v", len(ls), err)
	}
	ids := make(map[string]int64, n)
	for _, l := range ls {
		ids[l.Title] = l.ID
	}
	return ids
}

func isLink(title string, links []string) bool {
	for _, l := range links {
		if strings.EqualFold(collapse(title), collapse(l)) {
			return true
		}
	}
	return false
}

func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
