// The builder page: published text (the extractor) or published tables (a PDF read by pdf.js, a workbook, CSV,
// HTML: the table import, the CLI's code in wasm) → a report → findings with the place of each figure (in the
// text, on the PDF page, in the sheet's cell), a live preview, the embed snippet and the download. Everything
// stays in the browser. Text from the report or the files reaches the DOM only as textContent.
import * as builderCore from './pkg/budget_lens_builder.js';
import { useCore } from '../budget-lens.js';
import { translatePage, words } from './i18n.js';
import { ImportFailure, hasTable, importFiles, importPastedHtml, onlyText } from './intake.js';
import { PlaceView, sheetsOf } from './place.js';

const { default: init, extractReport, checkReport } = builderCore;

const $ = (id) => document.getElementById(id);

const state = {
  text: '', // source.text of the report shown (the pasted text, or a PDF's text)
  unplaced: [],
  selected: null, // the chosen finding's span in the text
  source: { pdf: null, sheets: new Map() }, // what the imported figures were printed on
  imported: null, // the last import's result (tables found), or null after a text extraction
  last: null, // what to do again when the language changes: () => void
  downloadUrl: null,
  generation: 0, // counts the file imports started; only the latest shows its result
};
const lang = () => $('lang').value;
const say = () => words(lang());
const place = new PlaceView($('place'), () => state.source);

function setStatus(message, { error = false, busy = false, fraction = null } = {}) {
  $('status').textContent = message;
  $('status').classList.toggle('error', error);
  // A known fraction (pages read) fills the bar; otherwise it runs without one.
  if (fraction === null) $('busy').removeAttribute('value');
  else $('busy').value = fraction;
  setBusy(busy);
}

function setBusy(busy) {
  $('busy').hidden = !busy;
  $('main').setAttribute('aria-busy', String(busy));
}

/** Spans count Unicode scalar values; JS strings count UTF-16 units: slice by code points. */
function renderSource() {
  const view = $('source-view');
  const chars = Array.from(state.text);
  const marks = state.unplaced.map((u) => ({ ...u.at, kind: 'unplaced', title: u.title }));
  if (state.selected) marks.push({ ...state.selected, kind: 'finding' });
  marks.sort((a, b) => a.start - b.start || (a.kind === 'finding' ? 1 : -1));
  view.replaceChildren();
  let at = 0;
  let target = null;
  for (const mark of marks) {
    const start = Math.max(mark.start, at);
    const end = Math.min(Math.max(mark.end, start), chars.length);
    if (start > at) view.append(document.createTextNode(chars.slice(at, start).join('')));
    if (end > start) {
      const el = document.createElement('mark');
      el.className = mark.kind;
      if (mark.title) el.title = mark.title;
      el.textContent = chars.slice(start, end).join('');
      view.append(el);
      if (mark.kind === 'finding') target = el;
    }
    at = Math.max(at, end);
  }
  if (at < chars.length) view.append(document.createTextNode(chars.slice(at).join('')));
  $('source-section').hidden = chars.length === 0;
  // Scroll the text box only, never the page: the place view above is what the reader is looking at.
  if (target) view.scrollTop = target.offsetTop - view.offsetTop - view.clientHeight / 2;
}

function choose(button, finding) {
  for (const b of document.querySelectorAll('#findings button[aria-current]')) b.removeAttribute('aria-current');
  button.setAttribute('aria-current', 'true');
  state.selected = finding.at ?? null;
  renderSource();
  const printed = finding.printed ?? { stated: [], compared: [] };
  const placed = printed.stated.length + printed.compared.length > 0;
  $('place-section').hidden = !placed && !!finding.at;
  if (placed || !finding.at) place.show(printed, lang());
  // Bring what shows the figure into view when it is below the screen (stacked on a narrow screen, or the
  // text of an extracted report); side by side with the findings it is in view already.
  const shown = placed || !finding.at ? $('place-section') : $('source-section');
  if (shown.getBoundingClientRect().top > innerHeight) shown.scrollIntoView({ block: 'start' });
}

function renderFindings(reportJson) {
  const list = $('findings');
  const { findings } = JSON.parse(checkReport(reportJson, lang()));
  list.replaceChildren();
  for (const f of findings) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `sev-${f.severity}`;
    const severity = document.createElement('span');
    severity.className = `sev sev-${f.severity}`;
    severity.textContent = say().severity[f.severity] ?? f.severity;
    // The message names the item in words; the report's internal path is for the data attribute only.
    button.append(severity, ` · ${f.message}`);
    button.dataset.rule = f.rule;
    button.dataset.path = f.path;
    button.addEventListener('click', () => choose(button, f));
    item.append(button);
    list.append(item);
  }
  if (!findings.length) {
    const item = document.createElement('li');
    item.textContent = say().none;
    list.append(item);
  }
}

/** The spending trees by function class of a report imported from tables (docs/FORMAT.md, "Imported
 * tables"; their items carry the class codes): where the preview's drill-down goes 类 → 款 → 项. */
const FUNCTION_TREES = ['expenditure_by_function', 'gpb_by_function'];

/** The breakdown the preview opens on: the spending tree by function when the report has one with parts;
 * else the first with at least two parts that have an amount (a one-slice 100 % pie shows nothing). */
function previewView(report) {
  const breakdowns = report.breakdowns ?? [];
  const parts = (b) => (b.items ?? []).filter((i) => Number(i.amount) > 0).length;
  const tree = FUNCTION_TREES.map((id) => breakdowns.find((b) => b.id === id && parts(b) >= 1 && b.items.some((i) => i.code))).find(Boolean);
  return (tree ?? breakdowns.find((b) => parts(b) >= 2) ?? breakdowns.find((b) => b.items?.length) ?? breakdowns[0])?.id ?? '';
}

/** The report text changed (extracted, imported or edited): check it, preview it, offer it. */
function useReport(reportJson) {
  $('report-error').textContent = '';
  let report;
  try {
    report = JSON.parse(reportJson);
    renderFindings(reportJson);
  } catch (e) {
    $('report-error').textContent = say().invalid(e.message ?? String(e));
    return;
  }
  const view = previewView(report);
  const preview = $('preview');
  preview.setAttribute('lang', lang());
  preview.setAttribute('view', view);
  preview.report = reportJson;
  $('snippet').textContent =
    '<link rel="stylesheet" href="budget-lens.css">\n' +
    '<script type="module" src="budget-lens.js"></script>\n' +
    `<budget-lens src="reports/report.json" view="${view}" chart="pie" lang="${lang()}"></budget-lens>`;
  if (state.downloadUrl) URL.revokeObjectURL(state.downloadUrl);
  state.downloadUrl = URL.createObjectURL(new Blob([reportJson], { type: 'application/json' }));
  $('download').href = state.downloadUrl;
}

/** A new report replaces the old: its text, its places, its findings. */
function showReport(report, { text, unplaced, source, imported }) {
  state.text = text;
  state.unplaced = unplaced;
  state.selected = null;
  state.source = source;
  state.imported = imported;
  place.clear();
  $('place-section').hidden = !imported;
  renderTables();
  renderSource();
  const reportJson = JSON.stringify(report, null, 2);
  $('report-json').value = reportJson;
  useReport(reportJson);
}

function extract() {
  const text = $('text').value;
  state.last = extract;
  state.generation++;
  let result;
  try {
    result = JSON.parse(extractReport(text, lang()));
  } catch (e) {
    // The text stays in its box: nothing typed or pasted is lost.
    setStatus(say().failed(e.message ?? String(e)), { error: true });
    return;
  }
  // A table that states no unit, or whose columns are not recognised, is not read: it is said in the status
  // and marked in the text like an unplaced sentence (its message as the mark's title), so the reader sees
  // what was left out and why.
  const marked = (tables) => (tables ?? []).map(({ start, end, message }) => ({ at: { start, end }, title: message }));
  const noUnit = marked(result.tablesWithoutUnit);
  const notRead = marked(result.tablesNotRead);
  const unplaced = [...(result.report.unplaced ?? []), ...noUnit, ...notRead];
  const w = say();
  setStatus(w.taken(result.taken, result.figures, result.report.unplaced?.length ?? 0)
    + (noUnit.length ? w.noUnit(noUnit.length) : '') + (notRead.length ? w.notRead(notRead.length) : ''));
  showReport(result.report, { text, unplaced, source: { pdf: null, sheets: new Map() }, imported: null });
}

/** Tables found by the last import: title, page(s) or sheet, rows, and what became of them. */
function renderTables() {
  const result = state.imported;
  $('tables-section').hidden = !result;
  const body = $('tables').tBodies[0];
  body.replaceChildren();
  if (!result) return;
  const w = say();
  for (const t of result.tables) {
    const tr = body.insertRow();
    if (!t.kind) tr.className = 'unused';
    const note = !t.kind ? w.unused : t.empty ? w.empty : '';
    const where = t.grid === t.lastGrid ? w.grid(t.grid) : `${w.grid(t.grid)}–${w.grid(t.lastGrid)}`;
    for (const [text, cls] of [[t.title], [where], [String(t.rows), 'rows'], [note]]) {
      const td = tr.insertCell();
      td.textContent = text;
      if (cls) td.className = cls;
    }
  }
  $('missing').textContent = result.missing.length ? w.missing(result.missing.join('、')) : '';
}

function showImport(result) {
  const w = say();
  setStatus(w.imported(result.tables.length, result.figures, result.narrative.attached));
  showReport(result.report, {
    text: result.report.source?.text ?? '',
    unplaced: result.report.unplaced ?? [],
    source: { pdf: result.pdf, sheets: sheetsOf(result.sheets) },
    imported: result,
  });
}

function importFailed(e) {
  const message = e instanceof ImportFailure ? e.message : (e?.message ?? String(e));
  setStatus(say().importFailed(message), { error: true });
}

/** What the page says about a text file's encoding (the CLI's `extract` says the same on stderr). */
const ENCODING = {
  'zh-CN': {
    read: (name, encoding) => `${name} 不是 UTF-8，已按 ${encoding} 编码读取。`,
    unknown: (name) => `${name} 既不是 UTF-8 也不是 GBK/GB18030 编码的文字，请另存为 UTF-8 文本`,
  },
  en: {
    read: (name, encoding) => `${name} is not UTF-8; read as ${encoding} text.`,
    unknown: (name) => `${name} is neither UTF-8 nor GBK/GB18030 text; save it as UTF-8 text`,
  },
};

/**
 * A text file's text, decoded as the CLI decodes one (the tables reader's order): UTF-16 by its BOM, UTF-8
 * when valid (a UTF-8 BOM dropped), else GB18030 (GBK) when that decodes cleanly. `encoding` names a
 * non-UTF-8 encoding that was used; `text` is null when none fits.
 */
async function decodeText(file) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  const tries = utf16 ? [[utf16, 'UTF-16']] : [['utf-8', null], ['gb18030', 'GB18030/GBK']];
  for (const [label, encoding] of tries) {
    try {
      return { name: file.name, text: new TextDecoder(label, { fatal: true }).decode(bytes), encoding };
    } catch {
      // Not this encoding: the next one.
    }
  }
  return { name: file.name, text: null, encoding: null };
}

/** Dropped or chosen files: narrative text alone goes to the extractor, anything else to the table import. */
async function openFiles(list) {
  const files = [...(list ?? [])];
  if (!files.length) return;
  state.last = () => openFiles(files);
  // Files opened while others are still being read win: the earlier import's result is dropped.
  const generation = ++state.generation;
  const current = () => generation === state.generation;
  if (onlyText(files)) {
    const decoded = await Promise.all(files.map(decodeText));
    if (!current()) return;
    const told = ENCODING[lang()] ?? ENCODING['zh-CN'];
    const unknown = decoded.find((d) => d.text === null);
    if (unknown) {
      setStatus(told.unknown(unknown.name), { error: true });
      return;
    }
    $('text').value = decoded.map((d) => d.text).join('\n');
    extract();
    const notes = decoded.filter((d) => d.encoding).map((d) => told.read(d.name, d.encoding));
    if (notes.length && !$('status').classList.contains('error')) setStatus(`${notes.join(' ')} ${$('status').textContent}`);
    return;
  }
  setStatus(say().loading, { busy: true });
  try {
    const result = await importFiles(files, lang(), (message, fraction = null) => current() && setStatus(message, { busy: true, fraction }));
    if (current()) showImport(result);
  } catch (e) {
    if (current()) importFailed(e);
  } finally {
    if (current()) setBusy(false);
  }
}

function importHtml(html) {
  state.last = () => importHtml(html);
  state.generation++;
  try {
    showImport(importPastedHtml(html, lang()));
  } catch (e) {
    importFailed(e);
  }
}

/** Pasted HTML with a table is imported as a table; plain text goes into the text box and is extracted. */
function onPaste(event) {
  const target = event.target;
  // The report file is edited as JSON text: a paste there is the user's edit.
  if (target.closest?.('#report-json')) return;
  const html = event.clipboardData?.getData('text/html');
  if (hasTable(html)) {
    event.preventDefault();
    importHtml(html);
    return;
  }
  if (target === $('text')) {
    setTimeout(extract, 0);
  } else if (!target.closest?.('textarea, input, [contenteditable]')) {
    const text = event.clipboardData?.getData('text/plain');
    if (text) {
      event.preventDefault();
      $('text').value = text;
      extract();
    }
  }
}

function acceptDrops() {
  let depth = 0;
  const dragging = (on) => document.body.classList.toggle('dragging', on);
  document.addEventListener('dragenter', (e) => {
    e.preventDefault();
    depth++;
    dragging(true);
  });
  document.addEventListener('dragover', (e) => e.preventDefault());
  document.addEventListener('dragleave', () => {
    depth = Math.max(0, depth - 1);
    if (!depth) dragging(false);
  });
  document.addEventListener('drop', (e) => {
    depth = 0;
    dragging(false);
    // Dragged text (not files) drops into a text box as usual.
    if (!e.dataTransfer?.files?.length) return;
    // Files are imported; the browser must not open them in place of the page.
    e.preventDefault();
    openFiles(e.dataTransfer.files);
  });
}

function changeLanguage() {
  translatePage(lang());
  const url = new URL(location.href);
  url.searchParams.set('lang', lang());
  history.replaceState(null, '', url);
  // A report shown stays (it may have been edited): its findings and tables are told again in the new
  // language; a failure is tried again so that its message is in the new language too.
  if ($('status').classList.contains('error')) state.last?.();
  else if ($('report-json').value) {
    renderTables();
    place.clear();
    useReport($('report-json').value);
  }
}

async function main() {
  const asked = new URL(location.href).searchParams.get('lang');
  if (asked === 'en') $('lang').value = 'en';
  translatePage(lang());
  setStatus(say().loading, { busy: true });
  await init();
  // The builder's module links the widget's exports too: the preview draws with it instead of fetching
  // the widget's own wasm (187 KB gzip saved).
  useCore(builderCore);
  setStatus('');
  $('source-section').hidden = true;
  $('extract').addEventListener('click', extract);
  $('lang').addEventListener('change', changeLanguage);
  document.addEventListener('paste', onPaste);
  $('file').addEventListener('change', (e) => {
    openFiles(e.target.files);
    e.target.value = '';
  });
  acceptDrops();
  let editing;
  $('report-json').addEventListener('input', () => {
    clearTimeout(editing);
    editing = setTimeout(() => useReport($('report-json').value), 300);
  });
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  setStatus(String(e?.message ?? e), { error: true });
});
