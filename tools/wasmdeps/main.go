// Command wasmdeps writes the copies of three dependencies that the wasm
// builds use, two without their network half and x/text without
// charmap.All, and a go.work that puts them in place of the modules go.mod
// requires.
//
// go-app's package app holds both halves of an app: the browser's (the
// components, the engine) and the server's (Handler, which serves and
// generates the site). Its http.go and resource.go import net/http for
// every build, so app.wasm linked net/http and all it brings (crypto/tls,
// x509, ECDSA, RSA, ML-KEM, math/big, mime) and ran their initialisers at
// every start, though the browser never calls them: 1.69 MB raw and 312 KB
// brotli of app.wasm's 12.04 MB / 2.22 MB. Readability's FromURL (a page
// fetched with net/http) did the same to extract.wasm, the worker's module,
// which reads pages it is given. The copies leave out, for wasm builds
// only, what uses net/http: go-app's http.go (Handler), LocalDir's file
// server and the GenerateStaticWebsite stub that names Handler;
// readability's FromURL. go-app's copy also leaves out what Gloss does
// not use and app.wasm linked for it: routes by regular
// expression (regexp and unicode's category maps), states persisted with
// encryption (crypto/aes, GCM) and github.com/google/uuid (crypto/md5 and
// crypto/sha1): 0.64 MB raw; its uuids' bytes come from the browser, not
// crypto/rand (Go's FIPS 140 module): 0.18 MB raw; and its states, which
// Gloss does not use either: 0.1 MB raw, and its actions: 22 KB; and
// package html, for an escaper
// of five characters: 70 KB raw; and fmt's printer at start, for the
// attributes' "%v". x/text's charmap.All kept all 42 code pages
// linked: 36 KB raw. A use of what is left out fails to build
// rather than to run. Nothing the browser or the worker runs changes; the
// command line and the tests still build with the modules as go.mod
// requires them.
//
// Each change is an exact replacement that must match once: a version
// other than the one it was written for stops the build, with the file to
// look at.
//
//	go run ./tools/wasmdeps -out .cache/wasm-deps
//	GOWORK=$PWD/.cache/wasm-deps/go.work GOOS=js GOARCH=wasm go build ./wasm
package main

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"

	"gloss/app/random"
)

// dep is a module copied for the wasm builds, into dir: everything but
// omit, with edits applied.
type dep struct {
	module, version string
	dir             string   // the copy's folder in -out
	omit            []string // top-level files and folders not copied
	edits           []edit
	add             map[string]string // files written into the copy, by path: new ones
}

// edit replaces old, which must occur exactly once in file, by new.
type edit struct{ file, old, new string }

var deps = []dep{{
	module:  "github.com/maxence-charriere/go-app/v10",
	version: "v10.1.11",
	dir:     "go-app",
	omit:    []string{"docs"},
	edits: []edit{
		// The server's Handler: serving, pre-rendering, the site's files.
		{"pkg/app/http.go", "package app\n", "//go:build !wasm\n\npackage app\n"},
		// A stub for wasm that only panics, and names Handler.
		{"pkg/app/wasm.go", "func GenerateStaticWebsite(dir string, h *Handler, pages ...string) error {\n\tpanic(errors.New(\"unsupported instruction\").\n\t\tWithTag(\"architecture\", runtime.GOARCH))\n}\n\n", ""},
		{"pkg/app/wasm.go", "import (\n\t\"runtime\"\n\n\t\"github.com/maxence-charriere/go-app/v10/pkg/errors\"\n)\n\n", ""},
		// LocalDir's resolver serves its folder (http.FileServer) for
		// Handler; in the browser it only resolves paths.
		{"pkg/app/resource.go", "\t\"net/http\"\n", ""},
		{"pkg/app/resource.go", "\t\tHandler:   http.FileServer(http.Dir(directory)),\n", ""},
		{"pkg/app/resource.go", "\thttp.Handler\n\tdirectory string\n", "\tdirectory string\n"},
		// Routes by regular expression: Gloss routes exact paths only
		// (app.Route), and the router's regexp brought regexp, regexp/syntax
		// and unicode's category and script maps. Without RouteWithRegexp a
		// pattern route no longer builds for wasm, rather than failing to
		// match.
		{"pkg/app/route.go", "import (\n\t\"regexp\"\n\t\"sync\"\n)\n", "import \"sync\"\n"},
		{"pkg/app/route.go", "\troutesWithRegexp []regexpRoute\n", ""},
		{"pkg/app/route.go", routeWithRegexp, ""},
		{"pkg/app/route.go", "\tfor _, rwr := range r.routesWithRegexp {\n\t\tif rwr.regexp.MatchString(path) {\n\t\t\treturn true\n\t\t}\n\t}\n\n", ""},
		{"pkg/app/route.go", "\tfor _, rwr := range r.routesWithRegexp {\n\t\tif rwr.regexp.MatchString(path) {\n\t\t\treturn rwr.newComponent(), true\n\t\t}\n\t}\n\n", ""},
		{"pkg/app/route.go", "\ntype regexpRoute struct {\n\tregexp       *regexp.Regexp\n\tnewComponent func() Composer\n}\n", ""},
		{"pkg/app/app.go", routeWithRegexpDoc, ""},
		// States persisted with encryption (AES-GCM keyed by the device's
		// id): Gloss keeps its data with its own storage and uses no go-app
		// state, so crypto/aes, crypto/cipher and GCM go. Without
		// Context.Encrypt, Context.Decrypt and State.PersistWithEncryption a
		// use no longer builds for wasm; an encrypted state found in local
		// storage is an error, as a state that fails to decrypt was.
		{"pkg/app/crypto.go", "package app\n", "//go:build !wasm\n\npackage app\n"},
		{"pkg/app/context.go", encryptDecrypt, ""},
		{"pkg/app/context.go", "\t\"encoding/json\"\n", ""},
		{"pkg/app/context.go", "\t\"strings\"\n", ""},
		{"pkg/app/state.go", persistWithEncryption, ""},
		{"pkg/app/state.go", "\t\treturn ctx.Decrypt(value.EncryptedValue, receiver)\n", "\t\treturn errors.New(\"encrypted state unsupported in this build\")\n"},
		{"pkg/app/state.go", persistEncrypted, "\tvalue := storableState{ExpiresAt: s.expiresAt}\n\t{\n"},
		// github.com/google/uuid for the device's id and the broadcast
		// channel's: a version 4 uuid is 16 random bytes, and the package's
		// initialisers kept crypto/md5 and crypto/sha1 (its version 3 and 5
		// uuids) and database/sql/driver linked.
		{"pkg/app/context.go", "\t\"github.com/google/uuid\"\n", ""},
		{"pkg/app/context.go", "\t\"context\"\n", "\t\"context\"\n\t\"fmt\"\n"},
		{"pkg/app/context.go", "\tid = uuid.NewString()\n", "\tid = newUUID()\n"},
		{"pkg/app/context.go", "// DeviceID fetches", newUUIDSource() + "// DeviceID fetches"},
		{"pkg/app/state.go", "\t\"github.com/google/uuid\"\n", ""},
		{"pkg/app/state.go", "\t\tm.broadcastStoreID = uuid.NewString()\n", "\t\tm.broadcastStoreID = newUUID()\n"},
		// html.EscapeString, for text nodes written as HTML: package
		// html's initialiser kept its entity tables and the code that
		// builds their maps linked (70 KB), which escaping never reads.
		{"pkg/app/node.go", "\t\"html\"\n", ""},
		{"pkg/app/node.go", "w.WriteString(html.EscapeString(v.value))", "w.WriteString(escapeHTML(v.value))"},
		// States (Context.SetState, GetState, ObserveState, DelState, their
		// persistence and broadcast): Gloss keeps its data with its own
		// storage and uses none, but the engine wires the state manager
		// into every Context, so its 54 functions (60 KB of code) were
		// linked, and each start walked localStorage for expired states
		// (boot.js hides Gloss's keys from that walk, so it found none).
		// A use no longer builds for wasm.
		{"pkg/app/state.go", "package app\n", "//go:build !wasm\n\npackage app\n"},
		{"pkg/app/context.go", "\tobserveState          func(Context, string, any) Observer\n\tgetState              func(Context, string, any)\n\tsetState              func(Context, string, any) State\n\tdelState              func(Context, string)\n", ""},
		{"pkg/app/context.go", contextStates, ""},
		{"pkg/app/engine.go", "\tstates                     stateManager\n", ""},
		{"pkg/app/engine.go", "\t\tobserveState:          e.states.Observe,\n\t\tgetState:              e.states.Get,\n\t\tsetState:              e.states.Set,\n\t\tdelState:              e.states.Delete,\n", ""},
		{"pkg/app/engine.go", "\te.states.CleanupExpiredPersistedStates(e.baseContext())\n\n", ""},
		{"pkg/app/engine.go", "\te.states.Cleanup()\n", ""},
		// Actions (Context.Handle, NewAction, NewActionWithValue and
		// app.Handle): Gloss posts none, but the engine wired their
		// manager into every Context and cleaned it after every update
		// (11 functions, 8.5 KB of code, its Cleanup compiled at every
		// start). A use no longer builds for wasm.
		{"pkg/app/engine.go", "\tactions                    actionManager\n", ""},
		{"pkg/app/engine.go", "\t\thandleAction:          e.actions.Handle,\n\t\tpostAction:            e.actions.Post,\n", ""},
		{"pkg/app/engine.go", "\n\t\tfor action, handler := range e.asynchronousActionHandlers {\n\t\t\te.actions.Handle(action, body, true, handler)\n\t\t}\n", ""},
		{"pkg/app/engine.go", "\te.executeDefers()\n\te.actions.Cleanup()\n", "\te.executeDefers()\n"},
		{"pkg/app/context.go", "\thandleAction          func(string, UI, bool, ActionHandler)\n\tpostAction            func(Context, Action)\n", ""},
		{"pkg/app/context.go", contextActions, ""},
		{"pkg/app/action.go", actionHandle, ""},
		// FormatString, which DataSet and Aria call with "%v" for every
		// data- and aria- attribute: fmt.Sprintf kept fmt's printer compiled
		// before the first draw (23 functions, 31 KB: hwarm's count, round
		// 14); formatString answers one string or int itself.
		{"pkg/app/strings.go", "func FormatString(format string, v ...any) string {\n\tif len(v) == 0 {\n\t\treturn format\n\t}\n\treturn fmt.Sprintf(format, v...)\n}\n", "func FormatString(format string, v ...any) string {\n\treturn formatString(format, v...)\n}\n"},
	},
	// newUUID's bytes come from crypto.getRandomValues, as Gloss's own
	// ids' do (gloss/app/random), not from crypto/rand: it links Go's FIPS
	// 140 module (DRBG, AES, SHA-2, SHA-3, HMAC and their initialisers:
	// 0.18 MB raw) only to end in the same call. escapeHTML stands in for
	// html.EscapeString (see the edits).
	add: map[string]string{
		"pkg/app/random_js.go":    randomSource(),
		"pkg/app/escapehtml.go":   escapeHTMLSource(),
		"pkg/app/formatstring.go": formatStringSource(),
	},
}, {
	module:  "golang.org/x/text",
	version: "v0.44.0",
	dir:     "x-text",
	// Only encoding and what it imports are linked (both modules); the
	// rest is 13 MB that would be copied at every build.
	omit: []string{"cases", "cmd", "collate", "currency", "date", "feature", "message", "number", "search", "secure", "width"},
	edits: []edit{
		// charmap.All, the list of its 42 code pages: its initialiser
		// kept every code page's table and code linked (36 KB raw of
		// app.wasm), though Gloss names the 26 it decodes (app/text) and
		// htmlindex names its own. Without All a use no longer builds for
		// wasm; the list becomes a function nothing calls.
		{"encoding/charmap/charmap.go", "// All is a list of all defined encodings in this package.\nvar All []encoding.Encoding = listAll\n", ""},
		{"encoding/charmap/tables.go", "var listAll = []encoding.Encoding{\n", "func listAll() []encoding.Encoding {\n\treturn []encoding.Encoding{\n"},
		{"encoding/charmap/tables.go", "\tXUserDefined,\n}\n", "\tXUserDefined,\n\t}\n}\n"},
	},
}, {
	module:  "codeberg.org/readeck/go-readability/v2",
	version: "v2.1.3",
	dir:     "go-readability",
	omit:    []string{"test-pages", "cmd", "scripts"},
	edits: []edit{
		// FromURL fetches a page; the worker is given pages.
		{"readability.go", "import (\n\t\"fmt\"\n\t\"io\"\n\t\"net/http\"\n\tnurl \"net/url\"\n\t\"strings\"\n\t\"time\"\n", "import (\n\t\"io\"\n\tnurl \"net/url\"\n"},
		{"readability.go", fromURL, ""},
	},
}}

// contextStates is context.go's ObserveState, GetState, SetState and
// DelState.
const contextStates = `// ObserveState establishes an observer for a state, tracking its changes.
func (ctx Context) ObserveState(state string, recv any) Observer {
	return ctx.observeState(ctx, state, recv)
}

// GetState fetches the value of a particular state.
func (ctx Context) GetState(state string, recv any) {
	ctx.getState(ctx, state, recv)
}

// SetState modifies a state with the provided value.
func (ctx Context) SetState(state string, v any) State {
	return ctx.setState(ctx, state, v)
}

// DelState erases a state, halting all associated observations.
func (ctx Context) DelState(state string) {
	ctx.delState(ctx, state)
}

`

// contextActions is context.go's Handle, NewAction and
// NewActionWithValue.
const contextActions = `// Handle designates a handler for a particular action, set to run on the UI
// goroutine.
func (ctx Context) Handle(action string, h ActionHandler) {
	ctx.handleAction(action, ctx.sourceElement, false, h)
}

// NewAction generates a new action for handling.
func (ctx Context) NewAction(action string, tags ...Tagger) {
	ctx.NewActionWithValue(action, nil, tags...)

}

// NewActionWithValue crafts an action with a given value for processing.
func (ctx Context) NewActionWithValue(action string, v any, tags ...Tagger) {
	var tagMap Tags
	for _, tag := range tags {
		if tagMap == nil {
			tagMap = make(Tags)
		}

		for k, v := range tag.Tags() {
			tagMap[k] = v
		}
	}

	ctx.postAction(ctx, Action{
		Name:  action,
		Value: v,
		Tags:  tagMap,
	})
}

`

// actionHandle is action.go's Handle, which registers a handler for
// every start.
const actionHandle = `// Handle registers the provided handler for a specific action name. When that
// action is triggered, the handler executes in a separate goroutine.
func Handle(actionName string, h ActionHandler) {
	actionHandlers[actionName] = h
}

`

// routeWithRegexp is route.go's router.routeWithRegexp.
const routeWithRegexp = `func (r *router) routeWithRegexp(pattern string, newComponent func() Composer) {
	r.mu.Lock()
	defer r.mu.Unlock()

	r.routesWithRegexp = append(r.routesWithRegexp, regexpRoute{
		regexp:       regexp.MustCompile(pattern),
		newComponent: newComponent,
	})
}

`

// routeWithRegexpDoc is app.go's RouteWithRegexp with its comment.
const routeWithRegexpDoc = `// RouteWithRegexp associates a URL path pattern with a function that generates
// a new Composer component. When a user navigates to a URL path that matches
// the given regular expression pattern, the function newComponent is invoked to
// create and mount the associated component.
//
// Example:
//
//	RouteWithRegexp("^/users/[0-9]+$", func() Composer {
//	    return NewUserComponent()
//	})
func RouteWithRegexp(pattern string, newComponent func() Composer) {
	routes.routeWithRegexp(pattern, newComponent)
}

`

// encryptDecrypt is context.go's Context.Encrypt, Context.Decrypt and
// their key.
const encryptDecrypt = `// Encrypt enciphers a value using AES encryption.
func (ctx Context) Encrypt(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, errors.New("encoding value failed").Wrap(err)
	}

	b, err = encrypt(ctx.cryptoKey(), b)
	if err != nil {
		return nil, errors.New("encrypting value failed").Wrap(err)
	}
	return b, nil
}

// Decrypt deciphers encrypted data into a given reference value.
func (ctx Context) Decrypt(crypted []byte, v any) error {
	b, err := decrypt(ctx.cryptoKey(), crypted)
	if err != nil {
		return errors.New("decrypting value failed").Wrap(err)
	}

	if err := json.Unmarshal(b, v); err != nil {
		return errors.New("decoding value failed").Wrap(err)
	}
	return nil
}

func (ctx Context) cryptoKey() string {
	return strings.ReplaceAll(ctx.DeviceID(), "-", "")
}
`

// persistWithEncryption is state.go's State.PersistWithEncryption.
const persistWithEncryption = `// PersistWithEncryption ensures the state is persisted into the local storage
// with encryption.
func (s State) PersistWithEncryption() State {
	return s.persist(s, true)
}

`

// persistEncrypted is the branch of state.go's stateManager.persist that
// encrypts; its other branch is kept, in a block.
const persistEncrypted = `	value := storableState{ExpiresAt: s.expiresAt}
	if encrypt {
		b, err := s.ctx.Encrypt(s.value)
		if err != nil {
			Log(errors.New("persisting encrypted state failed").
				WithTag("state", s.name).
				Wrap(err))
			return s
		}
		value.EncryptedValue = b
	} else {
`

//go:embed newuuid.go
var newUUIDFile string

// newUUIDSource is newuuid.go's newUUID, from its second comment
// paragraph (the first says where it goes) to its end.
func newUUIDSource() string {
	i := strings.Index(newUUIDFile, "// newUUID returns")
	if i < 0 {
		panic("wasmdeps: newuuid.go has no \"// newUUID returns\"")
	}
	return newUUIDFile[i:] + "\n"
}

//go:embed escapehtml.go
var escapeHTMLFile string

// escapeHTMLSource is escapehtml.go's escapeHTML, from its second comment
// paragraph (the first says where it goes) to its end, as a file of
// package app.
func escapeHTMLSource() string {
	i := strings.Index(escapeHTMLFile, "// escapeHTML returns")
	if i < 0 {
		panic("wasmdeps: escapehtml.go has no \"// escapeHTML returns\"")
	}
	return "package app\n\nimport \"strings\"\n\n" + escapeHTMLFile[i:]
}

//go:embed formatstring.go
var formatStringFile string

// formatStringSource is formatstring.go's formatString, from its second
// comment paragraph to its end, as a file of package app.
func formatStringSource() string {
	i := strings.Index(formatStringFile, "// formatString returns")
	if i < 0 {
		panic("wasmdeps: formatstring.go has no \"// formatString returns\"")
	}
	return "package app\n\nimport (\n\t\"fmt\"\n\t\"strconv\"\n)\n\n" + formatStringFile[i:]
}

// randomSource is gloss/app/random's read for the browser, as go-app's
// readRandom.
func randomSource() string {
	src := random.JSSource
	for _, r := range [][2]string{{"package random\n", "package app\n"}, {"// read fills", "// readRandom fills"}, {"func read(", "func readRandom("}} {
		if strings.Count(src, r[0]) != 1 {
			panic(fmt.Sprintf("wasmdeps: gloss/app/random's random_js.go holds %d copies of %q, want 1", strings.Count(src, r[0]), r[0]))
		}
		src = strings.Replace(src, r[0], r[1], 1)
	}
	return src
}

// fromURL is readability.go's FromURL and its RequestWith.
const fromURL = `type RequestWith func(r *http.Request)

// FromURL fetch the web page from specified url then parses the response to find
// the readable content.
func FromURL(pageURL string, timeout time.Duration, requestModifiers ...RequestWith) (Article, error) {
	// Make sure URL is valid
	parsedURL, err := nurl.ParseRequestURI(pageURL)
	if err != nil {
		return Article{}, fmt.Errorf("failed to parse URL: %v", err)
	}

	// Fetch page from URL
	client := &http.Client{Timeout: timeout}
	req, err := http.NewRequest("GET", pageURL, nil)
	for _, modifer := range requestModifiers {
		modifer(req)
	}
	if err != nil {
		return Article{}, fmt.Errorf("failed to fetch the page: %v", err)
	}
	resp, err := client.Do(req)
	if err != nil {
		return Article{}, fmt.Errorf("failed to fetch the page: %v", err)
	}
	defer resp.Body.Close()

	// Make sure content type is HTML
	cp := resp.Header.Get("Content-Type")
	if !strings.Contains(cp, "text/html") {
		return Article{}, fmt.Errorf("URL is not a HTML document")
	}

	// Parse content
	parser := NewParser()
	return parser.Parse(resp.Body, parsedURL)
}

`

func main() {
	out := flag.String("out", ".cache/wasm-deps", "the folder to write the copies and their go.work in")
	flag.Parse()
	if err := run(*out); err != nil {
		fmt.Fprintln(os.Stderr, "wasmdeps:", err)
		os.Exit(1)
	}
}

func run(out string) error {
	var gloss struct{ Dir, GoVersion string }
	if err := goJSON(&gloss, "list", "-m", "-json"); err != nil {
		return err
	}
	out, err := filepath.Abs(out)
	if err != nil {
		return err
	}
	work := fmt.Sprintf("go %s\n\nuse %s\n", gloss.GoVersion, quote(gloss.Dir))
	for _, d := range deps {
		dst := filepath.Join(out, d.dir)
		if err := d.write(dst); err != nil {
			return err
		}
		work += fmt.Sprintf("\nreplace %s => %s\n", d.module, quote(dst))
	}
	return os.WriteFile(filepath.Join(out, "go.work"), []byte(work), 0o644)
}

// write writes d's copy, edited, in dst.
func (d dep) write(dst string) error {
	var m struct{ Dir, Version string }
	if err := goJSON(&m, "mod", "download", "-json", d.module); err != nil {
		return err
	}
	if m.Version != d.version || m.Dir == "" {
		return fmt.Errorf("go.mod requires %s %s (in %q); the edits are for %s: redo them (tools/wasmdeps)", d.module, m.Version, m.Dir, d.version)
	}
	if err := os.RemoveAll(dst); err != nil {
		return err
	}
	entries, err := os.ReadDir(m.Dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		if slices.Contains(d.omit, e.Name()) {
			continue
		}
		if err := copyTree(filepath.Join(m.Dir, e.Name()), filepath.Join(dst, e.Name())); err != nil {
			return err
		}
	}
	for _, e := range d.edits {
		path := filepath.Join(dst, filepath.FromSlash(e.file))
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if n := bytes.Count(b, []byte(e.old)); n != 1 {
			return fmt.Errorf("%s %s: %s holds %d copies of %q, want 1: redo the edits (tools/wasmdeps)", d.module, d.version, e.file, n, e.old)
		}
		if err := os.WriteFile(path, bytes.Replace(b, []byte(e.old), []byte(e.new), 1), 0o644); err != nil {
			return err
		}
	}
	for file, text := range d.add {
		path := filepath.Join(dst, filepath.FromSlash(file))
		if _, err := os.Stat(path); err == nil {
			return fmt.Errorf("%s %s already has %s: redo the edits (tools/wasmdeps)", d.module, d.version, file)
		}
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}

// goJSON runs the go command with args and decodes its JSON output into v.
func goJSON(v any, args ...string) error {
	cmd := exec.Command("go", args...)
	cmd.Env = append(os.Environ(), "GOWORK=off")
	cmd.Stderr = os.Stderr
	b, err := cmd.Output()
	if err != nil {
		return fmt.Errorf("go %s: %v", strings.Join(args, " "), err)
	}
	return json.Unmarshal(b, v)
}

// copyTree copies the file or folder src to dst, every file writable (the
// module cache's are not).
func copyTree(src, dst string) error {
	return filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(src, path)
		if err != nil {
			return err
		}
		to := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(to, 0o755)
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
			return err
		}
		return os.WriteFile(to, b, 0o644)
	})
}

// quote writes a path for go.work: quoted when it holds a space.
func quote(p string) string {
	if strings.ContainsAny(p, " \t\"") {
		return fmt.Sprintf("%q", p)
	}
	return p
}
