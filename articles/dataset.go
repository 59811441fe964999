package articles

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"sort"
	"strings"
)

// MaxDatasetBytes is the largest JSON document kabar decodes at once. JSON
// Lines and CSV files are streamed and have no such limit; each of their
// records, like a JSON record's body, may hold at most MaxArticleBytes.
const MaxDatasetBytes = 512 << 20

// errRecordTooLarge reports a dataset record over the per-article limit.
var errRecordTooLarge = fmt.Errorf("record larger than the %d MiB limit for one article", MaxArticleBytes>>20)

// maxRecordErrors is how many failed records a dataset reports one by one.
const maxRecordErrors = 20

// Columns maps an article field (title, body, url, date, time, author,
// editor, source) to the dataset column that holds it, overriding the names
// kabar looks for by default.
type Columns map[string]string

// fieldAliases are the column names, English and Indonesian, each article
// field is found under; compared case-insensitively.
var fieldAliases = map[string][]string{
	"title":  {"title", "headline", "judul"},
	"body":   {"body", "content", "text", "article", "isi", "isi_berita", "konten"},
	"url":    {"url", "link", "tautan"},
	"date":   {"date", "published", "published_at", "pubdate", "tanggal", "tanggal_publikasi", "tanggal_terbit"},
	"time":   {"time", "waktu", "jam"},
	"author": {"author", "authors", "penulis", "reporter", "byline"},
	"editor": {"editor", "editors", "penyunting", "redaktur"},
	"source": {"source", "outlet", "sumber", "media", "portal"},
}

// record gives a dataset row's value for an article field.
type record func(field string) string

// resolveColumns maps each article field to one of the given column names,
// honouring overrides first.
func resolveColumns(names []string, overrides Columns) map[string]string {
	lower := make(map[string]string, len(names))
	for _, n := range names {
		lower[strings.ToLower(strings.TrimSpace(strings.TrimPrefix(n, "\ufeff")))] = n
	}
	found := make(map[string]string)
	for field, aliases := range fieldAliases {
		if o, ok := overrides[field]; ok {
			if n, ok := lower[strings.ToLower(o)]; ok {
				found[field] = n
			}
			continue
		}
		for _, alias := range aliases {
			if n, ok := lower[alias]; ok {
				found[field] = n
				break
			}
		}
	}
	return found
}

// articleFromRecord builds an article from one dataset row: the body is
// parsed like plain-text news (markers, datelines, footers), and the row's
// own columns win over what the body says.
func articleFromRecord(get record, origin Origin) (Article, error) {
	body := get("body")
	if len(body) > MaxArticleBytes {
		return Article{}, fmt.Errorf("%s: %w", origin, errRecordTooLarge)
	}
	a := ParseTextString(body)
	a.Origin = origin
	if t := collapseSpaces(Clean(get("title"))); t != "" {
		a.Title = t
	}
	if u := strings.TrimSpace(Clean(get("url"))); u != "" {
		a.URL = u
	}
	if d := strings.TrimSpace(get("date")); d != "" {
		stamp := strings.TrimSpace(d + " " + get("time"))
		if t, ok := ParseDate(stamp); ok {
			a.Published = t
		} else if t, ok := ParseDate(d); ok {
			a.Published = t
		}
	}
	if a.Published.IsZero() {
		// a date column that holds no date ("Tidak Ditemukan") is no date:
		// the body's dateline, else the URL, tells
		a.Published, _ = DateFromURL(a.URL)
	}
	if s := collapseSpaces(Clean(get("source"))); s != "" {
		a.Source = s
	}
	if v := Clean(get("author")); strings.TrimSpace(v) != "" {
		a.Authors = splitNames(v)
	}
	if v := Clean(get("editor")); strings.TrimSpace(v) != "" {
		a.Editors = splitNames(v)
	}
	if a.Title == "" && a.Body == "" {
		return Article{}, fmt.Errorf("%s: %w", origin, ErrEmpty)
	}
	return a, nil
}

// recordErrors collects the errors of a dataset's failed records, keeping the
// first few and counting the rest.
type recordErrors struct {
	errs  []error
	extra int
}

func (e *recordErrors) add(err error) {
	if len(e.errs) < maxRecordErrors {
		e.errs = append(e.errs, err)
		return
	}
	e.extra++
}

func (e *recordErrors) err() error {
	if e.extra > 0 {
		e.errs = append(e.errs, fmt.Errorf("and %d more failed records", e.extra))
	}
	return errors.Join(e.errs...)
}

// LinkGraphHeader is the header of the link graph kabar export writes
// beside the articles it exports (links.csv): one related link a row.
var LinkGraphHeader = []string{"from", "to", "match", "title"}

// ErrLinkGraph reports a CSV file that is kabar's own link graph
// (LinkGraphHeader), not a dataset of articles: its title column holds the
// links' titles. An import skips it, so an exported directory imports
// back as the articles it holds.
var ErrLinkGraph = errors.New("kabar's link graph (links.csv of kabar export), not articles")

// ParseCSV reads a CSV (or, with comma '\t', TSV) dataset with a header row.
// Rows that fail (ragged rows, bad quoting, no title or body) are reported in
// the returned error, naming path#row, and the other rows are still read.
func ParseCSV(r io.Reader, path string, comma rune, cols Columns) ([]Article, error) {
	return collect(func(emit func(Article) error) error { return ParseCSVEach(r, path, comma, cols, emit) })
}

// ParseCSVEach reads a CSV or TSV dataset row by row, calling emit with each
// row's article as ParseCSV would return it; memory does not grow with the
// file.
func ParseCSVEach(r io.Reader, path string, comma rune, cols Columns, emit func(Article) error) error {
	limit := &recordLimit{r: skipBOM(r), max: MaxArticleBytes + 64<<10}
	cr := csv.NewReader(limit)
	cr.Comma = comma
	cr.FieldsPerRecord = -1
	cr.ReuseRecord = true
	header, err := cr.Read()
	if err == io.EOF {
		return fmt.Errorf("%s: %w", path, ErrEmpty)
	}
	if err != nil {
		return fmt.Errorf("%s: header: %w", path, err)
	}
	header = append([]string(nil), header...)
	if slices.Equal(header, LinkGraphHeader) {
		return fmt.Errorf("%s: %w", path, ErrLinkGraph)
	}
	fields := resolveColumns(header, cols)
	if fields["title"] == "" && fields["body"] == "" {
		return fmt.Errorf("%s: no title or body column in header %q", path, header)
	}
	index := make(map[string]int, len(header))
	for i, h := range header {
		index[h] = i
	}
	var errs recordErrors
	for n := 1; ; n++ {
		limit.reset()
		row, err := cr.Read()
		if err == io.EOF {
			break
		}
		origin := Origin{Path: path, Record: n}
		if errors.Is(err, errRecordTooLarge) {
			// a quoted field may hold any byte: the next record cannot be
			// found without reading this one, so the file ends here
			errs.add(fmt.Errorf("%s: %w; the rest of the file was not read", origin, errRecordTooLarge))
			break
		}
		if err != nil {
			errs.add(fmt.Errorf("%s: %w", origin, err))
			continue
		}
		if len(row) != len(header) {
			errs.add(fmt.Errorf("%s: row has %d fields, header has %d", origin, len(row), len(header)))
			continue
		}
		get := func(field string) string {
			if col, ok := fields[field]; ok {
				return row[index[col]]
			}
			return ""
		}
		a, err := articleFromRecord(get, origin)
		if err != nil {
			errs.add(err)
			continue
		}
		if err := emit(a); err != nil {
			return err
		}
	}
	return errs.err()
}

// ParseJSONLines reads a JSON Lines dataset, one object per line. A line that
// is not a JSON object is reported as path#line and the rest are still read.
func ParseJSONLines(r io.Reader, path string, cols Columns) ([]Article, error) {
	return collect(func(emit func(Article) error) error { return ParseJSONLinesEach(r, path, cols, emit) })
}

// ParseJSONLinesEach reads a JSON Lines dataset line by line, calling emit
// with each record's article as ParseJSONLines would return it; memory does
// not grow with the file.
func ParseJSONLinesEach(r io.Reader, path string, cols Columns, emit func(Article) error) error {
	br := bufio.NewReaderSize(skipBOM(r), 64<<10)
	emitted := 0
	var errs recordErrors
	for n := 1; ; n++ {
		line, tooLong, readErr := readLine(br, MaxArticleBytes+64<<10)
		if readErr != nil && readErr != io.EOF {
			return fmt.Errorf("%s: read: %w", path, readErr)
		}
		if tooLong {
			errs.add(fmt.Errorf("%s: %w", Origin{Path: path, Record: n}, errRecordTooLarge))
		} else if len(bytes.TrimSpace(line)) > 0 {
			origin := Origin{Path: path, Record: n}
			var obj map[string]any
			if err := decodeJSON(line, &obj); err != nil {
				errs.add(fmt.Errorf("%s: invalid JSON: %w", origin, err))
			} else if a, err := articleFromObject(obj, origin, cols); err != nil {
				errs.add(err)
			} else if err := emit(a); err != nil {
				return err
			} else {
				emitted++
			}
		}
		if readErr == io.EOF {
			break
		}
	}
	if emitted == 0 && len(errs.errs) == 0 {
		return fmt.Errorf("%s: %w", path, ErrEmpty)
	}
	return errs.err()
}

// readLine reads one line of at most limit bytes. A longer line is read
// through to its end without being kept, and reported as tooLong.
func readLine(br *bufio.Reader, limit int) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > limit {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err != bufio.ErrBufferFull {
			return line, tooLong, err
		}
	}
}

// recordLimit is a reader that fails once more than max bytes were read
// since the last reset: it bounds the memory one CSV record can take.
type recordLimit struct {
	r    io.Reader
	max  int
	read int
}

func (l *recordLimit) reset() { l.read = 0 }

func (l *recordLimit) Read(p []byte) (int, error) {
	if l.read > l.max {
		return 0, errRecordTooLarge
	}
	n, err := l.r.Read(p)
	l.read += n
	return n, err
}

// collect gathers what a streaming parser emits.
func collect(parse func(emit func(Article) error) error) ([]Article, error) {
	var out []Article
	err := parse(func(a Article) error {
		out = append(out, a)
		return nil
	})
	return out, err
}

// ParseJSON reads a JSON dataset: an array of objects, or an object holding
// such an array (under "articles", "data", "items" or any other key).
func ParseJSON(r io.Reader, path string, cols Columns) ([]Article, error) {
	data, err := io.ReadAll(io.LimitReader(skipBOM(r), MaxDatasetBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: read: %w", path, err)
	}
	if len(data) > MaxDatasetBytes {
		return nil, fmt.Errorf("%s: larger than the %d MiB limit for a JSON document", path, MaxDatasetBytes>>20)
	}
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("%s: %w", path, ErrEmpty)
	}
	var doc any
	if err := decodeJSON(data, &doc); err != nil {
		return nil, fmt.Errorf("%s: invalid JSON: %w", path, err)
	}
	items, ok := recordArray(doc)
	if !ok {
		return nil, fmt.Errorf("%s: no array of article records in the JSON", path)
	}
	var out []Article
	var errs recordErrors
	for i, item := range items {
		origin := Origin{Path: path, Record: i + 1}
		obj, ok := item.(map[string]any)
		if !ok {
			errs.add(fmt.Errorf("%s: record is %T, not an object", origin, item))
			continue
		}
		a, err := articleFromObject(obj, origin, cols)
		if err != nil {
			errs.add(err)
			continue
		}
		out = append(out, a)
	}
	return out, errs.err()
}

// recordArray finds the records of a JSON dataset.
func recordArray(doc any) ([]any, bool) {
	switch v := doc.(type) {
	case []any:
		return v, true
	case map[string]any:
		for _, key := range []string{"articles", "data", "items", "records", "news", "berita", "results"} {
			if arr, ok := v[key].([]any); ok {
				return arr, true
			}
		}
		keys := make([]string, 0, len(v))
		for k := range v {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			if arr, ok := v[k].([]any); ok {
				return arr, true
			}
		}
	}
	return nil, false
}

func decodeJSON(data []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	if err := dec.Decode(v); err != nil {
		return err
	}
	if dec.More() {
		return errors.New("trailing data after the JSON value")
	}
	return nil
}

// articleFromObject builds an article from one JSON record.
func articleFromObject(obj map[string]any, origin Origin, cols Columns) (Article, error) {
	names := make([]string, 0, len(obj))
	for k := range obj {
		names = append(names, k)
	}
	sort.Strings(names)
	fields := resolveColumns(names, cols)
	get := func(field string) string {
		col, ok := fields[field]
		if !ok {
			return ""
		}
		return jsonString(obj[col])
	}
	return articleFromRecord(get, origin)
}

// jsonString renders a JSON value as text; lists become "a, b".
func jsonString(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return x
	case json.Number:
		return x.String()
	case bool:
		return fmt.Sprint(x)
	case []any:
		parts := make([]string, 0, len(x))
		for _, e := range x {
			if s := jsonString(e); s != "" {
				parts = append(parts, s)
			}
		}
		return strings.Join(parts, ", ")
	case map[string]any:
		for _, k := range []string{"name", "title", "nama"} {
			if s, ok := x[k].(string); ok {
				return s
			}
		}
	}
	return ""
}

// skipBOM drops a UTF-8 byte-order mark at the start of r.
func skipBOM(r io.Reader) io.Reader {
	br := bufio.NewReader(r)
	if b, err := br.Peek(3); err == nil && string(b) == "\ufeff" {
		_, _ = br.Discard(3)
	}
	return br
}
