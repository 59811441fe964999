// Package cli is kabar's command line: the reader (kabar with no command)
// and the scriptable commands beside it, on spf13/cobra with Charm's fang
// for help, completions, the man page, the version and styled errors. Each
// command group has its own file; the JSON shapes are in json.go.
package cli

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strconv"
	"strings"
	"syscall"

	"charm.land/fang/v2"
	"github.com/spf13/cobra"

	"kabar/store"
	"kabar/ui"
	"kabar/ui/safe"
)

// Exit statuses.
const (
	ExitOK      = 0
	ExitFailure = 1 // an error, or an import in which some input failed
	ExitUsage   = 2 // bad flags or arguments
	// ExitInterrupted is the shell's status for a command stopped by SIGINT.
	ExitInterrupted = 130
)

// Run executes one invocation of kabar (args without the program name) and
// returns its exit status. Everything a command prints passes through
// safe.Writer, so text from articles, file names, feed names and server
// messages never acts on the terminal.
func Run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// The first Ctrl-C or SIGTERM stops a long command at its next article
	// boundary, keeping what was stored; a second one kills at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	a := &app{stdin: stdin, out: safe.Writer(stdout), errOut: safe.Writer(stderr), rawOut: stdout, rawErr: stderr}
	root := a.rootCommand()
	root.SetArgs(args)
	root.SetIn(stdin)
	// help, usage and fang's styling go to the real streams: kabar writes
	// that text itself; errors are made safe in printError
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := fang.Execute(ctx, root, fang.WithVersion(version()), fang.WithErrorHandler(a.printError), fang.WithoutManpage())
	return exitStatus(ctx, err)
}

// app is one invocation: its streams and the flags every command shares.
type app struct {
	stdin          io.Reader
	out, errOut    io.Writer // safe writers: everything commands print
	rawOut, rawErr io.Writer // the streams as given, for kabar's own drawing
	db             string    // --db (or the settings' library)

	settings        ui.Settings
	settingsProblem string // what could not be read in the settings file
	settingsLoaded  bool
}

// rootCommand builds the command tree.
func (a *app) rootCommand() *cobra.Command {
	root := &cobra.Command{
		Use:   "kabar",
		Short: "A terminal news reader",
		Long: "kabar imports the news you keep on disk (scraped article text, Markdown, saved pages, " +
			"CSV/JSON datasets, feed files) and your subscribed feeds into one library, and reads it " +
			"in a full-screen reader with related-article links, back/forward and backlinks.\n\n" +
			"With no command kabar opens the reader on your library (the demo library while yours is " +
			"empty). Every command takes --db PATH (or KABAR_DB); the default library is " +
			"$XDG_DATA_HOME/kabar/library.db (~/.local/share/kabar/library.db).\n\n" +
			"Exit status: 0 success; 1 an error, or an import in which a file failed; 2 bad usage; " +
			"130 interrupted (Ctrl-C or SIGTERM; what was stored stays).",
		Example: "kabar import ~/berita\nkabar search 'banjir jakarta' --json\nkabar",
		RunE:    a.runReader,
	}
	root.PersistentPreRunE = func(cmd *cobra.Command, _ []string) error {
		if cmd.Name() == "config" {
			return nil
		}
		a.loadSettings()
		if a.settingsProblem != "" && cmd != cmd.Root() && cmd.Name() != "demo" {
			fmt.Fprintln(a.errOut, "kabar: "+a.settingsProblem)
		}
		return nil
	}
	root.PersistentFlags().StringVar(&a.db, "db", "", "library file (default $KABAR_DB or $XDG_DATA_HOME/kabar/library.db)")
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError{err} })
	root.AddGroup(&cobra.Group{ID: groupLibrary, Title: "Library"}, &cobra.Group{ID: groupFeeds, Title: "Feeds"})
	root.AddCommand(a.importCommand(), a.exportCommand(), a.listCommand(), a.searchCommand(),
		a.showCommand(), a.linksCommand(), a.similarCommand(), a.storyCommand(), a.tagCommand(), a.untagCommand(), a.rmCommand(), a.pruneCommand(), a.checkCommand(), a.feedCommand(), a.fetchCommand(), a.demoCommand(), a.configCommand(), a.manCommand())
	root.SetHelpCommandGroupID("")
	return root
}

// Command groups in help.
const (
	groupLibrary = "library"
	groupFeeds   = "feeds"
)

// usageError marks an error in the invocation itself: exit status 2.
type usageError struct{ err error }

func (e usageError) Error() string { return e.err.Error() }
func (e usageError) Unwrap() error { return e.err }

// usagef makes a usageError from a message.
func usagef(format string, args ...any) error {
	return usageError{fmt.Errorf(format, args...)}
}

// exitError carries an exit status whose message was already printed.
type exitError int

func (e exitError) Error() string { return "exit status " + strconv.Itoa(int(e)) }

// exitStatus maps what a command returned to kabar's exit status.
func exitStatus(ctx context.Context, err error) int {
	var exit exitError
	switch {
	case err == nil:
		return ExitOK
	case errors.As(err, &exit):
		return int(exit)
	case errors.Is(err, store.ErrInterrupted), ctx.Err() != nil && errors.Is(err, context.Canceled):
		return ExitInterrupted
	case isUsage(err):
		return ExitUsage
	}
	return ExitFailure
}

// isUsage reports errors in the invocation: kabar's own, and cobra's unknown
// commands and wrong arguments, which it does not type.
func isUsage(err error) bool {
	var u usageError
	if errors.As(err, &u) {
		return true
	}
	for _, prefix := range []string{"unknown command", "unknown flag", "unknown shorthand flag", "flag needs an argument", "invalid argument"} {
		if strings.HasPrefix(err.Error(), prefix) {
			return true
		}
	}
	return false
}
