package ui

import (
	"os"
	"strings"
	"testing"

	"charm.land/bubbles/v2/key"
)

// TestReadmeKeyTableNamesEveryBinding: the README's key table and the
// help overlay both come from the bindings; a binding the help shows but
// the README does not name fails here.
func TestReadmeKeyTableNamesEveryBinding(t *testing.T) {
	data, err := os.ReadFile("../README.md")
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	start, end := strings.Index(text, "## Keys"), strings.Index(text, "## Settings")
	if start < 0 || end < start {
		t.Fatal("README has no Keys section before Settings")
	}
	table := text[start:end]
	rows := map[string][][]key.Binding{"list": DefaultListKeys().FullHelp(), "reader": DefaultReaderKeys().forFind(true).FullHelp()}
	for screen, groups := range rows {
		for _, g := range groups {
			for _, b := range g {
				k := b.Help().Key
				if !rowNames(table, screen, k) && !rowNames(table, "both", k) {
					t.Errorf("README's key table has no %s row naming `%s` (%s)", screen, k, b.Help().Desc)
				}
			}
		}
	}
}

// rowNames reports whether a row of the table for screen names key k in
// backquotes.
func rowNames(table, screen, k string) bool {
	for _, line := range strings.Split(table, "\n") {
		if strings.HasPrefix(line, "| "+screen+" |") && strings.Contains(line, "`"+k+"`") {
			return true
		}
	}
	return false
}
