//go:build unix

package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalsStopAnImportCleanly runs the real binary on an input that never
// ends (stdin held open) and stops it with SIGINT, then SIGTERM: it exits
// 130 at once, says it was interrupted, and the library holds what it read.
func TestSignalsStopAnImportCleanly(t *testing.T) {
	bin := buildKabar(t)
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		t.Run(sig.String(), func(t *testing.T) {
			db := filepath.Join(t.TempDir(), "library.db")
			cmd := exec.Command(bin, "--db", db, "import", "-")
			stdin, err := cmd.StdinPipe()
			if err != nil {
				t.Fatal(err)
			}
			var errOut bytes.Buffer
			cmd.Stderr = &errOut
			if err := cmd.Start(); err != nil {
				t.Fatal(err)
			}
			defer stdin.Close()
			for i := range 300 {
				fmt.Fprintf(stdin, "{\"title\":\"Kabar nomor %d\",\"body\":\"Isi kabar %d.\"}\n", i, i)
			}
			time.Sleep(300 * time.Millisecond)
			if err := cmd.Process.Signal(sig); err != nil {
				t.Fatal(err)
			}
			done := make(chan error, 1)
			go func() { done <- cmd.Wait() }()
			select {
			case err = <-done:
			case <-time.After(10 * time.Second):
				_ = cmd.Process.Kill()
				t.Fatalf("%v did not stop an import waiting for input", sig)
			}
			var exit *exec.ExitError
			if !errors.As(err, &exit) || exit.ExitCode() != 130 || !strings.Contains(errOut.String(), "interrupted") {
				t.Fatalf("after %v: %v, stderr %q", sig, err, errOut.String())
			}
			if _, err := os.Stat(db); err != nil {
				t.Fatalf("no library after an interrupted import: %v", err)
			}
			code, out, _ := kabar(t, "", "--db", db, "list", "--limit", "1000")
			if code != 0 || strings.Count(out, "\n") == 0 {
				t.Fatalf("list after the interrupt: %d %q", code, out)
			}
		})
	}
}
