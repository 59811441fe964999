package ui

import (
	"strings"
	"testing"
	"time"

	"github.com/charmbracelet/x/ansi"

	"kabar/articles"
)

// TestUndatedRowsShowTheirImportDay checks the list's date column: the
// publication day when known, else the import day in its own fainter style,
// else blank, always ten cells wide.
func TestUndatedRowsShowTheirImportDay(t *testing.T) {
	st := NewStyles(true)
	imported := time.Date(2025, 6, 14, 12, 0, 0, 0, time.Local)
	published := time.Date(2024, 3, 12, 9, 0, 0, 0, time.UTC)
	dated := dateCell(st, articles.Listing{Published: published, Imported: imported})
	undated := dateCell(st, articles.Listing{Imported: imported})
	unknown := dateCell(st, articles.Listing{})
	for cell, want := range map[string]string{dated: "2024-03-12", undated: "2025-06-14", unknown: strings.Repeat(" ", 10)} {
		if got := ansi.Strip(cell); got != want {
			t.Errorf("date cell %q, want %q", got, want)
		}
	}
	if st.ImportDate.Render("x") == st.Date.Render("x") {
		t.Error("the import day is styled like a publication day")
	}
}
