package articles

import (
	"regexp"
	"sync"
)

// lazyRegexp compiles expr the first time it is asked for, not at start-up,
// where the package's expressions took 0.45 ms of every start of kabar
// (GODEBUG=inittrace=1), also of the reader's and --version's, which never
// parse an article.
func lazyRegexp(expr string) func() *regexp.Regexp {
	return sync.OnceValue(func() *regexp.Regexp { return regexp.MustCompile(expr) })
}
