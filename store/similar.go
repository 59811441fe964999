package store

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"

	"kabar/articles"
)

// Similar articles are found without a link between them: the article's
// most distinctive terms (weighted by where they stand — title, lead, rest
// of the body —, stop words left out) are looked up in the full-text index,
// and every other article is scored by the BM25 weights (idf) of the terms
// it shares, a shared term in its title counting double. A term's document
// count is read from the index with a bound: a term in more than
// similarDocCap articles is too common to tell stories apart and takes no
// part, which also bounds the work at any library size.
const (
	similarCandidateTerms = 24    // terms with a document count the choice is made among
	similarTermsRead      = 48    // terms whose document counts are read at most
	similarTerms          = 12    // the most distinctive of them rank
	similarOwnTerms       = 4     // of which at most this many terms no other article has
	similarDocCap         = 1000  // a term in more articles is too common
	similarLeadBytes      = 400   // the lead: this much of the body's start
	similarTextChars      = 16000 // body read for terms (a long body's start)
	similarTitleBoost     = 1.0   // extra weight of a shared term in a title
	similarFloor          = 0.15  // likeness below which an article is not similar
	sameStoryScore        = 0.4   // likeness from which a copy of the story is looked for
	sameStoryOverlap      = 0.6   // share of terms two copies of a story have in common
)

// Title, lead and body weights of a term occurrence in the article.
const (
	titleWeight = 3
	leadWeight  = 2
	bodyWeight  = 1
)

// termWeight is a term of the article, how much it says about the article,
// and the articles that hold it.
type termWeight struct {
	term    string
	weight  float64 // 1 + ln of its occurrences weighted by where they stand
	inTitle bool
	idf     float64
	docs    []int64
}

// Similar returns up to limit stored articles most like article id, best
// first; copies of the same story (SameStory) come first.
func (s *Store) Similar(ctx context.Context, id int64, limit int) ([]articles.Similar, error) {
	if limit <= 0 {
		limit = 10
	}
	var title, normTitle string
	err := s.db.QueryRowContext(ctx, `SELECT title, norm_title FROM articles WHERE id = ?`, id).Scan(&title, &normTitle)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: similar to %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: similar to %d: %w", id, withAdvice(s.path, err))
	}
	body, err := s.bodyStart(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("store: similar to %d: %w", id, err)
	}
	terms, err := s.articleTerms(title, body)
	if err != nil {
		return nil, fmt.Errorf("store: similar to %d: %w", id, err)
	}
	vocabulary := termSet(terms)
	terms, err = s.distinctive(ctx, terms)
	if err != nil {
		return nil, fmt.Errorf("store: similar to %d: %w", id, withAdvice(s.path, err))
	}
	scores := map[int64]float64{}
	var self float64
	for _, t := range terms {
		w := t.weight * t.idf
		self += w
		if t.inTitle {
			self += w * similarTitleBoost
		}
		for _, d := range t.docs {
			if d != id {
				scores[d] += w
			}
		}
	}
	if self == 0 {
		return nil, nil
	}
	found, err := s.rankSimilar(ctx, terms, scores, 3*limit+10)
	if err != nil {
		return nil, fmt.Errorf("store: similar to %d: %w", id, err)
	}
	out := found[:0]
	for _, f := range found {
		f.Score = min(f.Score/self, 1)
		if f.Score < similarFloor {
			continue
		}
		if f.SameStory, err = s.sameStory(ctx, f, normTitle, vocabulary); err != nil {
			return nil, fmt.Errorf("store: similar to %d: %w", id, err)
		}
		out = append(out, f)
	}
	slices.SortStableFunc(out, func(a, b articles.Similar) int {
		if a.SameStory != b.SameStory {
			if a.SameStory {
				return -1
			}
			return 1
		}
		return cmp.Compare(b.Score, a.Score)
	})
	return out[:min(len(out), limit)], nil
}

// articleTerms returns the index terms of an article with their weights,
// the likeliest to be distinctive first: most weight, then longest.
func (s *Store) articleTerms(title, body string) ([]termWeight, error) {
	lead := body[:leadEnd(body)]
	counts := map[string]int{}
	inTitle := map[string]bool{}
	for _, part := range []struct {
		text   string
		weight int
	}{{title, titleWeight}, {lead, leadWeight}, {body[len(lead):], bodyWeight}} {
		terms, err := s.vocab.termsOf(part.text)
		if err != nil {
			return nil, err
		}
		for _, t := range terms {
			if len(t) < 3 || stopWords[t] {
				continue
			}
			counts[t] += part.weight
			if part.weight == titleWeight {
				inTitle[t] = true
			}
		}
	}
	out := make([]termWeight, 0, len(counts))
	for t, n := range counts {
		out = append(out, termWeight{term: t, weight: 1 + math.Log(float64(n)), inTitle: inTitle[t]})
	}
	slices.SortFunc(out, func(a, b termWeight) int {
		return cmp.Or(cmp.Compare(b.weight, a.weight), cmp.Compare(len(b.term), len(a.term)), cmp.Compare(a.term, b.term))
	})
	return out, nil
}

// leadEnd is where the lead of body ends: the end of the first paragraph
// or the first similarLeadBytes, at a space, whichever comes first.
func leadEnd(body string) int {
	end := min(len(body), similarLeadBytes)
	for i := 0; i < end; i++ {
		if body[i] == '\n' && i > 0 {
			return i
		}
	}
	if end == len(body) {
		return end
	}
	for i := end; i > 0; i-- {
		if body[i] == ' ' {
			return i
		}
	}
	return end
}

// distinctive reads the document counts of the heaviest terms until
// similarCandidateTerms of them are in at most similarDocCap articles (or
// similarTermsRead were read), and returns the similarTerms most
// distinctive of those (weight × idf) with their articles. A term of this
// article only is kept: it matches no other, but it is part of what the
// article is about, so an article that shares only its commoner terms
// scores low. A term in more than similarDocCap articles is left out, which
// in a large library is most of an article's heaviest words.
func (s *Store) distinctive(ctx context.Context, terms []termWeight) ([]termWeight, error) {
	var total int
	if err := s.db.QueryRowContext(ctx, `SELECT n FROM counters WHERE name = 'articles'`).Scan(&total); err != nil {
		return nil, err
	}
	stmt, err := s.db.PrepareContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ?`)
	if err != nil {
		return nil, err
	}
	defer stmt.Close()
	var kept []termWeight
	for _, t := range terms[:min(len(terms), similarTermsRead)] {
		if len(kept) == similarCandidateTerms {
			break
		}
		docs, err := column[int64](stmt.QueryContext(ctx, quoteFTS(t.term), similarDocCap+1))
		if err != nil {
			return nil, err
		}
		if len(docs) == 0 || len(docs) > similarDocCap {
			continue // not indexed yet, or too common
		}
		t.docs = docs
		t.idf = bm25IDF(total, len(docs))
		kept = append(kept, t)
	}
	slices.SortStableFunc(kept, func(a, b termWeight) int { return cmp.Compare(b.weight*b.idf, a.weight*a.idf) })
	chosen, own := kept[:0], 0
	for _, t := range kept {
		if len(t.docs) == 1 {
			if own == similarOwnTerms {
				continue
			}
			own++
		}
		if chosen = append(chosen, t); len(chosen) == similarTerms {
			break
		}
	}
	return chosen, nil
}

// bm25IDF is BM25's inverse document frequency of a term in docs of total
// articles.
func bm25IDF(total, docs int) float64 {
	return math.Log(1 + (float64(total-docs)+0.5)/(float64(docs)+0.5))
}

// rankSimilar reads the best-scoring n articles, adds the weight of the
// terms their titles share, and returns them with their raw scores.
func (s *Store) rankSimilar(ctx context.Context, terms []termWeight, scores map[int64]float64, n int) ([]articles.Similar, error) {
	ids := make([]int64, 0, len(scores))
	for id := range scores {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b int64) int { return cmp.Or(cmp.Compare(scores[b], scores[a]), cmp.Compare(b, a)) })
	ids = ids[:min(len(ids), n)]
	listings, err := s.listingsOf(ctx, "similar", ids, "")
	if err != nil {
		return nil, err
	}
	weightOf := map[string]float64{}
	for _, t := range terms {
		weightOf[t.term] = t.weight * t.idf
	}
	out := make([]articles.Similar, 0, len(listings))
	for _, l := range listings {
		score := scores[l.ID]
		titleTerms, err := s.vocab.termsOf(l.Title)
		if err != nil {
			return nil, err
		}
		seen := map[string]bool{}
		for _, t := range titleTerms {
			if w, ok := weightOf[t]; ok && !seen[t] {
				seen[t] = true
				score += w * similarTitleBoost
			}
		}
		out = append(out, articles.Similar{Listing: l, Score: score})
	}
	return out, nil
}

// termSet is the set of terms' words.
func termSet(terms []termWeight) map[string]bool {
	set := make(map[string]bool, len(terms))
	for _, t := range terms {
		set[t.term] = true
	}
	return set
}

// sameStory reports whether a similar article is a copy of the story whose
// title normalises to normTitle and whose text holds vocabulary: the same
// title, or most of its terms shared (Jaccard's overlap of the two sets of
// non-stop terms), as a syndicated copy under a new headline has.
func (s *Store) sameStory(ctx context.Context, f articles.Similar, normTitle string, vocabulary map[string]bool) (bool, error) {
	if articles.NormalizeTitle(f.Title) == normTitle {
		return true, nil
	}
	if f.Score < sameStoryScore {
		return false, nil
	}
	body, err := s.bodyStart(ctx, f.ID)
	if err != nil {
		return false, err
	}
	terms, err := s.articleTerms(f.Title, body)
	if err != nil {
		return false, err
	}
	shared := 0
	for _, t := range terms {
		if vocabulary[t.term] {
			shared++
		}
	}
	union := len(terms) + len(vocabulary) - shared
	return union > 0 && float64(shared)/float64(union) >= sameStoryOverlap, nil
}

// bodyStart is the start of an article's body, similarTextChars characters
// at most.
func (s *Store) bodyStart(ctx context.Context, id int64) (string, error) {
	body, err := s.body(ctx, id)
	if err != nil {
		return "", err
	}
	n := 0
	for i := range body {
		if n == similarTextChars {
			return body[:i], nil
		}
		n++
	}
	return body, nil
}
