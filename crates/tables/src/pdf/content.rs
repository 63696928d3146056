//! Walks a page's content stream and turns its text-showing operators into positioned runs.
//! Only what places text is interpreted: q/Q/cm, the text object and text state operators, Tj/TJ/'/",
//! and Form XObjects (Do), nested at most MAX_FORM_DEPTH deep. Everything else is skipped.

use super::font::Font;
use super::geometry::{Matrix, PageFrame};
use super::Budget;
use crate::runs::TextRun;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object};
use std::collections::HashMap;

const MAX_FORM_DEPTH: usize = 4;
const MAX_STATE_DEPTH: usize = 64;

#[derive(Clone)]
struct TextState {
    font: Option<Vec<u8>>,
    size: f32,
    char_spacing: f32,
    word_spacing: f32,
    horizontal_scale: f32,
    leading: f32,
    rise: f32,
}

impl Default for TextState {
    fn default() -> Self {
        TextState {
            font: None,
            size: 0.0,
            char_spacing: 0.0,
            word_spacing: 0.0,
            horizontal_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        }
    }
}

#[derive(Clone, Default)]
struct GraphicsState {
    ctm: Matrix,
    text: TextState,
}

/// One page's interpretation: its fonts (loaded once per resource dictionary), the state, the runs.
pub(crate) struct PageReader<'a, 'b> {
    doc: &'a Document,
    frame: PageFrame,
    budget: &'b mut Budget,
    fonts: HashMap<(usize, Vec<u8>), Font<'a>>,
    state: GraphicsState,
    stack: Vec<GraphicsState>,
    text_matrix: Matrix,
    line_matrix: Matrix,
    pub runs: Vec<TextRun>,
}

fn num(object: &Object) -> f32 {
    match object {
        Object::Integer(i) => *i as f32,
        Object::Real(r) => *r,
        _ => 0.0,
    }
}

fn nums<const N: usize>(operands: &[Object]) -> Option<[f32; N]> {
    if operands.len() < N {
        return None;
    }
    let mut out = [0.0; N];
    for (slot, o) in out.iter_mut().zip(&operands[operands.len() - N..]) {
        *slot = num(o);
    }
    Some(out)
}

impl<'a, 'b> PageReader<'a, 'b> {
    pub fn new(doc: &'a Document, frame: PageFrame, budget: &'b mut Budget) -> Self {
        PageReader {
            doc,
            frame,
            budget,
            fonts: HashMap::new(),
            state: GraphicsState::default(),
            stack: Vec::new(),
            text_matrix: Matrix::IDENTITY,
            line_matrix: Matrix::IDENTITY,
            runs: Vec::new(),
        }
    }

    /// Interpret `content` with `resources`; `depth` counts nested Form XObjects.
    pub fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'a Dictionary>,
        depth: usize,
    ) -> Result<(), super::PdfError> {
        let operations = Content::decode(content)
            .map(|c| c.operations)
            .unwrap_or_default();
        self.budget.spend_operations(operations.len())?;
        for op in &operations {
            self.operation(&op.operator, &op.operands, resources, depth)?;
        }
        Ok(())
    }

    fn operation(
        &mut self,
        operator: &str,
        operands: &[Object],
        resources: Option<&'a Dictionary>,
        depth: usize,
    ) -> Result<(), super::PdfError> {
        match operator {
            "q" if self.stack.len() < MAX_STATE_DEPTH => self.stack.push(self.state.clone()),
            "Q" => {
                if let Some(saved) = self.stack.pop() {
                    self.state = saved;
                }
            }
            "cm" => {
                if let Some(m) = nums::<6>(operands) {
                    self.state.ctm = Matrix(m).then(&self.state.ctm);
                }
            }
            "BT" => {
                self.text_matrix = Matrix::IDENTITY;
                self.line_matrix = Matrix::IDENTITY;
            }
            "Tj" => self.show(operands.first(), resources)?,
            "'" => {
                self.next_line(0.0, -self.state.text.leading);
                self.show(operands.first(), resources)?;
            }
            "\"" => {
                if operands.len() == 3 {
                    self.state.text.word_spacing = num(&operands[0]);
                    self.state.text.char_spacing = num(&operands[1]);
                }
                self.next_line(0.0, -self.state.text.leading);
                self.show(operands.last(), resources)?;
            }
            "TJ" => self.show_array(operands.first(), resources)?,
            "Do" => self.form(operands.first(), resources, depth)?,
            _ => self.text_state(operator, operands),
        }
        Ok(())
    }

    /// Text state and text positioning operators.
    fn text_state(&mut self, operator: &str, operands: &[Object]) {
        let text = &mut self.state.text;
        let first = operands.first().map(num);
        match operator {
            "Tf" => {
                if let (Some(Object::Name(name)), Some(size)) = (operands.first(), operands.get(1))
                {
                    text.font = Some(name.clone());
                    text.size = num(size);
                }
            }
            "Tc" => text.char_spacing = first.unwrap_or(0.0),
            "Tw" => text.word_spacing = first.unwrap_or(0.0),
            "Tz" => text.horizontal_scale = first.unwrap_or(100.0) / 100.0,
            "TL" => text.leading = first.unwrap_or(0.0),
            "Ts" => text.rise = first.unwrap_or(0.0),
            "Td" | "TD" => {
                if let Some([x, y]) = nums::<2>(operands) {
                    if operator == "TD" {
                        text.leading = -y;
                    }
                    self.next_line(x, y);
                }
            }
            "Tm" => {
                if let Some(m) = nums::<6>(operands) {
                    self.text_matrix = Matrix(m);
                    self.line_matrix = Matrix(m);
                }
            }
            "T*" => self.next_line(0.0, -self.state.text.leading),
            _ => {}
        }
    }

    fn next_line(&mut self, x: f32, y: f32) {
        self.line_matrix = Matrix::translation(x, y).then(&self.line_matrix);
        self.text_matrix = self.line_matrix;
    }

    fn font(&mut self, resources: Option<&'a Dictionary>) -> Option<(usize, Vec<u8>)> {
        let name = self.state.text.font.clone()?;
        let resources = resources?;
        let key = (resources as *const Dictionary as usize, name);
        if !self.fonts.contains_key(&key) {
            let dict = resources
                .get_deref(b"Font", self.doc)
                .and_then(Object::as_dict)
                .and_then(|fonts| fonts.get_deref(&key.1, self.doc))
                .and_then(Object::as_dict)
                .ok()?;
            self.fonts.insert(
                key.clone(),
                Font::load(self.doc, dict, super::MAX_STREAM_BYTES),
            );
        }
        Some(key)
    }

    fn show(
        &mut self,
        string: Option<&Object>,
        resources: Option<&'a Dictionary>,
    ) -> Result<(), super::PdfError> {
        if let Some(Object::String(bytes, _)) = string {
            let key = self.font(resources);
            let mut run = RunBuilder::default();
            self.show_bytes(bytes, key.as_ref(), &mut run);
            self.finish(run)?;
        }
        Ok(())
    }

    fn show_array(
        &mut self,
        array: Option<&Object>,
        resources: Option<&'a Dictionary>,
    ) -> Result<(), super::PdfError> {
        let Some(Object::Array(items)) = array else {
            return Ok(());
        };
        let key = self.font(resources);
        let mut run = RunBuilder::default();
        for item in items {
            match item {
                Object::String(bytes, _) => self.show_bytes(bytes, key.as_ref(), &mut run),
                other => {
                    let t = &self.state.text;
                    let shift = -num(other) / 1000.0 * t.size * t.horizontal_scale;
                    self.text_matrix = Matrix::translation(shift, 0.0).then(&self.text_matrix);
                }
            }
        }
        self.finish(run)
    }

    fn show_bytes(&mut self, bytes: &[u8], key: Option<&(usize, Vec<u8>)>, run: &mut RunBuilder) {
        let Some(font) = key.and_then(|k| self.fonts.get(k)) else {
            return;
        };
        let t = &self.state.text;
        for glyph in font.glyphs(bytes) {
            let render = Matrix([t.size * t.horizontal_scale, 0.0, 0.0, t.size, 0.0, t.rise])
                .then(&self.text_matrix)
                .then(&self.state.ctm);
            let spacing = t.char_spacing
                + if glyph.is_space_code {
                    t.word_spacing
                } else {
                    0.0
                };
            let advance = (glyph.advance / 1000.0 * t.size + spacing) * t.horizontal_scale;
            let after = Matrix::translation(advance, 0.0).then(&self.text_matrix);
            let end = after.then(&self.state.ctm).apply(0.0, t.rise);
            run.push(&self.frame, &render, end, &glyph.text);
            self.text_matrix = after;
        }
    }

    fn finish(&mut self, run: RunBuilder) -> Result<(), super::PdfError> {
        for r in run.done() {
            self.budget.spend_runs(1)?;
            self.runs.push(r);
        }
        Ok(())
    }

    fn form(
        &mut self,
        name: Option<&Object>,
        resources: Option<&'a Dictionary>,
        depth: usize,
    ) -> Result<(), super::PdfError> {
        let (Some(Object::Name(name)), Some(resources)) = (name, resources) else {
            return Ok(());
        };
        if depth >= MAX_FORM_DEPTH {
            return Ok(());
        }
        let Ok(stream) = resources
            .get_deref(b"XObject", self.doc)
            .and_then(Object::as_dict)
            .and_then(|x| x.get_deref(name, self.doc))
            .and_then(Object::as_stream)
        else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form") {
            return Ok(());
        }
        let content = self.budget.decompress(stream)?;
        let inner = stream
            .dict
            .get_deref(b"Resources", self.doc)
            .and_then(Object::as_dict)
            .ok()
            .or(Some(resources));
        let saved = (
            self.state.clone(),
            self.stack.len(),
            self.text_matrix,
            self.line_matrix,
        );
        if let Some([a, b, c, d, e, f]) = stream
            .dict
            .get(b"Matrix")
            .and_then(Object::as_array)
            .ok()
            .and_then(|m| nums::<6>(m))
        {
            self.state.ctm = Matrix([a, b, c, d, e, f]).then(&self.state.ctm);
        }
        self.run(&content, inner, depth + 1)?;
        self.stack.truncate(saved.1);
        (self.state, _, self.text_matrix, self.line_matrix) = saved;
        Ok(())
    }
}

/// Glyphs of one operator gathered into runs in page coordinates: a new run starts at a space and
/// wherever the next glyph does not start where the last one ended (kerning used as a column gap).
#[derive(Default)]
struct RunBuilder {
    done: Vec<TextRun>,
    current: Option<(TextRun, (f32, f32))>,
}

impl RunBuilder {
    fn push(&mut self, frame: &PageFrame, render: &Matrix, end_user: (f32, f32), text: &str) {
        let (x, y) = frame.page_point(render.apply(0.0, 0.0));
        let (ex, ey) = frame.page_point(end_user);
        let size = frame.scale_of(render);
        if text.trim().is_empty() {
            self.close();
            return;
        }
        if let Some((_, last_end)) = &mut self.current {
            let gap = (x - last_end.0).abs() + (y - last_end.1).abs();
            if gap > 0.25 * size.max(1.0) {
                self.close();
            }
        }
        match &mut self.current {
            Some((run, last_end)) => {
                run.text.push_str(text);
                run.w = ex - run.x;
                *last_end = (ex, ey);
            }
            None => {
                self.current = Some((
                    TextRun {
                        x,
                        y,
                        w: ex - x,
                        h: size,
                        text: text.to_owned(),
                    },
                    (ex, ey),
                ))
            }
        }
    }

    fn close(&mut self) {
        if let Some((run, _)) = self.current.take() {
            self.done.push(run);
        }
    }

    fn done(mut self) -> Vec<TextRun> {
        self.close();
        self.done
    }
}
