package main

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// buildKabar builds the kabar binary into a temporary directory.
func buildKabar(t *testing.T) string {
	t.Helper()
	bin := filepath.Join(t.TempDir(), "kabar")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// terminal is a kabar process running in a real terminal (a tmux pane).
type terminal struct {
	t       *testing.T
	session string
	exit    string // file the exit status is written to
}

// startInTmux runs a command line in a detached tmux session of the given size.
func startInTmux(t *testing.T, w, h int, args ...string) *terminal {
	t.Helper()
	if _, err := exec.LookPath("tmux"); err != nil {
		t.Skip("tmux is not installed; the end-to-end terminal test needs it (.ci/run installs it: apt-get install -y tmux)")
	}
	session := fmt.Sprintf("kabar-e2e-%d", time.Now().UnixNano())
	exit := filepath.Join(t.TempDir(), "exit-status")
	quoted := make([]string, len(args))
	for i, a := range args {
		quoted[i] = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
	}
	script := fmt.Sprintf("%s; echo $? > '%s'; sleep 60", strings.Join(quoted, " "), exit)
	cmd := exec.Command("tmux", "new-session", "-d", "-s", session, "-x", fmt.Sprint(w), "-y", fmt.Sprint(h),
		"env", "TERM=xterm-256color", "sh", "-c", script)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("tmux: %v\n%s", err, out)
	}
	term := &terminal{t: t, session: session, exit: exit}
	t.Cleanup(func() { _ = exec.Command("tmux", "kill-session", "-t", session).Run() })
	return term
}

func (term *terminal) screen() string {
	out, err := exec.Command("tmux", "capture-pane", "-p", "-t", term.session).Output()
	if err != nil {
		term.t.Fatalf("capture-pane: %v", err)
	}
	return string(out)
}

// waitFor waits until the screen shows every wanted string.
func (term *terminal) waitFor(want ...string) string {
	term.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		s := term.screen()
		missing := ""
		for _, w := range want {
			if !strings.Contains(s, w) {
				missing = w
				break
			}
		}
		if missing == "" {
			return s
		}
		if time.Now().After(deadline) {
			term.t.Fatalf("screen never showed %q:\n%s", missing, s)
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// send types keys: tmux key names (Enter, BSpace) or literal text.
func (term *terminal) send(keys ...string) {
	term.t.Helper()
	for _, k := range keys {
		args := []string{"send-keys", "-t", term.session}
		if len(k) > 1 && k[0] >= 'A' && k[0] <= 'Z' {
			args = append(args, k)
		} else {
			args = append(args, "-l", k)
		}
		if out, err := exec.Command("tmux", args...).CombinedOutput(); err != nil {
			term.t.Fatalf("send-keys %q: %v\n%s", k, err, out)
		}
	}
}

// exitStatus waits for the process to end and returns its status.
func (term *terminal) exitStatus() string {
	term.t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		if b, err := os.ReadFile(term.exit); err == nil && len(bytes.TrimSpace(b)) > 0 {
			return string(bytes.TrimSpace(b))
		}
		time.Sleep(25 * time.Millisecond)
	}
	term.t.Fatalf("kabar did not exit; screen:\n%s", term.screen())
	return ""
}

func TestEndToEndFixtureLibrary(t *testing.T) {
	bin := buildKabar(t)
	db := filepath.Join(t.TempDir(), "library.db")
	out, err := exec.Command(bin, "--db", db, "import", "testdata/library").CombinedOutput()
	if err != nil || !strings.Contains(string(out), "4 new") {
		t.Fatalf("import: %v\n%s", err, out)
	}
	term := startInTmux(t, 100, 30, bin, "--db", db)
	term.waitFor("4 articles")
	term.send("/", "retribusi")
	term.waitFor("1 matches", "Pasar Apung Sungai Martapura Dibuka Kembali")
	term.send("Enter")
	term.waitFor("Pasar Apung Sungai Martapura Dibuka Kembali", "Pasar apung di Sungai Martapura kembali ramai", "◀ 0  ▶ 0")
	term.send("1")
	term.waitFor("Jukung Hias Meriahkan Hari Jadi Kota", "empat puluh jukung hias", "◀ 1  ▶ 0")
	term.send("BSpace")
	term.waitFor("Pasar apung di Sungai Martapura kembali ramai", "◀ 0  ▶ 1")
	term.send("q")
	term.waitFor("4 articles · 2 unread")
	term.send("q")
	if status := term.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
}

func TestEndToEndDemoLibrary(t *testing.T) {
	bin := buildKabar(t)
	db := filepath.Join(t.TempDir(), "never-created.db")
	term := startInTmux(t, 100, 30, bin, "--db", db)
	term.waitFor("DEMO", "Welcome to kabar", "kabar import PATH")
	term.send("Enter")
	term.waitFor("You are reading the demo library")
	term.send("1")
	term.waitFor("Jembatan Gantung Baru Hubungkan Dua Desa di Lereng Merapi", "◀ 1  ▶ 0")
	term.send("BSpace")
	term.waitFor("You are reading the demo library", "◀ 0  ▶ 1")
	term.send("l")
	term.waitFor("Kepala desa setempat", "◀ 1  ▶ 0")
	term.send("q", "q")
	if status := term.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
	if _, err := os.Stat(db); err == nil {
		t.Fatal("the demo wrote the user's library")
	}
}
