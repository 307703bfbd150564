package text

import (
	"slices"
	"strings"
	"testing"
)

const wrappedMail = `Subject: talks

French President Emmanuel Macron met German Chancellor Angela Merkel in
Berlin on Tuesday to discuss the European Central Bank's plans for the
coming year. The meeting, organised by the European Commission at the
request of both leaders, ended without an agreement, according to
Reuters and Agence France-Presse. Boris Johnson, the British Prime
Minister, was not invited to the talks in the German capital, officials
said.
`

func TestSoftBreaks(t *testing.T) {
	// Every break of wrappedMail's paragraph is soft ("said." ends the
	// text; "Subject: talks" ends a paragraph), and in a wrapped text a
	// sentence ending at a line's end does not end the paragraph.
	stopped := "The minister said that the talks had gone well and would go on soon.\n" +
		"Both sides will meet again in Paris next month, officials said on the\n" +
		"record. They gave no date for the meeting, which the two leaders had\n" +
		"asked for. Critics said the talks would change nothing at all for now.\n"
	lineEnds := func(s string, after ...string) []int {
		var out []int
		for _, a := range after {
			i := strings.Index(s, a+"\n")
			if i < 0 {
				t.Fatalf("%q not at a line's end", a)
			}
			out = append(out, i+len(a))
		}
		slices.Sort(out)
		return out
	}
	tests := []struct {
		name string
		text string
		want []int
	}{
		{"a wrapped e-mail", wrappedMail, lineEnds(wrappedMail, "Merkel in", "plans for the", "at the", "according to", "British Prime", "officials")},
		{"CRLF", strings.ReplaceAll(wrappedMail, "\n", "\r\n"), nil}, // checked below
		{"sentences ending at lines' ends", stopped, lineEnds(stopped, "soon.", "on the", "had")},
		{"a list of names", "Speakers\nAngela Merkel\nEmmanuel Macron\nBoris Johnson\nJustin Trudeau\nOlaf Scholz\n", nil},
		{"a paragraph a line", "Macron meets Merkel in Berlin\nFrench President Emmanuel Macron met German Chancellor Angela Merkel in Berlin on Tuesday to talk.\n" +
			"The talks ended without an agreement, according to Reuters, and will resume in Paris next month, when both leaders meet again.\n" +
			"Boris Johnson was not invited.\n" +
			"A spokesman for the British government declined to comment on the meeting, its outcome or the next one, which the two have set for the spring\n" +
			"Sources in Berlin said the chancellor was tired of the talks\n", nil},
		{"one sentence a line (CoNLL)", "EU rejects German call to boycott British lamb .\nPeter Blackburn\nBRUSSELS 1996-08-22\n" +
			"The European Commission said on Thursday it disagreed with German advice to consumers to shun British lamb .\n" +
			"Germany 's representative to the European Union 's veterinary committee Werner Zwingmann said on Wednesday .\n", nil},
		{"CoNLL documents: headlines, datelines, sentences", strings.Repeat("SOCCER - JAPAN GET LUCKY WIN , CHINA IN SURPRISE DEFEAT TODAY\nNadim Ladki\n"+
			"AL-AIN , United Arab Emirates 1996-12-06\nJapan began the defence of their Asian Cup title with a lucky 2-1 win against Syria .\n"+
			"But China saw their luck desert them in the second match of the group , crashing to a surprise 2-0 defeat to newcomers Uzbekistan .\n"+
			"China controlled most of the match and saw several chances missed until the 78th minute .\n\n", 3), nil},
		{"too few lines", "A line that is long enough to be a wrapped one in a paragraph of\ntext, but only two.\n", nil},
	}
	for _, tt := range tests {
		got := SoftBreaks(tt.text)
		if tt.name == "CRLF" {
			if len(got) != 6 {
				t.Errorf("CRLF: %d soft breaks, want 6", len(got))
			}
			continue
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: SoftBreaks = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestSoftBreaksKeepHeadlineAndItems(t *testing.T) {
	text := "Macron meets Merkel in Berlin\n" + wrappedMail[len("Subject: talks\n\n"):] +
		"- Angela Merkel, the German Chancellor, who hosted the talks at the chancellery\n" +
		"1. Emmanuel Macron, the French President, who asked for them last month in Paris\n"
	soft := SoftBreaks(text)
	for _, hard := range []string{"Berlin\nFrench", "said.\n-", "chancellery\n1."} {
		i := strings.Index(text, hard)
		if slices.Contains(soft, i+strings.IndexByte(hard, '\n')) {
			t.Errorf("the break in %q is soft", hard)
		}
	}
	if len(soft) != 6 {
		t.Errorf("%d soft breaks, want the paragraph's 6", len(soft))
	}
}

// TestSentencesWrapped: a wrapped paragraph's sentences are those of the
// same paragraph on one line.
func TestSentencesWrapped(t *testing.T) {
	one := strings.ReplaceAll(strings.TrimPrefix(wrappedMail, "Subject: talks\n\n"), "\n", " ")
	wrapped := strings.TrimPrefix(wrappedMail, "Subject: talks\n\n")
	if got, want := Sentences(wrapped), Sentences(one); !slices.Equal(got, want) || len(got) != 3 {
		t.Errorf("wrapped: %v\none line: %v", got, want)
	}
}

func TestWrap(t *testing.T) {
	for _, tt := range []struct {
		in    string
		width int
		want  string
	}{
		{"aaa bbb ccc", 7, "aaa bbb\nccc"},
		{"aaa bbb ccc", 6, "aaa\nbbb\nccc"},
		{"a verylongword b", 4, "a\nverylongword\nb"},
		{"één twee\n\ndrie vier vijf", 9, "één twee\n\ndrie vier\nvijf"},
	} {
		if got := Wrap(tt.in, tt.width); got != tt.want {
			t.Errorf("Wrap(%q, %d) = %q, want %q", tt.in, tt.width, got, tt.want)
		}
	}
	// A paragraph wrapped by Wrap: its breaks are the soft ones.
	para := strings.ReplaceAll(strings.TrimPrefix(wrappedMail, "Subject: talks\n\n"), "\n", " ")
	para = strings.TrimSuffix(para, " ")
	wrapped := Wrap(para, 60)
	var want []int
	for i, c := range wrapped {
		if c == '\n' {
			want = append(want, i)
		}
	}
	if got := SoftBreaks(wrapped); !slices.Equal(got, want) || len(want) < 5 {
		t.Errorf("SoftBreaks(Wrap(…, 60)) = %v, want %v", got, want)
	}
}
