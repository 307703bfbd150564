package wire

import (
	"runtime/debug"
	"runtime/metrics"
	"testing"

	"gloss/app/entity"
)

// pacing is the collector's GOGC and memory limit in force.
func pacing() (percent, limit int64) {
	s := []metrics.Sample{{Name: "/gc/gogc:percent"}, {Name: "/gc/gomemlimit:bytes"}}
	metrics.Read(s)
	return int64(s[0].Value.Uint64()), int64(s[1].Value.Uint64())
}

// TestBuildPacesGC: each step of a build, alone or shared, runs with the
// collector off under the text's memory limit, and the pacing in force
// before comes back after each call, also after one that failed.
func TestBuildPacesGC(t *testing.T) {
	defer debug.SetGCPercent(debug.SetGCPercent(150))
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(3 << 30))
	text := entity.SampleArticle(20<<10, 3)
	want := BuildMemoryLimit(len(text))
	if want <= buildMemoryBase || BuildMemoryLimit(2*len(text)) <= want {
		t.Fatalf("the limit does not grow with the text: %d", want)
	}
	var seen []string
	defer func() { Mark = nil }()
	Mark = func(step string) {
		seen = append(seen, step)
		if p, l := pacing(); p != BuildGCPercent || l != want {
			t.Errorf("%s: GOGC %d and limit %d during the build, want %d and %d", step, p, l, BuildGCPercent, want)
		}
	}
	restored := func(what string) {
		t.Helper()
		if p, l := pacing(); p != 150 || l != 3<<30 {
			t.Errorf("after %s: GOGC %d and limit %d, want the 150 and %d in force before", what, p, l, 3<<30)
		}
	}
	req, err := BuildRequest(1, text, nil, nil, false)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Build(req, nil); err != nil {
		t.Fatal(err)
	}
	restored("a build")
	req.Share = 0.4
	s, err := StartShared(req, nil)
	if err != nil {
		t.Fatal(err)
	}
	restored("a shared build's start")
	helper := req
	helper.Kind = KindShare
	part, err := Share(helper, nil)
	if err != nil {
		t.Fatal(err)
	}
	restored("a share")
	if _, err := FinishShared(s, part); err != nil {
		t.Fatal(err)
	}
	restored("a shared build's end")
	if _, err := Build(Request{ID: 2, Kind: KindBuild, Src: text, Lexicon: true}, nil); err == nil {
		t.Fatal("built without the word lists asked for")
	}
	restored("a build that failed")
	// finished, encoded; split, typed, indexed; split, typed, encoded;
	// finished, encoded
	if len(seen) != 10 {
		t.Errorf("marks seen: %q", seen)
	}
}
