//! Each finding in plain words, in Chinese or English: the figures involved, what they should give, the
//! gap (never a minus sign: "differ by"), and whether rounding of the printed figures can explain it, with
//! the rounding envelope shown in the data's own precision. English gives money as `CNY 659,100`.

use rust_decimal::Decimal;

use super::finding::{Detail, Finding, Severity, TableDetail};
use super::table_message::{table_body, Figures};
use super::tolerance::shown_up;
use crate::exact::{text, Text};
use crate::i18n::Lang;
use crate::report::money::money_en;
use crate::report::{Comparison, Doubt, RestatedFigure, Unit};
use crate::word::join;

impl Finding {
    /// The finding in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let mut text = match lang {
            Lang::Zh => self.body(lang),
            Lang::En => capitalised(self.body(lang)),
        };
        text.push_str(&self.places.sentence(lang));
        text.push_str(&self.verdict(lang));
        text.push_str(self.doubt_note(lang));
        text
    }

    /// The body from one phrase table: each kind of finding has its sentence in both languages over the
    /// same arguments, `{0}` the label, `{1}`–`{3}` the stated, expected and differing amounts as money,
    /// `{4}`–`{6}` the same as plain numbers (percentages), `{7}` on the kind's own (see [`fill`]).
    fn body(&self, lang: Lang) -> String {
        let label = match lang {
            Lang::Zh => nested_quotes(&self.label),
            Lang::En => self.label.clone(),
        };
        let money = |v: Decimal| {
            let (v, unit) = self.as_printed(v);
            money_in(lang, v, unit)
        };
        let (stated, expected, diff) = (self.stated, self.expected, self.difference.abs());
        let mut args = vec![
            label,
            money(stated),
            money(expected),
            money(diff),
            text(stated),
            text(expected),
            text(diff),
        ];
        let (zh, en) = match &self.detail {
            Detail::Table { .. } => return self.table_message(lang),
            Detail::Document(detail) => return self.document_message(detail, lang),
            Detail::Parts {
                count,
                partial: false,
                ..
            } if *count == 1 => (
                "“{0}”印为{1}，而它唯一的明细项为{2}，相差{3}。",
                "\"{0}\" is printed as {1}, but its only item is {2}: they differ by {3}.",
            ),
            Detail::Parts { count, partial, .. } => {
                args.push(count.to_string());
                match partial {
                    false => (
                        "“{0}”印为{1}，而它的{7}个明细项合计{2}，相差{3}。",
                        "\"{0}\" is printed as {1}, but its {7} items add up to {2}: they differ by {3}.",
                    ),
                    true => (
                        "“{0}”印为{1}，而列出的{7}个部分明细项合计已达{2}，超出{3}。",
                        "\"{0}\" is printed as {1}, but the {7} items listed as part of it already add up to {2}, {3} more.",
                    ),
                }
            }
            Detail::Share {
                amount,
                base,
                base_label,
                ..
            } => {
                // Quoted inside “…” in Chinese, as the item's own label is.
                let base_label = match lang {
                    Lang::Zh => nested_quotes(base_label),
                    Lang::En => base_label.clone(),
                };
                push(
                    &mut args,
                    &[
                        &base_label,
                        &money(Decimal::ZERO),
                        &money(*amount),
                        &money(*base),
                    ],
                );
                match base.is_zero() {
                    true => (
                        "“{0}”的占比印为{4}%，但基数“{7}”为{8}，占比无从谈起。",
                        "the share of \"{0}\" is printed as {4}%, but its base \"{7}\" is zero, so no share exists.",
                    ),
                    false => (
                        "“{0}”的占比印为{4}%，按{9} ÷ “{7}”{a}计算应为{5}%，相差{6}个百分点。",
                        "the share of \"{0}\" is printed as {4}%, but {9} out of \"{7}\" {a} is {5}%: they differ by {6} percentage points.",
                    ),
                }
            }
            Detail::Shares { count } => {
                args.push(count.to_string());
                (
                    "“{0}”的{7}个明细项占比合计{4}%，而不是100%，相差{6}个百分点。",
                    "the shares of the {7} items of \"{0}\" add up to {4}%, not 100%: {6} percentage points apart.",
                )
            }
            Detail::Change {
                amount,
                prior,
                against_budget,
                ..
            } => {
                let words = match (against_budget, lang) {
                    (true, Lang::Zh) => ["年初预算", "决算", "预算"],
                    (false, Lang::Zh) => ["上年", "本年", "上年"],
                    (true, Lang::En) => ["the budget", "spent", "budgeted"],
                    (false, Lang::En) => ["last year", "this year", "last year"],
                };
                push(&mut args, &words);
                push(&mut args, &[&money(*amount), &money(*prior)]);
                (
                    "“{0}”与{7}相比的增减印为{1}，而{8}{a} − {9}{b} = {2}，相差{3}。",
                    "the change of \"{0}\" from {7} is printed as {1}, but {a} {8} less {b} {9} is {2}: they differ by {3}.",
                )
            }
            Detail::ChangeRate {
                change,
                prior,
                against_budget,
                ..
            } => {
                let words = match (against_budget, lang) {
                    (true, Lang::Zh) => ["预算数", ""],
                    (false, Lang::Zh) => ["上年数", ""],
                    (true, Lang::En) => ["the budget", "the budget of"],
                    (false, Lang::En) => ["last year's amount", "last year's"],
                };
                push(&mut args, &words);
                push(
                    &mut args,
                    &[&money(Decimal::ZERO), &money(*change), &money(*prior)],
                );
                match prior.is_zero() {
                    true => (
                        "“{0}”的增减百分比印为{4}%，但{7}为{9}，增减百分比无从计算。",
                        "the change rate of \"{0}\" is printed as {4}%, but {7} is zero, so no rate exists.",
                    ),
                    false => (
                        "“{0}”的增减百分比印为{4}%，按增减{a} ÷ {7}{b}计算应为{5}%，相差{6}个百分点。",
                        "the change rate of \"{0}\" is printed as {4}%, but a change of {a} on {8} {b} is {5}%: they differ by {6} percentage points.",
                    ),
                }
            }
            Detail::Completion { amount, budget, .. } => {
                push(
                    &mut args,
                    &[&money(Decimal::ZERO), &money(*amount), &money(*budget)],
                );
                match budget.is_zero() {
                    true => (
                        "“{0}”的预算完成率印为{4}%，但年初预算为{7}，完成率无从计算。",
                        "the budget completion of \"{0}\" is printed as {4}%, but the budget is zero, so no rate exists.",
                    ),
                    false => (
                        "“{0}”的预算完成率印为{4}%，按{8} ÷ 年初预算{9}计算应为{5}%，相差{6}个百分点。",
                        "the budget completion of \"{0}\" is printed as {4}%, but {8} spent of a {9} budget is {5}%: they differ by {6} percentage points.",
                    ),
                }
            }
            Detail::Comparison {
                said,
                amount,
                budget,
                ..
            } => {
                let (said, is) = match lang {
                    Lang::Zh => (said_zh(*said), is_zh(self.difference)),
                    Lang::En => (said_en(*said), is_en(self.difference)),
                };
                push(&mut args, &[said, is, &money(*amount), &money(*budget)]);
                (
                    "“{0}”的决算数{9}{8}年初预算{a}，文中却说决算数{7}预算数。",
                    "the text says the final figure of \"{0}\" is {7} its budget, but {9} is {8} the budget of {a}.",
                )
            }
            Detail::Restated { figure, .. } => restated_body(*figure, lang, &mut args),
            Detail::Relation { left, right, .. } => {
                let (separator, open, close) = match lang {
                    Lang::Zh => ("、", '“', '”'),
                    Lang::En => (", ", '"', '"'),
                };
                args.push(quote_list(left, separator, open, close));
                args.push(quote_list(right, separator, open, close));
                (
                    "“{0}”：{7}合计{1}，而{8}合计{2}，相差{3}。",
                    "\"{0}\": {7} add up to {1}, but {8} add up to {2}: they differ by {3}.",
                )
            }
            Detail::Negative { .. } => (
                "“{0}”的金额为负数（{1}）。",
                "\"{0}\" has a negative amount ({1}).",
            ),
            Detail::ItemsOf {
                count,
                budget,
                against_budget,
                prior,
                ..
            } => {
                let words = match (budget, against_budget, prior, lang) {
                    (true, _, _, Lang::Zh) => ["预算数", ""],
                    (false, true, _, Lang::Zh) => ["比预算增减额", ""],
                    (false, false, true, Lang::Zh) => ["上年数", ""],
                    (false, false, false, Lang::Zh) => ["增减额", ""],
                    (true, _, _, Lang::En) => ["budget", "budgets"],
                    (false, true, _, Lang::En) => {
                        ["change against the budget", "changes against the budget"]
                    }
                    (false, false, true, Lang::En) => ["last year's amount", "last year's amounts"],
                    (false, false, false, Lang::En) => ["change", "changes"],
                };
                push(&mut args, &words);
                args.push(count.to_string());
                (
                    "“{0}”的{7}印为{1}，而它的{9}个明细项的{7}合计{2}，相差{3}。",
                    "the {7} of \"{0}\" is printed as {1}, but the {8} of its {9} items add up to {2}: they differ by {3}.",
                )
            }
        };
        fill(lang.pick(zh, en), &args)
    }

    /// Why an error was lowered to a warning: the structure it rests on is a guess.
    fn doubt_note(&self, lang: Lang) -> &'static str {
        match (self.doubt, lang) {
            (None, _) => "",
            (Some(Doubt::List), Lang::Zh) => "（按数字应为错误，但这些明细项是否完整、是否都属于它，文本未能确认，故只作警告。）",
            (Some(Doubt::List), Lang::En) => " (By the figures an error, but the text does not show that these items are complete and all its own, so only a warning.)",
            (Some(Doubt::Subject), Lang::Zh) => "（按数字应为错误，但该数字所指的对象是从前一句推断的，故只作警告。）",
            (Some(Doubt::Subject), Lang::En) => " (By the figures an error, but what this figure is about was carried over from an earlier sentence, so only a warning.)",
            (Some(Doubt::Columns), Lang::Zh) => "（按数字应为错误，但该比率所在的表格列在粘贴的文本中未印出列名，列的含义系按常见顺序推断，故只作警告。）",
            (Some(Doubt::Columns), Lang::En) => " (By the figures an error, but this rate's column has no printed name in the table pasted as text; what it means was assumed from the usual column order, so only a warning.)",
            (Some(Doubt::Name), Lang::Zh) => "（按数字应为错误，但该数字的名称是从其前面的文字推断的，所指为何并无把握，故只作警告。）",
            (Some(Doubt::Name), Lang::En) => " (By the figures an error, but this figure's name was guessed from the words before it, so what it is about is uncertain: only a warning.)",
        }
    }

    /// Whether rounding explains the difference, with the envelope.
    fn verdict(&self, lang: Lang) -> String {
        let t = self.tolerance;
        let zero_base = matches!(
            &self.detail,
            Detail::Share { base, .. } if base.is_zero()
        ) || matches!(&self.detail, Detail::ChangeRate { prior, .. } if prior.is_zero())
            || matches!(&self.detail, Detail::Completion { budget, .. } if budget.is_zero());
        let no_figures = matches!(
            self.detail,
            Detail::Table {
                detail: TableDetail::Code { .. },
                ..
            }
        );
        let no_rounding = matches!(self.detail, Detail::Negative { .. } | Detail::Document(_));
        if zero_base || no_figures || no_rounding {
            return String::new();
        }
        // A doubt only ever lowers an error (docs/FORMAT.md, "Doubt"): the gap is still beyond rounding,
        // and the doubt note says why it is only a warning.
        let judged = match self.doubt {
            Some(_) => Severity::Error,
            None => self.severity,
        };
        let envelope = self.envelope(lang, t, judged == Severity::Error);
        match (judged, lang) {
            (Severity::Note, Lang::Zh) => format!(
                "各数分别四舍五入最多可造成约{envelope}的差额，这是正常结果，不必担心。"
            ),
            (Severity::Note, Lang::En) => format!(
                " Rounding each printed figure can account for up to about {envelope}: this is the normal result, nothing to worry about."
            ),
            (Severity::Warning, Lang::Zh) => format!(
                "各数分别四舍五入最多可造成约{envelope}的差额，这一差额没有超出，可能只是舍入所致；但印出的数字确实对不上，读者会看到矛盾，所以仍然列出。"
            ),
            (Severity::Warning, Lang::En) => format!(
                " Rounding each printed figure can account for a gap of up to about {envelope}, so this one may be rounding alone; it is listed because the printed figures still disagree and a reader will see it."
            ),
            (Severity::Error, Lang::Zh) => format!(
                "这超出了各数分别四舍五入最多能造成的约{envelope}，不是舍入所能解释的。"
            ),
            (Severity::Error, Lang::En) => format!(
                " That is more than rounding the printed figures can explain (at most about {envelope})."
            ),
        }
    }

    /// The rounding envelope in the data's own precision (rounded up to the decimals the figures were
    /// printed with: ±0.015 for two-decimal figures reads "0.02") — but exact where rounded up it would
    /// reach the gap of an error, which is beyond it ("相差0.02 … 超出了约0.02" reads as a contradiction;
    /// "超出了约0.015" does not).
    fn envelope(&self, lang: Lang, t: Decimal, beyond: bool) -> String {
        let percentage_points = self.detail.in_percentage_points();
        // Money in the unit the figures were printed in (`约0.02万元` for a 三公 table in 万元).
        let (t, stated, difference) = match percentage_points {
            true => (t, self.stated, self.difference),
            false => (
                self.as_printed(t).0,
                self.as_printed(self.stated).0,
                self.as_printed(self.difference).0,
            ),
        };
        let unit = self.unit().map(|u| self.printed_unit(u));
        let decimals = stated.scale();
        let rounded = shown_up(t, decimals);
        let t = if t.scale() <= decimals || (beyond && rounded >= difference.abs()) {
            t
        } else {
            rounded
        };
        match (percentage_points, unit, lang) {
            (true, _, Lang::Zh) => format!("{}个百分点", Text(t)),
            (true, _, Lang::En) if t == Decimal::ONE && t.scale() == 0 => {
                "1 percentage point".into()
            }
            (true, _, Lang::En) => format!("{} percentage points", Text(t)),
            (false, Some(u), Lang::Zh) => join(&[text(t).as_str(), u.zh()], ""),
            (false, Some(u), Lang::En) => money_en(t, u),
            (false, None, _) => text(t),
        }
    }

    /// A money figure of the finding (in the report's unit) as its table printed it: `108100` 元 is
    /// (`10.81`, 万元) when the 三公 table printed it in 万元; else as it is, in the report's unit.
    pub(super) fn as_printed(&self, value: Decimal) -> (Decimal, Unit) {
        let unit = self.unit().unwrap_or_default();
        match self.printing.and_then(|p| p.shown(value, unit)) {
            Some(shown) => (shown, self.printed_unit(unit)),
            None => (value, unit),
        }
    }

    /// A money figure of the finding (in the report's unit) as its table printed it, with that unit, when
    /// the table printed it in another unit than the report's: `108100` → (`10.81`, 万元).
    pub fn money_as_printed(&self, value: Decimal) -> Option<(Decimal, Unit)> {
        let printing = self.printing?;
        Some((printing.shown(value, self.unit()?)?, printing.unit))
    }

    /// The unit the figures were printed in (`unit`, the report's, when no other).
    fn printed_unit(&self, unit: Unit) -> Unit {
        self.printing.map_or(unit, |p| p.unit)
    }

    fn unit(&self) -> Option<Unit> {
        match &self.detail {
            Detail::Parts { unit, .. }
            | Detail::Share { unit, .. }
            | Detail::Change { unit, .. }
            | Detail::ChangeRate { unit, .. }
            | Detail::Completion { unit, .. }
            | Detail::Restated { unit, .. }
            | Detail::Comparison { unit, .. }
            | Detail::Relation { unit, .. }
            | Detail::Negative { unit }
            | Detail::ItemsOf { unit, .. }
            | Detail::Table { unit, .. } => Some(*unit),
            Detail::Shares { .. } | Detail::Document(_) => None,
        }
    }
}

/// The sentence of a figure printed twice: an amount or budget as money, a change as a signed amount, a
/// change rate as a percentage (`{7}` names the figure).
fn restated_body(
    figure: RestatedFigure,
    lang: Lang,
    args: &mut Vec<String>,
) -> (&'static str, &'static str) {
    let name = match (figure, lang) {
        (RestatedFigure::Amount, _) => "",
        (RestatedFigure::Budget, Lang::Zh) => "的预算数",
        (RestatedFigure::Budget, Lang::En) => "'s budget",
        (RestatedFigure::Change, Lang::Zh) => "比上年的增减额",
        (RestatedFigure::Change, Lang::En) => "'s change from the prior year",
        (RestatedFigure::ChangePct, Lang::Zh) => "比上年的增减百分比",
        (RestatedFigure::ChangePct, Lang::En) => "'s change rate from the prior year",
    };
    args.push(name.into());
    match figure {
        RestatedFigure::ChangePct => (
            "“{0}”{7}印为{5}%，在别处又印为{4}%，相差{6}个百分点。",
            "\"{0}\"{7} is printed as {5}% and elsewhere as {4}%: they differ by {6} percentage points.",
        ),
        _ => (
            "“{0}”{7}印为{2}，在别处又印为{1}，相差{3}。",
            "\"{0}\"{7} is printed as {2} and elsewhere as {1}: they differ by {3}.",
        ),
    }
}

/// `大于` / `小于` / `等于`: what the text said.
fn said_zh(said: Comparison) -> &'static str {
    match said {
        Comparison::Above => "大于",
        Comparison::Below => "小于",
        Comparison::Equal => "等于",
    }
}

fn said_en(said: Comparison) -> &'static str {
    match said {
        Comparison::Above => "above",
        Comparison::Below => "below",
        Comparison::Equal => "equal to",
    }
}

/// How the amount stands against the budget by the figures (`difference` = amount − budget).
fn is_zh(difference: Decimal) -> &'static str {
    match difference {
        d if d.is_zero() => "等于",
        d if d.is_sign_positive() => "大于",
        _ => "小于",
    }
}

fn is_en(difference: Decimal) -> &'static str {
    match difference {
        d if d.is_zero() => "the same as",
        d if d.is_sign_positive() => "more than",
        _ => "less than",
    }
}

/// Words to be quoted inside “…”: their own double quotes become single ones (`“三公”经费合计` in a message
/// reads “‘三公’经费合计”), as Chinese typography nests quotes.
pub(super) fn nested_quotes(words: &str) -> String {
    words.replace('“', "‘").replace('”', "’")
}

/// The first letter of an English sentence in capitals.
fn capitalised(mut text: String) -> String {
    if let Some(first) = text.get_mut(0..1) {
        first.make_ascii_uppercase();
    }
    text
}

/// An amount with its unit: `65.91万元`, `CNY 659,100`. Not inlined: it is called for every figure.
#[inline(never)]
fn money_in(lang: Lang, value: Decimal, unit: Unit) -> String {
    match lang {
        Lang::Zh => join(&[text(value).as_str(), unit.zh()], ""),
        Lang::En => money_en(value, unit),
    }
}

/// Adds a finding kind's own arguments after the common ones.
fn push(args: &mut Vec<String>, more: &[&str]) {
    args.extend(more.iter().map(|a| a.to_string()));
}

/// A phrase with its arguments: `{0}`–`{9}` and `{a}`–`{z}` (10–35) name `args[i]`. One small routine for
/// every sentence instead of a `format!` per sentence and language (both bodies' formatting code, ~10 KB of
/// the wasm, became this and the phrase table).
pub(super) fn fill(phrase: &str, args: &[String]) -> String {
    let mut text = String::with_capacity(phrase.len() + 64);
    let mut rest = phrase;
    while let Some((before, _)) = rest.split_once('{') {
        let open = before.len();
        text.push_str(before);
        let slot = rest.as_bytes().get(open + 1).copied().unwrap_or(b'0');
        let index = match slot {
            b'0'..=b'9' => usize::from(slot - b'0'),
            _ => usize::from(slot.wrapping_sub(b'a')) + 10,
        };
        text.push_str(args.get(index).map_or("", String::as_str));
        rest = rest.get(open + 3..).unwrap_or("");
    }
    text.push_str(rest);
    text
}

fn quote_list(labels: &[String], separator: &str, open: char, close: char) -> String {
    let quoted: Vec<String> = labels.iter().map(|l| format!("{open}{l}{close}")).collect();
    join(&quoted, separator)
}

impl Finding {
    fn table_message(&self, lang: Lang) -> String {
        let Detail::Table {
            table,
            detail,
            unit,
        } = &self.detail
        else {
            return String::new();
        };
        let figures = Figures {
            table,
            label: &self.label,
            stated: self.as_printed(self.stated).0,
            expected: self.as_printed(self.expected).0,
            difference: self.as_printed(self.difference).0,
            unit: self.printed_unit(*unit),
        };
        table_body(detail, &figures, lang)
    }
}
