package store

import (
	"cmp"
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"unicode/utf8"

	"kabar/articles"
)

// Fuzzy matching: a candidate must share this share of the two titles'
// distinct words (Jaccard) and every number; titles shorter than
// fuzzyMinWords words never match fuzzily.
const (
	fuzzyMinSimilarity = 0.75
	fuzzyMinWords      = 4
	fuzzyCandidates    = 20
	prefixMinWords     = 3
)

// resolver resolves refs to stored articles inside one write transaction.
type resolver struct {
	tx                           *sql.Tx
	byURL, byNorm, byTextFTS     *sql.Stmt
	insert, setTarget, candidate *sql.Stmt
	olderByURL, olderByTitle     *sql.Stmt
	forgetWords                  *sql.Stmt
	pending                      *sql.Stmt
}

// refRow is a ref as stored, with its normalised forms.
type refRow struct {
	id, articleID    int64
	title, url       string
	normTitle, canon string
	gluedPara        sql.NullInt64 // see articles.Ref.Para
}

// refColumns are the columns scanRefs reads, in its order.
const refColumns = `id, article_id, title, url, norm_title, canon_url, glued_para`

// refColumnsOf is refColumns of the refs table named as.
func refColumnsOf(as string) string {
	return as + "." + strings.ReplaceAll(refColumns, ", ", ", "+as+".")
}

func newResolver(ctx context.Context, tx *sql.Tx) (*resolver, error) {
	r := &resolver{tx: tx}
	stmts := []struct {
		dst **sql.Stmt
		sql string
	}{
		// canon_url <> '' is what lets SQLite use the partial index: it cannot
		// prove a bound parameter non-empty, and without the index every URL
		// ref walked the whole library.
		{&r.byURL, `SELECT id FROM articles WHERE canon_url = ? AND canon_url <> '' AND id <> ? ORDER BY sort_key DESC, id DESC LIMIT 2`},
		{&r.byNorm, `SELECT id, title FROM articles WHERE title_key = ? AND norm_title = ? AND id <> ? ORDER BY sort_key DESC, id DESC LIMIT 16`},
		{&r.byTextFTS, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? LIMIT ` + fmt.Sprint(fuzzyCandidates)},
		{&r.candidate, `SELECT norm_title, sort_key FROM articles WHERE id = ?`},
		{&r.insert, `INSERT INTO refs (article_id, pos, title, url, norm_title, canon_url, target_id, match, glued_para) VALUES (?,?,?,?,?,?,?,?,?)`},
		{&r.setTarget, `UPDATE refs SET target_id = ?, match = ? WHERE id = ?`},
		{&r.pending, `SELECT ` + refColumns + ` FROM refs WHERE match = 'pending' ORDER BY id LIMIT ?`},
		// A batch's articles ask for the refs they answer in one statement
		// each way, a JSON array of their canonical URLs or titles.
		{&r.olderByURL, `SELECT ` + refColumnsOf("r") + ` FROM json_each(?) j CROSS JOIN refs r
			WHERE r.target_id IS NULL AND r.canon_url = j.value AND r.canon_url <> ''`},
		// Normalised titles hold only letters, digits and single spaces, so
		// [t, t+"!") is t itself and every title that starts with t then a space.
		{&r.olderByTitle, `SELECT ` + refColumnsOf("r") + ` FROM json_each(?) j CROSS JOIN refs r
			WHERE r.target_id IS NULL AND r.norm_title >= j.value AND r.norm_title < j.value || '!'`},
		{&r.forgetWords, `DELETE FROM ref_words WHERE ref_id = ?`},
	}
	for _, st := range stmts {
		p, err := tx.PrepareContext(ctx, st.sql)
		if err != nil {
			return nil, fmt.Errorf("prepare resolver: %w", err)
		}
		*st.dst = p
	}
	return r, nil
}

// matchPending marks a stored ref that the cheap rules (URL, title) did not
// resolve and the costly ones (fuzzy, prefix) have not been tried on yet.
// The end of every import tries them (resolvePending); an import killed
// before that leaves them for the next one. Readers see it as "none".
const matchPending articles.Match = "pending"

// insertRef stores one ref of article id, resolved by URL or title when it
// can be, and reports whether it resolved.
func (r *resolver) insertRef(ctx context.Context, id int64, pos int, ref articles.Ref) (bool, error) {
	row := refRow{articleID: id, title: ref.Title, url: ref.URL,
		normTitle: articles.NormalizeTitle(ref.Title), canon: articles.CanonicalURL(ref.URL)}
	target, match, err := r.resolveByURLOrTitle(ctx, row)
	if target == 0 && err == nil {
		match = matchPending
	}
	if err != nil {
		return false, err
	}
	var t, para any
	if target != 0 {
		t = target
	}
	if ref.Glued {
		para = ref.Para
	}
	if _, err := r.insert.ExecContext(ctx, id, pos, row.title, row.url, row.normTitle, row.canon, t, string(match), para); err != nil {
		return false, fmt.Errorf("insert ref of article %d: %w", id, err)
	}
	return target != 0, nil
}

// resolve applies the rules in order: canonical URL, exact title, normalised
// title, guarded fuzzy title, title prefix. Two equally good candidates
// resolve to the newest, reported as ambiguous.
func (r *resolver) resolve(ctx context.Context, ref refRow) (int64, articles.Match, error) {
	if id, match, err := r.resolveByURLOrTitle(ctx, ref); err != nil || id != 0 {
		return id, match, err
	}
	if ref.normTitle == "" {
		return 0, articles.MatchNone, nil
	}
	if id, match, err := r.fuzzy(ctx, ref); err != nil || id != 0 {
		return id, match, err
	}
	return r.prefix(ctx, ref)
}

// resolveByURLOrTitle applies the cheap rules: canonical URL, exact and
// normalised title.
func (r *resolver) resolveByURLOrTitle(ctx context.Context, ref refRow) (int64, articles.Match, error) {
	if ref.canon != "" {
		if ids, err := queryIDs(ctx, r.byURL, ref.canon, ref.articleID); err != nil || len(ids) > 0 {
			return pick(ids, articles.MatchURL, err)
		}
	}
	if ref.normTitle == "" {
		return 0, articles.MatchNone, nil
	}
	return r.byTitle(ctx, ref)
}

// byTitle matches the exact title, else the normalised title, among stored
// articles with the ref's normalised title (newest first).
func (r *resolver) byTitle(ctx context.Context, ref refRow) (int64, articles.Match, error) {
	rows, err := r.byNorm.QueryContext(ctx, titleKey(ref.normTitle), ref.normTitle, ref.articleID)
	if err != nil {
		return 0, "", fmt.Errorf("resolve: %w", err)
	}
	defer rows.Close()
	var all, exact []int64
	for rows.Next() {
		var id int64
		var title string
		if err := rows.Scan(&id, &title); err != nil {
			return 0, "", fmt.Errorf("resolve: %w", err)
		}
		all = append(all, id)
		if title == ref.title {
			exact = append(exact, id)
		}
	}
	if err := rows.Err(); err != nil {
		return 0, "", fmt.Errorf("resolve: %w", err)
	}
	switch {
	case len(exact) > 0:
		return pick(exact, articles.MatchExact, nil)
	case len(all) > 0:
		return pick(all, articles.MatchNormalized, nil)
	}
	return 0, "", nil
}

func pick(ids []int64, match articles.Match, err error) (int64, articles.Match, error) {
	if err != nil {
		return 0, "", err
	}
	if len(ids) > 1 {
		return ids[0], articles.MatchAmbiguous, nil
	}
	return ids[0], match, nil
}

func queryIDs(ctx context.Context, stmt *sql.Stmt, args ...any) ([]int64, error) {
	ids, err := column[int64](stmt.QueryContext(ctx, args...))
	if err != nil {
		return nil, fmt.Errorf("resolve: %w", err)
	}
	return ids, nil
}

// fuzzy finds stored titles that share most words and every number with the
// ref. Candidates come from the full-text index (titles holding the ref's two
// longest words), so the cost does not grow with the library.
func (r *resolver) fuzzy(ctx context.Context, ref refRow) (int64, articles.Match, error) {
	words := strings.Fields(ref.normTitle)
	if len(words) < fuzzyMinWords {
		return 0, "", nil
	}
	query := fuzzyQuery(words)
	if query == "" {
		return 0, "", nil
	}
	ids, err := queryIDs(ctx, r.byTextFTS, query)
	if err != nil {
		return 0, "", err
	}
	refNums := articles.TitleNumbers(ref.normTitle)
	var best int64
	var bestScore float64
	var bestSort int64
	tie := false
	for _, id := range ids {
		if id == ref.articleID {
			continue
		}
		var norm string
		var sortKey int64
		if err := r.candidate.QueryRowContext(ctx, id).Scan(&norm, &sortKey); err != nil {
			return 0, "", fmt.Errorf("resolve fuzzy: %w", err)
		}
		if !slices.Equal(articles.TitleNumbers(norm), refNums) || !differOnlyInForms(words, strings.Fields(norm)) {
			continue
		}
		score := similarity(words, strings.Fields(norm))
		switch {
		case score < fuzzyMinSimilarity:
		case score > bestScore:
			best, bestScore, bestSort, tie = id, score, sortKey, false
		case score == bestScore:
			tie = true
			if sortKey > bestSort || sortKey == bestSort && id > best {
				best, bestSort = id, sortKey
			}
		}
	}
	if best == 0 {
		return 0, "", nil
	}
	if tie {
		return best, articles.MatchAmbiguous, nil
	}
	return best, articles.MatchFuzzy, nil
}

// fuzzyQuery builds an FTS5 query for titles holding a ref's two key words.
func fuzzyQuery(words []string) string {
	keys := keyWords(words)
	if len(keys) < 2 {
		return ""
	}
	return fmt.Sprintf(`title : (%s AND %s)`, quoteFTS(keys[0]), quoteFTS(keys[1]))
}

// keyWords returns the two longest words of a title that are not numbers
// and have at least three letters: a fuzzy match must share both.
func keyWords(words []string) []string {
	cands := fuzzyWords(words)
	slices.SortStableFunc(cands, func(a, b string) int { return utf8.RuneCountInString(b) - utf8.RuneCountInString(a) })
	return cands[:min(len(cands), 2)]
}

// fuzzyWords are the words of a title a fuzzy match can hinge on.
func fuzzyWords(words []string) []string {
	out := make([]string, 0, len(words))
	for _, w := range words {
		if utf8.RuneCountInString(w) >= 3 && strings.IndexFunc(w, func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
			out = append(out, w)
		}
	}
	return out
}

// differOnlyInForms reports whether two titles can name one story: the
// words that only one of them has are forms of the other's ("tanam" /
// "menanam", a typo), or are added on one side only ("di Kupang NTT" /
// "di NTT"). Two different words in the same story's place, names mostly
// ("Estonia vs Norwegia" / "Serbia vs Andorra"), make two stories.
func differOnlyInForms(a, b []string) bool {
	onlyA, onlyB := wordsNotIn(a, b), wordsNotIn(b, a)
	return len(withoutForm(onlyA, onlyB)) == 0 || len(withoutForm(onlyB, onlyA)) == 0
}

func wordsNotIn(a, b []string) []string {
	var out []string
	for _, w := range a {
		if !slices.Contains(b, w) && utf8.RuneCountInString(w) > 3 {
			out = append(out, w)
		}
	}
	return out
}

// withoutForm returns the words of ws that share no stem with a word of
// others: one holds the other, or they share their first or last four
// letters and most of the shorter word.
func withoutForm(ws, others []string) []string {
	var out []string
	for _, w := range ws {
		if !slices.ContainsFunc(others, func(o string) bool { return sameStem(w, o) }) {
			out = append(out, w)
		}
	}
	return out
}

func sameStem(a, b string) bool {
	if strings.Contains(a, b) || strings.Contains(b, a) {
		return true
	}
	ra, rb := []rune(a), []rune(b)
	short := min(len(ra), len(rb))
	pre, suf := 0, 0
	for pre < short && ra[pre] == rb[pre] {
		pre++
	}
	for suf < short && ra[len(ra)-1-suf] == rb[len(rb)-1-suf] {
		suf++
	}
	return max(pre, suf) >= 4 && max(pre, suf)*10 >= short*6
}

// similarity is the Jaccard similarity of two titles' word sets.
func similarity(a, b []string) float64 {
	set := make(map[string]int8, len(a)+len(b))
	for _, w := range a {
		set[w] |= 1
	}
	for _, w := range b {
		set[w] |= 2
	}
	both := 0
	for _, v := range set {
		if v == 3 {
			both++
		}
	}
	return float64(both) / float64(len(set))
}

// prefix finds a stored title that the ref's text starts with, longest first:
// the ref was glued to the sentence that followed it.
func (r *resolver) prefix(ctx context.Context, ref refRow) (int64, articles.Match, error) {
	words := strings.Fields(ref.normTitle)
	for n := len(words) - 1; n >= prefixMinWords; n-- {
		shorter := ref
		shorter.normTitle, shorter.title = strings.Join(words[:n], " "), ""
		id, match, err := r.byTitle(ctx, shorter)
		if err != nil || id != 0 {
			if match != articles.MatchAmbiguous {
				match = articles.MatchPrefix
			}
			return id, match, err
		}
	}
	return 0, articles.MatchNone, nil
}

// answerOlderRefs resolves unresolved refs, stored earlier, that the given
// articles answer: by canonical URL, by normalised title, or by a ref text
// that starts with the article's title. Each lookup is a range over an index
// of unresolved refs only.
func (r *resolver) answerOlderRefs(ctx context.Context, changed []answer) (int, error) {
	var canons, norms []string
	for _, a := range changed {
		if a.canon != "" {
			canons = append(canons, a.canon)
		}
		if a.norm != "" {
			norms = append(norms, a.norm)
		}
	}
	byID := map[int64]refRow{}
	for _, q := range []struct {
		stmt *sql.Stmt
		keys []string
	}{{r.olderByURL, canons}, {r.olderByTitle, norms}} {
		if len(q.keys) == 0 {
			continue
		}
		list, err := json.Marshal(q.keys)
		if err != nil {
			return 0, fmt.Errorf("resolve older refs: %w", err)
		}
		refs, err := queryRefs(ctx, q.stmt, string(list))
		if err != nil {
			return 0, err
		}
		for _, ref := range refs {
			byID[ref.id] = ref // a ref answered by URL and by title is resolved once
		}
	}
	refs := slices.SortedFunc(maps.Values(byID), func(a, b refRow) int { return cmp.Compare(a.id, b.id) })
	return r.resolveWaiting(ctx, refs)
}

// resolveWaiting runs every rule on refs that are waiting for a target and
// stores the ones that now resolve.
func (r *resolver) resolveWaiting(ctx context.Context, refs []refRow) (int, error) {
	resolved := 0
	for _, ref := range refs {
		target, match, err := r.resolve(ctx, ref)
		if err != nil {
			return resolved, err
		}
		if target == 0 {
			continue
		}
		if _, err := r.setTarget.ExecContext(ctx, target, string(match), ref.id); err != nil {
			return resolved, fmt.Errorf("resolve ref %d: %w", ref.id, err)
		}
		if err := r.recut(ctx, ref, target, match); err != nil {
			return resolved, err
		}
		if _, err := r.forgetWords.ExecContext(ctx, ref.id); err != nil {
			return resolved, fmt.Errorf("resolve ref %d: %w", ref.id, err)
		}
		resolved++
	}
	return resolved, nil
}

// answer is what a changed article can answer refs by.
type answer struct {
	norm, canon string
}

func queryRefs(ctx context.Context, stmt *sql.Stmt, args ...any) ([]refRow, error) {
	rows, err := stmt.QueryContext(ctx, args...)
	if err != nil {
		return nil, fmt.Errorf("resolve older refs: %w", err)
	}
	return scanRefs(rows)
}

// scanRefs reads and closes rows of refs.
func scanRefs(rows *sql.Rows) ([]refRow, error) {
	defer rows.Close()
	var out []refRow
	for rows.Next() {
		var r refRow
		if err := rows.Scan(&r.id, &r.articleID, &r.title, &r.url, &r.normTitle, &r.canon, &r.gluedPara); err != nil {
			return nil, fmt.Errorf("resolve older refs: %w", err)
		}
		out = append(out, r)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("resolve older refs: %w", err)
	}
	return out, nil
}

// resolvePendingBatch tries every rule on up to limit pending refs and
// returns how many it handled and how many resolved.
func (r *resolver) resolvePendingBatch(ctx context.Context, limit int) (handled, resolved int, err error) {
	refs, err := queryRefs(ctx, r.pending, limit)
	if err != nil {
		return 0, 0, err
	}
	for _, ref := range refs {
		target, match, err := r.resolve(ctx, ref)
		if err != nil {
			return handled, resolved, err
		}
		if target != 0 {
			resolved++
		} else if err := r.rememberKeyWords(ctx, ref); err != nil {
			return handled, resolved, err
		}
		if _, err := r.setTarget.ExecContext(ctx, nullID(target), string(match), ref.id); err != nil {
			return handled, resolved, fmt.Errorf("resolve ref %d: %w", ref.id, err)
		}
		if err := r.recut(ctx, ref, target, match); err != nil {
			return handled, resolved, err
		}
		handled++
	}
	return handled, resolved, nil
}

// nullID is a target column value: NULL for no target.
func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

// rememberKeyWords records an unresolved ref's key words for answerFuzzily.
func (r *resolver) rememberKeyWords(ctx context.Context, ref refRow) error {
	words := strings.Fields(ref.normTitle)
	if len(words) < fuzzyMinWords {
		return nil
	}
	keys := keyWords(words)
	if len(keys) < 2 {
		return nil
	}
	for _, w := range keys {
		if _, err := r.tx.ExecContext(ctx, `INSERT OR IGNORE INTO ref_words (word, ref_id) VALUES (?, ?)`, w, ref.id); err != nil {
			return fmt.Errorf("remember key words of ref %d: %w", ref.id, err)
		}
	}
	return nil
}

// answerFuzzily resolves older unresolved refs that the given articles
// answer by the fuzzy rule: refs whose two key words are both in an
// article's title are candidates, and the full rules decide.
func (r *resolver) answerFuzzily(ctx context.Context, changed []answer) (int, error) {
	var waiting int
	if err := r.tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM ref_words)`).Scan(&waiting); err != nil || waiting == 0 {
		return 0, err
	}
	resolved := 0
	for _, a := range changed {
		words := fuzzyWords(strings.Fields(a.norm))
		if len(words) < 2 {
			continue
		}
		args := make([]any, len(words))
		for i, w := range words {
			args[i] = w
		}
		q := `SELECT ` + refColumns + ` FROM refs
			WHERE target_id IS NULL AND id IN (SELECT ref_id FROM ref_words WHERE word IN (?` +
			strings.Repeat(",?", len(words)-1) + `) GROUP BY ref_id HAVING count(*) = 2)`
		rows, err := r.tx.QueryContext(ctx, q, args...)
		if err != nil {
			return resolved, fmt.Errorf("resolve older refs fuzzily: %w", err)
		}
		refs, err := scanRefs(rows)
		if err != nil {
			return resolved, err
		}
		n, err := r.resolveWaiting(ctx, refs)
		resolved += n
		if err != nil {
			return resolved, err
		}
	}
	return resolved, nil
}
