package benchlib

import (
	"os"

	"golang.org/x/sys/unix"
)

// evictFile drops f's contents from the page cache.
func evictFile(f *os.File) error {
	return unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED)
}
