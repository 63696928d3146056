// make bench (browser half): the same report drawn as a pie and a bar by budget-lens, Chart.js and ECharts,
// in one headless Chromium session and one run. Prints gzip bytes transferred, time from navigation to both
// charts drawn (median and spread over LOADS loads, cache off), main-thread time per hover redraw (median
// and p95 over HOVERS hovers), then the ratios against Chart.js and ECharts.
import { chromium } from 'playwright-core';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { ROOT, AWAIT_DRAWN, launchBench, quantile, hoverSpots } from './harness.mjs';
import { startServer } from './server.mjs';

const LOADS = Number(process.env.LOADS || 15);
const HOVERS = Number(process.env.HOVERS || 200);
const ALL_PAGES = { 'budget-lens': 'budget-lens.html', 'Chart.js': 'chartjs.html', ECharts: 'echarts.html' };
// LIBS=Chart.js,ECharts runs a subset (for working on one page); the benchmark itself runs all three.
const PAGES = Object.fromEntries(Object.entries(ALL_PAGES)
  .filter(([name]) => !process.env.LIBS || process.env.LIBS.split(',').includes(name)));
// The floor: the same page shell and report, no chart library (floor.html). Loaded with the others, no
// hovers; what each library adds to the first chart is its median above this one.
const FLOOR = 'floor.html';
// The pie's canvas on each page (hoverSpots in harness.mjs finds where to hover on it).
const PIE_CANVAS = {
  'budget-lens': () => document.querySelector('#pie').shadowRoot.querySelector('canvas'),
  'Chart.js': () => document.querySelector('#pie'),
  ECharts: () => document.querySelector('#pie canvas'),
};

const fmt = (x, d = 1) => x.toFixed(d);

async function drawnAt(cdp) {
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', { expression: AWAIT_DRAWN, awaitPromise: true, returnByValue: true, timeout: 20000 });
  if (exceptionDetails || typeof result.value !== 'number') throw new Error(`no drawn time: ${JSON.stringify(exceptionDetails ?? result)}`);
  return result.value;
}

async function load(context, origin, page) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  let bytes = 0;
  // Requests still under way: the bytes are counted once every request the page made has finished.
  const pending = new Set();
  let settled = () => {};
  const finish = (e) => {
    pending.delete(e.requestId);
    if (!pending.size) settled();
  };
  cdp.on('Network.requestWillBeSent', (e) => pending.add(e.requestId));
  cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; finish(e); });
  cdp.on('Network.loadingFailed', finish);
  await tab.goto(`${origin}/bench/browser/${page}`, { waitUntil: 'commit' });
  const ms = await drawnAt(cdp);
  await tab.waitForLoadState('load');
  if (pending.size) await new Promise((resolve) => { settled = resolve; setTimeout(resolve, 5000); });
  return { tab, cdp, bytes, ms };
}

async function hovers(tab, cdp, name) {
  // Chart.js and ECharts run with animation off (their pages); budget-lens's hover transition (150 ms, a
  // repaint per frame) goes off the same way, by the reader's reduced-motion setting, so that each library's
  // number is the cost of one hover redraw.
  await tab.emulateMedia({ reducedMotion: 'reduce' });
  await cdp.send('Performance.enable');
  const spot = await hoverSpots(tab, PIE_CANVAS[name]);
  // Each move must change the chart (highlight on, highlight off), or the number is the cost of nothing.
  const pixels = () => tab.evaluate((find) => {
    const canvas = new Function(`return (${find})()`)();
    return canvas.toDataURL();
  }, PIE_CANVAS[name].toString());
  const frames = () => tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await tab.mouse.move(...spot.on);
  await frames();
  const highlighted = await pixels();
  await tab.mouse.move(...spot.off);
  await frames();
  if ((await pixels()) === highlighted) throw new Error(`${name}: a hover does not change the chart`);
  const taskTime = async () =>
    (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration').value;
  const costs = [];
  for (let i = 0; i < HOVERS; i++) {
    const before = await taskTime();
    await tab.mouse.move(...(i % 2 ? spot.off : spot.on));
    await frames();
    costs.push((await taskTime() - before) * 1000);
  }
  await tab.mouse.move(...spot.on);
  await frames();
  await tab.screenshot({ path: path.join(ROOT, 'bench/results', `hover-${name}.png`) });
  return costs;
}

// A step that does not end fails the run with its name (a run once waited forever, twice in ~16 runs on
// 2026-12-02, and printed nothing): the library, the load or the hovers, and how long it was given.
function within(what, promise, ms = 60000) {
  let timer;
  const late = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no end after ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

const { server, origin } = await startServer(ROOT);
await fs.mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
const context = await launchBench('bench');
const results = {};
try {
  for (const name of [...Object.keys(PAGES), 'floor']) results[name] = { loads: [], bytes: [] };
  // Interleaved, so that whatever else the machine does falls on all three alike.
  for (let i = 0; i < LOADS + 1; i++) {
    for (const [name, page] of [...Object.entries(PAGES), ['floor', FLOOR]]) {
      const { tab, bytes, ms } = await within(`${name}: load ${i}`, load(context, origin, page));
      if (i > 0) { results[name].loads.push(ms); results[name].bytes.push(bytes); } // the first load warms up
      if (i === LOADS) await tab.screenshot({ path: path.join(ROOT, 'bench/results', `load-${page}.png`) });
      await tab.close();
    }
  }
  for (const name of Object.keys(PAGES)) {
    const { tab, cdp } = await within(`${name}: load before the hovers`, load(context, origin, PAGES[name]));
    results[name].hover = await within(`${name}: ${HOVERS} hovers`, hovers(tab, cdp, name), 120000);
    await tab.close();
  }
} finally {
  await context.close();
  server.close();
}

const floor = quantile(results.floor.loads, 0.5);
delete results.floor;
const rows = Object.entries(results).map(([name, r]) => ({
  name,
  kb: quantile(r.bytes, 0.5) / 1024,
  median: quantile(r.loads, 0.5),
  q1: quantile(r.loads, 0.25),
  q3: quantile(r.loads, 0.75),
  min: Math.min(...r.loads),
  max: Math.max(...r.loads),
  hoverMedian: quantile(r.hover, 0.5),
  hoverP95: quantile(r.hover, 0.95),
}));
console.log(`chromium headless, ${LOADS} loads each (cache off, gzip), ${HOVERS} hovers each; ${os.cpus().length} cores, ${os.cpus()[0].model}`);
console.log('library       gzip KB  first chart ms: median [q1–q3] (min–max)   hover redraw ms: median  p95');
for (const r of rows) {
  console.log(`${r.name.padEnd(12)} ${fmt(r.kb).padStart(8)}  ${fmt(r.median).padStart(8)} [${fmt(r.q1)}–${fmt(r.q3)}] (${fmt(r.min)}–${fmt(r.max)})   ${fmt(r.hoverMedian, 2).padStart(8)} ${fmt(r.hoverP95, 2).padStart(6)}`);
}
const bl = rows.find((r) => r.name === 'budget-lens');
for (const other of bl ? rows.filter((r) => r !== bl) : []) {
  console.log(`budget-lens / ${other.name}: bytes ×${fmt(bl.kb / other.kb, 2)}, first chart ×${fmt(bl.median / other.median, 2)}, hover p95 ×${fmt(bl.hoverP95 / other.hoverP95, 2)}`);
}
console.log(`floor (page and report, no chart): first chart median ${fmt(floor)} ms; above it: ${rows.map((r) => `${r.name} ${fmt(r.median - floor)}`).join(', ')} ms`);
await fs.writeFile(path.join(ROOT, 'bench/results/browser.json'), JSON.stringify({ date: new Date().toISOString(), floor, rows }, null, 2));
