package main

import (
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"time"

	"gloss/app/ui"
)

// The page's one inline script (wasm-start.js, see head.go) runs under a
// policy that allows scripts from the site's files only: it is allowed by
// the SHA-256 of its text, never by 'unsafe-inline' (which would let a
// script injected into the page run too). The hash is computed from the
// page as written, in the build (the <meta> policy) and in `gloss serve`
// (the header, which the service worker keeps with the page it caches).
var (
	inlineScript = regexp.MustCompile(`(?s)<script(\s[^>]*)?>(.*?)</script>`)
	scriptSrc    = regexp.MustCompile(`\bsrc\s*=`)
	policyMeta   = regexp.MustCompile(`(<meta http-equiv="Content-Security-Policy" content=")([^"]*)(")`)
)

// scriptHashes returns the CSP source of each inline script of page:
// 'sha256-…' of its text.
func scriptHashes(page string) []string {
	var hs []string
	for _, m := range inlineScript.FindAllStringSubmatch(page, -1) {
		if scriptSrc.MatchString(m[1]) {
			continue
		}
		sum := sha256.Sum256([]byte(m[2]))
		hs = append(hs, "'sha256-"+base64.StdEncoding.EncodeToString(sum[:])+"'")
	}
	return hs
}

// withHashes returns policy with hashes added to its script-src, or false
// when it has none to add them to.
func withHashes(policy string, hashes []string) (string, bool) {
	if len(hashes) == 0 {
		return policy, true
	}
	dirs := strings.Split(policy, ";")
	for i, d := range dirs {
		if f := strings.Fields(d); len(f) > 0 && f[0] == "script-src" {
			dirs[i] = strings.TrimRight(d, " ") + " " + strings.Join(hashes, " ")
			return strings.Join(dirs, ";"), true
		}
	}
	return policy, false
}

// allowInline adds the hashes of page's inline scripts to its <meta>
// policy.
func allowInline(page string) (string, error) {
	m := policyMeta.FindStringSubmatchIndex(page)
	if m == nil {
		return page, nil // no policy in the page: nothing to allow
	}
	// The hashes hold no character the attribute would need escaped.
	p, ok := withHashes(page[m[4]:m[5]], scriptHashes(page))
	if !ok {
		return "", errors.New("the page's Content-Security-Policy has no script-src to allow its inline script in")
	}
	return page[:m[4]] + p + page[m[5]:], nil
}

// sitePolicy is the header policy for the site in dir: ui's, with the
// hashes of index.html's inline scripts. It reads the page again when it
// changes (a test, or a person, may rebuild the site under a running
// server).
type sitePolicy struct {
	page string
	mu   sync.Mutex
	mod  time.Time
	size int64
	pol  string
}

func newSitePolicy(dir string) *sitePolicy {
	return &sitePolicy{page: filepath.Join(dir, "index.html"), pol: ui.ContentSecurityPolicy}
}

// get returns the policy; without a readable index.html, ui's as is (no
// page, no inline script to allow).
func (s *sitePolicy) get() string {
	fi, err := os.Stat(s.page)
	s.mu.Lock()
	defer s.mu.Unlock()
	if err != nil {
		return ui.ContentSecurityPolicy
	}
	if fi.ModTime().Equal(s.mod) && fi.Size() == s.size {
		return s.pol
	}
	b, err := os.ReadFile(s.page)
	if err != nil {
		return ui.ContentSecurityPolicy
	}
	pol, _ := withHashes(ui.ContentSecurityPolicy, scriptHashes(string(b)))
	s.mod, s.size, s.pol = fi.ModTime(), fi.Size(), pol
	return pol
}
