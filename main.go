// Command kabar is a terminal news reader: it imports the news people keep on
// disk into one library and reads it in a full-screen TUI, with a scriptable
// command line beside it. See README.md.
package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"time"

	"charm.land/bubbles/v2/progress"
	tea "charm.land/bubbletea/v2"
	"github.com/charmbracelet/x/term"

	"kabar/articles"
	"kabar/articles/demo"
	"kabar/store"
	"kabar/store/fetch"
	"kabar/ui"
	"kabar/ui/safe"
)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0-dev"

// Exit codes.
const (
	exitOK      = 0
	exitFailure = 1 // an error, or an import in which some input failed
	exitUsage   = 2 // bad flags or arguments
	// exitInterrupted is the shell's status for a command stopped by SIGINT.
	exitInterrupted = 130
)

// errUsage marks errors that are the user's invocation, not the library's.
var errUsage = errors.New("usage")

const usageText = `kabar — a terminal news reader

Usage:
  kabar [--db PATH]                 open the reader on your library
                                    (the demo library while yours is empty)
  kabar import PATH... [--column FIELD=NAME]...
                                    import files, directories (recursive) or - (stdin)
  kabar list   [--json] [--limit N] [--unread] [--starred]
  kabar search QUERY [--json] [--limit N]
  kabar show   ID [--json]
  kabar links  [--json] [--unresolved]
  kabar feed add URL [--name N] [--full-text]
  kabar feed list [--json] | feed remove URL|NAME | feed import FILE.opml | feed export
  kabar fetch [--feed URL|NAME]     fetch subscribed feeds into the library
  kabar demo                        open the reader on the embedded demo library

Every command takes --db PATH (or KABAR_DB); the default library is
$XDG_DATA_HOME/kabar/library.db (~/.local/share/kabar/library.db).
Run "kabar COMMAND --help" for a command's flags. "kabar --version" prints the version.

Exit status: 0 success; 1 an error, or an import in which a file failed; 2 bad usage;
130 interrupted (Ctrl-C or SIGTERM; what was stored stays).
`

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// run executes one invocation and returns its exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	// The first Ctrl-C or SIGTERM stops a long command at its next article
	// boundary, keeping what was stored; a second one kills at once.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		stop()
	}()
	// Everything a command prints passes through safe.Writer: text from
	// articles, file names, feed names and server messages never acts on the
	// terminal.
	stdout, stderr = safe.Writer(stdout), safe.Writer(stderr)
	err := dispatch(ctx, args, stdin, stdout, stderr)
	var exit exitError
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &exit):
		return int(exit)
	case errors.Is(err, store.ErrInterrupted), ctx.Err() != nil && errors.Is(err, context.Canceled):
		fmt.Fprintf(stderr, "kabar: %v\n", err)
		return exitInterrupted
	case errors.Is(err, errUsage):
		fmt.Fprintf(stderr, "kabar: %v\n", err)
		return exitUsage
	default:
		fmt.Fprintf(stderr, "kabar: %v\n", err)
		return exitFailure
	}
}

// exitError carries an exit status whose message was already printed.
type exitError int

func (e exitError) Error() string { return "exit status " + strconv.Itoa(int(e)) }

func dispatch(ctx context.Context, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	top := newFlags("kabar", usageText, stderr)
	db := top.String("db", "", "library file")
	showVersion := top.Bool("version", false, "print the version")
	if err := top.Parse(args); err != nil {
		return usageErr(err)
	}
	if *showVersion {
		fmt.Fprintln(stdout, "kabar", version)
		return nil
	}
	rest := top.Args()
	if len(rest) == 0 {
		return cmdRead(ctx, *db, stderr)
	}
	cmd, cmdArgs := rest[0], rest[1:]
	switch cmd {
	case "import":
		return cmdImport(ctx, *db, cmdArgs, stdin, stdout, stderr)
	case "list":
		return cmdList(ctx, *db, cmdArgs, stdout, stderr)
	case "search":
		return cmdSearch(ctx, *db, cmdArgs, stdout, stderr)
	case "show":
		return cmdShow(ctx, *db, cmdArgs, stdout, stderr)
	case "links":
		return cmdLinks(ctx, *db, cmdArgs, stdout, stderr)
	case "demo":
		return cmdDemo(ctx, cmdArgs, stderr)
	case "feed":
		return cmdFeed(ctx, *db, cmdArgs, stdin, stdout, stderr)
	case "fetch":
		return cmdFetch(ctx, *db, cmdArgs, stdout, stderr)
	case "help":
		fmt.Fprint(stdout, usageText)
		return nil
	}
	return fmt.Errorf("%w: unknown command %q (run kabar --help)", errUsage, cmd)
}

func usageErr(err error) error {
	if errors.Is(err, flag.ErrHelp) {
		return err
	}
	return fmt.Errorf("%w: %v", errUsage, err)
}

// newFlags makes a flag set that prints usage to stderr and returns errors.
func newFlags(name, usage string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprint(stderr, usage)
		if name != "kabar" {
			fmt.Fprintln(stderr, "\nFlags:")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parseArgs parses flags that may come before, between or after positional
// arguments, and returns the positional ones.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, usageErr(err)
		}
		if fs.NArg() == 0 {
			return positional, nil
		}
		positional = append(positional, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// commandFlags is a subcommand's flag set with the shared --db flag.
func commandFlags(name, usage string, db string, stderr io.Writer) (*flag.FlagSet, *string) {
	fs := newFlags(name, usage, stderr)
	return fs, fs.String("db", db, "library file (default $KABAR_DB or $XDG_DATA_HOME/kabar/library.db)")
}

// libraryPath resolves the library file: --db, then KABAR_DB, then the XDG
// data directory.
func libraryPath(flagValue string) string {
	if flagValue != "" {
		return flagValue
	}
	if env := os.Getenv("KABAR_DB"); env != "" {
		return env
	}
	return filepath.Join(xdgDir("XDG_DATA_HOME", ".local/share"), "kabar", "library.db")
}

// xdgDir returns an XDG base directory, with its default under $HOME.
func xdgDir(env, fallback string) string {
	if dir := os.Getenv(env); dir != "" && filepath.IsAbs(dir) {
		return dir
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return filepath.Join(os.TempDir(), "kabar")
	}
	return filepath.Join(home, fallback)
}

func openStore(db string) (*store.Store, error) {
	return store.Open(libraryPath(db))
}

// openForReading opens an existing library without writing to it: reading
// commands create nothing and work on a read-only library.
func openForReading(db string) (*store.Store, error) {
	return store.OpenReadOnly(libraryPath(db))
}

// teaContext lets an interrupt signal end the program cleanly.
func teaContext(ctx context.Context) tea.ProgramOption { return tea.WithContext(ctx) }

// columnFlags collects repeated --column FIELD=NAME flags.
type columnFlags articles.Columns

func (c columnFlags) String() string { return fmt.Sprint(map[string]string(c)) }

func (c columnFlags) Set(v string) error {
	field, name, ok := strings.Cut(v, "=")
	if !ok || field == "" || name == "" {
		return fmt.Errorf("want FIELD=COLUMN, got %q", v)
	}
	c[strings.ToLower(field)] = name
	return nil
}

func cmdImport(ctx context.Context, db string, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs, dbFlag := commandFlags("import", "Usage: kabar import PATH... [--column FIELD=NAME]...\n\n"+
		"Import files, directories (recursively; unknown file types are skipped and counted) or - for stdin.\n"+
		"Formats: .txt, .md, .html/.htm, .json, .jsonl/.ndjson, .csv, .tsv, .xml/.rss/.atom.\n", db, stderr)
	cols := columnFlags{}
	fs.Var(cols, "column", "dataset column for a field: title, body, url, date, time, author, editor, source (repeatable)")
	paths, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(paths) == 0 {
		return fmt.Errorf("%w: import needs at least one PATH (or - for stdin)", errUsage)
	}
	s, err := openStore(*dbFlag)
	if err != nil {
		return err
	}
	defer s.Close()
	opt := store.ImportOptions{Stdin: stdin, Parse: articles.Options{Columns: articles.Columns(cols)}}
	opt.Progress = progressPrinter(stderr)
	sum, err := s.Import(ctx, paths, opt)
	for _, f := range sum.Failures {
		fmt.Fprintf(stderr, "failed: %s\n", failureText(f))
	}
	fmt.Fprintf(stdout, "imported into %s: %d new, %d updated, %d unchanged, %d skipped, %d failed (%d links resolved)\n",
		s.Path(), sum.New, sum.Updated, sum.Unchanged, sum.Skipped, sum.Failed, sum.Resolved)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return exitError(exitFailure)
	}
	return nil
}

// failureText says what failed, one line per error (an error may join
// several); a file name's own line breaks show as \n.
func failureText(f store.Failure) string {
	msg := f.Err.Error()
	if !strings.Contains(msg, f.Path) {
		msg = f.Path + ": " + msg
	}
	lines := strings.Split(strings.ReplaceAll(msg, f.Path, safe.Line(f.Path)), "\n")
	return strings.Join(lines, "\n  ")
}

// progressPrinter shows import progress: a bar redrawn in place on a
// terminal, a plain line every few seconds otherwise.
func progressPrinter(w io.Writer) func(store.Progress) {
	f, isFile := safe.Unwrap(w).(*os.File) // the bar is kabar's own drawing
	if isFile && term.IsTerminal(f.Fd()) {
		bar := progress.New(progress.WithWidth(40), progress.WithoutPercentage())
		last := time.Time{}
		return func(p store.Progress) {
			if time.Since(last) < 50*time.Millisecond && p.Done < p.Total {
				return
			}
			last = time.Now()
			fmt.Fprintf(f, "\r%s %d/%d files", bar.ViewAs(float64(p.Done)/float64(max(p.Total, 1))), p.Done, p.Total)
			if p.Done == p.Total {
				fmt.Fprintln(f)
			}
		}
	}
	last := time.Now()
	return func(p store.Progress) {
		if time.Since(last) >= 2*time.Second || p.Done == p.Total && p.Total > 100 {
			last = time.Now()
			fmt.Fprintf(w, "progress: %d/%d files, %d new\n", p.Done, p.Total, p.Summary.New)
		}
	}
}

// listingJSON is the list and search JSON contract.
type listingJSON struct {
	ID        int64   `json:"id"`
	Title     string  `json:"title"`
	Source    string  `json:"source"`
	URL       string  `json:"url"`
	Published *string `json:"published"`
	Read      bool    `json:"read"`
	Starred   bool    `json:"starred"`
}

func rfc3339(t time.Time) *string {
	if t.IsZero() {
		return nil
	}
	s := t.Format(time.RFC3339)
	return &s
}

func printListings(w io.Writer, ls []articles.Listing, asJSON bool) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, l := range ls {
		l = safe.Listing(l)
		if asJSON {
			if err := enc.Encode(listingJSON{l.ID, l.Title, l.Source, l.URL, rfc3339(l.Published), l.Read, l.Starred}); err != nil {
				return fmt.Errorf("write: %w", err)
			}
			continue
		}
		date := "          "
		if !l.Published.IsZero() {
			date = l.Published.Format("2006-01-02")
		}
		mark := " "
		if !l.Read {
			mark = "•"
		}
		if l.Starred {
			mark = "★"
		}
		if _, err := fmt.Fprintf(w, "%6d %s %s  %s  (%s)\n", l.ID, mark, date, l.Title, l.Source); err != nil {
			return fmt.Errorf("write: %w", err)
		}
	}
	return nil
}

func cmdList(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs, dbFlag := commandFlags("list", "Usage: kabar list [--json] [--limit N] [--unread] [--starred]\n\nList articles, newest first.\n", db, stderr)
	asJSON := fs.Bool("json", false, "print JSON Lines")
	limit := fs.Int("limit", 50, "how many articles")
	unread := fs.Bool("unread", false, "only unread articles")
	starred := fs.Bool("starred", false, "only starred articles")
	if rest, err := parseArgs(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("%w: list takes no arguments, got %q", errUsage, rest)
	}
	s, err := openForReading(*dbFlag)
	if err != nil {
		return err
	}
	defer s.Close()
	ls, err := s.List(ctx, store.ListOptions{Limit: *limit, Unread: *unread, Starred: *starred})
	if err != nil {
		return err
	}
	return printListings(stdout, ls, *asJSON)
}

func cmdSearch(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs, dbFlag := commandFlags("search", "Usage: kabar search QUERY [--json] [--limit N]\n\n"+
		"Full-text search over titles and bodies. \"quoted phrases\" match as phrases, word* as a prefix;\n"+
		"all words must match. Most recently imported first.\n", db, stderr)
	asJSON := fs.Bool("json", false, "print JSON Lines")
	limit := fs.Int("limit", 50, "how many articles")
	words, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		return fmt.Errorf("%w: search needs a QUERY", errUsage)
	}
	s, err := openForReading(*dbFlag)
	if err != nil {
		return err
	}
	defer s.Close()
	ls, err := s.Search(ctx, strings.Join(words, " "), 0, *limit, false)
	if err != nil {
		return err
	}
	return printListings(stdout, ls, *asJSON)
}

// articleJSON is the show JSON contract.
type articleJSON struct {
	ID           int64          `json:"id"`
	Title        string         `json:"title"`
	Source       string         `json:"source"`
	URL          string         `json:"url"`
	Published    *string        `json:"published"`
	Authors      []string       `json:"authors"`
	Editors      []string       `json:"editors"`
	Body         string         `json:"body"`
	Origin       string         `json:"origin"`
	Read         bool           `json:"read"`
	Starred      bool           `json:"starred"`
	Related      []relatedJSON  `json:"related"`
	ReferencedBy []backlinkJSON `json:"referenced_by"`
}

type relatedJSON struct {
	Title  string `json:"title"`
	URL    string `json:"url"`
	Target *int64 `json:"target"`
	Match  string `json:"match"`
}

type backlinkJSON struct {
	ID    int64  `json:"id"`
	Title string `json:"title"`
}

func targetPtr(id int64) *int64 {
	if id == 0 {
		return nil
	}
	return &id
}

func toArticleJSON(a articles.Stored) articleJSON {
	out := articleJSON{ID: a.ID, Title: a.Title, Source: a.Source, URL: a.URL, Published: rfc3339(a.Published),
		Authors: nonNil(a.Authors), Editors: nonNil(a.Editors), Body: a.Body, Origin: a.Origin.String(),
		Read: a.Read, Starred: a.Starred, Related: []relatedJSON{}, ReferencedBy: []backlinkJSON{}}
	for _, r := range a.Related {
		out.Related = append(out.Related, relatedJSON{r.Title, r.URL, targetPtr(r.Target), string(r.Match)})
	}
	for _, b := range a.ReferencedBy {
		out.ReferencedBy = append(out.ReferencedBy, backlinkJSON{b.ID, b.Title})
	}
	return out
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

func cmdShow(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs, dbFlag := commandFlags("show", "Usage: kabar show ID [--json]\n\nPrint one article with its related links and backlinks.\n", db, stderr)
	asJSON := fs.Bool("json", false, "print one JSON object")
	rest, err := parseArgs(fs, args)
	if err != nil {
		return err
	}
	if len(rest) != 1 {
		return fmt.Errorf("%w: show needs one article ID", errUsage)
	}
	id, err := strconv.ParseInt(rest[0], 10, 64)
	if err != nil {
		return fmt.Errorf("%w: article ID %q is not a number", errUsage, rest[0])
	}
	s, err := openForReading(*dbFlag)
	if err != nil {
		return err
	}
	defer s.Close()
	a, err := s.Article(ctx, id)
	if err != nil {
		return err
	}
	a = safe.Article(a)
	if *asJSON {
		enc := json.NewEncoder(stdout)
		enc.SetEscapeHTML(false)
		enc.SetIndent("", "  ")
		return enc.Encode(toArticleJSON(a))
	}
	return printArticle(stdout, a)
}

func printArticle(w io.Writer, a articles.Stored) error {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", a.Title)
	meta := []string{}
	for _, m := range []string{a.Source, dateText(a.Published), strings.Join(a.Authors, ", ")} {
		if m != "" {
			meta = append(meta, m)
		}
	}
	fmt.Fprintf(&b, "%s\n", strings.Join(meta, " · "))
	if a.URL != "" {
		fmt.Fprintf(&b, "%s\n", a.URL)
	}
	fmt.Fprintf(&b, "\n%s\n", a.Body)
	if len(a.Related) > 0 {
		b.WriteString("\nRelated:\n")
		for i, r := range a.Related {
			fmt.Fprintf(&b, "  %d. %s%s\n", i+1, firstOf(r.Title, r.URL), refNote(r))
		}
	}
	if len(a.ReferencedBy) > 0 {
		b.WriteString("\nReferenced by:\n")
		for _, r := range a.ReferencedBy {
			fmt.Fprintf(&b, "  [%d] %s\n", r.ID, r.Title)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func refNote(r articles.Ref) string {
	if r.Target == 0 {
		return "  (not in library)"
	}
	return fmt.Sprintf("  → [%d] (%s)", r.Target, r.Match)
}

func firstOf(a, b string) string {
	if a != "" {
		return a
	}
	return b
}

func dateText(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("2 Jan 2006 15:04")
}

// linkJSON is the links JSON contract.
type linkJSON struct {
	From   int64  `json:"from"`
	Title  string `json:"title"`
	URL    string `json:"url"`
	Target *int64 `json:"target"`
	Match  string `json:"match"`
}

func cmdLinks(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs, dbFlag := commandFlags("links", "Usage: kabar links [--json] [--unresolved]\n\nPrint every related link and how it resolved.\n", db, stderr)
	asJSON := fs.Bool("json", false, "print JSON Lines")
	unresolved := fs.Bool("unresolved", false, "only links not resolved to a stored article")
	if rest, err := parseArgs(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("%w: links takes no arguments, got %q", errUsage, rest)
	}
	s, err := openForReading(*dbFlag)
	if err != nil {
		return err
	}
	defer s.Close()
	enc := json.NewEncoder(stdout)
	enc.SetEscapeHTML(false)
	return s.Links(ctx, *unresolved, func(l store.Link) error {
		l.Title, l.URL = safe.Line(l.Title), safe.Line(l.URL)
		if *asJSON {
			return enc.Encode(linkJSON{l.From, l.Title, l.URL, targetPtr(l.Target), string(l.Match)})
		}
		target := "-"
		if l.Target != 0 {
			target = strconv.FormatInt(l.Target, 10)
		}
		_, err := fmt.Fprintf(stdout, "%6d → %-6s %-10s %s\n", l.From, target, l.Match, firstOf(l.Title, l.URL))
		return err
	})
}

// demoHint tells a newcomer how to bring in their own news.
const demoHint = "Demo library (your library is empty) — quit with q, then: kabar import PATH…"

// cmdRead opens the reader on the library, or on the demo library while the
// library is missing or empty.
func cmdRead(ctx context.Context, db string, stderr io.Writer) error {
	path := libraryPath(db)
	if _, err := os.Stat(path); errors.Is(err, os.ErrNotExist) {
		return runDemo(ctx, demoHint)
	}
	s, err := store.Open(path)
	if err != nil {
		// a library that cannot be written can still be read; saving read
		// state then reports why it cannot in the status line
		ro, roErr := store.OpenReadOnly(path)
		if roErr != nil {
			return err
		}
		s = ro
	}
	defer s.Close()
	empty, err := s.IsEmpty(ctx)
	if err != nil {
		return err
	}
	if empty {
		return runDemo(ctx, demoHint)
	}
	return ui.Run(s, ui.Options{Name: path, Refresh: refresher(s), Poll: 5 * time.Second}, teaContext(ctx))
}

// refresher fetches every subscribed feed for the reader's r key.
func refresher(s *store.Store) ui.RefreshFunc {
	return func(ctx context.Context, progress func(done, total int)) (string, error) {
		feeds, err := s.Feeds(ctx)
		if err != nil {
			return "", err
		}
		if len(feeds) == 0 {
			return "no feeds to refresh — add one: kabar feed add URL", nil
		}
		results, err := (&fetch.Fetcher{}).FetchAll(ctx, s, "", func(done, total int, _ fetch.Result) { progress(done, total) })
		if err != nil {
			return "", err
		}
		return fetchSummary(results), nil
	}
}

func cmdDemo(ctx context.Context, args []string, stderr io.Writer) error {
	fs := newFlags("demo", "Usage: kabar demo\n\nOpen the reader on the embedded demo library (never written to your library).\n", stderr)
	if rest, err := parseArgs(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("%w: demo takes no arguments", errUsage)
	}
	return runDemo(ctx, "Demo library — your own: kabar import PATH…, then kabar")
}

// runDemo builds the demo library in a temporary file and reads it.
func runDemo(ctx context.Context, hint string) error {
	s, cleanup, err := openDemo(ctx)
	if err != nil {
		return err
	}
	defer cleanup()
	return ui.Run(s, ui.Options{Name: "demo library", Demo: true, Hint: hint}, teaContext(ctx))
}

// openDemo imports the embedded demo articles into a throwaway library.
func openDemo(ctx context.Context) (*store.Store, func(), error) {
	dir, err := os.MkdirTemp("", "kabar-demo-")
	if err != nil {
		return nil, nil, fmt.Errorf("demo: %w", err)
	}
	cleanup := func() { os.RemoveAll(dir) }
	s, err := store.Open(filepath.Join(dir, "demo.db"))
	if err != nil {
		cleanup()
		return nil, nil, err
	}
	as, err := demo.Articles()
	if err == nil {
		_, err = s.ImportArticles(ctx, as)
	}
	if err != nil {
		s.Close()
		cleanup()
		return nil, nil, err
	}
	return s, func() { s.Close(); cleanup() }, nil
}

const feedUsage = `Usage:
  kabar feed add URL [--name NAME] [--full-text]   subscribe (--full-text: fetch each entry's page)
  kabar feed list [--json]                          list subscriptions and their last fetch
  kabar feed remove URL|NAME                        unsubscribe (the articles stay)
  kabar feed import FILE.opml                       subscribe to every feed in an OPML file
  kabar feed export                                 print the subscriptions as OPML 2.0
`

func cmdFeed(ctx context.Context, db string, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "--help" || args[0] == "-h" || args[0] == "help" {
		fmt.Fprint(stderr, feedUsage)
		if len(args) == 0 {
			return fmt.Errorf("%w: feed needs a subcommand (add, list, remove, import, export)", errUsage)
		}
		return nil
	}
	sub, rest := args[0], args[1:]
	fs, dbFlag := commandFlags("feed "+sub, feedUsage, db, stderr)
	name := fs.String("name", "", "feed name (add)")
	fullText := fs.Bool("full-text", false, "fetch each entry's page for the full article (add)")
	asJSON := fs.Bool("json", false, "print JSON Lines (list)")
	pos, err := parseArgs(fs, rest)
	if err != nil {
		return err
	}
	want := map[string]int{"add": 1, "list": 0, "remove": 1, "import": 1, "export": 0}
	n, known := want[sub]
	if !known {
		return fmt.Errorf("%w: unknown feed subcommand %q (add, list, remove, import, export)", errUsage, sub)
	}
	if len(pos) != n {
		return fmt.Errorf("%w: feed %s takes %d argument(s), got %d", errUsage, sub, n, len(pos))
	}
	open := openStore
	if sub == "list" || sub == "export" {
		open = openForReading
	}
	s, err := open(*dbFlag)
	if err != nil {
		return err
	}
	defer s.Close()
	switch sub {
	case "add":
		f, err := s.AddFeed(ctx, pos[0], *name, *fullText)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "subscribed to %s (%s)\n", f.URL, f.Name)
	case "remove":
		if err := s.RemoveFeed(ctx, pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "unsubscribed from %s\n", pos[0])
	case "list":
		return printFeeds(ctx, s, stdout, *asJSON)
	case "export":
		feeds, err := s.Feeds(ctx)
		if err != nil {
			return err
		}
		return fetch.WriteOPML(stdout, feeds)
	case "import":
		return importOPML(ctx, s, pos[0], stdin, stdout, stderr)
	}
	return nil
}

func importOPML(ctx context.Context, s *store.Store, path string, stdin io.Reader, stdout, stderr io.Writer) error {
	r := stdin
	if path != "-" {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		r = f
	}
	feeds, err := fetch.ReadOPML(r)
	if err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	added := 0
	for _, f := range feeds {
		if _, err := s.AddFeed(ctx, f.URL, f.Name, false); err != nil {
			fmt.Fprintf(stderr, "skipped: %v\n", err)
			continue
		}
		added++
	}
	fmt.Fprintf(stdout, "subscribed to %d of %d feeds in %s\n", added, len(feeds), path)
	return nil
}

// feedJSON is one line of kabar feed list --json.
type feedJSON struct {
	URL         string  `json:"url"`
	Name        string  `json:"name"`
	FullText    bool    `json:"full_text"`
	LastFetched *string `json:"last_fetched"`
	LastError   string  `json:"last_error"`
}

func printFeeds(ctx context.Context, s *store.Store, w io.Writer, asJSON bool) error {
	feeds, err := s.Feeds(ctx)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, f := range feeds {
		f.Name, f.URL, f.LastError = safe.Line(f.Name), safe.Line(f.URL), safe.Line(f.LastError)
		if asJSON {
			if err := enc.Encode(feedJSON{f.URL, f.Name, f.FullText, rfc3339(f.LastFetched), f.LastError}); err != nil {
				return err
			}
			continue
		}
		state := "never fetched"
		if !f.LastFetched.IsZero() {
			state = "fetched " + f.LastFetched.Format("2006-01-02 15:04")
		}
		if f.LastError != "" {
			state += " — error: " + f.LastError
		}
		fmt.Fprintf(w, "%-20s %s  (%s)\n", f.Name, f.URL, state)
	}
	return nil
}

func cmdFetch(ctx context.Context, db string, args []string, stdout, stderr io.Writer) error {
	fs, dbFlag := commandFlags("fetch", "Usage: kabar fetch [--feed URL|NAME] [--max-size MB]\n\nFetch subscribed feeds into the library.\n", db, stderr)
	only := fs.String("feed", "", "fetch only this feed (URL or name)")
	maxSize := fs.Int64("max-size", fetch.DefaultMaxBytes>>20, "refuse a feed larger than this many MB")
	if rest, err := parseArgs(fs, args); err != nil {
		return err
	} else if len(rest) > 0 {
		return fmt.Errorf("%w: fetch takes no arguments, got %q", errUsage, rest)
	} else if *maxSize <= 0 {
		return fmt.Errorf("%w: --max-size must be a positive number of MB, got %d", errUsage, *maxSize)
	}
	s, err := openStore(*dbFlag)
	if err != nil {
		return err
	}
	defer s.Close()
	results, err := (&fetch.Fetcher{MaxBytes: *maxSize << 20}).FetchAll(ctx, s, *only, func(done, total int, r fetch.Result) {
		if r.Err != nil {
			fmt.Fprintf(stderr, "failed: %v\n", r.Err)
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(stdout, fetchSummary(results))
	if ctx.Err() != nil {
		return fmt.Errorf("fetch: %w: what was stored stays; fetch again to finish", store.ErrInterrupted)
	}
	for _, r := range results {
		if r.Err != nil {
			return exitError(exitFailure)
		}
	}
	return nil
}

// fetchSummary says what a fetch did in one line, naming the feeds that
// failed (the first three, then how many more).
func fetchSummary(results []fetch.Result) string {
	var added, updated, notModified int
	var failed []string
	for _, r := range results {
		added += r.Summary.New
		updated += r.Summary.Updated
		if r.NotModified {
			notModified++
		}
		if r.Err != nil {
			failed = append(failed, safe.Line(r.Feed.Name))
		}
	}
	line := fmt.Sprintf("fetched %d feeds: %d new articles, %d updated, %d unchanged feeds, %d failed",
		len(results), added, updated, notModified, len(failed))
	if len(failed) == 0 {
		return line
	}
	names := strings.Join(failed[:min(len(failed), 3)], ", ")
	if len(failed) > 3 {
		names += fmt.Sprintf(" and %d more", len(failed)-3)
	}
	return line + " (" + names + "; kabar feed list says why)"
}
