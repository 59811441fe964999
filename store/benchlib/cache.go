package benchlib

import (
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// An import's speed depends on whether its files are in the kernel's page
// cache: reading 100,000 news files from disk costs this machine about 5 s
// of system time however they are read. Import benchmarks therefore say
// which they measure: files read from disk (Evict first), as an import of a
// corpus scraped long ago, or files just written or read (Warm first).

// Evict drops the contents of every file under dir from the page cache, so
// the next read of them goes to the disk (posix_fadvise DONTNEED: no root
// needed). Directory entries and inodes may stay cached. It returns
// errors.ErrUnsupported where the system has no such call.
func Evict(dir string) error {
	return eachFile(dir, evictFile)
}

// Warm reads every file under dir once, so the next read of them comes
// from the page cache.
func Warm(dir string) error {
	return eachFile(dir, func(f *os.File) error {
		_, err := io.Copy(io.Discard, f)
		return err
	})
}

// eachFile opens each regular file under dir and hands it to do.
func eachFile(dir string, do func(*os.File) error) error {
	return filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.Type().IsRegular() {
			return err
		}
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		if err := do(f); err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		return nil
	})
}
