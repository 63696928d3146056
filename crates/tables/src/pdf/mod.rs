//! PDF → positioned text runs, natively (lopdf). The browser reads PDFs with pdf.js instead and hands the
//! same `DocumentRuns` to the shared runs → grid code; this module is never compiled into the wasm.
//!
//! A PDF is untrusted input: every cost is bounded (bytes, pages, decompressed bytes, operators, runs),
//! every failure is a `PdfError` naming what is wrong, and nothing here is expected to panic.

mod cmap;
mod content;
mod font;
mod geometry;

use crate::runs::{DocumentRuns, PageRuns};
use budget_lens_core::Lang;
use geometry::PageFrame;
use lopdf::{Document, LoadOptions, Object, ObjectId, Stream};

pub const MAX_PDF_BYTES: usize = 64 << 20;
pub const MAX_PAGES: usize = 2000;
const MAX_STREAM_BYTES: usize = 32 << 20;
const MAX_TOTAL_DECOMPRESSED: usize = 512 << 20;
const MAX_OPERATIONS: usize = 5_000_000;
const MAX_RUNS: usize = 1_000_000;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// The bytes do not start like a PDF (`%PDF-` in the first KB).
    NotPdf,
    TooLarge {
        bytes: usize,
    },
    /// lopdf could not read the file's structure (truncated or damaged); its reason.
    Damaged(String),
    /// No `%%EOF` in the last KB: the file was cut short (an interrupted download).
    Truncated,
    Encrypted,
    NoPages,
    TooManyPages {
        pages: usize,
    },
    /// A limit on work was hit (decompressed bytes, operators, runs): what, in zh and en.
    TooComplex {
        page: usize,
        what: (&'static str, &'static str),
    },
    /// No page has any text: a scan (images only) or a drawing.
    NoText {
        pages: usize,
        images: bool,
    },
}

impl PdfError {
    /// The problem in plain words, in the reader's language.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        let (mb, limit) = (|b: &usize| b >> 20, MAX_PDF_BYTES >> 20);
        match self {
            PdfError::NotPdf => lang.pick("不是 PDF 文件（文件开头没有 %PDF- 标记）", "not a PDF file (no %PDF- marker at its start)").into(),
            PdfError::TooLarge { bytes } if zh => format!("PDF 文件过大（{} MB，上限 {limit} MB）", mb(bytes)),
            PdfError::TooLarge { bytes } => format!("the PDF is too large ({} MB; the limit is {limit} MB)", mb(bytes)),
            PdfError::Damaged(why) if zh => format!("PDF 文件已损坏或不完整，无法读取其结构（{why}）"),
            PdfError::Damaged(why) => format!("the PDF is damaged or truncated: its structure cannot be read ({why})"),
            PdfError::Truncated => lang.pick("PDF 文件不完整（末尾缺少 %%EOF 标记），可能未下载完", "the PDF is truncated (no %%EOF marker at its end): perhaps an interrupted download").into(),
            PdfError::Encrypted => lang.pick("PDF 文件已加密，无法读取；请提供未加密的文件", "the PDF is encrypted and cannot be read; please provide an unencrypted file").into(),
            PdfError::NoPages => lang.pick("PDF 文件没有页面", "the PDF has no pages").into(),
            PdfError::TooManyPages { pages } if zh => format!("PDF 共 {pages} 页，超过上限 {MAX_PAGES} 页"),
            PdfError::TooManyPages { pages } => format!("the PDF has {pages} pages, more than the limit of {MAX_PAGES}"),
            PdfError::TooComplex { page, what } if zh => format!("第 {page} 页过于复杂（{}超出上限），已停止读取", what.0),
            PdfError::TooComplex { page, what } => format!("page {page} is too complex ({} over the limit); reading stopped", what.1),
            PdfError::NoText { pages, images: true } if zh => format!("PDF 的 {pages} 页中没有文字，只有图像：这是扫描件，需先做文字识别（OCR）"),
            PdfError::NoText { pages, images: true } => format!("none of the PDF's {pages} pages has text, only images: it is a scan and needs OCR first"),
            PdfError::NoText { pages, .. } if zh => format!("PDF 的 {pages} 页中没有可读取的文字"),
            PdfError::NoText { pages, .. } => format!("none of the PDF's {pages} pages has readable text"),
        }
    }
}

/// Work left for this document; every page draws from it.
pub(crate) struct Budget {
    page: usize,
    decompressed: usize,
    operations: usize,
    runs: usize,
}

impl Budget {
    fn over(&self, what: (&'static str, &'static str)) -> PdfError {
        PdfError::TooComplex {
            page: self.page,
            what,
        }
    }

    pub fn spend_operations(&mut self, n: usize) -> Result<(), PdfError> {
        self.operations = self
            .operations
            .checked_sub(n)
            .ok_or_else(|| self.over(("绘制指令", "drawing operators")))?;
        Ok(())
    }

    pub fn spend_runs(&mut self, n: usize) -> Result<(), PdfError> {
        self.runs = self
            .runs
            .checked_sub(n)
            .ok_or_else(|| self.over(("文字片段", "text runs")))?;
        Ok(())
    }

    pub fn decompress(&mut self, stream: &Stream) -> Result<Vec<u8>, PdfError> {
        let limit = MAX_STREAM_BYTES.min(self.decompressed);
        let data = stream
            .decompressed_content_with_limit(limit)
            .or_else(|e| match e {
                lopdf::Error::Decompress(lopdf::DecompressError::MemoryLimitExceeded {
                    ..
                }) => Err(self.over(("解压数据", "decompressed data"))),
                _ => Ok(Vec::new()),
            })?;
        self.decompressed -= data.len();
        Ok(data)
    }
}

/// Reads every page's text runs. Errors for input that is not a readable, text-bearing PDF.
pub fn read_pdf(bytes: &[u8]) -> Result<DocumentRuns, PdfError> {
    let doc = load(bytes)?;
    let pages: Vec<ObjectId> = doc.page_iter().take(MAX_PAGES + 1).collect();
    if pages.is_empty() {
        return Err(PdfError::NoPages);
    }
    if pages.len() > MAX_PAGES {
        return Err(PdfError::TooManyPages {
            pages: doc.get_pages().len(),
        });
    }
    let mut budget = Budget {
        page: 0,
        decompressed: MAX_TOTAL_DECOMPRESSED,
        operations: MAX_OPERATIONS,
        runs: MAX_RUNS,
    };
    let mut out = DocumentRuns::default();
    for (index, &page_id) in pages.iter().enumerate() {
        budget.page = index + 1;
        out.pages.push(read_page(&doc, page_id, &mut budget)?);
    }
    if out.pages.iter().all(|p| p.runs.is_empty()) {
        let images = pages.iter().any(|&p| {
            doc.get_page_images(p)
                .map(|i| !i.is_empty())
                .unwrap_or(false)
        });
        return Err(PdfError::NoText {
            pages: pages.len(),
            images,
        });
    }
    Ok(out)
}

fn load(bytes: &[u8]) -> Result<Document, PdfError> {
    if bytes.len() > MAX_PDF_BYTES {
        return Err(PdfError::TooLarge { bytes: bytes.len() });
    }
    let head = &bytes[..bytes.len().min(1024)];
    if !head.windows(5).any(|w| w == b"%PDF-") {
        return Err(PdfError::NotPdf);
    }
    // lopdf would rebuild a cut file's cross-references and read what is left: say it is cut instead.
    let tail = &bytes[bytes.len().saturating_sub(1024)..];
    if !tail.windows(5).any(|w| w == b"%%EOF") {
        return Err(PdfError::Truncated);
    }
    let options = LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..LoadOptions::default()
    };
    let doc = Document::load_mem_with_options(bytes, options).map_err(|e| match e {
        lopdf::Error::Decryption(_) | lopdf::Error::InvalidPassword => PdfError::Encrypted,
        other => PdfError::Damaged(other.to_string()),
    })?;
    if doc.is_encrypted() {
        return Err(PdfError::Encrypted);
    }
    Ok(doc)
}

fn read_page(doc: &Document, page_id: ObjectId, budget: &mut Budget) -> Result<PageRuns, PdfError> {
    let frame = page_frame(doc, page_id);
    let mut content = Vec::new();
    for id in doc.get_page_contents(page_id) {
        if let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) {
            content.extend(budget.decompress(stream)?);
            content.push(b'\n');
        }
    }
    let resources = doc
        .get_page_resources(page_id)
        .ok()
        .and_then(|(dict, ids)| {
            dict.or_else(|| ids.first().and_then(|id| doc.get_dictionary(*id).ok()))
        });
    let mut reader = content::PageReader::new(doc, frame, budget);
    reader.run(&content, resources, 0)?;
    Ok(PageRuns {
        width: frame.width(),
        height: frame.height(),
        runs: reader.runs,
    })
}

/// Crop box (else media box, else A4), inherited through the page tree like /Rotate.
fn page_frame(doc: &Document, page_id: ObjectId) -> PageFrame {
    let inherited = |key: &[u8]| -> Option<&Object> {
        let mut node = doc.get_dictionary(page_id).ok()?;
        for _ in 0..32 {
            if let Ok(value) = node.get(key) {
                return doc.dereference(value).ok().map(|(_, o)| o);
            }
            node = node
                .get(b"Parent")
                .and_then(Object::as_reference)
                .and_then(|id| doc.get_dictionary(id))
                .ok()?;
        }
        None
    };
    let rect = |key: &[u8]| -> Option<[f32; 4]> {
        let a = inherited(key)?.as_array().ok()?;
        let v: Vec<f32> = a.iter().filter_map(|o| o.as_float().ok()).collect();
        (v.len() == 4).then(|| {
            [
                v[0].min(v[2]),
                v[1].min(v[3]),
                v[0].max(v[2]),
                v[1].max(v[3]),
            ]
        })
    };
    let view = rect(b"CropBox")
        .or_else(|| rect(b"MediaBox"))
        .unwrap_or([0.0, 0.0, 595.0, 842.0]);
    let rotate = inherited(b"Rotate")
        .and_then(|o| o.as_i64().ok())
        .unwrap_or(0)
        .rem_euclid(360) as i32
        / 90
        * 90;
    PageFrame { view, rotate }
}
