package articles

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
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

// formatNames maps the names --format takes to formats.
var formatNames = map[string]Format{
	"text": FormatText, "txt": FormatText,
	"markdown": FormatMarkdown, "md": FormatMarkdown,
	"html":  FormatHTML,
	"json":  FormatJSON,
	"jsonl": FormatJSONL, "ndjson": FormatJSONL,
	"csv": FormatCSV, "tsv": FormatTSV,
	"feed": FormatFeed, "rss": FormatFeed, "atom": FormatFeed, "rdf": FormatFeed, "xml": FormatFeed,
}

// FormatNames lists the format names ParseFormatName takes, sorted.
func FormatNames() []string {
	names := make([]string, 0, len(formatNames))
	for n := range formatNames {
		names = append(names, n)
	}
	slices.Sort(names)
	return names
}

// ParseFormatName returns the format a name (as --format takes it) stands
// for.
func ParseFormatName(name string) (Format, error) {
	if f, ok := formatNames[strings.ToLower(strings.TrimSpace(name))]; ok {
		return f, nil
	}
	return "", fmt.Errorf("unknown format %q: want one of %s", name, strings.Join(FormatNames(), ", "))
}

// FormatOf returns the format a file name's extension names, and whether it
// names one. A name without an extension, or "-" for stdin, is sniffed.
func FormatOf(name string) (Format, bool) {
	f, ok := extensionFormats[strings.ToLower(filepath.Ext(name))]
	return f, ok
}

// Sniff guesses the format of content with no telling extension from its
// first bytes: feeds (RSS 0.9x/2.0, RSS 1.0/RDF, Atom, also after an XML
// declaration, stylesheet line, comments or doctype), HTML, JSON, JSON Lines,
// CSV and TSV with a header naming article fields, Markdown (front matter or
// a leading heading), and plain text otherwise.
func Sniff(head []byte) Format { return sniff(head, nil) }

func sniff(head []byte, cols Columns) Format {
	h := bytes.TrimLeft(bytes.TrimPrefix(head, []byte("\ufeff")), " \t\r\n")
	switch {
	case bytes.HasPrefix(h, []byte("<")):
		return sniffMarkup(h)
	case bytes.HasPrefix(h, []byte("[")):
		return FormatJSON
	case bytes.HasPrefix(h, []byte("{")):
		if line, _, _ := bytes.Cut(h, []byte("\n")); bytes.HasSuffix(bytes.TrimSpace(line), []byte("}")) {
			return FormatJSONL
		}
		return FormatJSON
	case bytes.HasPrefix(h, []byte("---\n")), bytes.HasPrefix(h, []byte("---\r\n")), bytes.HasPrefix(h, []byte("# ")):
		return FormatMarkdown
	}
	if f, ok := sniffTable(h, cols); ok {
		return f
	}
	return FormatText
}

// sniffMarkup tells a feed from an HTML page by the first element after the
// prolog (XML declaration, processing instructions such as a stylesheet,
// comments and a doctype).
func sniffMarkup(h []byte) Format {
	rest := h
	for {
		rest = bytes.TrimLeft(rest, " \t\r\n")
		if len(rest) == 0 {
			break
		}
		var end []byte
		switch {
		case bytes.HasPrefix(rest, []byte("<?")):
			end = []byte("?>")
		case bytes.HasPrefix(rest, []byte("<!--")):
			end = []byte("-->")
		case bytes.HasPrefix(rest, []byte("<!")):
			if bytes.HasPrefix(bytes.ToLower(rest), []byte("<!doctype html")) {
				return FormatHTML
			}
			end = []byte(">")
		case rest[0] == '<':
			return markupRoot(rest)
		default:
			return FormatHTML // text after the prolog: let the page reader try
		}
		i := bytes.Index(rest, end)
		if i < 0 {
			break // the prolog runs past what was read: decide on what was
		}
		rest = rest[i+len(end):]
	}
	if bytes.Contains(h, []byte("<rss")) || bytes.Contains(h, []byte("<feed")) || bytes.Contains(h, []byte(":RDF")) {
		return FormatFeed
	}
	return FormatHTML
}

// markupRoot names the format of a document by its root element: rss,
// feed (Atom) and RDF (RSS 1.0, under any prefix) are feeds; anything else
// is read as HTML.
func markupRoot(tag []byte) Format {
	name := tag[1:]
	if i := bytes.IndexAny(name, " \t\r\n/>"); i >= 0 {
		name = name[:i]
	}
	if _, local, ok := bytes.Cut(name, []byte(":")); ok {
		name = local
	}
	switch strings.ToLower(string(name)) {
	case "rss", "feed", "rdf":
		return FormatFeed
	}
	return FormatHTML
}

// sniffTable recognises a CSV or TSV file by a header line of at least two
// columns that names a title or body column (by kabar's names or cols).
func sniffTable(h []byte, cols Columns) (Format, bool) {
	line, _, _ := bytes.Cut(h, []byte("\n"))
	line = bytes.TrimSuffix(line, []byte("\r"))
	for _, t := range []struct {
		sep    string
		format Format
	}{{"\t", FormatTSV}, {",", FormatCSV}} {
		fields := strings.Split(string(line), t.sep)
		if len(fields) < 2 {
			continue
		}
		for i, f := range fields {
			fields[i] = strings.Trim(strings.TrimSpace(f), `"`)
		}
		found := resolveColumns(fields, cols)
		if found["title"] != "" || found["body"] != "" {
			return t.format, true
		}
	}
	return "", false
}

// Options tune parsing.
type Options struct {
	// Format, when set, reads every input as this format whatever its name
	// or content.
	Format Format
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
	if opts.Format != "" {
		return parseFormatEach(opts.Format, name, r, opts, emit)
	}
	format, ok := FormatOf(name)
	if ok {
		return parseFormatEach(format, name, r, opts, emit)
	}
	if filepath.Ext(name) != "" && name != "-" {
		return fmt.Errorf("%s: %w %q (--format reads it as a given format)", name, ErrUnsupported, filepath.Ext(name))
	}
	br := bufio.NewReaderSize(r, 64<<10)
	head, _ := br.Peek(4096)
	return parseFormatEach(sniff(head, opts.Columns), name, br, opts, emit)
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
