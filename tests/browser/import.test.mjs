// The builder page's table import (www/builder.html with builder/intake.js, place.js): a PDF read by pdf.js
// and imported by the builder wasm's TableImport (the CLI's import code), workbooks, CSV files one per table,
// a pasted HTML table; the tables found, the report, the findings and, for a chosen finding, its figure boxed
// on the PDF page or marked in its sheet; bad files named in the page's language. The browser's report of
// every corpus PDF must equal the CLI's (recorded in tests/data/tables/NAME.report.json by
// tests/it/cli_import_recorded.rs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { reportPath, screenshot, tablesCorpus, useSession, waitReady, widgetState } from './helpers.mjs';

const CORPUS = tablesCorpus();

/** Opened through the page's file input and drop in the suites below, and compared with the CLI there. */
const UI_TESTED = ['putuo-justice-2026-budget', 'putuo-finance-2024-final-ALTERED'];
/** Points two readers' boxes may differ by: the float rounding of two computations of the same geometry
 * (pdf.js in f64 then f32, lopdf in f32; differences seen on the corpus are below 0.001 pt). */
const BOX_SLACK = 0.01;

const data = (name) => reportPath(`tests/data/tables/${name}`);
const json = (name) => JSON.parse(readFileSync(data(name), 'utf8'));

/** The node at `path` (ids joined by /) of a report. */
function nodeAt(report, path) {
  return path.split('/').reduce((n, id, i) => (i ? n?.items : report.breakdowns)?.find((c) => c.id === id), null);
}

/** Differences between two reports; `box` numbers (two PDF readers' geometry) may differ by at most
 * `slack` points. Everything else must be equal. */
function differences(a, b, slack, path = '$', out = []) {
  if (out.length > 10) return out;
  if (Array.isArray(a) && path.endsWith('.box')) {
    if (!Array.isArray(b) || a.length !== b.length || a.some((v, i) => Math.abs(v - b[i]) > slack)) out.push(`${path}: ${a} ≠ ${b}`);
  } else if (a && typeof a === 'object' && b && typeof b === 'object') {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) differences(a[k], b[k], slack, `${path}.${k}`, out);
  } else if (a !== b) {
    out.push(`${path}: ${JSON.stringify(a)?.slice(0, 80)} ≠ ${JSON.stringify(b)?.slice(0, 80)}`);
  }
  return out;
}

const session = useSession();

async function openBuilder(query = '') {
  const page = await session.browser.newPage();
  await page.goto(session.server.url(`/www/builder.html${query}`));
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Waits for the import (or its failure) to be told in the status line. */
async function settled(page) {
  await page.waitForFunction(() => document.getElementById('main').getAttribute('aria-busy') === 'false' && document.getElementById('status').textContent !== '', null, { timeout: 30000 });
  return page.textContent('#status');
}

/** axe-core's violations on the page as it is. */
async function axeViolations(page) {
  await page.addScriptTag({ content: readFileSync(reportPath('tests/browser/node_modules/axe-core/axe.min.js'), 'utf8') });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
  });
}

function tablesListed(page) {
  return page.$$eval('#tables tbody tr', (trs) => trs.map((tr) => [...tr.cells].map((c) => c.textContent)));
}

describe('a PDF chosen in the builder', () => {
  const name = 'putuo-justice-2026-budget';
  let page;
  before(async () => {
    page = await openBuilder();
    await page.setInputFiles('#file', data(`${name}.pdf`));
    await settled(page);
  });
  after(() => page.close());

  test('lists the tables found with their pages and rows', async () => {
    assert.match(await page.textContent('#status'), /^找到 \d+ 张表，放入报告 \d+ 个数字/);
    const listed = await tablesListed(page);
    const key = json(`${name}.key.json`);
    for (const table of key.tables) {
      const row = listed.find((r) => r[0] === table.title);
      assert.ok(row, `${table.title} listed: ${listed.map((r) => r[0]).join(' | ')}`);
      // The first page as in the key (a table's end may be read a page further: the CLI says the same).
      assert.ok(row[1] === `第${table.page}页` || row[1].startsWith(`第${table.page}页–`), `${table.title}: ${row[1]}`);
      if (table.last_page) assert.equal(row[1], `第${table.page}页–第${table.last_page}页`, table.title);
      assert.equal(row[3], table.empty ? '空表' : '', table.title);
    }
    // Its rows: the key's function rows (合计 among them).
    assert.equal(listed.find((r) => r[0] === '2026年部门支出预算总表')[2], String(key.function_rows.filter((r) => r.table === '2026年部门支出预算总表').length));
  });

  test("the report is the CLI's, and its function rows are the key's, as printed", async () => {
    const report = JSON.parse(await page.inputValue('#report-json'));
    assert.deepEqual(differences(report, json(`${name}.report.json`), BOX_SLACK), []);
    const key = json(`${name}.key.json`);
    const rows = key.function_rows.filter((r) => r.table === '2026年部门支出预算总表' && /^\d+$/.test(r.code));
    assert.ok(rows.length >= 5);
    for (const row of rows) {
      const path = ['expenditure_by_function', row.code.slice(0, 3), row.code.length > 3 && row.code.slice(0, 5), row.code.length > 5 && row.code].filter(Boolean).join('/');
      const node = nodeAt(report, path);
      assert.ok(node, path);
      assert.equal(node.printed.text.replaceAll(',', ''), row.total, path);
      assert.equal(node.label, row.name, path);
      const column = (id) => node.columns.find((c) => c.id === id)?.printed.text.replaceAll(',', '');
      assert.equal(column('basic') ?? '0.00', row.basic, `${path} basic`);
      assert.equal(column('project') ?? '0.00', row.project, `${path} project`);
    }
  });

  test('the preview opens on the function tree and drills 类 → 款 → 项', async () => {
    await waitReady(page, '#preview');
    assert.equal(await page.getAttribute('#preview', 'view'), 'expenditure_by_function');
    const host = page.locator('#preview');
    await host.locator('.bl-table-toggle').click();
    for (let level = 1; level <= 2; level++) await host.locator('.bl-table .bl-drill').first().click();
    const state = await widgetState(page, '#preview');
    assert.deepEqual(state.crumbs, ['支出总表', '公共安全支出', '司法']);
    assert.ok(state.rows.some((r) => r.cells[0] === '行政运行'), JSON.stringify(state.rows));
    assert.match(await page.textContent('#snippet'), /view="expenditure_by_function"/);
    assert.match(await page.getAttribute('#download', 'href'), /^blob:/);
  });

  test('switching to English tells the page, the tables and the findings again, keeping the report', async () => {
    const before = await page.inputValue('#report-json');
    await page.selectOption('#lang', 'en');
    assert.equal(await page.textContent('h1'), 'Make a report from the published text or tables');
    const listed = await tablesListed(page);
    assert.deepEqual(listed.find((r) => r[0] === '2026年部门支出预算总表').slice(1, 2), ['page 12–page 13']);
    // Each finding retold in English, or (this budget's tables and text agree) the English "none".
    const findings = await page.$$eval('#findings li', (items) => items.map((i) => i.textContent));
    const english = (t) => /^(error|warning|note) · /.test(t) || t === 'No findings.';
    assert.ok(findings.length > 0 && findings.every(english), findings.join('\n'));
    assert.equal(await page.inputValue('#report-json'), before);
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.selectOption('#lang', 'zh-CN');
  });

  test('pdf.js was fetched for the PDF (and the widget never asks for it)', () => {
    assert.ok(session.server.requests.some((p) => p.endsWith('/vendor/pdfjs/pdf.min.mjs')));
  });
});

describe('the ALTERED PDF dropped on the page', () => {
  const name = 'putuo-finance-2024-final-ALTERED';
  let page;
  before(async () => {
    page = await openBuilder();
    const bytes = readFileSync(data(`${name}.pdf`)).toString('base64');
    // A real drop: a DataTransfer holding the file, dispatched on the page.
    await page.evaluate(async ([b64, fileName]) => {
      // Every status the page shows while it works, for the progress test.
      window.statuses = [];
      new MutationObserver(() => window.statuses.push([document.getElementById('status').textContent, document.getElementById('main').getAttribute('aria-busy'), !document.getElementById('busy').hidden])).observe(document.getElementById('status'), { childList: true, characterData: true, subtree: true });
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], fileName, { type: 'application/pdf' }));
      document.querySelector('#text').dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, [bytes, `${name}.pdf`]);
    await settled(page);
  });
  after(() => page.close());

  test('shows its progress page by page while busy, then the result', async () => {
    const statuses = await page.evaluate(() => window.statuses);
    const pages = statuses.filter(([text]) => /^正在读取 PDF：第 \d+ \/ \d+ 页$/.test(text));
    assert.ok(pages.length >= 2, JSON.stringify(statuses));
    assert.ok(pages.every(([, busy, bar]) => busy === 'true' && bar), 'busy, with the progress bar, while reading');
    assert.ok(statuses.some(([text]) => text === '正在识别表格……'));
    const [text, busy, bar] = statuses.at(-1);
    assert.match(text, /^找到 \d+ 张表/);
    assert.deepEqual([busy, bar], ['false', false]);
  });

  test("gives the CLI's report; finds the planted discrepancies; choosing one boxes its figure on its page", async () => {
    const recorded = json(`${name}.report.json`);
    assert.deepEqual(differences(JSON.parse(await page.inputValue('#report-json')), recorded, BOX_SLACK), []);
    const buttons = await page.$$eval('#findings button', (bs) => bs.map((b) => ({ rule: b.dataset.rule, path: b.dataset.path, severity: b.className })));
    assert.ok(buttons.some((b) => b.severity === 'sev-error'), JSON.stringify(buttons));
    // A relation between two tables: its left side is the stated figure.
    const relation = buttons.find((b) => b.rule === 'relation');
    assert.ok(relation, 'a relation finding');
    const left = recorded.relations.find((r) => r.id === relation.path).left[0];
    const [nodePath, column] = left.split('#');
    const node = nodeAt(recorded, nodePath);
    const printed = column ? node.columns.find((c) => c.id === column).printed : node.printed;
    await page.click(`#findings button[data-rule="relation"][data-path="${relation.path}"]`);
    await page.waitForSelector(`#place canvas[data-page="${printed.page}"]`);
    const caption = await page.textContent('#place .place-caption');
    assert.ok(caption.includes(`第 ${printed.page} 页`) && caption.includes(printed.text), caption);
    const pixels = await page.evaluate((box) => {
      const canvas = document.querySelector('#place canvas');
      const context = canvas.getContext('2d');
      const k = Number(canvas.dataset.scale) * (canvas.width / canvas.clientWidth);
      const [x, y, w, h] = box.map((v) => v * k);
      const at = (px, py) => Array.from(context.getImageData(Math.round(px), Math.round(py), 1, 1).data);
      // The outline runs 1–3 px above the box (antialiased): its reddest pixel there.
      const ratio = canvas.width / canvas.clientWidth;
      const above = [1, 2, 3, 4].map((d) => at(x + w / 2, y - d * ratio));
      const top = above.reduce((best, p) => (p[0] - p[1] > best[0] - best[1] ? p : best));
      return { top, inside: at(x + w / 2, y + h / 2) };
    }, printed.box);
    const red = ([r, g, b]) => r > 150 && g < 110 && b < 110;
    assert.ok(red(pixels.top), `the outline above the figure: ${pixels.top}`);
    assert.ok(!red(pixels.inside), `inside the box: ${pixels.inside}`);
    await screenshot(page, 'builder-import-altered');
    await waitReady(page, '#preview');
    assert.deepEqual(await axeViolations(page), [], 'axe on the page with the tables, findings and a PDF page shown');
  });
});

describe('a workbook, CSV files and a pasted table', () => {
  test('a workbook: tables by sheet, and a finding marks its cell in the sheet (pdf.js is never fetched)', async () => {
    const before = session.server.requests.length;
    const page = await openBuilder();
    await page.setInputFiles('#file', data('putuo-justice-2026-unit-budget.xlsx'));
    await settled(page);
    const listed = await tablesListed(page);
    assert.deepEqual(listed.find((r) => r[0] === '2026年预算单位支出预算总表'), ['2026年预算单位支出预算总表', '表3', '22', '']);
    // The unit budget's real error: 2040601's 项目支出 printed as the class total (a row_sum finding).
    await page.click('#findings button[data-rule="row_sum"]');
    await page.waitForSelector('#place table.sheet td.stated');
    const marked = await page.$eval('#place table.sheet td.stated', (td) => {
      const row = td.parentElement;
      const column = [...row.children].indexOf(td);
      return { text: td.textContent, row: row.firstElementChild.textContent, column: td.closest('table').tHead.rows[0].children[column].textContent };
    });
    const report = JSON.parse(await page.inputValue('#report-json'));
    const path = await page.getAttribute('#findings button[data-rule="row_sum"]', 'data-path');
    const printed = nodeAt(report, path).printed;
    assert.equal(`${marked.column}${marked.row}`, printed.cell);
    assert.equal(marked.text, printed.text);
    assert.match(await page.textContent('#place .place-caption'), new RegExp(`${printed.sheet} ${printed.cell}`));
    const fetched = session.server.requests.slice(before);
    assert.ok(fetched.some((p) => p.endsWith('/builder/intake.js')), 'the page was served');
    assert.deepEqual(fetched.filter((p) => p.includes('/builder/pdf.js') || p.includes('/vendor/pdfjs/')), []);
    await screenshot(page, 'builder-import-workbook');
    await waitReady(page, '#preview');
    assert.deepEqual(await axeViolations(page), [], 'axe on the page with a sheet shown');
    assert.deepEqual(page.errors ?? [], []);
    await page.close();
  });

  test('CSV files chosen together are one report (GBK, one file per table)', async () => {
    const page = await openBuilder();
    const files = Array.from({ length: 9 }, (_, i) => data(`justice-csv-gbk/0${i + 1}.csv`));
    await page.setInputFiles('#file', files);
    assert.match(await settled(page), /^找到 9 张表/);
    const report = JSON.parse(await page.inputValue('#report-json'));
    assert.ok(nodeAt(report, 'expenditure_by_function/204'), 'the 类 of the 支出表');
    await page.close();
  });

  test('an HTML table pasted from the clipboard is imported as a table', async () => {
    const page = await openBuilder('?lang=en');
    const html = readFileSync(data('putuo-govoffice-2025-budget.html'), 'utf8');
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', text);
      transfer.setData('text/plain', 'ignored');
      document.querySelector('#text').dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, html);
    assert.match(await settled(page), /^found \d+ tables, placed \d+ figures/);
    assert.equal(await page.inputValue('#text'), '', 'the pasted table is not put in the text box');
    const listed = await tablesListed(page);
    assert.ok(listed.length >= 5, JSON.stringify(listed));
    await page.close();
  });
});

describe('hostile text in a pasted table', () => {
  test('stays text in the tables, the findings, the report and the sheet view', async () => {
    const page = await openBuilder();
    // Every 一般公共服务支出 cell becomes markup as text (escaped in the HTML, so the cell's text is the markup).
    const hostile = '<img src=x onerror="window.__xss=1">一般公共服务支出';
    const escaped = hostile.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
    const html = readFileSync(data('putuo-govoffice-2025-budget.html'), 'utf8')
      .replaceAll('>一般公共服务支出<', `>${escaped}<`)
      // One figure of that row changed, so that a finding shows the row's sheet.
      .replace('<td>82,096,797.42</td><td>82,096,797.42</td>', '<td>82,096,797.52</td><td>82,096,797.42</td>');
    await page.evaluate((text) => {
      const transfer = new DataTransfer();
      transfer.setData('text/html', text);
      document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
    }, html);
    assert.match(await settled(page), /^找到 \d+ 张表/);
    assert.ok((await page.inputValue('#report-json')).includes('<img src=x onerror=\\"window.__xss=1\\">一般公共服务支出'));
    // The finding's sheet view draws the cells, the hostile one among them.
    await page.click('#findings button');
    await page.waitForSelector('#place table.sheet td.stated');
    const cells = await page.$$eval('#place table.sheet td', (tds) => tds.map((td) => td.textContent));
    assert.ok(cells.includes(hostile), 'the label is shown as text');
    const injected = await page.evaluate(() => ({ xss: window.__xss ?? null, images: document.querySelectorAll('main img').length }));
    assert.deepEqual(injected, { xss: null, images: 0 });
    assert.deepEqual(page.errors ?? [], []);
    await page.close();
  });
});

describe('bad files', () => {
  let page;
  before(async () => {
    page = await openBuilder();
  });
  after(() => page.close());

  async function choose(files, lang = 'zh-CN') {
    await page.selectOption('#lang', lang);
    await page.setInputFiles('#file', files);
    return settled(page);
  }

  test('a truncated PDF, a workbook that is not a budget report, an unknown CSV encoding: each says so', async () => {
    const pdf = readFileSync(data('putuo-justice-2026-budget.pdf'));
    assert.match(await choose({ name: 'cut.pdf', mimeType: 'application/pdf', buffer: pdf.subarray(0, pdf.length / 3) }), /^未能导入：cut\.pdf: PDF 文件不完整/);
    assert.equal(await page.getAttribute('#status', 'class'), 'error');
    const csv = Buffer.from('项目,金额\n办公费,12.00\n差旅费,3.50\n', 'utf8');
    assert.match(await choose({ name: 'list.csv', mimeType: 'text/csv', buffer: csv }, 'en'), /^Nothing imported: .*does not look like one/);
    const strange = Buffer.concat([Buffer.from('项目,金额\n', 'utf8'), Buffer.from([0xff, 0x41, 0x0a])]);
    const message = await choose({ name: 'odd.csv', mimeType: 'text/csv', buffer: strange }, 'en');
    assert.equal(message, 'Nothing imported: odd.csv: line 2 on is neither UTF-8 nor GBK/GB18030 text; save the file as UTF-8 CSV');
    assert.deepEqual(page.errors ?? [], []);
  });

  test('a 100 MB file is refused before it is read, and the page stays usable', async () => {
    await page.selectOption('#lang', 'zh-CN');
    await page.evaluate(async () => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(100 << 20)], 'huge.xlsx'));
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    await page.waitForFunction(() => document.getElementById('status').textContent.includes('huge.xlsx'));
    const message = await page.textContent('#status');
    assert.equal(message, '未能导入：huge.xlsx 过大（100 MB，上限 50 MB）');
    await page.fill('#text', '2021年收入总计1550.17万元，支出总计1550.17万元。');
    await page.click('#extract');
    assert.match(await page.textContent('#status'), /^取用 /);
  });
});

describe('the same PDF gives the same report in the browser as in the CLI (the two above are compared there)', () => {
  let page;
  before(async () => {
    page = await openBuilder();
  });
  after(() => page.close());

  for (const name of CORPUS.filter((n) => !UI_TESTED.includes(n))) {
    test(name, async () => {
      const report = await page.evaluate(async (fileName) => {
        const { importFiles } = await import('/www/builder/intake.js');
        const bytes = await (await fetch(`/tests/data/tables/${fileName}`)).arrayBuffer();
        return (await importFiles([new File([bytes], fileName)], 'zh-CN')).report;
      }, `${name}.pdf`);
      const cli = json(`${name}.report.json`);
      assert.deepEqual(differences(report, cli, BOX_SLACK), []);
    });
  }
});
