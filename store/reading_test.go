package store

import (
	"context"
	"fmt"
	"slices"
	"testing"
	"time"

	"kabar/articles"
)

// readingLibrary stores six articles from three outlets; "Banjir Rob" is
// linked by URL from one article and by title from another.
func readingLibrary(t *testing.T) (*Store, map[string]int64) {
	t.Helper()
	s, ctx := openTemp(t), context.Background()
	day := func(d int) time.Time { return time.Date(2025, 6, d, 8, 0, 0, 0, time.UTC) }
	as := []articles.Article{
		{Title: "Banjir Rob Rendam Permukiman Pesisir Utara Jawa", Source: "Kabar Pesisir", URL: "https://pesisir.test/banjir-rob",
			Published: day(1), Body: "Air laut naik ke permukiman nelayan."},
		{Title: "Warga Mengungsi ke Balai Desa", Source: "Kabar Pesisir", Published: day(2), Body: "Pengungsi bertambah.",
			Related: []articles.Ref{{URL: "https://pesisir.test/banjir-rob?utm_source=x"}}},
		{Title: "Tanggul Darurat Dibangun", Source: "Kabar Pesisir Barat", Published: day(3), Body: "Tanggul pasir dibangun warga.",
			Related: []articles.Ref{{Title: "Banjir Rob Rendam Permukiman Pesisir Utara Jawa"}}},
		{Title: "Harga Ikan Turun", Source: "Lereng News", Published: day(4), Body: "Nelayan belum melaut."},
		{Title: "Flood Tide Reaches the North Coast", Source: "Lereng News", Published: day(5), Body: "Sea water entered homes."},
		{Title: "Pasar Pagi Kembali Buka", Published: day(6), Body: "Tanpa outlet."},
	}
	for i := range as {
		as[i].Origin = articles.Origin{Path: "reading.jsonl", Record: i + 1}
	}
	if _, err := s.ImportArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	ids := map[string]int64{}
	for _, l := range must(s.List(ctx, ListOptions{Limit: 100}))(t) {
		ids[l.Title[:5]] = l.ID
	}
	return s, ids
}

// outletCounts is each outlet's total and unread count as the sources
// panel reports it.
func outletCounts(t *testing.T, s *Store) map[string][2]int {
	t.Helper()
	out := map[string][2]int{}
	for _, src := range must(s.Sources(context.Background()))(t) {
		if src.Kind == articles.SourceOutlet {
			out[src.Name] = [2]int{src.Total, src.Unread}
		}
	}
	return out
}

// scannedOutletCounts counts the same by reading every article.
func scannedOutletCounts(t *testing.T, s *Store) map[string][2]int {
	t.Helper()
	rows, err := s.db.Query(`SELECT a.source, count(*), count(*) - count(st.read = 1 OR NULL)
		FROM articles a LEFT JOIN state st ON st.article_id = a.id WHERE a.source <> '' GROUP BY a.source`)
	out := map[string][2]int{}
	for _, r := range must(scanTriples(rows, err))(t) {
		out[r.name] = [2]int{r.total, r.unread}
	}
	return out
}

type triple struct {
	name          string
	total, unread int
}

func scanTriples(rows interface {
	Next() bool
	Scan(...any) error
	Close() error
	Err() error
}, err error) ([]triple, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []triple
	for rows.Next() {
		var tr triple
		if err := rows.Scan(&tr.name, &tr.total, &tr.unread); err != nil {
			return nil, err
		}
		out = append(out, tr)
	}
	return out, rows.Err()
}

func TestOutletCountsFollowReadingAndDeleting(t *testing.T) {
	s, ids := readingLibrary(t)
	ctx := context.Background()
	same := func(step string) {
		t.Helper()
		got, want := outletCounts(t, s), scannedOutletCounts(t, s)
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("after %s: panel counts %v, articles say %v", step, got, want)
		}
	}
	same("import")
	if c := outletCounts(t, s)["Kabar Pesisir"]; c != [2]int{2, 2} {
		t.Fatalf("Kabar Pesisir counts %v", c)
	}
	check(t, s.SetRead(ctx, ids["Banji"], true))
	check(t, s.SetRead(ctx, ids["Harga"], true))
	same("reading two")
	check(t, s.SetRead(ctx, ids["Harga"], false))
	same("marking one unread again")
	check(t, s.SetReadOf(ctx, []int64{ids["Warga"], ids["Tangg"], 999999}, true))
	same("marking many read (and an id not stored)")
	if _, err := s.Delete(ctx, ids["Banji"]); err != nil {
		t.Fatal(err)
	}
	same("deleting a read article")
	// the same article imported again from elsewhere, now with another outlet
	moved := articles.Article{Title: "Tanggul Darurat Dibangun", Source: "Lereng News", Published: time.Date(2025, 6, 3, 8, 0, 0, 0, time.UTC),
		Body: "Tanggul pasir dibangun warga.", Origin: articles.Origin{Path: "reading.jsonl", Record: 3}}
	if _, err := s.ImportArticles(ctx, []articles.Article{moved}); err != nil {
		t.Fatal(err)
	}
	same("an article changing outlet")
}

func TestTags(t *testing.T) {
	s, ids := readingLibrary(t)
	ctx := context.Background()
	check(t, s.Tag(ctx, ids["Banji"], "banjir", "Penting"))
	check(t, s.Tag(ctx, ids["Tangg"], "banjir", "  banjir "))
	if err := s.Tag(ctx, ids["Harga"], "a,b"); err == nil {
		t.Fatal("a tag with a comma was accepted")
	}
	if err := s.Tag(ctx, 999999, "banjir"); err == nil {
		t.Fatal("tagging an article that is not stored gave no error")
	}
	if got := must(s.Tags(ctx, ids["Banji"]))(t); !slices.Equal(got, []string{"banjir", "Penting"}) {
		t.Fatalf("tags %q", got)
	}
	a := must(s.Article(ctx, ids["Tangg"]))(t)
	if !slices.Equal(a.Tags, []string{"banjir"}) {
		t.Fatalf("article tags %q (a tag given twice is kept once)", a.Tags)
	}
	tagged := must(s.Search(ctx, "tag:BANJIR", 0, 10, false))(t)
	if len(tagged) != 2 || tagged[0].ID != ids["Tangg"] || !slices.Equal(tagged[1].Tags, []string{"Penting", "banjir"}) {
		t.Fatalf("tag:BANJIR: %+v", tagged)
	}
	if n := must(s.SearchCount(ctx, "-tag:banjir", false, 0))(t); n != 4 {
		t.Fatalf("-tag:banjir counts %d, want 4", n)
	}
	check(t, s.Untag(ctx, ids["Banji"], "penting", "never-had"))
	check(t, s.SetTags(ctx, ids["Tangg"], []string{"tanggul"}))
	if got := must(s.TagNames(ctx))(t); !slices.Equal(got, []string{"banjir", "tanggul"}) {
		t.Fatalf("tag names %q: a tag no article has must go", got)
	}
	var tags []string
	for _, src := range must(s.Sources(ctx))(t) {
		if src.Kind == articles.SourceTag {
			tags = append(tags, fmt.Sprintf("%s %d/%d %s", src.Name, src.Unread, src.Total, src.Query))
		}
	}
	if !slices.Equal(tags, []string{`banjir 1/1 tag:"banjir"`, `tanggul 1/1 tag:"tanggul"`}) {
		t.Fatalf("tag sources %q", tags)
	}
}

func TestSavedSearches(t *testing.T) {
	s, ids := readingLibrary(t)
	ctx := context.Background()
	check(t, s.SaveSearch(ctx, "Pesisir", `source:pesisir`))
	check(t, s.SaveSearch(ctx, "nelayan", "nelayan"))
	check(t, s.SaveSearch(ctx, "PESISIR", `source:"Kabar Pesisir"`)) // same name in any case: replaced
	if err := s.SaveSearch(ctx, "kosong", "  "); err == nil {
		t.Fatal("an empty query was saved")
	}
	saved := must(s.SavedSearches(ctx))(t)
	if len(saved) != 2 || saved[1].Name != "Pesisir" || saved[1].Query != `source:"Kabar Pesisir"` {
		t.Fatalf("saved %+v", saved)
	}
	check(t, s.SetRead(ctx, ids["Banji"], true))
	total, unread, err := s.SearchTally(ctx, saved[1].Query)
	if err != nil || total != 2 || unread != 1 {
		t.Fatalf(`source:"Kabar Pesisir" (exact: not Kabar Pesisir Barat) counts %d/%d, %v`, unread, total, err)
	}
	if total, _, _ := s.SearchTally(ctx, "source:pesisir"); total != 3 {
		t.Fatalf("source:pesisir (any outlet holding it) counts %d, want 3", total)
	}
	check(t, s.DeleteSearch(ctx, "NELAYAN"))
	if err := s.DeleteSearch(ctx, "nelayan"); err == nil {
		t.Fatal("deleting a search that is not saved gave no error")
	}
}

func TestMarkAllReadAndUndo(t *testing.T) {
	s, ids := readingLibrary(t)
	ctx := context.Background()
	check(t, s.SetRead(ctx, ids["Harga"], true))
	changed := must(s.MarkAllRead(ctx, "source:lereng"))(t)
	if !slices.Equal(changed, []int64{ids["Flood"]}) {
		t.Fatalf("marked %v, want only the unread Lereng article %d", changed, ids["Flood"])
	}
	all := must(s.MarkAllRead(ctx, ""))(t)
	if c := must(s.Counts(ctx))(t); c.Unread != 0 || len(all) != 4 {
		t.Fatalf("after marking everything read: %+v, changed %d (want 4)", c, len(all))
	}
	check(t, s.SetReadOf(ctx, all, false))
	if c := must(s.Counts(ctx))(t); c.Unread != 4 {
		t.Fatalf("undo left %d unread, want 4", c.Unread)
	}
	if a := must(s.Article(ctx, ids["Harga"]))(t); !a.Read {
		t.Fatal("undo unmarked an article that was read before the mark-all")
	}
}

func TestDeleteUnresolvesAndRestoreResolvesAgain(t *testing.T) {
	s, ids := readingLibrary(t)
	ctx := context.Background()
	target := ids["Banji"]
	check(t, s.SetStarred(ctx, target, true))
	check(t, s.SetScroll(ctx, target, 7))
	check(t, s.Tag(ctx, target, "banjir"))
	refsTo := func() []int64 {
		var got []int64
		for _, k := range []string{"Warga", "Tangg"} {
			ref := must(s.Article(ctx, ids[k]))(t).Related[0]
			if (ref.Target == 0) != (ref.Match == articles.MatchNone) {
				t.Fatalf("ref of %s: target %d match %q", k, ref.Target, ref.Match)
			}
			got = append(got, ref.Target)
		}
		return got
	}
	if got := refsTo(); !slices.Equal(got, []int64{target, target}) {
		t.Fatalf("before: refs point at %v", got)
	}
	rm := must(s.Delete(ctx, target, 999999))(t)
	if !slices.Equal(rm.IDs, []int64{target}) {
		t.Fatalf("removed %v", rm.IDs)
	}
	if _, err := s.Article(ctx, target); err == nil {
		t.Fatal("the deleted article is still there")
	}
	if got := refsTo(); !slices.Equal(got, []int64{0, 0}) {
		t.Fatalf("after delete: refs point at %v, want unresolved", got)
	}
	if n := must(s.SearchCount(ctx, "permukiman", false, 0))(t); n != 0 {
		t.Fatal("the full-text index still finds the deleted article")
	}
	if c := must(s.Counts(ctx))(t); c.Total != 5 || c.Starred != 0 {
		t.Fatalf("counts after delete %+v", c)
	}
	if names := must(s.TagNames(ctx))(t); len(names) != 0 {
		t.Fatalf("tags of the deleted article remain: %q", names)
	}

	check(t, s.Restore(ctx, rm))
	a := must(s.Article(ctx, target))(t)
	if !a.Starred || a.Scroll != 7 || !slices.Equal(a.Tags, []string{"banjir"}) || len(a.ReferencedBy) != 2 {
		t.Fatalf("restored article: starred %v scroll %d tags %q backlinks %+v", a.Starred, a.Scroll, a.Tags, a.ReferencedBy)
	}
	if got := refsTo(); !slices.Equal(got, []int64{target, target}) {
		t.Fatalf("after restore: refs point at %v", got)
	}
	if n := must(s.SearchCount(ctx, "permukiman", false, 0))(t); n != 1 {
		t.Fatal("the restored article is not in the full-text index")
	}

	// deleted, then a story by a similar title arrives: the title ref
	// waits for it (the fuzzy rule), as any unresolved ref does
	if _, err := s.Delete(ctx, target); err != nil {
		t.Fatal(err)
	}
	similar := articles.Article{Title: "Banjir Rob Merendam Permukiman Pesisir Utara Jawa", Source: "Kabar Lain", Body: "Berita lain.",
		Origin: articles.Origin{Path: "similar.txt"}}
	if _, err := s.ImportArticles(ctx, []articles.Article{similar}); err != nil {
		t.Fatal(err)
	}
	if ref := must(s.Article(ctx, ids["Tangg"]))(t).Related[0]; ref.Match != articles.MatchFuzzy {
		t.Fatalf("the title ref of a deleted article did not wait for a similar title: %+v", ref)
	}
	// imported again: the URL ref finds the new copy
	again := articles.Article{Title: "Banjir Rob Rendam Permukiman Pesisir Utara Jawa", Source: "Kabar Pesisir", URL: "https://pesisir.test/banjir-rob",
		Body: "Air laut naik ke permukiman nelayan.", Origin: articles.Origin{Path: "later.txt"}}
	if _, err := s.ImportArticles(ctx, []articles.Article{again}); err != nil {
		t.Fatal(err)
	}
	got := refsTo()
	if got[0] == 0 || got[0] == target {
		t.Fatalf("after re-import: refs point at %v, want the new article", got)
	}
}

func TestPruneKeepsStarredAndTagged(t *testing.T) {
	s, ids := readingLibrary(t)
	ctx := context.Background()
	check(t, s.SetStarred(ctx, ids["Banji"], true))
	check(t, s.Tag(ctx, ids["Warga"], "arsip"))
	before := time.Date(2025, 6, 5, 0, 0, 0, 0, time.UTC)
	dry := pruned(t, s, PruneOptions{Before: before, DryRun: true})
	var titles []string
	for _, l := range dry {
		titles = append(titles, l.Title[:5])
	}
	if !slices.Equal(titles, []string{"Tangg", "Harga"}) {
		t.Fatalf("dry run would remove %q, want Tangg, Harga (not the starred or tagged ones)", titles)
	}
	if c := must(s.Counts(ctx))(t); c.Total != 6 {
		t.Fatal("a dry run removed articles")
	}
	gone := pruned(t, s, PruneOptions{Before: before, Source: "Lereng News"})
	if len(gone) != 1 || gone[0].ID != ids["Harga"] {
		t.Fatalf("prune of Lereng News removed %+v", gone)
	}
	must(s.Prune(ctx, PruneOptions{Before: before}))(t)
	if c := must(s.Counts(ctx))(t); c.Total != 4 {
		t.Fatalf("after prune %d articles, want 4", c.Total)
	}
	if free := must(s.FreeBytes(ctx))(t); free < 0 {
		t.Fatal("negative free space")
	}
	check(t, s.Vacuum(ctx))
}

// pruned runs a prune and returns what it removed (or would remove), in the
// order its batches came, failing the test on an error or a count that
// disagrees with them.
func pruned(t *testing.T, s *Store, opt PruneOptions) []articles.Listing {
	t.Helper()
	var all []articles.Listing
	opt.Removed = func(batch []articles.Listing) error {
		if len(batch) == 0 || len(batch) > pruneBatch {
			t.Fatalf("a prune batch of %d listings", len(batch))
		}
		all = append(all, batch...)
		return nil
	}
	n, err := s.Prune(context.Background(), opt)
	if err != nil || n != len(all) {
		t.Fatalf("prune %+v: %d removed, %d listed, %v", opt, n, len(all), err)
	}
	return all
}

// TestPruneGoesABatchAtATime: a prune of several batches hands each to
// Removed as it goes, oldest first, skips the starred articles between
// them, and removes every other old article exactly once; a dry run lists
// the same articles and removes none.
func TestPruneGoesABatchAtATime(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	const n = 2*pruneBatch + 500
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	cut := base.Add(n / sameMinute * time.Minute)
	must(s.ImportArticles(ctx, oldArticles(n+3*sameMinute, base)))(t) // the last ones are too new to prune
	ls := must(s.List(ctx, ListOptions{Limit: n + 3*sameMinute}))(t)
	starred, old := map[int64]bool{}, 0
	for i, l := range ls {
		if !l.Published.Before(cut) {
			continue
		}
		old++
		if i%97 == 0 {
			check(t, s.SetStarred(ctx, l.ID, true))
			starred[l.ID] = true
		}
	}
	opt := PruneOptions{Before: cut}
	dryOpt := opt
	dryOpt.DryRun = true
	dry := pruned(t, s, dryOpt)
	if c := must(s.Counts(ctx))(t); c.Total != n+3*sameMinute {
		t.Fatalf("a dry run left %d of %d articles", c.Total, n+3*sameMinute)
	}
	gone := pruned(t, s, opt)
	if want := old - len(starred); old < 2*pruneBatch || len(gone) != want || !slices.Equal(listingIDs(dry), listingIDs(gone)) {
		t.Fatalf("removed %d articles (dry run %d), want %d", len(gone), len(dry), want)
	}
	seen := map[int64]bool{}
	for i, l := range gone {
		if seen[l.ID] || starred[l.ID] || i > 0 && l.Published.Before(gone[i-1].Published) {
			t.Fatalf("removed #%d %q: twice, starred or out of order", i, l.Title)
		}
		seen[l.ID] = true
	}
	if c := must(s.Counts(ctx))(t); c.Total != n+3*sameMinute-old+len(starred) {
		t.Fatalf("%d articles left, want the %d new and %d starred", c.Total, n+3*sameMinute-old, len(starred))
	}
}

// sameMinute is how many articles oldArticles dates the same minute, as a
// feed does with its entries: a prune's batches then end inside a run of
// equal dates.
const sameMinute = 7

// oldArticles makes n articles dated from base on, sameMinute to a minute.
func oldArticles(n int, base time.Time) []articles.Article {
	as := make([]articles.Article, 0, n)
	for i := range n {
		as = append(as, articles.Article{Title: fmt.Sprintf("Kabar Lama Nomor %d", i), Body: fmt.Sprintf("Isi kabar lama nomor %d.", i),
			Source: "Kabar Arsip", Published: base.Add(time.Duration(i/sameMinute) * time.Minute), Origin: articles.Origin{Path: fmt.Sprintf("arsip/%d.txt", i)}})
	}
	return as
}

// TestPruneOfWholeBatchesResolvesLinksAfterwards: a prune that removes a
// whole number of batches still tries again the links that pointed at what
// it removed, so none is left waiting for the next import.
func TestPruneOfWholeBatchesResolvesLinksAfterwards(t *testing.T) {
	s := openTemp(t)
	ctx := context.Background()
	base := time.Date(2020, 1, 1, 0, 0, 0, 0, time.UTC)
	as := append(oldArticles(pruneBatch, base), articles.Article{Title: "Kabar Baru Menyebut Kabar Lama", Body: "Isi kabar baru.", Published: base.AddDate(1, 0, 0),
		Related: []articles.Ref{{Title: "Kabar Lama Nomor 7"}}, Origin: articles.Origin{Path: "baru.txt"}})
	must(s.ImportArticles(ctx, as))(t)
	if n := pruned(t, s, PruneOptions{Before: base.AddDate(0, 6, 0)}); len(n) != pruneBatch {
		t.Fatalf("removed %d articles, want %d", len(n), pruneBatch)
	}
	var waiting int
	check(t, s.db.QueryRowContext(ctx, `SELECT count(*) FROM refs WHERE match = ?`, string(matchPending)).Scan(&waiting))
	if waiting != 0 {
		t.Fatalf("%d links still wait to be resolved again after the prune", waiting)
	}
}
