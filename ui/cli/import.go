package cli

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"charm.land/bubbles/v2/progress"
	"github.com/spf13/cobra"

	"kabar/articles"
	"kabar/store"
	"kabar/ui/safe"
)

func (a *app) importCommand() *cobra.Command {
	var columns []string
	var format string
	var parse articles.Options
	cmd := &cobra.Command{
		Use:   "import PATH...",
		Short: "Import files, directories or - (standard input)",
		Long: "Import files, directories (recursively; files of unknown type are skipped and counted) " +
			"or - for standard input. The format comes from the extension (.txt, .md, .html/.htm, " +
			".json, .jsonl/.ndjson, .csv, .tsv, .xml/.rss/.atom); standard input and files without " +
			"an extension are recognised by their content. --format reads every input as one format. " +
			"A file named here that kabar cannot read is a failure (exit status 1).",
		Example: "kabar import ~/berita\nkabar import export.csv --column body=isi --column date=tanggal\n" +
			"curl -s https://example.com/feed | kabar import -",
		GroupID: groupLibrary,
		Args:    minArgs("at least one PATH (or - for standard input)"),
		PreRunE: func(*cobra.Command, []string) (err error) {
			if parse.Columns, err = parseColumns(columns); err != nil {
				return err
			}
			if format != "" {
				if parse.Format, err = articles.ParseFormatName(format); err != nil {
					return usageError{err}
				}
			}
			return nil
		},
		RunE: a.writing(func(cmd *cobra.Command, paths []string, s *store.Store) error {
			return a.importPaths(cmd, s, paths, parse)
		}),
	}
	cmd.Flags().StringArrayVar(&columns, "column", nil,
		"dataset column for a field, FIELD=NAME: title, body, url, date, time, author, editor, source (repeatable)")
	cmd.Flags().StringVar(&format, "format", "", "read every input as this format: "+strings.Join(articles.FormatNames(), ", "))
	return cmd
}

// importPaths imports and reports: a summary on stdout, one line per failed
// input on stderr, exit status 1 when any failed.
func (a *app) importPaths(cmd *cobra.Command, s *store.Store, paths []string, parse articles.Options) error {
	opt := store.ImportOptions{Stdin: a.stdin, Parse: parse, Progress: progressPrinter(a.errOut)}
	sum, err := s.Import(cmd.Context(), paths, opt)
	for _, f := range sum.Failures {
		fmt.Fprintf(a.errOut, "failed: %s\n", failureText(f))
	}
	fmt.Fprintf(a.out, "imported into %s: %d new, %d updated, %d unchanged, %d skipped, %d failed (%d links resolved)\n",
		s.Path(), sum.New, sum.Updated, sum.Unchanged, sum.Skipped, sum.Failed, sum.Resolved)
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return exitError(ExitFailure)
	}
	return nil
}

// parseColumns reads --column FIELD=NAME flags.
func parseColumns(flags []string) (articles.Columns, error) {
	cols := articles.Columns{}
	for _, v := range flags {
		field, name, ok := strings.Cut(v, "=")
		if !ok || field == "" || name == "" {
			return nil, usagef("--column wants FIELD=NAME, got %q", v)
		}
		cols[strings.ToLower(field)] = name
	}
	return cols, nil
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
	if isFile && isTerminal(f) {
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
