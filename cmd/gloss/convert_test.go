package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// convert runs the command and returns stdout, stderr and the error.
func convert(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var out, errOut bytes.Buffer
	err := runConvert(args, &out, &errOut)
	return out.String(), errOut.String(), err
}

func writeFiles(t *testing.T, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, data := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(data), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

const (
	convText = "Zoë met 😀 Ahmed in 東京.\r\nשלום Zürich."
	convAnn  = "T1\tPER 0 3\tZoë\nT2\tPER 10 15\tAhmed\nT3\tLOC 19 21\t東京\nR1\tMet Arg1:T1 Arg2:T2\n#1\tAnnotatorNotes T3\tTokyo"
)

func TestConvertBratToBrat(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.ann": convAnn, "a.txt": convText})
	out, _, err := convert(t, "-from", "brat", "-to", "brat", "-out-text", filepath.Join(dir, "b.txt"), filepath.Join(dir, "a.ann"))
	if err != nil {
		t.Fatal(err)
	}
	if out != convAnn {
		t.Errorf("got %q\nwant %q", out, convAnn)
	}
	if b, _ := os.ReadFile(filepath.Join(dir, "b.txt")); string(b) != convText {
		t.Errorf("out-text %q", b)
	}
}

func TestConvertChain(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.ann": convAnn, "a.txt": convText})
	csv, stderr, err := convert(t, "-to", "csv", filepath.Join(dir, "a.ann")) // -from guessed
	if err != nil {
		t.Fatal(err)
	}
	want := "start,end,label,text,note\n0,3,PER,Zoë,\n10,15,PER,Ahmed,\n19,21,LOC,東京,Tokyo\n"
	if csv != want {
		t.Errorf("csv %q", csv)
	}
	if !strings.Contains(stderr, "1 relation kept unchanged") {
		t.Errorf("stderr %q", stderr)
	}
	os.WriteFile(filepath.Join(dir, "a.csv"), []byte(csv), 0o644)
	jsonl, _, err := convert(t, "-from", "csv", "-to", "jsonl", "-text", filepath.Join(dir, "a.txt"), filepath.Join(dir, "a.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(jsonl, `"label":[[0,3,"PER"],[10,15,"PER"],[19,21,"LOC"]]`) {
		t.Errorf("jsonl %s", jsonl)
	}
	os.WriteFile(filepath.Join(dir, "a.jsonl"), []byte(jsonl), 0o644)
	ann, _, err := convert(t, "-from", "jsonl", "-to", "brat", filepath.Join(dir, "a.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	if ann != "T1\tPER 0 3\tZoë\nT2\tPER 10 15\tAhmed\nT3\tLOC 19 21\t東京\n" {
		t.Errorf("brat %q", ann)
	}
}

func TestConvertErrors(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.ann": "T1\tPER 0 3\tZoe\n", "a.txt": convText, "x.bin": "\x00\x01"})
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"-to", "brat", filepath.Join(dir, "a.ann")}, `brat: line 1: span 0-3 "Zoe" does not match the text ("Zoë"); nothing imported`},
		{[]string{"-to", "docx", filepath.Join(dir, "a.ann")}, `-to "docx": not one of brat, w3c, jsonl, spacy, conll, bilou, csv`},
		{[]string{"-to", "csv", filepath.Join(dir, "x.bin")}, "cannot tell the format of"},
		{[]string{"-to", "csv"}, "give one input file"},
		{[]string{"-from", "brat", "-to", "csv", filepath.Join(dir, "none.ann")}, "no such file"},
	} {
		_, _, err := convert(t, c.args...)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%v: got %v, want %s", c.args, err, c.want)
		}
	}
}

func TestConvertRegistered(t *testing.T) {
	if c, ok := commands["convert"]; !ok || !strings.HasPrefix(c.usage, "convert -from F -to F") {
		t.Error("convert is not registered")
	}
}
