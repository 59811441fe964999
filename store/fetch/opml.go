package fetch

import (
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"kabar/store"
)

// opml is the OPML 2.0 document kabar reads and writes.
type opml struct {
	XMLName xml.Name  `xml:"opml"`
	Version string    `xml:"version,attr"`
	Title   string    `xml:"head>title"`
	Body    []outline `xml:"body>outline"`
}

type outline struct {
	Type     string    `xml:"type,attr,omitempty"`
	Text     string    `xml:"text,attr"`
	Title    string    `xml:"title,attr,omitempty"`
	XMLURL   string    `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string    `xml:"htmlUrl,attr,omitempty"`
	Children []outline `xml:"outline"`
}

// OPMLFeed is one feed listed in an OPML file.
type OPMLFeed struct {
	URL, Name string
}

// ReadOPML returns the feeds an OPML file lists, at any depth of folders.
func ReadOPML(r io.Reader) ([]OPMLFeed, error) {
	var doc opml
	if err := xml.NewDecoder(io.LimitReader(r, 16<<20)).Decode(&doc); err != nil {
		return nil, fmt.Errorf("opml: %w", err)
	}
	var out []OPMLFeed
	var walk func([]outline)
	walk = func(os []outline) {
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" {
				out = append(out, OPMLFeed{URL: u, Name: strings.TrimSpace(firstNonEmpty(o.Title, o.Text))})
			}
			walk(o.Children)
		}
	}
	walk(doc.Body)
	return out, nil
}

// WriteOPML writes the feeds as an OPML 2.0 document.
func WriteOPML(w io.Writer, feeds []store.Feed) error {
	doc := opml{Version: "2.0", Title: "kabar feeds"}
	for _, f := range feeds {
		doc.Body = append(doc.Body, outline{Type: "rss", Text: f.Name, Title: f.Name, XMLURL: f.URL})
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("opml: %w", err)
	}
	_, err := io.WriteString(w, "\n")
	return err
}
