package articles

import (
	"errors"
	"golang.org/x/text/encoding/unicode"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"
)

// want is what a fixture must parse to; empty fields are not checked unless
// noted.
type want struct {
	title, source, url, date string // date as 2006-01-02
	authors, editors         []string
	related                  []Ref
	bodyHas, bodyHasNot      []string
}

func parseFixture(t *testing.T, name string) ([]Article, error) {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return Parse(name, f, Options{})
}

func checkArticle(t *testing.T, a Article, w want) {
	t.Helper()
	if w.title != "" && a.Title != w.title {
		t.Errorf("title = %q, want %q", a.Title, w.title)
	}
	if a.Title == "" {
		t.Errorf("title is empty")
	}
	if w.source != "" && a.Source != w.source {
		t.Errorf("source = %q, want %q", a.Source, w.source)
	}
	if w.url != "" && a.URL != w.url {
		t.Errorf("url = %q, want %q", a.URL, w.url)
	}
	if w.date != "" && a.Published.Format("2006-01-02") != w.date {
		t.Errorf("published = %v, want %s", a.Published, w.date)
	}
	if w.authors != nil && !slices.Equal(a.Authors, w.authors) {
		t.Errorf("authors = %q, want %q", a.Authors, w.authors)
	}
	if w.editors != nil && !slices.Equal(a.Editors, w.editors) {
		t.Errorf("editors = %q, want %q", a.Editors, w.editors)
	}
	if w.related != nil && !slices.Equal(a.Related, w.related) {
		t.Errorf("related = %+v, want %+v", a.Related, w.related)
	}
	for _, s := range w.bodyHas {
		if !strings.Contains(a.Body, s) {
			t.Errorf("body lacks %q:\n%s", s, a.Body)
		}
	}
	for _, s := range w.bodyHasNot {
		if strings.Contains(a.Body, s) {
			t.Errorf("body still has %q:\n%s", s, a.Body)
		}
	}
}

func TestParseSingleArticleFixtures(t *testing.T) {
	tests := []struct {
		file string
		want want
	}{
		{"id_seed_shape.txt", want{
			source: "Kabarku", date: "2024-03-12",
			title:   "Pemerintah Kota Malang resmi membuka pasar malam tematik di kawasan alun-alun untuk…",
			authors: []string{"Dimas Prasetyo"}, editors: []string{"Rahmi Lestari"},
			related:    []Ref{{Title: "Harga Cabai di Pasar Besar Malang Turun Jelang Ramadan"}, {Title: "Pedagang Kaki Lima Alun-Alun Malang Dapat Tenda Gratis"}},
			bodyHas:    []string{"Sri Wulandari diketahui sudah menyiapkan", "“Kami ingin pedagang kecil", "\"Kalau ramai,"},
			bodyHasNot: []string{"Kabarku -", "Baca juga", "Penulis", "Editor", "Harga Cabai"},
		}},
		{"id_title_clutter.txt", want{
			title: "Banjir Rob Rendam Pesisir Semarang, Ratusan Warga Mengungsi", source: "WARTANUSA.com", date: "2025-06-18",
			authors: []string{"Ayu Kartika"}, editors: []string{"Bambang Setiawan"},
			related:    []Ref{{Title: "Tanggul Laut Semarang Ditargetkan Rampung 2026"}},
			bodyHas:    []string{"Banjir rob kembali merendam", "Warga berharap"},
			bodyHasNot: []string{"ADVERTISEMENT", "SCROLL TO CONTINUE", "Penulis", "SEMARANG, WARTANUSA.com"},
		}},
		{"id_glued_markers.txt", want{
			source: "WARTAKITA.CO", date: "2025-06-18",
			authors: []string{"Fajar Nugroho"}, editors: []string{"Lina Marlina"},
			related: []Ref{{Title: "Jadwal Kereta Komuter Berubah Selama Libur Sekolah"}, {Title: "Penumpang Komuter Tembus Satu Juta per Hari"}},
			bodyHas: []string{"perawatan gerbong.", "memberatkan terutama bagi", "Operator menjanjikan",
				"Simak juga video penjelasan", "dibaca juga di aplikasi"},
			bodyHasNot: []string{"Baca juga", "WARTAKITA.CO", "Reporter"},
		}},
		{"en_title_dash.txt", want{
			title: "City Council Approves New Cycle Lanes After Long Debate", source: "Daily Ledger", date: "2024-02-21",
			authors: []string{"Oliver Grant"}, editors: []string{"Hannah Price"},
			related: []Ref{{Title: "Shop Owners Worry About Lost Parking on High Street"}, {Title: "Cycling Numbers Doubled Since 2020, Survey Finds"},
				{URL: "https://ledger.example/transport/bus-fares-frozen?utm_source=rss"}},
			bodyHas:    []string{"Council members who voted against", "Work is due to start"},
			bodyHasNot: []string{"Read also", "Read more", "Related", "Advertisement", "Writer"},
		}},
		{"en_no_title_double_hyphen.txt", want{
			title:   "Fishermen in the harbour say catches of mackerel have fallen sharply this season",
			source:  "Harbor Times",
			related: []Ref{{Title: "Level 11-20 Fishing Quotas Explained"}},
			bodyHas: []string{"Many blame warmer water."},
		}},
		{"md_front_matter.md", want{
			title: "Festival Kopi Nusantara Digelar di Bandung", source: "Kabar Priangan", date: "2025-06-10",
			url:     "https://priangan.example/festival-kopi?utm_medium=social#top",
			authors: []string{"Nadia Putri", "Reza Akbar"}, editors: []string{"Sinta Dewi"},
			related: []Ref{{Title: "Petani Kopi Garut Panen Raya"}, {URL: "https://priangan.example/harga-kopi-naik"},
				{Title: "Barista Muda Bandung Juara Nasional", URL: "https://priangan.example/barista-juara"}},
			bodyHas:    []string{"**Festival Kopi Nusantara**", "Baca juga: ini kode, bukan tautan", "empat puluh stan"},
			bodyHasNot: []string{"\n\n\n"},
		}},
		{"md_heading.md", want{
			title:      "Night Market Returns to the Old Harbour",
			related:    []Ref{{Title: "Old Harbour Ferry Timetable Changes"}, {Title: "Street Food Vendors Get New Licences", URL: "https://harbour.example/vendors"}},
			bodyHas:    []string{"drawing thousands", "Stalls will open"},
			bodyHasNot: []string{"Read also", "# Night"},
		}},
		{"page.html", want{
			title: "Jembatan Gantung Baru Hubungkan Dua Desa di Lereng Merapi", source: "Suara Lereng", date: "2025-05-02",
			url:        "https://SuaraLereng.example/berita/jembatan-gantung-merapi/",
			authors:    []string{"Galih Permana"},
			related:    []Ref{{Title: "Jalur Evakuasi Merapi Diperlebar Jelang Musim Hujan"}},
			bodyHas:    []string{"Warga dua desa di lereng", "setiap enam bulan"},
			bodyHasNot: []string{"Beranda", "Terpopuler", "Hak cipta", "Baca juga"},
		}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			as, err := parseFixture(t, tt.file)
			if err != nil {
				t.Fatal(err)
			}
			if len(as) != 1 {
				t.Fatalf("got %d articles, want 1", len(as))
			}
			if as[0].Origin.String() != tt.file {
				t.Errorf("origin = %q", as[0].Origin)
			}
			checkArticle(t, as[0], tt.want)
		})
	}
}

func TestParseMultiRecordFixtures(t *testing.T) {
	tests := []struct {
		file    string
		want    []want
		failing []string // substrings the error must hold; nil means no error
	}{
		{"dataset_id.csv", []want{
			{title: "Warga Depok Tanam Seribu Pohon", source: "DEPOKNEWS", date: "2025-03-09", url: "https://depok.example/pohon",
				related: []Ref{{Title: "Sungai Ciliwung Dibersihkan Relawan"}}, bodyHas: []string{"Kegiatan ini diikuti"}, bodyHasNot: []string{"Baca juga"}},
			{title: "Pasar Murah Digelar di Bogor", date: "2025-03-09"},
		}, nil},
		{"dataset_en.tsv", []want{
			{title: "River Clean-up Draws Volunteers", source: "Valley Post", authors: []string{"Maya Lin", "Tom Hale"}, date: "2025-04-05"},
		}, nil},
		{"dataset.jsonl", []want{
			{title: "Solar Panels for Village Schools", url: "https://example.org/solar", authors: []string{"Ana Ruiz"},
				related: []Ref{{Title: "Rural Schools Get Internet Access"}}, date: "2025-01-15"},
			{title: "Sekolah Desa Dapat Internet", source: "Kabar Desa", date: "2025-01-16"},
		}, []string{"dataset.jsonl#4", "invalid JSON"}},
		{"dataset.json", []want{
			{title: "Train Line Extended to Airport", url: "https://transit.example/airport", date: "2025-03-03"},
			{title: "Airport Opens New Terminal", editors: []string{"Sam Cole"}},
		}, nil},
		{"ragged.csv", []want{{title: "Good Row"}, {title: "Also Good"}}, []string{"ragged.csv#2", "2 fields"}},
		{"feed.atom", []want{
			{title: "Nelayan Pesisir Selatan Panen Ikan Tongkol", source: "Warta Pesisir", url: "https://pesisir.example/tongkol",
				authors: []string{"Yusuf Hamdani"}, related: []Ref{{Title: "Harga Ikan di Pelelangan Stabil"}},
				bodyHas: []string{"Hasil tangkapan"}, bodyHasNot: []string{"Baca juga", "\n\n\n"}},
			{title: "Harga Ikan di Pelelangan Stabil", date: "2025-06-30"},
		}, nil},
		{"feed.rss", []want{{title: "Snow Closes Mountain Pass", source: "Hill Gazette", date: "2025-01-06"}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			as, err := parseFixture(t, tt.file)
			switch {
			case tt.failing == nil && err != nil:
				t.Fatalf("unexpected error: %v", err)
			case tt.failing != nil && err == nil:
				t.Fatalf("want an error holding %q", tt.failing)
			}
			for _, s := range tt.failing {
				if !strings.Contains(err.Error(), s) {
					t.Errorf("error %q lacks %q", err, s)
				}
			}
			if len(as) != len(tt.want) {
				t.Fatalf("got %d articles, want %d", len(as), len(tt.want))
			}
			for i, w := range tt.want {
				if as[i].Origin.Record == 0 || !strings.HasPrefix(as[i].Origin.String(), tt.file+"#") {
					t.Errorf("origin = %q, want %s#N", as[i].Origin, tt.file)
				}
				checkArticle(t, as[i], w)
			}
		})
	}
}

// TestParseSeed reads the project's seed article when the shared folder is
// present; the same checks run on our own fixture in TestParseSingleArticleFixtures.
func TestParseSeed(t *testing.T) {
	paths, _ := filepath.Glob("../../shared/seeds/*.txt")
	if len(paths) == 0 {
		t.Skip("../../shared/seeds not present; the seed's shape is covered by testdata/id_seed_shape.txt")
	}
	f, err := os.Open(paths[0])
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	a, err := ParseText(f, Origin{Path: paths[0]})
	if err != nil {
		t.Fatal(err)
	}
	if len(a.Related) != 2 {
		t.Fatalf("related = %+v, want the two titles under Baca juga", a.Related)
	}
	checkArticle(t, a, want{
		source: "Pantau", date: "2024-02-21",
		authors: []string{"Latisha Asharani"}, editors: []string{"Khalied Malvino"},
		bodyHas:    []string{"\n\nBlinken diketahui melakukan pembicaraan", "“Korea Utara adalah tetangga dekat kami", "\"Pernyataan Blinken"},
		bodyHasNot: []string{"Baca juga", "Penulis", "Editor"},
	})
}

func TestParseBadInput(t *testing.T) {
	big := strings.Repeat("kata ", 10<<20) // 50 MB on one line
	tests := []struct {
		name    string
		content string
		errIs   error
		errHas  string
	}{
		{"binary.txt", "\x00\x01\x02PK\x03\x04\x00\x00\xff\xfe", ErrBinary, "binary.txt"},
		{"empty.txt", "", ErrEmpty, "empty.txt"},
		{"blank.md", "\n  \n", ErrEmpty, "blank.md"},
		{"huge.txt", big, nil, "huge.txt: larger than the 16 MiB limit"},
		{"invalid.json", `{"articles": [ {"title": "x", ]}`, nil, "invalid.json: invalid JSON"},
		{"scalar.json", `42`, nil, "scalar.json: no array"},
		{"nav.html", "<html><body><nav><a href=/>Home</a></nav></body></html>", ErrNoArticle, "nav.html"},
		{"nohdr.csv", "", ErrEmpty, "nohdr.csv"},
		{"cols.csv", "foo,bar\n1,2\n", nil, "cols.csv: no title or body column"},
		{"bad.xml", "<rss><channel><item><title>x</title>", nil, "bad.xml: feed"},
		{"photo.png", "\x89PNG", ErrUnsupported, "photo.png"},
		{"frontmatter.md", "---\ntitle: [unclosed\n---\nbody text here\n", nil, "frontmatter.md: front matter"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, err := Parse(tt.name, strings.NewReader(tt.content), Options{})
			if err == nil {
				t.Fatalf("no error; got %d articles", len(as))
			}
			if tt.errIs != nil && !errors.Is(err, tt.errIs) {
				t.Errorf("error %v is not %v", err, tt.errIs)
			}
			if !strings.Contains(err.Error(), tt.errHas) {
				t.Errorf("error %q lacks %q", err, tt.errHas)
			}
			if len(as) != 0 {
				t.Errorf("got %d articles from bad input", len(as))
			}
		})
	}
}

// sniffSamples are whole inputs without a telling name, each with the
// format it must be read as and the title of its first article.
var sniffSamples = []struct {
	name, content string
	want          Format
	title         string
}{
	{"rss", `<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar</title>` +
		`<item><title>Harga Cabai Turun</title><link>https://kabar.example/cabai</link><description>Harga cabai di pasar turun.</description></item></channel></rss>`,
		FormatFeed, "Harga Cabai Turun"},
	{"rss after a stylesheet line and a long comment", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" +
		`<?xml-stylesheet type="text/xsl" href="/feed.xsl"?>` + "\n<!-- " + strings.Repeat("generated by a very chatty CMS ", 20) + "-->\n" +
		`<rss version="2.0"><channel><title>Kabar</title><item><title>Jalan Tol Baru Dibuka</title>` +
		`<link>https://kabar.example/tol</link><description>Jalan tol baru dibuka hari ini.</description></item></channel></rss>`,
		FormatFeed, "Jalan Tol Baru Dibuka"},
	{"rss 1.0 (rdf)", `<?xml version="1.0"?><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">` +
		`<channel rdf:about="https://kabar.example/"><title>Kabar</title><link>https://kabar.example/</link><description>d</description></channel>` +
		`<item rdf:about="https://kabar.example/sawah"><title>Sawah Kembali Hijau</title><link>https://kabar.example/sawah</link>` +
		`<description>Sawah di desa kembali hijau setelah hujan.</description></item></rdf:RDF>`,
		FormatFeed, "Sawah Kembali Hijau"},
	{"atom", `<feed xmlns="http://www.w3.org/2005/Atom"><title>Post</title><entry><title>Ferry Service Resumes</title>` +
		`<link href="https://post.example/ferry"/><id>f1</id><updated>2025-03-01T08:00:00Z</updated><content type="text">The ferry runs again.</content></entry></feed>`,
		FormatFeed, "Ferry Service Resumes"},
	{"html after a comment", "<!-- saved from url=(0040)https://kabar.example/ -->\n<!DOCTYPE html><html><head><title>Pasar Malam Digelar</title></head>" +
		"<body><article><h1>Pasar Malam Digelar</h1><p>" + strings.Repeat("Pasar malam digelar di alun-alun kota setiap akhir pekan mulai bulan ini, dan pedagang dari desa sekitar ikut berjualan. ", 4) + "</p></article></body></html>",
		FormatHTML, "Pasar Malam Digelar"},
	{"json", `[{"title": "Banjir Surut", "body": "Banjir di kampung itu surut pagi ini."}]`, FormatJSON, "Banjir Surut"},
	{"json lines", "{\"title\": \"Listrik Pulih\", \"body\": \"Listrik pulih malam ini.\"}\n{\"title\": \"b\", \"body\": \"c\"}\n", FormatJSONL, "Listrik Pulih"},
	{"pretty json", "{\n \"articles\": [{\"title\": \"Bus Baru\", \"body\": \"Bus baru tiba.\"}]\n}", FormatJSON, "Bus Baru"},
	{"csv", "judul,isi,tanggal\n\"Gempa Kecil Terasa\",\"Gempa kecil terasa di kota, warga tenang.\",2025-03-01\n", FormatCSV, "Gempa Kecil Terasa"},
	{"tsv", "title\tbody\nLibrary Opens Late\tThe library opens late on Fridays.\n", FormatTSV, "Library Opens Late"},
	{"front matter", "---\ntitle: Catatan Redaksi\n---\nIsi catatan redaksi hari ini.\n", FormatMarkdown, "Catatan Redaksi"},
	{"heading", "# Catatan Pagi\n\nIsi catatan pagi ini cukup panjang.\n", FormatMarkdown, "Catatan Pagi"},
	{"text whose title has commas", "Banjir, Longsor, dan Angin Kencang Landa Bogor\nBogor - Hujan deras sejak sore membuat warga waspada.\n", FormatText,
		"Banjir, Longsor, dan Angin Kencang Landa Bogor"},
}

func TestParseSniffsFilesWithoutExtension(t *testing.T) {
	for _, tt := range sniffSamples {
		t.Run(tt.name, func(t *testing.T) {
			if got := Sniff([]byte(tt.content)); got != tt.want {
				t.Fatalf("Sniff = %s, want %s", got, tt.want)
			}
			for _, name := range []string{"-", "/tmp/no-extension"} {
				as, err := Parse(name, strings.NewReader(tt.content), Options{})
				if err != nil || len(as) == 0 || as[0].Title != tt.title {
					t.Fatalf("Parse(%s): %d articles, first %+v, %v; want title %q", name, len(as), first(as), err, tt.title)
				}
			}
		})
	}
}

func first(as []Article) Article {
	if len(as) == 0 {
		return Article{}
	}
	return as[0]
}

func TestFormatOptionForcesAFormat(t *testing.T) {
	csv := "judul,isi\nBendungan Diresmikan,Bendungan baru diresmikan presiden.\n"
	as, err := Parse("berita.txt", strings.NewReader(csv), Options{Format: FormatCSV})
	if err != nil || len(as) != 1 || as[0].Title != "Bendungan Diresmikan" {
		t.Fatalf("--format csv on a .txt: %+v %v", as, err)
	}
	if _, err := Parse("photo.png", strings.NewReader("x"), Options{}); !errors.Is(err, ErrUnsupported) || !strings.Contains(err.Error(), "--format") {
		t.Fatalf("an unknown extension without --format: %v", err)
	}
	for name, want := range map[string]Format{"rss": FormatFeed, "RDF": FormatFeed, "md": FormatMarkdown, "ndjson": FormatJSONL, "tsv": FormatTSV} {
		if got, err := ParseFormatName(name); err != nil || got != want {
			t.Errorf("ParseFormatName(%q) = %s, %v", name, got, err)
		}
	}
	if _, err := ParseFormatName("docx"); err == nil || !strings.Contains(err.Error(), "markdown") {
		t.Errorf("ParseFormatName(docx) = %v", err)
	}
}

func TestDatasetColumnOverride(t *testing.T) {
	csv := "kop,naskah\nJudul Lain,Isi naskah berita.\n"
	as, err := Parse("x.csv", strings.NewReader(csv), Options{Columns: Columns{"title": "kop", "body": "naskah"}})
	if err != nil || len(as) != 1 || as[0].Title != "Judul Lain" || as[0].Body != "Isi naskah berita." {
		t.Fatalf("got %+v, %v", as, err)
	}
}

// TestKabarsLinkGraphIsNotADataset: the links.csv kabar export writes has a
// title column, and its rows are links, not articles; a dataset whose header
// only resembles it is still read.
func TestKabarsLinkGraphIsNotADataset(t *testing.T) {
	tests := []struct {
		name   string
		csv    string
		titles []string
		graph  bool
	}{
		{"link graph", "from,to,match,title\n1,,none,Harga Cabai Naik\n2,1,exact,Banjir di Martapura\n", nil, true},
		{"headlines only", "title\nHarga Cabai Naik Menjelang Lebaran\n", []string{"Harga Cabai Naik Menjelang Lebaran"}, false},
		{"more columns", "from,to,match,title,body\n1,,none,Banjir Surut,Air mulai surut pagi ini.\n", []string{"Banjir Surut"}, false},
		{"other order", "title,from,to,match\nFlood Waters Recede,1,,none\n", []string{"Flood Waters Recede"}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			as, err := Parse("links.csv", strings.NewReader(tt.csv), Options{})
			if got := errors.Is(err, ErrLinkGraph); got != tt.graph {
				t.Fatalf("err = %v, link graph %v, want %v", err, got, tt.graph)
			}
			if !tt.graph && err != nil {
				t.Fatal(err)
			}
			var titles []string
			for _, a := range as {
				titles = append(titles, a.Title)
			}
			if !slices.Equal(titles, tt.titles) {
				t.Errorf("titles %q, want %q", titles, tt.titles)
			}
		})
	}
}

func TestMarkerVariants(t *testing.T) {
	tests := []struct {
		name      string
		text      string
		refs      []string
		bodyHas   string
		bodyLacks string
	}{
		{"own line lowercase", "Lead paragraph of the story is here.\nBaca juga:\nJudul Satu\nJudul Dua\nParagraf berikutnya berakhir.", []string{"Judul Satu", "Judul Dua"}, "Paragraf berikutnya", "Judul Satu"},
		{"capital no colon", "Lead paragraph of the story is here.\nBaca Juga\nJudul Satu\nNext paragraph.", []string{"Judul Satu"}, "Next paragraph.", "Baca"},
		{"upper spaced colon", "Lead paragraph of the story is here.\nBACA JUGA : Judul Tiga\nNext paragraph.", []string{"Judul Tiga"}, "Next paragraph.", "BACA"},
		{"capital inline no colon", "Lead paragraph of the story is here.\nBaca Juga Judul Empat Hari Ini\nNext.", []string{"Judul Empat Hari Ini"}, "Next.", "Empat"},
		{"lihat juga", "Lead paragraph of the story is here.\nLihat juga: Judul Lima\nNext.", []string{"Judul Lima"}, "Next.", "Lihat"},
		{"read also bullets", "Lead paragraph of the story is here.\nRead also:\n- First Story\n• Second Story\nNext one.", []string{"First Story", "Second Story"}, "Next one.", "Story"},
		{"bracketed", "Lead paragraph [Baca juga: Judul Enam] continues here.", []string{"Judul Enam"}, "Lead paragraph continues here.", "Enam"},
		{"bracketed own line", "Lead paragraph of the story is here.\n[ Baca juga : Judul Tujuh ]\nNext.", []string{"Judul Tujuh"}, "Next.", "Tujuh"},
		{"glued", "Lead paragraph ends here.Baca juga: Judul Delapan", []string{"Judul Delapan"}, "Lead paragraph ends here.", "Delapan"},
		{"no title", "Lead paragraph of the story is here.\nBaca juga:\nThis is a real paragraph that ends.", nil, "This is a real paragraph", "Baca"},
		{"look-alike simak", "Lead paragraph of the story is here.\nSimak juga video berikut ini.", nil, "Simak juga video", ""},
		{"look-alike dibaca", "Lead paragraph of the story is here.\nBerita ini dibaca juga: oleh banyak orang.", nil, "dibaca juga", ""},
		{"look-alike lowercase", "Lead paragraph of the story is here.\nbaca juga berita lain di situs kami.", nil, "baca juga berita lain", ""},
		{"related colon", "Lead paragraph of the story is here.\nRelated: Another Story Title\nNext.", []string{"Another Story Title"}, "Next.", "Related"},
		{"related word in text", "Lead paragraph of the story is here.\nRelated issues were discussed at length.", nil, "Related issues", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := ParseTextString(tt.text)
			got := refTitles(a)
			if !slices.Equal(got, tt.refs) {
				t.Errorf("refs = %q, want %q", got, tt.refs)
			}
			if !strings.Contains(a.Body, tt.bodyHas) {
				t.Errorf("body lacks %q:\n%s", tt.bodyHas, a.Body)
			}
			if tt.bodyLacks != "" && strings.Contains(a.Body, tt.bodyLacks) {
				t.Errorf("body has %q:\n%s", tt.bodyLacks, a.Body)
			}
		})
	}
}

func TestDatelines(t *testing.T) {
	tests := []struct {
		lead, source, rest string
	}{
		{"Pantau - Presiden berkata.", "Pantau", "Presiden berkata."},
		{"JAKARTA, KOMPAS.com - Presiden berkata.", "KOMPAS.com", "Presiden berkata."},
		{"Liputan6.com, Jakarta - Presiden berkata.", "Liputan6.com", "Presiden berkata."},
		{"TEMPO.CO, Jakarta--Presiden berkata.", "TEMPO.CO", "Presiden berkata."},
		{"Jakarta (ANTARA) - Presiden berkata.", "ANTARA", "Presiden berkata."},
		{"Pantau – Presiden berkata.", "Pantau", "Presiden berkata."},
		{"Pantau -Presiden berkata.", "Pantau", "Presiden berkata."},
		{"SURABAYA, Jatimnews — Hujan turun.", "Jatimnews", "Hujan turun."},
	}
	for _, tt := range tests {
		src, rest, ok := splitDateline(tt.lead)
		if !ok || src != tt.source || rest != tt.rest {
			t.Errorf("splitDateline(%q) = %q, %q, %v; want %q, %q", tt.lead, src, rest, ok, tt.source, tt.rest)
		}
	}
	for _, lead := range []string{
		"Warga berkumpul - sebagian besar dari desa sebelah.",
		"Harga naik. Pedagang - yang kecewa - protes.",
		"Self-driving cars are here.",
		"The well-known mayor spoke.",
	} {
		if src, _, ok := splitDateline(lead); ok {
			t.Errorf("splitDateline(%q) found outlet %q in a plain lead", lead, src)
		}
	}
}

func TestFindDate(t *testing.T) {
	wib := time.FixedZone("WIB", 7*3600)
	tests := []struct {
		text string
		want time.Time
	}{
		{"Dikutip Rabu (21/2/2024).", time.Date(2024, 2, 21, 0, 0, 0, 0, time.UTC)},
		{"Rabu, 18 Jun 2025 07:30 WIB", time.Date(2025, 6, 18, 7, 30, 0, 0, wib)},
		{"18 Juni 2025 | 20.04 WIB", time.Date(2025, 6, 18, 20, 4, 0, 0, wib)},
		{"Kamis, 3 Agustus 2023 pukul 14.15 WITA", time.Date(2023, 8, 3, 14, 15, 0, 0, time.FixedZone("WITA", 8*3600))},
		{"Senin 1 Desember 2025", time.Date(2025, 12, 1, 0, 0, 0, 0, time.UTC)},
		{"Selasa, 9 Mei 2023", time.Date(2023, 5, 9, 0, 0, 0, 0, time.UTC)},
		{"on February 21, 2024, after", time.Date(2024, 2, 21, 0, 0, 0, 0, time.UTC)},
		{"Wednesday, 21 February 2024 3:45 pm GMT", time.Date(2024, 2, 21, 15, 45, 0, 0, time.UTC)},
		{"Sept. 9, 2024", time.Date(2024, 9, 9, 0, 0, 0, 0, time.UTC)},
		{"posted 2024-02-21T10:00:00+07:00", time.Date(2024, 2, 21, 10, 0, 0, 0, time.FixedZone("", 7*3600))},
		{"first (21/2/2024) then 1 Maret 2024", time.Date(2024, 2, 21, 0, 0, 0, 0, time.UTC)},
		{"Kamis, 30 Nopember 2023", time.Date(2023, 11, 30, 0, 0, 0, 0, time.UTC)},
		{"Senin, 12 Agt 2024 | 09.19 WIB", time.Date(2024, 8, 12, 9, 19, 0, 0, wib)},
		{"Sept 9, 2024", time.Date(2024, 9, 9, 0, 0, 0, 0, time.UTC)},
		{"December 3rd, 2024 at 5:30 p.m. EST", time.Date(2024, 12, 3, 17, 30, 0, 0, time.FixedZone("EST", -5*3600))},
		{"Posted June 1st, 2024 9:05 am PDT.", time.Date(2024, 6, 1, 9, 5, 0, 0, time.FixedZone("PDT", -7*3600))},
		{"on the 21st of February 2024", time.Date(2024, 2, 21, 0, 0, 0, 0, time.UTC)},
		{"Diperbarui 03.12.2024", time.Date(2024, 12, 3, 0, 0, 0, 0, time.UTC)},
		{"Senin, 03-12-2024 14:05 WIB", time.Date(2024, 12, 3, 14, 5, 0, 0, wib)},
	}
	for _, tt := range tests {
		got, ok := FindDate(tt.text)
		if !ok || !got.Equal(tt.want) {
			t.Errorf("FindDate(%q) = %v, %v; want %v", tt.text, got, ok, tt.want)
		}
	}
	for _, text := range []string{"pada November 2023 lalu", "31/2/2024", "skor 21/2", "tahun 2024", "",
		"harga Rp10.000.2024", "03.12-2024", "31.02.2024", "nomor 1.234.2024"} {
		if got, ok := FindDate(text); ok {
			t.Errorf("FindDate(%q) = %v, want none", text, got)
		}
	}
}

func TestParseDate(t *testing.T) {
	for s, want := range map[string]time.Time{
		"2025-03-09":                      time.Date(2025, 3, 9, 0, 0, 0, 0, time.UTC),
		"2025-03-09 10:00:00":             time.Date(2025, 3, 9, 10, 0, 0, 0, time.UTC),
		"Mon, 06 Jan 2025 07:00:00 +0700": time.Date(2025, 1, 6, 0, 0, 0, 0, time.UTC),
		"9 Maret 2025":                    time.Date(2025, 3, 9, 0, 0, 0, 0, time.UTC),
		"1736150400":                      time.Date(2025, 1, 6, 8, 0, 0, 0, time.UTC),
		"22 Februari 2018 | 09.19 WIB":    time.Date(2018, 2, 22, 2, 19, 0, 0, time.UTC),
	} {
		if got, ok := ParseDate(s); !ok || !got.Equal(want) {
			t.Errorf("ParseDate(%q) = %v, %v; want %v", s, got, ok, want)
		}
	}
	if _, ok := ParseDate("kemarin sore"); ok {
		t.Error("ParseDate accepted free text without a date")
	}
}

func TestCredits(t *testing.T) {
	tests := []struct {
		name             string
		text             string
		authors, editors []string
	}{
		{"dash block", "Isi berita di sini.\n- Penulis :\n- A Satu\n- Editor :\n- B Dua", []string{"A Satu"}, []string{"B Dua"}},
		{"paren", "Isi berita di sini.\n(Penulis: A Satu | Editor: B Dua)", []string{"A Satu"}, []string{"B Dua"}},
		{"paren glued", "Isi berita di sini. (Penulis: A Satu | Editor: B Dua)", []string{"A Satu"}, []string{"B Dua"}},
		{"labels", "Body text here.\nReporter: A One, C Three\nEditor: B Two", []string{"A One", "C Three"}, []string{"B Two"}},
		{"writer", "Body text here.\nWriter: A One", []string{"A One"}, nil},
		{"none", "Body text here.\n- a dashed line in the body", nil, nil},
	}
	for _, tt := range tests {
		a := ParseTextString(tt.text)
		if !slices.Equal(a.Authors, tt.authors) || !slices.Equal(a.Editors, tt.editors) {
			t.Errorf("%s: authors %q editors %q; want %q %q", tt.name, a.Authors, a.Editors, tt.authors, tt.editors)
		}
		if strings.Contains(a.Body, "Penulis") || strings.Contains(a.Body, "Editor") || strings.Contains(a.Body, "Reporter") {
			t.Errorf("%s: credits left in body: %q", tt.name, a.Body)
		}
	}
}

// TestDatasetRecordsAreBounded: a JSON Lines or CSV record over the
// per-article limit is an error naming path#record, never a 17 MB body; the
// records before it (and, in JSON Lines, after it) are still read.
func TestDatasetRecordsAreBounded(t *testing.T) {
	huge := strings.Repeat("kata ", (MaxArticleBytes+100<<10)/5)
	jsonl := `{"title":"Pertama","body":"Isi pertama."}` + "\n" +
		`{"title":"Raksasa","body":"` + huge + `"}` + "\n" +
		`{"title":"Ketiga","body":"Isi ketiga."}` + "\n"
	as, err := Parse("big.jsonl", strings.NewReader(jsonl), Options{})
	if len(as) != 2 || as[0].Title != "Pertama" || as[1].Title != "Ketiga" || err == nil ||
		!strings.Contains(err.Error(), "big.jsonl#2: record larger than the 16 MiB limit") {
		t.Fatalf("JSON Lines with a huge record: %d articles, %v", len(as), err)
	}
	csvText := "title,body\nPertama,Isi pertama.\nRaksasa,\"" + huge + "\"\nKetiga,Isi ketiga.\n"
	as, err = Parse("big.csv", strings.NewReader(csvText), Options{})
	if len(as) != 1 || as[0].Title != "Pertama" || err == nil ||
		!strings.Contains(err.Error(), "big.csv#2: record larger than the 16 MiB limit") {
		t.Fatalf("CSV with a huge record: %d articles, %v", len(as), err)
	}
	unquoted := "title,body\nPertama,Isi pertama.\nRaksasa," + strings.Repeat("x", MaxArticleBytes+100<<10) + "\n"
	if as, err = Parse("flat.csv", strings.NewReader(unquoted), Options{}); len(as) != 1 || err == nil || !strings.Contains(err.Error(), "flat.csv#2") {
		t.Fatalf("CSV with a huge unquoted row: %d articles, %v", len(as), err)
	}
	json := `[{"title":"Pertama","body":"Isi pertama."},{"title":"Raksasa","body":"` + huge + `"}]`
	if as, err = Parse("big.json", strings.NewReader(json), Options{}); len(as) != 1 || err == nil || !strings.Contains(err.Error(), "big.json#2") {
		t.Fatalf("JSON with a huge record: %d articles, %v", len(as), err)
	}
}

// TestHugeJSONLineIsNotHeldInMemory: a 64 MB JSON Lines record is skipped
// while reading, not read whole and decoded.
func TestHugeJSONLineIsNotHeldInMemory(t *testing.T) {
	input := `{"title":"Raksasa","body":"` + strings.Repeat("x", 64<<20) + `"}` + "\n" + `{"title":"Kecil","body":"Isi."}` + "\n"
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	as, err := Parse("huge.jsonl", strings.NewReader(input), Options{})
	runtime.ReadMemStats(&after)
	if len(as) != 1 || err == nil || !strings.Contains(err.Error(), "huge.jsonl#1") {
		t.Fatalf("%d articles, %v", len(as), err)
	}
	alloc := after.TotalAlloc - before.TotalAlloc
	t.Logf("reading past a 64 MB record allocated %d MB", alloc>>20)
	if alloc > 128<<20 { // unbounded: about 700 MB
		t.Fatalf("reading past a 64 MB record allocated %d MB", alloc>>20)
	}
}

// TestUTF16FilesAreDecoded: text saved as UTF-16 (either byte order, with
// its byte-order mark) reads as the same article as UTF-8.
func TestUTF16FilesAreDecoded(t *testing.T) {
	text := "Warga Desa Gotong Royong Bersihkan Sungai\nKabarku - Warga desa membersihkan sungai pada Minggu (12/5/2024) pagi.\n"
	want, err := Parse("berita.txt", strings.NewReader(text), Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, order := range []unicode.Endianness{unicode.LittleEndian, unicode.BigEndian} {
		encoded, err := unicode.UTF16(order, unicode.UseBOM).NewEncoder().String(text)
		if err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{"berita.txt", "berita", "-"} {
			got, err := Parse(name, strings.NewReader(encoded), Options{})
			if err != nil || len(got) != 1 || got[0].Title != want[0].Title || got[0].Body != want[0].Body {
				t.Fatalf("%s in UTF-16 (%v): %+v, %v", name, order, got, err)
			}
			got, err = Parse(name, io.MultiReader(strings.NewReader(encoded)), Options{})
			if err != nil || len(got) != 1 || got[0].Body != want[0].Body {
				t.Fatalf("%s in UTF-16 from a stream: %+v, %v", name, got, err)
			}
		}
	}
}
