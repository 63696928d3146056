// The widget on the demo page: drawing, hover, drill-down, breadcrumb, keyboard, legend, switch, table,
// findings, high-DPI and resizing. Runs against the real sample report.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { findColor, inkPixels, ROOT, screenshot, startBrowser, useSession, waitReady, widgetState } from './helpers.mjs';

const SAMPLE = 'www/reports/panjin-xinglongtai-2021.json';
const report = JSON.parse(readFileSync(`${ROOT}/${SAMPLE}`, 'utf8'));
const nodeAt = (path) => path.split('/').slice(1).reduce((n, id) => n.items.find((c) => c.id === id), report.breakdowns.find((b) => b.id === path.split('/')[0]));
const BLUE = [0x18, 0x36, 0x7c]; // the first series colour (navy)

// The checker's findings from the command line: the same core, run natively.
function cliFindings(lang) {
  const out = execFileSync('cargo', ['run', '-q', '--bin', 'budget-lens', '--', 'check', '--json', '--lang', lang, SAMPLE], {
    cwd: ROOT,
    encoding: 'utf8',
  }).toString();
  return JSON.parse(out).findings;
}

let page;

const session = useSession();

async function openDemo(viewport = { width: 1000, height: 900 }) {
  page = await session.browser.newPage({ viewport });
  await page.goto(session.server.url('/www/index.html'));
  for (const id of ['#by-function', '#expenditure', '#income', '#english']) await waitReady(page, id);
  return page;
}

describe('demo page', () => {
  before(() => openDemo());
  after(() => page.close());

  test('every widget draws a chart (non-blank pixels)', async () => {
    for (const id of ['#by-function', '#expenditure', '#income', '#english']) {
      const { ink, width, height } = await inkPixels(page, id);
      assert.ok(width > 300 && height > 100, `${id} canvas ${width}×${height}`);
      assert.ok(ink > 2000, `${id} has ${ink} drawn pixels`);
    }
    await screenshot(page, 'demo-desktop');
    assert.deepEqual(page.errors ?? [], []);
  });

  test('the chart has a name and a one-sentence description for screen readers', async () => {
    const { name, description } = await page.evaluate(() => {
      const root = document.querySelector('#by-function').shadowRoot;
      const canvas = root.querySelector('.bl-canvas');
      return {
        name: canvas.getAttribute('aria-label'),
        description: root.getElementById(canvas.getAttribute('aria-describedby').split(' ')[0]).textContent,
      };
    });
    assert.equal(name, '一般公共预算财政拨款支出', 'the accessible name is the breakdown’s title');
    assert.ok(description.startsWith('一般公共预算财政拨款支出1,550.17万元，其中一般公共服务支出1,302.65万元，占84.03%；'), description);
  });

  test('hovering a slice shows its label and amount', async () => {
    const at = await findColor(page, '#by-function', BLUE);
    assert.ok(at, 'the largest slice is drawn in the first colour');
    await page.mouse.move(at.x, at.y);
    const state = await widgetState(page, '#by-function');
    assert.ok(state.tip, 'a tooltip shows');
    assert.equal(state.tipLines[0], '一般公共服务支出');
    assert.equal(state.tipLines[1], '1,302.65万元');
    assert.ok(state.tip.includes('占比：84.03%'), state.tip);
    await page.locator('#by-function').screenshot({ path: `${ROOT}/tests/browser/screenshots/hover.png` });
    await page.mouse.move(1, 1);
    assert.equal((await widgetState(page, '#by-function')).tip, null, 'leaving hides the tooltip');
  });

  test('clicking a slice drills down, fires select, and the breadcrumb goes back', async () => {
    const selected = page.evaluate(
      () => new Promise((resolve) => document.addEventListener('budget-lens-select', (e) => resolve(e.detail), { once: true })),
    );
    const at = await findColor(page, '#by-function', BLUE);
    await page.mouse.click(at.x, at.y);
    assert.deepEqual(await selected, {
      path: 'gpb_by_function/general_public_services',
      label: '一般公共服务支出',
      amount: '1302.65',
      share: '84.03',
    });
    let state = await widgetState(page, '#by-function');
    assert.deepEqual(state.crumbs, ['一般公共预算财政拨款支出', '一般公共服务支出']);
    await page.locator('#by-function').screenshot({ path: `${ROOT}/tests/browser/screenshots/drilled.png` });
    await page.locator('#by-function').locator('.bl-crumbs button').first().click();
    state = await widgetState(page, '#by-function');
    assert.deepEqual(state.crumbs, ['一般公共预算财政拨款支出']);
  });

  test('the table lists exactly the items of the current level', async () => {
    const host = page.locator('#by-function');
    await host.locator('.bl-table-toggle').click();
    let state = await widgetState(page, '#by-function');
    assert.ok(state.tableShown);
    const expected = nodeAt('gpb_by_function').items;
    assert.deepEqual(state.rows.map((r) => r.path), expected.map((n) => `gpb_by_function/${n.id}`));
    assert.deepEqual(state.rows.map((r) => r.cells[0]), expected.map((n) => n.label));
    assert.equal(state.headers[0], '项目');
    assert.ok(state.headers.includes('金额') && state.headers.includes('占比'));
    // Drill into the first class: the table follows.
    await host.locator('.bl-table .bl-drill').first().click();
    state = await widgetState(page, '#by-function');
    const level = nodeAt('gpb_by_function/general_public_services').items;
    assert.deepEqual(state.rows.map((r) => r.cells[0]), level.map((n) => n.label));
    assert.ok(state.rows[0].cells[1].startsWith(Number(level[0].amount).toLocaleString('en', { minimumFractionDigits: 2 })));
    await host.locator('.bl-crumbs button').first().click();
    await host.locator('.bl-table-toggle').click();
    assert.equal((await widgetState(page, '#by-function')).tableShown, false);
  });

  test('arrow keys move the focus, Enter drills down and Escape goes back up', async () => {
    const host = page.locator('#by-function');
    await host.locator('.bl-badge').focus();
    for (let i = 0; i < 30 && (await widgetState(page, '#by-function')).active !== 'bl-canvas'; i++) await page.keyboard.press('Tab');
    let state = await widgetState(page, '#by-function');
    assert.equal(state.active, 'bl-canvas', 'Tab reaches the chart');
    const items = nodeAt('gpb_by_function').items;
    assert.equal(state.tipLines[0], items[0].label, 'focus starts on the first slice');
    const before = await inkPixels(page, '#by-function');
    await page.keyboard.press('ArrowRight');
    state = await widgetState(page, '#by-function');
    assert.equal(state.tipLines[0], items[1].label);
    assert.ok(state.live.includes(items[1].label), 'the live region names the focused slice');
    const after = await inkPixels(page, '#by-function');
    assert.notEqual(after.ink, before.ink, 'the focus mark moved');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    state = await widgetState(page, '#by-function');
    assert.equal(state.tipLines[0], items.at(-1).label, 'arrows wrap around');
    await page.keyboard.press('End');
    assert.equal((await widgetState(page, '#by-function')).tipLines[0], items.at(-1).label, 'End: the last');
    await page.keyboard.press('Home');
    assert.equal((await widgetState(page, '#by-function')).tipLines[0], items[0].label, 'Home: the first');
    await page.keyboard.press('Enter');
    state = await widgetState(page, '#by-function');
    assert.deepEqual(state.crumbs, ['一般公共预算财政拨款支出', items[0].label]);
    await page.locator('#by-function').screenshot({ path: `${ROOT}/tests/browser/screenshots/keyboard.png` });
    await page.keyboard.press('Escape');
    state = await widgetState(page, '#by-function');
    assert.deepEqual(state.crumbs, ['一般公共预算财政拨款支出']);
    assert.equal(state.tipLines[0], items[0].label, 'back up, focus is on the slice we came from');
  });

  test('the findings are listed in the widget language and choosing one highlights its node', async () => {
    const expected = cliFindings('zh');
    assert.ok(expected.length >= 2, 'the sample has findings');
    const state = await widgetState(page, '#by-function');
    assert.ok(state.findingsShown, 'the demo opens the findings panel');
    assert.equal(state.findings.length, expected.length);
    expected.forEach((f, i) => assert.ok(state.findings[i].includes(f.message), `finding ${i}: ${state.findings[i]}`));
    const counts = ['error', 'warning', 'note'].map((s) => expected.filter((f) => f.severity === s).length);
    assert.ok(state.badge.startsWith('数据核对：'), state.badge);
    if (counts[1]) assert.ok(state.badge.includes(`${counts[1]} 处警告`), state.badge);
    if (counts[2]) assert.ok(state.badge.includes(`${counts[2]} 处提示`), state.badge);

    const target = expected.find((f) => f.path.includes('/'));
    const host = page.locator('#by-function');
    await host.locator('.bl-table-toggle').click();
    await host.locator(`.bl-finding[data-path="${target.path}"]`).first().click();
    const after = await widgetState(page, '#by-function');
    const parent = target.path.split('/').slice(0, -1).join('/');
    assert.equal(after.crumbs.at(-1), nodeAt(parent).label, 'the view of the node is open');
    assert.equal(after.active, 'bl-canvas');
    assert.equal(after.tipLines[0], target.label, 'the node is focused and its tooltip shown');
    // The tooltip says it short (severity, what differs, by how much, no minus sign); the panel has it whole.
    const short = after.tipLines.find((line) => line.startsWith(target.severity === 'error' ? '错误：' : '警告：'));
    assert.ok(short && short.endsWith('（详见数据核对）') && !short.includes('-'), after.tip);
    assert.ok(short.length < target.message.length, `${short} / ${target.message}`);
    assert.deepEqual(after.rows.filter((r) => r.highlighted).map((r) => r.path), [target.path]);
    await page.locator('#by-function').screenshot({ path: `${ROOT}/tests/browser/screenshots/finding.png` });
    await host.locator('.bl-table-toggle').click();
  });

  test('a legend click hides the slice and another shows it again', async () => {
    const host = '#by-function';
    // The legend sits right of the pie on a wide screen; its first row has the first colour's swatch.
    const legendRow = await findColor(page, host, BLUE, { minX: 0.6 });
    assert.ok(legendRow && legendRow.count < 300, 'a legend swatch');
    await page.mouse.move(legendRow.x, legendRow.y);
    assert.equal((await widgetState(page, host)).tipLines[0], '一般公共服务支出', 'a legend row shows its tooltip');
    const before = await findColor(page, host, BLUE);
    await page.mouse.click(legendRow.x, legendRow.y);
    const hidden = await findColor(page, host, BLUE);
    assert.ok(!hidden || hidden.count < before.count / 10, 'the largest slice is gone (its swatch stays grey)');
    await page.mouse.click(legendRow.x, legendRow.y);
    const shown = await findColor(page, host, BLUE);
    assert.ok(shown.count > before.count * 0.9, 'and back');
  });

  test('the switch toggles pie and bar', async () => {
    const host = page.locator('#by-function');
    await host.locator('.bl-chart-bar').click();
    let state = await widgetState(page, '#by-function');
    assert.deepEqual(state.pressed, ['false', 'true']);
    const bars = await inkPixels(page, '#by-function');
    await page.locator('#by-function').screenshot({ path: `${ROOT}/tests/browser/screenshots/bars.png` });
    // The table beside a bar chart reads in the bars' order, largest first (housing 65.91 before health 50.44,
    // the reverse of the report's order); beside a pie, in the report's order.
    await host.locator('.bl-table-toggle').click();
    const byAmount = [...nodeAt('gpb_by_function').items].sort((a, b) => Number(b.amount) - Number(a.amount));
    assert.deepEqual((await widgetState(page, '#by-function')).rows.map((r) => r.cells[0]), byAmount.map((n) => n.label));
    await host.locator('.bl-chart-pie').click();
    assert.deepEqual((await widgetState(page, '#by-function')).rows.map((r) => r.cells[0]), nodeAt('gpb_by_function').items.map((n) => n.label));
    await host.locator('.bl-table-toggle').click();
    await host.locator('.bl-chart-bar').click();
    await host.locator('.bl-chart-pie').click();
    state = await widgetState(page, '#by-function');
    assert.deepEqual(state.pressed, ['true', 'false']);
    assert.notEqual((await inkPixels(page, '#by-function')).height, bars.height);
  });

  test('lang="en" shows English UI and English findings', async () => {
    const state = await widgetState(page, '#english');
    assert.ok(state.badge.startsWith('Checks: '), state.badge);
    const text = await page.evaluate(() => document.querySelector('#english').shadowRoot.querySelector('.bl-tools').textContent);
    assert.ok(text.includes('Pie') && text.includes('Bars') && text.includes('Table'), text);
    const messages = cliFindings('en').map((f) => f.message);
    await page.locator('#english .bl-badge').click();
    const opened = await widgetState(page, '#english');
    messages.forEach((m, i) => assert.ok(opened.findings[i].includes(m), opened.findings[i]));
    const at = await findColor(page, '#english', BLUE, { minY: 30 });
    await page.mouse.move(at.x, at.y);
    const hovered = await widgetState(page, '#english');
    // English amounts as English readers write money, exact: 1,302.65万元 is CNY 13,026,500.
    assert.ok(hovered.tipLines.includes('CNY 13,026,500') && /Share: /.test(hovered.tip), hovered.tip);
    assert.ok(!/10k yuan|[（）：]/.test(hovered.tip), hovered.tip);
  });
});

describe('screens', () => {
  test('crisp at devicePixelRatio 2', async () => {
    const hiDpi = await startBrowser({ deviceScaleFactor: 2 });
    try {
      const p = await hiDpi.newPage();
      await p.goto(session.server.url('/www/index.html'));
      await waitReady(p, '#by-function');
      const { width, cssWidth, ink } = await inkPixels(p, '#by-function');
      assert.equal(width, cssWidth * 2, 'backing store at device resolution');
      assert.ok(ink > 4000);
      await p.locator('#by-function').screenshot({ path: `${ROOT}/tests/browser/screenshots/dpr2.png` });
    } finally {
      await hiDpi.close();
    }
  });

  // Headless Chromium does not report a devicePixelRatio-only change made by emulation (no media query change,
  // no device-pixel ResizeObserver entry), so this changes the window too: the redraw must use the new ratio.
  test('redrawn at the new resolution when the window moves to a 2× screen', async () => {
    const p = await session.browser.newPage();
    await p.goto(session.server.url('/www/index.html'));
    await waitReady(p, '#income');
    const before = await inkPixels(p, '#income');
    assert.equal(before.width, before.cssWidth);
    const cdp = await session.browser.context.newCDPSession(p);
    await cdp.send('Emulation.setDeviceMetricsOverride', { width: 900, height: 800, deviceScaleFactor: 2, mobile: false });
    await p.waitForFunction(() => {
      const canvas = document.querySelector('#income').shadowRoot.querySelector('.bl-canvas');
      return canvas.width === canvas.clientWidth * 2;
    });
    assert.ok((await inkPixels(p, '#income')).ink > before.ink * 2, 'drawn again at twice the pixels');
    await p.close();
  });

  test('a 360 px phone shows every widget within the screen', async () => {
    const p = await openDemo({ width: 360, height: 740 });
    const overflow = await p.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(overflow <= 360, `page is ${overflow}px wide`);
    for (const id of ['#by-function', '#expenditure', '#income', '#english']) {
      const { cssWidth, ink } = await inkPixels(p, id);
      assert.ok(cssWidth <= 340 && ink > 1000, `${id}: ${cssWidth}px, ${ink} ink`);
    }
    await p.locator('#by-function').screenshot({ path: `${ROOT}/tests/browser/screenshots/phone-pie.png` });
    await p.locator('#english').screenshot({ path: `${ROOT}/tests/browser/screenshots/phone-bars.png` });
    // Touch: a first tap shows the tooltip, a second one drills down.
    const at = await findColor(p, '#by-function', BLUE);
    await p.close();
    const touch = await startBrowser({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
    try {
      const t = await touch.newPage();
      await t.goto(session.server.url('/www/index.html'));
      await waitReady(t, '#by-function');
      const spot = await findColor(t, '#by-function', BLUE);
      assert.ok(spot && at);
      await t.touchscreen.tap(spot.x, spot.y);
      let state = await widgetState(t, '#by-function');
      assert.equal(state.tipLines[0], '一般公共服务支出');
      assert.equal(state.crumbs.length, 1);
      await t.touchscreen.tap(spot.x, spot.y);
      state = await widgetState(t, '#by-function');
      assert.equal(state.crumbs.length, 2);
    } finally {
      await touch.close();
    }
  });
});
