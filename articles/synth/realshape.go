package synth

import (
	"encoding/csv"
	"fmt"
	"html"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// RealShape is a generated multi-outlet corpus in the shapes real scrapers
// produce, with everything a lossless import must keep written down: every
// article's body sentences and every related link it names.
type RealShape struct {
	Articles []ShapeArticle
}

// ShapeArticle is one generated article and what must survive its import.
type ShapeArticle struct {
	Title     string
	URL       string // empty for text files, which carry none
	Sentences []string
	// Links are the titles of the articles this one names in related lines;
	// each must resolve to that article.
	Links []string
	// Teaser reports that a second dataset holds a shortened copy under the
	// same URL; the full text must win.
	Teaser bool
}

// The shapes articles take; shapeOf(i) picks one.
const (
	shapeGluedMarker  = iota // "…kalimat.Baca juga: Judul "Kutipan," ujar dia.Menurutnya, …" (or "Kepala Desa Palu mengatakan …")
	shapeTitleBlock          // "Baca juga:" / one title / a paragraph with no final punctuation
	shapeGluedParas          // paragraphs glued without a newline
	shapeInlineMarker        // "Baca juga: Judul" on a line of its own, then prose
	shapeCount
)

var (
	shapeNames   = []string{"Warga", "Petani", "Nelayan", "Pedagang", "Guru", "Siswa", "Bupati", "Polisi", "Relawan", "Perajin"}
	shapeVerbs   = []string{"Gelar", "Tanam", "Bangun", "Perbaiki", "Resmikan", "Tinjau", "Bersihkan", "Siapkan"}
	shapeObjects = []string{"Jembatan", "Pasar", "Sekolah", "Sumur", "Pelabuhan", "Bendungan", "Taman", "Irigasi", "Posko", "Balai"}
	shapePlaces  = []string{"Ketapang", "Sleman", "Kendari", "Ternate", "Ambon", "Palu", "Jepara", "Muna", "Sumba", "Tegal", "Bima", "Sampit"}
	shapeWords   = []string{"warga", "desa", "kegiatan", "pemerintah", "bantuan", "anggaran", "tahun", "pekan", "lokasi",
		"petugas", "jalan", "air", "hasil", "rencana", "musim", "harga", "panen", "sekolah", "kota", "wilayah"}
	shapeScripts = []string{"東京", "서울", "Ørsted", "Zürich", "🎉", "Ἀθῆναι"}
	shapeSpeech  = []string{"ujar dia", "kata Budi", "ucap Sari", "tutur kepala desa", "jelasnya"}
)

// GenerateRealShape makes n articles from three outlets. Articles 0 ≤ i < n
// name up to two earlier ones in related lines; every fifth article with a
// URL also has a teaser copy.
func GenerateRealShape(n int) RealShape {
	var c RealShape
	for i := range n {
		r := rand.New(rand.NewPCG(uint64(i), 29))
		a := ShapeArticle{Title: shapeTitle(i)}
		if i%3 != 0 { // a third of the corpus comes as text files, without URL
			a.URL = fmt.Sprintf("https://%s/read/%d/%s", shapeOutlet(i), 100000+i, strings.ToLower(strings.ReplaceAll(a.Title, " ", "-")))
			a.Teaser = i%5 == 1
		}
		for k := range 5 + r.IntN(4) {
			a.Sentences = append(a.Sentences, shapeSentence(r, i, k))
		}
		if i%shapeCount == shapeGluedMarker && i%8 == 0 {
			// the body resumes in Title Case after a glued headline: the
			// parser's cut takes the name into the ref, the stored title
			// gives it back
			a.Sentences[2] = "Kepala Desa " + shapePlaces[i%len(shapePlaces)] + " " + strings.ToLower(a.Sentences[2][:1]) + a.Sentences[2][1:]
		}
		if i > 2 {
			a.Links = append(a.Links, shapeTitle(i-1-r.IntN(min(i-1, 40))))
		}
		if i > 10 && r.IntN(2) == 0 {
			if t := shapeTitle(r.IntN(i - 5)); t != a.Links[0] {
				a.Links = append(a.Links, t)
			}
		}
		c.Articles = append(c.Articles, a)
	}
	return c
}

// shapeTitle is article i's headline: Title Case with lowercase function
// words, unique for every i.
func shapeTitle(i int) string {
	return fmt.Sprintf("%s %s %s %s di %s untuk %d Keluarga",
		shapeNames[i%len(shapeNames)], shapePlaces[(i/10)%len(shapePlaces)], shapeVerbs[(i/120)%len(shapeVerbs)],
		shapeObjects[(i/960)%len(shapeObjects)], shapePlaces[(i/7)%len(shapePlaces)], 10+i)
}

func shapeOutlet(i int) string {
	return []string{"kabarlembah.example", "wartapesisir.example", "harianselatan.example"}[i%3]
}

// shapeSentence is sentence k of article i: sentence case, ending with a
// period, sometimes a quotation, sometimes a word in another script.
func shapeSentence(r *rand.Rand, i, k int) string {
	words := make([]string, 6+r.IntN(8))
	for w := range words {
		words[w] = shapeWords[r.IntN(len(shapeWords))]
	}
	if r.IntN(6) == 0 {
		words[len(words)/2] = shapeScripts[r.IntN(len(shapeScripts))]
	}
	s := strings.Join(words, " ")
	s = strings.ToUpper(s[:1]) + s[1:]
	s = fmt.Sprintf("%s nomor %d-%d", s, i, k) // every sentence is unique in the corpus
	if k > 0 && r.IntN(4) == 0 {
		return fmt.Sprintf("\"%s,\" %s.", s, shapeSpeech[r.IntN(len(shapeSpeech))])
	}
	return s + "."
}

// Body writes article a's text in its shape, with its related lines; teaser
// cuts it short after two sentences.
func (a ShapeArticle) Body(i int, teaser bool) string {
	s := a.Sentences
	if teaser {
		return s[0] + "\n\n" + s[1][:strings.LastIndexByte(s[1][:len(s[1])/2], ' ')] + "..."
	}
	var b strings.Builder
	switch i % shapeCount {
	case shapeGluedMarker:
		b.WriteString(s[0] + " " + s[1])
		for _, l := range a.Links {
			b.WriteString("Baca juga: " + l + " ")
		}
		b.WriteString(s[2] + s[3] + "\n\n")
		b.WriteString(strings.Join(s[4:], "\n\n"))
	case shapeTitleBlock:
		b.WriteString(s[0] + "\n\n" + s[1] + "\n\n")
		if len(a.Links) > 0 {
			b.WriteString("Baca juga:\n\n" + strings.Join(a.Links, "\n\n") + "\n\n")
		}
		// the scraper split a link word onto its own line: no final period
		last := strings.TrimSuffix(s[2], ".")
		cut := strings.LastIndexByte(last, ' ')
		b.WriteString(last[:cut] + "\n\n" + last[cut+1:] + "\n\n.\n\n")
		b.WriteString(strings.Join(s[3:], "\n\n"))
	case shapeGluedParas:
		b.WriteString(strings.Join(s[:3], ""))
		b.WriteString("\n\n")
		for _, l := range a.Links {
			b.WriteString("Baca juga: " + l + "\n\n")
		}
		b.WriteString(strings.Join(s[3:], "\n\n"))
	default:
		b.WriteString(strings.Join(s[:2], "\n\n") + "\n\n")
		for _, l := range a.Links {
			b.WriteString("Baca Juga : " + l + "\n\n")
		}
		b.WriteString(strings.Join(s[2:], "\n\n"))
	}
	return b.String()
}

// Write writes the corpus under dir: articles without a URL as text files
// (title line, outlet dateline), a quarter of the others as entries of an
// Atom feed whose related links carry URLs, the rest split between two CSV
// exports of different scrapers (Indonesian and English column names), and
// the teasers in a third; some text files are saved twice (writeMirror).
func (c RealShape) Write(dir string) error {
	urls := map[string]string{}
	for _, a := range c.Articles {
		urls[a.Title] = a.URL
	}
	var feed strings.Builder
	feed.WriteString(`<?xml version="1.0" encoding="utf-8"?>` + "\n" + `<feed xmlns="http://www.w3.org/2005/Atom"><title>Kabar Lembah</title>` + "\n")
	csvs := map[string][][]string{
		"scraper-a.csv": {{"judul", "isi", "url", "tanggal", "penulis"}},
		"scraper-b.csv": {{"title", "content", "link", "date"}},
		"teasers.csv":   {{"judul", "isi", "url", "tanggal"}},
	}
	for i, a := range c.Articles {
		date := fmt.Sprintf("%d %s 2024 | %02d.%02d WIB", 1+i%28, []string{"Januari", "Februari", "Maret", "April"}[i%4], i%24, i%60)
		switch {
		case a.URL == "":
			text := a.Title + "\n" + shapeOutlet(i) + " - " + a.Body(i, false) + "\n"
			p := filepath.Join(dir, "txt", fmt.Sprintf("%05d.txt", i))
			if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
				return err
			}
			if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
				return err
			}
			if i%mirrorEvery == 0 {
				if err := writeMirror(dir, i, text); err != nil {
					return err
				}
			}
		case i%4 == 3:
			fmt.Fprintf(&feed, "<entry><title>%s</title><link href=\"%s\"/><published>2024-04-%02dT08:00:00+07:00</published><content type=\"html\">%s</content></entry>\n",
				html.EscapeString(a.Title), html.EscapeString(a.URL), 1+i%28, html.EscapeString(a.entryHTML(urls)))
		case i%2 == 0:
			csvs["scraper-a.csv"] = append(csvs["scraper-a.csv"], []string{a.Title, a.Body(i, false), a.URL, date, "Penulis " + fmt.Sprint(i%7)})
		default:
			csvs["scraper-b.csv"] = append(csvs["scraper-b.csv"], []string{a.Title, a.Body(i, false), a.URL, "Tidak Ditemukan"})
		}
		if a.Teaser {
			csvs["teasers.csv"] = append(csvs["teasers.csv"], []string{a.Title, a.Body(i, true), a.URL, date})
		}
	}
	feed.WriteString("</feed>\n")
	if err := os.WriteFile(filepath.Join(dir, "kabar-lembah.atom"), []byte(feed.String()), 0o644); err != nil {
		return err
	}
	for name, rows := range csvs {
		if err := writeCSV(filepath.Join(dir, name), rows); err != nil {
			return err
		}
	}
	return nil
}

// mirrorEvery: every so many text files are saved a second time, byte for
// byte, in a mirror of the scrape directory (another path, so another
// identity); the same content must still be stored once.
const mirrorEvery = 9

// writeMirror writes article i's text file again under dir/mirror.
func writeMirror(dir string, i int, text string) error {
	p := filepath.Join(dir, "mirror", "txt", fmt.Sprintf("%05d.txt", i))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	return os.WriteFile(p, []byte(text), 0o644)
}

// entryHTML is the article as a feed entry's HTML: one paragraph a
// sentence, the related links after the second as anchors to their URLs
// (or bare titles when the article has none).
func (a ShapeArticle) entryHTML(urls map[string]string) string {
	var b strings.Builder
	for k, s := range a.Sentences {
		if k == 2 {
			for _, l := range a.Links {
				if u := urls[l]; u != "" {
					fmt.Fprintf(&b, "<p><strong>Baca juga:</strong> <a href=\"%s\">%s</a></p>", html.EscapeString(u), html.EscapeString(l))
				} else {
					fmt.Fprintf(&b, "<p>Baca juga: %s</p>", html.EscapeString(l))
				}
			}
		}
		fmt.Fprintf(&b, "<p>%s</p>", html.EscapeString(s))
	}
	return b.String()
}

func writeCSV(path string, rows [][]string) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := csv.NewWriter(f)
	if err := w.WriteAll(rows); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}
