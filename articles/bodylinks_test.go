package articles

import (
	"reflect"
	"testing"
)

func TestBodyLinks(t *testing.T) {
	for _, tc := range []struct {
		name, body string
		want       []BodyLink
	}{
		{"markdown and bare, in reading order",
			"Lihat [laporan BMKG](https://bmkg.test/rob) dan https://pesisir.test/banjir-rob.\nLalu [lagi](https://bmkg.test/rob).",
			[]BodyLink{{"laporan BMKG", "https://bmkg.test/rob"}, {"", "https://pesisir.test/banjir-rob"}}},
		{"title in a link, angle brackets",
			`Read [the  report](<https://news.test/a?b=1> "Report") now`,
			[]BodyLink{{"the report", "https://news.test/a?b=1"}}},
		{"bare URL in parentheses", "(sumber: https://kabar.test/x)", []BodyLink{{"", "https://kabar.test/x"}}},
		{"only web links", "[surat](mailto:a@b.test) [js](javascript:alert(1)) ftp://x.test/y", nil},
		{"none", "Tanpa tautan.", nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := BodyLinks(tc.body); !reflect.DeepEqual(got, tc.want) {
				t.Fatalf("got %+v\nwant %+v", got, tc.want)
			}
		})
	}
}

func FuzzBodyLinks(f *testing.F) {
	f.Add("Lihat [laporan](https://bmkg.test/rob) dan https://pesisir.test/x.")
	f.Add("[a](<https://x.test/(y)>) [[b]](https://z.test) https://")
	f.Fuzz(func(t *testing.T, body string) {
		for _, l := range BodyLinks(body) {
			if !IsWebURL(l.URL) {
				t.Fatalf("%q is not a web URL", l.URL)
			}
		}
	})
}
