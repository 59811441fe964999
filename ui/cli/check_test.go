package cli

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestDamagedLibraryIsNeverReadSilently overwrites each page of a small
// library in turn, as a failing disk or a stray write would, and runs the
// reading and writing commands on it: each must print what it printed on
// the sound library or fail naming the file, never show a damaged article
// as if it were whole; kabar check lists the damage.
func TestDamagedLibraryIsNeverReadSilently(t *testing.T) {
	dir := t.TempDir()
	var files []string
	for i := 1; i <= 4; i++ {
		body := strings.Repeat(fmt.Sprintf("Kalimat isi berita nomor %d yang cukup panjang. ", i), 150)
		f := filepath.Join(dir, fmt.Sprintf("berita%d.txt", i))
		writeFile(t, f, []byte(fmt.Sprintf("Judul Berita Nomor %d\n\nJakarta - %s\n", i, body)), 0o644)
		files = append(files, f)
	}
	sound := filepath.Join(dir, "sound.db")
	if code, _, errOut := kabar(t, "", append([]string{"--db", sound, "import"}, files...)...); code != ExitOK {
		t.Fatalf("import: %d %s", code, errOut)
	}
	commands := [][]string{{"list"}, {"show", "1"}, {"show", "2"}, {"show", "3"}, {"show", "4"}, {"search", "kalimat"}, {"links"}, {"import", files[0]}}
	want := map[string]string{}
	for _, c := range commands {
		_, out, _ := kabar(t, "", append([]string{"--db", sound}, c...)...)
		want[strings.Join(c, " ")] = out
	}
	clean, err := os.ReadFile(sound)
	if err != nil {
		t.Fatal(err)
	}
	const page = 4096
	damaged := filepath.Join(dir, "damaged.db")
	caught := 0
	for p := 1; p < len(clean)/page; p++ { // page 0 holds the header, checked at open
		data := append([]byte(nil), clean...)
		for i := p * page; i < (p+1)*page; i += 2 {
			data[i], data[i+1] = 0xde, 0xad
		}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			os.Remove(damaged + suffix)
		}
		writeFile(t, damaged, data, 0o644)
		for _, c := range commands {
			code, out, errOut := kabar(t, "", append([]string{"--db", damaged}, c...)...)
			out = strings.ReplaceAll(out, damaged, sound)
			name := strings.Join(c, " ")
			switch {
			case code == ExitOK && out != want[name]:
				t.Fatalf("page %d damaged: %q printed something else and succeeded:\n%.300s", p, name, out)
			case code != ExitOK && !strings.Contains(errOut, damaged):
				t.Fatalf("page %d damaged: %q failed without naming the file: %s", p, name, errOut)
			case code != ExitOK:
				caught++
			}
		}
		code, out, errOut := kabar(t, "", "--db", damaged, "check")
		if code == ExitOK != strings.Contains(out, "no damage found") || (code != ExitOK && !strings.Contains(errOut, "is damaged")) {
			t.Fatalf("page %d damaged: check exit %d, %q %q", p, code, out, errOut)
		}
	}
	if caught == 0 {
		t.Fatal("no damage was ever reported")
	}
	if code, out, _ := kabar(t, "", "--db", sound, "check", "--full"); code != ExitOK || !strings.Contains(out, "no damage found") {
		t.Fatalf("check of the sound library: %d %q", code, out)
	}
}
