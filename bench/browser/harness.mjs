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
