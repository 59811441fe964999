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
			// 20,000 records (1 MB) overflow the pipe's buffer, so once
			// these writes return kabar has read all but the last few
			// thousand; then the input blocks
			for i := range 20000 {
				fmt.Fprintf(stdin, "{\"title\":\"Kabar nomor %d\",\"body\":\"Isi kabar %d.\"}\n", i, i)
			}
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
			out, err := exec.Command(bin, "--db", db, "list", "--limit", "100000").Output()
			if rows := strings.Count(string(out), "\n"); err != nil || rows < 10000 || rows > 20000 {
				t.Fatalf("list after the interrupt: %v, %d articles of the 20,000 sent", err, rows)
			}
		})
	}
}

// TestReadingCommandsWorkOnAReadOnlyLibrary makes a library and its
// directory read-only (running the binary as nobody when the test runs as
// root, who could write anyway): list and show work, import says why it
// cannot, and nothing is written.
func TestReadingCommandsWorkOnAReadOnlyLibrary(t *testing.T) {
	bin := buildKabar(t)
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	if out, err := exec.Command(bin, "--db", db, "import", "testdata/library").CombinedOutput(); err != nil {
		t.Fatalf("import: %v %s", err, out)
	}
	for _, p := range []string{filepath.Dir(dir), dir, filepath.Dir(bin), filepath.Dir(filepath.Dir(bin))} {
		if err := os.Chmod(p, 0o755); err != nil {
			t.Fatal(err)
		}
	}
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	if err := os.Chmod(dir, 0o555); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { _ = os.Chmod(dir, 0o755) })
	run := func(args ...string) (string, error) {
		cmd := exec.Command(bin, append([]string{"--db", db}, args...)...)
		if os.Geteuid() == 0 {
			cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
		}
		out, err := cmd.CombinedOutput()
		return string(out), err
	}
	if out, err := run("list"); err != nil || strings.Count(out, "\n") != 4 {
		t.Fatalf("list on a read-only library: %v\n%s", err, out)
	}
	if out, err := run("show", "1"); err != nil || !strings.Contains(out, "Referenced by") && !strings.Contains(out, "Related") {
		t.Fatalf("show on a read-only library: %v\n%s", err, out)
	}
	out, err := run("import", "testdata/library")
	if err == nil || !strings.Contains(out, db+" or its directory cannot be written") {
		t.Fatalf("import into a read-only library: %v\n%s", err, out)
	}
	if _, err := exec.LookPath("tmux"); err == nil {
		reader := []string{bin, "--db", db}
		if os.Geteuid() == 0 {
			reader = []string{"su", "nobody", "-s", "/bin/sh", "-c", bin + " --db '" + db + "'"}
		}
		term := startInTmux(t, 100, 30, reader...)
		term.waitFor("4 articles")
		term.send("q")
		if status := term.exitStatus(); status != "0" {
			t.Fatalf("the reader on a read-only library exited %s", status)
		}
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Fatalf("reading left %d files beside the library", len(entries))
	}
}
