package store

import (
	"context"
	"strings"
	"testing"
)

// gluedShort is an article whose marker was glued into running text with a
// body that opens in Title Case ("Gubernur Kalbar Sutarmidji"): the parser's
// headline cut takes "Gubernur Kalbar" into the ref.
const (
	gluedShort = "Jadwal Kapal Ketapang Dipadatkan\nKabarku - Jadwal kapal dipadatkan pekan ini.Baca juga: Dermaga Baru Diresmikan Gubernur Kalbar Sutarmidji menyebut proyek itu penting.\nPenutup berita di sini.\n"
	dermaga    = "Dermaga Baru Diresmikan\nKabarku - Dermaga baru di Ketapang diresmikan pada Senin (10/6/2025).\n"
)

// TestStoredTitleRecutsAGluedHeadline: when the stored title of the ref's
// article shows where the headline ended, the ref takes that title and the
// words after it go back to the body, in place, whether the article was
// stored before or arrives in a later import; search finds them there.
func TestStoredTitleRecutsAGluedHeadline(t *testing.T) {
	for _, order := range []string{"target first", "target later"} {
		t.Run(order, func(t *testing.T) {
			s, ctx, dir := openTemp(t), context.Background(), t.TempDir()
			glued := writeFile(t, dir, "kapal.txt", gluedShort)
			target := writeFile(t, dir, "dermaga.txt", dermaga)
			files := [][]string{{target}, {glued}}
			if order == "target later" {
				files = [][]string{{glued}, {target}}
			}
			for _, f := range files {
				if _, err := s.Import(ctx, f, ImportOptions{}); err != nil {
					t.Fatal(err)
				}
			}
			a, err := s.Article(ctx, findByTitlePrefix(t, s, "Jadwal Kapal"))
			if err != nil {
				t.Fatal(err)
			}
			if len(a.Related) != 1 || a.Related[0].Title != "Dermaga Baru Diresmikan" || a.Related[0].Target == 0 {
				t.Fatalf("ref not re-cut: %+v", a.Related)
			}
			if !strings.Contains(a.Body, "\n\nGubernur Kalbar Sutarmidji menyebut proyek itu penting.") {
				t.Fatalf("body words not given back in place:\n%s", a.Body)
			}
			assertHits(t, s, "kalbar", 1)
			if _, err := s.db.ExecContext(ctx, `INSERT INTO articles_fts (articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
				t.Fatalf("full-text index after the re-cut: %v", err)
			}
			if sum, err := s.Import(ctx, []string{glued}, ImportOptions{}); err != nil || sum.Unchanged != 1 {
				t.Fatalf("importing the same file again: %+v, %v", sum, err)
			}
		})
	}
}
