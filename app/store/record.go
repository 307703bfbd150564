package store

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Keys of the schema. Every key Gloss writes starts with "gloss/". The
// records of articles, the label set, the gazetteer and the settings are
// under Prefix (their format has not changed since schema v2, so the
// upgrade to v3 left them where they were rather than copy them, which would
// need twice the room); the listing and the schema record of v3 are under
// ListPrefix. A later schema can live beside them (an earlier one, v1, is
// migrated from beside them: see migrate.go).
//
// Each article's records are under Prefix+"doc/<id>/": text.N (the text),
// ann.N (the annotations, a JSON array) and side.N (its orphans and the
// lines of an imported file kept verbatim, a JSON object; absent when it
// has none). N is the revision its listing entry points to.
const (
	Prefix       = "gloss/v2/"
	ListPrefix   = "gloss/v3/"
	SchemaKey    = ListPrefix + "schema"
	HeadKey      = ListPrefix + "head" // the listing's head: see listing.go
	LabelsKey    = Prefix + "labels"
	GazetteerKey = Prefix + "gazetteer"
	SettingsKey  = Prefix + "settings"
	// QuarantinePrefix is where a damaged record is copied before Gloss
	// overwrites or deletes it, so nothing stored is ever lost.
	QuarantinePrefix = "gloss/quarantine/"
)

// Version is the schema version this code reads and writes.
const Version = 3

// header starts every stored value. The reason is go-app: at every start it
// walks ALL localStorage keys and json.Unmarshal's each value into
// struct{Value json.RawMessage; EncryptedValue []byte; ExpiresAt time.Time}
// (field names matched case-insensitively) and DELETES the key when Value or
// EncryptedValue is set and ExpiresAt is past. A value starting with "G1\n"
// is not JSON, so that Unmarshal stops at the first byte: no record of ours
// (whatever setting names or JSON it carries) can be taken for an expired
// go-app entry, and the scan costs nothing even for a 1 MB article. The
// digit is the record format; a higher one was written by a newer Gloss.
// A long value stored in parts has a head "G2\n…" under its key instead
// (parts.go), which Parts joins before the library reads it: a Gloss from
// before parts takes the head for a newer record format.
const header = "G1\n"

// decode strips the header from a stored value.
func decode(raw string) (string, error) {
	if strings.HasPrefix(raw, header) {
		return raw[len(header):], nil
	}
	if v, ok := newerFormat(raw); ok {
		return "", fmt.Errorf("written by a newer Gloss (record format G%s)", v)
	}
	return "", errors.New("not a Gloss record (no G1 header)")
}

// newerFormat returns the digits of a header "G" + 1–4 digits + "\n" (a
// record format this Gloss may not know). The checks in this file are
// written by hand rather than as regexps, so that opening the library at
// start compiles no regexp (nor links regexp's parser and Unicode tables).
func newerFormat(raw string) (string, bool) {
	n := 0
	for n < 4 && 1+n < len(raw) && '0' <= raw[1+n] && raw[1+n] <= '9' {
		n++
	}
	if len(raw) < 1 || raw[0] != 'G' || n == 0 || 1+n >= len(raw) || raw[1+n] != '\n' {
		return "", false
	}
	return raw[1 : 1+n], true
}

func encode(payload string) string { return header + payload }

// checkID says what is wrong with an article ID, which becomes part of keys.
func checkID(id string) error {
	if !validID(id) {
		return fmt.Errorf("article id %.70q must be 1-64 letters, digits, '-' or '_'", id)
	}
	return nil
}

// validID: 1–64 ASCII letters, digits, '-' or '_'.
func validID(id string) bool {
	if len(id) == 0 || len(id) > 64 {
		return false
	}
	for i := 0; i < len(id); i++ {
		c := id[i]
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func docPrefix(id string) string { return Prefix + "doc/" + id + "/" }

func textKey(id string, rev int) string { return docPrefix(id) + "text." + strconv.Itoa(rev) }

func annKey(id string, rev int) string { return docPrefix(id) + "ann." + strconv.Itoa(rev) }

func sideKey(id string, rev int) string { return docPrefix(id) + "side." + strconv.Itoa(rev) }

// parseDocKey splits gloss/v2/doc/<id>/<kind>.<rev>.
func parseDocKey(key string) (id, kind string, rev int, ok bool) {
	rest, found := strings.CutPrefix(key, Prefix+"doc/")
	if !found {
		return "", "", 0, false
	}
	id, name, found := strings.Cut(rest, "/")
	if !found || checkID(id) != nil {
		return "", "", 0, false
	}
	kind, num, found := strings.Cut(name, ".")
	if !found || (kind != "text" && kind != "ann" && kind != "side") {
		return "", "", 0, false
	}
	rev, err := strconv.Atoi(num)
	if err != nil || rev < 1 || strconv.Itoa(rev) != num {
		return "", "", 0, false
	}
	return id, kind, rev, true
}

// DocOf returns the article a backend key belongs to, so the UI can tell
// from a storage event which article another tab changed.
func DocOf(key string) (id string, ok bool) {
	id, _, _, ok = parseDocKey(key)
	return id, ok
}

// IsKey reports whether a backend key belongs to Gloss.
func IsKey(key string) bool { return strings.HasPrefix(key, "gloss/") }

// newerSchema returns the version of a key under a newer schema
// (gloss/v4/...), or 0.
func newerSchema(key string) int {
	rest, ok := strings.CutPrefix(key, "gloss/v")
	if !ok {
		return 0
	}
	num, _, ok := strings.Cut(rest, "/")
	if !ok {
		return 0
	}
	v, err := strconv.Atoi(num)
	if err != nil || v <= Version {
		return 0
	}
	return v
}
