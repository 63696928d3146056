// make size: bytes and gzip bytes of what a page loads for the widget (wasm + JS + CSS): the sources in www/
// (what the demo serves), and, when `make dist` has run, what a site ships (the files dist/pkg.json lists,
// scripts and stylesheets minified) — the measure of issue 12's weight.
import { existsSync, readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const LOADED = ['pkg/budget_lens_bg.wasm', 'pkg/budget_lens.js', 'budget-lens.js', 'budget-lens.css'];

function measure(folder) {
  let total = 0;
  for (const file of LOADED) {
    const bytes = readFileSync(join(root, folder, file));
    const gzip = gzipSync(bytes, { level: 9 }).length;
    total += gzip;
    console.log(`${`${folder}/${file}`.padEnd(30)} ${String(bytes.length).padStart(8)} bytes ${String(gzip).padStart(8)} gzip`);
  }
  console.log(`${`total (${folder})`.padEnd(30)} ${' '.repeat(15)}${String(total).padStart(8)} gzip (${(total / 1024).toFixed(1)} KiB)`);
}

// `node scripts/size.mjs www` (after `make build`) leaves out dist/, which may be older than www/.
measure('www');
if (process.argv[2] !== 'www' && existsSync(join(root, 'dist', 'pkg.json'))) measure('dist');
