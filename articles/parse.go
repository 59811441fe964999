package articles

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
)

// Format is an input format kabar reads.
type Format string

// The formats, named as the CLI and the import summary name them.
const (
	FormatText     Format = "text"
	FormatMarkdown Format = "markdown"
	FormatHTML     Format = "html"
	FormatJSON     Format = "json"
	FormatJSONL    Format = "jsonl"
	FormatCSV      Format = "csv"
	FormatTSV      Format = "tsv"
	FormatFeed     Format = "feed"
)

// ErrUnsupported reports a file whose type kabar does not import.
var ErrUnsupported = errors.New("unsupported file type")

// extensionFormats maps file extensions to formats.
var extensionFormats = map[string]Format{
	".txt": FormatText, ".text": FormatText,
	".md": FormatMarkdown, ".markdown": FormatMarkdown,
	".html": FormatHTML, ".htm": FormatHTML, ".xhtml": FormatHTML,
	".json":  FormatJSON,
	".jsonl": FormatJSONL, ".ndjson": FormatJSONL,
	".csv": FormatCSV, ".tsv": FormatTSV,
	".xml": FormatFeed, ".rss": FormatFeed, ".atom": FormatFeed,
}

// FormatOf returns the format a file name's extension names, and whether it
// names one. A name without an extension, or "-" for stdin, is sniffed.
func FormatOf(name string) (Format, bool) {
	f, ok := extensionFormats[strings.ToLower(filepath.Ext(name))]
	return f, ok
}

// Sniff guesses the format of content with no telling extension from its
// first bytes.
func Sniff(head []byte) Format {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	lower := bytes.ToLower(h[:min(len(h), 256)])
	switch {
	case bytes.HasPrefix(lower, []byte("<?xml")) && (bytes.Contains(lower, []byte("<rss")) || bytes.Contains(lower, []byte("<feed"))),
		bytes.HasPrefix(lower, []byte("<rss")), bytes.HasPrefix(lower, []byte("<feed")):
		return FormatFeed
	case bytes.HasPrefix(lower, []byte("<!doctype html")), bytes.HasPrefix(lower, []byte("<html")), bytes.HasPrefix(lower, []byte("<?xml")):
		return FormatHTML
	case bytes.HasPrefix(h, []byte("[")):
		return FormatJSON
	case bytes.HasPrefix(h, []byte("{")):
		if line, _, _ := bytes.Cut(h, []byte("\n")); bytes.HasSuffix(bytes.TrimSpace(line), []byte("}")) {
			return FormatJSONL
		}
		return FormatJSON
	case bytes.HasPrefix(h, []byte("---\n")), bytes.HasPrefix(h, []byte("# ")):
		return FormatMarkdown
	}
	return FormatText
}

// Options tune parsing.
type Options struct {
	// Columns overrides dataset column names.
	Columns Columns
}

// Parse reads the articles in one input. The format comes from name's
// extension, or from sniffing the content when name has no extension (or is
// "-"). A file with another extension gives ErrUnsupported. Datasets and
// feeds may return articles together with an error listing the records that
// failed; every error names the input.
func Parse(name string, r io.Reader, opts Options) ([]Article, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	format, ok := FormatOf(name)
	if !ok {
		if filepath.Ext(name) != "" && name != "-" {
			return nil, fmt.Errorf("%s: %w", name, ErrUnsupported)
		}
		head, _ := br.Peek(4096)
		format = Sniff(head)
	}
	return ParseFormat(format, name, br, opts)
}

// ParseFormat reads the articles in r as the given format.
func ParseFormat(format Format, name string, r io.Reader, opts Options) ([]Article, error) {
	single := func(a Article, err error) ([]Article, error) {
		if err != nil {
			return nil, err
		}
		return []Article{a}, nil
	}
	origin := Origin{Path: name}
	switch format {
	case FormatText:
		return single(ParseText(r, origin))
	case FormatMarkdown:
		return single(ParseMarkdown(r, origin))
	case FormatHTML:
		return single(ParseHTML(r, origin))
	case FormatJSON:
		return ParseJSON(r, name, opts.Columns)
	case FormatJSONL:
		return ParseJSONLines(r, name, opts.Columns)
	case FormatCSV:
		return ParseCSV(r, name, ',', opts.Columns)
	case FormatTSV:
		return ParseCSV(r, name, '\t', opts.Columns)
	case FormatFeed:
		return ParseFeed(r, name)
	}
	return nil, fmt.Errorf("%s: %w: %s", name, ErrUnsupported, format)
}
