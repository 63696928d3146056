//! The standard labels of 部门预算/决算 texts and the ids they get, so that an extracted report and a
//! hand-made one compare path by path.
//!
//! Roots (`income`, `expenditure`, `gpb_by_function`…) are recognised by a keyword anywhere in the label;
//! children by the label's ending (`本年收入合计`… no: `今年事业收入` ends with `事业收入`), the longest ending
//! winning (`国有资本经营收入` is not `经营收入`). Labels are compared with ASCII parentheses, as normalised.

/// A breakdown root: its id, the label it gets, and the keywords that name it (first match in table order).
pub struct Root {
    pub id: &'static str,
    pub label: &'static str,
    keywords: &'static [&'static str],
    /// Items of any label are accepted (function classes, 机关运行经费 items).
    pub open_list: bool,
}

/// Roots in matching order: the more specific keywords first.
pub const ROOTS: &[Root] = &[
    Root {
        id: "three_public",
        label: "“三公”经费支出",
        keywords: &["三公"],
        open_list: false,
    },
    Root {
        id: "admin_costs",
        label: "机关运行经费",
        keywords: &["机关运行经费"],
        open_list: true,
    },
    Root {
        id: "gpb_basic",
        label: "一般公共预算财政拨款基本支出",
        keywords: &["一般公共预算财政拨款基本支出", "一般公共预算基本支出"],
        open_list: false,
    },
    Root {
        id: "gpb_by_function",
        label: "一般公共预算财政拨款支出",
        keywords: &[
            "一般公共预算财政拨款支出",
            "一般公共预算支出",
            "一般公共预算拨款支出",
        ],
        open_list: true,
    },
    Root {
        id: "gov_fund_expenditure",
        label: "政府性基金预算财政拨款支出",
        keywords: &[
            "政府性基金预算财政拨款支出",
            "政府性基金预算支出",
            "政府性基金预算拨款支出",
        ],
        open_list: true,
    },
    Root {
        id: "state_capital_expenditure",
        label: "国有资本经营预算财政拨款支出",
        keywords: &["国有资本经营预算财政拨款支出", "国有资本经营预算支出"],
        open_list: true,
    },
    Root {
        id: "fiscal_expenditure",
        label: "财政拨款支出",
        keywords: &["财政拨款支出"],
        open_list: false,
    },
    Root {
        id: "income",
        label: "收入总计",
        keywords: &[
            "收入总计",
            "收入合计",
            "总收入",
            "收入预算总额",
            "收入总预算",
            "收入总额",
            "单位收入",
        ],
        open_list: false,
    },
    Root {
        id: "expenditure",
        label: "支出总计",
        keywords: &[
            "支出总计",
            "支出合计",
            "总支出",
            "支出预算总额",
            "支出总预算",
            "支出总额",
            "单位支出",
        ],
        open_list: false,
    },
    Root {
        id: "carryover_end",
        label: "年末结转和结余",
        keywords: &["年末结转和结余", "年末结转"],
        open_list: false,
    },
];

/// Endings of a label that names a sum of money (`…收入`, `…经费`, `…税`; `国税税收`, the balance total
/// `收入总量` of fiscal reports).
/// Also the tax a higher level returns (`中央和省税收返还`) and what was put into a purpose in all
/// (`教育经费总投入`); the terms of a balance `上年结转`, `市与区财力结算`. (Not `转移支付`: `税收返还和转移支付A(包括一般性转移支付B…专项转移支付C)` lists the
/// parts of one of the two sums it names, and B + C is not A.)
const MONEY_NOUNS: &[&str] = &[
    "收入",
    "支出",
    "预算",
    "经费",
    "费用",
    "费",
    "资金",
    "总额",
    "财力",
    "结余",
    "拨款",
    "基金",
    "补助",
    "金额",
    "税",
    "税收",
    "税种",
    "采购",
    "总计",
    "合计",
    "总量",
    "税收返还",
    "总投入",
    "结转",
    "结算",
];

/// Collecting offices: in a revenue report `税务部门完成13866万元` names the revenue that office collected
/// (parts of the revenue by who collects it).
/// The offices by their own names too (`国税局完成13040万元`, `财政局完成…`).
const COLLECTING_OFFICES: [&str; 9] = [
    "税务部门",
    "财政部门",
    "国税部门",
    "地税部门",
    "海关",
    "国税局",
    "地税局",
    "税务局",
    "财政局",
];

/// Whether a label names an office (`税务局`, `财政部门`, `财政` alone) rather than a sum of money in words:
/// [`names_money`] takes them as the revenue they collect only where an amount follows in the same clause.
pub fn names_office(label: &str) -> bool {
    COLLECTING_OFFICES.iter().any(|o| label.ends_with(o)) || label == "财政"
}

/// Whether a label names a known item of any standard total (`公务接待`, `公车运行及维护` of 三公, in the
/// spellings that end in no money noun).
pub fn names_known_item(label: &str) -> bool {
    // Each parent once where its children are listed together.
    let first_of_parent = |(i, c): &(usize, &Child)| *i == 0 || CHILDREN[i - 1].parent != c.parent;
    CHILDREN
        .iter()
        .enumerate()
        .filter(first_of_parent)
        .any(|(_, c)| child_of(c.parent, label).is_some())
}

/// Whether a label ends with a word naming a sum of money. `财政` alone is the finance office as a collector
/// (`国税完成…,地税完成…,财政完成3051万元`); as the end of a longer name it is not money (`县级财政`).
pub fn names_money(label: &str) -> bool {
    MONEY_NOUNS.iter().any(|n| label.ends_with(n))
        || COLLECTING_OFFICES.iter().any(|o| label.ends_with(o))
        || label == "财政"
}

/// The root a label names, if any.
pub fn root_of(label: &str) -> Option<&'static Root> {
    ROOTS
        .iter()
        .find(|r| r.keywords.iter().any(|k| label.contains(k)))
        // `财政拨款收入总计` is fiscal income, not the unit's 收入总计.
        .filter(|r| !(r.id == "income" && label.contains("拨款收入")))
        // `政府采购支出总额` (the 部门决算's procurement section) is the part of spending bought through
        // government procurement, a total of its own (a free root), not the unit's 支出总计.
        .filter(|_| !label.contains("政府采购"))
        // `当月一般公共预算支出` (a month's amount beside the year's so far): a quantity of its own.
        .filter(|_| !label.starts_with("当月") && !label.starts_with("本月"))
}

/// The keyword by which a label names its root (`收入合计` in `本年收入合计`), if any: printings of one root
/// under different keywords may name different totals (`收入总计` counts the carry-over, `收入合计` does not).
pub fn root_keyword(label: &str) -> Option<&'static str> {
    let root = root_of(label)?;
    root.keywords.iter().copied().find(|k| label.contains(k))
}

/// What a root's label says before its keyword, without fillers: `区本级一般公共预算` in
/// `区本级一般公共预算总收入`, nothing in `以上，“三公”经费预算合计`. Two printings of a root with different
/// qualifiers name different quantities (a jurisdiction and its own level, one fund and another).
pub fn qualifier(label: &str) -> String {
    let Some(root) = root_of(label) else {
        return String::new();
    };
    let at = root
        .keywords
        .iter()
        .filter_map(|k| label.find(k))
        .min()
        .unwrap_or(0);
    let mut before = &label[..at];
    for filler in ["以上", "上述", "合计", "共计", "全年", "其中"] {
        before = before.strip_prefix(filler).unwrap_or(before);
    }
    // Years and their particles say when, not what: `2021年的` and `` qualify the same thing.
    before
        .chars()
        .filter(|c| c.is_alphanumeric() && !c.is_ascii_digit() && !"年度的".contains(*c))
        .collect()
}

/// Whether two printings name the same scope: equal qualifiers once a leading place name (`某县`, `鄂城区`:
/// printed once and left out once) is set aside. `全区` and `区本级`, `政府性基金` and `一般公共预算` differ.
pub fn same_scope(a: &str, b: &str) -> bool {
    without_place(&qualifier(a)) == without_place(&qualifier(b))
}

/// Whether two printings of a known item name the same quantity: what they print before their common ending
/// is the same scope (`某县一般公共预算收入` and `一般公共预算收入` are; `镇人大批准的…一般公共预算收入` and
/// `全镇一般公共预算收入` are not).
pub fn same_item_name(a: &str, b: &str) -> bool {
    let common = a
        .chars()
        .rev()
        .zip(b.chars().rev())
        .take_while(|(x, y)| x == y)
        .map(|(x, _)| x.len_utf8())
        .sum::<usize>();
    let scope = |s: &str| -> String {
        s[..s.len() - common]
            .chars()
            .filter(|c| c.is_alphanumeric() && !c.is_ascii_digit() && !"年度的".contains(*c))
            .collect()
    };
    without_place(&scope(a)) == without_place(&scope(b))
}

/// Words that only say money was put somewhere (`投入A亿元`, `安排B万元`, `…由月人均A元提高到B元`), with an
/// adverb before them at most: no name of a quantity. Two values under such a label are two programmes, or
/// two standards, never one figure printed twice.
pub fn names_nothing(label: &str) -> bool {
    const ADVERBS: [&str; 8] = ["一次性", "累计", "全年", "当年", "共", "又", "再", "新"];
    const VERBS: [&str; 12] = [
        "投入",
        "安排",
        "发放",
        "拨付",
        "下达",
        "筹集",
        "支出",
        "用于",
        "提高到",
        "增加到",
        "达到",
        "完成",
    ];
    let mut rest = label.trim();
    while let Some(shorter) = ADVERBS.iter().find_map(|a| rest.strip_prefix(a)) {
        rest = shorter;
    }
    VERBS.contains(&rest)
}

/// `某县一般公共预算` → `一般公共预算`: up to the first 省/市/县/区/镇/乡 within six characters, unless it says
/// the scope itself (`全区`, `本级`).
fn without_place(qualifier: &str) -> &str {
    let place_end = qualifier
        .char_indices()
        .take(6)
        .find(|(_, c)| "省市县区镇乡".contains(*c))
        .map(|(i, c)| i + c.len_utf8());
    match place_end {
        Some(end) if !qualifier.starts_with(['全', '本']) => &qualifier[end..],
        _ => qualifier,
    }
}

/// A known child: under the node whose schema path is `parent`, a label ending in one of `endings` gets `id`.
pub struct Child {
    pub parent: &'static str,
    pub id: &'static str,
    endings: &'static [&'static str],
}

const GENERAL_BUDGET: &[&str] = &[
    "一般公共预算财政拨款收入",
    "一般公共财政预算拨款收入",
    "公共财政预算拨款收入",
    "一般公共预算拨款收入",
    "一般公共预算收入",
    "一般公共预算财政拨款",
    "一般公共预算拨款",
];
const GOV_FUND: &[&str] = &[
    "政府性基金收入",
    "政府性基金预算财政拨款收入",
    "政府性基金预算拨款收入",
    "政府性基金预算收入",
    "政府性基金预算拨款",
];
const STATE_CAPITAL: &[&str] = &[
    "国有资本经营预算财政拨款收入",
    "国有资本经营预算收入",
    "国有资本经营收入",
];
const WAGES: &[&str] = &["工资福利支出"];
const FAMILY: &[&str] = &[
    "对个人和家庭的补助支出",
    "对个人和家庭补助支出",
    "对个人和家庭的补助",
];
const GOODS: &[&str] = &["商品和服务支出"];
const BASIC: &[&str] = &["基本支出"];
const PROJECT: &[&str] = &["项目支出"];
// `公车…`, `公务车…`: the short names of the official-vehicle items (三公 label variants).
const VEHICLE_PURCHASE: &[&str] = &[
    "公务用车购置费",
    "公车购置费",
    "公务车购置费",
    // `公务用车购置支出0万元`: the item named by its spending.
    "公务用车购置支出",
    // `公务用车购置经费0万元`; `(务用车购置费 0万元、…)` with its first character lost: any `…用车购置费` is
    // the purchase of official vehicles.
    "用车购置费",
    "用车购置经费",
    // `(包括:公务用车运行维护费2648万元、公务用车购置1422万元)`: the item named without `费`.
    "公务用车购置",
];
// `公务用车运行费用`, `公务用车运维费`: the same item in the wording of many counties (三公 label variants).
const VEHICLE_OPERATION: &[&str] = &[
    "公务用车运行(维护)费",
    "公务用车运行维护费",
    "公务用车运行维护费用",
    "公务用车运行费",
    "公务用车运行费用",
    "公务用车运维费",
    "公车运行维护费",
    "公车运行及维护费",
    "公车运行及维护",
    "公车运行费",
    "公务车运行维护费",
    "公务用车运行支出",
    "公务用车运行维护支出",
    // `公务车辆运行2016年预算25万元`: `车辆` for `用车`.
    "公务车辆运行",
    "公务车辆运行费",
    "公务车辆运行维护费",
];

pub const CHILDREN: &[Child] = &[
    Child {
        parent: "income",
        id: "fiscal",
        endings: &["财政拨款收入", "财政拨款"],
    },
    Child {
        parent: "income",
        id: "general_budget",
        endings: GENERAL_BUDGET,
    },
    Child {
        parent: "income",
        id: "gov_fund",
        endings: GOV_FUND,
    },
    Child {
        parent: "income",
        id: "state_capital",
        endings: STATE_CAPITAL,
    },
    Child {
        parent: "income",
        id: "superior_subsidy",
        endings: &["上级补助收入"],
    },
    Child {
        parent: "income",
        id: "business",
        endings: &["事业收入"],
    },
    Child {
        parent: "income",
        id: "operating",
        endings: &["经营收入"],
    },
    Child {
        parent: "income",
        id: "affiliated",
        endings: &["附属单位上缴收入"],
    },
    Child {
        parent: "income",
        id: "other",
        endings: &["其他收入"],
    },
    Child {
        parent: "income",
        id: "non_fiscal_surplus",
        endings: &["使用非财政拨款结余", "用事业基金弥补收支差额"],
    },
    Child {
        parent: "income",
        id: "carryover",
        endings: &[
            "上年结转和结余",
            "上年结转结余",
            "上年结转",
            "年初结转和结余",
        ],
    },
    // `收入总计…，其中：本年收入合计…，使用非财政拨款结余…，年初结转和结余…`: 本年收入 is an item of the
    // total, with the income items below it (see `child_of`).
    Child {
        parent: "income",
        id: "current_year",
        endings: &["本年收入合计", "本年收入"],
    },
    Child {
        parent: "expenditure",
        id: "current_year",
        endings: &["本年支出合计", "本年支出"],
    },
    Child {
        parent: "expenditure",
        id: "surplus_distribution",
        endings: &["结余分配"],
    },
    // Texts that count 年末结转和结余 in 支出总计 list it as its item.
    Child {
        parent: "expenditure",
        id: "carryover_end",
        endings: &["年末结转和结余", "年末结转"],
    },
    Child {
        parent: "income/fiscal",
        id: "general_budget",
        endings: GENERAL_BUDGET,
    },
    Child {
        parent: "income/fiscal",
        id: "gov_fund",
        endings: GOV_FUND,
    },
    Child {
        parent: "income/fiscal",
        id: "state_capital",
        endings: STATE_CAPITAL,
    },
    Child {
        parent: "expenditure",
        id: "basic",
        endings: BASIC,
    },
    Child {
        parent: "expenditure",
        id: "project",
        endings: PROJECT,
    },
    Child {
        parent: "expenditure",
        id: "remit_superior",
        endings: &["上缴上级支出"],
    },
    Child {
        parent: "expenditure",
        id: "operating",
        endings: &["经营支出"],
    },
    Child {
        parent: "expenditure",
        id: "affiliated_subsidy",
        endings: &["对附属单位补助支出"],
    },
    Child {
        parent: "expenditure/basic",
        id: "wages",
        endings: WAGES,
    },
    Child {
        parent: "expenditure/basic",
        id: "family_subsidy",
        endings: FAMILY,
    },
    Child {
        parent: "expenditure/basic",
        id: "goods_services",
        endings: GOODS,
    },
    Child {
        parent: "fiscal_expenditure",
        id: "basic",
        endings: BASIC,
    },
    Child {
        parent: "fiscal_expenditure",
        id: "project",
        endings: PROJECT,
    },
    Child {
        parent: "fiscal_expenditure/basic",
        id: "wages",
        endings: WAGES,
    },
    Child {
        parent: "fiscal_expenditure/basic",
        id: "family_subsidy",
        endings: FAMILY,
    },
    Child {
        parent: "fiscal_expenditure/basic",
        id: "goods_services",
        endings: GOODS,
    },
    Child {
        parent: "gpb_basic",
        id: "personnel",
        endings: &["人员经费", "人员经费支出"],
    },
    Child {
        parent: "gpb_basic",
        id: "public",
        endings: &["公用经费", "公用经费支出"],
    },
    Child {
        parent: "three_public",
        id: "abroad",
        endings: &[
            "因公出国(境)费",
            "因公出国(境)费用",
            "因公出国(境)经费",
            "因公出国费",
            "因公出国费用",
            "因公出国经费",
            // `因公出国(境)100万元`: the item named without `费`.
            "因公出国(境)",
            "因公出国",
        ],
    },
    Child {
        parent: "three_public",
        id: "vehicles",
        endings: &[
            "公务用车购置及运行(维护)费",
            "公务用车购置及运行维护费",
            "公务用车购置及运行维护费用",
            "公务用车购置及运行费",
            "公务用车购置及运行费用",
            "公务用车购置及运维费",
            // `公务用车购置及运行维护支出3.3亿元`: the item named by its spending.
            "公务用车购置及运行维护支出",
            "公务用车购置及运行维护",
            // `公车费用A万元(包含车辆购置费B万元,车辆运行及维护费C万元)`: the cars' costs, both kinds.
            "公务用车费用",
            "公务用车经费",
        ],
    },
    Child {
        parent: "three_public",
        id: "vehicle_purchase",
        endings: VEHICLE_PURCHASE,
    },
    Child {
        parent: "three_public",
        id: "vehicle_operation",
        endings: VEHICLE_OPERATION,
    },
    Child {
        parent: "three_public",
        id: "reception",
        // `公务接待11.8万元`: the item named without `费`.
        endings: &["公务接待费", "公务接待费用", "公务接待"],
    },
    Child {
        parent: "three_public/vehicles",
        id: "purchase",
        endings: VEHICLE_PURCHASE,
    },
    Child {
        parent: "three_public/vehicles",
        id: "operation",
        endings: VEHICLE_OPERATION,
    },
];

/// The known child of the node at schema path `parent` that `label` names: (id, length of the matched
/// ending). The longest ending wins.
pub fn child_of(parent: &str, label: &str) -> Option<(&'static str, usize)> {
    // 三公 label variants: `公务接待费支出`, `因公出国(境)费支出决算`, `公务接待费决算` name the item itself
    // (its 支出, its 决算 or 预算).
    if parent.starts_with("three_public") {
        let mut label = three_public_spelling(label);
        // `公车费用A万元(包含车辆购置费B万元,车辆运行及维护费C万元)`: under the cars' costs, `车辆` is the cars.
        if parent == "three_public/vehicles" && label.starts_with("车辆") {
            label = format!("公务用车{}", &label["车辆".len()..]);
        }
        // `公务用车购置安排692万元` (a budget text): what is arranged for the item is the item.
        let item = ["支出决算", "支出预算", "支出", "决算", "预算", "安排"]
            .iter()
            .find_map(|s| label.strip_suffix(s))
            .and_then(|l| known_child(parent, l))
            .or_else(|| known_child(parent, &label));
        if item.is_some() {
            return item;
        }
    }
    // `其他收入资金23万元` in a list of income: the money of that income, named by it.
    if let Some(income) = label.strip_suffix("资金").filter(|l| l.ends_with("收入")) {
        return known_child(parent, income);
    }
    known_child(parent, label)
}

/// Spellings of the 三公 items across counties, in the vocabulary's: `公车`, `公务车`, `公务车辆` for
/// `公务用车`; `运行及维护`, `运维`, `运行(维护)` for `运行维护`; `购置(费)和运行` for `购置及运行`;
/// `国内接待` for `公务接待`; a parenthesis
/// saying what the item includes (`公务用车(含执勤执法用车)运行支出`) dropped.
fn three_public_spelling(label: &str) -> String {
    let mut text = without_included(label);
    for (variant, standard) in [
        ("公务车辆", "公务用车"),
        ("公务车", "公务用车"),
        ("公车", "公务用车"),
        ("运行及维护", "运行维护"),
        ("运行(维护)", "运行维护"),
        ("运维", "运行维护"),
        // `公务用车购置费和运行维护费`: the two named apart, joined by `和`.
        ("购置费和运行", "购置及运行"),
        ("购置和运行", "购置及运行"),
    ] {
        text = text.replace(variant, standard);
    }
    if !text.contains("公务接待") {
        text = text.replace("国内接待", "公务接待");
    }
    text
}

/// `公务用车(含执勤执法用车)运行支出` → `公务用车运行支出`: every `(含…)` out.
fn without_included(label: &str) -> String {
    let mut out = String::with_capacity(label.len());
    let mut rest = label;
    while let Some(open) = rest.find("(含") {
        let Some(close) = rest[open..].find(')') else {
            break;
        };
        out.push_str(&rest[..open]);
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// [`child_of`] on the label as printed.
fn known_child(parent: &str, label: &str) -> Option<(&'static str, usize)> {
    // 本年收入合计 / 本年支出合计 take the items of the total they belong to.
    let (parent, aliased) = match parent {
        "income/current_year" => ("income", true),
        "expenditure/current_year" => ("expenditure", true),
        other => (other, false),
    };
    CHILDREN
        .iter()
        .filter(|c| c.parent == parent)
        .filter(|c| !(aliased && matches!(c.id, "current_year" | "carryover" | "carryover_end")))
        .flat_map(|c| c.endings.iter().map(move |e| (c.id, *e)))
        .filter(|(_, ending)| label.ends_with(ending))
        .map(|(id, ending)| (id, ending.len()))
        .max_by_key(|&(_, len)| len)
}

/// Ids of standard labels in open lists: function classes (类), their 项, 机关运行经费 items. Exact labels.
const STANDARD_IDS: &[(&str, &str)] = &[
    // 支出功能分类 类
    ("一般公共服务支出", "general_public_services"),
    ("国防支出", "defence"),
    ("公共安全支出", "public_security"),
    ("教育支出", "education"),
    ("科学技术支出", "science"),
    ("文化旅游体育与传媒支出", "culture"),
    ("社会保障和就业支出", "social_security"),
    ("卫生健康支出", "health"),
    ("节能环保支出", "environment"),
    ("城乡社区支出", "urban_rural"),
    ("农林水支出", "agriculture"),
    ("交通运输支出", "transport"),
    ("资源勘探工业信息等支出", "industry"),
    ("商业服务业等支出", "commerce"),
    ("自然资源海洋气象等支出", "natural_resources"),
    ("住房保障支出", "housing"),
    ("粮油物资储备支出", "reserves"),
    ("灾害防治及应急管理支出", "emergency"),
    ("其他支出", "other"),
    // 项
    ("事业运行", "operation"),
    ("行政运行", "administration"),
    ("一般行政管理事务", "general_admin"),
    ("机关服务", "agency_services"),
    ("其他政府办公厅(室)及相关机构事务支出", "other_office"),
    ("行政事业单位养老支出", "pension"),
    ("机关事业单位基本养老保险缴费支出", "basic_pension"),
    ("机关事业单位职业年金缴费支出", "occupational_annuity"),
    ("抚恤", "relief"),
    ("事业单位医疗", "medical"),
    ("行政单位医疗", "admin_medical"),
    ("公务员医疗补助", "civil_servant_medical"),
    ("住房公积金", "housing_fund"),
    ("提租补贴", "rent_subsidy"),
    ("购房补贴", "purchase_subsidy"),
    // Totals of budget-execution reports (free roots and their items, see assemble/free.rs)
    ("一般公共预算收入", "general_budget_revenue"),
    ("地方一般公共预算收入", "general_budget_revenue"),
    ("税收收入", "tax"),
    ("非税收入", "non_tax"),
    ("政府性基金收入", "gov_fund_revenue"),
    ("政府性基金预算收入", "gov_fund_revenue"),
    ("政府性基金支出", "gov_fund_spending"),
    ("上级补助收入", "superior_subsidy"),
    ("政府采购", "procurement"),
    ("基本支出", "basic"),
    ("项目支出", "project"),
    ("工资福利支出", "wages"),
    ("商品和服务支出", "goods_services"),
    ("对个人和家庭的补助支出", "family_subsidy"),
    // 机关运行经费 items
    ("办公费", "office"),
    ("印刷费", "printing"),
    ("办公及印刷费", "office_printing"),
    ("咨询费", "consulting"),
    ("手续费", "fees"),
    ("水费", "water"),
    ("电费", "electricity"),
    ("邮电费", "post"),
    ("物业管理费", "property"),
    ("差旅费", "travel"),
    ("维修(护)费", "maintenance"),
    ("租赁费", "rent"),
    ("会议费", "meetings"),
    ("培训费", "training"),
    ("专用材料费", "materials"),
    ("劳务费", "labour"),
    ("委托业务费", "commissions"),
    ("工会经费", "union"),
    ("福利费", "welfare"),
    ("公务用车运行维护费", "vehicle_operation"),
    ("其他交通费用", "transport"),
    ("其他商品和服务支出", "other_goods"),
];

/// The ids of the function classes (支出功能分类 类) among the standard ids.
const FUNCTION_CLASS_IDS: [&str; 19] = [
    "general_public_services",
    "defence",
    "public_security",
    "education",
    "science",
    "culture",
    "social_security",
    "health",
    "environment",
    "urban_rural",
    "agriculture",
    "transport",
    "industry",
    "commerce",
    "natural_resources",
    "housing",
    "reserves",
    "emergency",
    "other",
];

/// Whether a label is a function class (类) by its standard name: `教育支出`, `住房保障支出`.
pub fn is_function_class(label: &str) -> bool {
    standard_id(label).is_some_and(|id| FUNCTION_CLASS_IDS.contains(&id))
}

/// The standard id of a label in an open list.
pub fn standard_id(label: &str) -> Option<&'static str> {
    STANDARD_IDS
        .iter()
        .find(|(l, _)| *l == label)
        .map(|(_, id)| *id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roots_by_keyword_specific_first() {
        let id = |l: &str| root_of(l).map(|r| r.id);
        assert_eq!(id("一般公共预算财政拨款基本支出"), Some("gpb_basic"));
        assert_eq!(id("一般公共预算财政拨款支出"), Some("gpb_by_function"));
        assert_eq!(id("财政拨款支出"), Some("fiscal_expenditure"));
        assert_eq!(
            id("一般公共预算财政拨款安排的三公经费支出"),
            Some("three_public")
        );
        assert_eq!(id("本年收入合计"), Some("income"));
        assert_eq!(id("基本支出"), None);
    }

    #[test]
    fn children_by_longest_ending() {
        assert_eq!(
            child_of("income", "国有资本经营收入").map(|c| c.0),
            Some("state_capital")
        );
        assert_eq!(
            child_of("income", "经营收入").map(|c| c.0),
            Some("operating")
        );
        assert_eq!(
            child_of("income/fiscal", "一般公共预算财政拨款收入").map(|c| c.0),
            Some("general_budget")
        );
        assert_eq!(
            child_of("gpb_basic", "日常公用经费").map(|c| c.0),
            Some("public")
        );
        assert_eq!(child_of("expenditure", "人员经费"), None);
    }
}
