package store

import "strings"

// stopWords are the Indonesian and English words too common in news to tell
// one story from another, as the index folds them (lower case, no
// diacritics). Similar articles never rank by them, however rare a small
// library makes them look. Also the words of datelines, credits and
// related-link markers, which every article of an outlet shares.
var stopWords = wordSet(`
ada adalah adanya agar akan akhir akhirnya aku anda antara apa apabila apakah atas atau bagaimana bagi bahkan bahwa baik
banyak baru beberapa begitu belum benar berada berbagai berikut bersama besar bisa boleh bukan cukup dalam dan dapat dari
daripada demikian dengan di dia diri dua hal hampir hanya harus hari hingga ia ini itu jadi jika juga jumat kali kalau kami
kamis kamu karena kata ke kebanyakan kedua kembali kemudian kepada kerja ketika kini kita lagi lain lalu lama lebih lewat
maka mampu mana masih masing melalui memang memiliki menjadi menurut menurutnya mereka merupakan minggu mungkin namun
oleh orang pada padahal para pekan per perlu pukul pula pun rabu sabtu saat saja salah sama sampai sangat satu saya
seadanya sebagai sebelum sebelumnya sebuah sedang sedangkan sejak sekarang sekitar selain selama selasa seluruh semua
senin seorang seperti serta sesuai setelah sudah supaya tak tapi telah tengah tentang terhadap termasuk tersebut tetapi
tiga tidak tiap untuk wib wita wit yaitu yakni yang
baca juga simak lihat penulis editor reporter redaksi sumber foto ujar kata ucap jelas tutur ungkap sebut katanya ujarnya
jelasnya ucapnya tuturnya ungkapnya kompas detik tempo antara liputan6 tribun okezone com co id www http https
about above after again against all also am an and any are as at be because been before being below between both but by
can could did do does doing down during each even ever every few for from further had has have having he her here hers
him his how however if in into is it its itself just least less like made make many may me more most much must my new
no nor not now of off often on once one only or other our out over own per said same says she should since so some
still such than that the their them then there these they this those though three through to too two under until up
upon us very via was we were what when where whether which while who whom whose why will with within without would
year years yet you your monday tuesday wednesday thursday friday saturday sunday read also reuters ap afp told according
`)

// wordSet is the set of the words in a space-separated list.
func wordSet(list string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(list) {
		set[w] = true
	}
	return set
}
