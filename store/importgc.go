package store

import (
	"runtime/debug"
	"sync"
)

// importGCPercent is the garbage collector's target while an import runs:
// the heap is collected when it grows by half instead of doubling. An
// import's live heap is mostly the batch of articles being written and the
// vocabulary; a 100,000-article import into a 900,000-article library
// peaked at 166 MB with the default and at 141 MB with 50, in about the
// same time (BenchmarkImport1M's steps now peak at 121–147 MB). A fresh
// 100,000-article import pays about a tenth of its speed for it.
const importGCPercent = 50

// importGC sets the collector's target for the imports running in this
// process and puts the previous one back when the last of them ends.
var importGC struct {
	sync.Mutex
	running  int
	previous int
}

// collectMoreWhileImporting lowers the collector's target (importGCPercent)
// until the returned function is called.
func collectMoreWhileImporting() (restore func()) {
	importGC.Lock()
	defer importGC.Unlock()
	if importGC.running == 0 {
		importGC.previous = debug.SetGCPercent(importGCPercent)
		if importGC.previous < importGCPercent { // already lower, or off (GOGC): keep it
			debug.SetGCPercent(importGC.previous)
		}
	}
	importGC.running++
	return func() {
		importGC.Lock()
		defer importGC.Unlock()
		if importGC.running--; importGC.running == 0 {
			debug.SetGCPercent(importGC.previous)
		}
	}
}
