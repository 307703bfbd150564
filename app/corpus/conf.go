package corpus

import (
	"strings"
)

// ParseConf returns the entity types of a brat annotation.conf: the
// non-comment lines of its [entities] section, without the indentation that
// marks a hierarchy and without "!" (a type that only groups others).
func ParseConf(data []byte) []string {
	var out []string
	section := ""
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimRight(line, "\r")
		t := strings.TrimSpace(line)
		if t == "" || strings.HasPrefix(t, "#") {
			continue
		}
		if strings.HasPrefix(t, "[") && strings.HasSuffix(t, "]") {
			section = strings.ToLower(t[1 : len(t)-1])
			continue
		}
		if section != "entities" || strings.HasPrefix(t, "!") {
			continue
		}
		// brat allows "TYPE<TAB>attributes"; the type is the first field.
		if f := strings.Fields(t); len(f) > 0 {
			out = append(out, f[0])
		}
	}
	return out
}

// Conf writes an annotation.conf declaring labels as entity types, with
// the other sections brat expects, empty.
func Conf(labels []string) []byte {
	var b strings.Builder
	b.WriteString("# Written by Gloss: the label set as brat entity types.\n[entities]\n")
	for _, l := range labels {
		b.WriteString(l)
		b.WriteByte('\n')
	}
	b.WriteString("\n[relations]\n\n# none\n<OVERLAP>\tArg1:<ENTITY>, Arg2:<ENTITY>, <OVL-TYPE>:<ANY>\n\n[events]\n\n[attributes]\n")
	return []byte(b.String())
}
