package store

import (
	"context"
	"fmt"
	"testing"
	"time"

	"kabar/articles"
)

// stored builds a library article for resolution tests.
func stored(title, url string, day int) articles.Article {
	return articles.Article{Title: title, URL: url, Body: fmt.Sprintf("Isi artikel %s, hari %d.", title, day),
		Published: time.Date(2025, 6, day, 0, 0, 0, 0, time.UTC), Origin: articles.Origin{Path: "lib/" + title}}
}

func TestResolutionRules(t *testing.T) {
	library := []articles.Article{
		stored("Harga Beras Naik Lagi di Pasar Induk", "https://Berita.example/ekonomi/beras?utm_source=x", 1),
		stored("Gempa Guncang Pesisir Selatan Jawa", "", 2),
		stored("Jadwal Pertandingan Level 11-20 Turnamen Catur Nasional", "", 3),
		stored("Harga Emas Hari Ini 9 Juni Turun Tipis", "", 9),
		stored("Banjir Rendam Tiga Kecamatan", "", 4),
		stored("Banjir rendam tiga kecamatan!", "", 5), // same normalised title, newer
		stored("Presiden Resmikan Bendungan Baru di NTT", "", 6),
		stored("Sekolah Dibuka Kembali", "", 7),
		stored("Sekolah Dibuka Kembali", "https://other.example/sekolah", 8), // same exact title, newer
		stored("Prediksi Skor dan Statistik Pertandingan Estonia vs Norwegia di Kualifikasi Piala Dunia", "", 10),
		stored("Kementerian Pariwisata Gelar Lomba Perahu Naga di Kendari", "", 11),
	}
	tests := []struct {
		name   string
		ref    articles.Ref
		target string // title of the expected target, "" for none
		day    int    // tells apart targets with equal titles
		match  articles.Match
	}{
		{"url", articles.Ref{URL: "https://berita.example/ekonomi/beras#top"}, "Harga Beras Naik Lagi di Pasar Induk", 1, articles.MatchURL},
		{"exact", articles.Ref{Title: "Gempa Guncang Pesisir Selatan Jawa"}, "Gempa Guncang Pesisir Selatan Jawa", 2, articles.MatchExact},
		{"normalized", articles.Ref{Title: "GEMPA guncang pesisir selatan, Jawa"}, "Gempa Guncang Pesisir Selatan Jawa", 2, articles.MatchNormalized},
		{"fuzzy", articles.Ref{Title: "Presiden Resmikan Bendungan Baru di Kupang NTT"}, "Presiden Resmikan Bendungan Baru di NTT", 6, articles.MatchFuzzy},
		{"fuzzy takes another form of a word", articles.Ref{Title: "Kementerian Pariwisata Menggelar Lomba Perahu Naga di Kendari"}, "Kementerian Pariwisata Gelar Lomba Perahu Naga di Kendari", 11, articles.MatchFuzzy},
		{"fuzzy keeps other names apart", articles.Ref{Title: "Prediksi Skor dan Statistik Pertandingan Estonia vs Serbia di Kualifikasi Piala Dunia"}, "", 0, articles.MatchNone},
		{"fuzzy keeps numbers apart", articles.Ref{Title: "Jadwal Pertandingan Level 111-120 Turnamen Catur Nasional"}, "", 0, articles.MatchNone},
		{"fuzzy needs equal dates", articles.Ref{Title: "Harga Emas Hari Ini 10 Juni Turun Tipis"}, "", 0, articles.MatchNone},
		{"prefix", articles.Ref{Title: "Gempa Guncang Pesisir Selatan Jawa Warga diminta tetap tenang dan menjauhi pantai"}, "Gempa Guncang Pesisir Selatan Jawa", 2, articles.MatchPrefix},
		{"ambiguous normalized", articles.Ref{Title: "Banjir Rendam Tiga Kecamatan?"}, "Banjir rendam tiga kecamatan!", 5, articles.MatchAmbiguous},
		{"ambiguous exact", articles.Ref{Title: "Sekolah Dibuka Kembali"}, "Sekolah Dibuka Kembali", 8, articles.MatchAmbiguous},
		{"none", articles.Ref{Title: "Judul Yang Tidak Ada di Perpustakaan"}, "", 0, articles.MatchNone},
	}
	s, ctx := openTemp(t), context.Background()
	if _, err := s.ImportArticles(ctx, library); err != nil {
		t.Fatal(err)
	}
	var refs []articles.Ref
	for _, tt := range tests {
		refs = append(refs, tt.ref)
	}
	src := stored("Artikel Sumber Dengan Banyak Tautan", "", 20)
	src.Related = refs
	if _, err := s.ImportArticles(ctx, []articles.Article{src}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, findByTitlePrefix(t, s, "Artikel Sumber"))
	if err != nil {
		t.Fatal(err)
	}
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := got.Related[i]
			if r.Match != tt.match {
				t.Errorf("match = %s, want %s (target %q)", r.Match, tt.match, r.TargetTitle)
			}
			if tt.target == "" {
				if r.Target != 0 {
					t.Errorf("resolved to %q, want none", r.TargetTitle)
				}
				return
			}
			tgt, err := s.Article(ctx, r.Target)
			if err != nil {
				t.Fatal(err)
			}
			if tgt.Title != tt.target || tgt.Published.Day() != tt.day {
				t.Errorf("target = %q (day %d), want %q (day %d)", tgt.Title, tgt.Published.Day(), tt.target, tt.day)
			}
		})
	}
}

func TestTwoDaysTitlesStayApart(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	nine := stored("Update Harga Emas Antam Hari Ini 9 Juni", "", 9)
	ten := stored("Update Harga Emas Antam Hari Ini 10 Juni", "", 10)
	ten.Related = []articles.Ref{{Title: "Update Harga Emas Antam Hari Ini 9 Juni"}}
	nine.Related = []articles.Ref{{Title: "Update Harga Emas Antam Hari Ini 8 Juni"}}
	if _, err := s.ImportArticles(ctx, []articles.Article{nine, ten}); err != nil {
		t.Fatal(err)
	}
	a, _ := s.Article(ctx, findByTitlePrefix(t, s, "Update Harga Emas Antam Hari Ini 10"))
	b, _ := s.Article(ctx, findByTitlePrefix(t, s, "Update Harga Emas Antam Hari Ini 9"))
	if a.Related[0].TargetTitle != nine.Title || a.Related[0].Match != articles.MatchExact {
		t.Errorf("10 Juni → %+v", a.Related[0])
	}
	if b.Related[0].Target != 0 {
		t.Errorf("9 Juni's ref to 8 Juni resolved to %q", b.Related[0].TargetTitle)
	}
}

func TestSearchAcceptsAnyInput(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	_, err := s.ImportArticles(ctx, []articles.Article{
		stored("Blinken Bertemu Menteri Luar Negeri", "", 1),
		stored("Harga Cabai Turun Menjelang Ramadan", "", 2),
		{Title: "Café culture", Body: "The café opened in Jakarta.", Origin: articles.Origin{Path: "cafe"}},
		{Title: "东京新闻", Body: "东京的咖啡馆", Origin: articles.Origin{Path: "cjk"}},
	})
	if err != nil {
		t.Fatal(err)
	}
	hostile := []string{`"`, `""`, `(`, `)`, `AND`, `OR`, `NOT`, `*`, `-`, `a -`, `NEAR(`, `title:`, `body : x`, `"unclosed phrase`,
		`x AND (y OR`, `^`, `'`, `;DROP TABLE articles;--`, `{title}`, `\`, `%`, `🙂`, `東京`, "\x00", `a"b`, `-harga`, `+cabai`, `NEAR/2`, "00\x00", "a\x00b*", "\xff\xfe", "x\ty\nz"}
	for _, q := range hostile {
		if _, err := s.Search(ctx, q, 0, 10, true); err != nil {
			t.Errorf("Search(%q): %v", q, err)
		}
		if _, err := s.SearchCount(ctx, q, false, 0); err != nil {
			t.Errorf("SearchCount(%q): %v", q, err)
		}
	}
	tests := []struct {
		q          string
		prefixLast bool
		want       int
	}{
		{"blinken", false, 1},
		{"BLINKEN menteri", false, 1},
		{`"luar negeri"`, false, 1},
		{`"negeri luar"`, false, 0},
		{"blink*", false, 1},
		{"blink", false, 0},
		{"blink", true, 1},
		{"blinken me", true, 1}, // a two-letter last word waits for a third
		{"me", true, 0},
		{"东京", true, 1}, // CJK prefixes count from one rune
		{"东", true, 1},
		{"harga (cabai)", false, 1},
		{"cafe", false, 1},      // diacritics removed
		{"-harga", false, 3},    // excluded: every article without the word
		{"harga AND", false, 0}, // AND is a word here, not an operator
	}
	for _, tt := range tests {
		got, err := s.Search(ctx, tt.q, 0, 10, tt.prefixLast)
		if err != nil || len(got) != tt.want {
			t.Errorf("Search(%q, %v) = %d hits, %v; want %d", tt.q, tt.prefixLast, len(got), err, tt.want)
		}
		n, err := s.SearchCount(ctx, tt.q, tt.prefixLast, 0)
		if err != nil || n != tt.want {
			t.Errorf("SearchCount(%q) = %d, %v; want %d", tt.q, n, err, tt.want)
		}
	}
}

func FuzzFTSQuery(f *testing.F) {
	for _, s := range []string{`"a b" c*`, `(`, `AND OR NOT`, `-`, `x"y`} {
		f.Add(s)
	}
	s, err := Open(f.TempDir() + "/fuzz.db")
	if err != nil {
		f.Fatal(err)
	}
	defer s.Close()
	f.Fuzz(func(t *testing.T, q string) {
		if _, err := s.SearchCount(context.Background(), q, true, 0); err != nil {
			t.Fatalf("SearchCount(%q): %v", q, err)
		}
	})
}

// TestLaterArticlesAnswerOlderRefsByEveryRule imports refs first and their
// targets in a later import: each ref must resolve then, by its own rule.
func TestLaterArticlesAnswerOlderRefsByEveryRule(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	src := stored("Artikel Sumber Yang Menunggu", "", 1)
	src.Related = []articles.Ref{
		{URL: "https://kabar.example/banjir?utm_campaign=x"},
		{Title: "Gempa Guncang Pesisir Selatan Jawa"},
		{Title: "presiden resmikan bendungan baru di kupang ntt"},
		{Title: "Harga Cabai Turun Drastis Warga diminta membeli secukupnya"},
		{Title: "Jadwal Turnamen Catur Level 111-120 Dirilis"},
	}
	if _, err := s.ImportArticles(ctx, []articles.Article{src}); err != nil {
		t.Fatal(err)
	}
	var words int
	s.db.QueryRow(`SELECT count(*) FROM ref_words`).Scan(&words)
	if words == 0 {
		t.Fatal("no key words remembered for unresolved refs")
	}
	later := []articles.Article{
		stored("Banjir Rendam Kota", "https://kabar.example/banjir", 2),
		stored("Gempa Guncang Pesisir Selatan Jawa", "", 3),
		stored("Presiden Resmikan Bendungan Baru di NTT", "", 4),
		stored("Harga Cabai Turun Drastis", "", 5),
		stored("Jadwal Turnamen Catur Level 11-20 Dirilis", "", 6),
	}
	if _, err := s.ImportArticles(ctx, later); err != nil {
		t.Fatal(err)
	}
	a, err := s.Article(ctx, findByTitlePrefix(t, s, "Artikel Sumber"))
	if err != nil {
		t.Fatal(err)
	}
	want := []articles.Match{articles.MatchURL, articles.MatchExact, articles.MatchFuzzy, articles.MatchPrefix, articles.MatchNone}
	for i, r := range a.Related {
		if r.Match != want[i] {
			t.Errorf("ref %d %q: match %s (→ %q), want %s", i, r.Title, r.Match, r.TargetTitle, want[i])
		}
	}
}

// Titles are looked up by their 64-bit key; two titles sharing one (forced
// here: finding a real pair would take 2^32 tries) must still not match.
func TestTitlesSharingAKeyStayApart(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	flood := stored("Banjir Rob Genangi Pesisir Utara Semarang", "", 3)
	if _, err := s.ImportArticles(ctx, []articles.Article{flood}); err != nil {
		t.Fatal(err)
	}
	other := articles.NormalizeTitle("Harga Cabai Rawit Naik Jelang Lebaran")
	if _, err := s.db.ExecContext(ctx, `UPDATE articles SET title_key = ?`, titleKey(other)); err != nil {
		t.Fatal(err)
	}
	src := stored("Pasar Pagi Ramai Pembeli", "", 4)
	src.Related = []articles.Ref{{Title: "Harga Cabai Rawit Naik Jelang Lebaran"}, {Title: "Banjir Rob Genangi Pesisir Utara Semarang"}}
	if _, err := s.ImportArticles(ctx, []articles.Article{src}); err != nil {
		t.Fatal(err)
	}
	got, err := s.Article(ctx, findByTitlePrefix(t, s, "Pasar Pagi"))
	if err != nil {
		t.Fatal(err)
	}
	if r := got.Related[0]; r.Target != 0 {
		t.Errorf("a ref to another title with the same key resolved to %q (%s)", r.TargetTitle, r.Match)
	}
	// the stored title's key is now another's: only the fuzzy rule, which
	// goes through the full-text index, finds it
	if r := got.Related[1]; r.Match != articles.MatchFuzzy {
		t.Errorf("the stored key no longer matches its title, yet the ref resolved as %s: the lookup did not go by key", r.Match)
	}
}
