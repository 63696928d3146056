# budget-lens — every set-up step is idempotent and skips what is already installed.
SHELL := /bin/bash
SAMPLE := www/reports/panjin-xinglongtai-2021.json

.PHONY: all setup test native-test lint demo fuzz-setup fuzz fuzz-long bench bench-native bench-criterion bench-hostile

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

## make demo: build and show the sample report
demo: setup
	cargo run --release --bin budget-lens -- check $(SAMPLE)

## make fuzz-setup: the nightly toolchain's cargo-fuzz (not part of `make test`, which needs only stable)
fuzz-setup:
	@command -v cargo-fuzz >/dev/null 2>&1 || cargo install cargo-fuzz
	@rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal

## make fuzz: each fuzz target for FUZZ_SECONDS (default 30 s), nice'd, one at a time, one process each
## (-jobs=1 -workers=1: libFuzzer logs to fuzz/fuzz-0.log, which cargo fuzz prints at the end).
## make fuzz-long: 10 minutes each. Crashes land in fuzz/artifacts/TARGET/, new inputs in fuzz/corpus/TARGET/.
FUZZ_TARGETS := parse check
FUZZ_SECONDS ?= 30
# One process at a time. To go on past a known crash: FUZZ_MODE="-fork=1 -ignore_crashes=1" (slow), or
# BUDGET_LENS_FUZZ_SKIP_KNOWN=1 in the environment (the targets skip the inputs of tests/check_regressions.rs).
FUZZ_MODE ?= -jobs=1 -workers=1
# The check target builds its report from the bytes: 4 KB give rich reports and keep it fast.
FUZZ_ARGS_check := -max_len=4096
fuzz: fuzz-setup
	@cd fuzz && for t in $(FUZZ_TARGETS); do \
	  mkdir -p corpus/$$t; \
	  echo "fuzz: $$t for $(FUZZ_SECONDS) s"; \
	  args=; [ $$t = check ] && args='$(FUZZ_ARGS_check)'; \
	  nice -n 10 cargo +nightly fuzz run --fuzz-dir . $$t corpus/$$t seeds/parse \
	    -- -max_total_time=$(FUZZ_SECONDS) -print_final_stats=1 $(FUZZ_MODE) $$args \
	    || exit 1; \
	done

fuzz-long:
	$(MAKE) fuzz FUZZ_SECONDS=600

## make bench: every benchmark. Native for now; the browser benchmark (issue 6) joins as another prerequisite.
bench: bench-native

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
