package articles

import (
	"fmt"
	"strings"
	"testing"

	"kabar/articles/synth"
)

func BenchmarkParseText5KB(b *testing.B) {
	text := synth.Text(1234, 5<<10)
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	for b.Loop() {
		if _, err := ParseText(strings.NewReader(text), Origin{Path: "bench.txt"}); err != nil {
			b.Fatal(err)
		}
	}
}

// datasetRows returns n generated records of about 2 KB each.
func datasetRows(n int) [][4]string {
	rows := make([][4]string, n)
	for i := range rows {
		rows[i] = [4]string{synth.Title(i), synth.Text(i, 2<<10), "2025-03-09", fmt.Sprintf("https://example.org/%d", i)}
	}
	return rows
}

func BenchmarkParseCSV(b *testing.B) {
	var sb strings.Builder
	sb.WriteString("\ufeffjudul,isi_berita,tanggal_publikasi,url\n")
	for _, r := range datasetRows(200) {
		fmt.Fprintf(&sb, "%q,%q,%s,%s\n", r[0], strings.ReplaceAll(r[1], `"`, `""`), r[2], r[3])
	}
	benchDataset(b, "bench.csv", strings.ReplaceAll(sb.String(), `\n`, "\n"))
}

func BenchmarkParseJSONLines(b *testing.B) {
	var sb strings.Builder
	for _, r := range datasetRows(200) {
		fmt.Fprintf(&sb, "{\"title\": %q, \"content\": %q, \"date\": %q, \"url\": %q}\n", r[0], r[1], r[2], r[3])
	}
	benchDataset(b, "bench.jsonl", sb.String())
}

func BenchmarkParseJSON(b *testing.B) {
	var sb strings.Builder
	sb.WriteString(`{"articles": [`)
	for i, r := range datasetRows(200) {
		if i > 0 {
			sb.WriteString(",")
		}
		fmt.Fprintf(&sb, "{\"title\": %q, \"content\": %q, \"date\": %q, \"url\": %q}\n", r[0], r[1], r[2], r[3])
	}
	sb.WriteString("]}")
	benchDataset(b, "bench.json", sb.String())
}

func benchDataset(b *testing.B, name, data string) {
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		as, err := Parse(name, strings.NewReader(data), Options{})
		if err != nil || len(as) != 200 {
			b.Fatalf("got %d articles, %v", len(as), err)
		}
	}
}
