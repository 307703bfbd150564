package text

import (
	"reflect"
	"strings"
	"testing"
)

// sampleArticle deterministically builds an article of about n bytes mixing
// ASCII, accents, emoji, CJK and Arabic, in paragraphs.
func sampleArticle(n int) string {
	sentences := []string{
		"The mayor of Montréal, Valérie Plante, met Jean-Yves Côté on Tuesday.",
		"Mr. Smith said it wasn't over 😀 yet.",
		"北京市的天气很好。",
		"قال الرئيس إن الاتفاق مهم.",
		"Prices rose 3.5% in the U.S. last year, economists said.",
	}
	var b strings.Builder
	for i := 0; b.Len() < n; i++ {
		b.WriteString(sentences[i%len(sentences)])
		if i%7 == 6 {
			b.WriteString("\n\n")
		} else {
			b.WriteByte(' ')
		}
	}
	return b.String()
}

func spanTexts(s string, spans []Span) []string {
	x := NewOffsets(s)
	var out []string
	for _, sp := range spans {
		out = append(out, x.Slice(sp.Start, sp.End))
	}
	return out
}

func TestParagraphs(t *testing.T) {
	tests := []struct {
		s    string
		want []string
	}{
		{"", nil},
		{"one", []string{"one"}},
		{"one\ntwo\n\nthree", []string{"one\ntwo", "three"}},
		{"\n\n\nZoë 😀\n \t\n\nCôté\n\n\n", []string{"Zoë 😀", "Côté"}},
		{"中文\r\n\r\nمرحبا\r\n", []string{"中文", "مرحبا"}},
		{"a\n\n\n\n\nb", []string{"a", "b"}},
	}
	for _, tt := range tests {
		got := spanTexts(tt.s, Paragraphs(tt.s))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Paragraphs(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
	// Offsets are code points: the emoji is one.
	if got := Paragraphs("😀a\n\nb"); !reflect.DeepEqual(got, []Span{{0, 2}, {4, 5}}) {
		t.Errorf("Paragraphs offsets = %v", got)
	}
}

func TestTokens(t *testing.T) {
	tests := []struct {
		s    string
		want []string
	}{
		{"Jean-Yves said: don't go!", []string{"Jean-Yves", "said", ":", "don't", "go", "!"}},
		{"aujourd'hui l’été", []string{"aujourd'hui", "l’été"}},
		{"-dash- 'quote'", []string{"-", "dash", "-", "'", "quote", "'"}},
		{"😀 café 3.5", []string{"😀", "café", "3", ".", "5"}},
		{"東京 مرحبا بك", []string{"東京", "مرحبا", "بك"}},
		{"e\u0301t\u0301e", []string{"e\u0301t\u0301e"}},
	}
	for _, tt := range tests {
		got := spanTexts(tt.s, Tokens(tt.s))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Tokens(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		s    string
		want []string
	}{
		{"Mr. Smith met J. Doe. They talked! Did it help? Yes.",
			[]string{"Mr. Smith met J. Doe.", "They talked!", "Did it help?", "Yes."}},
		{"It cost 3.5 dollars in the U.S. Not bad.", []string{"It cost 3.5 dollars in the U.S. Not bad."}},
		{"He left. \"Why?\" she asked. ok then.", []string{"He left.", "\"Why?\" she asked. ok then."}},
		{"First para\nstill first.\n\nSecond para", []string{"First para\nstill first.", "Second para"}},
		{"北京很好。上海也好。", []string{"北京很好。", "上海也好。"}},
		{"Zoë est là. Élodie aussi 😀.", []string{"Zoë est là.", "Élodie aussi 😀."}},
		{"Gen. Smith came on Jan. 3. Then he said no. Me too.",
			[]string{"Gen. Smith came on Jan. 3.", "Then he said no.", "Me too."}},
		{"Bricks etc. Etc. Were there.", []string{"Bricks etc. Etc. Were there."}},
		{"  ", nil},
	}
	for _, tt := range tests {
		got := spanTexts(tt.s, Sentences(tt.s))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) = %q, want %q", tt.s, got, tt.want)
		}
	}
}

func BenchmarkParagraphs1MB(b *testing.B) {
	s := sampleArticle(1 << 20)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Paragraphs(s)
	}
}
