package store

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// TestWarmFileBringsAFileIntoThePageCache drops a file from the page cache,
// warms it, and waits for the kernel to have read it.
func TestWarmFileBringsAFileIntoThePageCache(t *testing.T) {
	path := filepath.Join(t.TempDir(), "berita.txt")
	text := strings.Repeat("Baca juga: Harga cabai naik menjelang Lebaran\n", 20000) // about 1 MB
	if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Sync(); err != nil { // dirty pages are not dropped
		t.Fatal(err)
	}
	if err := unix.Fadvise(int(f.Fd()), 0, 0, unix.FADV_DONTNEED); err != nil {
		t.Skipf("cannot drop a file from the page cache here: %v", err)
	}
	if residentPages(t, f) > 0 {
		t.Skip("this file system keeps files in memory (tmpfs?): nothing to read ahead")
	}
	warmFile(path, make([]byte, 64<<10))
	deadline := time.Now().Add(5 * time.Second)
	for residentPages(t, f) < pagesOf(t, f) {
		if time.Now().After(deadline) {
			t.Fatalf("after warmFile, %d of %d pages are in the page cache", residentPages(t, f), pagesOf(t, f))
		}
		time.Sleep(5 * time.Millisecond)
	}
}

func pagesOf(t *testing.T, f *os.File) int {
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	page := int64(os.Getpagesize())
	return int((info.Size() + page - 1) / page)
}

// residentPages counts f's pages in the page cache (mincore).
func residentPages(t *testing.T, f *os.File) int {
	info, err := f.Stat()
	if err != nil {
		t.Fatal(err)
	}
	mem, err := unix.Mmap(int(f.Fd()), 0, int(info.Size()), unix.PROT_READ, unix.MAP_SHARED)
	if err != nil {
		t.Fatal(err)
	}
	defer unix.Munmap(mem)
	vec := make([]byte, pagesOf(t, f))
	if _, _, errno := unix.Syscall(unix.SYS_MINCORE, uintptr(unsafe.Pointer(&mem[0])), uintptr(len(mem)), uintptr(unsafe.Pointer(&vec[0]))); errno != 0 {
		t.Fatal(errno)
	}
	n := 0
	for _, v := range vec {
		n += int(v & 1)
	}
	return n
}
