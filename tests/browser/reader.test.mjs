// What decides whether a reader trusts the widget at a glance (issue 11): tooltips inside the widget and off
// what they describe, a touch card in the flow, the way back from a finding, the host page's look (theme and
// --bl-* custom properties on the canvas), focus marks for the keyboard only, accessible names, warnings
// announced, motion, distinct buttons, English punctuation, part names. The real sample report throughout.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { afterFrame, findColor, screenshot, startBrowser, useSession, waitReady, widgetState } from './helpers.mjs';

const SAMPLE = '/www/reports/panjin-xinglongtai-2021.json';
const NAVY = [0x18, 0x36, 0x7c]; // the light theme's first series colour
const ORANGE = [0xdb, 0x71, 0x0e]; // its second

const session = useSession();

/** A page (the hardening page: no widget of its own) with one widget `#w` of `attributes`, and `css` for the
 *  host page. */
async function widgetPage(attributes, { css = '', viewport = { width: 1000, height: 900 }, media = {}, context = session.browser } = {}) {
  const page = await context.newPage({ viewport });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'no-preference', ...media });
  await page.goto(session.server.url('/tests/browser/pages/hardening.html'));
  await page.evaluate(
    ([attrs, style]) => {
      if (style) document.head.append(Object.assign(document.createElement('style'), { textContent: style }));
      const el = document.createElement('budget-lens');
      el.id = 'w';
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      document.getElementById('box').append(el);
    },
    [{ src: SAMPLE, ...attributes }, css],
  );
  await waitReady(page, '#w');
  return page;
}

/** Boxes (viewport pixels) of the tooltip, the chart's stage and the canvas, after the next frame (the
 *  widget's update). */
function boxes(page) {
  return page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => done()));
    const root = document.querySelector('#w').shadowRoot;
    const box = (q) => {
      const node = root.querySelector(q);
      if (!node || node.hidden) return null;
      const { left, top, right, bottom } = node.getBoundingClientRect();
      return { left, top, right, bottom };
    };
    return { tip: box('.bl-tip'), stage: box('.bl-stage'), canvas: box('.bl-canvas'), card: root.querySelector('.bl-tip')?.classList.contains('bl-tip-card') };
  });
}

const inside = (inner, outer) => inner.left >= outer.left - 0.5 && inner.top >= outer.top - 0.5 && inner.right <= outer.right + 0.5 && inner.bottom <= outer.bottom + 0.5;
const covers = (box, x, y) => x >= box.left && x <= box.right && y >= box.top && y <= box.bottom;

/** The canvas as a data URL after the next frame (the widget's update), to compare two drawings. */
const drawing = (page) =>
  page.evaluate(async () => {
    await new Promise((done) => requestAnimationFrame(() => done()));
    return document.querySelector('#w').shadowRoot.querySelector('.bl-canvas').toDataURL();
  });

describe('tooltips', () => {
  test('stay inside the widget and never cover the point they describe (donut and bars, zh and en)', async () => {
    for (const attrs of [{ view: 'gpb_by_function', chart: 'donut' }, { view: 'gpb_by_function', chart: 'bar', lang: 'en' }, { view: 'admin_costs', chart: 'pie' }]) {
      const page = await widgetPage(attrs);
      try {
        for (const colour of [NAVY, ORANGE]) {
          const at = await findColor(page, '#w', colour, { minY: 30 });
          if (!at) continue;
          await page.mouse.move(at.x, at.y);
          const b = await boxes(page);
          assert.ok(b.tip, `${JSON.stringify(attrs)}: a tooltip`);
          assert.ok(inside(b.tip, b.stage), `${JSON.stringify(attrs)}: ${JSON.stringify(b)}`);
          assert.ok(!covers(b.tip, at.x, at.y), `${JSON.stringify(attrs)}: covers the pointer at ${at.x},${at.y}: ${JSON.stringify(b.tip)}`);
          if (attrs.chart === 'bar') assert.ok(b.tip.bottom <= at.y - 8 || b.tip.top >= at.y + 8, 'off the bar’s row');
        }
        await screenshot(page, `tooltip-${attrs.chart}-${attrs.lang ?? 'zh'}`);
      } finally {
        await page.close();
      }
    }
  });

  test('on touch the tooltip is a card in the flow below the chart, not a box over it', async () => {
    const touch = await startBrowser({ hasTouch: true, isMobile: true, viewport: { width: 360, height: 740 } });
    try {
      const page = await widgetPage({ view: 'gpb_by_function', chart: 'donut' }, { context: touch, viewport: { width: 360, height: 740 } });
      const at = await findColor(page, '#w', NAVY);
      await page.touchscreen.tap(at.x, at.y);
      const b = await boxes(page);
      assert.ok(b.card && b.tip, 'a card');
      assert.ok(b.tip.top >= b.canvas.bottom - 0.5, `below the chart: ${JSON.stringify(b)}`);
      assert.equal((await widgetState(page, '#w')).tipLines[0], '一般公共服务支出');
      await screenshot(page, 'touch-card');
      await page.close();
    } finally {
      await touch.close();
    }
  });
});

test('choosing a finding in another breakdown keeps the way back in the breadcrumb', async () => {
  const page = await widgetPage({ view: 'income', chart: 'pie', findings: '' });
  try {
    const host = page.locator('#w');
    await host.locator('.bl-finding[data-path="gpb_by_function/housing"]').first().click();
    let state = await widgetState(page, '#w');
    assert.deepEqual(state.crumbs, ['收入总计', '一般公共预算财政拨款支出']);
    const origin = host.locator('.bl-crumbs .bl-origin');
    assert.equal(await origin.textContent(), '收入总计');
    await screenshot(page, 'finding-way-back');
    await origin.click();
    state = await widgetState(page, '#w');
    assert.deepEqual(state.crumbs, ['收入总计'], 'back where the reader started');
  } finally {
    await page.close();
  }
});

describe('the host page decides the look', () => {
  const ground = (page) =>
    page.evaluate(() => [...document.querySelector('#w').shadowRoot.querySelector('.bl-canvas').getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3)]);

  test('a reader who prefers dark gets a dark widget only on a page that declares a dark scheme', async () => {
    const cases = [
      ['', {}, [255, 255, 255]],
      [':root { color-scheme: light only }', {}, [255, 255, 255]],
      [':root { color-scheme: light dark }', {}, [0x1b, 0x1b, 0x1b]],
      [':root { color-scheme: light dark }', { theme: 'light' }, [255, 255, 255]],
      ['', { theme: 'dark' }, [0x1b, 0x1b, 0x1b]],
    ];
    for (const [css, attrs, want] of cases) {
      const page = await widgetPage({ view: 'gpb_by_function', ...attrs }, { css, media: { colorScheme: 'dark' } });
      assert.deepEqual(await ground(page), want, `${css} ${JSON.stringify(attrs)}`);
      await page.close();
    }
  });

  test('the --bl-* custom properties reach the canvas, and faint colours are mended', async () => {
    const css = 'budget-lens { --bl-bg: #fdf6e3; --bl-fg: #eeeeee; --bl-series: #268bd2 #ffee88; }';
    const page = await widgetPage({ view: 'gpb_by_function', chart: 'bar' }, { css, media: { colorScheme: 'dark' } });
    try {
      assert.deepEqual(await ground(page), [0xfd, 0xf6, 0xe3], 'the page’s ground');
      assert.ok(await findColor(page, '#w', [0x26, 0x8b, 0xd2], { minY: 30 }), 'the page’s first series colour');
      assert.equal(await findColor(page, '#w', [0xee, 0xee, 0xee]), null, 'text too faint for the ground is not drawn as given');
      assert.equal(await findColor(page, '#w', [0xff, 0xee, 0x88], { minY: 30 }), null, 'nor a series colour below 3:1');
      await screenshot(page, 'custom-properties');
    } finally {
      await page.close();
    }
  });
});

test('the keyboard focus mark shows for the keyboard only, never after a click', async () => {
  const page = await widgetPage({ view: 'admin_costs', chart: 'bar' });
  try {
    const at = await findColor(page, '#w', NAVY, { minY: 30 });
    await page.mouse.move(at.x, at.y);
    await page.waitForTimeout(300); // the hover's 150 ms transition comes to rest
    const hovered = await drawing(page);
    await page.mouse.down();
    await page.mouse.up();
    const state = await widgetState(page, '#w');
    assert.equal(state.active, 'bl-canvas', 'the click focused the chart');
    assert.equal(await drawing(page), hovered, 'no focus mark: the hovered part alone');
    // From the keyboard the mark is drawn.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    assert.notEqual(await drawing(page), hovered, 'the keyboard draws its focus mark');
  } finally {
    await page.close();
  }
});

describe('accessibility', () => {
  test('names say what each control is and where the reader is', async () => {
    const page = await widgetPage({ view: 'gpb_by_function', chart: 'donut', findings: '' });
    try {
      const names = await page.evaluate(() => {
        const root = document.querySelector('#w').shadowRoot;
        const canvas = root.querySelector('.bl-canvas');
        return {
          crumbs: root.querySelector('.bl-crumbs').getAttribute('aria-label'),
          switch: root.querySelector('.bl-switch').getAttribute('aria-label'),
          close: root.querySelector('.bl-close').getAttribute('aria-label'),
          role: canvas.getAttribute('role'),
          roledescription: canvas.getAttribute('aria-roledescription'),
          description: root.getElementById('bl-description').textContent,
          parts: [...root.querySelectorAll('[part]')].map((n) => n.getAttribute('part')).sort(),
        };
      });
      assert.equal(names.crumbs, '层级路径：一般公共预算财政拨款支出', 'no “back” with nothing to go back to');
      assert.equal(names.switch, '图表类型');
      assert.equal(names.close, '关闭数据核对');
      assert.equal(names.role, 'application', 'an interactive control, not an image');
      assert.equal(names.roledescription, '交互式图表');
      assert.ok(names.description.startsWith('一般公共预算财政拨款支出1,550.17万元，其中'), names.description);
      assert.deepEqual(names.parts, ['badge', 'breadcrumb', 'chart', 'error', 'findings', 'table', 'title', 'tooltip']);
    } finally {
      await page.close();
    }
  });

  test('zero items are never described as the largest parts', async () => {
    const page = await widgetPage({ view: 'income', chart: 'pie' });
    try {
      const description = await page.evaluate(() => document.querySelector('#w').shadowRoot.getElementById('bl-description').textContent);
      assert.ok(description.includes('财政拨款收入'), description);
      assert.ok(!/0(\.00)?万元，占0\.00%/.test(description), description);
    } finally {
      await page.close();
    }
  });

  test('focusing a part with a warning announces the warning', async () => {
    const page = await widgetPage({ view: 'gpb_by_function', chart: 'bar' });
    try {
      await page.locator('#w .bl-badge').focus();
      for (let i = 0; i < 20 && (await widgetState(page, '#w')).active !== 'bl-canvas'; i++) await page.keyboard.press('Tab');
      let live = '';
      for (let i = 0; i < 4 && !live.includes('住房保障支出'); i++) {
        await page.keyboard.press('ArrowDown');
        live = (await widgetState(page, '#w')).live;
      }
      assert.ok(live.includes('住房保障支出') && live.includes('警告：'), live);
    } finally {
      await page.close();
    }
  });
});

describe('motion', () => {
  for (const reducedMotion of ['no-preference', 'reduce']) {
    test(`hovering a slice: ${reducedMotion}`, async () => {
      const page = await widgetPage({ view: 'gpb_by_function', chart: 'pie' }, { media: { reducedMotion } });
      try {
        const at = await findColor(page, '#w', NAVY, { minY: 30 });
        assert.ok(at, 'the largest slice');
        // Every frame's drawing for 400 ms after the move, from the frame that follows it (the widget
        // updates once per frame): a transition draws the hover first without its emphasis and then with it
        // (two or more drawings, however few frames a loaded machine gives); no transition draws it in full
        // at once (one drawing).
        const drawings = await page.evaluate(async ({ x, y }) => {
          const canvas = document.querySelector('#w').shadowRoot.querySelector('.bl-canvas');
          const seen = new Set();
          canvas.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, pointerType: 'mouse', bubbles: true }));
          const start = performance.now();
          while (performance.now() - start < 400) {
            await new Promise((done) => requestAnimationFrame(done));
            seen.add(canvas.toDataURL());
          }
          return seen.size;
        }, at);
        if (reducedMotion === 'reduce') assert.equal(drawings, 1, 'the hover is drawn in full at once');
        else assert.ok(drawings >= 2, `the slice moves out over the transition (${drawings} drawings)`);
      } finally {
        await page.close();
      }
    });

    test(`drilling down and switching charts: ${reducedMotion}`, async () => {
      const page = await widgetPage({ view: 'gpb_by_function', chart: 'pie' }, { media: { reducedMotion } });
      try {
        await page.locator('#w .bl-chart-bar').click();
        await afterFrame(page);
        const animations = await page.evaluate(() =>
          document
            .querySelector('#w')
            .shadowRoot.querySelector('.bl-canvas')
            .getAnimations()
            .map((a) => a.effect.getTiming().duration),
        );
        if (reducedMotion === 'reduce') assert.deepEqual(animations, [], 'nothing moves');
        else assert.ok(animations.length === 1 && animations[0] > 0 && animations[0] <= 300, JSON.stringify(animations));
      } finally {
        await page.close();
      }
    });
  }
});

test('the table toggle does not look like a third choice of the pie/bar switch', async () => {
  const page = await widgetPage({ view: 'gpb_by_function', chart: 'pie', table: '' });
  try {
    const looks = await page.evaluate(() => {
      const root = document.querySelector('#w').shadowRoot;
      const look = (q) => getComputedStyle(root.querySelector(q)).backgroundColor;
      const gap = root.querySelector('.bl-table-toggle').getBoundingClientRect().left - root.querySelector('.bl-chart-bar').getBoundingClientRect().right;
      return { pie: look('.bl-chart-pie'), table: look('.bl-table-toggle'), pressed: root.querySelector('.bl-table-toggle').getAttribute('aria-pressed'), gap };
    });
    assert.equal(looks.pressed, 'true');
    assert.notEqual(looks.table, looks.pie, 'an open table is not filled like the chosen chart');
    assert.ok(looks.gap >= 8, `set apart: ${looks.gap}px`);
  } finally {
    await page.close();
  }
});

test('English UI text has no full-width punctuation', async () => {
  const page = await widgetPage({ view: 'gpb_by_function', chart: 'bar', lang: 'en', table: '', findings: '' });
  try {
    const texts = await page.evaluate(() => {
      const root = document.querySelector('#w').shadowRoot;
      const labels = new Set(['一般公共预算财政拨款支出', '一般公共服务支出', '社会保障和就业支出', '卫生健康支出', '住房保障支出']);
      return [...root.querySelectorAll('button, caption, th, td, .bl-level-note li, #bl-description')]
        .map((n) => n.textContent)
        .map((t) => [...labels].reduce((acc, l) => acc.replaceAll(l, ''), t));
    });
    const wide = texts.filter((t) => /[（）：，；]/.test(t));
    assert.deepEqual(wide, []);
  } finally {
    await page.close();
  }
});

test('the level whose total disagrees with its parts says so on that level', async () => {
  const page = await widgetPage({ view: 'gpb_by_function/housing', chart: 'donut' });
  try {
    const note = await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('.bl-level-note')?.textContent ?? '');
    assert.ok(note.includes('警告：与明细合计相差0.01万元'), note);
    await screenshot(page, 'level-note');
  } finally {
    await page.close();
  }
});

test('on a phone a long legend pages instead of pushing the chart down, and the keyboard turns its pages', async () => {
  const page = await widgetPage({ view: 'income', chart: 'pie' }, { viewport: { width: 360, height: 740 } });
  try {
    const height = await page.evaluate(() => document.querySelector('#w').shadowRoot.querySelector('.bl-canvas').clientHeight);
    // Eight items: four legend rows and the pager (44 px each) under a pie of at most 320 px.
    assert.ok(height <= 320 + 5 * 44 + 20, `${height}px`);
    await page.locator('#w .bl-badge').focus();
    for (let i = 0; i < 20 && (await widgetState(page, '#w')).active !== 'bl-canvas'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('End');
    const state = await widgetState(page, '#w');
    assert.equal(state.tipLines[0], '上年结转和结余', 'the last item, on the legend’s last page, has its tooltip');
    await screenshot(page, 'phone-legend-pages');
  } finally {
    await page.close();
  }
});
