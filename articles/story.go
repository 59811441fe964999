package articles

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
