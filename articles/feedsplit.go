package articles

import (
	"bufio"
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
)

// entrySplitter cuts a feed into its head (everything before the first
// entry: the root element and the channel's own fields) and its entries
// (<entry> for Atom, <item> for RSS and RDF), one at a time, without
// parsing the XML. Comments and CDATA sections are stepped over whole, so a
// tag inside them never cuts an entry. Each entry can then be parsed as a
// small feed of its own: head, entry, and the closing tags the head opened.
type entrySplitter struct {
	br      *bufio.Reader
	buf     []byte
	head    []byte
	closers []byte
	name    []byte // the entry element's name, once known
	started bool   // the head is complete
	inEntry bool
	tooBig  bool // the current entry passed the limit: skipped, not kept
	limit   int
}

// errEntryTooLarge reports a single entry over the article size limit.
var errEntryTooLarge = fmt.Errorf("entry larger than the %d MiB limit for one article", MaxArticleBytes>>20)

func newEntrySplitter(r io.Reader) *entrySplitter {
	return &entrySplitter{br: bufio.NewReaderSize(r, 256<<10), limit: MaxArticleBytes}
}

// keeping reports whether the bytes being read belong to the head or to an
// entry that is kept.
func (s *entrySplitter) keeping() bool { return !s.started || s.inEntry && !s.tooBig }

// keep appends read bytes when they are kept, and stops keeping an entry
// that passes the limit.
func (s *entrySplitter) keep(b []byte) error {
	if !s.keeping() {
		return nil
	}
	s.buf = append(s.buf, b...)
	if len(s.buf) <= s.limit {
		return nil
	}
	if !s.started {
		return fmt.Errorf("no feed entry in the first %d MiB", s.limit>>20)
	}
	s.tooBig, s.buf = true, s.buf[:0]
	return nil
}

// next returns the next entry's bytes (valid until the following call), or
// io.EOF after the last one. The head is known after the first call. An
// entry over the limit is read past and reported as errEntryTooLarge.
func (s *entrySplitter) next() ([]byte, error) {
	s.inEntry, s.tooBig = false, false
	if s.started {
		s.buf = s.buf[:0]
	}
	for {
		chunk, err := s.br.ReadSlice('<')
		if kerr := s.keep(chunk); kerr != nil {
			return nil, kerr
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == io.EOF {
			if !s.started {
				s.finishHead(len(s.buf))
			}
			if s.inEntry {
				return nil, errors.New("feed ends inside an entry")
			}
			return nil, io.EOF
		}
		if err != nil {
			return nil, fmt.Errorf("read: %w", err)
		}
		peek, _ := s.br.Peek(16)
		switch {
		case bytes.HasPrefix(peek, []byte("!--")):
			err = s.copyThrough([]byte("-->"))
		case bytes.HasPrefix(peek, []byte("![CDATA[")):
			err = s.copyThrough([]byte("]]>"))
		case !s.inEntry && s.isEntryStart(peek):
			if !s.started {
				s.finishHead(len(s.buf) - 1)
			}
			s.inEntry, s.buf = true, append(s.buf[:0], '<')
			if err := s.copyThrough([]byte(">")); err != nil {
				return nil, err
			}
			if bytes.HasSuffix(s.buf, []byte("/>")) {
				return s.buf, nil
			}
		case s.inEntry && s.isEntryEnd(peek):
			if err := s.copyThrough([]byte(">")); err != nil {
				return nil, err
			}
			if s.tooBig {
				return nil, errEntryTooLarge
			}
			return s.buf, nil
		}
		if err != nil {
			return nil, err
		}
	}
}

// copyThrough reads up to and including end, keeping it when the bytes are
// kept.
func (s *entrySplitter) copyThrough(end []byte) error {
	last := end[len(end)-1]
	var window []byte // the last bytes read, to see end when not keeping
	for {
		chunk, err := s.br.ReadSlice(last)
		if kerr := s.keep(chunk); kerr != nil {
			return kerr
		}
		window = append(window, chunk...)
		if len(window) > len(end) {
			window = append(window[:0], window[len(window)-len(end):]...)
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err != nil {
			return errors.New("unexpected end of feed")
		}
		if bytes.HasSuffix(window, end) {
			return nil
		}
	}
}

// isEntryStart reports whether the tag after '<' opens an entry; the first
// <entry> or <item> seen fixes which name entries have.
func (s *entrySplitter) isEntryStart(peek []byte) bool {
	for _, name := range [][]byte{[]byte("entry"), []byte("item")} {
		if s.name != nil && !bytes.Equal(name, s.name) {
			continue
		}
		if bytes.HasPrefix(peek, name) && len(peek) > len(name) && isTagNameEnd(peek[len(name)]) {
			s.name = name
			return true
		}
	}
	return false
}

func (s *entrySplitter) isEntryEnd(peek []byte) bool {
	return len(peek) > len(s.name)+1 && peek[0] == '/' && bytes.HasPrefix(peek[1:], s.name) && isTagNameEnd(peek[1+len(s.name)])
}

func isTagNameEnd(c byte) bool {
	return c == '>' || c == '/' || c == ' ' || c == '\t' || c == '\n' || c == '\r'
}

// finishHead keeps buf[:n] as the head and works out the closing tags it
// leaves open.
func (s *entrySplitter) finishHead(n int) {
	s.started = true
	s.head = append([]byte(nil), s.buf[:n]...)
	s.closers = closingTags(s.head)
}

// closingTags returns the end tags of the elements a document prefix leaves
// open, innermost first.
func closingTags(prefix []byte) []byte {
	dec := xml.NewDecoder(bytes.NewReader(prefix))
	dec.Strict = false
	var open []xml.Name
	for {
		tok, err := dec.RawToken()
		if err != nil {
			break
		}
		switch t := tok.(type) {
		case xml.StartElement:
			open = append(open, t.Name)
		case xml.EndElement:
			if len(open) > 0 {
				open = open[:len(open)-1]
			}
		}
	}
	var b bytes.Buffer
	for i := len(open) - 1; i >= 0; i-- {
		b.WriteString("</")
		if open[i].Space != "" {
			b.WriteString(open[i].Space + ":")
		}
		b.WriteString(open[i].Local + ">")
	}
	return b.Bytes()
}

// document wraps one entry as a feed of its own.
func (s *entrySplitter) document(entry []byte) []byte {
	doc := make([]byte, 0, len(s.head)+len(entry)+len(s.closers))
	return append(append(append(doc, s.head...), entry...), s.closers...)
}
