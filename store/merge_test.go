package store

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
)

// teaserCSV and fullCSV are two scrapers' exports of one article (one URL):
// a teaser with a date, and the full text with authors and no usable date.
const (
	teaserCSV = "judul,isi,url,tanggal\n" +
		"Warga Kendari Gelar Festival Perahu,\"Warga Kendari menggelar festival perahu hias di teluk, Sabtu.\n\nRatusan perahu ikut serta dan panitia menyebut...\",https://kabar.example/festival-perahu,2025-06-14\n"
	fullCSV = "judul,isi,url,tanggal,penulis\n" +
		"Warga Kendari Gelar Festival Perahu,\"Warga Kendari menggelar festival perahu hias di teluk, Sabtu.\n\nRatusan perahu ikut serta dan panitia menyebut jumlahnya naik dua kali lipat.\n\nWali kota berharap festival menarik wisatawan dari luar daerah.\",https://kabar.example/festival-perahu,Tidak Ditemukan,Sari Lestari\n"
)

// TestTeaserNeverReplacesTheFullArticle imports a teaser and the full text of
// one article in both orders, twice: the library keeps the full body with
// the teaser's date and the full version's author, whatever the order.
func TestTeaserNeverReplacesTheFullArticle(t *testing.T) {
	dir := t.TempDir()
	teaser := writeFile(t, dir, "a/teaser.csv", teaserCSV)
	full := writeFile(t, dir, "b/full.csv", fullCSV)
	for _, order := range [][]string{{teaser, full}, {full, teaser}} {
		s, err := Open(filepath.Join(t.TempDir(), "library.db"))
		if err != nil {
			t.Fatal(err)
		}
		ctx := context.Background()
		for _, round := range []int{1, 2} {
			for _, p := range order {
				if _, err := s.Import(ctx, []string{p}, ImportOptions{}); err != nil {
					t.Fatal(err)
				}
			}
			ls, err := s.List(ctx, ListOptions{})
			if err != nil || len(ls) != 1 {
				t.Fatalf("round %d: %d articles, %v", round, len(ls), err)
			}
			a, err := s.Article(ctx, ls[0].ID)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(a.Body, "Wali kota berharap") || strings.Contains(a.Body, "menyebut...") {
				t.Errorf("order %q round %d: body is not the full text:\n%s", order, round, a.Body)
			}
			if a.Published.Format("2006-01-02") != "2025-06-14" {
				t.Errorf("order %q round %d: published %v, want the teaser's date", order, round, a.Published)
			}
			if len(a.Authors) != 1 || a.Authors[0] != "Sari Lestari" {
				t.Errorf("order %q round %d: authors %q", order, round, a.Authors)
			}
		}
		s.Close()
	}
}
