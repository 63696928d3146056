//! Numbered items naming a place in the classification of spending by function, the Shanghai 部门决算
//! template's pattern (`1、一般公共服务支出(类)财政事务(款)行政运行(项)。主要用于：…。年初预算为1560.05万元，
//! 支出决算为1511.89万元。决算数大于预算数的主要原因：…`): the heading names the item; the paragraph's figures
//! that name nothing else (a bare `支出决算为`, `年初预算为`, `决算数大于预算数`) are its own, until the next
//! numbered item or heading.
//!
//! The item is the 项 (the deepest level printed), labelled with the path below the 类 as printed
//! (`财政事务（款）行政运行（项）`): it goes under the 类's node where one is known (the class list of
//! `一般公共预算财政拨款支出`), in doubt as a list (the numbered items need not be all of the class's), else it is
//! a root of its own labelled with the whole path.

use super::*;

/// The item of the numbered paragraph being read.
pub(super) struct ClassItem {
    /// The 类's node, if one is known.
    parent: Option<usize>,
    label: String,
    /// The deepest level's name (`行政运行`), which may be a known item of the 类's.
    name: String,
    /// Its node, once its amount was read.
    node: Option<usize>,
    /// A budget printed before the amount (`年初预算为…，支出决算为…`).
    budget: Option<usize>,
}

/// The labels of an amount that name nothing but the paragraph's item: `支出决算为`, `决算数`, nothing.
fn names_only_the_item(label: &str) -> bool {
    matches!(label, "" | "支出" | "决算" | "支出决算" | "决算数")
}

impl Assembler<'_> {
    /// `1、A(类)B(款)C(项)。`: the paragraph's item, whose node is made when its amount is read.
    pub(super) fn class_path(&mut self, path: &[(String, String)]) {
        let Some(((class, _), below)) = path.split_first() else {
            return;
        };
        let parent = (!below.is_empty())
            .then(|| self.class_node(class))
            .flatten();
        let printed = match parent {
            Some(_) => below,
            None => path,
        };
        let label = printed
            .iter()
            .map(|(name, level)| match level.is_empty() {
                true => name.clone(),
                false => format!("{name}({level})"),
            })
            .collect::<String>();
        let name = path
            .last()
            .map(|(name, _)| name.clone())
            .unwrap_or_default();
        self.class_item = Some(ClassItem {
            parent,
            label,
            name,
            node: None,
            budget: None,
        });
    }

    /// The node of a function class (类) by its name: an item of a known root's class list. Only the first
    /// roots are looked at, which keeps this constant time on texts with thousands of them.
    fn class_node(&self, class: &str) -> Option<usize> {
        self.roots
            .iter()
            .take(256)
            .filter(|&&r| self.nodes[r].schema.as_deref() == Some("gpb_by_function"))
            .find_map(|&r| self.nodes[r].child_by_label.get(class).copied())
    }

    /// `年初预算为x万元` with no subject in the item's paragraph: the item's budget.
    pub(super) fn class_item_budget(&mut self, figure: usize, state: &mut SentenceState) -> bool {
        if state.last_node.is_some() {
            return false;
        }
        let Some(item) = self.class_item.as_mut() else {
            return false;
        };
        match item.node {
            Some(node) => {
                let (value, at) = (self.money(figure), self.span(figure));
                self.set(state, figure, Some(node), |n| {
                    set_once(&mut n.budget, &mut n.spans.budget, value, at)
                });
            }
            None => item.budget = Some(figure),
        }
        true
    }

    /// `支出决算为x万元` in the item's paragraph: the item's amount (printed again if it had one).
    pub(super) fn class_item_amount(
        &mut self,
        label: &Label,
        figure: usize,
        state: &mut SentenceState,
    ) -> Option<usize> {
        let item = self.class_item.as_ref()?;
        if let (Some(node), true) = (item.node, self.is_earlier_execution(label)) {
            let (value, at) = (self.money(figure)?, self.span(figure));
            self.set_prior(node, value, at)?;
            self.placed_as_prior = false;
            self.consumed[figure] = true;
            state.last_node = Some(node);
            return Some(node);
        }
        let of_another_year = label
            .year
            .zip(self.year)
            .is_some_and(|(y, own)| own != i32::from(y));
        if !names_only_the_item(&label.text) || of_another_year {
            return None;
        }
        let (value, at) = (self.money(figure)?, self.span(figure));
        let node = match item.node {
            Some(node) => {
                restate(&mut self.nodes[node].node, value, at);
                node
            }
            None => self.new_class_item(value, at)?,
        };
        self.consumed[figure] = true;
        if let Some(budget) = self.class_item.as_mut().and_then(|i| i.budget.take()) {
            let (value, at) = (self.money(budget), self.span(budget));
            self.set(state, budget, Some(node), |n| {
                set_once(&mut n.budget, &mut n.spans.budget, value, at)
            });
        }
        state.first_node.get_or_insert(node);
        state.last_node = Some(node);
        state.change_target = None;
        self.last_node = Some(node);
        Some(node)
    }

    /// `2025年当年预算执行数为1690.69万元` (`上年预算执行数`, `上年执行数`) in a budget's item paragraph: the
    /// amount spent in the year before the document's, the item's prior. Only with that year named (by its
    /// number, before the document's year, or as 上年/去年): a bare `预算执行数` may be this year's.
    fn is_earlier_execution(&self, label: &Label) -> bool {
        let (text, last_year) = match ["上年", "去年"]
            .iter()
            .find_map(|w| label.text.strip_prefix(w))
        {
            Some(rest) => (rest, true),
            None => (label.text.as_str(), false),
        };
        let execution = matches!(text, "预算执行数" | "预算执行" | "执行数" | "预计执行数");
        let earlier = label
            .year
            .zip(self.year)
            .is_some_and(|(year, own)| i32::from(year) < own);
        execution && (earlier || last_year)
    }

    fn new_class_item(&mut self, value: Decimal, at: Span) -> Option<usize> {
        let item = self.class_item.as_ref()?;
        let (parent, label) = (item.parent, item.label.clone());
        let index = match parent {
            Some(parent) => {
                if self.nodes.len() >= MAX_NODES || self.depth(parent) + 1 >= MAX_DEPTH {
                    return None;
                }
                // A standard 项 name (`事业运行`, `住房公积金`) keeps its standard id.
                let id = self.fresh_id(parent, standard_id(&item.name));
                let mut node = Node::new(id, label.clone(), value);
                node.at = Some(at);
                let index = self.push(node, Some(parent), None, false);
                self.doubt(parent, Doubt::List);
                index
            }
            None => {
                let text = Label {
                    text: label.clone(),
                    ..Label::default()
                };
                self.new_free_root(&text, value, at)?
            }
        };
        self.nodes[index].printed = label;
        if let Some(item) = self.class_item.as_mut() {
            item.node = Some(index);
        }
        Some(index)
    }

    /// `决算数大于预算数的主要原因` with no subject in the item's paragraph: about the item, which the heading
    /// names (no guess).
    pub(super) fn class_item_subject(&self, subject: &Subject) -> Option<usize> {
        match subject {
            Subject::Implicit => self.class_item.as_ref()?.node,
            _ => None,
        }
    }
}
