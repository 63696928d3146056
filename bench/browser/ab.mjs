// A/B of two pages' first-chart time, loads alternating (A B A B …) in one Chromium, so that a machine's
// changing load weighs on both alike: median and quartiles of each, and the median of the paired ratios.
// Usage: node bench/browser/ab.mjs PAGE_A PAGE_B [pairs]   (pages under bench/browser/)
import { ROOT, AWAIT_DRAWN, launchBench, quantile as q } from './harness.mjs';
import { startServer } from './server.mjs';

const [A, B] = [process.argv[2], process.argv[3]];
const PAIRS = Number(process.argv[4] || 15);

async function drawn(context, origin, page) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await tab.goto(`${origin}/bench/browser/${page}`, { waitUntil: 'commit' });
  // A load not drawn within 20 s (a stuck or crashed tab) counts as missing, and its pair is dropped.
  const late = new Promise((resolve) => setTimeout(() => resolve({ result: { value: NaN } }), 20000));
  const { result } = await Promise.race([cdp.send('Runtime.evaluate', { expression: AWAIT_DRAWN, awaitPromise: true, returnByValue: true }), late]);
  await tab.close().catch(() => {});
  return result.value;
}

const { server, origin } = await startServer(ROOT);
const context = await launchBench('ab');
try {
  await drawn(context, origin, A);
  await drawn(context, origin, B);
  const a = [];
  const b = [];
  for (let i = 0; i < PAIRS; i++) {
    // Alternating which goes first in a pair, too.
    if (i % 2) { b.push(await drawn(context, origin, B)); a.push(await drawn(context, origin, A)); }
    else { a.push(await drawn(context, origin, A)); b.push(await drawn(context, origin, B)); }
  }
  for (let i = a.length - 1; i >= 0; i--) if (!(a[i] > 0 && b[i] > 0)) a.splice(i, 1), b.splice(i, 1);
  console.log(`${a.length} pairs drawn`);
  const f = (xs) => `${q(xs, 0.5).toFixed(1)} [${q(xs, 0.25).toFixed(0)}–${q(xs, 0.75).toFixed(0)}]`;
  console.log(`A ${A}: ${f(a)}\nB ${B}: ${f(b)}\nB/A paired ratio median ${q(b.map((x, i) => x / a[i]), 0.5).toFixed(3)}`);
} finally {
  await context.close();
  server.close();
}
