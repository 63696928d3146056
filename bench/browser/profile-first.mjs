// Where the main thread's time goes up to budget-lens's first chart, by function (issue 12): loads a page N
// times (cache off, gzip, as run.mjs) under the DevTools CPU profiler (100 µs sampling) and prints the mean
// self time per function (JS and wasm) from navigation to the drawn time.
// Usage: node bench/browser/profile-first.mjs [loads] [page]   (budget-lens-www.html: the unminified sources)
import { ROOT, AWAIT_DRAWN, launchBench, selfByFunction } from './harness.mjs';
import { startServer } from './server.mjs';

const LOADS = Number(process.argv[2] || 5);
const PAGE = process.argv[3] || 'budget-lens-www.html';

async function profiled(context, origin) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await tab.goto(`${origin}/bench/browser/${PAGE}`, { waitUntil: 'commit' });
  const { result } = await cdp.send('Runtime.evaluate', { expression: AWAIT_DRAWN, awaitPromise: true, returnByValue: true });
  const { profile } = await cdp.send('Profiler.stop');
  await tab.close();
  return { drawn: result.value, profile };
}

const { server, origin } = await startServer(ROOT);
const context = await launchBench('profile');
const totals = new Map();
try {
  await profiled(context, origin); // warm-up
  for (let i = 0; i < LOADS; i++) {
    const { drawn, profile } = await profiled(context, origin);
    console.log(`load ${i + 1}: drawn ${drawn.toFixed(0)} ms`);
    for (const [k, ms] of selfByFunction(profile)) totals.set(k, (totals.get(k) ?? 0) + ms / LOADS);
  }
  console.log('mean self time per load (ms):');
  for (const [k, ms] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP || 40))) console.log(`  ${ms.toFixed(1).padStart(6)}  ${k}`);
} finally {
  await context.close();
  server.close();
}
