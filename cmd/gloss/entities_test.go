package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestEntities(t *testing.T) {
	dir := t.TempDir()
	art := filepath.Join(dir, "a.txt")
	text := "Élisabeth Borne met President Emmanuel Macron in Paris.\nMacron's plan for the IS fight.\n"
	os.WriteFile(art, []byte(text), 0o644)
	gaz := filepath.Join(dir, "g.csv")
	os.WriteFile(gaz, []byte("name,label,aliases\nIslamic State,ORG,IS|ISIS\nParis,LOC,\n"), 0o644)
	var out, errb bytes.Buffer
	if err := runEntities([]string{"-gazetteer", gaz, art}, &out, &errb); err != nil {
		t.Fatal(err, errb.String())
	}
	runes := []rune(text)
	var got []string
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var l entityLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatal(err)
		}
		if string(runes[l.Start:l.End]) != l.Text {
			t.Errorf("offsets %d-%d do not give %q", l.Start, l.End, l.Text)
		}
		got = append(got, l.Text+"/"+l.Label+"/"+l.Group)
	}
	want := "Élisabeth Borne/PER/elisabeth borne|Emmanuel Macron/PER/emmanuel macron|Paris/LOC/paris|Macron/PER/emmanuel macron|IS/ORG/islamic state"
	if strings.Join(got, "|") != want {
		t.Errorf("got  %s\nwant %s", strings.Join(got, "|"), want)
	}

	// Types come with a confidence and evidence; -min-confidence filters.
	out.Reset()
	if err := runEntities([]string{"-min-confidence", "0.8", art}, &out, &errb); err != nil {
		t.Fatal(err)
	}
	for _, line := range strings.Split(strings.TrimSpace(out.String()), "\n") {
		var l entityLine
		if err := json.Unmarshal([]byte(line), &l); err != nil {
			t.Fatal(err)
		}
		if l.Confidence < 0.8 || l.Type == "" || len(l.Evidence) == 0 {
			t.Errorf("-min-confidence 0.8 printed %+v", l)
		}
	}
	if !strings.Contains(out.String(), `"text":"Paris","label":"LOC","group":"paris","type":"LOC"`) || strings.Contains(out.String(), "Borne") {
		t.Errorf("-min-confidence 0.8: %s", out.String())
	}
	if err := runEntities([]string{"-min-confidence", "2", art}, &out, &errb); err == nil {
		t.Error("accepted -min-confidence 2")
	}

	entitiesStdin = strings.NewReader("Talks with Vladimir Putin.")
	out.Reset()
	if err := runEntities([]string{"-"}, &out, &errb); err != nil || !strings.Contains(out.String(), `"group":"vladimir putin"`) {
		t.Errorf("stdin: %v %s", err, out.String())
	}
	os.WriteFile(gaz, []byte("name,label\n,ORG\n"), 0o644)
	if err := runEntities([]string{"-gazetteer", gaz, art}, &out, &errb); err == nil || !strings.Contains(err.Error(), "line 2") {
		t.Errorf("bad gazetteer: %v", err)
	}
	if err := runEntities([]string{"-format", "xml", art}, &out, &errb); err == nil {
		t.Error("accepted -format xml")
	}
}
