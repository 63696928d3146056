// Hardening (issue 6): hostile strings in every text field never execute and never break the layout;
// the demo works under a strict Content-Security-Policy; hostile reports end in a clear error within a
// bounded time and leave the tab responsive.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { screenshot, useSession, waitReady, widgetState } from './helpers.mjs';
import { XSS_CORPUS } from './xss-corpus.mjs';

const session = useSession();

/** A report whose every text field holds a corpus string, with findings on hostile labels. */
function hostileReport() {
  const items = XSS_CORPUS.map((s, i) => ({
    id: `n${i}-${s.replace(/\//g, '|').slice(0, 60)}`,
    label: s,
    code: s.slice(0, 80),
    amount: '1.00',
    share: (100 / XSS_CORPUS.length).toFixed(2),
    at: { start: 0, end: 1 },
  }));
  return {
    format: 'budget-lens/1',
    title: XSS_CORPUS[0],
    entity: XSS_CORPUS[1],
    year: 2021,
    phase: 'final',
    unit: '万元',
    source: { url: XSS_CORPUS[6], text: XSS_CORPUS.join('\n') },
    breakdowns: [
      // One cent more than its items: a sum finding whose label is hostile.
      { id: 'root', label: XSS_CORPUS[2], amount: `${XSS_CORPUS.length}.01`, items },
      { id: 'other', label: XSS_CORPUS[4], amount: '5.00', restated: [{ amount: '7.00' }] },
    ],
    relations: [{ id: 'rel', label: XSS_CORPUS[8], left: ['root'], right: ['other'] }],
    unplaced: [{ text: XSS_CORPUS[9], at: { start: 0, end: 2 } }],
  };
}

/** Elements that report text could only have produced by being parsed as markup. */
function injectedElements(page) {
  return page.evaluate(() => {
    const roots = [document, ...[...document.querySelectorAll('budget-lens')].map((e) => e.shadowRoot)];
    const bad = 'img,iframe,object,embed,video,audio,math,marquee,details,input:not([type=file]),form,base,meta[http-equiv],noscript,svg script,a[href^="javascript"]';
    const found = [];
    for (const root of roots) {
      for (const el of root.querySelectorAll(bad)) found.push(el.outerHTML.slice(0, 80));
      for (const el of root.querySelectorAll('*')) {
        for (const attr of el.getAttributeNames()) {
          if (/^on/i.test(attr)) found.push(`${el.tagName} ${attr}`);
        }
      }
    }
    return found;
  });
}

async function trapPage(path) {
  const page = await session.browser.newPage();
  await page.addInitScript(() => {
    window.__xssHits = [];
    window.__xssHit = (n) => window.__xssHits.push(n);
  });
  await page.goto(session.server.url(path));
  return page;
}

describe('hostile strings in every text field', () => {
  let page;
  before(async () => {
    page = await trapPage('/tests/browser/pages/hardening.html');
    await page.evaluate((json) => {
      const el = document.createElement('budget-lens');
      el.id = 'x';
      el.setAttribute('view', 'root');
      el.report = json;
      document.getElementById('box').append(el);
    }, JSON.stringify(hostileReport()));
    await waitReady(page, '#x');
  });
  after(() => page.close());

  test('are shown as text in the title, the table, the findings and the tooltip', async () => {
    const root = (q) => page.evaluate((s) => document.querySelector('#x').shadowRoot.querySelector(s)?.click(), q);
    await root('.bl-table-toggle');
    await root('.bl-badge');
    const state = await widgetState(page, '#x');
    assert.equal(state.error, null);
    assert.equal(state.rows.length, XSS_CORPUS.length);
    assert.equal(state.rows[1].cells[0], XSS_CORPUS[1], 'the label is the exact string');
    assert.ok(state.findings.some((f) => f.includes(XSS_CORPUS[2])), 'the sum finding names the hostile label');
    assert.ok(state.findings.some((f) => f.includes(XSS_CORPUS[8])), 'the relation finding names the hostile label');
    // Hover across the chart so that every tooltip is formed.
    const box = await page.evaluate(() => {
      const r = document.querySelector('#x').shadowRoot.querySelector('.bl-canvas').getBoundingClientRect();
      return { x: r.left, y: r.top, w: r.width, h: r.height };
    });
    let tips = 0;
    for (let i = 1; i < 12; i++) {
      await page.mouse.move(box.x + (box.w * i) / 12, box.y + box.h / 2);
      if ((await widgetState(page, '#x')).tip) tips++;
    }
    assert.ok(tips > 0, 'some tooltip was shown');
    await screenshot(page, 'hardening-xss');
  });

  test('never execute and make no element', async () => {
    assert.deepEqual(await page.evaluate(() => window.__xssHits), []);
    assert.deepEqual(await injectedElements(page), []);
  });

  test('do not break the layout', async () => {
    const layout = await page.evaluate(() => ({
      viewport: window.innerWidth,
      page: document.documentElement.scrollWidth,
      widget: document.querySelector('#x').getBoundingClientRect().width,
      after: document.getElementById('after').getBoundingClientRect().top > 0,
    }));
    assert.ok(layout.page <= layout.viewport, `the page scrolls sideways: ${layout.page} > ${layout.viewport}`);
    assert.ok(layout.widget <= layout.viewport);
    assert.ok(layout.after, 'the host page continues below the widget');
  });
});

describe('hostile text in the builder', () => {
  test('is kept as text in the source view, the report and the preview', async () => {
    const page = await trapPage('/www/builder.html');
    await page.waitForSelector('body[data-ready="true"]');
    const text = `收入总计${XSS_CORPUS.length}.00万元，包括：\n${XSS_CORPUS.slice(0, 37).map((s, i) => `${i + 1}.${s}收入1.00万元。`).join('\n')}`;
    await page.fill('#text', text);
    await page.click('#extract');
    await page.waitForFunction(() => document.getElementById('report-json').value.length > 0);
    await page.waitForTimeout(300);
    const sourceView = await page.textContent('#source-view');
    assert.equal(sourceView.replace(/\r/g, ''), text.replace(/\u0000/g, sourceView.includes('\u0000') ? '\u0000' : ''), 'the text is shown verbatim');
    assert.deepEqual(await page.evaluate(() => window.__xssHits), []);
    assert.deepEqual(await injectedElements(page), []);
    await page.close();
  });
});

describe('a strict Content-Security-Policy', () => {
  test('the demo works fully with no violation', async () => {
    const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
    const page = await session.browser.newPage();
    await page.route('**/*', async (route) => {
      const response = await route.fetch();
      const headers = { ...response.headers() };
      if (route.request().resourceType() === 'document') headers['content-security-policy'] = CSP;
      await route.fulfill({ response, headers });
    });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(session.server.url('/www/index.html'));
    const widgets = await page.$$eval('budget-lens', (els) => els.map((e) => `#${e.id}`));
    assert.ok(widgets.length >= 2);
    for (const id of widgets) await waitReady(page, id);
    for (const id of widgets) assert.equal((await widgetState(page, id)).error, null, id);
    // Interaction under the policy: the table and the findings panel open, the switch redraws.
    const income = '#income';
    const closed = await widgetState(page, income);
    assert.ok(!closed.tableShown && !closed.findingsShown);
    await page.evaluate((id) => {
      const root = document.querySelector(id).shadowRoot;
      root.querySelector('.bl-table-toggle').click();
      root.querySelector('.bl-badge').click();
      root.querySelector('.bl-chart-bar').click();
    }, income);
    const state = await widgetState(page, income);
    assert.ok(state.tableShown && state.findingsShown);
    assert.deepEqual(state.pressed, ['false', 'true']);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    await screenshot(page, 'hardening-csp');
    await page.close();
  });
});

describe('hostile reports in the widget', () => {
  let page;
  before(async () => {
    page = await session.browser.newPage();
    await page.goto(session.server.url('/tests/browser/pages/hardening.html'));
  });
  after(() => page.close());

  /** Gives the widget a report built in the page; returns its error text and the time until it showed. */
  async function load(build) {
    return page.evaluate(async (source) => {
      const make = new Function(`return (${source})()`);
      const text = make();
      const el = document.createElement('budget-lens');
      const box = document.getElementById('box');
      box.replaceChildren(el);
      const t0 = performance.now();
      const done = new Promise((resolve) => {
        el.addEventListener('budget-lens-error', (e) => resolve({ error: e.detail.message }), { once: true });
        el.addEventListener('budget-lens-ready', () => resolve({ error: null }), { once: true });
      });
      el.report = text;
      const result = await done;
      // The tab is still responsive: a timer fires promptly after the result.
      const t1 = performance.now();
      await new Promise((r) => setTimeout(r, 0));
      return { ...result, ms: t1 - t0, lag: performance.now() - t1 };
    }, build.toString());
  }

  const cases = [
    ['50 MB of text', () => `{"format":"budget-lens/1","title":"${'x'.repeat(50 * 1024 * 1024)}"}`, /字节的上限/],
    ['100,001 nodes', () => `{"format":"budget-lens/1","breakdowns":[{"id":"r","label":"x","amount":"1","items":[${Array.from({ length: 100_000 }, (_, i) => `{"id":"n${i}","label":"x","amount":"1"}`).join(',')}]}]}`, /100001 个节点/],
    ['10,000-deep nesting', () => `{"format":"budget-lens/1","breakdowns":[${'{"id":"n","label":"x","amount":"1","items":['.repeat(10_000)}${']}'.repeat(10_000)}]}`, /嵌套/],
    ['a number with 10,000 digits', () => `{"format":"budget-lens/1","breakdowns":[{"id":"a","label":"x","amount":${'9'.repeat(10_000)}}]}`, /超过 28 位/],
    ['duplicate keys', () => '{"format":"budget-lens/1","breakdowns":[{"id":"a","label":"x","amount":"1","amount":"2"}]}', /出现了两次/],
  ];
  for (const [name, build, expected] of cases) {
    test(`${name}: a clear error, quickly, and the tab stays responsive`, async (t) => {
      const { error, ms, lag } = await load(build);
      t.diagnostic(`${name}: ${ms.toFixed(0)} ms to the message, then ${lag.toFixed(0)} ms to the next timer`);
      assert.match(error ?? '(no error)', expected);
      assert.ok(ms < 10_000, `${name} took ${ms} ms`);
      assert.ok(lag < 1_000, `the tab was blocked for ${lag} ms after the result`);
    });
  }

  test('100,000 siblings that are a valid report are drawn', async (t) => {
    const { error, ms } = await load(() => `{"format":"budget-lens/1","breakdowns":[{"id":"r","label":"总计","amount":"99999","items":[${Array.from({ length: 99_999 }, (_, i) => `{"id":"n${i}","label":"项目${i}","amount":"1"}`).join(',')}]}]}`);
    assert.equal(error, null);
    t.diagnostic(`99,999 siblings: drawn after ${ms.toFixed(0)} ms`);
    assert.ok(ms < 10_000, `took ${ms} ms`);
  });

  test('invalid UTF-8 from src is reported as such', async () => {
    const result = await page.evaluate(async () => {
      const el = document.createElement('budget-lens');
      document.getElementById('box').replaceChildren(el);
      const done = new Promise((resolve) => el.addEventListener('budget-lens-error', (e) => resolve(e.detail.message), { once: true }));
      el.setAttribute('src', '/tests/browser/fixtures/invalid-utf8.json');
      return done;
    });
    assert.match(result, /UTF-8/);
  });
});
