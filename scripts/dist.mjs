// make dist: copies the files a site needs (listed in pkg.json) into dist/, its scripts and stylesheets
// minified (www/ keeps the readable sources the demo serves), and writes dist/pkg.json with each file's byte
// size and its sha384 Subresource Integrity hash.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// terser and csso are build tools of tests/browser/package.json, as binaryen's wasm-opt is (setup.sh).
const requireTool = createRequire(join(root, 'tests', 'browser', 'package.json'));
const { minify } = requireTool('terser');
const csso = requireTool('csso');

/** A script or stylesheet without comments and spaces; names inside a module shortened, exports kept. */
async function minified(path, source) {
  if (extname(path) === '.css') return csso.minify(source).css;
  if (extname(path) !== '.js') return source;
  const out = await minify(source, { module: true, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  return out.code;
}
const manifest = JSON.parse(readFileSync(join(root, 'pkg.json'), 'utf8'));
const dist = join(root, 'dist');
rmSync(dist, { recursive: true, force: true });

const sri = (bytes) => `sha384-${createHash('sha384').update(bytes).digest('base64')}`;
const WASM = 'pkg/budget_lens_bg.wasm';
const ENTRY = 'budget-lens.js';
const wasmIntegrity = sri(readFileSync(join(root, 'www', WASM)));

const copied = [];
for (const file of manifest.files) {
  let bytes = readFileSync(join(root, 'www', file.path));
  if (['.js', '.css'].includes(extname(file.path))) {
    let source = bytes.toString('utf8');
    if (file.path === ENTRY) {
      // The dist entry script carries the wasm's hash, so every load of the wasm is integrity-checked.
      const baked = source.replace("const BUILT_WASM_INTEGRITY = '';", `const BUILT_WASM_INTEGRITY = '${wasmIntegrity}';`);
      if (baked === source) throw new Error(`${ENTRY}: BUILT_WASM_INTEGRITY not found`);
      source = baked;
    }
    bytes = Buffer.from(await minified(file.path, source), 'utf8');
  }
  mkdirSync(dirname(join(dist, file.path)), { recursive: true });
  writeFileSync(join(dist, file.path), bytes);
  copied.push({ ...file, bytes: bytes.length, integrity: sri(bytes) });
}
manifest.files = copied;
writeFileSync(join(dist, 'pkg.json'), `${JSON.stringify(manifest, null, 2)}\n`);
for (const f of manifest.files) console.log(`${f.path.padEnd(28)} ${String(f.bytes).padStart(8)} bytes  ${f.integrity}`);
