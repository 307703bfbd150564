package main

import (
	"bytes"
	"encoding/json"
	"io"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"gloss/app/corpus"
)

func runCmd(t *testing.T, f func([]string, io.Writer, io.Writer) error, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := f(args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func writeTree(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	agreeText1 = "Ann Lee met Bob in New York at IBM on Monday."
	agreeText2 = "Paris and Rome."
)

// A folder of brat pairs against a zip of brat pairs, then against one
// JSONL file (paired by text): the figures are worked out by hand.
func TestAgreeCommand(t *testing.T) {
	a := writeTree(t, map[string]string{
		"one.txt": agreeText1, "one.ann": "T1\tPER 0 7\tAnn Lee\nT2\tPER 12 15\tBob\nT3\tLOC 19 27\tNew York\nT4\tORG 31 34\tIBM\n",
		"two.txt": agreeText2, "two.ann": "T1\tLOC 0 5\tParis\nT2\tLOC 10 14\tRome\n",
	})
	zip, err := corpus.Zip([]corpus.File{
		{Name: "b/one.txt", Data: []byte(agreeText1)},
		{Name: "b/one.ann", Data: []byte("T1\tPER 0 3\tAnn\nT2\tPER 12 15\tBob\nT3\tORG 19 27\tNew York\nT4\tORG 31 34\tIBM\nT5\tMISC 38 44\tMonday\n")},
		{Name: "b/two.txt", Data: []byte(agreeText2)},
		{Name: "b/two.ann", Data: []byte("T1\tLOC 0 5\tParis\nT2\tLOC 10 14\tRome\n")},
	})
	if err != nil {
		t.Fatal(err)
	}
	bz := filepath.Join(t.TempDir(), "b.zip")
	os.WriteFile(bz, zip, 0o644)
	out, stderr, err := runCmd(t, runAgree, "-json", a, bz)
	if err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	var got struct {
		Overall struct {
			Exact, Overlap struct{ Precision, Recall, F1 float64 }
			Kappa          float64
		}
		Labels    map[string]map[string]struct{ Precision, Recall, F1 float64 }
		Documents int
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("%v: %s", err, out)
	}
	// Exact: one.ann pairs Bob, IBM; two.ann pairs Paris, Rome → 4 of A's 6, of B's 7.
	// Overlap adds Ann~Ann Lee → 5.
	near := func(x, y float64) bool { return math.Abs(x-y) < 1e-9 }
	if got.Documents != 2 || !near(got.Overall.Exact.Precision, 4.0/7) || !near(got.Overall.Exact.Recall, 4.0/6) ||
		!near(got.Overall.Overlap.Recall, 5.0/6) || !near(got.Labels["LOC"]["exact"].Recall, 2.0/3) {
		t.Errorf("%s", out)
	}
	// Tokens: one has 12 (8 agree, see app/agree's test), two has 4 (Paris and Rome .), all agree.
	// A: PER 3, LOC 4, ORG 1, O 8; B: PER 2, LOC 2, ORG 3, MISC 1, O 8 (of 16).
	// p_o = 12/16; p_e = (3·2 + 4·2 + 1·3 + 8·8)/256 = 81/256.
	po, pe := 12.0/16, 81.0/256
	if !near(got.Overall.Kappa, (po-pe)/(1-pe)) {
		t.Errorf("kappa %v, want %v", got.Overall.Kappa, (po-pe)/(1-pe))
	}
	// The same as text tables.
	out, _, err = runCmd(t, runAgree, a, bz)
	if err != nil || !strings.Contains(out, "overall") || !strings.Contains(out, "Confusion in tokens") {
		t.Errorf("%v\n%s", err, out)
	}
	// B as one JSONL file: no names to pair, so pairing is by text.
	jl := writeTree(t, map[string]string{"b.jsonl": `{"text":"Paris and Rome.","label":[[0,5,"LOC"]]}` + "\n"})
	out, stderr, err = runCmd(t, runAgree, "-json", a, filepath.Join(jl, "b.jsonl"))
	if err != nil {
		t.Fatal(err, stderr)
	}
	if !strings.Contains(out, `"documents":1`) || !strings.Contains(stderr, "one.ann has no document in B") {
		t.Errorf("%s\n%s", out, stderr)
	}
}

func TestAgreeErrors(t *testing.T) {
	a := writeTree(t, map[string]string{"one.txt": agreeText2, "one.ann": "T1\tLOC 0 5\tParis\n", "bad.ann": "T1\tLOC 0 5\tParis\n"})
	b := writeTree(t, map[string]string{"x.txt": "Other text."})
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{a}, "give two inputs"},
		{[]string{a, b}, "refused"},
		{[]string{"-format", "docx", a, b}, "not a format"},
		{[]string{filepath.Join(a, "one.ann"), b}, "no document of B matches"},
	} {
		_, _, err := runCmd(t, runAgree, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: %v, want %q", c.args, err, c.want)
		}
	}
}

// A folder of brat pairs to one CoNLL file and back to a brat zip.
func TestConvertCorpus(t *testing.T) {
	dir := writeTree(t, map[string]string{
		"one.txt": agreeText1, "one.ann": "T1\tPER 0 7\tAnn Lee\nT2\tORG 31 34\tIBM\n",
		"two.txt": agreeText2, "two.ann": "T1\tLOC 0 5\tParis\n",
		"bad.ann":         "T1\tLOC 0 5\tParis\n", // no bad.txt
		"annotation.conf": "[entities]\nPER\nORG\nLOC\nEVENT\n",
	})
	out := filepath.Join(t.TempDir(), "all.conll")
	_, stderr, err := runCmd(t, runConvert, "-to", "conll", "-o", out, dir)
	if err == nil || !strings.Contains(err.Error(), "1 file was refused") || !strings.Contains(stderr, "bad.ann: refused: brat: no bad.txt") {
		t.Errorf("%v\n%s", err, stderr)
	}
	b, _ := os.ReadFile(out)
	if strings.Count(string(b), "-DOCSTART-") != 2 || !strings.Contains(string(b), "Ann\tB-PER\nLee\tI-PER") {
		t.Errorf("%s", b)
	}
	zipOut := filepath.Join(t.TempDir(), "back.zip")
	if _, stderr, err := runCmd(t, runConvert, "-to", "brat", "-o", zipOut, out); err != nil {
		t.Fatalf("%v\n%s", err, stderr)
	}
	z, _ := os.ReadFile(zipOut)
	files, err := corpus.Unzip(z)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	anns := ""
	for _, f := range files {
		names = append(names, f.Name)
		if strings.HasSuffix(f.Name, ".ann") {
			anns += string(f.Data)
		}
	}
	if len(files) != 5 || !strings.Contains(anns, "PER 0 7\tAnn Lee") || !strings.Contains(anns, "LOC 0 5\tParis") {
		t.Errorf("%v\n%s", names, anns)
	}
}
