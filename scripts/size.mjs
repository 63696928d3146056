// make size: bytes and gzip bytes of what a page loads for the widget (wasm + JS + CSS).
import { readFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const files = ['www/pkg/budget_lens_bg.wasm', 'www/pkg/budget_lens.js', 'www/budget-lens.js', 'www/budget-lens.css'];
let total = 0;
for (const file of files) {
  const bytes = readFileSync(join(root, file));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  total += gzip;
  console.log(`${file.padEnd(30)} ${String(bytes.length).padStart(8)} bytes ${String(gzip).padStart(8)} gzip`);
}
console.log(`${'total'.padEnd(30)} ${' '.repeat(15)}${String(total).padStart(8)} gzip (${(total / 1024).toFixed(1)} KiB)`);
