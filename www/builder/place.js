// Shows where a finding's figures were printed (checkReport's `printed`: {stated: [printed…], compared:
// [printed…]}, each printed {table, text, page, box: [x, y, width, height]} or {table, text, sheet, cell}):
// a PDF page drawn by pdf.js with the stated figure boxed in red and the compared figures on that page in
// blue, or the sheet as a grid with the cells marked. Text goes to the DOM only as textContent.
import { words } from './i18n.js';

/** printed.box [x, y, width, height] → [x0, top, x1, bottom]. */
const corners = ([x, y, width, height]) => [x, y, x + width, y + height];

/** "C7" → [row, column], 0-based. */
export function cellIndex(name) {
  const m = /^([A-Z]+)(\d+)$/.exec(name ?? '');
  if (!m) return null;
  const column = [...m[1]].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
  return [Number(m[2]) - 1, column];
}

const columnName = (column) => {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
};

/** The most rows of a sheet shown at once: the marked cell's neighbourhood of a very long sheet. */
const MAX_ROWS = 400;

export class PlaceView {
  /** `root`: the element the place is drawn in; `source()`: {pdf: {name, bytes}|null, sheets: Map}. */
  constructor(root, source) {
    this.root = root;
    this.source = source;
    this.drawing = Promise.resolve();
    this.latest = 0;
  }

  clear() {
    this.latest++;
    this.root.replaceChildren();
    this.root.hidden = true;
  }

  /** Shows the places of `printed`; `lang` for the captions. Resolves when drawn. */
  show(printed, lang) {
    // A figure whose cell was blank, or a report edited by hand, may have no place: it cannot be shown.
    const located = (p) => p.page || p.sheet;
    const stated = (printed?.stated ?? []).filter(located);
    const blank = (printed?.stated ?? []).some((p) => !located(p) && !p.text);
    const compared = (printed?.compared ?? []).filter(located);
    const first = stated[0] ?? compared[0];
    const token = ++this.latest;
    this.root.hidden = false;
    if (!first) {
      this.root.replaceChildren(paragraph(words(lang).noPlace, 'place-caption'));
      return Promise.resolve();
    }
    const all = [...stated, ...compared];
    // One page or sheet at a time: the stated figure's, with buttons for the others'.
    const pick = (where) => {
      this.drawing = this.drawing.then(() => (token === this.latest ? this.draw(where, { stated, compared, all, blank }, lang, token, pick) : null));
      return this.drawing;
    };
    return pick(placeKey(first));
  }

  async draw(where, { stated, compared, all, blank }, lang, token, pick) {
    const w = words(lang);
    const here = (p) => placeKey(p) === where;
    const main = stated.find(here) ?? compared.find(here);
    const isStated = stated.includes(main);
    const caption = paragraph(isStated ? w.stated(main) : w.comparedOne(main), 'place-caption');
    const parts = [caption];
    // The figure checked was a blank cell (or has no recorded place): only what it was compared with shows.
    if (!stated.length) parts.push(paragraph(blank ? w.statedBlank : w.statedNowhere, 'place-compared'));
    const onHere = compared.filter(here).length;
    if (onHere) parts.push(paragraph(w.compared(onHere), 'place-compared'));
    const elsewhere = [...new Set(all.map(placeKey))].filter((k) => k !== where);
    if (elsewhere.length) parts.push(otherPlaces(elsewhere, lang, pick));
    if (main.page && this.source().pdf) {
      const frame = document.createElement('div');
      frame.className = 'page-frame';
      // It scrolls: reachable by keyboard, named for a screen reader.
      frame.tabIndex = 0;
      frame.setAttribute('role', 'region');
      frame.setAttribute('aria-label', caption.textContent);
      const canvas = document.createElement('canvas');
      canvas.setAttribute('role', 'img');
      canvas.setAttribute('aria-label', caption.textContent);
      frame.append(canvas);
      parts.push(frame);
      this.root.replaceChildren(...parts);
      await this.drawPage(frame, canvas, main, isStated, compared.filter(here), lang);
    } else {
      const sheet = this.source().sheets.get(main.sheet);
      parts.push(sheet ? sheetTable(sheet, stated.filter(here), compared.filter(here)) : paragraph(w.noPlace, 'place-caption'));
      this.root.replaceChildren(...parts);
      centreOn(this.root.querySelector('.sheet-frame'), this.root.querySelector('td.stated, td.compared'));
    }
    if (token === this.latest) this.root.dataset.shown = where;
  }

  async drawPage(frame, canvas, main, isStated, compared, lang) {
    const { renderPage } = await import('./pdf.js');
    const { bytes } = this.source().pdf;
    // Never narrower than a readable page: on a phone the page scrolls sideways inside its frame.
    const width = Math.max(frame.clientWidth, 640);
    try {
      const box = isStated ? corners(main.box) : null;
      const others = compared.map((p) => corners(p.box));
      const scale = await renderPage(canvas, bytes, main.page, box, { width, lang, others });
      const [x0, top, x1, bottom] = corners(main.box);
      frame.scrollLeft = Math.max(0, ((x0 + x1) / 2) * scale - frame.clientWidth / 2);
      frame.scrollTop = Math.max(0, ((top + bottom) / 2) * scale - frame.clientHeight / 2);
      canvas.dataset.scale = scale;
      canvas.dataset.page = main.page;
    } catch (e) {
      frame.replaceChildren(paragraph(words(lang).renderFailed(e?.message ?? String(e)), 'place-caption error'));
    }
  }
}

/** Scrolls the frame (only: never the page) so that the cell is in its middle. */
function centreOn(frame, cell) {
  if (!frame || !cell) return;
  const [f, c] = [frame.getBoundingClientRect(), cell.getBoundingClientRect()];
  frame.scrollTop += c.top - f.top - (frame.clientHeight - c.height) / 2;
  frame.scrollLeft += c.left - f.left - (frame.clientWidth - c.width) / 2;
}

/** Page 10 → "page:10"; a sheet → "sheet:表3". */
const placeKey = (p) => (p.page ? `page:${p.page}` : `sheet:${p.sheet}`);

function otherPlaces(keys, lang, pick) {
  const list = document.createElement('p');
  list.className = 'place-others';
  for (const key of keys) {
    const button = document.createElement('button');
    button.type = 'button';
    const [kind, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
    button.textContent = kind === 'page' ? words(lang).alsoOn(name) : name;
    button.addEventListener('click', () => pick(key));
    list.append(button);
  }
  return list;
}

function paragraph(text, className) {
  const p = document.createElement('p');
  p.className = className;
  p.textContent = text;
  return p;
}

/** The sheet's cells as a grid with spreadsheet row numbers and column letters, the figures' cells marked. */
function sheetTable(sheet, stated, compared) {
  const marks = new Map();
  for (const p of compared) marks.set(p.cell, 'compared');
  for (const p of stated) marks.set(p.cell, 'stated');
  const target = cellIndex(stated[0]?.cell ?? compared[0]?.cell)?.[0] ?? 0;
  const rows = sheet.rows;
  const from = Math.max(0, Math.min(target - MAX_ROWS / 2, rows.length - MAX_ROWS));
  const wrap = document.createElement('div');
  wrap.className = 'sheet-frame';
  wrap.tabIndex = 0;
  wrap.setAttribute('role', 'region');
  wrap.setAttribute('aria-label', sheet.name);
  const table = document.createElement('table');
  table.className = 'sheet';
  const head = table.createTHead().insertRow();
  head.append(document.createElement('td'));
  for (let c = 0; c < sheet.width; c++) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = columnName(c);
    head.append(th);
  }
  const body = table.createTBody();
  for (let r = from; r < Math.min(rows.length, from + MAX_ROWS); r++) {
    const tr = body.insertRow();
    const th = document.createElement('th');
    th.scope = 'row';
    th.textContent = String(r + 1);
    tr.append(th);
    for (let c = 0; c < sheet.width; c++) {
      const td = tr.insertCell();
      td.textContent = rows[r]?.[c] ?? '';
      const mark = marks.get(`${columnName(c)}${r + 1}`);
      if (mark) td.className = mark;
    }
  }
  wrap.append(table);
  return wrap;
}

/** TableImport's sheets ([{sheet, cells: [[row, column, text]…]}]) → Map name → {name, rows, width}. */
export function sheetsOf(list) {
  const sheets = new Map();
  for (const { sheet, cells } of list ?? []) {
    const rows = [];
    let width = 0;
    for (const [r, c, text] of cells) {
      (rows[r] ??= [])[c] = text;
      width = Math.max(width, c + 1);
    }
    sheets.set(sheet, { name: sheet, rows, width });
  }
  return sheets;
}
