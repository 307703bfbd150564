package entity

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode"
	"unicode/utf8"

	"gloss/app/jsonguard"
	gtext "gloss/app/text"
)

// MaxGazetteerSize is the largest gazetteer file the parsers accept.
const MaxGazetteerSize = 5 << 20

// maxJSONDepth is the deepest nesting ParseGazetteerJSON accepts.
const maxJSONDepth = 64

// Entry is a known name with its label and aliases ("Islamic State": ORG,
// aliases IS, ISIS, ISIL, Daesh).
type Entry struct {
	Name    string   `json:"name"`
	Label   string   `json:"label"`
	Aliases []string `json:"aliases,omitempty"`
}

// Match is one mention of a gazetteer entry in a text.
type Match struct {
	gtext.Span
	Entry Entry
	Alias string // the name or alias that matched, as written in the entry
}

// Gazetteer is a list of known names matched exactly (ignoring case and
// accents) against articles. It is not safe for concurrent use.
type Gazetteer struct {
	entries []Entry
	byKey   map[string]int // normalised name → index in entries
	trie    *trie          // built on first Match after a change
	changes uint64         // Version
}

// Version counts the changes made to g (Add, Remove, UnmarshalJSON): while
// it stays the same, g holds the same entries. A build's options are
// compared through it instead of written out again (package ui's adopt).
func (g *Gazetteer) Version() uint64 { return g.changes }

// NewGazetteer returns a gazetteer holding entries; entries without a name
// are skipped and entries with the same name merged, as Add does.
func NewGazetteer(entries []Entry) *Gazetteer {
	g := &Gazetteer{}
	for _, e := range entries {
		_ = g.Add(e)
	}
	return g
}

// Entries returns a copy of the entries in the order they were added.
func (g *Gazetteer) Entries() []Entry {
	out := make([]Entry, len(g.entries))
	for i, e := range g.entries {
		e.Aliases = append([]string(nil), e.Aliases...)
		out[i] = e
	}
	return out
}

// Len is the number of entries.
func (g *Gazetteer) Len() int { return len(g.entries) }

// Add adds e. When an entry with the same name (ignoring case and accents)
// exists, e's new aliases are added to it and a non-empty label replaces its
// label.
func (g *Gazetteer) Add(e Entry) error {
	e.Name = strings.TrimSpace(e.Name)
	e.Label = strings.TrimSpace(e.Label)
	key := Fold(e.Name)
	if key == "" {
		return fmt.Errorf("gazetteer: entry %q has no letters or digits in its name; not added", e.Name)
	}
	if g.byKey == nil {
		g.byKey = map[string]int{}
	}
	i, ok := g.byKey[key]
	if !ok {
		i = len(g.entries)
		g.byKey[key] = i
		g.entries = append(g.entries, Entry{Name: e.Name, Label: e.Label})
	} else if e.Label != "" {
		g.entries[i].Label = e.Label
	}
	cur := &g.entries[i]
	have := map[string]bool{key: true}
	for _, a := range cur.Aliases {
		have[Fold(a)] = true
	}
	for _, a := range e.Aliases {
		a = strings.TrimSpace(a)
		if k := Fold(a); k != "" && !have[k] {
			have[k] = true
			cur.Aliases = append(cur.Aliases, a)
		}
	}
	g.trie = nil
	g.changes++
	return nil
}

// Remove removes the entry named name (ignoring case and accents) and
// reports whether there was one.
func (g *Gazetteer) Remove(name string) bool {
	i, ok := g.byKey[Fold(name)]
	if !ok {
		return false
	}
	g.entries = append(g.entries[:i], g.entries[i+1:]...)
	g.byKey = make(map[string]int, len(g.entries))
	for j, e := range g.entries {
		g.byKey[Fold(e.Name)] = j
	}
	g.trie = nil
	g.changes++
	return true
}

// Match finds every whole-word mention of every name and alias, ignoring
// case and accents, leftmost then longest first, never overlapping, in
// text order. Separators between words only need to be alike ("Jean Yves"
// matches "Jean-Yves"). A name or alias written in capitals with three
// letters or fewer ("IS", "US") matches only capitals, so it never matches
// the common word "is" or "us".
func (g *Gazetteer) Match(text string) []Match {
	if g == nil || len(g.entries) == 0 {
		return nil
	}
	if g.trie == nil {
		g.trie = g.build()
	}
	return g.match(text, tokenize(text))
}

// match is Match over text already split into toks.
func (g *Gazetteer) match(text string, toks []token) []Match {
	if g == nil || len(g.entries) == 0 {
		return nil
	}
	if g.trie == nil {
		g.trie = g.build()
	}
	return g.trie.match(text, toks, g.entries)
}

// pattern is one name or alias of an entry.
type pattern struct {
	entry     int
	alias     string
	upperOnly bool
}

// trie is a word-start trie over normalised names: every match begins at a
// word, so walking it from each word start is one pass over the text with
// a look-ahead bounded by the longest name.
type trie struct {
	next  map[uint64]int32 // node<<32 | rune → child node
	final map[int32][]pattern
	nodes int32
}

func (g *Gazetteer) build() *trie {
	t := &trie{next: map[uint64]int32{}, final: map[int32][]pattern{}, nodes: 1}
	for i, e := range g.entries {
		t.insert(e.Name, i)
		for _, a := range e.Aliases {
			t.insert(a, i)
		}
	}
	return t
}

func (t *trie) insert(name string, entry int) {
	key := Fold(name)
	if key == "" {
		return
	}
	node := int32(0)
	for _, r := range key {
		e := uint64(node)<<32 | uint64(r)
		c, ok := t.next[e]
		if !ok {
			c = t.nodes
			t.nodes++
			t.next[e] = c
		}
		node = c
	}
	letters, upper := 0, true
	for _, r := range name {
		if gtext.IsWordRune(r) {
			letters++
			upper = upper && (isUpper(r) || '0' <= r && r <= '9')
		}
	}
	t.final[node] = append(t.final[node], pattern{entry: entry, alias: name, upperOnly: upper && letters <= 3})
}

// maxNameGap is the most code points allowed between two words of a name.
const maxNameGap = 3

func (t *trie) match(text string, toks []token, entries []Entry) []Match {
	var out []Match
	for i := 0; i < len(toks); i++ {
		step(i)
		node := int32(0)
		bestTok, bestPat := -1, pattern{}
	walk:
		for k := i; k < len(toks); k++ {
			if k > i {
				if toks[k].start-toks[k-1].end > maxNameGap ||
					toks[k].join != joinSpace && strings.ContainsAny(text[toks[k-1].bend:toks[k].bstart], "\n\r") {
					break
				}
				c, ok := t.next[uint64(node)<<32|' ']
				if !ok {
					break
				}
				node = c
			}
			for _, r := range text[toks[k].bstart:toks[k].bend] {
				f := fold(r)
				if f < 0 {
					continue
				}
				c, ok := t.next[uint64(node)<<32|uint64(f)]
				if !ok {
					break walk
				}
				node = c
			}
			for _, p := range t.final[node] {
				if !p.upperOnly || !hasLower(text[toks[i].bstart:toks[k].bend]) {
					bestTok, bestPat = k, p
					break
				}
			}
		}
		if bestTok < 0 {
			continue
		}
		out = append(out, Match{
			Span:  gtext.Span{Start: int(toks[i].start), End: int(toks[bestTok].end)},
			Entry: entries[bestPat.entry],
			Alias: bestPat.alias,
		})
		i = bestTok
	}
	return out
}

func hasLower(s string) bool {
	for _, r := range s {
		if unicode.IsLower(r) {
			return true
		}
	}
	return false
}

// gazetteerFile is the JSON form of a gazetteer.
type gazetteerFile struct {
	Entries []Entry `json:"entries"`
}

// MarshalJSON writes {"entries":[...]}.
func (g *Gazetteer) MarshalJSON() ([]byte, error) {
	es := g.entries
	if es == nil {
		es = []Entry{}
	}
	return json.Marshal(gazetteerFile{Entries: es})
}

// UnmarshalJSON reads {"entries":[...]} or a bare list of entries, with the
// checks of ParseGazetteerJSON, replacing g's entries.
func (g *Gazetteer) UnmarshalJSON(data []byte) error {
	es, err := ParseGazetteerJSON(data)
	if err != nil {
		return err
	}
	n := g.changes
	*g = *NewGazetteer(es)
	g.changes += n + 1 // never back to a version g had
	return nil
}

// CSV writes the entries as CSV with a header: name,label,aliases, the
// aliases joined by "|".
func (g *Gazetteer) CSV() []byte {
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"name", "label", "aliases"})
	for _, e := range g.entries {
		_ = w.Write([]string{e.Name, e.Label, strings.Join(e.Aliases, "|")})
	}
	w.Flush()
	return b.Bytes()
}

// ParseGazetteerCSV reads name,label,aliases lines (aliases separated by
// "|"; a first line "name,..." is a header). Any error names the line and
// nothing is imported.
func ParseGazetteerCSV(data []byte) ([]Entry, error) {
	if len(data) > MaxGazetteerSize {
		return nil, fmt.Errorf("gazetteer csv: file is %d bytes, more than the %d allowed; nothing imported", len(data), MaxGazetteerSize)
	}
	if !utf8.Valid(data) {
		return nil, errors.New("gazetteer csv: file is not UTF-8 text; nothing imported")
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	r := csv.NewReader(bytes.NewReader(data))
	r.FieldsPerRecord = -1
	r.TrimLeadingSpace = true
	var out []Entry
	for first := true; ; first = false {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, fmt.Errorf("gazetteer csv: line %d: %v; nothing imported", pe.Line, pe.Err)
			}
			return nil, fmt.Errorf("gazetteer csv: %v; nothing imported", err)
		}
		line, _ := r.FieldPos(0) // panics after a read error, so only now
		if first && strings.EqualFold(strings.TrimSpace(rec[0]), "name") {
			continue
		}
		if len(rec) == 1 && strings.TrimSpace(rec[0]) == "" {
			continue
		}
		if len(rec) > 3 {
			return nil, fmt.Errorf("gazetteer csv: line %d: %d fields, want name,label,aliases; nothing imported", line, len(rec))
		}
		e := Entry{Name: strings.TrimSpace(rec[0])}
		if Fold(e.Name) == "" {
			return nil, fmt.Errorf("gazetteer csv: line %d: no name; nothing imported", line)
		}
		if len(rec) > 1 {
			e.Label = strings.TrimSpace(rec[1])
		}
		if len(rec) > 2 {
			for _, a := range strings.Split(rec[2], "|") {
				if a = strings.TrimSpace(a); a != "" {
					e.Aliases = append(e.Aliases, a)
				}
			}
		}
		out = append(out, e)
	}
	return out, nil
}

// ParseGazetteerJSON reads {"entries":[...]} or a bare list of entries.
// It refuses files over 5 MB, nesting deeper than 64 and the keys
// __proto__, constructor and prototype (the same file may reach
// JavaScript); nothing is imported on error.
func ParseGazetteerJSON(data []byte) ([]Entry, error) {
	if len(data) > MaxGazetteerSize {
		return nil, fmt.Errorf("gazetteer json: file is %d bytes, more than the %d allowed; nothing imported", len(data), MaxGazetteerSize)
	}
	data = bytes.TrimSpace(bytes.TrimPrefix(data, []byte("\ufeff")))
	if err := jsonguard.Check(data, jsonguard.Limits{MaxDepth: maxJSONDepth}); err != nil {
		var e *jsonguard.Error
		if errors.As(err, &e) {
			err = fmt.Errorf("the file %s%s", e.What, e.Where())
		}
		return nil, fmt.Errorf("gazetteer json: %v; nothing imported", err)
	}
	var es []Entry
	if len(data) > 0 && data[0] == '[' {
		if err := json.Unmarshal(data, &es); err != nil {
			return nil, fmt.Errorf("gazetteer json: %v; nothing imported", err)
		}
	} else {
		var f gazetteerFile
		if err := json.Unmarshal(data, &f); err != nil {
			return nil, fmt.Errorf("gazetteer json: %v; nothing imported", err)
		}
		es = f.Entries
	}
	for i, e := range es {
		if Fold(e.Name) == "" {
			return nil, fmt.Errorf("gazetteer json: entry %d has no name; nothing imported", i+1)
		}
	}
	return es, nil
}
