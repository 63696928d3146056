// The builder page: published text → report (the extractor, in wasm) → findings, preview, embed snippet,
// download. Everything stays in the browser. Text from the report or the page reaches the DOM only as
// textContent.
import init, { extractReport, checkReport } from './pkg/budget_lens_builder.js';

const $ = (id) => document.getElementById(id);
const MESSAGES = {
  'zh-CN': {
    taken: (taken, figures, unplaced) => `取用 ${taken} / ${figures} 个数字，${unplaced} 句未归入`,
    failed: (message) => `未能生成报告：${message}（原文保留在上面）`,
    invalid: (message) => `报告文件有误：${message}`,
    none: '没有发现问题。',
    loading: '正在加载……',
    severity: { error: '错误', warning: '警告', note: '提示' },
  },
  en: {
    taken: (taken, figures, unplaced) => `took ${taken} of ${figures} figures, ${unplaced} sentence(s) unplaced`,
    failed: (message) => `No report: ${message} (the text is kept above)`,
    invalid: (message) => `The report file has an error: ${message}`,
    none: 'No findings.',
    loading: 'Loading…',
    severity: { error: 'error', warning: 'warning', note: 'note' },
  },
};

const state = { text: '', unplaced: [], selected: null, downloadUrl: null };
const lang = () => $('lang').value;
const say = () => MESSAGES[lang()] ?? MESSAGES['zh-CN'];

/** Spans count Unicode scalar values; JS strings count UTF-16 units: slice by code points. */
function renderSource() {
  const view = $('source-view');
  const chars = Array.from(state.text);
  const marks = state.unplaced.map((u) => ({ ...u.at, kind: 'unplaced' }));
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
      el.textContent = chars.slice(start, end).join('');
      view.append(el);
      if (mark.kind === 'finding') target = el;
    }
    at = Math.max(at, end);
  }
  if (at < chars.length) view.append(document.createTextNode(chars.slice(at).join('')));
  target?.scrollIntoView({ block: 'center' });
}

function renderFindings(reportJson) {
  const list = $('findings');
  list.replaceChildren();
  const { findings } = JSON.parse(checkReport(reportJson, lang()));
  for (const f of findings) {
    const item = document.createElement('li');
    const button = document.createElement('button');
    button.type = 'button';
    button.className = `sev-${f.severity}`;
    // The message names the item in words; the report's internal path (`gpb_by_function/housing`) is for
    // the data attribute only.
    button.textContent = `${say().severity[f.severity] ?? f.severity} · ${f.message}`;
    button.dataset.rule = f.rule;
    button.dataset.path = f.path;
    button.addEventListener('click', () => {
      state.selected = f.at ?? null;
      renderSource();
    });
    item.append(button);
    list.append(item);
  }
  if (!findings.length) {
    const item = document.createElement('li');
    item.textContent = say().none;
    list.append(item);
  }
}

/** The report text changed (extracted or edited): check it, preview it, offer it. */
function useReport(reportJson) {
  $('report-error').textContent = '';
  try {
    renderFindings(reportJson);
  } catch (e) {
    $('report-error').textContent = say().invalid(e.message ?? String(e));
    return;
  }
  const report = JSON.parse(reportJson);
  // The first breakdown with at least two parts that have an amount: a one-slice 100 % pie shows nothing.
  const parts = (b) => (b.items ?? []).filter((i) => Number(i.amount) > 0).length;
  const view = (report.breakdowns?.find((b) => parts(b) >= 2) ?? report.breakdowns?.find((b) => b.items?.length) ?? report.breakdowns?.[0])?.id ?? '';
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

function extract() {
  state.text = $('text').value;
  state.selected = null;
  const status = $('status');
  status.classList.remove('error');
  let result;
  try {
    result = JSON.parse(extractReport(state.text, lang()));
  } catch (e) {
    // The text stays in its box: nothing typed or pasted is lost.
    status.classList.add('error');
    status.textContent = say().failed(e.message ?? String(e));
    state.unplaced = [];
    renderSource();
    return;
  }
  state.unplaced = result.report.unplaced ?? [];
  status.textContent = say().taken(result.taken, result.figures, state.unplaced.length);
  const reportJson = JSON.stringify(result.report, null, 2);
  $('report-json').value = reportJson;
  renderSource();
  useReport(reportJson);
}

async function readFile(file) {
  if (!file) return;
  $('text').value = await file.text();
  extract();
}

async function main() {
  $('status').textContent = MESSAGES['zh-CN'].loading;
  await init();
  $('status').textContent = '';
  $('extract').addEventListener('click', extract);
  $('lang').addEventListener('change', () => state.text && extract());
  $('text').addEventListener('paste', () => setTimeout(extract, 0));
  $('file').addEventListener('change', (e) => readFile(e.target.files?.[0]));
  const text = $('text');
  text.addEventListener('dragover', (e) => {
    e.preventDefault();
    text.classList.add('dragging');
  });
  text.addEventListener('dragleave', () => text.classList.remove('dragging'));
  text.addEventListener('drop', (e) => {
    e.preventDefault();
    text.classList.remove('dragging');
    readFile(e.dataTransfer?.files?.[0]);
  });
  let editing;
  $('report-json').addEventListener('input', () => {
    clearTimeout(editing);
    editing = setTimeout(() => useReport($('report-json').value), 300);
  });
  document.body.dataset.ready = 'true';
}

main().catch((e) => {
  $('status').classList.add('error');
  $('status').textContent = String(e?.message ?? e);
});
