// What the browser benchmarks share (run.mjs, ab.mjs, trace-first.mjs, profile-first.mjs): the repository
// root, the drawn time awaited in the page, one headless Chromium with a fresh profile, and quantiles.
import { chromium } from 'playwright-core';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

// The drawn time, awaited in the page's own world through the DevTools protocol. Not Playwright's
// waitForFunction: its injected script (20–40 ms of main thread, evaluated once the page's load event has
// fired) landed inside the measured interval of some loads and not others, for every library (seen in
// trace-first.mjs's timelines, session 6).
export const AWAIT_DRAWN = `new Promise((resolve) => {
  const done = () => document.documentElement?.dataset.drawn === '1';
  if (done()) return resolve(window.benchDrawnAt);
  const watch = new MutationObserver(() => done() && (watch.disconnect(), resolve(window.benchDrawnAt)));
  watch.observe(document, { attributes: true, subtree: true });
})`;

/** Headless Debian Chromium on a fresh profile named after `purpose`, without background traffic. Its
 *  `close()` also removes the profile. */
export async function launchBench(purpose) {
  const userDir = await fs.mkdtemp(path.join(os.tmpdir(), `budget-lens-${purpose}-`));
  const context = await chromium.launchPersistentContext(userDir, {
    executablePath: '/usr/bin/chromium',
    viewport: { width: 1000, height: 900 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const close = context.close.bind(context);
  context.close = async () => {
    await close();
    await fs.rm(userDir, { recursive: true, force: true });
  };
  return context;
}

/** The `q` quantile of `xs`, interpolated between the two nearest values. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * q;
  return s[Math.floor(i)] + (s[Math.ceil(i)] - s[Math.floor(i)]) * (i - Math.floor(i));
}

/** Self time in ms by function (name, file and line) of a DevTools CPU profile. */
export function selfByFunction(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const n = byId.get(profile.samples[i]);
    const f = n.callFrame;
    const key = `${f.functionName || '(anon)'} ${f.url.replace(/.*\//, '')}${f.lineNumber >= 0 ? `:${f.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0) / 1000);
  }
  return self;
}

// Where to hover: a point inside the pie's largest slice (found on the canvas as the median pixel of its
// most common colour) and a point in the canvas corner, off the chart. Alternating between them changes
// the highlight on every hover.
// `find` returns the canvas, in the page.
export async function hoverSpots(tab, find) {
  return tab.evaluate((find) => {
    const canvas = new Function(`return (${find})()`)();
    const { data, width, height } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
    const ground = (i) => data[i + 3] < 255 || (data[i] > 240 && data[i + 1] > 240 && data[i + 2] > 240);
    const counts = new Map();
    for (let i = 0; i < data.length; i += 4) {
      // Not the ground: near-white, or not opaque (Chart.js and ECharts leave their canvas transparent).
      if (ground(i)) continue;
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const [color] = [...counts].sort((a, b) => b[1] - a[1])[0];
    const hits = [];
    for (let i = 0; i < data.length; i += 4) {
      if (((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]) === color) hits.push(i / 4);
    }
    const pixel = hits[Math.floor(hits.length / 2)];
    // Off: the middle of the first run of 24 ground pixels right of the slice in its own row, so that the
    // pointer stays inside every library's plot area (Chart.js ignores moves outside it: a corner of the
    // canvas would leave its highlight on, and nothing would be redrawn).
    const offPixel = () => {
      const row = Math.floor(pixel / width);
      let run = 0;
      for (let x = pixel % width; x < width; x++) {
        run = ground((row * width + x) * 4) ? run + 1 : 0;
        if (run === 24) return x - 12;
      }
      return width - 2;
    };
    const box = canvas.getBoundingClientRect();
    const scale = width / box.width;
    return {
      on: [box.left + (pixel % width) / scale, box.top + Math.floor(pixel / width) / scale],
      off: [box.left + offPixel() / scale, box.top + Math.floor(pixel / width) / scale],
      height,
    };
  }, find.toString());
}
