# budget-lens — every set-up step is idempotent and skips what is already installed.
SHELL := /bin/bash
SAMPLE := www/reports/panjin-xinglongtai-2021.json
WASM_TARGET := wasm32-unknown-unknown
WASM_OUT := target/$(WASM_TARGET)/release/budget_lens.wasm
PKG := www/pkg
WASM_OPT := tests/browser/node_modules/.bin/wasm-opt

.PHONY: all setup test native-test lint build dist demo browser-test size

all: test

setup:
	bash scripts/setup.sh

## make test: set up what is missing, build, run every test (native, wasm, browser)
test: setup lint native-test build browser-test

native-test:
	cargo test --all-targets

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	python3 scripts/encode_sample.py --check
	cargo clippy --lib --target $(WASM_TARGET) -- -D warnings

## make build: the widget's wasm (release), its JS glue (wasm-bindgen --target web) and wasm-opt -Oz into www/pkg/
build: setup
	cargo build --release --target $(WASM_TARGET) --lib
	@$(MAKE) --no-print-directory $(PKG)/budget_lens_bg.wasm
	@node scripts/size.mjs

# Glue and optimisation only when cargo produced a new module (wasm-opt takes seconds).
$(PKG)/budget_lens_bg.wasm: $(WASM_OUT)
	wasm-bindgen --target web --no-typescript --out-dir $(PKG) --out-name budget_lens $(WASM_OUT)
	$(WASM_OPT) -Oz $(PKG)/budget_lens_bg.wasm -o $(PKG)/budget_lens_bg.wasm

## make size: gzip size of what a page loads (wasm + JS + CSS)
size:
	@node scripts/size.mjs

## make dist: the files a site copies, with pkg.json listing each file's bytes and sha384 SRI hash
dist: build
	node scripts/dist.mjs

## make browser-test: the widget in headless Chromium (tests start and stop their own static server)
browser-test: build
	cd tests/browser && node --test --test-concurrency=1

## make demo: build and serve www/ on http://127.0.0.1:8000/
demo: build
	@echo "demo: http://127.0.0.1:8000/"
	cd www && python3 -m http.server 8000 --bind 127.0.0.1

## make bench: speed and size (results: bench/RESULTS.md)
.PHONY: bench bench-browser
bench: bench-browser

bench-browser: build
	cd bench/browser && { [ -d node_modules/echarts ] || npm ci --no-audit --no-fund || npm install --no-audit --no-fund; }
	node bench/browser/run.mjs
