package store

import (
	"bytes"
	stdflate "compress/flate"
	"context"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestBodiesPackAndUnpack: every body reads back as written; a long one is
// stored deflated and smaller, a short one as it is.
func TestBodiesPackAndUnpack(t *testing.T) {
	long := strings.Repeat(seedShape, 3)
	for _, tc := range []struct {
		name, body string
		packing    byte
	}{
		{"empty", "", packedPlain},
		{"short", "Jakarta - Singkat saja.", packedPlain},
		{"seed shape", seedShape, packedDeflate},
		{"long", long, packedDeflate},
		{"every script", "Україна Αθήνα أخبار חדשות दिल्ली சென்னை 東京 서울 🦊 " + strings.Repeat("berita ", 50), packedDeflate},
		{"random bytes", randomBytes(300), packedPlain},
	} {
		t.Run(tc.name, func(t *testing.T) {
			packed := packBody(tc.body)
			if packed[0] != tc.packing {
				t.Errorf("packing %d, want %d", packed[0], tc.packing)
			}
			if tc.packing == packedDeflate && len(packed) >= len(tc.body) {
				t.Errorf("deflated to %d bytes from %d", len(packed), len(tc.body))
			}
			got, err := unpackBody(packed)
			if err != nil || got != tc.body {
				t.Fatalf("unpacked %d bytes (%v), want the %d written", len(got), err, len(tc.body))
			}
		})
	}
}

// TestPackedBodiesAreStandardDeflate: the packing is plain raw DEFLATE both
// ways, so bodies packed by earlier versions (the standard library's
// compress/flate) read back, and what is packed now reads with any inflater.
func TestPackedBodiesAreStandardDeflate(t *testing.T) {
	for _, body := range []string{seedShape, strings.Repeat(seedShape, 5), "Україна Αθήνα أخبار 東京 서울 " + strings.Repeat("berita banjir ", 40)} {
		packed := packBody(body)
		if packed[0] != packedDeflate {
			t.Fatalf("a %d-byte body stored with packing %d", len(body), packed[0])
		}
		text, err := io.ReadAll(stdflate.NewReader(bytes.NewReader(packed[1:])))
		if err != nil || string(text) != body {
			t.Errorf("the standard inflater read %d bytes (%v) of a %d-byte body", len(text), err, len(body))
		}
		var old bytes.Buffer
		old.WriteByte(packedDeflate)
		w, err := stdflate.NewWriter(&old, stdflate.BestSpeed)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.WriteString(w, body); err != nil {
			t.Fatal(err)
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		if got, err := unpackBody(old.Bytes()); err != nil || got != body {
			t.Errorf("a body packed by the standard library unpacked to %d bytes (%v), want %d", len(got), err, len(body))
		}
	}
}

// TestDamagedBodyIsAnError: a packed body that cannot be read gives an error
// naming the damage, never a wrong text or a panic.
func TestDamagedBodyIsAnError(t *testing.T) {
	packed := packBody(seedShape)
	for name, bad := range map[string][]byte{
		"cut short":       packed[:len(packed)/2],
		"unknown packing": append([]byte{7}, packed[1:]...),
		"garbage":         {packedDeflate, 0xff, 0xff, 0xff, 0xff},
	} {
		if got, err := unpackBody(bad); !errors.Is(err, errDamagedBody) {
			t.Errorf("%s: %d bytes, %v; want errDamagedBody", name, len(got), err)
		}
	}
}

// FuzzPackedBody: any text packs and reads back; any bytes unpack without a
// panic.
func FuzzPackedBody(f *testing.F) {
	f.Add(seedShape)
	f.Add("")
	f.Add(strings.Repeat("Baca juga: ", 40))
	f.Fuzz(func(t *testing.T, body string) {
		got, err := unpackBody(packBody(body))
		if err != nil || got != body {
			t.Fatalf("round trip of %q: %q, %v", body, got, err)
		}
		_, _ = unpackBody([]byte(body)) // arbitrary stored bytes: an error at most
	})
}

// TestMigrationPacksBodies: a library of version 15 opens with its bodies
// packed in their own table, read back whole, still found, indexed and
// deleted as before, and the file shrinks (the freed pages are compacted).
func TestMigrationPacksBodies(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := openVersion(path, 15)
	if err != nil {
		t.Fatal(err)
	}
	const n = 300
	body := func(i int) string {
		return fmt.Sprintf("Jakarta - Berita nomor %d. %s", i, strings.Repeat(seedShape, 3))
	}
	for i := range n {
		if _, err := old.db.Exec(`INSERT INTO articles (key, content_hash, title, norm_title, sort_key, body, origin, imported)
			VALUES (?, ?, ?, ?, ?, ?, ?, 1)`, fmt.Sprintf("origin:%d", i), fmt.Sprint(i), fmt.Sprintf("Berita %d", i),
			fmt.Sprintf("berita %d", i), i, body(i), fmt.Sprint(i)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := old.db.Exec(`INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles;
		UPDATE counters SET n = ? WHERE name = 'articles'`, n); err != nil {
		t.Fatal(err)
	}
	old.Close()
	before := fileSize(t, path)

	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if after := fileSize(t, path); after*2 > before {
		t.Errorf("library %d KB after the migration, %d KB before: not packed or not compacted", after>>10, before>>10)
	}
	for _, id := range []int64{1, n / 2, n} {
		a, err := s.Article(ctx, id)
		if err != nil || a.Body != body(int(id-1)) || !utf8.ValidString(a.Body) {
			t.Fatalf("article %d after the migration: %d bytes of body, %v", id, len(a.Body), err)
		}
	}
	assertHits(t, s, "lapak", n)
	if _, err := s.Delete(ctx, 1, 2); err != nil {
		t.Fatal(err)
	}
	assertHits(t, s, "lapak", n-2)
	assertIndexMatchesArticles(t, s)
	var bodies int
	if err := s.db.QueryRow(`SELECT count(*) FROM bodies`).Scan(&bodies); err != nil || bodies != n-2 {
		t.Fatalf("%d bodies stored for %d articles, %v", bodies, n-2, err)
	}
}

// randomBytes is n bytes that deflate cannot shrink.
func randomBytes(n int) string {
	b := make([]byte, n)
	next := xorshift(88172645)
	for i := range b {
		b[i] = byte(next() >> 24)
	}
	return string(b)
}

// xorshift returns a generator of pseudo-random numbers from seed (not 0):
// the same seed gives the same test text every run.
func xorshift(seed uint32) func() uint32 {
	x := seed
	return func() uint32 {
		x ^= x << 13
		x ^= x >> 17
		x ^= x << 5
		return x
	}
}
