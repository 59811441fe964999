package ui

import "testing"

func TestHistory(t *testing.T) {
	type step struct {
		op     string // open, follow, back, forward
		id     int64
		scroll int // scroll of the article being left
		ok     bool
		want   Visit
		depth  [2]int
	}
	// Every step states the current visit and the depth it must leave:
	// nothing is left unchecked.
	tests := []struct {
		name  string
		steps []step
	}{
		{"open then follow", []step{
			{op: "open", id: 1, want: Visit{1, 0}, depth: [2]int{0, 0}},
			{op: "follow", id: 2, scroll: 7, want: Visit{2, 0}, depth: [2]int{1, 0}},
		}},
		{"back restores scroll", []step{
			{op: "open", id: 1, want: Visit{1, 0}, depth: [2]int{0, 0}},
			{op: "follow", id: 2, scroll: 7, want: Visit{2, 0}, depth: [2]int{1, 0}},
			{op: "back", scroll: 3, ok: true, want: Visit{1, 7}, depth: [2]int{0, 1}},
			{op: "forward", scroll: 9, ok: true, want: Visit{2, 3}, depth: [2]int{1, 0}},
			{op: "back", scroll: 4, ok: true, want: Visit{1, 9}, depth: [2]int{0, 1}},
		}},
		{"back at the start", []step{
			{op: "open", id: 1, want: Visit{1, 0}, depth: [2]int{0, 0}},
			{op: "back", ok: false, want: Visit{1, 0}, depth: [2]int{0, 0}},
			{op: "forward", ok: false, want: Visit{1, 0}, depth: [2]int{0, 0}},
		}},
		{"follow clears forward", []step{
			{op: "open", id: 1, want: Visit{1, 0}, depth: [2]int{0, 0}},
			{op: "follow", id: 2, want: Visit{2, 0}, depth: [2]int{1, 0}},
			{op: "follow", id: 3, want: Visit{3, 0}, depth: [2]int{2, 0}},
			{op: "back", ok: true, want: Visit{2, 0}, depth: [2]int{1, 1}},
			{op: "follow", id: 4, want: Visit{4, 0}, depth: [2]int{2, 0}},
			{op: "forward", ok: false, want: Visit{4, 0}, depth: [2]int{2, 0}},
			{op: "back", ok: true, want: Visit{2, 0}, depth: [2]int{1, 1}},
			{op: "back", ok: true, want: Visit{1, 0}, depth: [2]int{0, 2}},
		}},
		{"open resets", []step{
			{op: "open", id: 1, want: Visit{1, 0}, depth: [2]int{0, 0}},
			{op: "follow", id: 2, want: Visit{2, 0}, depth: [2]int{1, 0}},
			{op: "open", id: 5, want: Visit{5, 0}, depth: [2]int{0, 0}},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var h History
			for i, s := range tt.steps {
				ok := true
				switch s.op {
				case "open":
					h = h.Open(s.id, 0)
				case "follow":
					h = h.Follow(s.id, s.scroll)
				case "back":
					h, ok = h.Back(s.scroll)
				case "forward":
					h, ok = h.Forward(s.scroll)
				}
				if (s.op == "back" || s.op == "forward") && ok != s.ok {
					t.Fatalf("step %d %s: ok = %v", i, s.op, ok)
				}
				if h.Current() != s.want {
					t.Fatalf("step %d %s: current = %+v, want %+v", i, s.op, h.Current(), s.want)
				}
				if b, f := h.Depth(); [2]int{b, f} != s.depth {
					t.Fatalf("step %d %s: depth = %d,%d, want %v", i, s.op, b, f, s.depth)
				}
			}
		})
	}
}

func TestHistoryIsAValue(t *testing.T) {
	h := History{}.Open(1, 0).Follow(2, 5)
	back, _ := h.Back(0)
	if h.Current().ID != 2 || back.Current().ID != 1 {
		t.Fatal("Back changed the history it was called on")
	}
	a := back.Follow(3, 0)
	b := back.Follow(4, 0)
	if a.Current().ID != 3 || b.Current().ID != 4 {
		t.Fatal("two follows from one history share state")
	}
	if ba, _ := a.Back(0); ba.Current().ID != 1 {
		t.Fatal("back after follow lost the trail")
	}
}
