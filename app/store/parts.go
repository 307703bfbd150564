package store

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// A long value is stored in parts. Chromium tells every page of the origin
// of each localStorage write, the writing page included, in one message
// holding the value: for a 4 M-character value that message took 35–54 ms
// of the page's main thread in a task of its own (the page cannot split
// it); written as ten parts of 400 K characters, 1–3 ms in all.
//
// Parts(b) stores a value longer than PartSize as a head under its key,
// "G2\n<gen> <n>\n", and the value's n pieces under PartKey(key, gen, i),
// i = 1…n, each cut at a character boundary. A Gloss before parts reads the
// head as a record of a newer format and leaves it alone.

// PartSize is the most bytes of a value stored under one key.
const PartSize = 256 << 10

// partHead starts the head of a value stored in parts.
const partHead = "G2\n"

// partMark separates a value's key from its parts' suffix. No key Gloss
// writes holds it (quarantined copies use "~").
const partMark = "#"

// orphanAge is how old a part's generation must be before Keys deletes it
// as a leftover: younger ones may be another tab's write, whose head is
// not written yet.
const orphanAge = time.Minute

// PartKey is the key of the i-th part (from 1) of generation gen of the
// value under key.
func PartKey(key, gen string, i int) string {
	return key + partMark + gen + "." + strconv.Itoa(i)
}

// IsPart reports whether a backend key holds a part of a longer value
// (another tab's write of one: its head is written last).
func IsPart(key string) bool { return IsKey(key) && strings.Contains(key, partMark) }

// parted is the Backend Parts returns.
type parted struct {
	b   Backend
	now func() time.Time
}

// Parts returns b storing each value longer than PartSize in parts, which
// Get joins, Keys leaves out and Delete removes with it.
func Parts(b Backend) Backend { return &parted{b: b, now: time.Now} }

// partsOf returns the generation and number of parts a head
// "G2\n<gen> <n>\n" names, "" and 0 when raw is not a head, and an error
// when it starts as one and is not.
func partsOf(raw string) (gen string, n int, err error) {
	line, ok := strings.CutPrefix(raw, partHead)
	if !ok {
		return "", 0, nil
	}
	line, ok = strings.CutSuffix(line, "\n")
	g, num, found := strings.Cut(line, " ")
	n, nerr := strconv.Atoi(num)
	if !ok || !found || g == "" || nerr != nil || n < 1 {
		return "", 0, fmt.Errorf("not the head of a value in parts: %.40q", raw)
	}
	return g, n, nil
}

// Get returns the value under key, joined from its parts if it has them.
func (p *parted) Get(key string) (string, bool, error) {
	raw, ok, err := p.b.Get(key)
	if err != nil || !ok {
		return raw, ok, err
	}
	gen, n, err := partsOf(raw)
	if err != nil {
		return "", false, err
	}
	if gen == "" {
		return raw, true, nil
	}
	var b strings.Builder
	for i := 1; i <= n; i++ {
		s, ok, err := p.b.Get(PartKey(key, gen, i))
		if err != nil {
			return "", false, err
		}
		if !ok {
			return "", false, fmt.Errorf("%s: part %d of %d is missing", key, i, n)
		}
		if i == 1 {
			b.Grow(len(s) * n)
		}
		b.WriteString(s)
	}
	return b.String(), true, nil
}

// Set stores value under key, in parts if it is longer than PartSize. The
// parts are written first and the head last, so a reader sees the old
// value or the new one; a refused write leaves the old value and deletes
// the new parts written.
func (p *parted) Set(key, value string) error {
	oldGen, oldN := p.head(key)
	if len(value) <= PartSize {
		if err := p.b.Set(key, value); err != nil {
			return err
		}
		p.dropParts(key, oldGen, oldN)
		return nil
	}
	gen := strconv.FormatInt(p.now().UnixMilli(), 36)
	if gen == oldGen {
		gen += "-2" // the same millisecond: the old parts stay whole
	}
	n := 0
	for rest := value; rest != ""; n++ {
		cut := min(PartSize, len(rest))
		for cut < len(rest) && cut > 0 && !utf8.RuneStart(rest[cut]) {
			cut--
		}
		if err := p.b.Set(PartKey(key, gen, n+1), rest[:cut]); err != nil {
			p.dropParts(key, gen, n)
			return err
		}
		rest = rest[cut:]
	}
	if err := p.b.Set(key, partHead+gen+" "+strconv.Itoa(n)+"\n"); err != nil {
		p.dropParts(key, gen, n)
		return err
	}
	p.dropParts(key, oldGen, oldN)
	return nil
}

// head returns the generation and number of parts of the value under key,
// or "", 0 when it is not in parts (or its head cannot be read).
func (p *parted) head(key string) (string, int) {
	raw, ok, err := p.b.Get(key)
	if err != nil || !ok {
		return "", 0
	}
	gen, n, _ := partsOf(raw)
	return gen, n
}

// dropParts deletes parts 1…n of generation gen of key (none when gen is "").
func (p *parted) dropParts(key, gen string, n int) {
	if gen == "" {
		return
	}
	for i := 1; i <= n; i++ {
		_ = p.b.Delete(PartKey(key, gen, i)) // a leftover part only costs space: Keys sweeps it
	}
}

// Delete removes key and its parts: the head first, so that no head is
// left naming parts gone.
func (p *parted) Delete(key string) error {
	gen, n := p.head(key)
	if err := p.b.Delete(key); err != nil {
		return err
	}
	p.dropParts(key, gen, n)
	return nil
}

// Keys returns every key but the parts'. Parts no head names (left by a
// write that stopped between its parts and its head) are deleted once
// older than orphanAge.
func (p *parted) Keys() ([]string, error) {
	all, err := p.b.Keys()
	if err != nil {
		return nil, err
	}
	keys := all[:0:0]
	var parts []string
	for _, k := range all {
		if IsPart(k) {
			parts = append(parts, k)
			continue
		}
		keys = append(keys, k)
	}
	heads := map[string]string{}
	for _, k := range parts {
		i := strings.LastIndex(k, partMark)
		key, rest := k[:i], k[i+len(partMark):]
		gen, _, _ := strings.Cut(rest, ".")
		cur, seen := heads[key]
		if !seen {
			cur, _ = p.head(key)
			heads[key] = cur
		}
		at, _, _ := strings.Cut(gen, "-")
		ms, err := strconv.ParseInt(at, 36, 64)
		if gen != cur && (err != nil || p.now().Sub(time.UnixMilli(ms)) > orphanAge) {
			_ = p.b.Delete(k)
		}
	}
	return keys, nil
}
