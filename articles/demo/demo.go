// Package demo holds kabar's embedded demo library: about twenty-five short
// articles written for this project (no real news), in Indonesian and
// English, in every format kabar imports, linked to each other so that
// following links, history, backlinks, an unresolved link, an ambiguous one
// and CJK and emoji text can all be tried in the first minute.
package demo

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"path"

	"kabar/articles"
)

//go:embed files
var files embed.FS

// Articles parses the demo library. Origins read "demo/<file>".
func Articles() ([]articles.Article, error) {
	entries, err := fs.ReadDir(files, "files")
	if err != nil {
		return nil, fmt.Errorf("demo: %w", err)
	}
	var out []articles.Article
	var errs []error
	for _, e := range entries {
		data, err := files.ReadFile(path.Join("files", e.Name()))
		if err != nil {
			return nil, fmt.Errorf("demo: %w", err)
		}
		as, err := articles.Parse("demo/"+e.Name(), bytes.NewReader(data), articles.Options{})
		if err != nil {
			errs = append(errs, err)
		}
		out = append(out, as...)
	}
	if len(errs) > 0 {
		return out, fmt.Errorf("demo: %w", errors.Join(errs...))
	}
	return out, nil
}
