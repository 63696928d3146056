# budget-lens — every set-up step is idempotent and skips what is already installed.
SHELL := /bin/bash
SAMPLE := www/reports/panjin-xinglongtai-2021.json

.PHONY: all setup test native-test lint demo

all: test

setup:
	bash scripts/setup.sh

## make test: set up what is missing, build, run every test (native, wasm, browser)
test: setup lint native-test

native-test:
	cargo test --all-targets

lint:
	cargo fmt --check
	cargo clippy --all-targets -- -D warnings
	python3 scripts/encode_sample.py --check

## make demo: build and show the sample report
demo: setup
	cargo run --release --bin budget-lens -- check $(SAMPLE)

## make bench: speed and size (results: bench/RESULTS.md)
.PHONY: bench bench-browser
bench: bench-browser

bench-browser: setup
	cd bench/browser && { [ -d node_modules/echarts ] || npm ci --no-audit --no-fund || npm install --no-audit --no-fund; }
	node bench/browser/run.mjs
