package session

import (
	"errors"
	"strings"
	"testing"

	"gloss/app/store"
	"gloss/app/text"
)

// TestReview: annotate-all's list from start to apply, key by key, and its
// undo.
func TestReview(t *testing.T) {
	cases := []struct {
		name     string
		label    string
		keys     func(r *Review)
		startMsg string // message StartReview gives
		items    int    // items listed
		want     string // annotations after applying
		applyMsg string
		err      error
	}{
		{"accept all", "LOC", func(r *Review) {}, "", 2,
			"Jean-Yves Le Drian/PER Moscow/LOC Moscow/LOC", "Labelled 2 mentions of “Moscow” as LOC. Undo with Ctrl+Z.", nil},
		{"reject the second", "LOC", func(r *Review) { r.Mark(false); r.Mark(true) }, "", 2,
			"Jean-Yves Le Drian/PER Moscow/LOC", "Labelled 1 mention of “Moscow” as LOC.", nil},
		{"toggle and move back", "LOC", func(r *Review) { r.Toggle(0); r.Move(5); r.Move(-9); r.Mark(false) }, "", 2,
			"Jean-Yves Le Drian/PER Moscow/LOC Moscow/LOC", "Labelled 2 mentions", nil},
		{"unknown label is dropped: one must be picked", "CITY", func(r *Review) {}, "Nothing suggests a label for “Moscow”", 2,
			"Jean-Yves Le Drian/PER", "", ErrNoLabel},
		{"label picked during the review", "", func(r *Review) { r.Label = "MISC" }, "choose one with 1–9", 2,
			"Jean-Yves Le Drian/PER Moscow/MISC Moscow/MISC", "as MISC", nil},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s, m := labelledSession(t)
			r, msg := s.StartReview("Moscow", c.label, s.Doc.Occurrences("Moscow"))
			if r == nil || len(r.Items) != c.items || !strings.Contains(msg, c.startMsg) || c.startMsg == "" && msg != "" {
				t.Fatalf("StartReview = %+v, %q", r, msg)
			}
			if it := r.Items[0]; it.Text != "Moscow" || it.Before != "Jean-Yves Le Drian heads for " || it.After != " this Monday. He meets Sergei " {
				t.Errorf("item %+v", it)
			}
			c.keys(r)
			msg, err := s.ApplyReview(r)
			if !errors.Is(err, c.err) || !strings.Contains(msg, c.applyMsg) {
				t.Fatalf("ApplyReview = %q, %v", msg, err)
			}
			if got := labels(s.Doc.Set.All()); got != c.want {
				t.Fatalf("after: %q, want %q", got, c.want)
			}
			if got := labels(stored(t, s, m).Annotations); got != c.want {
				t.Fatalf("stored: %q, want %q", got, c.want)
			}
			if c.err != nil {
				return
			}
			if _, err := s.Undo(); err != nil || labels(s.Doc.Set.All()) != "Jean-Yves Le Drian/PER" {
				t.Fatalf("undo: %v %q", err, labels(s.Doc.Set.All()))
			}
		})
	}
}

func TestReviewNothingLeft(t *testing.T) {
	s, _ := newSession(t)
	ms := s.Doc.Occurrences("Moscow")
	r, _ := s.StartReview("Moscow", "LOC", ms)
	if _, err := s.ApplyReview(r); err != nil {
		t.Fatal(err)
	}
	// Everything is labelled LOC now: nothing to review as LOC, both as ORG.
	if r, msg := s.StartReview("Moscow", "LOC", ms); r != nil || msg != "Every mention of “Moscow” is already labelled LOC." {
		t.Errorf("%+v %q", r, msg)
	}
	if r, msg := s.StartReview("Moscow", "ORG", ms); r == nil || len(r.Items) != 2 || msg != "" {
		t.Errorf("%+v %q", r, msg)
	}
	// No labels, or no article: no review.
	s.Close()
	if r, _ := s.StartReview("Moscow", "LOC", ms); r != nil {
		t.Error("a review without an article")
	}
}

func TestReviewStorageFull(t *testing.T) {
	s, m := newSession(t)
	r, _ := s.StartReview("Moscow", "LOC", s.Doc.Occurrences("Moscow"))
	m.Quota = 1
	msg, err := s.ApplyReview(r)
	var se *SaveError
	if !errors.As(err, &se) || !strings.HasPrefix(msg, "Labelled 2 mentions") || s.Doc.Set.Len() != 2 || !s.Unsaved {
		t.Fatalf("%q %v, %d in the tab", msg, err, s.Doc.Set.Len())
	}
}

func TestOccurrences(t *testing.T) {
	d := newDoc(store.Doc{Text: "Paris, Parisian; paris Paris."})
	want := []text.Span{{Start: 0, End: 5}, {Start: 23, End: 28}}
	got := d.Occurrences("Paris")
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("%v, want %v", got, want)
	}
	if d.Occurrences("") != nil {
		t.Error("empty needle")
	}
}
