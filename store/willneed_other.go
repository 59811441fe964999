//go:build !linux

package store

import (
	"errors"
	"os"
)

// willNeed is not supported here: the file is read instead.
func willNeed(*os.File, int64) error { return errors.ErrUnsupported }
