package format

import (
	"bytes"
	"os"
	"path/filepath"
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
