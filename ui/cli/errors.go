package cli

import (
	"errors"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"charm.land/fang/v2"
	"github.com/charmbracelet/x/term"

	"kabar/ui/safe"
)

// printError reports a command's error on stderr: styled by fang on a
// terminal, one plain "kabar: ..." line for scripts and logs. The message
// may hold file and feed names or server text, so it is made safe first.
func (a *app) printError(w io.Writer, styles fang.Styles, err error) {
	var exit exitError
	if errors.As(err, &exit) {
		return // the command said what failed
	}
	msg := safe.Text(err.Error())
	if !isTerminal(a.rawErr) {
		fmt.Fprintf(w, "kabar: %s\n", msg)
		return
	}
	fang.DefaultErrorHandler(w, styles, errors.New(msg))
}

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := safe.Unwrap(w).(*os.File)
	return ok && term.IsTerminal(f.Fd())
}

// version is the module version and VCS revision kabar was built from.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	v := info.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var revision, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			revision = s.Value
		case "vcs.modified":
			modified = s.Value
		}
	}
	if len(revision) > 12 {
		revision = revision[:12]
	}
	if revision != "" && modified == "true" {
		revision += "-dirty"
	}
	if revision != "" && !containsRevision(v, revision) {
		v += " (" + revision + ")"
	}
	return v
}

// containsRevision reports whether a pseudo-version already names the
// revision (v0.0.0-20261124…-abcdef123456).
func containsRevision(v, revision string) bool {
	return len(revision) >= 12 && len(v) >= 12 && v[len(v)-12:] == revision[:12]
}
