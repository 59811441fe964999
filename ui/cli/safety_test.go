package cli

import (
	"bufio"
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"kabar/store"
)

// inert reports the first character in s that a terminal would act on (C0
// controls but newline and tab, DEL, C1, bidirectional formatting, line and
// paragraph separators, invalid UTF-8), or "" when there is none.
func inert(s string) string {
	if !utf8.ValidString(s) {
		return "invalid UTF-8"
	}
	for _, r := range s {
		if r < 0x20 && r != '\n' && r != '\t' || r >= 0x7f && r <= 0x9f ||
			r >= '\u202a' && r <= '\u202e' || r >= '\u2066' && r <= '\u2069' || r == '\u2028' || r == '\u2029' {
			return fmt.Sprintf("%U", r)
		}
	}
	return ""
}

// mustBeInert fails when output holds anything a terminal acts on.
func mustBeInert(t *testing.T, what, output string) {
	t.Helper()
	if c := inert(output); c != "" {
		t.Errorf("%s prints %s: %q", what, c, output)
	}
}

// hostileFiles writes articles whose every field carries escapes, in the
// encoded forms each format has: YAML's \e and \x1b and \u001b, JSON's
// \u001b, a raw CR in a CSV title, a bidi override in a feed.
func hostileFiles(t *testing.T, dir string) []string {
	t.Helper()
	files := map[string]string{
		"yaml.md": "---\n" +
			`title: "Hello \e]0;PWNED\a\e]52;c;cHduZWQ=\a\e[2J Judul"` + "\n" +
			`source: "\x1b]8;;https://evil.example\x1b\\Kabar\x1b]8;;\x1b\\"` + "\n" +
			`authors: ["\u001bP1$qm\u001b\\Dewi", "Budi\u009b31m"]` + "\n" +
			`editors: ["Sari\u202eharam"]` + "\n" +
			`url: "https://kabar.example/a\u0007"` + "\n" +
			`related: ["Judul \e]0;x\a Terkait"]` + "\n" +
			"---\nIsi berita \x1b[31mmerah\x1b[0m di sini.\n",
		"data.jsonl": `{"title":"JSON \u001b]0;t\u0007 Title","body":"Body \u001b[2J text.","author":"A\u2066B","source":"Out\u009dlet"}` + "\n",
		"rows.csv":   "title,body,source\n\"Row\rTwo\rThree\",\"Body \x1b]52;c;eA==\x07 here.\",\"Src\nLine\"\n",
		"feed.xml": `<?xml version="1.0"?><rss version="2.0"><channel><title>Feed` + "\u202e" + `Name</title>` +
			`<item><title>Item ` + "\u0085" + ` title</title><link>https://kabar.example/f</link>` +
			`<description>&lt;p&gt;Entry ` + "\u009b" + `2J body.&lt;/p&gt;</description></item></channel></rss>`,
	}
	var paths []string
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
	}
	return paths
}

// TestEscapesInEveryFieldNeverReachTheTerminal imports hostile files of
// every format and checks every command's output, text and JSON.
func TestEscapesInEveryFieldNeverReachTheTerminal(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	paths := hostileFiles(t, dir)
	code, out, errOut := kabar(t, "", append([]string{"--db", db, "import"}, paths...)...)
	if code != 0 || !strings.Contains(out, "4 new") {
		t.Fatalf("import: %d %q %q", code, out, errOut)
	}
	mustBeInert(t, "import", out+errOut)
	storedFieldsAreClean(t, db, 4)
	_, list, _ := kabar(t, "", "--db", db, "list")
	if rows := strings.Count(list, "\n"); rows != 4 {
		t.Errorf("list prints %d rows for 4 articles (a line break in a title forges rows):\n%s", rows, list)
	}
	for _, args := range [][]string{
		{"list"}, {"list", "--json"}, {"search", "berita"}, {"search", "--json", "body"}, {"links"}, {"links", "--json"},
	} {
		_, out, errOut := kabar(t, "", append([]string{"--db", db}, args...)...)
		mustBeInert(t, strings.Join(args, " "), out+errOut)
	}
	for id := 1; id <= 4; id++ {
		for _, extra := range [][]string{nil, {"--json"}} {
			args := append([]string{"--db", db, "show", fmt.Sprint(id)}, extra...)
			code, out, errOut := kabar(t, "", args...)
			if code != 0 {
				t.Fatalf("show %d: %d %q", id, code, errOut)
			}
			mustBeInert(t, strings.Join(args[2:], " "), out)
			if strings.Contains(out, "PWNED") && !strings.Contains(out, "Hello") {
				t.Errorf("show %d lost the title text around the escape: %q", id, out)
			}
		}
	}
}

// storedFieldsAreClean checks what the import stored, before any output
// escaping: no field holds a control or bidi character, and titles, outlets,
// URLs and names are single lines.
func storedFieldsAreClean(t *testing.T, db string, n int) {
	t.Helper()
	s, err := store.Open(db)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for id := int64(1); id <= int64(n); id++ {
		a, err := s.Article(context.Background(), id)
		if err != nil {
			t.Fatal(err)
		}
		lines := append([]string{a.Title, a.Source, a.URL}, append(a.Authors, a.Editors...)...)
		for _, r := range a.Related {
			lines = append(lines, r.Title, r.URL)
		}
		for _, l := range lines {
			if inert(l) != "" || strings.ContainsAny(l, "\n\t") {
				t.Errorf("article %d stores the line %q", id, l)
			}
		}
		if c := inert(a.Body); c != "" {
			t.Errorf("article %d stores %s in its body: %q", id, c, a.Body)
		}
	}
}

// TestHostileFileNamesAndServerMessagesPrintVisibly: a file name and an HTTP
// reason phrase with escapes are shown, escaped, in import, fetch and feed
// list output.
func TestHostileFileNamesAndServerMessagesPrintVisibly(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	bad := filepath.Join(dir, "bad_\x1b]0;pwned\x07.csv")
	if err := os.WriteFile(bad, []byte("a,b\n1,2\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	code, out, errOut := kabar(t, "", "--db", db, "import", bad)
	if code != 1 || !strings.Contains(errOut, `bad_\x1b]0;pwned\x07.csv`) {
		t.Fatalf("import of an unreadable hostile-named file: %d %q %q", code, out, errOut)
	}
	mustBeInert(t, "import failure", out+errOut)

	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		conn, buf, err := w.(http.Hijacker).Hijack()
		if err != nil {
			return
		}
		defer conn.Close()
		writeRawResponse(buf, "HTTP/1.1 500 \x1b]0;PWNED\x07\x9b2J Oops\r\nContent-Type: text/xml\r\nContent-Length: 0\r\n\r\n")
	}))
	defer srv.Close()
	if code, _, errOut := kabar(t, "", "--db", db, "feed", "add", srv.URL+"/feed", "--name", "Jahat\x1b]0;x\x07"); code != 0 {
		t.Fatalf("feed add: %d %q", code, errOut)
	}
	code, out, errOut = kabar(t, "", "--db", db, "fetch")
	if code != 1 || !strings.Contains(errOut, `\x1b]0;PWNED\x07`) {
		t.Fatalf("fetch from a hostile server: %d %q %q", code, out, errOut)
	}
	mustBeInert(t, "fetch", out+errOut)
	for _, args := range [][]string{{"feed", "list"}, {"feed", "list", "--json"}, {"feed", "export"}} {
		_, out, errOut := kabar(t, "", append([]string{"--db", db}, args...)...)
		mustBeInert(t, strings.Join(args, " "), out+errOut)
		if !strings.Contains(out, "Jahat") {
			t.Errorf("%s lost the feed: %q", strings.Join(args, " "), out)
		}
	}
}

func writeRawResponse(buf *bufio.ReadWriter, raw string) {
	_, _ = buf.WriteString(raw)
	_ = buf.Flush()
}

// TestFeedAddTakesOnlyHTTPURLs: other schemes and text that is not a URL
// are refused, and nothing is subscribed.
func TestFeedAddTakesOnlyHTTPURLs(t *testing.T) {
	db := filepath.Join(t.TempDir(), "library.db")
	for _, u := range []string{"javascript:alert(1)", "file:///etc/passwd", "not a url", "-fooarg", "//host/feed", "https://", "ftp://kabar.example/f.xml", "http://kabar.example/\x1b[2J"} {
		code, _, errOut := kabar(t, "", "--db", db, "feed", "add", "--", u)
		if code != 1 || !strings.Contains(errOut, "must be an http:// or https:// URL") {
			t.Errorf("feed add %q: %d %q", u, code, errOut)
		}
		mustBeInert(t, "feed add "+u, errOut)
	}
	if _, out, _ := kabar(t, "", "--db", db, "feed", "list"); out != "" {
		t.Fatalf("refused feeds were subscribed: %q", out)
	}
	if code, _, errOut := kabar(t, "", "--db", db, "feed", "add", "https://kabar.example/feed.xml"); code != 0 {
		t.Fatalf("an https feed is refused: %q", errOut)
	}
}
