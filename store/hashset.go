package store

// hashSet is a set of 64-bit hashes in one slice: open addressing with
// linear probing, at most three quarters full. A million hashes take 16 MB,
// where a Go map of them takes about 36.
type hashSet struct {
	slots []uint64 // 0 is an empty slot; the hash 0 is kept as 1
	n     int
}

// newHashSet returns a set with room for n hashes before it grows.
func newHashSet(n int) *hashSet {
	size := 1024
	for size*3/4 < n {
		size *= 2
	}
	return &hashSet{slots: make([]uint64, size)}
}

// has reports whether h is in the set.
func (s *hashSet) has(h uint64) bool {
	h = max(h, 1)
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return true
		case 0:
			return false
		}
	}
}

// add puts h in the set.
func (s *hashSet) add(h uint64) {
	h = max(h, 1)
	if (s.n+1)*4 > len(s.slots)*3 {
		s.grow()
	}
	mask := uint64(len(s.slots) - 1)
	for i := h & mask; ; i = (i + 1) & mask {
		switch s.slots[i] {
		case h:
			return
		case 0:
			s.slots[i] = h
			s.n++
			return
		}
	}
}

// grow doubles the slots and puts every hash back.
func (s *hashSet) grow() {
	old := s.slots
	s.slots, s.n = make([]uint64, 2*len(old)), 0
	for _, h := range old {
		if h != 0 {
			s.add(h)
		}
	}
}
