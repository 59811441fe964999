package articles

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr the first time it is asked for, not at start-up:
// the package's expressions took 2.7 ms of every start of kabar, also of
// the ones (the reader, --version) that never parse an article.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
