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

	"github.com/creack/pty"

	"kabar/store/benchlib"
)

// buildKabar builds the kabar binary into a temporary directory.
func buildKabar(t testing.TB) string {
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
	// a library named with --db that does not exist is said, not hidden
	term.waitFor("DEMO", "Welcome to kabar", "No library at "+db)
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

// BenchmarkTerminalRun100k is the scripted terminal run over the
// 100,000-article library (store/benchlib): it starts the real binary in
// tmux, reports the time until the first screen is drawn (tmux start-up
// included), walks the list, filters, opens and follows articles, and
// reports the process's peak RSS. Run it with -benchtime 1x.
func BenchmarkTerminalRun100k(b *testing.B) {
	if _, err := exec.LookPath("tmux"); err != nil {
		b.Skip("tmux is not installed")
	}
	lib := benchlib.LibraryPath(b)
	bin := buildKabar(b)
	// A running tmux server, so the timing covers kabar, not tmux starting.
	keep := fmt.Sprintf("kabar-bench-keep-%d", time.Now().UnixNano())
	if out, err := exec.Command("tmux", "new-session", "-d", "-s", keep, "sleep 600").CombinedOutput(); err != nil {
		b.Fatalf("tmux: %v\n%s", err, out)
	}
	defer exec.Command("tmux", "kill-session", "-t", keep).Run()
	for b.Loop() {
		b.StopTimer()
		session := fmt.Sprintf("kabar-bench-%d", time.Now().UnixNano())
		start := time.Now()
		if out, err := exec.Command("tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40",
			"env", "TERM=xterm-256color", bin, "--db", lib).CombinedOutput(); err != nil {
			b.Fatalf("tmux: %v\n%s", err, out)
		}
		capture := func() string {
			out, _ := exec.Command("tmux", "capture-pane", "-p", "-t", session).Output()
			return string(out)
		}
		for !strings.Contains(capture(), "100000 articles") {
			if time.Since(start) > 10*time.Second {
				b.Fatalf("no first screen:\n%s", capture())
			}
			time.Sleep(2 * time.Millisecond)
		}
		firstScreen := time.Since(start)
		pidOut, err := exec.Command("tmux", "display", "-p", "-t", session, "#{pane_pid}").Output()
		if err != nil {
			b.Fatal(err)
		}
		pid := strings.TrimSpace(string(pidOut))
		waitFor := func(want string) {
			deadline := time.Now().Add(10 * time.Second)
			for !strings.Contains(capture(), want) {
				if time.Now().After(deadline) {
					b.Fatalf("screen never showed %q:\n%s", want, capture())
				}
				time.Sleep(5 * time.Millisecond)
			}
		}
		send := func(keys ...string) {
			for _, k := range keys {
				if err := exec.Command("tmux", "send-keys", "-t", session, k).Run(); err != nil {
					b.Fatal(err)
				}
			}
		}
		send("G")
		waitFor("100000/100000")
		send("g", "/")
		if err := exec.Command("tmux", "send-keys", "-t", session, "-l", "pembangunan sarana ").Run(); err != nil {
			b.Fatal(err)
		}
		waitFor("matches")
		send("Enter")
		waitFor("◀ 0  ▶ 0")
		send("1")
		waitFor("◀ 1  ▶ 0")
		send("BSpace")
		waitFor("◀ 0  ▶ 1")
		send("Escape")
		waitFor("1000+ matches")
		send("Escape")
		waitFor("100000 articles")
		status, err := os.ReadFile("/proc/" + pid + "/status")
		if err != nil {
			b.Fatal(err)
		}
		exec.Command("tmux", "kill-session", "-t", session).Run()
		var hwm float64
		for _, line := range strings.Split(string(status), "\n") {
			if strings.HasPrefix(line, "VmHWM:") {
				fmt.Sscanf(strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:")), "%f", &hwm)
			}
		}
		b.ReportMetric(float64(firstScreen.Microseconds())/1000, "first-screen-ms")
		b.ReportMetric(hwm/1024, "peak-RSS-MB")
		b.StartTimer()
	}
}

// BenchmarkStartToFirstScreen100k runs the real binary on a pseudo-terminal
// (no terminal emulator in between) and measures from exec until the first
// complete list screen (header with counts, and rows) has been written.
func BenchmarkStartToFirstScreen100k(b *testing.B) {
	startToFirstScreen(b, benchlib.LibraryPath(b), false)
}

// BenchmarkStartToFirstScreen1M does the same on the 1,000,000-article
// library (built by store's BenchmarkImport1M), with the page cache warm and,
// when run as root, cold: the kernel's caches are dropped before each start.
func BenchmarkStartToFirstScreen1M(b *testing.B) {
	lib := benchlib.MillionLibraryPath
	if _, err := os.Stat(lib); err != nil {
		b.Skip("no 1M library: build it with go test ./store -run '^$' -bench Import1M -benchtime 1x -timeout 60m")
	}
	b.Run("warm", func(b *testing.B) { startToFirstScreen(b, lib, false) })
	b.Run("cold", func(b *testing.B) {
		if os.Geteuid() != 0 {
			b.Skip("dropping the page cache needs root")
		}
		startToFirstScreen(b, lib, true)
	})
	b.Run("cold-version", func(b *testing.B) { // the floor: starting the binary itself, no library, no screen
		if os.Geteuid() != 0 {
			b.Skip("dropping the page cache needs root")
		}
		coldStart(b, buildKabar(b), "--version")
	})
	b.Run("cold-empty-program", func(b *testing.B) { // this machine's floor for any Go program
		if os.Geteuid() != 0 {
			b.Skip("dropping the page cache needs root")
		}
		coldStart(b, buildEmptyProgram(b))
	})
}

// buildEmptyProgram builds a Go program whose main does nothing and returns
// its path.
func buildEmptyProgram(b *testing.B) string {
	dir := b.TempDir()
	for name, text := range map[string]string{"go.mod": "module empty\n", "main.go": "package main\n\nfunc main() {}\n"} {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(text), 0o644); err != nil {
			b.Fatal(err)
		}
	}
	bin := filepath.Join(dir, "empty")
	cmd := exec.Command("go", "build", "-o", bin, ".")
	cmd.Dir = dir
	if out, err := cmd.CombinedOutput(); err != nil {
		b.Fatalf("go build: %v\n%s", err, out)
	}
	return bin
}

// dropPageCache empties the kernel's page cache (root only), so the next
// run reads the binary and the library from disk.
func dropPageCache(b *testing.B) {
	if out, err := exec.Command("sh", "-c", "sync; echo 3 > /proc/sys/vm/drop_caches").CombinedOutput(); err != nil {
		b.Fatalf("drop caches: %v %s", err, out)
	}
}

// coldStart times a program (kabar --version) from exec to exit with the
// page cache dropped before each run: loading the binary and its packages'
// start-up.
func coldStart(b *testing.B, bin string, args ...string) {
	var total time.Duration
	for b.Loop() {
		b.StopTimer()
		dropPageCache(b)
		b.StartTimer()
		start := time.Now()
		if out, err := exec.Command(bin, args...).CombinedOutput(); err != nil {
			b.Fatalf("%s %s: %v %s", bin, args, err, out)
		}
		total += time.Since(start)
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-to-exit")
}

func startToFirstScreen(b *testing.B, lib string, cold bool) {
	bin := buildKabar(b)
	var total time.Duration
	for b.Loop() {
		if cold {
			b.StopTimer()
			dropPageCache(b)
			b.StartTimer()
		}
		cmd := exec.Command(bin, "--db", lib)
		cmd.Env = append(os.Environ(), "TERM=xterm-256color")
		start := time.Now()
		tty, err := pty.StartWithSize(cmd, &pty.Winsize{Rows: 40, Cols: 120})
		if err != nil {
			b.Fatal(err)
		}
		var seen []byte
		buf := make([]byte, 64<<10)
		for !bytes.Contains(seen, []byte("articles · ")) || !bytes.Contains(seen, []byte("Tahap")) {
			n, err := tty.Read(buf)
			if err != nil {
				b.Fatalf("read pty: %v (after %q)", err, seen)
			}
			seen = append(seen, buf[:n]...)
			// Answer no terminal queries: kabar must not wait for them.
		}
		total += time.Since(start)
		cmd.Process.Kill()
		cmd.Wait()
		tty.Close()
	}
	b.ReportMetric(float64(total.Microseconds())/1000/float64(b.N), "ms-to-first-screen")
}

// screenWithColours is the screen with its SGR colour sequences.
func (term *terminal) screenWithColours() string {
	out, err := exec.Command("tmux", "capture-pane", "-e", "-p", "-t", term.session).Output()
	if err != nil {
		term.t.Fatalf("capture-pane: %v", err)
	}
	return string(out)
}
