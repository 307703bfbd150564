package text

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
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
		// Numbers, dotted acronyms, and an acronym that ends a sentence.
		{"It cost 3.5 dollars in the U.S. Officials agreed.", []string{"It cost 3.5 dollars in the U.S. Officials agreed."}},
		{"It cost 3.5 dollars in the U.S. The officials agreed.", []string{"It cost 3.5 dollars in the U.S.", "The officials agreed."}},
		{"Sales rose in 2023. 2024 was flat. He left. 3 stayed.", []string{"Sales rose in 2023. 2024 was flat.", "He left.", "3 stayed."}},
		{"Donald J. Trump met Apple Inc. Chief Tim Cook. It was plan B. It failed.",
			[]string{"Donald J. Trump met Apple Inc. Chief Tim Cook.", "It was plan B.", "It failed."}},
		{"Gen. Smith came on Jan. 3. Then he said no. Me too.",
			[]string{"Gen. Smith came on Jan. 3.", "Then he said no.", "Me too."}},
		{"Am 3. Oktober im 20. Jahrhundert kam er. Sie war 15. Die Zeit lief. Ca. 400 kamen, bzw. 2 Mrd. Euro.",
			[]string{"Am 3. Oktober im 20. Jahrhundert kam er.", "Sie war 15.", "Die Zeit lief.", "Ca. 400 kamen, bzw. 2 Mrd. Euro."}},
		{"Bricks etc. Etc. Were there.", []string{"Bricks etc. Etc. Were there."}},
		{"See e.g. The Times. Or i.e. this.", []string{"See e.g.", "The Times.", "Or i.e. this."}},
		// Closing quotes and brackets stay with the sentence they close.
		{`He left. "Why?" she asked. ok then.`, []string{"He left.", `"Why?" she asked. ok then.`}},
		{`He said "Go." Then he went. (It rained.) 'Fine.' Done.`,
			[]string{`He said "Go."`, "Then he went.", "(It rained.)", "'Fine.'", "Done."}},
		{"« C’est fini. » Il part. Elle reste… Puis rien.", []string{"« C’est fini. »", "Il part.", "Elle reste…", "Puis rien."}},
		{"“I came. I saw.” Then I don't know. 'Maybe.' Fine", []string{"“I came.", "I saw.”", "Then I don't know.", "'Maybe.'", "Fine"}},
		{"„Es wird nicht gehen.“ Der Minister ging. „Nein.“", []string{"„Es wird nicht gehen.“", "Der Minister ging.", "„Nein.“"}},
		// Ellipses: three dots or one character, and mid-sentence.
		{"Wait... The door opened. He paused… and went on.", []string{"Wait...", "The door opened.", "He paused… and went on."}},
		{"Really?! Yes!!! No?", []string{"Really?!", "Yes!!!", "No?"}},
		// Every line break ends a sentence; blank lines are skipped.
		{"Headline without stop\nBy Jane Doe\n\nFirst para\nstill first.\n\nSecond para", []string{"Headline without stop", "By Jane Doe", "First para", "still first.", "Second para"}},
		// Scripts without case, and stops without a space after them.
		{"北京很好。上海也好！「真的？」他问。", []string{"北京很好。", "上海也好！", "「真的？」", "他问。"}},
		{"यह अच्छा है। वह आया।", []string{"यह अच्छा है।", "वह आया।"}},
		{"قال الرئيس. الاتفاق مهم؟ نعم.", []string{"قال الرئيس.", "الاتفاق مهم؟", "نعم."}},
		{"Zoë est là. Élodie aussi 😀. ¿Qué? ¡Sí!", []string{"Zoë est là.", "Élodie aussi 😀.", "¿Qué?", "¡Sí!"}},
		{"  ", nil},
		{"", nil},
	}
	for _, tt := range tests {
		got := spanTexts(tt.s, Sentences(tt.s))
		if !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Sentences(%q) =\n%q, want\n%q", tt.s, got, tt.want)
		}
		if again := rebuilt(tt.s); !reflect.DeepEqual(spanTexts(again, Sentences(again)), spaced(got)) {
			t.Errorf("rebuilt %q =\n%q, want\n%q", again, spanTexts(again, Sentences(again)), spaced(got))
		}
	}
	// Offsets are code points.
	if got := Sentences("😀 Ab. B\nC"); !reflect.DeepEqual(got, []Span{{0, 5}, {6, 7}, {8, 9}}) {
		t.Errorf("Sentences offsets = %v", got)
	}
}

// rebuilt writes s as text rebuilt from a CoNLL file is: the tokens of each
// sentence one space apart, one sentence a line.
func rebuilt(s string) string {
	var lines []string
	for _, sp := range Sentences(s) {
		lines = append(lines, spaced([]string{NewOffsets(s).Slice(sp.Start, sp.End)})...)
	}
	return strings.Join(lines, "\n")
}

func spaced(ss []string) []string {
	var out []string
	for _, s := range ss {
		out = append(out, strings.Join(spanTexts(s, Tokens(s)), " "))
	}
	return out
}

// FuzzSentencesRebuilt: the text rebuilt from a CoNLL file (tokens one space
// apart, a sentence a line) splits into the same sentences.
func FuzzSentencesRebuilt(f *testing.F) {
	f.Add(`Mr. Smith met J. Doe in the U.S. The "end." (Yes.) 3.5 Inc. Chief… 北京。好`)
	f.Add("« Fini. » Il part… Puis\nrien. e.g. The 2023. 2024 don't. 'Maybe.' ok")
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			return
		}
		got := spaced(spanTexts(s, Sentences(s)))
		again := rebuilt(s)
		if back := spanTexts(again, Sentences(again)); !reflect.DeepEqual(back, got) {
			t.Fatalf("%q\nrebuilt %q\n%q\nwant %q", s, again, back, got)
		}
	})
}

func BenchmarkSentences1MB(b *testing.B) {
	s := sampleArticle(1 << 20)
	b.SetBytes(int64(len(s)))
	b.ReportAllocs()
	for b.Loop() {
		Sentences(s)
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
