#!/usr/bin/env bash
# Idempotent set-up for a fresh Debian 12 machine of this project's kind.
# Installs only what is missing: the wasm target, wasm-bindgen-cli (pinned to the crate's version),
# Debian's chromium + chromedriver + CJK fonts, and the npm packages of tests/browser (binaryen, playwright-core, axe-core; terser and csso, which minify dist/).
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130   # must equal the wasm-bindgen crate pinned in Cargo.toml

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "setup: adding the wasm32 target"
  rustup target add wasm32-unknown-unknown
fi

if ! command -v wasm-bindgen >/dev/null 2>&1 || ! wasm-bindgen --version | grep -q "$WASM_BINDGEN_VERSION"; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about two minutes)"
  # --locked fails here: a locked dependency is not in the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

need_apt=()
for package in chromium chromium-driver fonts-noto-cjk; do
  dpkg -s "$package" >/dev/null 2>&1 || need_apt+=("$package")
done
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "setup: installing ${need_apt[*]} from Debian"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

# Every package of tests/browser/package.json must be installed (a new one may have been added since).
missing_npm=$(cd tests/browser && node -e '
  const p = require("./package.json");
  const fs = require("fs");
  const all = Object.keys({ ...p.dependencies, ...p.devDependencies });
  console.log(all.filter((d) => !fs.existsSync(`node_modules/${d}/package.json`)).join(" "));')
if [ -n "$missing_npm" ]; then
  echo "setup: installing npm packages of tests/browser ($missing_npm)"
  (cd tests/browser && { npm ci --no-audit --no-fund || npm install --no-audit --no-fund; })
fi
# pdf.js for the builder page (scripts/vendor/package.json; `make vendor` copies it into www/builder/vendor/).
pdfjs_wanted=$(node -p 'require("./scripts/vendor/package.json").dependencies["pdfjs-dist"]')
pdfjs_have=$(node -p 'try { require("./scripts/vendor/node_modules/pdfjs-dist/package.json").version } catch { "" }')
if [ "$pdfjs_wanted" != "$pdfjs_have" ]; then
  echo "setup: installing pdfjs-dist $pdfjs_wanted for the builder page"
  (cd scripts/vendor && { npm ci --omit=optional --no-audit --no-fund || npm install --omit=optional --no-audit --no-fund; })
fi
echo "setup: ok"
