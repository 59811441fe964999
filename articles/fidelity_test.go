package articles

import (
	"slices"
	"strings"
	"testing"
)

// TestRefTitlesEndWhereHeadlinesEnd: text glued after a marker's headline
// goes back into the body, in place, and the ref keeps only the headline.
func TestRefTitlesEndWhereHeadlinesEnd(t *testing.T) {
	for _, c := range []struct {
		name  string
		text  string
		refs  []string
		body  []string // each must be in the body
		lacks string
	}{
		{"glued into running text",
			`Penyidik akan menjadwalkannya.Baca juga: Menteri Tinjau Pelabuhan Baru di Ketapang "Kami pastikan jadwalnya aman," ujar dia.Menurutnya, pemeriksaan dilakukan tertutup.`,
			[]string{"Menteri Tinjau Pelabuhan Baru di Ketapang"},
			[]string{"Penyidik akan menjadwalkannya.", `"Kami pastikan jadwalnya aman," ujar dia.`, "Menurutnya, pemeriksaan dilakukan tertutup."}, "Baca"},
		{"sentence starts with a capital",
			"Lead berita ada di sini.\nBaca juga: Harga Cabai di Pasar Besar Malang Turun Jelang Ramadan Para pedagang mengaku omzet naik.",
			[]string{"Harga Cabai di Pasar Besar Malang Turun Jelang Ramadan"}, []string{"Para pedagang mengaku omzet naik."}, "Baca"},
		{"headline ending in a question",
			"Lead berita ada di sini.\nBaca juga: Siapa Pemenang Lomba Perahu? Warga menunggu pengumuman resmi.",
			[]string{"Siapa Pemenang Lomba Perahu?"}, []string{"Warga menunggu pengumuman resmi."}, "Siapa"},
		{"glued after a space",
			"Harga beras naik lagi. Baca juga: Petani Padang Panen Raya Pedagang menyebut stok aman.",
			[]string{"Petani Padang Panen Raya"}, []string{"Harga beras naik lagi.", "Pedagang menyebut stok aman."}, "Baca"},
		{"english headline in sentence case stays whole",
			"The lead of the story is here.\nRead also: Floods hit Jakarta as rains continue\nNext paragraph.",
			[]string{"Floods hit Jakarta as rains continue"}, []string{"Next paragraph."}, "Floods"},
		{"quoted headline phrase stays whole",
			"Lead berita ada di sini.\nBaca juga: Jokowi: \"Kami Siap\" Hadapi Pemilu\nParagraf lanjut.",
			[]string{`Jokowi: "Kami Siap" Hadapi Pemilu`}, []string{"Paragraf lanjut."}, "Jokowi"},
		{"headline with a comma stays whole",
			"Lead berita ada di sini.\nBaca juga: Usai Banjir, Warga Bersihkan Rumah\nParagraf lanjut.",
			[]string{"Usai Banjir, Warga Bersihkan Rumah"}, []string{"Paragraf lanjut."}, "Usai"},
		{"one-title block then prose without a full stop",
			"Lead berita ada di sini.\nBaca juga:\nMenteri Tinjau Pelabuhan\nWarga setempat berharap pembangunan segera rampung, kata kepala desa\nParagraf lain.",
			[]string{"Menteri Tinjau Pelabuhan"}, []string{"Warga setempat berharap pembangunan segera rampung, kata kepala desa"}, "Menteri"},
		{"quote after a block is body",
			"Lead berita ada di sini.\nBaca juga:\nJudul Satu\n\"Kami siap bekerja keras\" ujar dia\nParagraf lain.",
			[]string{"Judul Satu"}, []string{`"Kami siap bekerja keras" ujar dia`}, "Judul"},
		{"link word split onto its own line",
			"Lead berita ada di sini.\nBaca juga:\nJudul Satu\nPasukan itu mundur dari kota sebagaimana dilansir\nReuters\n.\nParagraf lain.",
			[]string{"Judul Satu"}, []string{"Pasukan itu mundur dari kota sebagaimana dilansir Reuters."}, "Judul"},
		{"baca as a verb is text",
			"Lead berita ada di sini.\nBaca buku setiap hari membantu anak, kata guru itu.",
			nil, []string{"Baca buku setiap hari membantu anak, kata guru itu."}, ""},
	} {
		t.Run(c.name, func(t *testing.T) {
			a := ParseTextString(c.text)
			got := refTitles(a)
			if !slices.Equal(got, c.refs) {
				t.Errorf("refs = %q, want %q", got, c.refs)
			}
			for _, want := range c.body {
				if !strings.Contains(a.Body, want) {
					t.Errorf("body lacks %q:\n%s", want, a.Body)
				}
			}
			if c.lacks != "" && strings.Contains(a.Body, c.lacks) {
				t.Errorf("body holds %q:\n%s", c.lacks, a.Body)
			}
			for _, r := range a.Related {
				if len(r.Title) > maxRefTitle {
					t.Errorf("ref title of %d bytes: %q", len(r.Title), r.Title)
				}
			}
		})
	}
}

// TestGluedParagraphs restores paragraph breaks a scraper dropped, and never
// splits abbreviations, numbers or addresses.
func TestGluedParagraphs(t *testing.T) {
	for _, c := range []struct {
		in   string
		want []string
	}{
		{`Polisi menyelidiki tindak pidana ini."Saya kira cukup," katanya.`, []string{"Polisi menyelidiki tindak pidana ini.", `"Saya kira cukup," katanya.`}},
		{"Rapat digelar Selasa (10/6/2025).Menurutnya, hasilnya baik.", []string{"Rapat digelar Selasa (10/6/2025).", "Menurutnya, hasilnya baik."}},
		{"Dia setuju.”Kami lanjut,” katanya.", []string{"Dia setuju.”", "Kami lanjut,” katanya."}},
		{"Benarkah itu?Menurut warga tidak.", []string{"Benarkah itu?", "Menurut warga tidak."}},
		{"It was late.The mayor left.", []string{"It was late.", "The mayor left."}},
		{`Panen naik pada 2024."Kami senang," ujar dia.Tahun 2025.Menurutnya naik.`, []string{"Panen naik pada 2024.", `"Kami senang," ujar dia.`, "Tahun 2025.", "Menurutnya naik."}},
		{"Harga naik Rp10.000.Menurut pedagang wajar.", []string{"Harga naik Rp10.000.Menurut pedagang wajar."}},
		{"Pengacara Budi Santoso, S.H.Menurut dia perkara selesai.", []string{"Pengacara Budi Santoso, S.H.Menurut dia perkara selesai."}},
		{"Presiden AS (a.s.) bertemu U.S.Army di sana.", []string{"Presiden AS (a.s.) bertemu U.S.Army di sana."}},
		{"Nilainya Rp9,9 triliun untuk 10.000 warga versi 2.0 kali.", []string{"Nilainya Rp9,9 triliun untuk 10.000 warga versi 2.0 kali."}},
		{"Saham PT.Antam naik, kata detik.com dan www.kabar.id/Berita.Baru hari ini.", []string{"Saham PT.Antam naik, kata detik.com dan www.kabar.id/Berita.Baru hari ini."}},
		{"Diperiksa oleh dr.Budi dan Prof.Andi kemarin.", []string{"Diperiksa oleh dr.Budi dan Prof.Andi kemarin."}},
		{"Kirim ke redaksi@kabar.id.Terima kasih.", []string{"Kirim ke redaksi@kabar.id.Terima kasih."}},
	} {
		if got := splitGluedParagraphs([]string{c.in}); !slices.Equal(got, c.want) {
			t.Errorf("splitGluedParagraphs(%q)\n got %q\nwant %q", c.in, got, c.want)
		}
	}
}

// FuzzSplitHeadline: cutting a marker's text loses no word and never yields
// a title longer than a headline.
func FuzzSplitHeadline(f *testing.F) {
	for _, s := range []string{`Menteri Tinjau Pelabuhan "Kami siap," ujar dia.`, "Judul Satu Para warga datang.", "a", "Siapa? Dia."} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		title, rest := cutRefText(s)
		if len(title) > maxRefTitle && strings.Contains(title, " ") {
			t.Fatalf("title of %d bytes from %q", len(title), s)
		}
		if strings.Join(strings.Fields(title+rest), "") != strings.Join(strings.Fields(s), "") {
			t.Fatalf("cutRefText(%q) = %q + %q: words lost or moved", s, title, rest)
		}
	})
}

// FuzzGluedParagraphs: restoring paragraph breaks only adds breaks.
func FuzzGluedParagraphs(f *testing.F) {
	for _, s := range []string{`ini."Saya`, "(10/6/2025).Menurutnya", "S.H.Menurut", "a.b.C"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		s = collapseSpaces(s)
		got := splitGluedParagraphs([]string{s})
		if strings.Join(strings.Fields(strings.Join(got, "")), "") != strings.Join(strings.Fields(s), "") {
			t.Fatalf("splitGluedParagraphs(%q) = %q: text changed", s, got)
		}
	})
}

func TestDateFromURL(t *testing.T) {
	for _, c := range []struct{ url, want string }{
		{"https://kabar.example/berita/2025/06/10/warga-tanam", "2025-06-10"},
		{"https://news.example/read/20250610143000-20-1234/judul", "2025-06-10"},
		{"https://kabar.example/judul-berita-20250610", "2025-06-10"},
		{"https://kabar.example/2025/02/30/bukan-tanggal", ""},
		{"https://kabar.example/berita/12345678", ""},
		{"https://kabar.example/tag/2025", ""},
	} {
		got, ok := DateFromURL(c.url)
		if c.want == "" && ok || c.want != "" && got.Format("2006-01-02") != c.want {
			t.Errorf("DateFromURL(%q) = %v, %v; want %q", c.url, got, ok, c.want)
		}
	}
}

// TestPlaceholderDateColumn: a date column that holds no date leaves the
// date to the body or the URL.
func TestPlaceholderDateColumn(t *testing.T) {
	csv := "judul,isi,url,tanggal\n" +
		"Judul Satu,Isi berita satu.,https://kabar.example/2024/03/05/satu,Tidak Ditemukan\n" +
		"Judul Dua,\"Kabarku - Isi berita dua, Rabu (21/2/2024).\",https://kabar.example/dua,Scroll ke bawah untuk membaca berita\n"
	as, err := ParseCSV(strings.NewReader(csv), "d.csv", ',', nil)
	if err != nil || len(as) != 2 {
		t.Fatalf("%d articles, %v", len(as), err)
	}
	if got := as[0].Published.Format("2006-01-02"); got != "2024-03-05" {
		t.Errorf("date from the URL = %s", got)
	}
	if got := as[1].Published.Format("2006-01-02"); got != "2024-02-21" {
		t.Errorf("date from the body = %s", got)
	}
}

// refTitles lists the titles of an article's refs.
func refTitles(a Article) []string {
	var out []string
	for _, r := range a.Related {
		out = append(out, r.Title)
	}
	return out
}

// TestGluedRefsKnowWhereTheBodyResumes: a headline cut out of running text
// records the body paragraph that followed it (where the store gives back
// words a stored title shows were not part of the headline); block refs and
// a marker ending its line record nothing.
func TestGluedRefsKnowWhereTheBodyResumes(t *testing.T) {
	text := "Judul Berita Pelabuhan Ketapang\nKabarku - Penyidik akan menjadwalkannya.Baca juga: Menteri Tinjau Pelabuhan Baru di Ketapang \"Kami pastikan aman,\" ujar dia.\n" +
		"Paragraf kedua tentang jadwal kapal yang padat.\nBaca juga:\nHarga Tiket Kapal Naik Jelang Libur\n" +
		"Paragraf ketiga tentang dermaga.Baca juga: Dermaga Baru Diresmikan Gubernur Kalbar Sutarmidji menyebut proyek itu penting.\n" +
		"Penutup.Baca juga: Nelayan Ketapang Panen Tongkol\n"
	a := ParseTextString(text)
	paras := strings.Split(a.Body, "\n\n")
	want := map[string]string{
		"Menteri Tinjau Pelabuhan Baru di Ketapang": `"Kami pastikan aman," ujar dia.`,
		"Harga Tiket Kapal Naik Jelang Libur":       "",
		"Nelayan Ketapang Panen Tongkol":            "",
	}
	for _, r := range a.Related {
		follows, known := want[r.Title]
		switch {
		case !known && strings.HasPrefix(r.Title, "Dermaga Baru Diresmikan"):
			if !r.Glued || r.Para >= len(paras) || !strings.HasSuffix(paras[r.Para], "menyebut proyek itu penting.") {
				t.Errorf("ref %q: glued %v, paragraph %d of %q", r.Title, r.Glued, r.Para, paras)
			}
		case !known:
			t.Errorf("unexpected ref %q", r.Title)
		case follows == "" && r.Glued:
			t.Errorf("ref %q is marked as cut from running text", r.Title)
		case follows != "" && (!r.Glued || r.Para >= len(paras) || paras[r.Para] != follows):
			t.Errorf("ref %q: glued %v, paragraph %d, want the one holding %q in %q", r.Title, r.Glued, r.Para, follows, paras)
		}
	}
	if len(a.Related) != 4 {
		t.Errorf("refs %+v", a.Related)
	}
}
