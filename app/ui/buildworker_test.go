package ui

import (
	"encoding/json"
	"fmt"
	"testing"

	"gloss/app/entity"
	"gloss/app/extract/wire"
)

// TestWantsWorker: long articles go to the worker, started for them if it
// does not run yet; short ones stay in the page; none goes once a build
// there failed.
func TestWantsWorker(t *testing.T) {
	for _, c := range []struct {
		n            int
		running, off bool
		want         bool
	}{
		{0, true, false, false},
		{buildWorkerMin - 1, true, false, false},
		{buildWorkerMin, true, false, true},
		{buildWorkerMin, false, false, false},
		{buildWorkerStart - 1, false, false, false},
		{buildWorkerStart, false, false, true},
		{5 << 20, true, false, true},
		{5 << 20, true, true, false},
		{5 << 20, false, true, false},
	} {
		if got := wantsWorker(c.n, c.running, c.off); got != c.want {
			t.Errorf("wantsWorker(%d, running %v, off %v) = %v, want %v", c.n, c.running, c.off, got, c.want)
		}
	}
}

// TestAdopt: the build posted early is taken over by a job asking for the
// same text and options, found the same at once when the gazetteer and
// memory are unchanged (nothing written out) and by comparing them written
// out otherwise; the decisions are those of comparing them written out.
func TestAdopt(t *testing.T) {
	const text = "Ada Lovelace met Charles Babbage in London."
	type opts struct {
		gaz *entity.Gazetteer
		mem *entity.Memory
		lex bool
	}
	for _, c := range []struct {
		name   string
		change func(*opts) // between the post and the job
		text   string
		want   bool
	}{
		{"unchanged", func(*opts) {}, text, true},
		{"another text", func(*opts) {}, text + " ", false},
		{"a vote", func(o *opts) { o.mem.Vote("Ada Lovelace", "PER", "b") }, text, false},
		{"a vote that changes nothing", func(o *opts) { o.mem.Vote("Ada Lovelace", "PER", "a") }, text, true},
		{"a correction", func(o *opts) { o.mem.Correct("London", "ORG") }, text, false},
		{"a rejection", func(o *opts) { o.mem.Reject("London", "LOC") }, text, false},
		{"a gazetteer entry", func(o *opts) { _ = o.gaz.Add(entity.Entry{Name: "Babbage", Label: "PER"}) }, text, false},
		{"an entry removed", func(o *opts) { o.gaz.Remove("Analytical Engine") }, text, false},
		{"an entry added again", func(o *opts) { _ = o.gaz.Add(entity.Entry{Name: "analytical engine"}) }, text, true},
		{"the gazetteer read again", func(o *opts) { o.gaz = entity.NewGazetteer(o.gaz.Entries()) }, text, true},
		{"the gazetteer decoded into", func(o *opts) {
			if err := json.Unmarshal([]byte(`[{"name":"Babbage","label":"PER"}]`), o.gaz); err != nil {
				t.Fatal(err)
			}
		}, text, false},
		{"the memory read again", func(o *opts) {
			m := *o.mem
			o.mem = &m
		}, text, true},
		{"no memory", func(o *opts) { o.mem = nil }, text, false},
		{"without the lexicon", func(o *opts) { o.lex = false }, text, false},
	} {
		t.Run(c.name, func(t *testing.T) {
			o := opts{entity.NewGazetteer([]entity.Entry{{Name: "Analytical Engine", Label: "MISC"}}), &entity.Memory{}, true}
			o.mem.Vote("Ada Lovelace", "PER", "a")
			req, err := wire.BuildRequest(0, text, o.gaz, o.mem, o.lex)
			if err != nil {
				t.Fatal(err)
			}
			e := &workerBuild{text: text}
			e.posted(req, o.gaz, o.mem, o.lex)
			c.change(&o)
			// What comparing them written out decides.
			now, err := wire.BuildRequest(0, "", o.gaz, o.mem, o.lex)
			if err != nil {
				t.Fatal(err)
			}
			written := c.text == text && now.Gazetteer == req.Gazetteer && now.Memory == req.Memory && now.Lexicon == req.Lexicon
			if written != c.want {
				t.Fatalf("written out: %v, want %v", written, c.want)
			}
			f := &finder{early: e}
			got := f.adopt(&buildJob{text: c.text, gaz: o.gaz, mem: o.mem, workerLex: o.lex})
			if (got == e) != c.want || f.early != nil {
				t.Errorf("adopted %v (early left %v), want %v", got == e, f.early != nil, c.want)
			}
		})
	}
}

// TestSameOptionsUnchanged: an unchanged gazetteer and memory are found the
// same without being written out (nothing allocated).
func TestSameOptionsUnchanged(t *testing.T) {
	gaz := entity.NewGazetteer([]entity.Entry{{Name: "Analytical Engine", Label: "MISC"}})
	mem := &entity.Memory{}
	mem.Vote("Ada Lovelace", "PER", "a")
	req, err := wire.BuildRequest(0, "", gaz, mem, true)
	if err != nil {
		t.Fatal(err)
	}
	b := &workerBuild{}
	b.posted(req, gaz, mem, true)
	same := true
	if n := testing.AllocsPerRun(10, func() { same = same && b.sameOptions(gaz, mem, true) }); n != 0 || !same {
		t.Errorf("unchanged: same %v with %v allocations a call, want true with none", same, n)
	}
	mem.Vote("London", "LOC", "a")
	if n := testing.AllocsPerRun(10, func() { b.sameOptions(gaz, mem, true) }); n == 0 {
		t.Error("changed: compared without writing the options out")
	}
}

// BenchmarkSameOptions: adopting the early post with a memory of 2,000
// voted names and a gazetteer of 500: unchanged (compared by version) and
// changed to the same content (written out and compared, as every
// takeover did before).
func BenchmarkSameOptions(b *testing.B) {
	gaz := entity.NewGazetteer(nil)
	mem := &entity.Memory{}
	for i := range 2000 {
		mem.Vote(fmt.Sprintf("Person Number %d", i), "PER", "a")
		if i < 500 {
			_ = gaz.Add(entity.Entry{Name: fmt.Sprintf("Place %d", i), Label: "LOC"})
		}
	}
	req, err := wire.BuildRequest(0, "", gaz, mem, true)
	if err != nil {
		b.Fatal(err)
	}
	e := &workerBuild{}
	e.posted(req, gaz, mem, true)
	b.Run("unchanged", func(b *testing.B) {
		for b.Loop() {
			if !e.sameOptions(gaz, mem, true) {
				b.Fatal("not the same")
			}
		}
	})
	mem.Vote("Person Number 1", "PER", "a") // changes nothing but the version
	b.Run("written out", func(b *testing.B) {
		for b.Loop() {
			if !e.sameOptions(gaz, mem, true) {
				b.Fatal("not the same")
			}
		}
	})
}
