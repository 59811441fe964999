package store

import (
	"context"
	"fmt"
	"strings"

	"kabar/articles"
)

// recut finishes a ref that the parser had cut out of running text and that
// resolved (by any rule but an ambiguous one) to an article whose title its
// text starts with: the stored title shows where the headline really ended, so the ref takes
// that title and the words after it go back to the body, at the start of the
// paragraph that followed the headline. The article's full-text entry
// follows. Nothing changes when the ref's text does not start with the title.
func (r *resolver) recut(ctx context.Context, ref refRow, target int64, match articles.Match) error {
	if target == 0 || match == articles.MatchAmbiguous || !ref.gluedPara.Valid {
		return nil
	}
	var title, norm string
	if err := r.tx.QueryRowContext(ctx, `SELECT title, norm_title FROM articles WHERE id = ?`, target).Scan(&title, &norm); err != nil {
		return fmt.Errorf("re-cut ref %d: %w", ref.id, err)
	}
	rest, ok := wordsAfterTitle(ref.title, norm)
	if !ok {
		return nil
	}
	var packed []byte
	if err := r.tx.QueryRowContext(ctx, `SELECT text FROM bodies WHERE id = ?`, ref.articleID).Scan(&packed); err != nil {
		return fmt.Errorf("re-cut ref %d: %w", ref.id, err)
	}
	body, err := unpackBody(packed)
	if err != nil {
		return fmt.Errorf("re-cut ref %d: article %d: %w", ref.id, ref.articleID, err)
	}
	// content_hash stays the hash of the text as imported, so importing the
	// same file again finds it unchanged
	body = giveBack(body, int(ref.gluedPara.Int64), rest)
	for _, st := range []struct {
		q    string
		args []any
	}{
		{unindexArticle, []any{ref.articleID}},
		{`UPDATE bodies SET text = ? WHERE id = ?`, []any{packBody(body), ref.articleID}},
		{indexArticles, []any{fmt.Sprintf("[%d]", ref.articleID)}},
		{`UPDATE refs SET title = ?, norm_title = ?, glued_para = NULL WHERE id = ?`, []any{title, norm, ref.id}},
	} {
		if _, err := r.tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("re-cut ref %d: %w", ref.id, err)
		}
	}
	return nil
}

// wordsAfterTitle returns the words of a ref's text after the words whose
// normalised form is the title's; ok is false when the text does not start
// with the title or holds nothing after it.
func wordsAfterTitle(text, normTitle string) (string, bool) {
	words := strings.Fields(text)
	for k := 1; k < len(words); k++ {
		if articles.NormalizeTitle(strings.Join(words[:k], " ")) == normTitle {
			return strings.Join(words[k:], " "), true
		}
	}
	return "", false
}

// giveBack puts words at the start of body paragraph para (as a paragraph of
// their own after the last one when para is past it).
func giveBack(body string, para int, words string) string {
	if body == "" {
		return words
	}
	paras := strings.Split(body, "\n\n")
	if para < 0 || para >= len(paras) {
		return body + "\n\n" + words
	}
	paras[para] = words + " " + paras[para]
	return strings.Join(paras, "\n\n")
}
