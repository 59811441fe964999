//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// kabarPID is the process id of the kabar running in a tmux session (the
// pane runs a shell whose child it is).
func (term *terminal) kabarPID() int {
	term.t.Helper()
	out, err := exec.Command("tmux", "display", "-p", "-t", term.session, "#{pane_pid}").Output()
	if err != nil {
		term.t.Fatalf("pane pid: %v", err)
	}
	child, err := exec.Command("pgrep", "-P", strings.TrimSpace(string(out))).Output()
	if err != nil {
		term.t.Skipf("pgrep cannot find the kabar process: %v", err)
	}
	pid, err := strconv.Atoi(strings.Fields(string(child))[0])
	if err != nil {
		term.t.Fatal(err)
	}
	return pid
}

// peakRSS is a process's peak resident memory in MB (VmHWM).
func peakRSS(t *testing.T, pid int) int {
	t.Helper()
	status, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		t.Skipf("no /proc status for kabar: %v", err)
	}
	for _, line := range strings.Split(string(status), "\n") {
		if rest, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return kb >> 10
		}
	}
	t.Fatal("no VmHWM line")
	return 0
}

// TestEndToEndResizeStormOverATenMegabyteArticle opens a 10 MB article in
// the real binary and resizes the terminal 30 times: the text at the last
// size shows, and peak memory stays under 400 MB.
func TestEndToEndResizeStormOverATenMegabyteArticle(t *testing.T) {
	bin := buildKabar(t)
	dir := t.TempDir()
	var body strings.Builder
	body.WriteString("---\ntitle: Laporan Sangat Panjang\nsource: Kabar Uji\n---\n")
	for i := 0; body.Len() < 10<<20; i++ {
		fmt.Fprintf(&body, "Paragraf %d: warga desa bergotong royong membersihkan sungai dan saluran air sejak pagi hari.\n\n", i)
	}
	src := filepath.Join(dir, "panjang.md")
	if err := os.WriteFile(src, []byte(body.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "library.db")
	if out, err := exec.Command(bin, "--db", db, "import", src).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	term := startInTmux(t, 100, 30, bin, "--db", db)
	term.waitFor("Laporan Sangat Panjang")
	term.send("Enter")
	term.waitFor("Paragraf 0:", "◀ 0  ▶ 0")
	for i := range 30 {
		size := []string{"resize-window", "-t", term.session, "-x", strconv.Itoa(50 + i*3), "-y", strconv.Itoa(15 + i%10)}
		if out, err := exec.Command("tmux", size...).CombinedOutput(); err != nil {
			t.Skipf("tmux cannot resize its window here: %v %s", err, out)
		}
		time.Sleep(60 * time.Millisecond) // about a settle interval: the hardest case
	}
	term.waitFor("Paragraf 0:")
	time.Sleep(500 * time.Millisecond)
	peak := peakRSS(t, term.kabarPID())
	t.Logf("peak RSS after the storm: %d MB", peak)
	if peak > 400 {
		t.Fatalf("a resize storm over a 10 MB article peaked at %d MB", peak)
	}
	term.send("q", "q")
	if status := term.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
}

// TestEndToEndOpenerGetsOnlyHTTP presses o in the real binary on an article
// whose URL is javascript: and on one with an https URL: only the second
// reaches $BROWSER.
func TestEndToEndOpenerGetsOnlyHTTP(t *testing.T) {
	bin := buildKabar(t)
	dir := t.TempDir()
	opened := filepath.Join(dir, "opened")
	browser := filepath.Join(dir, "browser")
	if err := os.WriteFile(browser, []byte("#!/bin/sh\necho \"$@\" >> '"+opened+"'\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	for name, url := range map[string]string{"a.md": "javascript:alert(1)", "b.md": "https://kabar.example/berita"} {
		md := "---\ntitle: Tautan " + name + "\nurl: \"" + url + "\"\n---\nIsi berita.\n"
		if err := os.WriteFile(filepath.Join(dir, name), []byte(md), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(dir, "library.db")
	if out, err := exec.Command(bin, "--db", db, "import", filepath.Join(dir, "a.md"), filepath.Join(dir, "b.md")).CombinedOutput(); err != nil {
		t.Fatalf("import: %v\n%s", err, out)
	}
	term := startInTmux(t, 100, 30, "env", "BROWSER="+browser, bin, "--db", db)
	term.waitFor("Tautan a.md", "Tautan b.md")
	term.send("/", "a.md", "Enter")
	term.waitFor("Isi berita.")
	term.send("o")
	term.waitFor("only http(s) links go to the browser")
	term.send("q")
	term.waitFor("1 matches", "1/1")
	term.send("/", "BSpace", "BSpace", "BSpace", "BSpace", "b.md", "Enter")
	term.waitFor("Tautan b.md", "Isi berita.", "◀ 0  ▶ 0")
	term.send("o")
	term.waitFor("opened https://kabar.example/berita")
	deadline := time.Now().Add(5 * time.Second)
	for {
		data, _ := os.ReadFile(opened)
		if strings.TrimSpace(string(data)) == "https://kabar.example/berita" {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("$BROWSER got %q, want only the https URL", data)
		}
		time.Sleep(20 * time.Millisecond)
	}
}
