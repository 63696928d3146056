// The builder page's download size and in-browser import time (bench/RESULTS.md, "Builder page import").
// Size: every file the page fetches until it is ready (gzip -9 each), then what opening a PDF adds (pdf.js,
// its worker, cMaps). Time: the largest corpus PDF imported in the page as a user's drop does (intake.js's
// importFiles: pdf.js reads the pages, the wasm lays them out and imports them), median of RUNS, with the
// pdf.js read and the wasm import timed apart. Run: `node bench/builder-import.mjs` after `make build
// build-builder` (tests/browser's node_modules give playwright).
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ROOT, startBrowser, startServer } from '../tests/browser/helpers.mjs';

const RUNS = Number(process.env.RUNS ?? 7);
const PDF = process.env.PDF ?? 'putuo-finance-2024-final.pdf';

const server = await startServer();
const browser = await startBrowser();
const page = await browser.newPage();
await page.goto(server.url('/www/builder.html'));
await page.waitForSelector('body[data-ready="true"]');
const atLoad = [...new Set(server.requests)];

const size = (paths) =>
  paths
    .map((p) => join(ROOT, p))
    .filter((f) => existsSync(f))
    .map((f) => {
      const bytes = readFileSync(f);
      return { file: f.slice(ROOT.length + 1), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
    });
const table = (rows) => {
  for (const r of rows) console.log(`| \`${r.file}\` | ${r.raw.toLocaleString('en')} | ${r.gzip.toLocaleString('en')} |`);
  const sum = (k) => rows.reduce((s, r) => s + r[k], 0);
  console.log(`| total | ${sum('raw').toLocaleString('en')} | ${sum('gzip').toLocaleString('en')} |`);
};

const times = [];
for (let i = 0; i < RUNS; i++) {
  times.push(
    await page.evaluate(async (name) => {
      const { readPdf } = await import('/www/builder/pdf.js');
      const { TableImport } = await import('/www/builder/pkg/budget_lens_builder.js');
      const { importFiles } = await import('/www/builder/intake.js');
      const bytes = new Uint8Array(await (await fetch(`/tests/data/tables/${name}`)).arrayBuffer());
      const start = performance.now();
      const runs = await readPdf(bytes);
      const read = performance.now();
      const tables = new TableImport();
      tables.addPdfRuns(JSON.stringify(runs), 'zh-CN');
      JSON.parse(tables.run('zh-CN'));
      tables.free();
      const imported = performance.now();
      await importFiles([new File([bytes], name)], 'zh-CN');
      const whole = performance.now() - imported;
      return { read: read - start, wasm: imported - read, whole };
    }, PDF),
  );
}
const median = (k) => times.map((t) => t[k]).sort((a, b) => a - b)[Math.floor(RUNS / 2)];
const fastest = (k) => Math.min(...times.map((t) => t[k]));
console.log(`\n${PDF}, ${RUNS} runs: median / fastest`);
for (const k of ['read', 'wasm', 'whole']) console.log(`  ${k.padEnd(6)} ${median(k).toFixed(0)} ms / ${fastest(k).toFixed(0)} ms`);

console.log('\nAt page load:');
table(size(atLoad.filter((p) => !p.includes('/tests/'))));
console.log('\nAdded by opening the PDF:');
table(size([...new Set(server.requests)].filter((p) => !atLoad.includes(p) && !p.includes('/tests/'))));
await browser.close();
await server.close();
