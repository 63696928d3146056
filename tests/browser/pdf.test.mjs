// The builder page reads PDFs with pdf.js (www/builder/pdf.js) and lays the runs out with the same Rust
// code as the CLI (the builder wasm's pdfGrids). For every corpus PDF, each page's text and the grid of
// each table page must equal what the native reader gives (recorded in tests/data/tables/NAME.grids.json
// by crates/tables/tests/tables/pdf_recorded.rs, which fails whenever the native output changes). pdf.js is
// fetched by the builder page only when a PDF is read, and never by the widget's page.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, describe, test } from 'node:test';
import { reportPath, screenshot, tablesCorpus, useSession } from './helpers.mjs';

const CORPUS = tablesCorpus();

/** The pages of the key's tables: their grids must be equal. Narrative pages are compared by their text:
 * their grids (prose cut into "columns") shift with the readers' slightly different glyph widths. */
function tablePages(name) {
  const key = JSON.parse(readFileSync(reportPath(`tests/data/tables/${name}.key.json`), 'utf8'));
  const pages = new Set();
  for (const table of key.tables) for (let p = table.page; p <= (table.last_page ?? table.page); p++) pages.add(p);
  return pages;
}

/** One page showing one image and no text: what a scanner makes (pdf.js rebuilds the cross-references). */
const SCAN_PDF = [
  '%PDF-1.4',
  '1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj',
  '2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj',
  '3 0 obj << /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >> endobj',
  '4 0 obj << /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>',
  'stream',
  'A~~A',
  'endstream endobj',
  '5 0 obj << /Length 30 >>',
  'stream',
  'q 200 0 0 200 0 0 cm /Im1 Do Q',
  'endstream endobj',
  'trailer << /Root 1 0 R >>',
  '%%EOF',
  '',
].join('\n');

let page;

const session = useSession({}, async ({ browser, server }) => {
  page = await browser.newPage();
  await page.goto(server.url('/www/builder.html'));
  await page.waitForFunction(() => document.body.dataset.ready === 'true');
});
after(() => page?.close());

/** Reads a corpus PDF in the page: pdf.js runs → the wasm's grids and texts; the time of each step. */
function readInPage(name) {
  return page.evaluate(async (name) => {
    const { readPdf } = await import('/www/builder/pdf.js');
    const wasm = await import('/www/builder/pkg/budget_lens_builder.js');
    await wasm.default();
    const bytes = new Uint8Array(await (await fetch(`/tests/data/tables/${name}.pdf`)).arrayBuffer());
    const start = performance.now();
    const runs = await readPdf(bytes);
    const read = performance.now();
    const out = JSON.parse(wasm.pdfGrids(JSON.stringify(runs), 'zh-CN'));
    const laid = performance.now();
    return {
      pages: out.pages.map((p) => ({ rows: p.rows.map((r) => r.map((c) => c?.text ?? '')), text: p.text })),
      ms: { read: read - start, layout: laid - read },
    };
  }, name);
}

describe('pdf.js in the builder page', () => {
  test('is not fetched until a PDF is read', () => {
    assert.equal(session.server.requests.filter((p) => p.includes('/vendor/pdfjs/')).length, 0);
  });

  for (const name of CORPUS) {
    test(`${name}: the same text on every page and the same grid on every table page as natively`, async () => {
      const native = JSON.parse(readFileSync(reportPath(`tests/data/tables/${name}.grids.json`), 'utf8'));
      const browserRead = await readInPage(name);
      assert.equal(browserRead.pages.length, native.length);
      const tables = tablePages(name);
      native.forEach((expected, i) => {
        assert.equal(browserRead.pages[i].text, expected.text, `${name} page ${i + 1}: text`);
        if (tables.has(i + 1)) {
          assert.deepEqual(browserRead.pages[i].rows, expected.rows, `${name} page ${i + 1}: grid`);
        }
      });
      assert.ok(tables.size >= 10, `${name}: ${tables.size} table pages compared`);
      console.log(`# ${name}: read ${browserRead.ms.read.toFixed(0)} ms, layout ${browserRead.ms.layout.toFixed(0)} ms, ${tables.size} table pages`);
    });
  }

  test('fetched pdf.js, its worker and the GBK-EUC-H cMap only', () => {
    const fetched = session.server.requests.filter((p) => p.includes('/vendor/pdfjs/'));
    assert.ok(fetched.some((p) => p.endsWith('/pdf.min.mjs')));
    assert.ok(fetched.some((p) => p.endsWith('/pdf.worker.min.mjs')));
    assert.ok(fetched.some((p) => p.endsWith('/cmaps/GBK-EUC-H.bcmap')), 'the ALTERED copy needs GBK-EUC-H');
    assert.ok(fetched.filter((p) => p.includes('/cmaps/')).length <= 5, fetched.join(' '));
  });

  test('names a file that is not a PDF, a truncated one, a damaged one and a scan, in the page language', async () => {
    const kinds = await page.evaluate(async (SCAN) => {
      const { readPdf } = await import('/www/builder/pdf.js');
      const whole = new Uint8Array(await (await fetch('/tests/data/tables/putuo-justice-2026-budget.pdf')).arrayBuffer());
      const attempt = async (bytes, lang) => readPdf(bytes, { lang }).then(() => 'read', (e) => `${e.kind}: ${e.message}`);
      return [
        await attempt(new TextEncoder().encode('PK\u0003\u0004 not a pdf'), 'zh-CN'),
        await attempt(whole.subarray(0, whole.length / 3), 'en'),
        await attempt(new TextEncoder().encode('%PDF-1.7\n' + 'x'.repeat(5000) + '\n%%EOF\n'), 'en'),
        await attempt(new TextEncoder().encode(SCAN), 'zh-CN'),
      ];
    }, SCAN_PDF);
    assert.match(kinds[0], /^not_pdf: 不是 PDF 文件/);
    assert.match(kinds[1], /^truncated: the PDF is truncated/);
    assert.match(kinds[2], /^damaged: /);
    assert.match(kinds[3], /^scan: PDF 的 1 页中没有文字，只有图像：这是扫描件/);
  });
});

describe('renderPage', () => {
  test('draws the page with the box of a cell that pdfGrids placed', async () => {
    const found = await page.evaluate(async () => {
      const { readPdf, renderPage } = await import('/www/builder/pdf.js');
      const wasm = await import('/www/builder/pkg/budget_lens_builder.js');
      const bytes = new Uint8Array(await (await fetch('/tests/data/tables/putuo-finance-2024-final.pdf')).arrayBuffer());
      const grids = JSON.parse(wasm.pdfGrids(JSON.stringify(await readPdf(bytes)), 'zh-CN'));
      // 支出决算表, page 10: the 基本支出 of 行政运行 (printed top-aligned, 6.9 pt above the row's baseline).
      const row = grids.pages[9].rows.find((r) => r.some((c) => c?.text === '行政运行'));
      const cell = row.find((c) => c?.text === '1,503.52');
      const canvas = document.createElement('canvas');
      canvas.style.display = 'block';
      document.body.prepend(canvas);
      const scale = await renderPage(canvas, bytes, 10, cell.bbox, { width: 842 });
      const ratio = canvas.width / 842;
      const context = canvas.getContext('2d');
      const [x0, top, x1, bottom] = cell.bbox.map((v) => v * scale * ratio);
      const pixel = (x, y) => Array.from(context.getImageData(Math.round(x), Math.round(y), 1, 1).data);
      // The outline runs 2 px outside the box; the box's centre is the figure's ink or paper, not red.
      return { edge: pixel((x0 + x1) / 2, top - 2 * ratio), centre: pixel((x0 + x1) / 2, (top + bottom) / 2), bbox: cell.bbox };
    });
    const red = ([r, g, b]) => r > 150 && g < 110 && b < 110;
    assert.ok(red(found.edge), `outline at ${found.bbox}: ${found.edge}`);
    assert.ok(!red(found.centre), `inside: ${found.centre}`);
    await screenshot(page, 'pdf-render-page-10');
  });
});

describe('the widget page', () => {
  test('never loads pdf.js', async () => {
    const widgetPage = await session.browser.newPage();
    const before = session.server.requests.length;
    await widgetPage.goto(session.server.url('/www/index.html'), { waitUntil: 'load' });
    await widgetPage.waitForTimeout(500);
    assert.deepEqual(session.server.requests.slice(before).filter((p) => p.includes('pdfjs')), []);
    await widgetPage.close();
  });
});
