// What a webmaster relies on: errors shown inside the widget (and as events) without breaking the page,
// several widgets per page, the `report` property, hostile report text kept as text, no requests but the
// widget's own files and the report, redrawing when the box resizes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { afterFrames, findColor, inkPixels, openHtmlPage, screenshot, useSession, waitReady, widgetState } from './helpers.mjs';

const session = useSession();

// The widget's stylesheet and script, with every drawing of the core counted in `window.draws`.
const COUNTED_DRAWS = `<link rel="stylesheet" href="/www/budget-lens.css">
<script type="module">
  import * as glue from '/www/pkg/budget_lens.js';
  window.draws = 0;
  const draw = glue.Widget.prototype.draw;
  glue.Widget.prototype.draw = function (...args) {
    window.draws++;
    return draw.apply(this, args);
  };
  await import('/www/budget-lens.js');
</script>`;

describe('a broken, missing or unreachable report', () => {
  let page;
  before(async () => {
    page = await session.browser.newPage();
    await page.goto(session.server.url('/tests/browser/pages/errors.html'));
    for (const id of ['#missing', '#broken', '#bad-view', '#english-broken', '#bad-url', '#good']) await waitReady(page, id);
  });
  after(() => page.close());

  test('shows a readable message inside the widget, in its language', async () => {
    const missing = await widgetState(page, '#missing');
    assert.match(missing.error, /^无法显示：无法读取报告 \(\.\.\/fixtures\/no-such-report\.json\)：HTTP 404/);
    const broken = await widgetState(page, '#broken');
    assert.match(broken.error, /^无法显示：/);
    assert.match(broken.error, /breakdowns\[0\]\.amount/, 'names the JSON path');
    assert.match(broken.error, /第 ?\d+ ?行|行/, 'names the line');
    const english = await widgetState(page, '#english-broken');
    assert.match(english.error, /^Cannot show: /);
    assert.match(english.error, /line \d+/);
    const badView = await widgetState(page, '#bad-view');
    assert.equal(badView.error, '无法显示：报告中没有“nowhere/at/all”');
    // A src that is no URL at all is named as the report that cannot be read (the browser's words: English only).
    assert.equal((await widgetState(page, '#bad-url')).error, '无法显示：无法读取报告 (http://[)');
    await screenshot(page, 'errors');
  });

  test('fires budget-lens-error with the message, once per widget', async () => {
    const errors = await page.evaluate(() => window.errors);
    assert.deepEqual(errors.map((e) => e.id).sort(), ['bad-url', 'bad-view', 'broken', 'english-broken', 'missing']);
    // Each error carries a code a page can act on, whatever the language of its message.
    const codes = Object.fromEntries(errors.map((e) => [e.id, e.code]));
    assert.deepEqual(codes, { missing: 'load', broken: 'report', 'english-broken': 'report', 'bad-view': 'report', 'bad-url': 'load' });
    for (const e of errors) {
      const shown = (await widgetState(page, `#${e.id}`)).error;
      assert.ok(shown.endsWith(e.message), `${e.id}: ${shown} / ${e.message}`);
    }
  });

  test('leaves the host page and the other widget working', async () => {
    assert.equal(await page.textContent('#host-text'), 'The host page keeps working.');
    assert.ok((await inkPixels(page, '#good')).ink > 1000);
    assert.deepEqual(page.errors ?? [], [], 'no uncaught exception reached the page');
  });
});

describe('two widgets, the report property and hostile text', () => {
  let page;
  before(async () => {
    page = await session.browser.newPage();
    await page.goto(session.server.url('/tests/browser/pages/two.html'));
    for (const id of ['#first', '#second', '#hostile']) await waitReady(page, id);
  });
  after(() => page.close());

  test('both widgets draw and work independently', async () => {
    assert.deepEqual((await page.evaluate(() => window.ready)).sort(), ['first', 'hostile', 'second']);
    const first = await findColor(page, '#first', [0x18, 0x36, 0x7c]);
    await page.mouse.click(first.x, first.y);
    assert.equal((await widgetState(page, '#first')).crumbs.length, 2);
    assert.equal((await widgetState(page, '#second')).crumbs.length, 1, 'the other widget stays where it was');
    const selected = await page.evaluate(() => window.selected);
    assert.deepEqual(selected, [{ id: 'first', path: 'gpb_by_function/c201', label: '一般公共服务支出', amount: '1302.65', share: '84.03' }]);
  });

  test('the report property works and report text stays text', async () => {
    const state = await widgetState(page, '#hostile');
    assert.equal(state.error, null);
    assert.deepEqual(state.rows.map((r) => r.cells[0]), ['<img src=x onerror="window.pwned=1">', '<script>window.pwned=1</script>']);
    const elements = await page.evaluate(() => {
      const root = document.querySelector('#hostile').shadowRoot;
      return root.querySelectorAll('img, script, b').length;
    });
    assert.equal(elements, 0, 'no element made from report text');
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    const title = await page.evaluate(() => document.querySelector('#hostile').shadowRoot.querySelector('.bl-title').textContent);
    assert.equal(title, '<img src=x onerror="window.pwned=1">');
  });

  test('the chart is redrawn when its box resizes', async () => {
    const before = await inkPixels(page, '#first');
    await page.evaluate(() => (document.getElementById('box').style.width = '420px'));
    await page.waitForFunction(() => document.querySelector('#first').shadowRoot.querySelector('.bl-canvas').clientWidth < 420);
    const after = await inkPixels(page, '#first');
    assert.ok(after.cssWidth < before.cssWidth && after.cssWidth <= 420, `${before.cssWidth} → ${after.cssWidth}`);
    assert.ok(after.ink > 1000, 'and drawn');
  });

  test('changing the chart and view attributes updates the widget', async () => {
    await page.evaluate(() => document.getElementById('second').setAttribute('chart', 'pie'));
    assert.deepEqual((await widgetState(page, '#second')).pressed, ['true', 'false']);
    await page.evaluate(() => document.getElementById('second').setAttribute('view', 'gpb_by_function/c208'));
    assert.deepEqual((await widgetState(page, '#second')).crumbs, ['一般公共预算财政拨款支出', '社会保障和就业支出']);
  });

  test('no request but the widget files and the report', async () => {
    const asked = new Set(session.server.requests);
    const allowed = [
      '/tests/browser/pages/two.html',
      '/www/budget-lens.css',
      '/www/budget-lens.js',
      '/www/pkg/budget_lens.js',
      '/www/pkg/budget_lens_bg.wasm',
      '/tests/browser/fixtures/small-2021.json',
      '/tests/browser/pages/errors.html',
      '/tests/browser/fixtures/broken.json',
      '/tests/browser/fixtures/no-such-report.json',
      '/favicon.ico',
    ];
    for (const path of asked) assert.ok(allowed.includes(path), `unexpected request ${path}`);
  });
});

describe('while the core is on its way', () => {
  test('the widget says it is loading, in its language, and then draws', async () => {
    const page = await session.browser.newPage();
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/budget_lens_bg.wasm', async (route) => {
      await held;
      await route.continue();
    });
    await page.goto(session.server.url('/tests/browser/pages/two.html'));
    const status = () => page.evaluate(() => {
      const root = document.querySelector('#first').shadowRoot;
      const s = root.querySelector('.bl-status');
      return { text: s.textContent, role: s.getAttribute('role'), shown: !s.hidden && s.getBoundingClientRect().height > 0, body: !root.querySelector('.bl-body').hidden };
    });
    await page.waitForFunction(() => document.querySelector('#first').shadowRoot?.querySelector('.bl-status')?.textContent);
    assert.deepEqual(await status(), { text: '正在加载…', role: 'status', shown: true, body: false });
    release();
    await waitReady(page, '#first');
    const after = await status();
    assert.equal(after.shown, false, 'the status goes once the chart is drawn');
    assert.equal(after.body, true);
    await page.close();
  });

  test('a dark widget is dark while it loads, not a white box', async () => {
    const page = await session.browser.newPage();
    await page.route('**/budget_lens_bg.wasm', () => {}); // never answered
    const html = `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><link rel="stylesheet" href="/www/budget-lens.css">
<script type="module" src="/www/budget-lens.js"></script></head><body>
<budget-lens id="dark" src="/tests/browser/fixtures/small-2021.json" theme="dark"></budget-lens>
<budget-lens id="light" src="/tests/browser/fixtures/small-2021.json"></budget-lens></body></html>`;
    await page.route('**/loading-dark.html', (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
    await page.goto(session.server.url('/tests/browser/pages/loading-dark.html'));
    const ground = (id) => page.evaluate((id) => {
      const frame = document.getElementById(id).shadowRoot.querySelector('.bl');
      return frame.querySelector('.bl-status').textContent && getComputedStyle(frame).backgroundColor;
    }, id);
    await page.waitForFunction(() => document.getElementById('dark').shadowRoot?.querySelector('.bl-status')?.textContent);
    assert.equal(await ground('dark'), 'rgb(27, 27, 27)');
    assert.equal(await ground('light'), 'rgb(255, 255, 255)');
    await page.close();
  });
});

describe('a failing core', () => {
  async function pageWith(route, handler) {
    const page = await session.browser.newPage();
    await page.route(route, handler);
    await page.goto(session.server.url('/tests/browser/pages/errors.html'));
    await waitReady(page, '#good');
    return page;
  }

  test('a wasm that cannot be loaded shows a message and the fallback content', async () => {
    const page = await pageWith('**/budget_lens_bg.wasm', (route) => route.fulfill({ status: 404, body: '' }));
    const state = await widgetState(page, '#good');
    assert.match(state.error, /^无法显示：无法加载图表组件/);
    const errors = await page.evaluate(() => window.errors.map((e) => e.id));
    assert.ok(errors.includes('good'));
    assert.equal(await page.textContent('#host-text'), 'The host page keeps working.');
    await page.close();
  });

  test('a trap inside the wasm while drawing shows a message, not a dead widget', async () => {
    const page = await pageWith('**/pkg/budget_lens.js', async (route) => {
      const response = await route.fetch();
      const glue = (await response.text()).replace(
        'draw(canvas, layer, width, height, dpr) {',
        "draw(canvas, layer, width, height, dpr) { throw new WebAssembly.RuntimeError('unreachable');",
      );
      assert.ok(glue.includes('RuntimeError'), 'the glue was patched');
      await route.fulfill({ response, body: glue });
    });
    const state = await widgetState(page, '#good');
    // The runtime's English words stay out of a Chinese page; the event still hands them to the developer.
    assert.equal(state.error, '无法显示：图表组件内部出错');
    const errors = await page.evaluate(() => window.errors);
    assert.ok(errors.some((e) => e.id === 'good' && e.code === 'internal' && e.message === '图表组件内部出错' && e.cause === 'unreachable'));
    assert.deepEqual(page.errors ?? [], [], 'nothing escaped to the page');
    await page.close();
  });

  test('a trap inside the wasm when the chart gets the keyboard focus shows a message, and nothing escapes', async () => {
    const page = await pageWith('**/pkg/budget_lens.js', async (route) => {
      const response = await route.fetch();
      const glue = (await response.text()).replace(
        '    focus(how) {',
        "    focus(how) { throw new WebAssembly.RuntimeError('unreachable');",
      );
      assert.ok(glue.includes('RuntimeError'), 'the glue was patched');
      await route.fulfill({ response, body: glue });
    });
    const escaped = [];
    page.on('pageerror', (e) => escaped.push(e.message));
    // Tab onto the chart: its focus handler asks the core where the focus is.
    await page.evaluate(() => document.querySelector('#good').shadowRoot.querySelector('.bl-canvas').focus());
    const state = await widgetState(page, '#good');
    assert.equal(state.error, '无法显示：图表组件内部出错');
    assert.deepEqual(escaped, [], 'nothing escaped to the page');
    await page.close();
  });
});


// Every cause of a load — each attribute an upgrade sets, the `report` property, being connected — asks for
// one load per script turn, and the element as it is when the turn ends is what loads: the last state wins.
// Counted on a page that wraps `fetch` and the core's `Widget.state` (read once per render) and
// `Widget.draw` (served from memory: the test's own page, not a file of the repository).
describe('one load per element and script turn', () => {
  const PAGE = '/tests/browser/pages/loads.html';
  const SMALL = '/tests/browser/fixtures/small-2021.json';
  const HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>loads</title>
<script>
  window.fetched = [];
  const fetchFirst = window.fetch;
  window.fetch = (input, init) => (window.fetched.push(new URL(String(input.url ?? input), location.href).pathname), fetchFirst(input, init));
  window.events = [];
  for (const type of ['budget-lens-ready', 'budget-lens-error']) {
    document.addEventListener(type, (e) => window.events.push([type, e.detail?.code ?? null, e.detail?.message ?? null]));
  }
</script>
<link rel="stylesheet" href="/www/budget-lens.css">
<script type="module">
  import * as glue from '/www/pkg/budget_lens.js';
  window.calls = { state: 0, draw: 0, tip: 0, tipPosition: 0 };
  for (const name of Object.keys(window.calls)) {
    const method = glue.Widget.prototype[name];
    glue.Widget.prototype[name] = function (...args) {
      window.calls[name]++;
      return method.apply(this, args);
    };
  }
  await import('/www/budget-lens.js');
</script>
</head><body>
<budget-lens id="w" src="${SMALL}" view="gpb_by_function" chart="bar" lang="en" theme="light" size="large" table findings></budget-lens>
</body></html>`;

  let page;
  before(async () => {
    page = await openHtmlPage(session, { path: PAGE, html: HTML, selector: '#w' });
  });
  after(() => page.close());

  const counts = async () => {
    await afterFrames(page, 2);
    return page.evaluate(() => ({ fetched: [...window.fetched], events: [...window.events], calls: { ...window.calls } }));
  };
  const reports = (fetched) => fetched.filter((path) => path.endsWith('.json'));

  test('an element written in HTML with eight attributes reads its report once and renders once', async () => {
    const seen = await counts();
    assert.deepEqual(reports(seen.fetched), [SMALL]);
    assert.deepEqual(seen.events, [['budget-lens-ready', null, null]]);
    assert.deepEqual([seen.calls.state, seen.calls.draw], [1, 1], 'one Widget, rendered and drawn once');
    const state = await widgetState(page, '#w');
    assert.deepEqual([state.crumbs, state.pressed, state.tableShown, state.findingsShown], [['一般公共预算财政拨款支出'], ['false', 'true'], true, true]);
  });

  test('a hover back onto an item is one call into the core: its tooltip is built and placed once per drawing', async () => {
    const bar = await findColor(page, '#w', [0x18, 0x36, 0x7c]);
    await page.mouse.move(bar.x, bar.y);
    const first = await counts();
    assert.equal((await widgetState(page, '#w')).tipLines[0], '一般公共服务支出');
    await page.mouse.move(1, 1);
    assert.equal((await widgetState(page, '#w')).tip, null, 'off the chart: no tooltip');
    await page.mouse.move(bar.x, bar.y);
    const again = await counts();
    assert.equal((await widgetState(page, '#w')).tipLines[0], '一般公共服务支出');
    assert.deepEqual([again.calls.tip - first.calls.tip, again.calls.tipPosition - first.calls.tipPosition], [0, 0]);
  });

  test('src, view, chart and lang changed in one script turn: one load of the last src, no error', async () => {
    const before = await counts();
    await page.evaluate(() => {
      const w = document.getElementById('w');
      w.setAttribute('src', '/tests/browser/fixtures/broken.json'); // overtaken in the same turn: never read
      w.setAttribute('src', '/tests/browser/fixtures/small-2021.json?again');
      w.setAttribute('view', 'income');
      w.setAttribute('chart', 'pie');
      w.setAttribute('lang', 'zh-CN');
    });
    await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.bl-crumb')?.textContent === '收入合计');
    const seen = await counts();
    assert.deepEqual(reports(seen.fetched.slice(before.fetched.length)), [SMALL], 'only the last src is read');
    assert.deepEqual(seen.events.slice(before.events.length), [], 'no error on the way');
    assert.deepEqual({ state: seen.calls.state - before.calls.state, draw: seen.calls.draw - before.calls.draw }, { state: 1, draw: 1 });
    const state = await widgetState(page, '#w');
    assert.deepEqual([state.crumbs, state.pressed], [['收入合计'], ['true', 'false']]);
    assert.ok(state.badge.startsWith('数据核对'), `in the new language: ${state.badge}`);
  });

  test('a new report and a view only it has, set in one turn: the view opens on the new report, no error', async () => {
    const before = await counts();
    await page.evaluate(() => {
      const w = document.getElementById('w');
      w.report = { format: 'budget-lens/1', unit: '万元', breakdowns: [{ id: 'novel', label: '新的报告', amount: '3', items: [{ id: 'a', label: '甲', amount: '1' }, { id: 'b', label: '乙', amount: '2' }] }] };
      w.setAttribute('view', 'novel');
    });
    await page.waitForFunction(() => document.querySelector('#w').shadowRoot.querySelector('.bl-crumb')?.textContent === '新的报告');
    const seen = await counts();
    assert.deepEqual(seen.events.slice(before.events.length), [], 'the view was not looked for in the report shown before');
    assert.deepEqual({ state: seen.calls.state - before.calls.state, draw: seen.calls.draw - before.calls.draw }, { state: 1, draw: 1 });
    assert.equal((await widgetState(page, '#w')).error, null);
  });

  test('figures are shown as printed: a 0 in a 万元 table stays 0, a figure printed in 万元 on a level in 元 says 万元', async () => {
    const wan = (text) => ({ table: '“三公”经费预算表', text, unit: '万元', decimals: 2 });
    const report = {
      format: 'budget-lens/1', unit: '元',
      breakdowns: [
        { id: 'three_public', label: '“三公”经费合计', amount: '108100', printed: wan('10.81'), items: [
          { id: 'abroad', label: '因公出国（境）费', amount: '0', printed: wan('0') },
          { id: 'vehicles', label: '公务用车购置及运行费', amount: '99800', printed: wan('9.98') },
          { id: 'reception', label: '公务接待费', amount: '8300', printed: wan('0.83') }] },
        { id: 'spending', label: '支出合计', amount: '1479100', items: [
          { id: 'basic', label: '基本支出', amount: '1000000.00' },
          { id: 'project', label: '项目支出', amount: '479100', printed: { text: '47.91', unit: '万元', decimals: 2 } }] },
      ],
    };
    const amounts = async (view, lang) => {
      await page.evaluate(([r, v, l]) => {
        const w = document.getElementById('w');
        w.report = r;
        w.setAttribute('view', v);
        w.setAttribute('lang', l);
      }, [report, view, lang]);
      await page.waitForFunction((v) => document.querySelector('#w').shadowRoot.querySelector('.bl-table tbody tr')?.dataset.path?.startsWith(`${v}/`), view);
      return (await widgetState(page, '#w')).rows.map((r) => r.cells[1]);
    };
    assert.deepEqual(await amounts('three_public', 'zh-CN'), ['0万元', '9.98万元', '0.83万元']);
    assert.deepEqual(await amounts('spending', 'zh-CN'), ['1,000,000.00元', '47.91万元']);
    assert.deepEqual(await amounts('three_public', 'en'), ['CNY 0', 'CNY 99,800', 'CNY 8,300']);
    assert.deepEqual(await amounts('spending', 'en'), ['CNY 1,000,000.00', 'CNY 479,100']);
    assert.equal((await widgetState(page, '#w')).error, null);
  });

  test('a new element connected and given another language in the same turn: one error, in that language', async () => {
    const before = await counts();
    await page.evaluate(() => {
      const w = document.createElement('budget-lens');
      w.id = 'missing';
      w.setAttribute('src', '/tests/browser/fixtures/no-such-report.json');
      document.body.append(w);
      w.setAttribute('lang', 'en');
    });
    await waitReady(page, '#missing');
    const seen = await counts();
    const events = seen.events.slice(before.events.length);
    assert.equal(events.length, 1, JSON.stringify(events));
    assert.deepEqual(events[0].slice(0, 2), ['budget-lens-error', 'load']);
    assert.equal((await widgetState(page, '#missing')).error, 'Cannot show: Cannot read the report (/tests/browser/fixtures/no-such-report.json): HTTP 404');
  });
});

describe('an element taken off the page leaves nothing listening', () => {
  const PAGE = '/tests/browser/pages/leaks.html';
  // Every listener and observer the page registers is counted live, by the list or target it was added to:
  // `matchMedia` returns a new list each call, and a listener removed from another list stays in place.
  const HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>leaks</title>
<script>
  const live = (window.live = { media: [], print: [], observed: new Set(), frames: 0 });
  const addMedia = MediaQueryList.prototype.addEventListener;
  const removeMedia = MediaQueryList.prototype.removeEventListener;
  MediaQueryList.prototype.addEventListener = function (type, fn, ...rest) {
    if (!live.media.some((l) => l.list === this && l.fn === fn)) live.media.push({ list: this, fn, media: this.media });
    return addMedia.call(this, type, fn, ...rest);
  };
  MediaQueryList.prototype.removeEventListener = function (type, fn, ...rest) {
    live.media = live.media.filter((l) => !(l.list === this && l.fn === fn));
    return removeMedia.call(this, type, fn, ...rest);
  };
  const addWindow = window.addEventListener;
  const removeWindow = window.removeEventListener;
  window.addEventListener = function (type, fn, ...rest) {
    if (/print$/.test(type) && !live.print.some((l) => l.type === type && l.fn === fn)) live.print.push({ type, fn });
    return addWindow.call(this, type, fn, ...rest);
  };
  window.removeEventListener = function (type, fn, ...rest) {
    live.print = live.print.filter((l) => !(l.type === type && l.fn === fn));
    return removeWindow.call(this, type, fn, ...rest);
  };
  for (const Observer of [ResizeObserver, MutationObserver]) {
    const observe = Observer.prototype.observe;
    const disconnect = Observer.prototype.disconnect;
    Observer.prototype.observe = function (target, ...args) {
      // A MutationObserver counts when it watches a widget (the test harness's own watch the document).
      if (Observer === ResizeObserver || target.localName === 'budget-lens') live.observed.add(this);
      return observe.call(this, target, ...args);
    };
    Observer.prototype.disconnect = function () {
      live.observed.delete(this);
      return disconnect.call(this);
    };
  }
  const frame = window.requestAnimationFrame;
  window.requestAnimationFrame = (fn) => (live.frames++, frame.call(window, fn));
</script>
${COUNTED_DRAWS}
</head><body>
<budget-lens id="w" src="/tests/browser/fixtures/small-2021.json" view="gpb_by_function" lang="en"></budget-lens>
</body></html>`;

  let page;
  before(async () => {
    page = await openHtmlPage(session, { path: PAGE, html: HTML, selector: '#w', media: { colorScheme: 'light' } });
  });
  after(() => page.close());

  // Two frames, which the count of frames asked for leaves out: media changes are seen, updates done.
  const settle = async () => {
    await afterFrames(page, 2);
    await page.evaluate(() => (window.live.frames -= 2)); // afterFrames' own two requests
  };
  // After settling: the listeners live, the frames asked for and the drawings so far.
  const seen = async () => {
    await settle();
    return page.evaluate(() => {
      const { media, print, observed, frames } = window.live;
      return { media: media.map((l) => l.media).sort(), print: print.map((l) => l.type).sort(), observed: observed.size, frames, draws: window.draws };
    });
  };
  // A change of every kind the controllers watch, one at a time: colour scheme, forced colours, printing, the box.
  const changeEverything = async () => {
    for (const media of [{ colorScheme: 'dark' }, { forcedColors: 'active' }, { colorScheme: 'light', forcedColors: 'none' }]) {
      await page.emulateMedia(media);
      await settle();
    }
    await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
    await page.evaluate(() => document.documentElement.classList.toggle('restyled'));
    await page.setViewportSize({ width: 700, height: 600 });
  };
  const watching = async () => ({
    media: ['(forced-colors: active)', '(prefers-color-scheme: dark)', `(resolution: ${await page.evaluate(() => window.devicePixelRatio)}dppx)`],
    print: ['afterprint', 'beforeprint'],
    observed: 2, // the box (ResizeObserver) and the page's restyling (MutationObserver)
  });

  test('connected: it listens once for each kind of change, and a colour-scheme change redraws it', async () => {
    const before = await seen();
    assert.deepEqual({ media: before.media, print: before.print, observed: before.observed }, await watching());
    await page.emulateMedia({ colorScheme: 'dark' });
    const after = await seen();
    await page.emulateMedia({ colorScheme: 'light' });
    assert.ok(after.draws > before.draws, `redrawn: ${before.draws} → ${after.draws}`);
  });

  test('removed: no listener or observer is left, and no change asks it for a frame', async () => {
    await page.evaluate(() => (window.removed = document.getElementById('w')).remove());
    const before = await seen();
    assert.deepEqual({ media: before.media, print: before.print, observed: before.observed }, { media: [], print: [], observed: 0 });
    await changeEverything();
    const after = await seen();
    assert.deepEqual([after.draws - before.draws, after.frames - before.frames], [0, 0], 'no drawing, no frame asked for');
  });

  test('put back: it listens again once, not twice, and redraws', async () => {
    const before = await seen();
    await page.evaluate(() => document.body.append(window.removed));
    await page.waitForFunction((n) => window.draws > n, before.draws);
    const after = await seen();
    assert.deepEqual({ media: after.media, print: after.print, observed: after.observed }, await watching());
  });
});

describe('a page that restyles the widget after it is drawn', () => {
  const PAGE = '/tests/browser/pages/restyle.html';
  // A site's dark-mode switch: a class on <html> sets the widget's --bl-* properties.
  const HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>restyle</title>
<style>html.night budget-lens { --bl-bg: #101418; --bl-fg: #eeeeee; } html.wide { margin: 0; }</style>
${COUNTED_DRAWS}
</head><body>
<budget-lens id="w" src="/tests/browser/fixtures/small-2021.json" view="gpb_by_function"></budget-lens>
</body></html>`;

  let page;
  before(async () => {
    page = await openHtmlPage(session, { path: PAGE, html: HTML, selector: '#w' });
  });
  after(() => page.close());

  const corner = () => page.evaluate(() => {
    const canvas = document.querySelector('#w').shadowRoot.querySelector('.bl-canvas');
    return [...canvas.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3)];
  });
  const draws = () => page.evaluate(() => window.draws);

  test('a class on <html> that sets --bl-bg redraws the canvas in the new colours', async () => {
    assert.deepEqual(await corner(), [255, 255, 255]);
    await page.evaluate(() => document.documentElement.classList.add('night'));
    await afterFrames(page, 3);
    assert.deepEqual(await corner(), [0x10, 0x14, 0x18]);
    await page.evaluate(() => document.documentElement.classList.remove('night'));
    await afterFrames(page, 3);
    assert.deepEqual(await corner(), [255, 255, 255]);
  });

  test('a class that does not change the look draws nothing', async () => {
    const before = await draws();
    await page.evaluate(() => document.documentElement.classList.add('wide'));
    await page.evaluate(() => document.body.setAttribute('style', 'color: #333'));
    await afterFrames(page, 3);
    assert.equal(await draws(), before);
  });
});
