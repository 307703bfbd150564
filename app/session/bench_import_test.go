package session

import (
	"fmt"
	"strings"
	"testing"

	"gloss/app/convert"
	"gloss/app/convert/local"
	"gloss/app/store"
)

// BenchmarkImportOnto: a CSV of 1,000 annotations imported onto an open
// article of ~100 KB, every call through the worker's messages (JSON both
// ways), as the page does; calls/op counts the round trips.
func BenchmarkImportOnto(b *testing.B) {
	var text strings.Builder
	var csv strings.Builder
	csv.WriteString("start,end,label,text\n")
	for i := range 1000 {
		n := text.Len()
		fmt.Fprintf(&text, "Officials met Person%04d in Paris on Monday, then flew on to the next meeting. ", i)
		fmt.Fprintf(&csv, "%d,%d,PER,Person%04d\n", n+14, n+24, i)
	}
	old := convert.Use
	defer func() { convert.Use = old }()
	calls := 0
	convert.Use = convert.Wire(func(call string) (string, error) { calls++; return local.Serve(call), nil })
	lib, _, err := store.Open(store.NewMemory())
	if err != nil {
		b.Fatal(err)
	}
	s := New(lib, clock())
	if _, err := s.Create(store.Doc{Meta: store.Meta{Title: "Long"}, Text: text.String()}); err != nil {
		b.Fatal(err)
	}
	data := []byte(csv.String())
	calls = 0
	for b.Loop() {
		if _, err := s.Import("a.csv", data); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(calls)/float64(b.N), "calls/op")
}
