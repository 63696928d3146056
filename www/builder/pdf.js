// The builder page's PDF reader (pdf.js). Loaded only by the builder page and only when a PDF is opened:
// the widget never loads it. pdf.js and its CJK cMaps are served from ./vendor/pdfjs/ (copied there by
// the build from node_modules). Fonts are never evaluated (isEvalSupported: false), no PDF JavaScript
// runs (no scripting is set up), and every cost is bounded like the CLI's reader (crates/tables/src/pdf).
//
//   readPdf(bytes, {lang, onPage}) → {pages: [{width, height, runs: [{x, y, w, h, text}]}]}
//     page points, top-left origin, y = baseline (the same frame as the CLI's runs); onPage(done, total) is
//     called as each page is read
//   renderPage(canvas, bytes, pageNo, box, {width, others}) draws page pageNo (1-based) with box [x0, top, x1,
//     bottom] (page points) outlined in red, and the boxes in `others` in blue; returns the scale used.
// Errors are thrown as PdfReadError with .kind (not_pdf | too_large | truncated | damaged | encrypted | no_pages |
// too_many_pages | too_complex | no_text | scan) and a message in the page's language.

const VENDOR = new URL('./vendor/pdfjs/', import.meta.url);
export const MAX_PDF_BYTES = 64 << 20;
export const MAX_PAGES = 2000;
const MAX_RUNS = 1_000_000;

const MESSAGES = {
  'zh-CN': {
    not_pdf: () => '不是 PDF 文件（文件开头没有 %PDF- 标记）',
    too_large: ({ bytes }) => `PDF 文件过大（${bytes >> 20} MB，上限 ${MAX_PDF_BYTES >> 20} MB）`,
    damaged: ({ why }) => `PDF 文件已损坏或不完整，无法读取其结构（${why}）`,
    truncated: () => 'PDF 文件不完整（末尾缺少 %%EOF 标记），可能未下载完',
    encrypted: () => 'PDF 文件已加密，无法读取；请提供未加密的文件',
    no_pages: () => 'PDF 文件没有页面',
    too_many_pages: ({ pages }) => `PDF 共 ${pages} 页，超过上限 ${MAX_PAGES} 页`,
    too_complex: ({ page }) => `第 ${page} 页过于复杂（文字片段超出上限），已停止读取`,
    scan: ({ pages }) => `PDF 的 ${pages} 页中没有文字，只有图像：这是扫描件，需先做文字识别（OCR）`,
    no_text: ({ pages }) => `PDF 的 ${pages} 页中没有可读取的文字`,
  },
  en: {
    not_pdf: () => 'not a PDF file (no %PDF- marker at its start)',
    too_large: ({ bytes }) => `the PDF is too large (${bytes >> 20} MB; the limit is ${MAX_PDF_BYTES >> 20} MB)`,
    damaged: ({ why }) => `the PDF is damaged or truncated: its structure cannot be read (${why})`,
    truncated: () => 'the PDF is truncated (no %%EOF marker at its end): perhaps an interrupted download',
    encrypted: () => 'the PDF is encrypted and cannot be read; please provide an unencrypted file',
    no_pages: () => 'the PDF has no pages',
    too_many_pages: ({ pages }) => `the PDF has ${pages} pages, more than the limit of ${MAX_PAGES}`,
    too_complex: ({ page }) => `page ${page} is too complex (text runs over the limit); reading stopped`,
    scan: ({ pages }) => `none of the PDF's ${pages} pages has text, only images: it is a scan and needs OCR first`,
    no_text: ({ pages }) => `none of the PDF's ${pages} pages has readable text`,
  },
};

export class PdfReadError extends Error {
  constructor(kind, details, lang) {
    const table = MESSAGES[lang] ?? MESSAGES['zh-CN'];
    super(table[kind](details));
    this.name = 'PdfReadError';
    this.kind = kind;
    this.details = details;
  }
}

let library;
/** pdf.js, imported on first use only. */
async function pdfjs() {
  if (!library) {
    library = await import(new URL('pdf.min.mjs', VENDOR).href);
    library.GlobalWorkerOptions.workerSrc = new URL('pdf.worker.min.mjs', VENDOR).href;
  }
  return library;
}

const latin1 = (bytes) => new TextDecoder('latin1').decode(bytes);
const hasPdfMarker = (bytes) => latin1(bytes.subarray(0, 1024)).includes('%PDF-');
/** A PDF ends with %%EOF; without it the file was cut short (pdf.js would read what is left). */
const hasEndMarker = (bytes) => latin1(bytes.subarray(Math.max(0, bytes.length - 1024))).includes('%%EOF');

async function open(bytes, lang) {
  if (bytes.byteLength > MAX_PDF_BYTES) throw new PdfReadError('too_large', { bytes: bytes.byteLength }, lang);
  if (!hasPdfMarker(bytes)) throw new PdfReadError('not_pdf', {}, lang);
  if (!hasEndMarker(bytes)) throw new PdfReadError('truncated', {}, lang);
  const lib = await pdfjs();
  const task = lib.getDocument({
    data: bytes.slice(), // pdf.js hands its buffer to the worker: keep the caller's intact
    cMapUrl: new URL('cmaps/', VENDOR).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('standard_fonts/', VENDOR).href,
    isEvalSupported: false,
    enableXfa: false,
    stopAtErrors: false,
  });
  try {
    return await task.promise;
  } catch (e) {
    if (e?.name === 'PasswordException') throw new PdfReadError('encrypted', {}, lang);
    throw new PdfReadError('damaged', { why: e?.message ?? String(e) }, lang);
  }
}

/** The page's text items as runs in the page frame (viewport at scale 1: rotation and crop box applied). */
function pageRuns(lib, viewport, content) {
  const runs = [];
  for (const item of content.items) {
    if (!item.str || !item.transform) continue;
    const [, , c, d, e, f] = lib.Util.transform(viewport.transform, item.transform);
    runs.push({ x: e, y: f, w: item.width, h: Math.hypot(c, d), text: item.str });
  }
  return runs;
}

async function hasImages(lib, doc) {
  const painters = new Set([lib.OPS.paintImageXObject, lib.OPS.paintInlineImageXObject, lib.OPS.paintImageMaskXObject]);
  for (let n = 1; n <= doc.numPages; n++) {
    const ops = await (await doc.getPage(n)).getOperatorList();
    if (ops.fnArray.some((fn) => painters.has(fn))) return true;
  }
  return false;
}

export async function readPdf(bytes, { lang = 'zh-CN', onPage = () => {} } = {}) {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  const doc = await open(data, lang);
  try {
    const lib = await pdfjs();
    if (doc.numPages === 0) throw new PdfReadError('no_pages', {}, lang);
    if (doc.numPages > MAX_PAGES) throw new PdfReadError('too_many_pages', { pages: doc.numPages }, lang);
    // Every page is asked for at once: the worker reads them in turn, without a round trip between pages.
    let done = 0;
    const pages = await Promise.all(
      Array.from({ length: doc.numPages }, async (_, i) => {
        const page = await doc.getPage(i + 1);
        const viewport = page.getViewport({ scale: 1 });
        const content = await page.getTextContent({ disableNormalization: true });
        page.cleanup();
        onPage(++done, doc.numPages);
        return { width: viewport.width, height: viewport.height, runs: pageRuns(lib, viewport, content) };
      }),
    );
    let total = 0;
    pages.forEach((page, i) => {
      total += page.runs.length;
      if (total > MAX_RUNS) throw new PdfReadError('too_complex', { page: i + 1 }, lang);
    });
    if (pages.every((p) => p.runs.length === 0)) {
      const kind = (await hasImages(lib, doc)) ? 'scan' : 'no_text';
      throw new PdfReadError(kind, { pages: pages.length }, lang);
    }
    return { pages };
  } finally {
    await doc.destroy();
  }
}

let rendered = null; // {bytes, doc}: the document last drawn, kept open for the next figure on it

export async function renderPage(canvas, bytes, pageNo, box, { width = canvas.clientWidth || 800, lang = 'zh-CN', others = [] } = {}) {
  const data = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes);
  if (rendered?.bytes !== bytes) {
    await rendered?.doc.destroy();
    rendered = { bytes, doc: await open(data, lang) };
  }
  const page = await rendered.doc.getPage(pageNo);
  const scale = width / page.getViewport({ scale: 1 }).width;
  const ratio = globalThis.devicePixelRatio || 1;
  const viewport = page.getViewport({ scale: scale * ratio });
  canvas.width = Math.round(viewport.width);
  canvas.height = Math.round(viewport.height);
  canvas.style.width = `${Math.round(viewport.width / ratio)}px`;
  canvas.style.height = `${Math.round(viewport.height / ratio)}px`;
  const context = canvas.getContext('2d');
  await page.render({ canvasContext: context, viewport }).promise;
  const k = scale * ratio;
  for (const other of others) outline(context, other, k, ratio, '#0969da');
  if (box) outline(context, box, k, ratio, '#d1242f');
  return scale;
}

/** A box [x0, top, x1, bottom] in page points, outlined 2 px outside it. */
function outline(context, [x0, top, x1, bottom], k, ratio, colour) {
  const pad = 2 * ratio;
  context.lineWidth = 2 * ratio;
  context.strokeStyle = colour;
  context.strokeRect(x0 * k - pad, top * k - pad, (x1 - x0) * k + 2 * pad, (bottom - top) * k + 2 * pad);
}
