// Files and pasted tables → one table import (the builder wasm's TableImport, the CLI's import code). A PDF is
// read by pdf.js (./pdf.js, imported only when a PDF is opened) into positioned text, handed over as JSON;
// workbooks, CSV and HTML are read by the Rust readers from their bytes. Every failure becomes an
// ImportFailure with a message in the page's language; nothing here leaves the page half-updated.
import { TableImport } from './pkg/budget_lens_builder.js';
import { words } from './i18n.js';

/** Larger inputs are refused before they are read into memory (the readers' own limits: 64 MB for a PDF
 * in pdf.js, 50 MB for the others in crates/tables). */
export const MAX_PDF_BYTES = 64 << 20;
export const MAX_FILE_BYTES = 50 << 20;

export class ImportFailure extends Error {}

const isPdfName = (name) => /\.pdf$/i.test(name);
const isTextName = (name) => /\.txt$/i.test(name);

/** Whether these files are narrative text only (the extractor's job, not the table import's). */
export const onlyText = (files) => files.length > 0 && files.every((f) => isTextName(f.name));

async function bytesOf(file, lang) {
  const limit = isPdfName(file.name) ? MAX_PDF_BYTES : MAX_FILE_BYTES;
  if (file.size > limit) throw new ImportFailure(words(lang).tooLarge(file.name, file.size, limit));
  try {
    return new Uint8Array(await file.arrayBuffer());
  } catch {
    throw new ImportFailure(words(lang).unreadable(file.name));
  }
}

const startsWithPdf = (bytes) => bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46;

/** Reads a PDF with pdf.js; its failures (encrypted, scan, truncated …) carry their message already. */
async function pdfRuns(name, bytes, lang, progress) {
  const { readPdf } = await import('./pdf.js');
  try {
    return await readPdf(bytes, { lang, onPage: progress });
  } catch (e) {
    throw new ImportFailure(`${name}: ${e?.message ?? e}`);
  }
}

/**
 * Imports dropped or chosen files (a PDF, a workbook, CSV files one per table, HTML, .txt narrative), in
 * name order. `progress(message, fraction?)` is told what is going on (and how far, when known). Returns the import's result (see TableImport.run)
 * with `pdf`: {name, bytes} of the PDF read, if any, for showing its pages.
 */
export async function importFiles(files, lang, progress = () => {}) {
  const w = words(lang);
  const sorted = [...files].sort((a, b) => a.name.localeCompare(b.name));
  progress(w.reading(sorted.map((f) => f.name).join('、')));
  const inputs = [];
  for (const file of sorted) inputs.push({ name: file.name, bytes: await bytesOf(file, lang) });
  const pdfs = inputs.filter((f) => startsWithPdf(f.bytes) || isPdfName(f.name));
  if (pdfs.length > 1) throw new ImportFailure(w.onePdf(pdfs.map((f) => f.name).join('、')));
  const tables = new TableImport();
  try {
    for (const input of inputs) {
      if (pdfs.includes(input)) {
        const runs = await pdfRuns(input.name, input.bytes, lang, (done, total) => progress(w.readingPages(done, total), done / total));
        progress(w.laying);
        // Let the status paint before the layout runs on this thread.
        await new Promise((resolve) => setTimeout(resolve, 0));
        tables.addPdfRuns(JSON.stringify(runs), lang);
      } else {
        tables.addFile(input.name, input.bytes);
      }
    }
    return { ...run(tables, lang), pdf: pdfs[0] ?? null };
  } finally {
    tables.free();
  }
}

/** Imports an HTML table pasted from a web page (clipboard text/html). */
export function importPastedHtml(html, lang) {
  const tables = new TableImport();
  try {
    tables.addFile(`${words(lang).pastedTable}.html`, new TextEncoder().encode(html));
    return { ...run(tables, lang), pdf: null };
  } finally {
    tables.free();
  }
}

function run(tables, lang) {
  try {
    return JSON.parse(tables.run(lang));
  } catch (e) {
    throw new ImportFailure(e?.message ?? String(e));
  }
}

/** Whether pasted HTML holds a table worth importing. */
export const hasTable = (html) => /<table[\s>]/i.test(html ?? '');
