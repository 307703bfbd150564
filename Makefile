# Gloss: `make run` builds and serves the app on http://127.0.0.1:8000;
# `make test` runs go vet, every Go test and the browser tests.
GO      ?= go
ADDR    ?= 127.0.0.1:8000
WASM    := web/app.wasm
# The extraction worker's module (web pages, Markdown): loaded after first paint.
XWASM   := web/extract.wasm
FUZZTIME ?= 20s

.PHONY: run wasm static test vet unit browser bench eval fuzz chromium clean a11y

run: wasm
	$(GO) run ./cmd/gloss serve -addr $(ADDR) -dev

# Both modules are built with copies of go-app and readability without their
# network halves, which neither runs (net/http and the TLS stack: 1.7 MB of
# each): tools/wasmdeps writes them and the go.work that puts them in place.
WASMDEPS := .cache/wasm-deps

wasm:
	$(GO) run ./tools/wasmdeps -out $(WASMDEPS)
	GOWORK=$(CURDIR)/$(WASMDEPS)/go.work GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WASM) ./wasm
	GOWORK=$(CURDIR)/$(WASMDEPS)/go.work GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(XWASM) ./wasm/extract

static: wasm
	$(GO) run ./cmd/gloss build -out dist $(if $(PREFIX),-prefix $(PREFIX))

# go mod tidy -diff fails when go.mod or go.sum is not tidy (and changes nothing).
vet:
	$(GO) mod tidy -diff
	$(GO) vet ./...
	GOOS=js GOARCH=wasm $(GO) vet ./app/... ./wasm/...

unit:
	$(GO) test ./...

# Browser tests need Chromium; chromium.sh installs Debian's when it can.
browser: wasm chromium
	GLOSS_BROWSER=1 $(GO) test -count=1 -run Browser -timeout 15m ./cmd/gloss

chromium:
	@sh .ci/chromium.sh

test: vet wasm chromium
	GLOSS_BROWSER=1 $(GO) test -count=1 -timeout 20m ./...

# The JavaScript peers (fuzzysort, uFuzzy, mark.js) come pinned from npm into
# bench/node_modules; only the benchmark uses them.
bench: wasm chromium bench/node_modules
	$(GO) test -run '^$$' -bench . -benchmem ./app/...
	GLOSS_BROWSER=1 $(GO) test -count=1 -run '^(TestBenchBrowser|TestBenchCorpus)$$' -timeout 20m -v ./cmd/gloss

bench/node_modules: bench/package.json bench/package-lock.json
	cd bench && npm ci --no-audit --no-fund
	@touch $@

# Accessibility: axe-core (pinned in a11y/package.json, from npm) over every
# state, both sizes, light and dark. Not part of make test (it needs npm).
a11y: wasm chromium
	cd a11y && npm ci --no-audit --no-fund
	GLOSS_BROWSER=1 GLOSS_AXE=$(CURDIR)/a11y/node_modules/axe-core/axe.min.js $(GO) test -count=1 -run '^TestBrowserA11y$$' -timeout 20m -v ./cmd/gloss

# Quality figures on ../shared/conformance (DATA=dir to point elsewhere); skipped where absent.
DATA ?= ../shared/conformance
eval:
	$(GO) run ./cmd/eval -data $(DATA)

# Every fuzz target for FUZZTIME each; all run, failures are listed at the end.
fuzz:
	@failed=""; for pkg in $$($(GO) list ./app/... ./cmd/...); do \
	  for f in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$f ($(FUZZTIME))"; \
	    $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) $$pkg || failed="$$failed $$pkg.$$f"; \
	  done; \
	done; \
	if [ -n "$$failed" ]; then echo "fuzz failures:$$failed"; exit 1; fi; echo "fuzz: every target passed"

clean:
	rm -rf dist $(WASM) $(XWASM) bench.json bench-corpus.json
