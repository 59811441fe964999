package articles

import (
	"slices"
	"testing"
	"time"
)

func TestMergeVersions(t *testing.T) {
	day := time.Date(2025, 6, 10, 9, 0, 0, 0, time.UTC)
	full := Article{Title: "Judul", Body: "Paragraf satu lengkap.\n\nParagraf dua lengkap sampai akhir.", Authors: []string{"Sari"}}
	teaser := Article{Title: "Judul", Body: "Paragraf satu lengkap.\n\nParagraf dua lengkap…", Published: day, Source: "Kabarku"}
	edited := Article{Title: "Judul", Body: "Teks lain sama sekali yang lebih panjang dari semua versi lainnya di sini."}
	for _, c := range []struct {
		name     string
		a, b     Article
		wantBody string
	}{
		{"teaser first", teaser, full, full.Body},
		{"full first", full, teaser, full.Body},
		{"two different bodies: the longer", full, edited, edited.Body},
		{"escaped markdown compares equal", Article{Body: `1\. Satu dua tiga.`}, Article{Body: "1. Satu dua"}, `1\. Satu dua tiga.`},
	} {
		t.Run(c.name, func(t *testing.T) {
			m, n := MergeVersions(c.a, c.b), MergeVersions(c.b, c.a)
			if m.Body != c.wantBody || n.Body != c.wantBody {
				t.Errorf("bodies %q / %q, want %q", m.Body, n.Body, c.wantBody)
			}
			if !m.Published.Equal(n.Published) || m.Source != n.Source || !slices.Equal(m.Authors, n.Authors) {
				t.Errorf("metadata depends on the order: %+v / %+v", m, n)
			}
		})
	}
	m := MergeVersions(teaser, full)
	if !m.Published.Equal(day) || m.Source != "Kabarku" || !slices.Equal(m.Authors, []string{"Sari"}) {
		t.Errorf("merged metadata %+v, want the teaser's date and outlet and the full text's author", m)
	}
}

// FuzzMergeVersions: merging two versions keeps one of their bodies, never a
// body that is a part of the other, the metadata either one has, and gives
// the same article in either order.
func FuzzMergeVersions(f *testing.F) {
	f.Add("Paragraf satu.\n\nParagraf dua…", "Paragraf satu.\n\nParagraf dua lengkap.", "Judul", "Judul lain", int64(0), int64(1749546000))
	f.Add("a\n\nb", "b\n\na", "", "x", int64(5), int64(7))
	f.Add("sama", "sama", "Satu", "Dua", int64(1), int64(2))
	f.Fuzz(func(t *testing.T, bodyA, bodyB, titleA, titleB string, dateA, dateB int64) {
		a := Article{Title: titleA, Body: bodyA, Source: titleB, Authors: []string{titleA}}
		b := Article{Title: titleB, Body: bodyB, Source: titleA}
		if dateA != 0 {
			a.Published = time.Unix(dateA%1e10, 0).UTC()
		}
		if dateB != 0 {
			b.Published = time.Unix(dateB%1e10, 0).UTC()
		}
		m, n := MergeVersions(a, b), MergeVersions(b, a)
		if m.Body != n.Body || m.Title != n.Title || m.Source != n.Source || !m.Published.Equal(n.Published) || !slices.Equal(m.Authors, n.Authors) {
			t.Fatalf("order matters:\n%+v\n%+v", m, n)
		}
		if m.Body != a.Body && m.Body != b.Body {
			t.Fatalf("kept body %q is neither version", m.Body)
		}
		if other := map[bool]string{true: b.Body, false: a.Body}[m.Body == a.Body]; comparable(m.Body) != comparable(other) &&
			isPartOf(comparable(m.Body), comparable(other)) && !isPartOf(comparable(other), comparable(m.Body)) {
			t.Fatalf("kept %q, a part of %q", m.Body, other)
		}
		if m.Published.IsZero() && (dateA != 0 || dateB != 0) {
			t.Fatal("a version's date was dropped")
		}
	})
}
