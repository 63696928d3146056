// make dist: copies the files a site needs (listed in pkg.json) into dist/ and writes dist/pkg.json with
// each file's byte size and its sha384 Subresource Integrity hash.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(readFileSync(join(root, 'pkg.json'), 'utf8'));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const WASM = 'pkg/budget_lens_bg.wasm';
const ENTRY = 'budget-lens.js';
const wasmIntegrity = sri(readFileSync(join(root, 'www', WASM)));

manifest.files = manifest.files.map((file) => {
  let bytes = readFileSync(join(root, 'www', file.path));
  if (file.path === ENTRY) {
    // The dist entry script carries the wasm's hash, so every load of the wasm is integrity-checked.
    const source = bytes.toString('utf8');
    const baked = source.replace("const BUILT_WASM_INTEGRITY = '';", `const BUILT_WASM_INTEGRITY = '${wasmIntegrity}';`);
    if (baked === source) throw new Error(`${ENTRY}: BUILT_WASM_INTEGRITY not found`);
    bytes = Buffer.from(baked, 'utf8');
  }
  mkdirSync(dirname(join(dist, file.path)), { recursive: true });
  writeFileSync(join(dist, file.path), bytes);
  return { ...file, bytes: bytes.length, integrity: sri(bytes) };
});
writeFileSync(join(dist, 'pkg.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const f of manifest.files) console.log(`${f.path.padEnd(28)} ${String(f.bytes).padStart(8)} bytes  ${f.integrity}`);
