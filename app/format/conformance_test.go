package format

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
)

// conformance returns the folder named by GLOSS_CONFORMANCE, or skips: the
// third-party material is not part of the project.
func conformance(t *testing.T) string {
	dir := os.Getenv("GLOSS_CONFORMANCE")
	if dir == "" {
		t.Skip("set GLOSS_CONFORMANCE=/path/to/conformance to check against third-party files")
	}
	return dir
}

func TestConformanceBrat(t *testing.T) {
	dir := conformance(t)
	anns, _ := filepath.Glob(filepath.Join(dir, "brat/news/*.ann"))
	if len(anns) == 0 {
		t.Fatal("no .ann files found")
	}
	ok := 0
	for _, p := range anns {
		ann, _ := os.ReadFile(p)
		txt, err := os.ReadFile(strings.TrimSuffix(p, ".ann") + ".txt")
		if err != nil {
			t.Fatal(err)
		}
		d, rep, err := Brat.Decode(ann, string(txt))
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
			continue
		}
		out, err := Brat.Encode(d)
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(p), err)
			continue
		}
		if !bytes.Equal(out, ann) {
			t.Errorf("%s: round trip differs:\n%s\nwant\n%s", filepath.Base(p), out, ann)
			continue
		}
		ok++
		t.Logf("%s: %d annotations, unit %s, %v", filepath.Base(p), len(d.Annotations), rep.Unit, rep.Notes)
	}
	t.Logf("%d of %d brat files round-trip byte for byte", ok, len(anns))
}

func TestConformanceW3C(t *testing.T) {
	dir := filepath.Join(conformance(t), "w3c/web-annotation-tests/tools/samples")
	for _, kind := range []string{"correct", "incorrect"} {
		files, _ := filepath.Glob(filepath.Join(dir, kind, "*.json"))
		decoded, placed, failed := 0, 0, 0
		for _, p := range files {
			data, _ := os.ReadFile(p)
			// A stand-in article holding every quote with its context, and
			// long enough for the position selectors.
			var text strings.Builder
			for _, m := range quoteRE.FindAllStringSubmatch(string(data), -1) {
				text.WriteString(m[1] + m[2] + m[3] + "\n")
			}
			text.WriteString(strings.Repeat("x", 1000))
			d, rep, err := W3C.Decode(data, text.String())
			if err != nil {
				failed++
				t.Logf("%s/%s: %v", kind, filepath.Base(p), err)
				continue
			}
			decoded++
			placed += len(d.Annotations)
			if len(d.Annotations) > 0 {
				t.Logf("%s/%s: %d placed %v", kind, filepath.Base(p), len(d.Annotations), rep.Notes)
			}
		}
		t.Logf("%s: %d files, %d decoded (%d annotations placed on the text), %d refused", kind, len(files), decoded, placed, failed)
		if kind == "correct" && failed > 0 {
			t.Errorf("%d correct samples refused", failed)
		}
	}
}

var quoteRE = regexp.MustCompile(`"exact":\s*"([^"]*)",\s*"prefix":\s*"([^"]*)",\s*"suffix":\s*"([^"]*)"`)

func TestConformanceIOBJSONL(t *testing.T) {
	dir := filepath.Join(conformance(t), "iob-jsonl")
	files, _ := filepath.Glob(filepath.Join(dir, "*/*"))
	for _, p := range files {
		f, ok := Detect(p, mustRead(t, p))
		if !ok {
			t.Logf("%s: not detected", rel(dir, p))
			continue
		}
		docs, rep, err := DecodeAll(f, mustRead(t, p), "")
		if err != nil {
			t.Logf("%s as %s: refused: %v", rel(dir, p), f.Name(), err)
			continue
		}
		n := 0
		for _, d := range docs {
			n += len(d.Annotations)
			// import, export, import again: same spans
			out, err := f.Encode(d)
			if err != nil {
				t.Errorf("%s: %v", rel(dir, p), err)
				continue
			}
			back, _, err := f.Decode(out, d.Text)
			if err != nil || !slicesEqual(keys(back.Annotations), keys(d.Annotations)) {
				t.Errorf("%s: re-import differs: %v", rel(dir, p), err)
			}
		}
		t.Logf("%s as %s: %d articles, %d spans, %v", rel(dir, p), f.Name(), len(docs), n, rep.Notes)
	}
}

func mustRead(t *testing.T, p string) []byte {
	b, err := os.ReadFile(p)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func rel(dir, p string) string { r, _ := filepath.Rel(dir, p); return r }

func slicesEqual(a, b []spanKey) bool { return slices.Equal(a, b) }
