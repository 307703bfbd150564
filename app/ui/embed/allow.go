package embed

import (
	"net/url"
	"sort"
	"strings"
)

// Allowlist is the set of host origins the page may talk to, named in its
// URL: #embed&origin=https://a.example,https://b.example (or the same in the
// query). Origins match exactly (scheme://host[:port]); there are no
// wildcards, and "null" (sandboxed or file: hosts) is allowed only when
// listed as such. The zero value allows nothing.
type Allowlist struct {
	origins map[string]bool
	invalid []string
}

// ParseAllowlist reads every origin= parameter (comma-separated values,
// percent-encoding allowed) from a fragment or query string, with or
// without its leading '#' or '?'. Entries that are not origins (a path,
// a wildcard, a scheme other than http/https) are left out and reported by
// Invalid.
func ParseAllowlist(fragmentOrQuery string) Allowlist {
	a := Allowlist{origins: map[string]bool{}}
	for _, v := range params(fragmentOrQuery)["origin"] {
		for _, o := range strings.Split(v, ",") {
			o = strings.TrimSpace(o)
			if o == "" {
				continue
			}
			if n, ok := normOrigin(o); ok {
				a.origins[n] = true
			} else {
				a.invalid = append(a.invalid, o)
			}
		}
	}
	return a
}

// Allows reports whether a message from origin (event.origin) may be
// answered.
func (a Allowlist) Allows(origin string) bool {
	n, ok := normOrigin(origin)
	return ok && a.origins[n]
}

// Origins returns the allowed origins, sorted.
func (a Allowlist) Origins() []string {
	out := make([]string, 0, len(a.origins))
	for o := range a.origins {
		out = append(out, o)
	}
	sort.Strings(out)
	return out
}

// Invalid returns the listed entries that were not origins and so allow
// nothing, in the order given; the page can tell the host's author.
func (a Allowlist) Invalid() []string { return append([]string(nil), a.invalid...) }

// normOrigin returns the origin in the form browsers serialise it
// (lowercase scheme and host, no default port), or false if s is not an
// http(s) origin or the literal "null".
func normOrigin(s string) (string, bool) {
	if s == "null" {
		return s, true
	}
	u, err := url.Parse(s)
	if err != nil || u.Opaque != "" || u.User != nil || u.RawQuery != "" || u.Fragment != "" ||
		strings.HasSuffix(s, "#") || strings.HasSuffix(s, "?") || (u.Path != "" && u.Path != "/") {
		return "", false
	}
	scheme := strings.ToLower(u.Scheme)
	if scheme != "http" && scheme != "https" {
		return "", false
	}
	host := strings.ToLower(u.Hostname())
	if host == "" || strings.ContainsAny(host, "*%") {
		return "", false
	}
	port := u.Port()
	if (scheme == "http" && port == "80") || (scheme == "https" && port == "443") {
		port = ""
	}
	if strings.Contains(host, ":") { // IPv6 literal
		host = "[" + host + "]"
	}
	if port != "" {
		host += ":" + port
	}
	return scheme + "://" + host, true
}
