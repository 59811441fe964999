package safe

import "kabar/articles"

// Listing returns l with its text fields made safe to print (Line).
func Listing(l articles.Listing) articles.Listing {
	l.Title, l.Source, l.URL = Line(l.Title), Line(l.Source), Line(l.URL)
	l.Tags = lines(l.Tags)
	return l
}

// Article returns a with every text field made safe to print: the body with
// Text, every other field, the origin's path included, with Line. Slices are
// copied, never changed in place.
func Article(a articles.Stored) articles.Stored {
	a.Title, a.Source, a.URL = Line(a.Title), Line(a.Source), Line(a.URL)
	a.Body = Text(a.Body)
	a.Origin.Path = Line(a.Origin.Path)
	a.Authors, a.Editors, a.Tags = lines(a.Authors), lines(a.Editors), lines(a.Tags)
	related := make([]articles.Ref, len(a.Related))
	for i, r := range a.Related {
		r.Title, r.URL, r.TargetTitle = Line(r.Title), Line(r.URL), Line(r.TargetTitle)
		related[i] = r
	}
	a.Related = related
	backlinks := make([]articles.Backlink, len(a.ReferencedBy))
	for i, b := range a.ReferencedBy {
		b.Title = Line(b.Title)
		backlinks[i] = b
	}
	a.ReferencedBy = backlinks
	return a
}

func lines(ss []string) []string {
	if ss == nil {
		return nil
	}
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = Line(s)
	}
	return out
}
