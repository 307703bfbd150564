package format

import (
	"strings"
	"testing"
)

// A corpus's W3C file: a collection whose pages annotate two articles is
// split by target source, in order of appearance, each group decodable.
func TestSplitW3C(t *testing.T) {
	data := "\ufeff" + `{"type":"AnnotationCollection","label":"Two articles","first":{"type":"AnnotationPage","items":[
		{"type":"Annotation","body":{"type":"TextualBody","value":"PER","purpose":"tagging"},"target":{"source":"a.txt","selector":{"type":"TextPositionSelector","start":0,"end":3}}},
		{"type":"Annotation","body":{"type":"TextualBody","value":"LOC","purpose":"tagging"},"target":"b.txt#char=4,10"}],
		"next":{"type":"AnnotationPage","items":[
		{"type":"Annotation","body":{"type":"TextualBody","value":"PER","purpose":"tagging"},"target":[{"id":"a.txt","selector":{"type":"TextPositionSelector","start":4,"end":12}}]}]}}}`
	groups, title, err := SplitW3C([]byte(data))
	if err != nil || title != "Two articles" || len(groups) != 2 || groups[0].Source != "a.txt" || groups[1].Source != "b.txt" {
		t.Fatalf("%+v %q %v", groups, title, err)
	}
	d, _, err := W3C.Decode(groups[0].Data, "Ada Lovelace")
	if err != nil || len(d.Annotations) != 2 {
		t.Fatalf("a.txt: %+v %v", d.Annotations, err)
	}
	for _, bad := range []string{`{"type":"Annotation",`, `[` + strings.Repeat("[", 100) + strings.Repeat("]", 101)} {
		if _, _, err := SplitW3C([]byte(bad)); err == nil || !strings.Contains(err.Error(), "nothing imported") {
			t.Errorf("%.30q: %v", bad, err)
		}
	}
}
