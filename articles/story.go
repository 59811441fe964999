package articles

import "time"

// Similar is a stored article like another one, found without a link
// between them. Score is its likeness to that article, from 0 to 1 (1: it
// holds every distinctive term the article holds, as often in its title).
// SameStory marks a copy of the same story, a syndicated or re-published
// version, which similar lists show apart from other stories.
type Similar struct {
	Listing
	Score     float64
	SameStory bool
}

// Via says how an article joined a story thread.
type Via string

// The ways into a story thread.
const (
	ViaSelf     Via = "self"     // the article the thread was asked for
	ViaLink     Via = "link"     // a thread article's related link names it
	ViaBacklink Via = "backlink" // it names a thread article in a related link
	ViaSimilar  Via = "similar"  // strongly similar, published within days
)

// StoryEntry is one article of a story thread.
type StoryEntry struct {
	Listing
	Via Via
}

// Profile is the page of a person (an author or editor) or an outlet: their
// articles as a list source with its counts, and the outlets and people
// they appear with, most shared articles first.
type Profile struct {
	Source
	Authored, Edited int         // a person's articles as author and as editor
	Outlets          []NameCount // a person's outlets; an outlet's, those its people also write for
	People           []NameCount // who appears with a person; who writes for an outlet
	First, Last      time.Time   // the oldest and newest article's date (zero when unknown)
}

// NameCount is a name and how many articles it shares with a profile.
type NameCount struct {
	Name string
	N    int
}
