// Where budget-lens's first chart goes (issue 12): loads bench/browser/budget-lens.html N times (cache off,
// gzip, as run.mjs) with a Chromium trace, and prints, per load, when each file arrived (resource timing),
// when each element fired `budget-lens-ready`, the drawn time, and the renderer main thread's time by event
// up to the drawn time (the top events summed: style, layout, script, wasm compile, parse …).
// Usage: node bench/browser/trace-first.mjs [loads] [page]   (TIMELINE=ms also lists the main thread's events
// over 1 ms from that time on)
import { ROOT, AWAIT_DRAWN, launchBench } from './harness.mjs';
import { startServer } from './server.mjs';

const LOADS = Number(process.argv[2] || 5);
const PAGE = process.argv[3] || 'budget-lens.html';
const CATEGORIES = ['devtools.timeline', 'blink.user_timing', 'v8.execute', 'disabled-by-default-devtools.timeline', 'v8.wasm', ...(process.env.CATEGORIES ? process.env.CATEGORIES.split(',') : [])];


async function traced(context, origin) {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await tab.addInitScript(() => {
    window.readyAt = [];
    addEventListener('budget-lens-ready', (e) => window.readyAt.push([e.target.id, performance.now()]), true);
  });
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  await cdp.send('Tracing.start', { traceConfig: { includedCategories: CATEGORIES }, transferMode: 'ReportEvents' });
  await tab.goto(`${origin}/bench/browser/${PAGE}`, { waitUntil: 'commit' });
  // Awaited in the page's own world, as run.mjs does: Playwright's waitForFunction would put its injected
  // script (20–40 ms of main thread) into the trace.
  await cdp.send('Runtime.evaluate', { expression: AWAIT_DRAWN, awaitPromise: true });
  await cdp.send('Tracing.end');
  await done;
  const page = await tab.evaluate(() => ({
    drawn: window.benchDrawnAt,
    ready: window.readyAt,
    files: performance.getEntriesByType('resource').map((r) => [r.name.replace(/.*\//, ''), r.startTime, r.responseEnd]),
    nav: performance.getEntriesByType('navigation')[0].responseEnd,
  }));
  await tab.close();
  return { page, events };
}

// The renderer's main thread: the thread named CrRendererMain with the most events.
function mainThread(events) {
  const names = events.filter((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const counts = new Map();
  for (const e of events) {
    if (names.some((n) => n.pid === e.pid && n.tid === e.tid)) counts.set(`${e.pid}:${e.tid}`, (counts.get(`${e.pid}:${e.tid}`) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0][0];
}

// Self time by event name on the main thread, from navigation start (the first `navigationStart` mark) to
// the drawn time: complete events ('X') and begin/end pairs nested by time.
function selfTimes(events, drawnMs) {
  const thread = mainThread(events);
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === thread && (e.ph === 'X' || e.ph === 'B' || e.ph === 'E'));
  const nav = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === thread)?.ts ?? Math.min(...mine.map((e) => e.ts));
  const end = nav + drawnMs * 1000;
  const spans = [];
  const open = [];
  for (const e of mine.sort((a, b) => a.ts - b.ts)) {
    if (e.ph === 'X') spans.push({ name: e.name, start: e.ts, end: e.ts + (e.dur ?? 0) });
    else if (e.ph === 'B') open.push(e);
    else {
      const b = open.pop();
      if (b) spans.push({ name: b.name, start: b.ts, end: e.ts });
    }
  }
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const self = new Map();
  const stack = [];
  const add = (name, us) => self.set(name, (self.get(name) ?? 0) + us);
  for (const s of spans) {
    if (s.start > end) break;
    const stop = Math.min(s.end, end);
    while (stack.length && stack.at(-1).end <= s.start) stack.pop();
    if (stack.length) add(stack.at(-1).name, -(stop - s.start));
    add(s.name, stop - s.start);
    stack.push({ ...s, end: stop });
  }
  return [...self].map(([name, us]) => [name, us / 1000]).sort((a, b) => b[1] - a[1]);
}

// Each style recalculation and layout on the main thread: when (ms from navigation start), how long, and the
// script function that forced it (none: the frame's own).
function layouts(events) {
  const thread = mainThread(events);
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === thread);
  const nav = mine.find((e) => e.name === 'navigationStart')?.ts ?? Math.min(...mine.map((e) => e.ts));
  return mine
    .filter((e) => (e.name === 'Layout' || e.name === 'UpdateLayoutTree') && e.ph === 'X' && e.dur > 300)
    .map((e) => {
      const stack = e.args?.beginData?.stackTrace ?? e.args?.data?.stackTrace;
      const by = stack?.[0]?.functionName;
      return `${e.name === 'Layout' ? 'L' : 'S'}@${((e.ts - nav) / 1000).toFixed(0)} ${(e.dur / 1000).toFixed(1)}${by ? ` (${by})` : ''}`;
    })
    .join(', ');
}

// TIMELINE=ms: every main-thread event from that time on (ms from navigation start) lasting over 1 ms,
// indented by nesting: what the thread did between the files' arrival and the first chart.
function timeline(events, fromMs) {
  const thread = mainThread(events);
  const mine = events.filter((e) => `${e.pid}:${e.tid}` === thread && e.ph === 'X');
  const nav = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === thread)?.ts ?? Math.min(...mine.map((e) => e.ts));
  const stack = [];
  const lines = [];
  for (const e of mine.sort((a, b) => a.ts - b.ts || b.dur - a.dur)) {
    while (stack.length && stack.at(-1) <= e.ts) stack.pop();
    const at = (e.ts - nav) / 1000;
    if (at >= fromMs && e.dur > 1000) lines.push(`    ${'  '.repeat(stack.length)}${at.toFixed(1)} ${e.name} ${(e.dur / 1000).toFixed(1)}${e.args?.data?.url ? ` ${e.args.data.url.replace(/.*\//, '')}` : ''}`);
    stack.push(e.ts + e.dur);
  }
  return lines.join('\n');
}

const { server, origin } = await startServer(ROOT);
const context = await launchBench('trace');
const totals = new Map();
try {
  await traced(context, origin); // warm-up
  for (let i = 0; i < LOADS; i++) {
    const { page, events } = await traced(context, origin);
    const f = (x) => x.toFixed(0);
    console.log(`load ${i + 1}: drawn ${f(page.drawn)} ms; html ${f(page.nav)}; ready ${page.ready.map(([id, t]) => `${id} ${f(t)}`).join(', ')}`);
    console.log(`  files: ${page.files.map(([n, s, e]) => `${n} ${f(s)}–${f(e)}`).join('; ')}`);
    const self = selfTimes(events, page.drawn);
    console.log(`  ${layouts(events)}`);
    if (process.env.TIMELINE) console.log(timeline(events, Number(process.env.TIMELINE)));
    for (const [name, ms] of self) totals.set(name, (totals.get(name) ?? 0) + ms / LOADS);
    console.log(`  main thread: ${self.slice(0, 8).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}`);
  }
  console.log(`mean self time per load (ms): ${[...totals].sort((a, b) => b[1] - a[1]).slice(0, 16).map(([n, ms]) => `${n} ${ms.toFixed(1)}`).join(', ')}`);
} finally {
  await context.close();
  server.close();
}
