package articles

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
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
	// Workers is how many goroutines convert a large feed's entries;
	// GOMAXPROCS when zero.
	Workers int
}

// Parse reads the articles in one input. The format comes from name's
// extension, or from sniffing the content when name has no extension (or is
// "-"). A file with another extension gives ErrUnsupported. Datasets and
// feeds may return articles together with an error listing the records that
// failed; every error names the input.
func Parse(name string, r io.Reader, opts Options) ([]Article, error) {
	return collect(func(emit func(Article) error) error { return ParseEach(name, r, opts, emit) })
}

// ParseEach reads the articles in one input as Parse does, calling emit with
// each as soon as it is read: datasets and feeds are streamed record by
// record, so memory does not grow with the input. An error from emit stops
// the parse and is returned.
func ParseEach(name string, r io.Reader, opts Options, emit func(Article) error) error {
	r = utf16Decoded(r)
	format, ok := FormatOf(name)
	if ok {
		return parseFormatEach(format, name, r, opts, emit)
	}
	if filepath.Ext(name) != "" && name != "-" {
		return fmt.Errorf("%s: %w", name, ErrUnsupported)
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	return parseFormatEach(Sniff(head), name, br, opts, emit)
}

// ParseFormat reads the articles in r as the given format.
func ParseFormat(format Format, name string, r io.Reader, opts Options) ([]Article, error) {
	return collect(func(emit func(Article) error) error { return ParseFormatEach(format, name, r, opts, emit) })
}

// ParseFormatEach reads the articles in r as the given format, calling emit
// with each, sanitized (Article.Sanitize).
func ParseFormatEach(format Format, name string, r io.Reader, opts Options, emit func(Article) error) error {
	return parseFormatEach(format, name, utf16Decoded(r), opts, emit)
}

func parseFormatEach(format Format, name string, r io.Reader, opts Options, emit func(Article) error) error {
	if format == FormatFeed {
		return ParseFeedEach(r, name, opts.Workers, emit) // sanitizes on its workers
	}
	emit = sanitized(emit)
	single := func(a Article, err error) error {
		if err != nil {
			return err
		}
		return emit(a)
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
		as, err := ParseJSON(r, name, opts.Columns)
		for _, a := range as {
			if err := emit(a); err != nil {
				return err
			}
		}
		return err
	case FormatJSONL:
		return ParseJSONLinesEach(r, name, opts.Columns, emit)
	case FormatCSV:
		return ParseCSVEach(r, name, ',', opts.Columns, emit)
	case FormatTSV:
		return ParseCSVEach(r, name, '\t', opts.Columns, emit)
	}
	return fmt.Errorf("%s: %w: %s", name, ErrUnsupported, format)
}

// utf16Decoded returns r, or when r starts with a UTF-16 byte-order mark
// (files saved as "Unicode" on Windows), a reader of r decoded to UTF-8. A
// file's reader is peeked without being read, keeping its size known.
func utf16Decoded(r io.Reader) io.Reader {
	var head [2]byte
	if ra, ok := r.(io.ReaderAt); ok {
		if n, _ := ra.ReadAt(head[:], 0); n < 2 || !isUTF16BOM(head) {
			return r
		}
	} else {
		n, _ := io.ReadFull(r, head[:])
		r = io.MultiReader(bytes.NewReader(head[:n]), r)
		if n < 2 || !isUTF16BOM(head) {
			return r
		}
	}
	return transform.NewReader(r, unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM).NewDecoder())
}

func isUTF16BOM(head [2]byte) bool {
	return head == [2]byte{0xff, 0xfe} || head == [2]byte{0xfe, 0xff}
}
