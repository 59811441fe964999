package store

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"kabar/articles"
	"kabar/articles/demo"
)

// TestVocabularyMatchesTheIndex imports real fixtures and checks that the
// terms kabar records are exactly the terms SQLite's tokenizer indexed,
// but the token every article holds (everyArticle), which no prefix may
// expand to.
func TestVocabularyMatchesTheIndex(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	as, err := demo.Articles()
	if err != nil {
		t.Fatal(err)
	}
	paths, _ := filepath.Glob("../articles/testdata/*.*")
	for _, p := range paths {
		f, _ := os.Open(p)
		more, _ := articles.Parse(p, f, articles.Options{})
		f.Close()
		as = append(as, more...)
	}
	as = append(as, articles.Article{Title: "Ünïcödé Straße Café Ａｂｃ", Body: "naïve façade — 東京の店 🏮 x-ray e-mail don't 3.14", Origin: articles.Origin{Path: "edge"}})
	as = append(as, multilingual...)
	if _, err := s.ImportArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	if _, err := s.db.Exec(`CREATE VIRTUAL TABLE temp.terms USING fts5vocab(main, articles_fts, 'row')`); err != nil {
		t.Fatal(err)
	}
	indexed := readTerms(t, s, `SELECT term FROM temp.terms WHERE term <> '`+everyArticle+`'`)
	recorded := readTerms(t, s, `SELECT term FROM vocab`)
	for _, term := range indexed {
		if _, found := slices.BinarySearch(recorded, term); !found {
			t.Errorf("the index holds %q but the vocabulary does not", term)
		}
	}
	for _, term := range recorded {
		if _, found := slices.BinarySearch(indexed, term); !found {
			t.Errorf("the vocabulary holds %q but the index does not", term)
		}
	}
}

// multilingual are articles in the scripts whose folding differs between
// SQLite's unicode61 and Go's Unicode tables: Cyrillic (ї, й, ё keep their
// marks in SQLite), Greek accents, Arabic and Hebrew points, Devanagari and
// Tamil vowel signs and viramas, CJK, emoji old and new, Turkish dotted I,
// Vietnamese stacked diacritics.
var multilingual = []articles.Article{
	{Title: "Україна готується до зими", Body: "Новини з Києва: у країні ввімкнули йолку. Новий рік, ялинка, їжак, ґанок.", Origin: articles.Origin{Path: "uk"}},
	{Title: "Ёлка в Москве", Body: "Новогодняя ёлка зажглась. Йошкар-Ола, объявление, съезд.", Origin: articles.Origin{Path: "ru"}},
	{Title: "Αθήνα: νέο μετρό", Body: "Η Αθήνα άνοιξε τον σταθμό. Ἀθῆναι, ΐ, ΰ, ς σ Σ.", Origin: articles.Origin{Path: "el"}},
	{Title: "أخبار القاهرة", Body: "مُحَمَّد قالَ إنَّ المَدينة جميلة، وَالسُّوق مزدحم.", Origin: articles.Origin{Path: "ar"}},
	{Title: "חדשות ירושלים", Body: "שָׁלוֹם לְכֻלָּם, העיר יְרוּשָׁלַיִם.", Origin: articles.Origin{Path: "he"}},
	{Title: "दिल्ली में बारिश", Body: "नमस्ते, हिन्दी समाचार: क्षेत्र में पानी भर गया। ज़्यादा बारिश।", Origin: articles.Origin{Path: "hi"}},
	{Title: "சென்னை செய்திகள்", Body: "தமிழ் நாட்டில் மழை பெய்தது. கொண்டாட்டம்.", Origin: articles.Origin{Path: "ta"}},
	{Title: "東京の天気 서울 날씨", Body: "今日は雨です。서울에 비가 옵니다. 🦊🪿🏮 İstanbul ıspanak Tiếng Việt người ǅ ﬁ Ω K Å", Origin: articles.Origin{Path: "cjk"}},
}

func readTerms(t *testing.T, s *Store, q string) []string {
	t.Helper()
	rows, err := s.db.Query(q)
	if err != nil {
		t.Fatal(err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var term string
		rows.Scan(&term)
		out = append(out, term)
	}
	slices.Sort(out)
	return out
}

// TestPrefixSearchInEveryScript: a prefix finds its article in every
// script, as FTS5's own prefix query does, from the command line's word*
// and from the filter's last word alike.
func TestPrefixSearchInEveryScript(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	if _, err := s.ImportArticles(ctx, multilingual); err != nil {
		t.Fatal(err)
	}
	for typed, want := range map[string]string{
		"Укр*": "uk", "Україн*": "uk", "ёлк*": "ru", "Ёлк*": "ru", "Нов*": "ru uk", "Αθή*": "el", "αθή*": "el",
		"ἀθῆ*": "el", "Йошк*": "ru", "Cafe*": "", "مُحَمَّ*": "ar", "ירוש*": "he", "हिन्*": "hi", "தமி*": "ta",
		"東京*": "cjk", "Tiế*": "cjk", "ıspa*": "cjk",
	} {
		for _, q := range []struct {
			text       string
			prefixLast bool
		}{{typed, false}, {strings.TrimSuffix(typed, "*"), true}} {
			ls, err := s.Search(ctx, q.text, 0, 10, q.prefixLast)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, l := range ls {
				a, err := s.Article(ctx, l.ID)
				if err != nil {
					t.Fatal(err)
				}
				got = append(got, a.Origin.Path)
			}
			slices.Sort(got)
			if strings.Join(got, " ") != want {
				t.Errorf("search %q (prefixLast %v) found %q, want %q", q.text, q.prefixLast, got, want)
			}
		}
	}
}

// TestPrefixExpansionFindsWhatAPrefixQueryFinds compares filtering through
// the vocabulary with FTS5's own prefix query.
func TestPrefixExpansionFindsWhatAPrefixQueryFinds(t *testing.T) {
	s, ctx := openTemp(t), context.Background()
	as, _ := demo.Articles()
	if _, err := s.ImportArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	for _, typed := range []string{"jem", "merapi jal", "harb", "pel", "cafe", "东", "lev", "201"} {
		expanded, err := s.Search(ctx, typed, 0, 1000, true)
		if err != nil {
			t.Fatal(err)
		}
		plain, _ := renderQuery(parseQuery(typed, true).terms, "AND", nil)
		var want []int64
		rows, err := s.db.Query(`SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC`, plain)
		if err != nil {
			t.Fatal(err)
		}
		for rows.Next() {
			var id int64
			rows.Scan(&id)
			want = append(want, id)
		}
		rows.Close()
		var got []int64
		for _, l := range expanded {
			got = append(got, l.ID)
		}
		slices.Sort(got)
		slices.Reverse(got)
		if !slices.Equal(got, want) {
			t.Errorf("%q: expansion found %v, prefix query %v", typed, got, want)
		}
		n, _ := s.SearchCount(ctx, typed, true, 0)
		if n != len(want) {
			t.Errorf("%q: count %d, want %d", typed, n, len(want))
		}
	}
}

// TestMigrationRefoldsTheVocabulary: a library whose vocabulary was folded
// by Go's tables (marks stripped in every script) is repaired on open.
func TestMigrationRefoldsTheVocabulary(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := openVersion(path, 10)
	if err != nil {
		t.Fatal(err)
	}
	// the article as version 10 stored it, with what the old fold put in
	// the vocabulary: "україна" without its diaeresis
	a := multilingual[0]
	if _, err := old.db.Exec(`INSERT INTO articles (key, content_hash, title, norm_title, sort_key, body, origin, imported)
			VALUES ('origin:uk', x'01', ?, ?, 1, ?, 'uk', 1);
		INSERT INTO articles_fts (rowid, title, body) SELECT id, title, body FROM articles;
		INSERT INTO counters (name, n) VALUES ('articles', 1) ON CONFLICT (name) DO UPDATE SET n = 1;
		INSERT INTO vocab (term) VALUES ('украіна')`, a.Title, articles.NormalizeTitle(a.Title), a.Body); err != nil {
		t.Fatal(err)
	}
	old.Close()
	s, err := Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if ls, err := s.Search(ctx, "Україн", 0, 10, true); err != nil || len(ls) != 1 {
		t.Fatalf("filter Україн after the migration: %d results, %v", len(ls), err)
	}
	if terms := readTerms(t, s, `SELECT term FROM vocab WHERE term LIKE 'укра%'`); !slices.Equal(terms, []string{"україна"}) {
		t.Fatalf("vocabulary after the migration: %q", terms)
	}
}
