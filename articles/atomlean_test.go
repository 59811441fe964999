package articles

import (
	"bytes"
	"reflect"
	"strings"
	"testing"

	"github.com/mmcdole/gofeed"

	"kabar/articles/synth"
)

// leanEntries are Atom entries in the shapes news feeds write, which the lean
// decoder must read exactly as gofeed does.
var leanEntries = []string{
	`<entry><title>Warga Gelar Kirab Budaya</title><link href="https://kabar.example/kirab"/><published>2025-06-10T08:30:00+07:00</published><content type="html">&lt;p&gt;Warga menggelar kirab.&lt;/p&gt;&lt;p&gt;Baca juga: &lt;a href="https://kabar.example/sirene"&gt;Sirene Baru&lt;/a&gt;&lt;/p&gt;</content></entry>`,
	`<entry>
	  <id>tag:kabar.example,2025:1</id>
	  <title type="text">Harga Cabai &amp; Bawang Turun &#8211; Pedagang Lega</title>
	  <link rel="self" href="https://kabar.example/self/1"/>
	  <link rel="alternate" type="text/html" href="https://kabar.example/cabai?a=1&amp;b=2"/>
	  <link href="https://kabar.example/third"/>
	  <updated>2025-06-11T01:00:00Z</updated>
	  <author><name>Sari Lestari</name><email>sari@kabar.example</email></author>
	  <author><name> Dimas &#x50;rasetyo </name></author>
	  <category term="ekonomi" label="Ekonomi"/>
	  <media:thumbnail xmlns:media="http://search.yahoo.com/mrss/" url="https://kabar.example/a.jpg"/>
	  <summary type="html">&lt;p&gt;Ringkasan &lt;b&gt;harga&lt;/b&gt;.&lt;/p&gt;</summary>
	</entry>`,
	`<entry><title>City Council Votes on Cycle Lanes</title><link rel="alternate" href='https://news.example/cycle'/><issued>2024-12-03T17:30:00-05:00</issued><modified>2024-12-04T09:00:00Z</modified><summary>Councillors voted 7 to 2 on Tuesday.</summary><author><name>Jo Smith</name><uri>https://news.example/jo</uri></author></entry>`,
	`<entry><title></title><content type="html">&lt;h2&gt;Only a body&lt;/h2&gt;&lt;p&gt;Teks tanpa judul, "kutipan" &amp;amp; tanda.&lt;/p&gt;</content><contributor><name>X</name></contributor></entry>`,
	`<entry/>`,
}

// notLean are entries the lean decoder must leave to gofeed.
var notLean = map[string]string{
	"CDATA":          `<entry><title>T</title><content type="html"><![CDATA[<p>x</p>]]></content></entry>`,
	"xhtml":          `<entry><title>T</title><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>x</p></div></content></entry>`,
	"xml:base":       `<entry xml:base="https://kabar.example/"><title>T</title><link href="a"/></entry>`,
	"HTML entity":    `<entry><title>Harga&nbsp;Cabai</title></entry>`,
	"RFC 1123 date":  `<entry><title>T</title><published>Tue, 10 Jun 2025 08:30:00 +0700</published></entry>`,
	"comment":        `<entry><title>T</title><!-- note --></entry>`,
	"markup in text": `<entry><title>T <b>bold</b></title></entry>`,
	"unknown child":  `<entry><title>T</title><source><title>S</title></source></entry>`,
	"atom prefix":    `<entry xmlns:a="http://www.w3.org/2005/Atom"><a:title>T</a:title></entry>`,
	"CR":             "<entry><title>T\r\nU</title></entry>",
}

func TestLeanAtomEntryReadsAsGofeedDoes(t *testing.T) {
	for i, e := range leanEntries {
		item, ok := leanAtomEntry([]byte(e))
		if !ok {
			t.Errorf("entry %d: not read by the lean decoder:\n%s", i, e)
			continue
		}
		if diff := compareWithGofeed(t, item, e, true); diff != "" {
			t.Errorf("entry %d: %s", i, diff)
		}
	}
	for name, e := range notLean {
		if _, ok := leanAtomEntry([]byte(e)); ok {
			t.Errorf("%s: the lean decoder read an entry it must leave to gofeed:\n%s", name, e)
		}
	}
}

// TestGeneratedFeedTakesTheLeanPath checks that the benchmark's entries (the
// shape of a big news feed) are read by the lean decoder and give the same
// articles as gofeed: the speed of a feed import rests on it.
func TestGeneratedFeedTakesTheLeanPath(t *testing.T) {
	var feed bytes.Buffer
	if err := synth.WriteAtomFeed(&feed, 30, 1500); err != nil {
		t.Fatal(err)
	}
	sp := newEntrySplitter(&feed)
	entry, err := sp.next()
	if err != nil {
		t.Fatal(err)
	}
	if !leanAtomHead("atom", sp.head) {
		t.Fatalf("generated feed's head is not lean:\n%s", sp.head)
	}
	for n := 1; err == nil; n++ {
		item, ok := leanAtomEntry(entry)
		if !ok {
			t.Fatalf("entry %d is not lean:\n%s", n, entry)
		}
		if diff := compareWithGofeed(t, item, string(entry), true); diff != "" {
			t.Fatalf("entry %d: %s", n, diff)
		}
		entry, err = sp.next()
	}
}

func TestLeanAtomHead(t *testing.T) {
	for head, want := range map[string]bool{
		`<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>W</title>`:                  true,
		`<feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://kabar.example/"><title>W</title>`:     false,
		`<a:feed xmlns:a="http://www.w3.org/2005/Atom"><a:title>W</a:title>`:                               false,
		`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:b="http://www.w3.org/2005/Atom"><title>W</title>`: false,
		`<feed xmlns="http://www.w3.org/2005/Atom" xmlns:e=""><title>W</title>`:                            false,
		`<rss version="2.0"><channel><title>W</title>`:                                                     false,
	} {
		feedType := "atom"
		if strings.HasPrefix(head, "<rss") {
			feedType = "rss"
		}
		if got := leanAtomHead(feedType, []byte(head)); got != want {
			t.Errorf("leanAtomHead(%q) = %v, want %v", head, got, want)
		}
	}
}

// FuzzLeanAtomEntry holds the lean decoder to gofeed: whatever entry it
// reads, gofeed must read to the same article (entries gofeed refuses may
// still be read).
func FuzzLeanAtomEntry(f *testing.F) {
	for _, e := range leanEntries {
		f.Add(e)
	}
	for _, e := range notLean {
		f.Add(e)
	}
	f.Fuzz(func(t *testing.T, entry string) {
		item, ok := leanAtomEntry([]byte(entry))
		if !ok {
			return
		}
		if diff := compareWithGofeed(t, item, entry, false); diff != "" {
			t.Fatalf("%s\nentry: %q", diff, entry)
		}
	})
}

// compareWithGofeed reads entry with gofeed, inside a minimal Atom feed, and
// describes how the two articles differ ("" when they do not; when gofeed
// refuses the entry, "" unless strict).
func compareWithGofeed(t *testing.T, lean *gofeed.Item, entry string, strict bool) string {
	t.Helper()
	doc := `<?xml version="1.0" encoding="utf-8"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Warta</title>` + entry + `</feed>`
	feed, err := gofeed.NewParser().Parse(strings.NewReader(doc))
	if err != nil || len(feed.Items) != 1 {
		if strict {
			return "gofeed does not read it"
		}
		return ""
	}
	want, wantErr := ArticleFromFeedItem(feed.Items[0], "Warta")
	got, gotErr := ArticleFromFeedItem(lean, "Warta")
	if (wantErr == nil) != (gotErr == nil) {
		return "errors differ: gofeed " + errString(wantErr) + ", lean " + errString(gotErr)
	}
	if !got.Published.Equal(want.Published) {
		return "published differs: gofeed " + want.Published.String() + ", lean " + got.Published.String()
	}
	got.Published = want.Published
	if !reflect.DeepEqual(got, want) {
		return "articles differ:\ngofeed " + reflectString(want) +
			"\nlean   " + reflectString(got)
	}
	return ""
}

func errString(err error) string {
	if err == nil {
		return "none"
	}
	return err.Error()
}

func reflectString(a Article) string {
	return strings.Join([]string{"title=" + a.Title, "url=" + a.URL, "authors=" + strings.Join(a.Authors, "|"),
		"body=" + a.Body}, " ")
}
