package articles

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func addFixtures(f *testing.F, pattern string) {
	paths, _ := filepath.Glob(filepath.Join("testdata", pattern))
	for _, p := range paths {
		data, err := os.ReadFile(p)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(data))
	}
}

func FuzzParseText(f *testing.F) {
	addFixtures(f, "*.txt")
	f.Add("Baca juga:\n[ Baca juga : ]\n- Penulis :\n(Penulis: | Editor: )")
	f.Fuzz(func(t *testing.T, s string) {
		as, err := Parse("fuzz.txt", strings.NewReader(s), Options{})
		if err != nil {
			if !strings.Contains(err.Error(), "fuzz.txt") {
				t.Fatalf("error does not name the input: %v", err)
			}
			return
		}
		a := as[0]
		checkFields(t, "text", a)
		if strings.Contains(strings.ToLower(a.Body), "\nbaca juga:\n") {
			t.Fatalf("own-line marker left in body: %q", a.Body)
		}
	})
}

func FuzzFindDate(f *testing.F) {
	for _, s := range []string{"Rabu (21/2/2024)", "18 Juni 2025 | 20.04 WIB", "February 21, 2024 3:45 pm", "2024-02-21T10:00:00+07:00", "31/2/2024"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if d, ok := FindDate(s); ok && (d.Year() < 1900 || d.Year() > 2200) {
			t.Fatalf("FindDate(%q) = %v out of range", s, d)
		}
		_, _ = ParseDate(s)
	})
}

func FuzzParseMarkdown(f *testing.F) {
	addFixtures(f, "*.md")
	f.Add("---\ntitle: \"Hi \\e]0;PWNED\\a\\u202e\"\nsource: \"a\\nb\"\nauthors: [\"\\x1bP1$q\\x1b\\\\Dewi\", \" \"]\nrelated: [\"R \\x9b2J\"]\n---\nIsi.\n")
	f.Fuzz(func(t *testing.T, s string) {
		as, err := Parse("fuzz.md", strings.NewReader(s), Options{})
		if err != nil && !strings.Contains(err.Error(), "fuzz.md") {
			t.Fatalf("error does not name the input: %v", err)
		}
		for _, a := range as {
			checkFields(t, "markdown", a)
		}
	})
}

// FuzzDatasets feeds the same bytes to every dataset reader and the feed
// reader: none may panic, and every error must name the input.
func FuzzDatasets(f *testing.F) {
	for _, p := range []string{"*.csv", "*.tsv", "*.json", "*.jsonl", "*.atom", "*.rss"} {
		addFixtures(f, p)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, name := range []string{"f.csv", "f.tsv", "f.json", "f.jsonl", "f.xml", "f.html"} {
			as, err := Parse(name, strings.NewReader(s), Options{})
			if err != nil && !strings.Contains(err.Error(), name) {
				t.Fatalf("%s: error does not name the input: %v", name, err)
			}
			for _, a := range as {
				checkFields(t, name, a)
			}
		}
	})
}

// FuzzSniffedInput reads arbitrary content without a telling name, as
// import - does: the sniffed parser must not panic, must name the input in
// its errors and must keep every field clean.
func FuzzSniffedInput(f *testing.F) {
	for _, s := range sniffSamples {
		f.Add(s.content)
	}
	f.Add("<?xml version=\"1.0\"?><?xml-stylesheet href=\"x\"?><!-- c --><rdf:RDF><item><title>\x1b]0;t\a</title></item></rdf:RDF>")
	f.Add("title\tbody\n\"unterminated\tx\n")
	f.Fuzz(func(t *testing.T, s string) {
		if a, b := Sniff([]byte(s)), Sniff([]byte(s)); a != b {
			t.Fatalf("Sniff is not deterministic: %s then %s", a, b)
		}
		as, err := Parse("-", strings.NewReader(s), Options{})
		if err != nil && !strings.Contains(err.Error(), "-") {
			t.Fatalf("error does not name the input: %v", err)
		}
		for _, a := range as {
			checkFields(t, "sniffed", a)
		}
	})
}
