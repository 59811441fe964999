package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"slices"

	"kabar/articles"
)

// A story thread is the article, the articles its related links resolve to
// and the articles whose related links resolve to it, and theirs in turn,
// breadth first, nearest in time first within a step; with the strongly
// similar articles published within days of it. It is bounded so that a
// hub every article links to cannot make it slow.
const (
	storyDepth        = 6            // steps of links and backlinks from the article
	storySize         = 200          // articles in a thread at most
	storySimilarScore = 0.3          // likeness from which a similar article joins
	storySimilarDays  = 3            // ... when published within this many days
	storySimilarAsked = 20           // similar articles looked at
	storyDaySeconds   = 24 * 60 * 60 // one day
)

// storyNode is a thread article as the walk meets it.
type storyNode struct {
	id   int64
	via  articles.Via
	date int64 // sort_key: published, else import time
}

// Story returns the story thread of article id, oldest first; the article
// itself is in it with Via "self".
func (s *Store) Story(ctx context.Context, id int64) ([]articles.StoryEntry, error) {
	var rootDate int64
	var published sql.NullInt64
	err := s.db.QueryRowContext(ctx, `SELECT sort_key, published FROM articles WHERE id = ?`, id).Scan(&rootDate, &published)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, fmt.Errorf("store: story of %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("store: story of %d: %w", id, withAdvice(s.path, err))
	}
	thread := map[int64]articles.Via{id: articles.ViaSelf}
	if err := s.walkLinks(ctx, thread, rootDate); err != nil {
		return nil, fmt.Errorf("store: story of %d: %w", id, withAdvice(s.path, err))
	}
	if published.Valid && len(thread) < storySize {
		if err := s.addSimilar(ctx, thread, id, published.Int64); err != nil {
			return nil, fmt.Errorf("store: story of %d: %w", id, err)
		}
	}
	return s.storyEntries(ctx, thread)
}

// walkLinks adds to thread, step by step, the articles linked from and
// linking to the articles it holds, until storyDepth steps or storySize
// articles.
func (s *Store) walkLinks(ctx context.Context, thread map[int64]articles.Via, rootDate int64) error {
	frontier := []int64{}
	for id := range thread {
		frontier = append(frontier, id)
	}
	for step := 0; step < storyDepth && len(frontier) > 0 && len(thread) < storySize; step++ {
		list, err := json.Marshal(frontier)
		if err != nil {
			return err
		}
		rows, err := s.db.QueryContext(ctx, `
			SELECT r.target_id, 'link', a.sort_key FROM json_each(?1) j
				CROSS JOIN refs r ON r.article_id = j.value CROSS JOIN articles a ON a.id = r.target_id
			UNION
			SELECT r.article_id, 'backlink', a.sort_key FROM json_each(?1) j
				CROSS JOIN refs r ON r.target_id = j.value CROSS JOIN articles a ON a.id = r.article_id`, string(list))
		if err != nil {
			return err
		}
		var met []storyNode
		for rows.Next() {
			var n storyNode
			if err := rows.Scan(&n.id, &n.via, &n.date); err != nil {
				rows.Close()
				return err
			}
			met = append(met, n)
		}
		if err := errors.Join(rows.Err(), rows.Close()); err != nil {
			return err
		}
		frontier = addNearest(thread, met, rootDate)
	}
	return nil
}

// addNearest adds to thread the articles met that it does not hold, nearest
// to rootDate first (a link before a backlink when both reach one), until it
// holds storySize; it returns those added.
func addNearest(thread map[int64]articles.Via, met []storyNode, rootDate int64) []int64 {
	slices.SortFunc(met, func(a, b storyNode) int {
		return cmp.Or(cmp.Compare(abs(a.date-rootDate), abs(b.date-rootDate)), cmp.Compare(a.id, b.id), cmp.Compare(b.via, a.via)) // "link" first
	})
	var added []int64
	for _, n := range met {
		if len(thread) >= storySize {
			break
		}
		if _, ok := thread[n.id]; !ok {
			thread[n.id] = n.via
			added = append(added, n.id)
		}
	}
	return added
}

func abs(n int64) int64 {
	if n < 0 {
		return -n
	}
	return n
}

// addSimilar adds to thread the articles strongly like article id published
// within storySimilarDays of it (published, unix seconds): the same story
// told by other outlets, or the same day's follow-ups nobody linked.
func (s *Store) addSimilar(ctx context.Context, thread map[int64]articles.Via, id, published int64) error {
	found, err := s.Similar(ctx, id, storySimilarAsked)
	if err != nil {
		return err
	}
	for _, f := range found {
		if len(thread) >= storySize {
			break
		}
		if _, ok := thread[f.ID]; ok || f.Published.IsZero() {
			continue
		}
		near := abs(f.Published.Unix()-published) <= storySimilarDays*storyDaySeconds
		if near && (f.Score >= storySimilarScore || f.SameStory) {
			thread[f.ID] = articles.ViaSimilar
		}
	}
	return nil
}

// storyEntries reads the thread's articles, oldest first.
func (s *Store) storyEntries(ctx context.Context, thread map[int64]articles.Via) ([]articles.StoryEntry, error) {
	ids := make([]int64, 0, len(thread))
	for id := range thread {
		ids = append(ids, id)
	}
	listings, err := s.listingsOf(ctx, "story", ids, "a.sort_key, a.id")
	if err != nil {
		return nil, err
	}
	out := make([]articles.StoryEntry, len(listings))
	for i, l := range listings {
		out[i] = articles.StoryEntry{Listing: l, Via: thread[l.ID]}
	}
	return out, nil
}
