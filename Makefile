# budget-lens — every set-up step is idempotent and skips what is already installed.
SHELL := /bin/bash
SAMPLE := www/reports/panjin-xinglongtai-2021.json
WASM_TARGET := wasm32-unknown-unknown
# The wasm modules are built with the `wasm` profile (opt-level z, lto, panic abort); `release` is the CLI's.
WASM_DIR := target/$(WASM_TARGET)/wasm
WASM_OUT := $(WASM_DIR)/budget_lens_widget.wasm
BUILDER_WASM_OUT := $(WASM_DIR)/budget_lens_builder.wasm
PKG := www/pkg
BUILDER_PKG := www/builder/pkg
WASM_OPT := tests/browser/node_modules/.bin/wasm-opt
# pdf.js for the builder page: installed by setup.sh into scripts/vendor/node_modules, copied by `make vendor`.
PDFJS := scripts/vendor/node_modules/pdfjs-dist
PDFJS_VENDOR := www/builder/vendor/pdfjs

.PHONY: all setup test native-test lint build build-builder vendor dist demo browser-test size fuzz-setup fuzz fuzz-long bench bench-native bench-browser bench-builder bench-criterion bench-hostile

all: test

setup:
	bash scripts/setup.sh

## make test: set up what is missing, build, run every test (native, wasm, browser)
test: setup lint native-test build browser-test

# A whole run builds from scratch on CI, where incremental state only fills the disk (~0.5 GB of
# target/debug/incremental on a fresh clone; a CI run once ran out of space). `cargo test` by hand keeps it.
test: export CARGO_INCREMENTAL = 0

# Libraries, binaries and tests; not the benches nor the examples: linking them costs CI minutes on its fresh
# build, and `make lint` already type-checks them (clippy --all-targets); `make bench` builds and runs them.
native-test:
	cargo test --workspace --lib --bins --tests

# Clippy in the tests' profile: the proc macros and build scripts it compiles are the ones `native-test`
# then reuses (in the dev profile they were built twice; with incremental off as well, target/debug 1.9 → 0.7 GB on a fresh clone).
lint:
	cargo fmt --all --check
	cargo clippy --workspace --all-targets --profile test -- -D warnings
	python3 scripts/encode_sample.py --check
	cargo clippy --target $(WASM_TARGET) -p budget-lens-widget -p budget-lens-builder -- -D warnings

## make build: the widget's wasm (crate budget-lens-widget, profile wasm), its JS glue (wasm-bindgen --target web)
## and wasm-opt -Oz into www/pkg/
build: setup
	cargo build --profile wasm --target $(WASM_TARGET) -p budget-lens-widget
	@$(MAKE) --no-print-directory $(PKG)/budget_lens_bg.wasm
	@node scripts/size.mjs www

# Glue and optimisation only when cargo produced a new module (wasm-opt takes a minute on a busy machine).
# `--flatten --rereloop` first rebuilds the control flow from scratch, then -Oz twice: 1.8 KB gzip smaller
# than `-Oz --converge`, and faster (bench/RESULTS.md, "Widget size by part"). The `producers` and
# `target_features` sections are for tools only (0.2 KB gzip; session 9, `size3`).
$(PKG)/budget_lens_bg.wasm: $(WASM_OUT)
	wasm-bindgen --target web --no-typescript --out-dir $(PKG) --out-name budget_lens $(WASM_OUT)
	$(WASM_OPT) --flatten --rereloop -Oz -Oz --strip-producers --strip-target-features $(PKG)/budget_lens_bg.wasm -o $(PKG)/budget_lens_bg.wasm

## make build-builder: the builder page's one wasm module (crate budget-lens-builder: the widget's exports plus
## the extractor and the table importer) into www/builder/pkg/
build-builder: setup vendor
	cargo build --profile wasm --target $(WASM_TARGET) -p budget-lens-builder
	@$(MAKE) --no-print-directory $(BUILDER_PKG)/budget_lens_builder_bg.wasm

$(BUILDER_PKG)/budget_lens_builder_bg.wasm: $(BUILDER_WASM_OUT)
	wasm-bindgen --target web --no-typescript --out-dir $(BUILDER_PKG) --out-name budget_lens_builder $(BUILDER_WASM_OUT)
	$(WASM_OPT) -Oz $(BUILDER_PKG)/budget_lens_builder_bg.wasm -o $(BUILDER_PKG)/budget_lens_builder_bg.wasm

## make vendor: pdf.js (module, worker, packed CJK cMaps, standard fonts, licence) into www/builder/vendor/pdfjs/,
## fetched by the builder page only when it reads a PDF (never by the widget)
vendor: setup
	@$(MAKE) --no-print-directory $(PDFJS_VENDOR)/pdf.min.mjs

$(PDFJS_VENDOR)/pdf.min.mjs: $(PDFJS)/package.json
	rm -rf $(PDFJS_VENDOR) && mkdir -p $(PDFJS_VENDOR)
	cp $(PDFJS)/build/pdf.min.mjs $(PDFJS)/build/pdf.worker.min.mjs $(PDFJS)/LICENSE $(PDFJS_VENDOR)/
	cp -r $(PDFJS)/cmaps $(PDFJS)/standard_fonts $(PDFJS_VENDOR)/

## make size: gzip size of what a page loads (wasm + JS + CSS): www/ (the sources) and dist/ (what a site ships)
size: dist
	@node scripts/size.mjs

## make dist: the files a site copies, with pkg.json listing each file's bytes and sha384 SRI hash
dist: build
	node scripts/dist.mjs

## make browser-test: the widget in headless Chromium (tests start and stop their own static server)
browser-test: build build-builder
	cd tests/browser && node --test --test-concurrency=1

## make demo: build and serve www/ on http://127.0.0.1:8000/ (the demo, and builder.html)
demo: build build-builder
	@echo "demo: http://127.0.0.1:8000/ — builder: http://127.0.0.1:8000/builder.html"
	cd www && python3 -m http.server 8000 --bind 127.0.0.1

## make fuzz-setup: the nightly toolchain's cargo-fuzz (not part of `make test`, which needs only stable)
fuzz-setup:
	@command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal

## make fuzz: each fuzz target for FUZZ_SECONDS (default 30 s), nice'd, one at a time, one process each
## (-jobs=1 -workers=1: libFuzzer logs to fuzz/fuzz-0.log, which cargo fuzz prints at the end).
## make fuzz-long: 10 minutes each. Crashes land in fuzz/artifacts/TARGET/, new inputs in fuzz/corpus/TARGET/.
FUZZ_TARGETS := parse check extract
FUZZ_SECONDS ?= 30
# One process at a time. To go on past a crash: FUZZ_MODE="-fork=1 -ignore_crashes=1" (much slower).
FUZZ_MODE ?= -jobs=1 -workers=1
# The check target builds its report from the bytes: 4 KB give rich reports and keep it fast. The extract
# target starts from the extractor's fixture texts, with a dictionary of the texts' words.
FUZZ_ARGS_check := -max_len=4096
FUZZ_ARGS_extract := -max_len=16384 -dict=extract.dict
fuzz: fuzz-setup
	@cd fuzz && for t in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  args=; seeds=seeds/parse; \
	  [ $$t = check ] && args='$(FUZZ_ARGS_check)'; \
	  [ $$t = extract ] && { args='$(FUZZ_ARGS_extract)'; seeds=seeds/extract; }; \
	  nice -n 10 cargo +nightly fuzz run --fuzz-dir . $$t corpus/$$t $$seeds \
	    -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $(FUZZ_MODE) $$args \
	    || exit 1; \
	done

fuzz-long:
	$(MAKE) fuzz FUZZ_SECONDS=600

## make bench: every benchmark (results: bench/RESULTS.md)
bench: bench-native bench-browser bench-builder

## make bench-native: criterion (parse and check of synthetic reports; ratio table last), then hostile reports
bench-native: bench-criterion bench-hostile

bench-criterion:
	cargo bench --profile bench-release --bench parse_check

## make bench-hostile: each hostile report in its own process: time, resident memory with the input built, peak
## memory (VmHWM, reset after building the input) during parse + check + messages
bench-hostile:
	cargo build --profile bench-release --example hostile
	@echo "| case | input | parse + check + messages | RSS with input built | peak RSS in parse + check | outcome |"
	@echo "|---|---:|---:|---:|---:|---|"
	@for i in $$(target/bench-release/examples/hostile list | cut -f1); do target/bench-release/examples/hostile $$i; done
	@# The extractor on 5 MB of one open list (tests/it/extract_hostile.rs asserts the result, this its time).
	python3 -c "print('机关运行经费支出1万元，其中：' + '办公费1万元、' * 250000)" > target/five-megabytes-one-list.txt
	cargo run --profile bench-release --example extract_timing target/five-megabytes-one-list.txt 3
	@# Linear in the text's length on real prose too: set v2's texts repeated 8 and 32 times (125 and 500 thousand
	@# characters; about 0.4 and 1.5 MB); the second time should be about four times the first.
	python3 -c "import glob; t = ''.join(open(f, encoding='utf-8').read().split('\n\n', 1)[1] for f in sorted(glob.glob('bench/unseen2/[0-9]*.txt'))); open('target/prose-x8.txt', 'w', encoding='utf-8').write(t * 8); open('target/prose-x32.txt', 'w', encoding='utf-8').write(t * 32)"
	target/bench-release/examples/extract_timing target/prose-x8.txt 3
	target/bench-release/examples/extract_timing target/prose-x32.txt 3

## make bench-builder: the builder page's download (gzip) and the in-browser import time of the largest corpus PDF
bench-builder: build build-builder
	node bench/builder-import.mjs

## make bench-browser: budget-lens vs Chart.js vs ECharts in headless Chromium (bench/browser/run.mjs)
bench-browser: dist
	cd bench/browser && { [ -d node_modules/echarts ] || npm ci --no-audit --no-fund || npm install --no-audit --no-fund; }
	node bench/browser/run.mjs
