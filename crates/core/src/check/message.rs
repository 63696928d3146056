//! Each finding in plain words, in Chinese or English: the figures involved, what they should give, the
//! gap (never a minus sign: "differ by"), and whether rounding of the printed figures can explain it, with
//! the rounding envelope shown in the data's own precision. English gives money as `CNY 659,100`.

use rust_decimal::Decimal;

use super::finding::{Detail, Finding, Severity, TableDetail};
use super::table_message::{table_body, Figures};
use super::tolerance::shown_up;
use crate::i18n::Lang;
use crate::report::money::money_en;
use crate::report::{Comparison, Doubt, Unit};

impl Finding {
    /// The finding in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let body = match lang {
            Lang::Zh => self.body_zh(),
            Lang::En => capitalised(self.body_en()),
        };
        format!(
            "{body}{}{}{}",
            self.places.sentence(lang),
            self.verdict(lang),
            self.doubt_note(lang)
        )
    }

    fn body_zh(&self) -> String {
        let label = nested_quotes(&self.label);
        let (label, stated, expected, diff) =
            (&label, self.stated, self.expected, self.difference.abs());
        match &self.detail {
            Detail::Parts {
                count,
                partial: false,
                unit,
            } if *count == 1 => {
                let u = unit.zh();
                format!(
                    "“{label}”印为{stated}{u}，而它唯一的明细项为{expected}{u}，相差{diff}{u}。"
                )
            }
            Detail::Parts {
                count,
                partial: false,
                unit,
            } => {
                let u = unit.zh();
                format!("“{label}”印为{stated}{u}，而它的{count}个明细项合计{expected}{u}，相差{diff}{u}。")
            }
            Detail::Parts {
                count,
                partial: true,
                unit,
            } => {
                let u = unit.zh();
                format!(
                    "“{label}”印为{stated}{u}，而列出的{count}个部分明细项合计已达{expected}{u}，超出{diff}{u}。"
                )
            }
            Detail::Share {
                amount,
                base,
                base_label,
                unit,
            } => {
                let u = unit.zh();
                if base.is_zero() {
                    format!(
                        "“{label}”的占比印为{stated}%，但基数“{base_label}”为0{u}，占比无从谈起。"
                    )
                } else {
                    format!(
                        "“{label}”的占比印为{stated}%，按{amount}{u} ÷ “{base_label}”{base}{u}计算应为{expected}%，相差{diff}个百分点。"
                    )
                }
            }
            Detail::Shares { count } => {
                format!(
                    "“{label}”的{count}个明细项占比合计{stated}%，而不是100%，相差{diff}个百分点。"
                )
            }
            Detail::Change {
                amount,
                prior,
                against_budget,
                unit,
            } => {
                let u = unit.zh();
                let (than, now, then) = match against_budget {
                    true => ("年初预算", "决算", "预算"),
                    false => ("上年", "本年", "上年"),
                };
                format!(
                    "“{label}”与{than}相比的增减印为{stated}{u}，而{now}{amount}{u} − {then}{prior}{u} = {expected}{u}，相差{diff}{u}。"
                )
            }
            Detail::ChangeRate {
                change,
                prior,
                against_budget,
                unit,
            } => {
                let u = unit.zh();
                let then = if *against_budget {
                    "预算数"
                } else {
                    "上年数"
                };
                if prior.is_zero() {
                    format!(
                        "“{label}”的增减百分比印为{stated}%，但{then}为0{u}，增减百分比无从计算。"
                    )
                } else {
                    format!(
                        "“{label}”的增减百分比印为{stated}%，按增减{change}{u} ÷ {then}{prior}{u}计算应为{expected}%，相差{diff}个百分点。"
                    )
                }
            }
            Detail::Completion {
                amount,
                budget,
                unit,
            } => {
                let u = unit.zh();
                if budget.is_zero() {
                    format!(
                        "“{label}”的预算完成率印为{stated}%，但年初预算为0{u}，完成率无从计算。"
                    )
                } else {
                    format!(
                        "“{label}”的预算完成率印为{stated}%，按{amount}{u} ÷ 年初预算{budget}{u}计算应为{expected}%，相差{diff}个百分点。"
                    )
                }
            }
            Detail::Comparison {
                said,
                amount,
                budget,
                unit,
            } => {
                let u = unit.zh();
                let (said, is) = (said_zh(*said), is_zh(self.difference));
                format!("“{label}”的决算数{amount}{u}{is}年初预算{budget}{u}，文中却说决算数{said}预算数。")
            }
            Detail::Restated { unit, budget } => {
                let u = unit.zh();
                let figure = if *budget { "的预算数" } else { "" };
                format!(
                    "“{label}”{figure}印为{expected}{u}，在别处又印为{stated}{u}，相差{diff}{u}。"
                )
            }
            Detail::Relation { left, right, unit } => {
                let u = unit.zh();
                format!(
                    "“{label}”：{}合计{stated}{u}，而{}合计{expected}{u}，相差{diff}{u}。",
                    quote_list(left, "、", '“', '”'),
                    quote_list(right, "、", '“', '”')
                )
            }
            Detail::Negative { unit } => {
                format!("“{label}”的金额为负数（{stated}{}）。", unit.zh())
            }
            Detail::ItemsOf {
                count,
                budget,
                against_budget,
                prior,
                unit,
            } => {
                let what = match (budget, against_budget, prior) {
                    (true, _, _) => "预算数",
                    (false, true, _) => "比预算增减额",
                    (false, false, true) => "上年数",
                    (false, false, false) => "增减额",
                };
                let u = unit.zh();
                format!("“{label}”的{what}印为{stated}{u}，而它的{count}个明细项的{what}合计{expected}{u}，相差{diff}{u}。")
            }
            Detail::Table { .. } => self.table_message(Lang::Zh),
            Detail::Document(detail) => self.document_message(detail, Lang::Zh),
        }
    }

    fn body_en(&self) -> String {
        let (label, stated, expected, diff) = (
            &self.label,
            self.stated,
            self.expected,
            self.difference.abs(),
        );
        match &self.detail {
            Detail::Parts {
                count,
                partial: false,
                unit,
            } if *count == 1 => {
                let m = |v| money_en(v, *unit);
                format!(
                    "\"{label}\" is printed as {}, but its only item is {}: they differ by {}.",
                    m(stated),
                    m(expected),
                    m(diff)
                )
            }
            Detail::Parts {
                count,
                partial: false,
                unit,
            } => {
                let m = |v| money_en(v, *unit);
                format!(
                    "\"{label}\" is printed as {}, but its {count} items add up to {}: they differ by {}.",
                    m(stated),
                    m(expected),
                    m(diff)
                )
            }
            Detail::Parts {
                count,
                partial: true,
                unit,
            } => {
                let m = |v| money_en(v, *unit);
                format!(
                    "\"{label}\" is printed as {}, but the {count} items listed as part of it already add up to {}, {} more.",
                    m(stated),
                    m(expected),
                    m(diff)
                )
            }
            Detail::Share {
                amount,
                base,
                base_label,
                unit,
            } => {
                let m = |v| money_en(v, *unit);
                if base.is_zero() {
                    format!("the share of \"{label}\" is printed as {stated}%, but its base \"{base_label}\" is zero, so no share exists.")
                } else {
                    format!(
                        "the share of \"{label}\" is printed as {stated}%, but {} out of \"{base_label}\" {} is {expected}%: they differ by {diff} percentage points.",
                        m(*amount),
                        m(*base)
                    )
                }
            }
            Detail::Shares { count } => {
                format!("the shares of the {count} items of \"{label}\" add up to {stated}%, not 100%: {diff} percentage points apart.")
            }
            Detail::Change {
                amount,
                prior,
                against_budget,
                unit,
            } => {
                let m = |v| money_en(v, *unit);
                let (from, now, then) = match against_budget {
                    true => ("the budget", "spent", "budgeted"),
                    false => ("last year", "this year", "last year"),
                };
                format!(
                    "the change of \"{label}\" from {from} is printed as {}, but {} {now} less {} {then} is {}: they differ by {}.",
                    m(stated),
                    m(*amount),
                    m(*prior),
                    m(expected),
                    m(diff)
                )
            }
            Detail::ChangeRate {
                change,
                prior,
                against_budget,
                unit,
            } => {
                let m = |v| money_en(v, *unit);
                let (base, on) = match against_budget {
                    true => ("the budget", "the budget of"),
                    false => ("last year's amount", "last year's"),
                };
                if prior.is_zero() {
                    format!("the change rate of \"{label}\" is printed as {stated}%, but {base} is zero, so no rate exists.")
                } else {
                    format!(
                        "the change rate of \"{label}\" is printed as {stated}%, but a change of {} on {on} {} is {expected}%: they differ by {diff} percentage points.",
                        m(*change),
                        m(*prior)
                    )
                }
            }
            Detail::Completion {
                amount,
                budget,
                unit,
            } => {
                let m = |v| money_en(v, *unit);
                if budget.is_zero() {
                    format!("the budget completion of \"{label}\" is printed as {stated}%, but the budget is zero, so no rate exists.")
                } else {
                    format!(
                        "the budget completion of \"{label}\" is printed as {stated}%, but {} spent of a {} budget is {expected}%: they differ by {diff} percentage points.",
                        m(*amount),
                        m(*budget)
                    )
                }
            }
            Detail::Comparison {
                said,
                amount,
                budget,
                unit,
            } => {
                let m = |v| money_en(v, *unit);
                let (said, is) = (said_en(*said), is_en(self.difference));
                format!(
                    "the text says the final figure of \"{label}\" is {said} its budget, but {} is {is} the budget of {}.",
                    m(*amount),
                    m(*budget)
                )
            }
            Detail::Restated { unit, budget } => {
                let m = |v| money_en(v, *unit);
                let figure = if *budget { "'s budget" } else { "" };
                format!(
                    "\"{label}\"{figure} is printed as {} and elsewhere as {}: they differ by {}.",
                    m(expected),
                    m(stated),
                    m(diff)
                )
            }
            Detail::Relation { left, right, unit } => {
                let m = |v| money_en(v, *unit);
                format!(
                    "\"{label}\": {} add up to {}, but {} add up to {}: they differ by {}.",
                    quote_list(left, ", ", '"', '"'),
                    m(stated),
                    quote_list(right, ", ", '"', '"'),
                    m(expected),
                    m(diff)
                )
            }
            Detail::Negative { unit } => {
                format!(
                    "\"{label}\" has a negative amount ({}).",
                    money_en(stated, *unit)
                )
            }
            Detail::ItemsOf {
                count,
                budget,
                against_budget,
                prior,
                unit,
            } => {
                let m = |v| money_en(v, *unit);
                let (what, whats) = match (budget, against_budget, prior) {
                    (true, _, _) => ("budget", "budgets"),
                    (false, true, _) => ("change against the budget", "changes against the budget"),
                    (false, false, true) => ("last year's amount", "last year's amounts"),
                    (false, false, false) => ("change", "changes"),
                };
                format!(
                    "the {what} of \"{label}\" is printed as {}, but the {whats} of its {count} items add up to {}: they differ by {}.",
                    m(stated),
                    m(expected),
                    m(diff)
                )
            }
            Detail::Table { .. } => self.table_message(Lang::En),
            Detail::Document(detail) => self.document_message(detail, Lang::En),
        }
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
        let envelope = self.envelope(lang, t);
        // A doubt only ever lowers an error (docs/FORMAT.md, "Doubt"): the gap is still beyond rounding,
        // and the doubt note says why it is only a warning.
        let judged = match self.doubt {
            Some(_) => Severity::Error,
            None => self.severity,
        };
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
    /// printed with: ±0.015 for two-decimal figures reads "0.02").
    fn envelope(&self, lang: Lang, t: Decimal) -> String {
        let decimals = self.stated.scale();
        let t = if t.scale() > decimals {
            shown_up(t, decimals)
        } else {
            t
        };
        let percentage_points = matches!(
            self.detail,
            Detail::Share { .. }
                | Detail::Shares { .. }
                | Detail::ChangeRate { .. }
                | Detail::Completion { .. }
        );
        match (percentage_points, self.unit(), lang) {
            (true, _, Lang::Zh) => format!("{t}个百分点"),
            (true, _, Lang::En) => format!("{t} percentage points"),
            (false, Some(u), Lang::Zh) => format!("{t}{}", u.zh()),
            (false, Some(u), Lang::En) => money_en(t, u),
            (false, None, _) => t.to_string(),
        }
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

fn quote_list(labels: &[String], separator: &str, open: char, close: char) -> String {
    let quoted: Vec<String> = labels.iter().map(|l| format!("{open}{l}{close}")).collect();
    quoted.join(separator)
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
            stated: self.stated,
            expected: self.expected,
            difference: self.difference,
            unit: *unit,
        };
        table_body(detail, &figures, lang)
    }
}
