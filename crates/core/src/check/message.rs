//! Each finding in plain words, in Chinese or English: the figures involved, what they should give,
//! and whether rounding of the printed figures can explain the difference.

use rust_decimal::Decimal;

use super::finding::{Detail, Finding, Severity, TableDetail};
use super::table_message::{table_body, Figures};
use crate::i18n::Lang;
use crate::report::Unit;

impl Finding {
    /// The finding in plain words.
    pub fn message(&self, lang: Lang) -> String {
        let body = match lang {
            Lang::Zh => self.body_zh(),
            Lang::En => self.body_en(),
        };
        format!("{body}{}", self.verdict(lang))
    }

    fn body_zh(&self) -> String {
        let (label, stated, expected, diff) =
            (&self.label, self.stated, self.expected, self.difference);
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
                    "“{label}”印为{stated}{u}，而列出的{count}个部分明细项合计已达{expected}{u}，超出{}{u}。",
                    -diff
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
                unit,
            } => {
                let u = unit.zh();
                format!(
                    "“{label}”与上年相比的增减印为{stated}{u}，而本年{amount}{u} − 上年{prior}{u} = {expected}{u}，相差{diff}{u}。"
                )
            }
            Detail::ChangeRate {
                change,
                prior,
                unit,
            } => {
                let u = unit.zh();
                if prior.is_zero() {
                    format!(
                        "“{label}”的增减百分比印为{stated}%，但上年数为0{u}，增减百分比无从计算。"
                    )
                } else {
                    format!(
                        "“{label}”的增减百分比印为{stated}%，按增减{change}{u} ÷ 上年{prior}{u}计算应为{expected}%，相差{diff}个百分点。"
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
            Detail::Restated { unit } => {
                let u = unit.zh();
                format!("“{label}”印为{expected}{u}，在别处又印为{stated}{u}，相差{diff}{u}。")
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
            Detail::Table { .. } => self.table_message(Lang::Zh),
        }
    }

    fn body_en(&self) -> String {
        let (label, stated, expected, diff) =
            (&self.label, self.stated, self.expected, self.difference);
        match &self.detail {
            Detail::Parts {
                count,
                partial: false,
                unit,
            } if *count == 1 => {
                let u = unit.en();
                format!("\"{label}\" is printed as {stated} {u}, but its only item is {expected} {u}, a difference of {diff} {u}.")
            }
            Detail::Parts {
                count,
                partial: false,
                unit,
            } => {
                let u = unit.en();
                format!("\"{label}\" is printed as {stated} {u}, but its {count} items add up to {expected} {u}, a difference of {diff} {u}.")
            }
            Detail::Parts {
                count,
                partial: true,
                unit,
            } => {
                let u = unit.en();
                format!(
                    "\"{label}\" is printed as {stated} {u}, but the {count} items listed as part of it already add up to {expected} {u}, {} {u} more.",
                    -diff
                )
            }
            Detail::Share {
                amount,
                base,
                base_label,
                unit,
            } => {
                let u = unit.en();
                if base.is_zero() {
                    format!("the share of \"{label}\" is printed as {stated}%, but its base \"{base_label}\" is 0 {u}, so no share exists.")
                } else {
                    format!(
                        "the share of \"{label}\" is printed as {stated}%, but {amount} {u} / \"{base_label}\" {base} {u} gives {expected}%, a difference of {diff} percentage points."
                    )
                }
            }
            Detail::Shares { count } => {
                format!("the shares of the {count} items of \"{label}\" add up to {stated}%, not 100%, a difference of {diff} percentage points.")
            }
            Detail::Change {
                amount,
                prior,
                unit,
            } => {
                let u = unit.en();
                format!(
                    "the change of \"{label}\" from last year is printed as {stated} {u}, but {amount} {u} this year − {prior} {u} last year = {expected} {u}, a difference of {diff} {u}."
                )
            }
            Detail::ChangeRate {
                change,
                prior,
                unit,
            } => {
                let u = unit.en();
                if prior.is_zero() {
                    format!("the change rate of \"{label}\" is printed as {stated}%, but last year's amount is 0 {u}, so no rate exists.")
                } else {
                    format!(
                        "the change rate of \"{label}\" is printed as {stated}%, but the change {change} {u} / last year's {prior} {u} gives {expected}%, a difference of {diff} percentage points."
                    )
                }
            }
            Detail::Completion {
                amount,
                budget,
                unit,
            } => {
                let u = unit.en();
                if budget.is_zero() {
                    format!("the budget completion of \"{label}\" is printed as {stated}%, but the budget is 0 {u}, so no rate exists.")
                } else {
                    format!(
                        "the budget completion of \"{label}\" is printed as {stated}%, but {amount} {u} / budget {budget} {u} gives {expected}%, a difference of {diff} percentage points."
                    )
                }
            }
            Detail::Restated { unit } => {
                let u = unit.en();
                format!("\"{label}\" is printed as {expected} {u} and elsewhere as {stated} {u}, a difference of {diff} {u}.")
            }
            Detail::Relation { left, right, unit } => {
                let u = unit.en();
                format!(
                    "\"{label}\": {} add up to {stated} {u}, but {} add up to {expected} {u}, a difference of {diff} {u}.",
                    quote_list(left, ", ", '"', '"'),
                    quote_list(right, ", ", '"', '"')
                )
            }
            Detail::Negative { unit } => format!(
                "\"{label}\" has a negative amount ({stated} {}).",
                unit.en()
            ),
            Detail::Table { .. } => self.table_message(Lang::En),
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
        if zero_base || no_figures || matches!(self.detail, Detail::Negative { .. }) {
            return String::new();
        }
        let envelope = self.envelope(lang, t);
        match (self.severity, lang) {
            (Severity::Note, Lang::Zh) => format!("这是各数分别四舍五入的正常结果（{envelope}之内），不必担心。"),
            (Severity::Note, Lang::En) => {
                format!(" This is the normal effect of rounding each figure (within {envelope}); nothing to worry about.")
            }
            (Severity::Warning, Lang::Zh) => {
                format!("差额在印出数字的舍入误差（{envelope}）之内，但读者看到的数字对不上。")
            }
            (Severity::Warning, Lang::En) => format!(
                " The difference is within the rounding of the printed figures ({envelope}), but a reader sees figures that disagree."
            ),
            (Severity::Error, Lang::Zh) => format!("差额超出了印出数字的舍入所能解释的范围（{envelope}）。"),
            (Severity::Error, Lang::En) => {
                format!(" The difference is more than rounding of the printed figures can explain ({envelope}).")
            }
        }
    }

    fn envelope(&self, lang: Lang, t: Decimal) -> String {
        let percentage_points = matches!(
            self.detail,
            Detail::Share { .. }
                | Detail::Shares { .. }
                | Detail::ChangeRate { .. }
                | Detail::Completion { .. }
        );
        match (percentage_points, self.unit(), lang) {
            (true, _, Lang::Zh) => format!("±{t}个百分点"),
            (true, _, Lang::En) => format!("±{t} percentage points"),
            (false, Some(u), Lang::Zh) => format!("±{t}{}", u.zh()),
            (false, Some(u), Lang::En) => format!("±{t} {}", u.en()),
            (false, None, _) => format!("±{t}"),
        }
    }

    fn unit(&self) -> Option<Unit> {
        match &self.detail {
            Detail::Parts { unit, .. }
            | Detail::Share { unit, .. }
            | Detail::Change { unit, .. }
            | Detail::ChangeRate { unit, .. }
            | Detail::Completion { unit, .. }
            | Detail::Restated { unit }
            | Detail::Relation { unit, .. }
            | Detail::Negative { unit }
            | Detail::Table { unit, .. } => Some(*unit),
            Detail::Shares { .. } => None,
        }
    }
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
