package main

import (
	"bytes"
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestCompletionsManPageAndVersion runs the real binary: the bash
// completion script loads in bash and completes commands, the man page
// renders with man(1), and --version names the build.
func TestCompletionsManPageAndVersion(t *testing.T) {
	bin := buildKabar(t)
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("bash is not installed: cannot load the completion script")
	}
	out, err := exec.Command("bash", "-c", `source <("$0" completion bash) && complete -p kabar`, bin).CombinedOutput()
	if err != nil || !strings.Contains(string(out), "__start_kabar") {
		t.Fatalf("bash completion does not load: %v\n%s", err, out)
	}
	out, err = exec.Command(bin, "__complete", "fe").Output()
	if err != nil || !strings.Contains(string(out), "feed") || !strings.Contains(string(out), "fetch") {
		t.Fatalf("completing 'fe': %v\n%s", err, out)
	}
	out, err = exec.Command(bin, "__complete", "list", "--").Output()
	if err != nil || !strings.Contains(string(out), "--unread") || strings.Contains(string(out), "--full-text") {
		t.Fatalf("completing list's flags: %v\n%s", err, out)
	}
	for _, shell := range []string{"zsh", "fish"} {
		if out, err := exec.Command(bin, "completion", shell).Output(); err != nil || !strings.Contains(string(out), "kabar") {
			t.Errorf("completion %s: %v", shell, err)
		}
	}

	page, err := exec.Command(bin, "man").Output()
	if err != nil || !bytes.HasPrefix(page, []byte(".TH")) && !bytes.Contains(page[:min(len(page), 200)], []byte(".TH")) {
		t.Fatalf("kabar man is not a roff page: %v\n%.200s", err, page)
	}
	if _, err := exec.LookPath("man"); err == nil {
		man := exec.Command("man", "-l", "-")
		man.Stdin = bytes.NewReader(page)
		man.Env = append(os.Environ(), "MANPAGER=cat", "PAGER=cat", "MANWIDTH=100")
		out, err := man.CombinedOutput()
		if err != nil || !strings.Contains(string(out), "import") || !strings.Contains(string(out), "--db") {
			t.Fatalf("man -l - does not render kabar's page: %v\n%.500s", err, out)
		}
	} else {
		t.Log("man is not installed: checked the roff source only")
	}

	out, err = exec.Command(bin, "--version").Output()
	if err != nil || !strings.HasPrefix(string(out), "kabar version ") {
		t.Fatalf("--version: %v %q", err, out)
	}
}
