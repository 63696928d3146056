// Accessibility of the widget: axe-core on the demo page in every mode, a keyboard-only walk, the live
// region's announcements, and the exports (PNG, SVG, CSV) checked for content.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { afterFrame, ROOT, screenshot, useSession, waitReady, widgetState } from './helpers.mjs';

const AXE = `${ROOT}/tests/browser/node_modules/axe-core/axe.min.js`;
const WIDGETS = ['#by-function', '#expenditure', '#income', '#english'];

const session = useSession({ acceptDownloads: true });

async function openDemo({ colorScheme = 'light', forcedColors = 'none', size = null, lang = null } = {}) {
  const page = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
  await page.emulateMedia({ colorScheme, forcedColors, reducedMotion: 'reduce' });
  await page.goto(session.server.url('/www/index.html'));
  for (const id of WIDGETS) await waitReady(page, id);
  await page.evaluate(
    async ([ids, size, lang]) => {
      for (const id of ids) {
        const host = document.querySelector(id);
        if (size) host.setAttribute('size', size);
        if (lang) host.setAttribute('lang', lang);
      }
    },
    [WIDGETS, size, lang],
  );
  if (lang) for (const id of WIDGETS) await waitReady(page, id);
  // Open the table and the findings panel of every widget.
  await page.evaluate((ids) => {
    for (const id of ids) {
      const root = document.querySelector(id).shadowRoot;
      if (root.querySelector('.bl-table-wrap').hidden) root.querySelector('.bl-table-toggle').click();
      if (root.querySelector('.bl-findings').hidden) root.querySelector('.bl-badge').click();
    }
  }, WIDGETS);
  await afterFrame(page); // the widgets' update for the new size or language
  return page;
}

async function axeViolations(page) {
  await page.addScriptTag({ content: readFileSync(AXE, 'utf8') });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')}: ${n.failureSummary}`) }));
  });
}

describe('axe-core finds no violation on the demo page', () => {
  const modes = {
    default: {},
    dark: { colorScheme: 'dark' },
    large: { size: 'large' },
    'forced-colors': { forcedColors: 'active' },
    'forced-colors-dark': { forcedColors: 'active', colorScheme: 'dark' },
    english: { lang: 'en' },
  };
  for (const [name, mode] of Object.entries(modes)) {
    test(`${name}, with the table and the findings open`, async () => {
      const page = await openDemo(mode);
      try {
        await screenshot(page, `a11y-${name}`);
        const violations = await axeViolations(page);
        assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
        assert.deepEqual(page.errors ?? [], []);
      } finally {
        await page.close();
      }
    });
  }

  test('the chart ground follows the mode: light, dark, high contrast light and dark', async () => {
    const modes = [
      [{}, [255, 255, 255]],
      [{ colorScheme: 'dark' }, [0x1b, 0x1b, 0x1b]],
      [{ forcedColors: 'active' }, [255, 255, 255]],
      [{ forcedColors: 'active', colorScheme: 'dark' }, [0, 0, 0]],
    ];
    const page = await openDemo();
    try {
      for (const [mode, ground] of modes) {
        await page.emulateMedia({ colorScheme: 'light', forcedColors: 'none', ...mode });
        const corner = await page.waitForFunction(
          (want) => {
            const canvas = document.querySelector('#income').shadowRoot.querySelector('.bl-canvas');
            const pixel = [...canvas.getContext('2d').getImageData(1, 1, 1, 1).data.slice(0, 3)];
            return pixel.join() === want.join() && pixel;
          },
          ground,
          { timeout: 3000 },
        );
        assert.deepEqual(await corner.jsonValue(), ground, JSON.stringify(mode));
      }
    } finally {
      await page.close();
    }
  });

  test('every button is at least 44 × 44 px, and 60 × 60 px in the large mode', async () => {
    for (const [size, least] of [[null, 44], ['large', 60]]) {
      const page = await openDemo({ size });
      try {
        const small = await page.evaluate(
          ([ids, least]) =>
            ids.flatMap((id) =>
              [...document.querySelector(id).shadowRoot.querySelectorAll('button')]
                .filter((b) => b.offsetParent !== null)
                .map((b) => ({ text: b.textContent, box: b.getBoundingClientRect() }))
                .filter(({ box }) => box.width < least - 0.5 || box.height < least - 0.5)
                .map(({ text, box }) => `${id} “${text}” ${box.width}×${box.height}`),
            ),
          [WIDGETS, least],
        );
        assert.deepEqual(small, [], `size=${size}`);
      } finally {
        await page.close();
      }
    }
  });

  test('the large mode draws the chart text larger', async () => {
    const heights = [];
    for (const size of [null, 'large']) {
      const page = await openDemo({ size });
      await waitReady(page, '#expenditure');
      heights.push(await page.evaluate(() => document.querySelector('#expenditure').shadowRoot.querySelector('.bl-canvas').clientHeight));
      await page.close();
    }
    assert.ok(heights[1] > heights[0] * 1.3, `bar chart heights ${heights}`);
  });
});

/** The element focused inside the page: `host#id .class` or the tag name outside any widget. */
function focused(page) {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.shadowRoot?.activeElement) {
      const inner = active.shadowRoot.activeElement;
      return `${active.id} ${inner.className || inner.tagName.toLowerCase()}`;
    }
    return active?.id ? `#${active.id}` : active?.tagName.toLowerCase();
  });
}

describe('keyboard only', () => {
  let page;
  before(async () => {
    page = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(session.server.url('/www/index.html'));
    for (const id of WIDGETS) await waitReady(page, id);
    // Live region announcements, as a screen reader would hear them.
    await page.evaluate(() => {
      window.spoken = [];
      const live = document.querySelector('#by-function').shadowRoot.querySelector('.bl-live');
      new MutationObserver(() => window.spoken.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
    });
  });
  after(() => page.close());

  const press = (key) => page.keyboard.press(key);
  const state = () => widgetState(page, '#by-function');

  async function tabTo(target, limit = 40) {
    for (let i = 0; i < limit; i++) {
      if ((await focused(page)) === target) return;
      await press('Tab');
    }
    assert.fail(`Tab never reached ${target}; at ${await focused(page)}`);
  }

  test('Tab walks through every control of a widget and out again (no trap), with a visible focus ring', async () => {
    await page.locator('h1').click(); // start before the first widget
    const seen = [];
    for (let i = 0; i < 60; i++) {
      await press('Tab');
      const at = await focused(page);
      if (at.startsWith('by-function')) seen.push(at.slice('by-function '.length));
      else if (seen.length) break;
      if (at.startsWith('by-function')) {
        const ring = await page.evaluate(() => {
          const inner = document.querySelector('#by-function').shadowRoot.activeElement;
          const style = getComputedStyle(inner);
          return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
        });
        assert.ok(ring.style !== 'none' && ring.width >= 2, `${at}: focus ring ${JSON.stringify(ring)}`);
      }
    }
    for (const control of ['bl-chart-pie', 'bl-chart-bar', 'bl-table-toggle', 'bl-badge', 'bl-export-toggle', 'bl-close', 'bl-finding', 'bl-canvas']) {
      assert.ok(seen.includes(control), `${control} is reachable: ${seen}`);
    }
    assert.ok(!(await focused(page)).startsWith('by-function'), 'Tab leaves the widget');
  });

  test('chart keys: arrows announce, Enter drills, Escape goes up, Space hides and shows a part', async () => {
    await tabTo('by-function bl-canvas');
    await press('Home');
    await press('ArrowRight');
    let s = await state();
    assert.match(s.live, /^一般公共安全支出|^\S+ [\d,.]+万元 [\d.]+%/, s.live);
    const second = s.live.split(' ')[0];
    await press('Space');
    s = await state();
    assert.ok(s.live.endsWith('已隐藏'), `hidden is announced: ${s.live}`);
    await press('Space');
    assert.ok(!(await state()).live.endsWith('已隐藏'), 'shown again');
    assert.equal((await state()).live.split(' ')[0], second, 'focus stays on the part');
    await press('Home');
    await press('Enter');
    s = await state();
    assert.equal(s.crumbs.length, 2, 'drilled into the first part');
    assert.ok(s.live.length > 0);
    await press('Escape');
    assert.equal((await state()).crumbs.length, 1, 'Escape goes up');
    const spoken = await page.evaluate(() => window.spoken);
    assert.ok(spoken.some((t) => t.startsWith('一般公共服务支出') && t.includes('万元')), `a level is announced: ${spoken}`);
    assert.ok(spoken.some((t) => t.includes('，其中')), `the new level's description is announced: ${spoken}`);
  });

  test('the switch, the table, the findings and the export menu work from the keyboard', async () => {
    await tabTo('by-function bl-chart-bar');
    await press('Enter');
    assert.deepEqual((await state()).pressed, ['false', 'true'], 'bars');
    await tabTo('by-function bl-chart-pie');
    await press('Space');
    assert.deepEqual((await state()).pressed, ['true', 'false'], 'pie again');
    await tabTo('by-function bl-table-toggle');
    await press('Enter');
    assert.equal((await state()).tableShown, true);
    await tabTo('by-function bl-export-toggle');
    await press('Enter');
    assert.equal(await focused(page), 'by-function bl-export-png', 'the menu opens on its first entry');
    await press('Escape');
    assert.equal(await focused(page), 'by-function bl-export-toggle', 'Escape closes it and returns');
    const menuHidden = await page.evaluate(() => document.querySelector('#by-function').shadowRoot.querySelector('.bl-export-menu').hidden);
    assert.equal(menuHidden, true);
    // A finding leads to its node.
    await tabTo('by-function bl-finding');
    await press('Enter');
    assert.equal(await focused(page), 'by-function bl-canvas', 'choosing a finding focuses the chart on its node');
    // Drilled in, the breadcrumb (before the tools) takes the keyboard back up.
    await press('Home');
    await press('Enter');
    assert.equal((await state()).crumbs.length, 2, 'drilled in');
    for (let i = 0; i < 40 && (await focused(page)) !== 'by-function bl-crumb'; i++) await press('Shift+Tab');
    assert.equal(await focused(page), 'by-function bl-crumb', 'Shift+Tab reaches the breadcrumb');
    await press('Enter');
    assert.equal((await state()).crumbs.length, 1, 'the breadcrumb goes up');
  });
});

describe('exports', () => {
  let page;
  const HOSTILE = JSON.stringify({
    format: 'budget-lens/1',
    unit: '万元',
    breakdowns: [
      {
        id: 'spend',
        label: '支出 <b>&"',
        amount: '1234.50',
        items: [
          { id: 'a', label: '<script>alert(1)</script>', amount: '1000.25' },
          { id: 'b', label: '=SUM(A1),"x"', amount: '234.25' },
        ],
      },
    ],
  });

  before(async () => {
    page = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
    await page.goto(session.server.url('/www/index.html'));
    for (const id of WIDGETS) await waitReady(page, id);
  });
  after(() => page.close());

  async function exported(selector, kind) {
    await page.evaluate((sel) => {
      const root = document.querySelector(sel).shadowRoot;
      if (root.querySelector('.bl-export-menu').hidden) root.querySelector('.bl-export-toggle').click();
    }, selector);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.evaluate(([sel, k]) => document.querySelector(sel).shadowRoot.querySelector(`.bl-export-${k}`).click(), [selector, kind]),
    ]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  }

  test('PNG: the canvas at device resolution', async () => {
    const { name, bytes } = await exported('#by-function', 'png');
    assert.equal(name, 'gpb_by_function.png');
    assert.deepEqual([...bytes.subarray(1, 4)].map((c) => String.fromCharCode(c)).join(''), 'PNG');
    const size = { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
    const canvas = await page.evaluate(() => {
      const c = document.querySelector('#by-function').shadowRoot.querySelector('.bl-canvas');
      return { width: c.width, height: c.height };
    });
    assert.deepEqual(size, canvas);
    assert.ok(bytes.length > 5000, 'it has a chart in it');
  });

  test('CSV: UTF-8 with BOM, parses back to the table’s figures', async () => {
    await page.evaluate(() => document.querySelector('#expenditure').shadowRoot.querySelector('.bl-table-wrap').hidden || true);
    const { name, bytes } = await exported('#expenditure', 'csv');
    assert.equal(name, 'expenditure.csv');
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'byte-order mark');
    const lines = bytes.toString('utf8').slice(1).trimEnd().split('\r\n').map((l) => l.split(','));
    const table = await widgetState(page, '#expenditure');
    assert.equal(lines[0][0], '项目');
    assert.equal(lines.length, table.rows.length + 2, 'header, rows, total');
    const plain = (text) => text.replace(/[,+]|万元|%/g, '');
    table.rows.forEach((row, i) => {
      assert.equal(lines[i + 1][0], row.cells[0]);
      assert.deepEqual(lines[i + 1].slice(1), row.cells.slice(1).map(plain), `row ${i}`);
    });
    assert.deepEqual(lines.at(-1).slice(0, 2), ['合计', '1550.17']);
  });

  test('SVG and CSV of hostile report text: escaped, never markup or a formula', async () => {
    await page.evaluate((json) => {
      const host = document.querySelector('#income');
      host.removeAttribute('src');
      host.removeAttribute('view');
      host.report = json;
    }, HOSTILE);
    await page.waitForFunction(() => document.querySelector('#income').shadowRoot.querySelector('.bl-title').textContent === '');
    await waitReady(page, '#income');
    const svg = (await exported('#income', 'svg')).bytes.toString('utf8');
    assert.ok(svg.startsWith('<svg'), svg.slice(0, 40));
    assert.ok(!svg.includes('<script>') && svg.includes('&lt;script&gt;'), 'label escaped');
    assert.ok(svg.includes('81.02%'), `figures drawn: ${svg.match(/<text[^>]*>[^<]*/g)?.join('\n')}`);
    const csv = (await exported('#income', 'csv')).bytes.toString('utf8');
    assert.ok(csv.includes('"\'=SUM(A1),""x""",234.25'), csv);
    assert.ok(csv.includes('<script>alert(1)</script>,1000.25'), csv);
  });
});

describe('numbers and print', () => {
  test('printing shows the table and the findings, without the buttons', async () => {
    const page = await session.browser.newPage({ viewport: { width: 1000, height: 900 } });
    try {
      await page.goto(session.server.url('/www/index.html'));
      for (const id of WIDGETS) await waitReady(page, id);
      await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
      const shown = await page.evaluate(() => {
        const root = document.querySelector('#income').shadowRoot;
        const display = (q) => getComputedStyle(root.querySelector(q)).display;
        return { table: display('.bl-table-wrap'), findings: display('.bl-findings'), tools: display('.bl-tools'), color: getComputedStyle(root.querySelector('.bl')).color };
      });
      assert.notEqual(shown.table, 'none');
      assert.notEqual(shown.findings, 'none');
      assert.equal(shown.tools, 'none');
      assert.equal(shown.color, 'rgb(0, 0, 0)', 'black text even in dark mode');
      const pdf = await page.pdf({ format: 'A4' });
      assert.ok(pdf.length > 10_000);
    } finally {
      await page.close();
    }
  });
});
