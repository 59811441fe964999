// Package synth generates deterministic synthetic news articles in the shape
// of scraped Indonesian plain-text news: a title line, an outlet dateline, a
// date, paragraphs, a "Baca juga:" block naming other generated articles, and
// a credits footer. Benchmarks and the 100,000-article library use it.
package synth

import (
	"bufio"
	"encoding/xml"
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
	"time"
)

var (
	subjects = []string{"Pemerintah", "Warga", "Petani", "Nelayan", "Pedagang", "Mahasiswa", "Guru", "Dokter", "Polisi", "Relawan", "Buruh", "Seniman", "Atlet", "Pengusaha", "Peneliti", "Bupati", "Gubernur", "Menteri", "Wali Kota", "Komunitas"}
	verbs    = []string{"Resmikan", "Tolak", "Dukung", "Bangun", "Buka", "Tutup", "Perbaiki", "Kembangkan", "Rayakan", "Tinjau", "Bahas", "Luncurkan", "Tanam", "Bersihkan", "Umumkan", "Tunda"}
	objects  = []string{"Pasar", "Jembatan", "Sekolah", "Rumah Sakit", "Taman", "Jalan Tol", "Pelabuhan", "Bendungan", "Festival", "Museum", "Terminal", "Perpustakaan", "Stadion", "Kebun Raya", "Irigasi", "Gedung Baru"}
	places   = []string{"Malang", "Medan", "Makassar", "Padang", "Pontianak", "Ambon", "Kupang", "Jayapura", "Palu", "Bandung", "Semarang", "Surabaya", "Denpasar", "Mataram", "Manado", "Jambi", "Bengkulu", "Kendari", "Ternate", "Sorong"}
	outlets  = []string{"Kabarku", "WARTANUSA.com", "Suara Lereng", "Harian Pesisir", "Kabar Priangan", "Berita Timur"}
	months   = []string{"Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"}
	words    = strings.Fields("warga mengatakan bahwa kegiatan tersebut akan terus berlanjut hingga akhir tahun dengan dukungan pemerintah daerah dan pihak swasta yang terlibat dalam pembangunan sarana umum di kawasan itu menurut keterangan resmi yang disampaikan kepada wartawan pada pekan lalu sementara sebagian masyarakat berharap ada perhatian lebih untuk desa terpencil serta anggaran yang cukup bagi perawatan")
)

// Title returns the headline of generated article i; titles are unique for
// every i below 20·16·16·20·10⁴.
func Title(i int) string {
	r := rand.New(rand.NewPCG(uint64(i), 7))
	return fmt.Sprintf("%s %s %s %s Tahap %d", subjects[r.IntN(len(subjects))], verbs[r.IntN(len(verbs))],
		objects[r.IntN(len(objects))], places[r.IntN(len(places))], i)
}

// Text returns generated article i as plain text of about size bytes. Its
// "Baca juga:" block names articles i-1 and i/2 (when they exist), so a
// library of generated articles is densely linked.
func Text(i, size int) string {
	r := rand.New(rand.NewPCG(uint64(i), 11))
	var b strings.Builder
	b.Grow(size + 512)
	b.WriteString(Title(i))
	b.WriteString("\n")
	fmt.Fprintf(&b, "%s - ", outlets[i%len(outlets)])
	day, month, year := 1+i%28, months[(i/28)%12], 2015+(i/336)%11
	paragraph(&b, r, 40)
	fmt.Fprintf(&b, " Hal itu disampaikan pada Rabu (%d/%d/%d).\n", day, 1+(i/28)%12, year)
	_ = month
	half := size / 2
	for b.Len() < half {
		paragraph(&b, r, 30+r.IntN(40))
		b.WriteString("\n")
	}
	if i > 0 {
		b.WriteString("Baca juga:\n")
		b.WriteString(Title(i - 1))
		b.WriteString("\n")
		b.WriteString(Title(i / 2))
		b.WriteString("\n")
	}
	for b.Len() < size {
		paragraph(&b, r, 30+r.IntN(40))
		b.WriteString("\n")
	}
	fmt.Fprintf(&b, "- Penulis :\n- Penulis %d\n- Editor :\n- Editor %d\n", i%97, i%13)
	return b.String()
}

func paragraph(b *strings.Builder, r *rand.Rand, n int) {
	start := true
	for k := 0; k < n; k++ {
		w := words[r.IntN(len(words))]
		if start {
			w = strings.ToUpper(w[:1]) + w[1:]
			start = false
		} else {
			b.WriteByte(' ')
		}
		b.WriteString(w)
		if k%12 == 11 || k == n-1 {
			b.WriteByte('.')
			start = true
		}
	}
}

// FeedURL is the address of generated article i in generated feeds.
func FeedURL(i int) string { return fmt.Sprintf("https://kabar.example/berita/%d", i) }

// WriteAtomFeed writes an Atom feed of n generated entries of about size
// bytes of HTML each, in the shape of a big news feed: every entry after the
// first names one to three earlier entries in "Baca juga" lines, linked by
// URL (an anchor) and by title alone.
func WriteAtomFeed(w io.Writer, n, size int) error {
	bw := bufio.NewWriterSize(w, 1<<20)
	fmt.Fprintf(bw, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\">\n"+
		"<title>Kabar Sintetis</title>\n<id>https://kabar.example/</id>\n<updated>2025-06-30T00:00:00Z</updated>\n")
	var body strings.Builder
	for i := range n {
		body.Reset()
		entryHTML(&body, i, size)
		day := time.Date(2015, 1, 1, 8, 0, 0, 0, time.UTC).Add(time.Duration(i) * 37 * time.Minute)
		fmt.Fprintf(bw, "<entry>\n<title>%s</title>\n<link href=\"%s\"/>\n<id>%s</id>\n<updated>%s</updated>\n"+
			"<author><name>Penulis %d</name></author>\n<content type=\"html\">", Title(i), FeedURL(i), FeedURL(i),
			day.Format(time.RFC3339), i%97)
		if err := xml.EscapeText(bw, []byte(body.String())); err != nil {
			return fmt.Errorf("synth: feed entry %d: %w", i, err)
		}
		bw.WriteString("</content>\n</entry>\n")
	}
	bw.WriteString("</feed>\n")
	return bw.Flush()
}

// entryHTML writes generated entry i's HTML: paragraphs, and after the first
// third, its related links (i-1 by URL and title, i/2 by title, i/3 by URL).
func entryHTML(b *strings.Builder, i, size int) {
	r := rand.New(rand.NewPCG(uint64(i), 13))
	third := size / 3
	for b.Len() < third {
		b.WriteString("<p>")
		paragraph(b, r, 30+r.IntN(40))
		b.WriteString("</p>\n")
	}
	if i > 0 {
		fmt.Fprintf(b, "<p>Baca juga: <a href=\"%s\">%s</a></p>\n", FeedURL(i-1), Title(i-1))
	}
	if i > 1 && i%2 == 0 {
		fmt.Fprintf(b, "<p>Baca juga: %s</p>\n", Title(i/2))
	}
	if i > 2 && i%3 == 0 {
		fmt.Fprintf(b, "<p><strong>Baca juga:</strong> <a href=\"%s\">%s</a></p>\n", FeedURL(i/3), Title(i/3))
	}
	for b.Len() < size {
		b.WriteString("<p>")
		paragraph(b, r, 30+r.IntN(40))
		b.WriteString("</p>\n")
	}
}
