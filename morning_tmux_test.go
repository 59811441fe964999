package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// morningFeed is a subscribed feed's four entries, newest first; "Pagi
// Tiga" links "Pagi Satu" in its text.
const morningFeed = `<?xml version="1.0"?><rss version="2.0"><channel><title>Kabar Pagi</title>
<item><title>Pagi Empat: Jembatan Baru Dibuka</title><link>https://pagi.example/empat</link>
<pubDate>Thu, 05 Jun 2025 07:00:00 +0700</pubDate><description>&lt;p&gt;Jembatan baru dibuka pagi ini.&lt;/p&gt;</description></item>
<item><title>Pagi Tiga: Harga Cabai Turun</title><link>https://pagi.example/tiga</link>
<pubDate>Wed, 04 Jun 2025 07:00:00 +0700</pubDate><description>&lt;p&gt;Harga cabai turun. Kemarin: &lt;a href="https://pagi.example/satu"&gt;pasar subuh&lt;/a&gt; ramai.&lt;/p&gt;</description></item>
<item><title>Pagi Dua: Hujan Deras Semalam</title><link>https://pagi.example/dua</link>
<pubDate>Tue, 03 Jun 2025 07:00:00 +0700</pubDate><description>&lt;p&gt;Hujan deras turun semalam.&lt;/p&gt;</description></item>
<item><title>Pagi Satu: Pasar Subuh Ramai</title><link>https://pagi.example/satu</link>
<pubDate>Mon, 02 Jun 2025 07:00:00 +0700</pubDate><description>&lt;p&gt;Pasar subuh ramai pembeli.&lt;/p&gt;</description></item>
</channel></rss>`

// TestEndToEndMorningSession is a morning with kabar in a real terminal: a
// config that rebinds the sources panel to F and sets the light theme; the
// subscribed feed chosen in the panel; n, J and K; everything marked read;
// a tag; a deletion undone; a link in the text followed and back.
func TestEndToEndMorningSession(t *testing.T) {
	bin := buildKabar(t)
	dir := t.TempDir()
	feed := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		_, _ = w.Write([]byte(morningFeed))
	}))
	defer feed.Close()
	config := filepath.Join(dir, "config", "kabar", "config.toml")
	if err := os.MkdirAll(filepath.Dir(config), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(config, []byte("theme = \"light\"\n[keys.list]\nsources = [\"F\"]\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(dir, "library.db")
	env := append(os.Environ(), "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "KABAR_DB="+db)
	for _, args := range [][]string{
		{"import", "testdata/library"},
		{"feed", "add", feed.URL + "/pagi.xml", "--name", "Kabar Pagi"},
		{"fetch"},
	} {
		cmd := exec.Command(bin, args...)
		cmd.Env = env
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("kabar %s: %v\n%s", strings.Join(args, " "), err, out)
		}
	}

	term := startInTmux(t, 100, 30, "env", "XDG_CONFIG_HOME="+filepath.Join(dir, "config"), "KABAR_DB="+db, bin)
	term.waitFor("8 articles · 8 unread")
	if !strings.Contains(term.screenWithColours(), "48;5;189") {
		t.Fatalf("the light theme's selection colour (#E4DDFB, 189 in 256 colours) is not on screen:\n%q", term.screenWithColours())
	}
	term.send("f")
	if strings.Contains(term.screen(), "Sources") {
		t.Fatal("f still opens the panel although the config moved it to F")
	}
	term.send("F")
	term.waitFor("Sources", "Feeds", "Kabar Pagi", "Outlets")
	term.send("j", "j", "j", "Enter") // All, Unread, Starred, then the feed
	term.waitFor("feed: Kabar Pagi 4 articles · 4 unread", "Pagi Empat")

	term.send("n")
	term.waitFor("▌ •   2025-06-04  Pagi Tiga")
	term.send("Enter")
	term.waitFor("Harga cabai turun")
	term.send("J")
	term.waitFor("Hujan deras turun semalam")
	term.send("K")
	term.waitFor("Harga cabai turun")
	term.send("q", "A")
	term.waitFor("Mark every article in this view read? (y/n)")
	term.send("y")
	term.waitFor("marked 2 articles read — U undoes", "8 articles · 4 unread")

	term.send("t")
	term.waitFor("tags:")
	term.send("pagi", "Enter")
	term.waitFor("Pagi Tiga: Harga Cabai Turun #pagi")
	term.send("d")
	term.waitFor("Delete “Pagi Tiga: Harga Cabai Turun”? (y/n)")
	term.send("y")
	term.waitFor("deleted “Pagi Tiga: Harga Cabai Turun”", "7 articles")
	term.send("U")
	term.waitFor("undone: deleted “Pagi Tiga", "8 articles", "Pagi Tiga: Harga Cabai Turun #pagi")

	term.send("Enter", "u")
	term.waitFor("Links in the text", "1. pasar subuh — https://pagi.example/satu")
	term.send("1")
	term.waitFor("Pasar subuh ramai pembeli", "◀ 1  ▶ 0")
	term.send("BSpace")
	term.waitFor("Harga cabai turun", "◀ 0  ▶ 1")
	term.send("q", "q")
	if status := term.exitStatus(); status != "0" {
		t.Fatalf("exit status %s", status)
	}
}
