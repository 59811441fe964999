package store

import (
	"os"

	"golang.org/x/sys/unix"
)

// willNeed asks the kernel to read a file into the page cache without
// waiting for it or copying it out.
func willNeed(f *os.File, size int64) error {
	return unix.Fadvise(int(f.Fd()), 0, size, unix.FADV_WILLNEED)
}
