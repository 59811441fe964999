package ui

// Visit is one place in the reader's history: an article and how far down it
// the reader had scrolled.
type Visit struct {
	ID     int64
	Scroll int
}

// History is browser-like back/forward navigation across followed links. It
// is a value: every method returns the new history, so navigation is a pure
// function that tests can drive table by table.
type History struct {
	back    []Visit
	current Visit
	forward []Visit
}

// Open starts a fresh history at an article (opened from the list).
func (h History) Open(id int64, scroll int) History {
	return History{current: Visit{ID: id, Scroll: scroll}}
}

// Follow goes from the current article (scrolled to scroll) to id, clearing
// the forward history as a browser does.
func (h History) Follow(id int64, scroll int) History {
	if h.current.ID == 0 { // nothing open yet (article IDs start at 1)
		return h.Open(id, 0)
	}
	from := h.current
	from.Scroll = scroll
	back := append(h.back[:len(h.back):len(h.back)], from)
	return History{back: back, current: Visit{ID: id}}
}

// Back returns to the previous article, remembering scroll for the one left.
// ok is false when there is nothing to go back to.
func (h History) Back(scroll int) (History, bool) {
	if len(h.back) == 0 {
		return h, false
	}
	here := h.current
	here.Scroll = scroll
	prev := h.back[len(h.back)-1]
	forward := append([]Visit{here}, h.forward...)
	return History{back: h.back[:len(h.back)-1], current: prev, forward: forward}, true
}

// Forward goes to the article left by Back.
func (h History) Forward(scroll int) (History, bool) {
	if len(h.forward) == 0 {
		return h, false
	}
	here := h.current
	here.Scroll = scroll
	next := h.forward[0]
	back := append(h.back[:len(h.back):len(h.back)], here)
	return History{back: back, current: next, forward: h.forward[1:]}, true
}

// Current is the article being read.
func (h History) Current() Visit { return h.current }

// Depth returns how many steps back and forward are possible.
func (h History) Depth() (back, forward int) { return len(h.back), len(h.forward) }
