package articles

import (
	"regexp"
	"strings"
	"testing"
)

func TestEntryMarkdown(t *testing.T) {
	for _, c := range []struct{ name, in, want string }{
		{"paragraphs", "<p>Warga  berkumpul\n di alun-alun.</p><p>Hujan turun.</p>", "Warga berkumpul di alun-alun.\n\nHujan turun."},
		{"link and emphasis", `<p>Kata <strong>Bupati</strong> di <a href="https://x.test/a">laman resmi</a>, <em>kemarin</em>.</p>`,
			"Kata **Bupati** di [laman resmi](https://x.test/a), *kemarin*."},
		{"related line", `<p><strong>Baca juga:</strong> <a href="https://x.test/b">Harga Cabai Turun</a></p>`,
			"**Baca juga:** [Harga Cabai Turun](https://x.test/b)"},
		{"heading and list", "<h2>Jadwal</h2><ul><li>Senin</li><li>Selasa</li></ul><ol><li>satu</li><li>dua</li></ol>",
			"## Jadwal\n\n- Senin\n\n- Selasa\n\n1. satu\n\n2. dua"},
		{"quote", "<blockquote><p>Kami siap.</p></blockquote>", "> Kami siap."},
		{"markup in text is escaped", "<p>*bukan* tebal [bukan tautan] 1_000 <b>x</b></p>", `\*bukan\* tebal \[bukan tautan\] 1\_000 **x**`},
		{"line start is escaped", "<p># bukan judul</p><p>- bukan daftar</p>", `\# bukan judul` + "\n\n" + `\- bukan daftar`},
		{"scripts and styles vanish", "<p>Isi<script>alert(1)</script><style>p{}</style> berita.</p>", "Isi berita."},
		{"image", `<p><img src="https://x.test/f.jpg" alt="Foto warga"></p>`, "![Foto warga](https://x.test/f.jpg)"},
		{"line break", "<p>Baris satu<br>baris dua</p>", "Baris satu  \nbaris dua"},
		{"plain text", "Teks tanpa tag sama sekali.", "Teks tanpa tag sama sekali."},
		{"entities", "<p>Harga &amp; stok &lt;naik&gt;</p>", `Harga & stok \<naik>`},
		{"table", "<table><tr><td>A</td><td>B</td></tr></table>", "A | B"},
		{"pre keeps spacing", "<pre>a  b\n c</pre>", "```\na  b\n c\n```"},
	} {
		t.Run(c.name, func(t *testing.T) {
			if got := entryMarkdown(c.in); got != c.want {
				t.Errorf("entryMarkdown(%q)\n got %q\nwant %q", c.in, got, c.want)
			}
		})
	}
}

// FuzzEntryMarkdown checks that any HTML converts without a panic and that
// no text word of a simple paragraph is lost.
func FuzzEntryMarkdown(f *testing.F) {
	for _, s := range []string{"<p>a <b>b</b> c</p>", "<ul><li>x", "<a href=x>y", "<pre>", "<blockquote><blockquote>q"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		md := entryMarkdown(s)
		if strings.ContainsAny(s, "<&\\") {
			return
		}
		plain := regexp.MustCompile("\\\\([[:punct:]])").ReplaceAllString(md, "$1")
		for _, w := range strings.Fields(s) {
			if !strings.Contains(plain, w) {
				t.Fatalf("word %q of %q lost: %q", w, s, md)
			}
		}
	})
}
