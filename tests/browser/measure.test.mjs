// The figures the README reports: gzip size of what a page loads for the widget (wasm + JS + CSS) and the
// time from navigation to the first chart on the demo page in headless Chromium (cache off, median of 9).
// Written to screenshots/measurements.json. The size test guards against regressions.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { ROOT, SCREENSHOTS, startBrowser, startServer } from './helpers.mjs';

const FILES = ['www/pkg/budget_lens_bg.wasm', 'www/pkg/budget_lens.js', 'www/budget-lens.js', 'www/budget-lens.css'];
// Measured 176 KB (of which the wasm 163 KB) after issue 3; 190 KB (wasm 174 KB) after issue 5, which added
// themes, hatching, zoom and the SVG/CSV export (+12 KB, of which SVG 4.7 KB). The target is 100 KB.
// 203.4 KiB (wasm 187.4 KB, element 11.8 KB, CSS 3.3 KB) after issue 11: tooltip placement, the page's colours
// with contrast mending, the label policy, one-line finding summaries, English money (≈ +6 KB wasm, +2.9 KB
// JS and CSS). Issue 12 is to bring the whole under 100 KB. Fails on growth beyond 208 KB.
const GZIP_BUDGET = 208 * 1024;
const RUNS = 9;

const measurements = {};
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await startBrowser();
});
after(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  writeFileSync(join(SCREENSHOTS, 'measurements.json'), `${JSON.stringify(measurements, null, 2)}\n`);
  console.log(JSON.stringify(measurements, null, 2));
  await browser?.close();
  await server?.close();
});

test('gzip size of wasm + JS + CSS', () => {
  const files = Object.fromEntries(
    FILES.map((f) => {
      const bytes = readFileSync(join(ROOT, f));
      return [f, { bytes: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length }];
    }),
  );
  const total = Object.values(files).reduce((sum, f) => sum + f.gzip, 0);
  measurements.size = { files, total_gzip: total };
  assert.ok(total <= GZIP_BUDGET, `${total} bytes gzip > budget ${GZIP_BUDGET}`);
});

test('time from navigation to the first chart on the demo', async () => {
  const times = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await browser.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.addInitScript(() => {
      document.addEventListener('budget-lens-ready', () => (window.firstChart ??= performance.now()), { once: true });
    });
    await page.goto(server.url('/www/index.html'));
    await page.waitForFunction(() => window.firstChart !== undefined, null, { timeout: 15000 });
    times.push(await page.evaluate(() => window.firstChart));
    await page.close();
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)];
  measurements.first_chart_ms = { median: Math.round(median), min: Math.round(times[0]), max: Math.round(times.at(-1)), runs: RUNS };
  assert.ok(median < 3000, `first chart after ${median} ms`);
});
