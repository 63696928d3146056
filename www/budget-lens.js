// <budget-lens>: a government department budget report as interactive pie and bar charts, with every
// stated figure checked. One custom element; the work is done by budget-lens's WebAssembly core, found
// relative to this script. Report text reaches the page only through textContent and canvas text.
//
//   <link rel="stylesheet" href="budget-lens.css">
//   <script type="module" src="budget-lens.js"></script>
//   <budget-lens src="reports/2021.json" view="gpb_by_function" chart="pie" lang="zh-CN"></budget-lens>

const HERE = import.meta.url;
const GLUE_URL = new URL('./pkg/budget_lens.js', HERE).href;
const WASM_URL = new URL('./pkg/budget_lens_bg.wasm', HERE);
const CSS_URL = new URL('./budget-lens.css', HERE).href;

// Words needed when the wasm itself cannot be loaded (everything else comes from the core).
const FALLBACK = {
  zh: { error: '无法显示', wasm: '无法加载图表组件', load_failed: '无法读取报告', internal: '图表组件内部出错', loading: '正在加载…' },
  en: { error: 'Cannot show', wasm: 'Cannot load the chart component', load_failed: 'Cannot read the report', internal: 'The chart component failed', loading: 'Loading…' },
};

// The wasm's sha384 Subresource Integrity hash; `make dist` writes it into the dist copy of this file, and
// a page may give it as the `wasm-integrity` attribute. When set, the wasm fetch is integrity-checked.
const BUILT_WASM_INTEGRITY = '';

/** The compiled module of a wasm response, compiled as it streams in; the response itself when streaming
 *  cannot apply (a failed request, or a server that does not say `application/wasm`): the glue then names
 *  the failure or falls back to compiling the whole body, as it always did. */
function compileWhileStreaming(response) {
  const streams = response.ok && typeof WebAssembly.compileStreaming === 'function' && response.headers.get('Content-Type') === 'application/wasm';
  return streams ? WebAssembly.compileStreaming(response) : response;
}

let core; // one module per page, shared by every widget
function loadCore(integrity) {
  if (!core) {
    // The wasm is fetched side by side with its glue, not after it, and compiled while it arrives: the glue's
    // own instantiateStreaming would start compiling only once the glue itself had arrived and run. The
    // small glue is asked for first, so that it does not come after the wasm at a server that answers in turn.
    const loaded = import(GLUE_URL);
    const wasm = fetch(WASM_URL, integrity ? { integrity } : {}).then(compileWhileStreaming);
    wasm.catch(() => {}); // reported through the glue's init below
    core = loaded.then(async (glue) => {
      await glue.default({ module_or_path: wasm });
      return glue;
    });
  }
  return core;
}

/**
 * For a page whose own wasm module already links the widget's exports (the builder page's does): it hands
 * over that module's initialised glue, and no widget on the page fetches a core of its own. Call it before
 * any widget has a report to show; a core already loading is kept.
 */
export function useCore(glue) {
  core ??= Promise.resolve(glue);
}

// Reads a response body as bytes, stopping as soon as it passes the core's size limit, so that a huge
// report costs neither memory nor time. Returns { bytes } or { tooLarge: bytes seen }.
async function readLimited(response, limit) {
  const declared = Number(response.headers.get('content-length'));
  if (declared > limit) {
    response.body?.cancel();
    return { tooLarge: declared };
  }
  const reader = response.body.getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      reader.cancel();
      return { tooLarge: size };
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return { bytes };
}

// Widgets showing the same report share one request. The report is kept as bytes: the core parses them
// (and names invalid UTF-8 instead of silently replacing it). `glue()` gives the loading core, whose limit
// the body is read against.
const reports = new Map();
function fetchReport(url, glue) {
  if (!reports.has(url)) {
    const request = fetch(url).then((response) => {
      if (!response.ok) throw Object.assign(new Error(`HTTP ${response.status}`), { status: response.status });
      return glue().then((g) => readLimited(response, g.maxReportBytes()));
    });
    request.catch(() => reports.delete(url)); // a failure may be retried by a later load
    reports.set(url, request);
  }
  return reports.get(url);
}

/** Asks for the report at `src` (none when empty) and the core: the report first, since the chart needs it as
 *  much as the core and it is small, so that it does not wait behind the wasm at a server that answers in turn
 *  (the report came 20–30 ms after the wasm in session 6's traces when asked for after it). Repeated requests
 *  share the first ones. */
function request(src, integrity) {
  const report = src ? fetchReport(new URL(src, document.baseURI).href, () => loading) : Promise.resolve(null);
  const loading = loadCore(integrity || BUILT_WASM_INTEGRITY);
  return { report, loading };
}

/** Asks for the first widget's report and the core before any element is built (building the first one took
 *  4–10 ms of the page's load in session 6's traces); that element then asks for the same and shares these
 *  requests. Only a widget that will load its `src`: not one given its report as a property before this
 *  script ran, and none when another copy of this script already defined the element. */
function requestFirst() {
  if (customElements.get('budget-lens')) return;
  const first = [...document.querySelectorAll('budget-lens[src]:not([src=""])')].find(
    (node) => !Object.prototype.hasOwnProperty.call(node, 'report'),
  );
  if (!first) return;
  try {
    const { report } = request(first.getAttribute('src'), first.getAttribute('wasm-integrity'));
    report.catch(() => {}); // the element reports it in its own language
  } catch {
    // A `src` that is no URL: the element names it itself; defining the element must not fail on it.
  }
}
// At once, before the rest of this script is evaluated: the requests are what the first chart waits for.
requestFirst();

// Report text given through the `report` property, as bytes within the core's limit.
function encodeReport(text, limit) {
  // UTF-8 needs at least one byte per UTF-16 unit: a longer text is too large without encoding it.
  if (text.length > limit) return { tooLarge: text.length };
  return { bytes: new TextEncoder().encode(text) };
}

/** The page's own copy of this script's stylesheet (the same URL, loaded, for every medium) as one constructed
 *  sheet that every shadow root adopts: no second request for it (a page that does not let the browser cache
 *  it asked again and restyled while the core loaded), one parse for all widgets. Null when the page has none
 *  loaded or its rules cannot be read (another origin's): each shadow root then links the stylesheet. */
let shadowSheet;
function sharedSheet() {
  if (shadowSheet !== undefined) return shadowSheet;
  shadowSheet = null;
  try {
    const page = [...document.styleSheets].find((sheet) => sheet.href === CSS_URL && !sheet.disabled && !sheet.media.length);
    if (page) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync([...page.cssRules].map((rule) => rule.cssText).join('\n'));
      shadowSheet = sheet;
    }
  } catch {
    // No constructable stylesheets, or rules that cannot be read: each shadow root links the stylesheet.
  }
  return shadowSheet;
}

const isEnglish = (tag) => /^en\b/i.test(tag || '');

function el(tag, props = {}, children = []) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (key === 'text') node.textContent = value;
    else if (key === 'class') node.className = value;
    else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, '');
    else if (value !== false && value != null) node.setAttribute(key, String(value));
  }
  node.append(...children);
  return node;
}

// ---- Pieces of the widget built from the core's state. Report text only ever goes into textContent. ----

const colonOf = (lang) => (lang === 'en' ? ': ' : '：');

/** Ancestors as buttons, the current level as text. A crumb marked `origin` is where the reader was before
 *  following a finding into another breakdown: it leads back there, set apart by its own separator. */
function breadcrumb(crumbs, open) {
  return crumbs.flatMap((crumb, i) => {
    const after = crumbs[i - 1]?.origin ? '↩' : '›';
    const separator = i > 0 ? [el('span', { class: 'bl-sep', 'aria-hidden': 'true', text: after })] : [];
    const step =
      i === crumbs.length - 1
        ? el('span', { class: 'bl-crumb', 'aria-current': 'page', text: crumb.label })
        : el('button', { type: 'button', class: `bl-crumb${crumb.origin ? ' bl-origin' : ''}`, text: crumb.label, onclick: () => open(crumb.path) });
    return [...separator, step];
  });
}

/** Caption, header, one row per item of the level in the core's order (drillable names are buttons), and
 *  the total; the columns (those some item fills) and their headers are the core's. */
function tableParts(state, s, open) {
  const view = state.view;
  const head = el('tr', {}, [
    el('th', { scope: 'col', text: s.item }),
    ...state.columns.map(([, name]) => el('th', { scope: 'col', text: name })),
  ]);
  const rows = state.table_order.map((index) => {
    const item = view.items[index];
    const name = item.drillable
      ? el('button', { type: 'button', class: 'bl-drill', text: item.label, onclick: () => open(item.path) })
      : document.createTextNode(item.label);
    const th = el('th', { scope: 'row' }, [name]);
    if (item.mark) th.append(el('span', { class: `bl-mark bl-mark-${item.mark}`, text: '!', title: item.findings.join('\n') }));
    return el('tr', { 'data-path': item.path }, [th, ...state.columns.map(([key]) => el('td', { text: item[key] ?? '' }))]);
  });
  const foot = el('tr', {}, [
    el('th', { scope: 'row', text: s.total }),
    ...state.columns.map(([key]) => el('td', { text: key === 'amount_text' ? state.total_text : '' })),
  ]);
  return [
    // Every amount cell carries its unit (in English, CNY): the caption does not repeat it.
    el('caption', { text: view.label }),
    el('thead', {}, [head]),
    el('tbody', {}, rows),
    el('tfoot', {}, [foot]),
  ];
}

/** The checker's findings as list items; those on a node are buttons that reveal it. */
function findingItems(findings, s, reveal) {
  if (!findings.length) return [el('li', { text: s.no_findings })];
  return findings.map((f) => {
    const text = [el('span', { class: `bl-sev bl-sev-${f.severity}`, text: f.severity_word }), ` ${f.message || f.label}`];
    const body = f.navigable
      ? el('button', { type: 'button', class: 'bl-finding', 'data-path': f.path, onclick: () => reveal(f.path) }, text)
      : el('span', { class: 'bl-finding' }, text);
    return el('li', {}, [body]);
  });
}

/** One tooltip line as the core words it (`[kind, text]`): the item's name in bold, a finding in its
 *  severity's colour, the hint of what a click does. */
function tipLine([kind, text]) {
  if (kind === 'title') return el('strong', { text });
  if (kind === 'figure') return el('div', { text });
  return el('div', { class: kind === 'hint' ? 'bl-tip-hint' : `bl-tip-finding bl-sev-${kind}`, text });
}

// ---- Looks and exports. ----

const FORCED_COLORS = '(forced-colors: active)';
const DARK_SCHEME = '(prefers-color-scheme: dark)';
const REDUCED_MOTION = '(prefers-reduced-motion: reduce)';

/** The colour schemes the host page declares for `host`: its computed `color-scheme` (inherited from the
 *  page's `:root`, `body` or any ancestor) and the page's `<meta name="color-scheme">`. */
function declaredSchemes(host) {
  const computed = getComputedStyle(host).colorScheme || '';
  const meta = document.querySelector('meta[name="color-scheme"]')?.content || '';
  const words = `${computed} ${meta}`.toLowerCase().split(/[\s,]+/);
  return { dark: words.includes('dark'), light: words.includes('light'), only: words.includes('only') };
}

/** Light or dark for `theme` (`auto` default, `light`, `dark`): automatic means dark only when the host page
 *  declares a dark colour scheme and the reader prefers dark (a page declaring only dark is dark). */
function schemeOf(theme, host) {
  if (theme === 'light' || theme === 'dark') return theme;
  const page = declaredSchemes(host);
  if (!page.dark || (page.only && page.light)) return 'light';
  return matchMedia(DARK_SCHEME).matches || !page.light ? 'dark' : 'light';
}

/** The chart's base theme: high contrast (on the scheme's ground) under forced colours, else the scheme. */
function themeName(scheme) {
  if (matchMedia(FORCED_COLORS).matches) return scheme === 'dark' ? 'contrast' : 'contrast-light';
  return scheme;
}

// The custom properties that reach the canvas, by the core's colour names. Their computed values are
// normalised to rgb() by a probe element; the core checks their contrast and mends what falls short.
const CANVAS_COLORS = {
  background: '--_bg',
  text: '--_fg',
  muted_text: '--_muted',
  error: '--_error',
  warning: '--_warning',
  focus: '--_accent',
};
const SERIES_PROPERTY = '--bl-series';

/** The widget's resolved colours as `#rrggbb`, read from the frame's custom properties. */
function canvasColors(frame, probe) {
  const style = getComputedStyle(frame);
  const hex = (value) => {
    // The theme's own colours are written as #rgb or #rrggbb: taken as they are, since each probe write and
    // read recalculates style (a dozen times per drawing otherwise).
    const plain = value.trim().toLowerCase();
    if (/^#[0-9a-f]{6}$/.test(plain)) return plain;
    if (/^#[0-9a-f]{3}$/.test(plain)) return `#${[...plain.slice(1)].map((c) => c + c).join('')}`;
    probe.style.color = '';
    probe.style.color = value.trim();
    if (!probe.style.color) return null;
    const rgb = getComputedStyle(probe).color.match(/\d+(\.\d+)?/g);
    if (!rgb || (rgb[3] !== undefined && Number(rgb[3]) < 1)) return null;
    return `#${rgb.slice(0, 3).map((c) => Math.round(Number(c)).toString(16).padStart(2, '0')).join('')}`;
  };
  const colors = {};
  for (const [name, property] of Object.entries(CANVAS_COLORS)) {
    const value = style.getPropertyValue(property);
    const color = value.trim() && hex(value);
    if (color) colors[name] = color;
  }
  const series = style.getPropertyValue(SERIES_PROPERTY).trim();
  if (series) colors.series = series.split(/\s+(?![^(]*\))/).map(hex).filter(Boolean);
  return colors;
}

/** Saves `blob` as `name` through a temporary link inside `root`. */
function download(root, name, blob) {
  const url = URL.createObjectURL(blob);
  const link = el('a', { href: url, download: name, hidden: true });
  root.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * The element's attributes, the one list its contract follows: `observedAttributes` is taken from it, the
 * embed page (embed.js) passes exactly these from its URL, and a test holds pkg.json's `attributes` and the
 * README's attribute table equal to it. `on`: `change` — a change redraws or reloads; `load` — read when the
 * report loads; `url` — a setting the embed page does not take from its URL (the dist script has the hash
 * built in).
 */
export const ATTRIBUTES = [
  { name: 'src', on: 'change' },
  { name: 'view', on: 'change' },
  { name: 'chart', on: 'change' },
  { name: 'lang', on: 'change' },
  { name: 'size', on: 'change' },
  { name: 'theme', on: 'change' },
  { name: 'table', on: 'load', flag: true },
  { name: 'findings', on: 'load', flag: true },
  { name: 'wasm-integrity', on: 'load', embed: false },
];

// ---- Controllers: each watches one kind of change while connected and asks for a redraw through one
// callback; `disconnect` leaves nothing listening. ----

/** Device pixels change with the box and with devicePixelRatio (zoom, another screen): `onChange()` when
 *  either differs from the last drawing's (`drawn`). */
class SizeWatch {
  #width = 0;
  #dpr = 0;
  #query = null;
  #target;
  #onChange;
  #observer;

  constructor(target, onChange) {
    this.#target = target;
    this.#onChange = onChange;
    this.#observer = new ResizeObserver(() => {
      if (target.clientWidth !== this.#width || (window.devicePixelRatio || 1) !== this.#dpr) onChange();
    });
  }

  connect() {
    try {
      this.#observer.observe(this.#target, { box: 'device-pixel-content-box' });
    } catch {
      this.#observer.observe(this.#target);
    }
    this.#watch();
  }

  disconnect() {
    this.#observer.disconnect();
    this.#query?.removeEventListener('change', this.#onRatio);
    this.#query = null;
  }

  drawn(width, dpr) {
    this.#width = width;
    this.#dpr = dpr;
  }

  // True at today's ratio only: it changes when the ratio does.
  #watch() {
    this.#query?.removeEventListener('change', this.#onRatio);
    this.#query = matchMedia(`(resolution: ${window.devicePixelRatio || 1}dppx)`);
    this.#query.addEventListener('change', this.#onRatio);
  }

  #onRatio = () => {
    this.#watch();
    this.#onChange();
  };
}

/** `onChange(false)` when the colour scheme or forced colours change or printing ends, `onChange(true)`
 *  before printing; `onPage()` when the page may have restyled the widget: a class, style or other
 *  attribute of `<html>`, `<body>` or the element itself changed (a site's dark-mode switch setting
 *  `--bl-*` properties or `color-scheme` through a class), at most once a frame. It keeps its lists: a
 *  listener removed from another `matchMedia` list stays. */
class LookWatch {
  #onLook;
  #onPrint;
  #queries = [];
  #pageWatch;
  #pageFrame = 0;
  #host;

  constructor(host, onChange, onPage) {
    this.#host = host;
    this.#onLook = () => onChange(false);
    this.#onPrint = () => onChange(true);
    this.#pageWatch = new MutationObserver(() => {
      this.#pageFrame ||= requestAnimationFrame(() => {
        this.#pageFrame = 0;
        onPage();
      });
    });
  }

  connect() {
    this.disconnect();
    this.#queries = [FORCED_COLORS, DARK_SCHEME].map((query) => matchMedia(query));
    for (const list of this.#queries) list.addEventListener('change', this.#onLook);
    window.addEventListener('beforeprint', this.#onPrint);
    window.addEventListener('afterprint', this.#onLook);
    for (const node of [document.documentElement, document.body, this.#host]) {
      if (node) this.#pageWatch.observe(node, { attributes: true, attributeFilter: ['class', 'style', 'data-theme', 'data-color-scheme'] });
    }
  }

  disconnect() {
    for (const list of this.#queries) list.removeEventListener('change', this.#onLook);
    this.#queries = [];
    window.removeEventListener('beforeprint', this.#onPrint);
    window.removeEventListener('afterprint', this.#onLook);
    this.#pageWatch.disconnect();
    cancelAnimationFrame(this.#pageFrame);
    this.#pageFrame = 0;
  }
}

class BudgetLens extends HTMLElement {
  static observedAttributes = ATTRIBUTES.filter((a) => a.on === 'change').map((a) => a.name);

  #widget = null; // the core's Widget for the loaded report
  #reportText = null; // set through the `report` property
  #strings = null;
  #generation = 0; // the current load: a newer one overtakes it
  #loadQueued = false;
  #readyFired = false;
  #dom;
  #size; // SizeWatch: the stage's box and devicePixelRatio
  #looks; // LookWatch: colour scheme, forced colours, print
  #motionQuery = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    const d = (this.#dom = {});
    d.title = el('div', { class: 'bl-title', part: 'title' });
    // A named group, not a <nav> landmark: several widgets showing the same level would repeat one.
    d.crumbs = el('div', { class: 'bl-crumbs', part: 'breadcrumb', role: 'group' });
    d.pie = el('button', { type: 'button', class: 'bl-chart-pie', 'aria-pressed': 'true', onclick: () => this.#setChart('round') });
    d.bar = el('button', { type: 'button', class: 'bl-chart-bar', 'aria-pressed': 'false', onclick: () => this.#setChart('bar') });
    d.tableToggle = el('button', { type: 'button', class: 'bl-table-toggle', 'aria-pressed': 'false', onclick: () => this.#toggleTable() });
    d.badge = el('button', { type: 'button', class: 'bl-badge', part: 'badge', 'aria-expanded': 'false', onclick: () => this.#toggleFindings() });
    d.exportToggle = el('button', {
      type: 'button',
      class: 'bl-export-toggle',
      'aria-expanded': 'false',
      'aria-controls': 'bl-export-menu',
      onclick: () => this.#toggleExport(),
    });
    d.exportPng = el('button', { type: 'button', class: 'bl-export-png', onclick: () => this.#export('png') });
    d.exportSvg = el('button', { type: 'button', class: 'bl-export-svg', onclick: () => this.#export('svg') });
    d.exportCsv = el('button', { type: 'button', class: 'bl-export-csv', onclick: () => this.#export('csv') });
    d.exportMenu = el('div', { class: 'bl-export-menu', id: 'bl-export-menu', role: 'group', hidden: true }, [
      d.exportPng,
      d.exportSvg,
      d.exportCsv,
    ]);
    d.exportMenu.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      this.#toggleExport(false);
      d.exportToggle.focus();
    });
    d.export = el('div', { class: 'bl-export' }, [d.exportToggle, d.exportMenu]);
    d.keys = el('p', { class: 'bl-keys', id: 'bl-keys' });
    d.findings = el('div', { class: 'bl-findings', part: 'findings', role: 'group', hidden: true, 'aria-labelledby': 'bl-findings-title' });
    d.findingsList = el('ol', { class: 'bl-findings-list' });
    d.findingsClose = el('button', { type: 'button', class: 'bl-close', onclick: () => this.#toggleFindings(false) });
    d.findingsTitle = el('h3', { class: 'bl-findings-title', id: 'bl-findings-title' });
    d.findings.append(el('div', { class: 'bl-findings-head' }, [d.findingsTitle, d.findingsClose]), d.findingsList);
    // An interactive control (arrow keys, Enter, Escape, Space), described by the level's sentence and the keys.
    d.canvas = el('canvas', { class: 'bl-canvas', part: 'chart', tabindex: '0', role: 'application', 'aria-describedby': 'bl-description bl-keys' });
    // Off the page: the core keeps the still chart here and copies it under each hover's emphasis.
    d.layer = document.createElement('canvas');
    d.description = el('p', { class: 'bl-description', id: 'bl-description' });
    // Floating inside the chart for a mouse or the keyboard; a card in the flow below the chart for touch.
    d.tip = el('div', { class: 'bl-tip', part: 'tooltip', role: 'tooltip', id: 'bl-tip', hidden: true, 'aria-hidden': 'true' });
    d.probe = el('span', { class: 'bl-probe', 'aria-hidden': 'true' });
    // The level's own findings (its total against its parts), on the level where they show.
    d.levelNote = el('ul', { class: 'bl-level-note', hidden: true });
    d.stage = el('div', { class: 'bl-stage' }, [d.canvas, d.tip]);
    d.table = el('table', { class: 'bl-table', part: 'table' });
    d.tableWrap = el('div', { class: 'bl-table-wrap', hidden: true }, [d.table]);
    d.live = el('div', { class: 'bl-live', 'aria-live': 'polite' });
    d.body = el('div', { class: 'bl-body', hidden: true }, [
      el('div', { class: 'bl-head' }, [
        d.title,
        d.crumbs,
        el('div', { class: 'bl-tools' }, [
          (d.switch = el('div', { class: 'bl-switch', role: 'group' }, [d.pie, d.bar])),
          d.tableToggle,
          d.badge,
          d.export,
        ]),
      ]),
      d.findings,
      d.levelNote,
      d.stage,
      d.tableWrap,
      d.description,
      d.keys,
      d.live,
    ]);
    d.status = el('div', { class: 'bl-status', role: 'status' });
    d.errorText = el('p', { class: 'bl-error-text' });
    d.error = el('div', { class: 'bl-error', part: 'error', role: 'alert', hidden: true }, [d.errorText, el('slot')]);
    d.frame = el('div', { class: 'bl' }, [d.status, d.body, d.error, d.probe]);
    // The page's copy of the stylesheet when it has one (no second request, one parse for all); else a link.
    const shared = sharedSheet();
    if (shared) root.adoptedStyleSheets = [shared];
    else root.append(el('link', { rel: 'stylesheet', href: CSS_URL }));
    root.append(d.frame);

    // Every event that reaches the core goes through #guard: an error or a trap shows a message, never a
    // dead widget.
    const guarded = (handler) => (e) => this.#guard(() => handler(e));
    d.canvas.addEventListener('pointermove', guarded((e) => this.#onPointerMove(e)));
    // A lifted finger also "leaves": the tooltip of a tap stays until the next tap elsewhere.
    d.canvas.addEventListener('pointerleave', guarded((e) => e.pointerType !== 'touch' && this.#onPointerLeave()));
    d.canvas.addEventListener('pointerdown', guarded((e) => this.#onPointerDown(e)));
    d.canvas.addEventListener('click', guarded((e) => this.#onClick(e)));
    d.canvas.addEventListener('keydown', guarded((e) => this.#onKey(e)));
    d.canvas.addEventListener('focus', guarded(() => this.#follow((w) => w.focus('in'))));
    d.canvas.addEventListener('blur', guarded(() => this.#follow((w) => w.focus('out'))));
    this.#size = new SizeWatch(d.stage, () => this.#request({ draw: true }));
    // Paper is white: print the chart in the light theme whatever the screen uses, at once.
    this.#looks = new LookWatch(
      this,
      (print) => {
        this.#request({ draw: true, print });
        if (print) this.#flush();
      },
      // Drawn again only when the look the canvas was drawn in really changed.
      () => this.#drawn && this.#guard(() => this.#lookKey(this.#look(false)) !== this.#drawn.look && this.#request({ draw: true })),
    );
  }

  connectedCallback() {
    // A `report` set before this script defined the element sits on the instance: pass it through the setter.
    if (Object.prototype.hasOwnProperty.call(this, 'report')) {
      const value = this.report;
      delete this.report;
      this.#reportText = typeof value === 'string' ? value : JSON.stringify(value);
    }
    this.#size.connect();
    this.#looks.connect();
    this.#motionQuery = matchMedia(REDUCED_MOTION);
    this.#queueLoad();
  }

  disconnectedCallback() {
    this.#size.disconnect();
    this.#looks.disconnect();
    this.#generation++; // a load under way is dropped
    cancelAnimationFrame(this.#frame);
    this.#frame = 0;
    this.#due = null;
    this.#release();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.isConnected) return;
    if (name === 'size' || name === 'theme') return this.#request({ draw: true });
    // They move the reader in a report shown; a load under way takes them as they are when it runs.
    if (name === 'chart' && this.#widget) return this.#setChart(after || 'pie');
    if (name === 'view' && this.#widget) return this.#open(after || '');
    this.#queueLoad();
  }

  /** The report as an object or JSON text; an alternative to `src`. */
  get report() {
    return this.#reportText;
  }

  set report(value) {
    this.#reportText = typeof value === 'string' ? value : JSON.stringify(value);
    if (this.isConnected) this.#queueLoad();
  }

  get #lang() {
    return isEnglish(this.getAttribute('lang')) ? 'en' : 'zh-CN';
  }

  get #colon() {
    return colonOf(this.#lang);
  }

  #release() {
    try {
      this.#widget?.free();
    } catch {
      // the instance may already be gone
    }
    this.#widget = null;
  }

  /** Every cause of a load (each attribute an upgrade sets, `report`, being connected) asks here: one load
   *  runs when the script turn ends, of the element as it is then. The report shown before is let go. */
  #queueLoad() {
    this.#generation++;
    this.#release();
    if (this.#loadQueued) return;
    this.#loadQueued = true;
    queueMicrotask(() => {
      this.#loadQueued = false;
      if (this.isConnected) this.#load(this.#generation);
    });
  }

  async #load(generation) {
    const lang = this.#lang;
    const fallback = FALLBACK[lang === 'en' ? 'en' : 'zh'];
    this.#dom.frame.lang = lang;
    // The report and the core load side by side; an element with nothing to show yet loads neither.
    const src = this.#reportText == null ? this.getAttribute('src') : null;
    if (src == null && this.#reportText == null) return;
    let requested;
    try {
      requested = request(src, this.getAttribute('wasm-integrity'));
    } catch (e) {
      // A `src` that is no URL, named like a report that cannot be read.
      return this.#fail(`${fallback.load_failed} (${src})`, 'load', e);
    }
    const { report, loading } = requested;
    report.catch(() => {}); // handled below, once the core can say it in the widget's language
    // Said while the core and the report are on their way (a slow line: seconds), not a blank frame, and in
    // the look the chart will have (a dark page's widget does not flash white).
    this.#dom.status.textContent = fallback.loading;
    this.#dom.status.hidden = false;
    this.#dom.frame.dataset.theme = schemeOf(this.getAttribute('theme'), this);
    let glue;
    try {
      glue = await loading;
    } catch (e) {
      if (generation === this.#generation) this.#fail(fallback.wasm, 'wasm', e);
      return;
    }
    if (generation !== this.#generation) return;
    try {
      this.#strings = JSON.parse(glue.uiStrings(lang));
    } catch (e) {
      return this.#fail(fallback.wasm, 'wasm', e);
    }
    let loaded;
    try {
      loaded = src ? await report : this.#reportText == null ? null : encodeReport(this.#reportText, glue.maxReportBytes());
    } catch (e) {
      // A status in every language; the browser's words on English pages only.
      const status = e?.status ? `${this.#colon}HTTP ${e.status}` : '';
      if (generation === this.#generation) this.#fail(`${this.#strings.load_failed} (${src})${status}`, 'load', status ? null : e);
      return;
    }
    if (generation !== this.#generation) return;
    if (loaded == null) return; // nothing to show yet
    if (loaded.tooLarge) return this.#guard(() => this.#fail(glue.reportTooLarge(loaded.tooLarge, lang), 'too-large'));
    this.#release();
    try {
      this.#widget = new glue.Widget(loaded.bytes, this.getAttribute('view') || '', this.getAttribute('chart') || 'pie', lang);
    } catch (e) {
      return this.#fail(e?.message ?? String(e), 'report');
    }
    this.#dom.status.hidden = true;
    this.#dom.error.hidden = true;
    this.#dom.body.hidden = false;
    if (this.hasAttribute('table')) this.#toggleTable(true);
    if (this.hasAttribute('findings')) this.#toggleFindings(true);
    this.#due = this.#easing = null; // due for the report before
    this.#request({ render: true });
    this.#flush(); // `budget-lens-ready` means drawn
  }

  /** Shows `message` (the widget's language) and fires `budget-lens-error` with it and its `code`: `wasm`,
   *  `load`, `too-large`, `report` or `internal`. `cause` (the browser's or runtime's English words) is
   *  shown on English pages only, and goes to the page's developer as `detail.cause`. */
  #fail(message, code = 'internal', cause = null) {
    const d = this.#dom;
    const lang = this.#lang;
    const prefix = this.#strings?.error ?? FALLBACK[lang === 'en' ? 'en' : 'zh'].error;
    const why = cause && String(cause.message ?? cause);
    const shown = why && lang === 'en' ? `${message}${this.#colon}${why}` : message;
    d.status.hidden = true;
    d.body.hidden = true;
    d.error.hidden = false;
    d.errorText.textContent = `${prefix}${this.#colon}${shown}`;
    this.#release();
    const detail = { code, message: shown, cause: why || undefined };
    this.dispatchEvent(new CustomEvent('budget-lens-error', { bubbles: true, composed: true, detail }));
  }

  // Every call into the core goes through here: a failure shows a message instead of a dead widget.
  #guard(action) {
    try {
      return action();
    } catch (e) {
      this.#fail(FALLBACK[this.#lang === 'en' ? 'en' : 'zh'].internal, 'internal', e);
      return undefined;
    }
  }

  // ---- One update per frame: every cause (a `Changed`, a hover, a new box, look or pixel ratio, a step of
  // the hover's transition) asks for what it changed, and the next frame does it all, in one order. ----

  #due = null;
  #frame = 0;
  #easing = null; // the frame time the hover's emphasis started easing in

  /** Asks the next frame for what changed, in the shape of the core's `Changed` (`render`, `enter`, `draw`,
   *  `hover`, `tip` with `card`, `say`; -1: none) with the element's `paint`, `print` and `highlight`. */
  #request(c) {
    const due = (this.#due ??= {});
    if (c.render) Object.assign(due, { render: true, tip: -1, highlight: null });
    due.enter ||= c.enter;
    due.draw ||= c.draw || c.render;
    due.paint ||= c.paint || c.hover != null;
    if (c.draw) due.print = c.print;
    for (const key of ['hover', 'tip', 'card', 'say', 'highlight']) if (c[key] != null) due[key] = c[key];
    this.#frame ||= requestAnimationFrame((now) => this.#update(now));
  }

  /** What is due, now: for a report's first drawing, printing, an export. */
  #flush() {
    cancelAnimationFrame(this.#frame);
    this.#update(performance.now());
  }

  #update(now) {
    this.#frame = 0;
    const due = this.#due;
    this.#due = null;
    if (!due || !this.#widget) return;
    // One guard: a failure shows one message and stops the rest.
    this.#guard(() => {
      if (due.render) this.#renderNow(due.enter);
      if (due.highlight) for (const row of this.#dom.table.querySelectorAll('tbody tr')) row.classList.toggle('bl-highlight', row.dataset.path === due.highlight);
      if (due.hover != null) this.#easing = due.hover >= 0 && !this.#motionQuery?.matches ? now : null;
      if (this.#easing != null) this.#easeStep(now);
      if (due.draw) this.#draw(due.print);
      else if (due.paint) this.#repaint();
      if (due.tip < 0) this.#hideTip();
      else if (due.tip != null) this.#showTip(due.tip, due.card);
      if (due.say != null) this.#dom.live.textContent = due.say;
    });
  }

  /** A step of the hovered part's emphasis (pull-out, band) easing in: the core says how far, and whether
   *  another frame is wanted. */
  #easeStep(now) {
    if (this.#widget.easeHover(now - this.#easing)) this.#request({ paint: true });
    else this.#easing = null;
  }

  /** Brings everything around the chart up to the core's state (`enter`: a new level or chart, which
   *  enters with a short animation). */
  #renderNow(enter) {
    const s = this.#strings;
    const state = JSON.parse(this.#widget.state());
    const d = this.#dom;
    d.title.textContent = state.title || state.entity || '';
    d.pie.textContent = s.pie;
    d.bar.textContent = s.bar;
    d.pie.setAttribute('aria-pressed', String(state.chart !== 'bar'));
    d.bar.setAttribute('aria-pressed', String(state.chart === 'bar'));
    d.switch.setAttribute('aria-label', s.chart_type);
    d.tableToggle.textContent = s.table;
    d.badge.textContent = state.badge;
    d.badge.dataset.severity = state.badge_severity;
    d.findingsTitle.textContent = s.findings;
    d.findingsClose.textContent = s.close;
    d.findingsClose.setAttribute('aria-label', s.close_findings);
    d.exportToggle.textContent = s.export;
    d.exportPng.textContent = s.export_png;
    d.exportSvg.textContent = s.export_svg;
    d.exportCsv.textContent = s.export_csv;
    d.keys.textContent = s.keys_hint;
    // Named after its level, so that several widgets' breadcrumbs are told apart; "up" only where there is an up.
    d.crumbs.setAttribute('aria-label', state.crumbs_label);
    d.crumbs.replaceChildren(...breadcrumb(state.breadcrumb, (path) => this.#open(path)));
    d.table.replaceChildren(...tableParts(state, s, (path) => this.#open(path)));
    d.findingsList.replaceChildren(...findingItems(state.findings, s, (path) => this.#reveal(path)));
    // The chart's accessible name is the level's title; its description the level in one sentence.
    d.canvas.setAttribute('aria-label', state.view.label);
    d.canvas.setAttribute('aria-roledescription', s.chart_role);
    d.description.textContent = state.description;
    const own = state.view.own_findings ?? [];
    d.levelNote.replaceChildren(...own.map((f) => el('li', { class: `bl-sev-${f.severity}` }, [el('span', { class: `bl-mark bl-mark-${f.severity}`, 'aria-hidden': 'true', text: '!' }), ` ${f.text}`])));
    d.levelNote.hidden = !own.length;
    if (enter) this.#animate();
    this.#tips.clear();
    this.#tipShown = null;
    d.tip.replaceChildren();
  }

  /** One event into the core (`event(widget)` returns its `Changed` as JSON): select fires at once, the
   *  rest is asked of the next update. The change, or nothing when there is no widget or the core failed. */
  #follow(event) {
    if (!this.#widget) return null;
    const changed = this.#guard(() => JSON.parse(event(this.#widget)));
    if (!changed) return null;
    if (changed.select) this.dispatchEvent(new CustomEvent('budget-lens-select', { bubbles: true, composed: true, detail: changed.select }));
    this.#request(changed);
    return changed;
  }

  /** A short entrance (≤ 300 ms) for a new level or chart: none when the reader asks for reduced motion. */
  #animate() {
    const canvas = this.#dom.canvas;
    if (this.#motionQuery?.matches || !canvas.animate) return;
    canvas.animate(
      [
        { opacity: 0.2, transform: 'scale(0.97)' },
        { opacity: 1, transform: 'none' },
      ],
      { duration: 220, easing: 'ease-out' },
    );
  }

  /** The look: `print` (light, no overrides), or the `theme` attribute against the page and the media. */
  #look(print) {
    const frame = this.#dom.frame;
    const scheme = print ? 'light' : schemeOf(this.getAttribute('theme'), this);
    frame.dataset.theme = scheme;
    const forced = matchMedia(FORCED_COLORS).matches;
    const theme = print ? 'light' : themeName(scheme);
    const colors = print || forced ? {} : canvasColors(frame, this.#dom.probe);
    const pairs = Object.entries(colors).map(([name, value]) => `${name}:${Array.isArray(value) ? value.join(',') : value}`);
    return { theme, colors: pairs.join(' ') };
  }

  #lookKey(look) {
    return `${look.theme} ${look.colors}`;
  }

  /** Draws the chart afresh in the current look (`print`: the light one), zoomed with the text size. */
  #draw(print = false) {
    const { canvas, stage } = this.#dom;
    const width = stage.clientWidth;
    if (!width) return; // not laid out yet; the ResizeObserver asks again
    const dpr = window.devicePixelRatio || 1;
    this.#size.drawn(width, dpr);
    const look = this.#look(print);
    // The chart zooms with the widget's font size (the page's, and the large mode's).
    const fontSize = parseFloat(getComputedStyle(this.#dom.frame).fontSize);
    const height = Math.round(this.#widget.look(look.theme, look.colors, fontSize, width));
    // Resizing a canvas reallocates its bitmap: only when the size really changed (not on every hover).
    const pixelWidth = Math.round(width * dpr);
    const pixelHeight = Math.round(height * dpr);
    const cssWidth = `${width}px`;
    const cssHeight = `${height}px`;
    if (canvas.width !== pixelWidth || canvas.height !== pixelHeight || canvas.style.width !== cssWidth || canvas.style.height !== cssHeight) {
      canvas.style.width = cssWidth;
      canvas.style.height = cssHeight;
      canvas.width = pixelWidth;
      canvas.height = pixelHeight;
    }
    this.#widget.draw(canvas, this.#dom.layer, width, height, dpr);
    for (const held of this.#tips.values()) held.size = held.place = null;
    this.#drawn = print ? null : { width, height, dpr, look: this.#lookKey(look) };
    if (!this.#readyFired) {
      this.#readyFired = true;
      this.dispatchEvent(new CustomEvent('budget-lens-ready', { bubbles: true, composed: true }));
    }
  }

  #drawn = null; // the size of the last drawing in the page's look: a hover repaints at it

  /** Paints the chart again at the last drawing's size and look: a hover or a step of its transition,
   *  with no style read and no layout (the core keeps both until they change). */
  #repaint() {
    if (!this.#drawn) return this.#draw();
    const { width, height, dpr } = this.#drawn;
    this.#widget.draw(this.#dom.canvas, this.#dom.layer, width, height, dpr);
  }

  #point(event) {
    const box = this.#dom.canvas.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  }

  #pointerType = 'mouse'; // of the last pointerdown: a click event may not say

  // A pointer selects by hovering or tapping: the core drops the keyboard's focus mark, and the focus that
  // the press gives the canvas draws none (the CSS ring is :focus-visible only).
  #onPointerDown(event) {
    this.#pointerType = event.pointerType;
    this.#follow((w) => w.focus('press'));
  }

  // One core call per move; an update only when the hover changed.
  #onPointerMove(event) {
    if (!this.#widget) return;
    const [x, y] = this.#point(event);
    this.#pointed(this.#widget.pointer(x, y, event.pointerType === 'touch'));
  }

  // Leaving the chart ends the hover (a point off the chart) and hides any tooltip.
  #onPointerLeave() {
    if (!this.#widget) return;
    this.#pointed(this.#widget.pointer(-1, -1, false));
    this.#request({ tip: -1 });
  }

  /** Follows `Widget.pointer`'s packed answer: bit 0 the hand cursor, bit 1 the hover changed, the bits
   *  above the hovered item plus one. */
  #pointed(bits) {
    const cursor = bits & 1 ? 'pointer' : '';
    if (this.#dom.canvas.style.cursor !== cursor) this.#dom.canvas.style.cursor = cursor;
    if (!(bits & 2)) return;
    const hovered = (bits >> 2) - 1;
    this.#request({ hover: hovered, tip: hovered, card: false });
  }

  #onClick(event) {
    const [x, y] = this.#point(event);
    this.#follow((w) => w.click(x, y, this.#pointerType === 'touch'));
  }

  // The keyboard map is the core's; a key it handles keeps the browser's own action (scrolling) away.
  #onKey(event) {
    if (this.#follow((w) => w.key(event.key))?.handled) event.preventDefault();
  }

  #open(path) {
    this.#follow((w) => w.open(path));
  }

  #reveal(path) {
    if (!this.#follow((w) => w.reveal(path))?.render) return;
    this.#request({ highlight: path });
    this.#dom.canvas.focus({ preventScroll: false });
  }

  // `round`: the pie button, back to the pie or donut the page asked for (the core remembers which).
  #setChart(chart) {
    this.#follow((w) => w.setChart(chart));
  }

  #toggleTable(open) {
    const d = this.#dom;
    const show = open ?? d.tableWrap.hidden;
    d.tableWrap.hidden = !show;
    d.tableToggle.setAttribute('aria-pressed', String(show));
  }

  #toggleExport(open) {
    const d = this.#dom;
    const show = open ?? d.exportMenu.hidden;
    d.exportMenu.hidden = !show;
    d.exportToggle.setAttribute('aria-expanded', String(show));
    if (show) d.exportPng.focus();
  }

  /** Saves the chart as PNG (the canvas, at device resolution) or SVG, or the level as CSV. */
  #export(kind) {
    this.#flush();
    if (!this.#widget) return;
    // The file's name and text (none for a PNG, taken from the canvas) from the core.
    const file = this.#guard(() => JSON.parse(this.#widget.file(kind)));
    const root = this.shadowRoot;
    if (file && kind === 'png') {
      this.#dom.canvas.toBlob((blob) => blob && download(root, file[0], blob), 'image/png');
    } else if (file) {
      download(root, file[0], new Blob([file[1]], { type: kind === 'svg' ? 'image/svg+xml' : 'text/csv;charset=utf-8' }));
    }
    this.#toggleExport(false);
    this.#dom.exportToggle.focus();
  }

  #toggleFindings(open) {
    const d = this.#dom;
    const show = open ?? d.findings.hidden;
    d.findings.hidden = !show;
    d.badge.setAttribute('aria-expanded', String(show));
  }

  /** The tooltip of item `index`: inside the chart where the core places it (never over the part it
   *  describes), or for touch a card below the chart. Lines built once per item and level, measured and
   *  placed once per drawing; moved by `transform` (no layout). */
  #showTip(index, touch = false) {
    const key = `${index} ${touch}`;
    let held = this.#tips.get(key);
    if (!held) {
      const lines = JSON.parse(this.#widget.tip(index));
      if (!lines.length) return this.#hideTip();
      held = { lines: lines.map(tipLine), size: null, place: null };
      this.#tips.set(key, held);
    }
    const tip = this.#dom.tip;
    if (this.#tipShown !== held) {
      tip.replaceChildren(...held.lines);
      tip.classList.toggle('bl-tip-card', touch);
      this.#tipShown = held;
    }
    tip.hidden = false;
    tip.removeAttribute('aria-hidden');
    if (touch) {
      tip.style.transform = '';
      return;
    }
    // Measured at the stage's corner, where the stage's edge does not squeeze it.
    if (!held.size) {
      tip.style.transform = '';
      held.size = [tip.offsetWidth, tip.offsetHeight];
    }
    if (!held.place) {
      const { width, height, dpr } = this.#drawn ?? { width: this.#dom.stage.clientWidth, height: this.#dom.stage.clientHeight, dpr: window.devicePixelRatio || 1 };
      const place = this.#widget.tipPosition(index, ...held.size, width, height);
      if (place?.length !== 2) return this.#hideTip();
      // Whole device pixels, as left and top would be snapped: the text stays crisp.
      held.place = [...place].map((v) => Math.round(v * dpr) / dpr);
    }
    tip.style.transform = `translate(${held.place[0]}px, ${held.place[1]}px)`;
  }

  #tips = new Map(); // `index touch` → { lines, size, place }
  #tipShown = null;

  // Transparent, not invisible (budget-lens.css): out of the accessibility tree by aria-hidden.
  #hideTip() {
    this.#dom.tip.hidden = true;
    this.#dom.tip.setAttribute('aria-hidden', 'true');
  }
}

if (!customElements.get('budget-lens')) customElements.define('budget-lens', BudgetLens);

export { BudgetLens };
