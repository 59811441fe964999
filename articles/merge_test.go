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
