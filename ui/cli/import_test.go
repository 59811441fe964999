package cli

import (
	"path/filepath"
	"strings"
	"testing"
)

// TestImportRecognisesInputsAndNamesWhatItCannotRead: standard input and
// files without an extension are read by their content, --format forces a
// format (in a directory walk too), a file named on the command line that
// kabar cannot read fails by name, and in a walk such files are counted as
// skipped.
func TestImportRecognisesInputsAndNamesWhatItCannotRead(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "library.db")
	rdf := `<?xml version="1.0"?>` + "\n" + `<?xml-stylesheet type="text/xsl" href="rss.xsl"?>` + "\n" +
		`<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/">` +
		`<channel rdf:about="https://kabar.example/"><title>Kabar</title><link>https://kabar.example/</link><description>d</description></channel>` +
		`<item rdf:about="https://kabar.example/sawah"><title>Sawah Kembali Hijau</title><link>https://kabar.example/sawah</link>` +
		`<description>Sawah di desa kembali hijau setelah hujan turun tiga hari.</description></item></rdf:RDF>`
	if code, out, errOut := kabar(t, rdf, "--db", db, "import", "-"); code != 0 || !strings.Contains(out, "1 new") {
		t.Fatalf("RSS 1.0 on stdin: %d %q %q", code, out, errOut)
	}
	noExt := filepath.Join(dir, "ekspor")
	writeFile(t, noExt, []byte("judul,isi\nGempa Kecil Terasa,\"Gempa kecil terasa di kota, warga tetap tenang.\"\n"), 0o644)
	if code, out, errOut := kabar(t, "", "--db", db, "import", noExt); code != 0 || !strings.Contains(out, "1 new") {
		t.Fatalf("CSV without an extension: %d %q %q", code, out, errOut)
	}
	if _, out, _ := kabar(t, "", "--db", db, "list"); !strings.Contains(out, "Sawah Kembali Hijau") || !strings.Contains(out, "Gempa Kecil Terasa") {
		t.Fatalf("sniffed articles are not listed:\n%s", out)
	}

	tree := filepath.Join(dir, "tree")
	docx := filepath.Join(tree, "catatan.docx")
	writeFile(t, docx, []byte("PK\x03\x04 not an article"), 0o644)
	writeFile(t, filepath.Join(tree, "berita.article"), []byte("Jembatan Baru Diresmikan\nKabar Lembah - Jembatan baru diresmikan pagi ini.\n"), 0o644)
	code, out, errOut := kabar(t, "", "--db", db, "import", docx)
	if code != 1 || !strings.Contains(errOut, "catatan.docx") || !strings.Contains(errOut, "--format") || !strings.Contains(out, "1 failed") {
		t.Fatalf("a named file of unknown type: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := kabar(t, "", "--db", db, "import", tree); code != 0 || !strings.Contains(out, "0 new, 0 updated, 0 unchanged, 2 skipped, 0 failed") {
		t.Fatalf("unknown types in a directory: %d %q %q", code, out, errOut)
	}
	if code, out, errOut := kabar(t, "", "--db", db, "import", "--format", "text", filepath.Join(tree, "berita.article")); code != 0 || !strings.Contains(out, "1 new") {
		t.Fatalf("--format text: %d %q %q", code, out, errOut)
	}
}
