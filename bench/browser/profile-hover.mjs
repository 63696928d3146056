// Where the main thread's time goes in a hover redraw (issue 12): loads a page once, then moves the pointer
// on and off the pie's largest slice N times, as run.mjs does. Twice: under the DevTools CPU profiler (100 µs
// sampling; the mean self time per hover by function, JS and wasm), then under a trace (the mean time per
// hover of the renderer main thread's events: style, layout, paint, commit, script).
// Usage: node bench/browser/profile-hover.mjs [hovers] [page]   (chartjs.html for the comparison)
import { ROOT, AWAIT_DRAWN, launchBench, selfByFunction, hoverSpots } from './harness.mjs';
import { startServer } from './server.mjs';

const HOVERS = Number(process.argv[2] || 200);
const PAGE = process.argv[3] || 'budget-lens.html';
const TOP = Number(process.env.TOP || 25);
const FIND = PAGE.startsWith('budget-lens')
  ? () => document.querySelector('#pie').shadowRoot.querySelector('canvas')
  : () => document.querySelector('#pie canvas') ?? document.querySelector('#pie');

async function hoverLoop(tab, spot) {
  const frames = () => tab.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  for (let i = 0; i < HOVERS; i++) {
    await tab.mouse.move(...(i % 2 ? spot.off : spot.on));
    await frames();
  }
}

async function profiled(tab, cdp, spot) {
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await hoverLoop(tab, spot);
  const { profile } = await cdp.send('Profiler.stop');
  return selfByFunction(profile);
}

/** Total duration by event name on the renderer's main thread (nested events each count their own). */
async function traced(tab, cdp, spot) {
  const events = [];
  cdp.on('Tracing.dataCollected', (e) => events.push(...e.value));
  const complete = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,blink,cc', transferMode: 'ReportEvents' });
  await hoverLoop(tab, spot);
  await cdp.send('Tracing.end');
  await complete;
  const threads = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args.name]));
  const byName = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur || threads.get(`${e.pid}:${e.tid}`) !== 'CrRendererMain') continue;
    byName.set(e.name, (byName.get(e.name) ?? 0) + e.dur / 1000);
  }
  return byName;
}

const print = (title, ms) => {
  console.log(title);
  for (const [k, v] of [...ms].sort((a, b) => b[1] - a[1]).slice(0, TOP)) console.log(`  ${(v / HOVERS).toFixed(3).padStart(7)}  ${k}`);
};

const { server, origin } = await startServer(ROOT);
const context = await launchBench('profile-hover');
try {
  const tab = await context.newPage();
  const cdp = await context.newCDPSession(tab);
  await tab.goto(`${origin}/bench/browser/${PAGE}`, { waitUntil: 'commit' });
  await cdp.send('Runtime.evaluate', { expression: AWAIT_DRAWN, awaitPromise: true });
  // As run.mjs: no transitions, so that one hover is one redraw.
  await tab.emulateMedia({ reducedMotion: 'reduce' });
  const spot = await hoverSpots(tab, FIND);
  print(`${PAGE}, ${HOVERS} hovers — CPU profile, mean self time per hover (ms):`, await profiled(tab, cdp, spot));
  print('trace, renderer main thread, mean time per hover by event (ms):', await traced(tab, cdp, spot));
} finally {
  await context.close();
  server.close();
}
