package store

import (
	"runtime/debug"
	"testing"
)

// TestHashSet: every hash added is found after the set grew many times,
// hashes not added are not, and the hash 0 is a member like any other.
func TestHashSet(t *testing.T) {
	s := newHashSet(0)
	const n = 50_000
	hash := func(i uint64) uint64 { return i * 0x9E3779B97F4A7C15 } // i = 0 gives 0
	for i := uint64(0); i < n; i++ {
		s.add(hash(i))
		s.add(hash(i)) // twice: still one member
	}
	if s.n != n {
		t.Errorf("%d members, want %d", s.n, n)
	}
	for i := uint64(0); i < 2*n; i++ {
		if got := s.has(hash(i)); got != (i < n) {
			t.Fatalf("has(hash(%d)) = %v, want %v", i, got, i < n)
		}
	}
	if len(s.slots)*3 < s.n*4 {
		t.Errorf("%d slots hold %d hashes: more than three quarters full", len(s.slots), s.n)
	}
}

// TestImportsCollectMoreAndRestore: the collector's target is lowered while
// imports run, nested or overlapping, and put back after the last; a lower
// target (GOGC) is kept.
func TestImportsCollectMoreAndRestore(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	first := collectMoreWhileImporting()
	second := collectMoreWhileImporting()
	if got := debug.SetGCPercent(importGCPercent); got != importGCPercent {
		t.Errorf("while importing the target is %d, want %d", got, importGCPercent)
	}
	first()
	if got := debug.SetGCPercent(importGCPercent); got != importGCPercent {
		t.Errorf("with one import still running the target is %d, want %d", got, importGCPercent)
	}
	second()
	if got := debug.SetGCPercent(100); got != 100 {
		t.Errorf("after the imports the target is %d, want 100 back", got)
	}
	debug.SetGCPercent(20)
	collectMoreWhileImporting()()
	if got := debug.SetGCPercent(100); got != 20 {
		t.Errorf("a lower target became %d, want 20 kept", got)
	}
}
