package ui

import (
	"fmt"
	"testing"

	"github.com/charmbracelet/x/exp/golden"
)

// TestGoldenViews compares the View text (ANSI stripped) of each screen with
// testdata/TestGoldenViews/*.golden. Run go test ./ui -update to rewrite them
// after an intended change, and read the diff.
func TestGoldenViews(t *testing.T) {
	lib := fixtureLibrary(t)
	screens := []struct {
		name string
		keys []string
	}{
		{"list", nil},
		{"list_filtered", []string{"/", "r", "i", "v", "e", "r"}},
		{"reader", []string{"j", "enter"}},
		{"reader_links", []string{"j", "enter", "G", "tab"}},
		{"help", []string{"?"}},
		{"reader_help", []string{"enter", "?"}},
	}
	for _, size := range [][2]int{{80, 24}, {120, 40}} {
		for _, sc := range screens {
			t.Run(fmt.Sprintf("%s_%dx%d", sc.name, size[0], size[1]), func(t *testing.T) {
				m := keys(t, start(t, lib, size[0], size[1]), sc.keys...)
				golden.RequireEqual(t, screenText(m))
			})
		}
	}
	t.Run("too_small_20x5", func(t *testing.T) {
		golden.RequireEqual(t, screenText(start(t, lib, 20, 5)))
	})
}
