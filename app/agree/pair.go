package agree

import (
	"fmt"
	"path"
	"strconv"
	"strings"

	"gloss/app/corpus/batch"
)

// docKey names a document for pairing: its file's path inside the input
// without extension (and without the zip's own name), and its place in
// the file when the file holds several.
func docKey(a batch.Article) string {
	name := a.File
	if i := strings.Index(name, ".zip/"); i >= 0 {
		name = name[i+len(".zip/"):]
	}
	name = strings.TrimSuffix(name, path.Ext(name))
	return name + "#" + strconv.Itoa(a.Index)
}

// PairDocs pairs each document of B with A's of the same name, else with
// an unpaired one of A with the same text. Texts that differ only in white
// space (a CoNLL file's) count as the same: B's spans are moved onto A's
// text. Texts that differ otherwise are never compared, as offsets would
// not mean the same thing. The notes name the sides nameA and nameB.
func PairDocs(as, bs []batch.Article, nameA, nameB string) ([]Doc, []string) {
	byKey := map[string]int{}
	byText := map[string][]int{}
	for i, a := range as {
		byKey[docKey(a)] = i
		k := Squeeze(a.Doc.Text)
		byText[k] = append(byText[k], i)
	}
	used := make([]bool, len(as))
	var out []Doc
	var notes []string
	differ := 0
	for _, b := range bs {
		sq := Squeeze(b.Doc.Text)
		i, ok := byKey[docKey(b)]
		if ok && (used[i] || Squeeze(as[i].Doc.Text) != sq) {
			if !used[i] {
				differ++
			}
			ok = false
		}
		if !ok {
			for _, j := range byText[sq] {
				if !used[j] {
					i, ok = j, true
					break
				}
			}
		}
		if !ok {
			notes = append(notes, fmt.Sprintf("%s's %s has no document of %s with its name and text; left out", nameB, b.Source, nameA))
			continue
		}
		bAnn, aligned := Align(b.Doc.Text, as[i].Doc.Text, b.Doc.Annotations)
		if !aligned {
			notes = append(notes, fmt.Sprintf("%s's %s could not be aligned with %s's %s; left out", nameB, b.Source, nameA, as[i].Source))
			continue
		}
		used[i] = true
		out = append(out, Doc{Name: as[i].Source, Text: as[i].Doc.Text, A: as[i].Doc.Annotations, B: bAnn})
	}
	for i, u := range used {
		if !u {
			notes = append(notes, fmt.Sprintf("%s's %s has no document in %s; left out", nameA, as[i].Source, nameB))
		}
	}
	if differ > 0 {
		what := "1 document"
		if differ > 1 {
			what = strconv.Itoa(differ) + " documents"
		}
		notes = append(notes, what+" of the same name had different texts, so were not compared by name")
	}
	return out, notes
}
