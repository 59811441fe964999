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

// version is the module version kabar was built from (go install at a
// version, or the pseudo-version Go stamps from the VCS revision), or the
// revision itself when the build has no version.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "unknown"
	}
	if v := info.Main.Version; v != "" && v != "(devel)" {
		return v
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
	if revision == "" {
		return "(devel)"
	}
	if modified == "true" {
		revision += "-dirty"
	}
	return "(devel) " + revision
}
