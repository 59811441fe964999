package store

import (
	"bytes"
	"database/sql/driver"
	"errors"
	"fmt"
	"io"
	"sync"

	"github.com/klauspost/compress/flate"
	"modernc.org/sqlite"
)

// Article bodies are stored packed in the bodies table (migration 16): a
// tag byte, then the text as is (packedPlain) or as raw DEFLATE at its
// fastest level (packedDeflate). News text packs to about a third of its
// size, and the articles table keeps only the small columns a listing reads.
// The DEFLATE is klauspost/compress's: the same format as the standard
// library's, at the same ratio, packed 2.4 times and unpacked 1.5 times as
// fast (a scratch program on 5,000 articles of the benchmark corpus), which
// an import of 100,000 articles spent about 6 s of its parse workers' time
// on.
const (
	packedPlain   byte = 0
	packedDeflate byte = 1

	// packMinBytes is the shortest body worth deflating: below it the
	// saving does not pay for the block header and the time.
	packMinBytes = 200
)

// errDamagedBody is a packed body that cannot be read back.
var errDamagedBody = errors.New("damaged body")

// deflaters keeps a few DEFLATE writers (about 700 KB each) between
// bodies. Not a sync.Pool: the collector empties those, and an import
// collects often (importGCPercent), so writers were made again and again.
var deflaters = make(chan *flate.Writer, 8)

// deflater returns a kept DEFLATE writer or a new one.
func deflater() *flate.Writer {
	select {
	case w := <-deflaters:
		return w
	default:
		w, _ := flate.NewWriter(nil, flate.BestSpeed) // BestSpeed is a valid level: no error
		return w
	}
}

// keepDeflater keeps w for the next body, unless enough are kept.
func keepDeflater(w *flate.Writer) {
	select {
	case deflaters <- w:
	default:
	}
}

var (
	inflaters   = sync.Pool{New: func() any { return flate.NewReader(nil) }}
	packBuffers = sync.Pool{New: func() any { return new(bytes.Buffer) }}
)

// packBody packs an article body for the bodies table.
func packBody(body string) []byte {
	if len(body) >= packMinBytes {
		buf := packBuffers.Get().(*bytes.Buffer)
		defer packBuffers.Put(buf)
		buf.Reset()
		buf.WriteByte(packedDeflate)
		w := deflater()
		w.Reset(buf)
		_, werr := io.WriteString(w, body) // writes to a bytes.Buffer do not fail
		cerr := w.Close()
		keepDeflater(w)
		if werr == nil && cerr == nil && buf.Len() < len(body)+1 {
			// a copy of its size: an import holds thousands of them
			return bytes.Clone(buf.Bytes())
		}
	}
	out := make([]byte, 1+len(body))
	out[0] = packedPlain
	copy(out[1:], body)
	return out
}

// unpackBody reads back a body packBody packed. An empty value is an empty
// body.
func unpackBody(packed []byte) (string, error) {
	if len(packed) == 0 {
		return "", nil
	}
	switch packed[0] {
	case packedPlain:
		return string(packed[1:]), nil
	case packedDeflate:
		r := inflaters.Get().(io.ReadCloser)
		defer inflaters.Put(r)
		if err := r.(flate.Resetter).Reset(bytes.NewReader(packed[1:]), nil); err != nil {
			return "", fmt.Errorf("%w: %v", errDamagedBody, err)
		}
		var out bytes.Buffer
		out.Grow(3 * len(packed))
		if _, err := out.ReadFrom(r); err != nil {
			return "", fmt.Errorf("%w: %v", errDamagedBody, err)
		}
		return out.String(), nil
	}
	return "", fmt.Errorf("%w: unknown packing %d", errDamagedBody, packed[0])
}

// The library's SQL can pack and unpack bodies too: kabar_text(packed) is
// the text (the full-text index's delete trigger and the statements that
// index stored articles read it), kabar_pack(text) packs (migration 16).
func init() {
	sqlite.MustRegisterDeterministicScalarFunction("kabar_text", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch v := args[0].(type) {
		case nil:
			return "", nil
		case []byte:
			return unpackBody(v)
		case string:
			return unpackBody([]byte(v))
		}
		return nil, fmt.Errorf("kabar_text: %w: a %T", errDamagedBody, args[0])
	})
	sqlite.MustRegisterDeterministicScalarFunction("kabar_pack", 1, func(_ *sqlite.FunctionContext, args []driver.Value) (driver.Value, error) {
		switch v := args[0].(type) {
		case nil:
			return packBody(""), nil
		case []byte:
			return packBody(string(v)), nil
		case string:
			return packBody(v), nil
		}
		return nil, fmt.Errorf("kabar_pack: cannot pack a %T", args[0])
	})
}
