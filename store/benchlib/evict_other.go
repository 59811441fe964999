//go:build !linux

package benchlib

import (
	"errors"
	"os"
)

// evictFile cannot drop a file from the page cache on this system.
func evictFile(*os.File) error {
	return errors.ErrUnsupported
}
