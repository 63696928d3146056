#!/usr/bin/env python3
"""Encodes the sample report www/reports/panjin-xinglongtai-2021.json from the published text.

Every figure is found by the phrase around it, never by a hand-counted offset. In a phrase, the figure is
marked with braces: "收入总计{1550.17}万元，包括" finds that exact phrase in the text (it must occur exactly
once, or the script fails), and the span of the braced part is the figure's `at`. The amount written to the
report is the braced text itself, so every amount is exactly as printed. Spans are character offsets (Python
str indices = Unicode scalar values), end exclusive.

A change printed as "减少503.37" is stored signed ("-503.37"); its span covers the printed "503.37" and the
word just before it (减少/下降 or 增加/增长) gives the sign.

Usage:
    python3 scripts/encode_sample.py            # writes the report
    python3 scripts/encode_sample.py --check    # fails if the committed report differs from a fresh encoding
"""

import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "tests/data/panjin-xinglongtai-smart-city-2021-final.txt"
OUT = ROOT / "www/reports/panjin-xinglongtai-2021.json"

ENTITY = "盘锦市兴隆台区智慧城市运行管理中心（盘锦市兴隆台区大数据管理中心）"
NUMBER = re.compile(r"[0-9]+(\.[0-9]+)?")
SPAN_LINES = re.compile(r'\{\n\s*"start": (\d+),\n\s*"end": (\d+)\n\s*\}')
NEGATIVE_WORDS = ("减少", "下降")
POSITIVE_WORDS = ("增加", "增长")

# newline="" keeps the text byte for byte (no newline translation).
with open(TEXT, encoding="utf-8", newline="") as f:
    text = f.read()


class EncodeError(Exception):
    pass


def occurrences(phrase):
    """Start offsets of every occurrence of phrase in the text, overlapping ones included."""
    found, start = [], text.find(phrase)
    while start != -1:
        found.append(start)
        start = text.find(phrase, start + 1)
    return found


def figures(pattern):
    """The figures braced in pattern, as (printed, span), after finding the phrase exactly once."""
    parts = re.split(r"\{([^{}]*)\}", pattern)
    phrase = "".join(parts)
    if len(parts) < 3:
        raise EncodeError(f"no braced figure in {pattern!r}")
    found = occurrences(phrase)
    if len(found) != 1:
        raise EncodeError(f"phrase {phrase!r} occurs {len(found)} times in the text, not once")
    result, offset = [], found[0]
    for i, part in enumerate(parts):
        if i % 2 == 1:
            if not NUMBER.fullmatch(part):
                raise EncodeError(f"braced part {part!r} of {pattern!r} is not a printed number")
            span = {"start": offset, "end": offset + len(part)}
            # The figure must not be the middle of a longer number (the phrase should prevent it; make sure).
            before = text[offset - 1] if offset > 0 else ""
            after = text[span["end"]] if span["end"] < len(text) else ""
            if before.isdigit() or before == "." or after.isdigit() or (after == "." and text[span["end"] + 1 : span["end"] + 2].isdigit()):
                raise EncodeError(f"{part!r} in {pattern!r} is part of a longer number")
            assert text[span["start"] : span["end"]] == part
            result.append((part, span))
        offset += len(part)
    return result


def figure(pattern):
    """The single braced figure of pattern."""
    found = figures(pattern)
    if len(found) != 1:
        raise EncodeError(f"{pattern!r} braces {len(found)} figures, not one")
    return found[0]


def signed(printed, span):
    """A change printed after 减少/增加: its signed value."""
    before = text[max(0, span["start"] - 2) : span["start"]]
    if before in NEGATIVE_WORDS:
        return "-" + printed
    if before in POSITIVE_WORDS:
        return printed
    raise EncodeError(f"no 减少/增加 before the change {printed!r} at {span}")


def node(node_id, label, amount, *, share=None, change=None, change_pct=None, completion=None,
         restated=(), items=(), partial=False):
    """A node. amount, share, completion and restated are patterns with one braced figure; change and
    change_pct are (printed, span) pairs from `figures`, signed by the word before them."""
    printed, at = figure(amount)
    out = {"id": node_id, "label": label, "amount": printed}
    spans = {}
    if share is not None:
        out["share"], spans["share"] = figure(share)
    if change is not None:
        out["change"], spans["change"] = signed(*change), change[1]
    if change_pct is not None:
        out["change_pct"], spans["change_pct"] = signed(*change_pct), change_pct[1]
    if completion is not None:
        out["completion_pct"], spans["completion_pct"] = figure(completion)
    if restated:
        out["restated"] = [{"amount": p, "at": s} for p, s in map(figure, restated)]
    if partial:
        out["partial"] = True
    out["at"] = at
    if spans:
        out["spans"] = spans
    if items:
        out["items"] = list(items)
    return out


def zero_income(node_id, label, number):
    """One of the income sources printed as 'N.label0万元，占收入总计的0%'."""
    pattern = f"{number}.{label}{{0}}万元，占收入总计的{{0}}%"
    (amount, at), (share, share_at) = figures(pattern)
    return {"id": node_id, "label": label, "amount": amount, "share": share, "at": at,
            "spans": {"share": share_at}}


def zero_expenditure(node_id, label, number):
    pattern = f"{number}.{label}{{0}}万元，占支出总计的{{0}}%"
    (amount, at), (share, share_at) = figures(pattern)
    return {"id": node_id, "label": label, "amount": amount, "share": share, "at": at,
            "spans": {"share": share_at}}


def encode():
    title = text.split("\n", 1)[0]

    income_change, income_change_pct = figures("今年收入减少{503.37}万元，减少{24.51}%")
    income = node(
        "income", "收入总计", "（一）收入总计{1550.17}万元，包括",
        change=income_change, change_pct=income_change_pct,
        items=[
            node("fiscal", "财政拨款收入", "1.财政拨款收入{1550.17}万元，占收入总计的100%",
                 share="1.财政拨款收入1550.17万元，占收入总计的{100}%",
                 items=[
                     node("general_budget", "一般公共预算财政拨款收入", "其中：一般公共预算财政拨款收入{1550.17}万元"),
                     node("gov_fund", "政府性基金收入", "，政府性基金收入{0}万元"),
                     node("state_capital", "国有资本经营预算财政拨款收入", "，国有资本经营预算财政拨款收入{0}万元"),
                 ]),
            zero_income("superior_subsidy", "上级补助收入", 2),
            zero_income("business", "事业收入", 3),
            zero_income("operating", "经营收入", 4),
            zero_income("affiliated", "附属单位上缴收入", 5),
            zero_income("other", "其他收入", 6),
            zero_income("non_fiscal_surplus", "使用非财政拨款结余", 7),
            zero_income("carryover", "上年结转和结余", 8),
        ])

    exp_change, exp_change_pct = figures("今年支出减少{503.37}万元，减少{24.51}%")
    expenditure = node(
        "expenditure", "支出总计", "（二）支出总计{1550.17}万元，包括",
        change=exp_change, change_pct=exp_change_pct,
        items=[
            node("basic", "基本支出", "1.基本支出{897.05}万元，占支出总计的",
                 share="1.基本支出897.05万元，占支出总计的{57.87}%",
                 items=[
                     node("wages", "工资福利支出", "其中：工资福利支出{812.17}万元"),
                     node("family_subsidy", "对个人和家庭的补助支出", "，对个人和家庭的补助支出{7.3}万元"),
                     node("goods_services", "商品和服务支出", "，商品和服务支出{77.58}万元。"),
                 ]),
            node("project", "项目支出", "2.项目支出{653.12}万元，占支出总计的",
                 share="2.项目支出653.12万元，占支出总计的{42.13}%",
                 restated=["涉及资金{653.12}万元"]),
            zero_expenditure("remit_superior", "上缴上级支出", 3),
            zero_expenditure("operating", "经营支出", 4),
            zero_expenditure("affiliated_subsidy", "对附属单位补助支出", 5),
        ])

    carryover_end = node("carryover_end", "年末结转和结余", "（三）年末结转和结余{0}万元")

    fe_change, fe_change_pct = figures("财政拨款支出减少{503.37}万元，减少{24.51}%")
    fiscal_expenditure = node(
        "fiscal_expenditure", "财政拨款支出", "2021年度财政拨款支出{1550.17}万元，其中",
        change=fe_change, change_pct=fe_change_pct,
        completion="2021年度财政拨款支出完成年初预算的{100}%",
        items=[
            node("basic", "基本支出", "其中：基本支出{897.05}万元，项目支出653.12万元。与上年相比",
                 completion="其中：基本支出完成年初预算的{100}%"),
            node("project", "项目支出", "其中：基本支出897.05万元，项目支出{653.12}万元。与上年相比",
                 completion="项目完成年初预算的{100}%"),
        ])

    gpb_by_function = node(
        "gpb_by_function", "一般公共预算财政拨款支出",
        "2021年度一般公共预算财政拨款支出{1550.17}万元，按支出功能分类",
        items=[
            node("general_public_services", "一般公共服务支出", "包括：一般公共服务支出{1302.65}万元，占",
                 share="一般公共服务支出1302.65万元，占{84.03}%",
                 restated=["1.一般公共服务支出{1302.65}万元，具体包括"],
                 items=[
                     node("operation", "事业运行", "（1）事业运行{649.53}万元",
                          completion="（1）事业运行649.53万元，完成年初预算的{100}%"),
                     node("other_office", "其他政府办公厅（室）及相关机构事务支出",
                          "（2）其他政府办公厅（室）及相关机构事务支出{653.12}万元",
                          completion="其他政府办公厅（室）及相关机构事务支出653.12万元，完成年初预算的{100}%"),
                 ]),
            node("social_security", "社会保障和就业支出", "；社会保障和就业支出{131.17}万元，占",
                 share="；社会保障和就业支出131.17万元，占{8.46}%",
                 restated=["2.社会保障和就业支出{131.17}万元，具体包括"],
                 items=[
                     node("pension", "行政事业单位养老支出", "（1）行政事业单位养老支出{121.66}万元",
                          completion="其他行政事业单位养老支出，完成年初预算的{100}%"),
                     node("relief", "抚恤", "（2）抚恤{9.51}万元",
                          completion="（2）抚恤9.51万元，完成年初预算的{100}%"),
                 ]),
            node("health", "卫生健康支出", "；卫生健康支出{50.44}万元，占",
                 share="；卫生健康支出50.44万元，占{3.25}%",
                 restated=["3.卫生健康支出{50.44}万元，具体包括"],
                 items=[
                     node("medical", "事业单位医疗", "（1）事业单位医疗{39.44}万元",
                          completion="（1）事业单位医疗39.44万元，完成年初预算的{100}%"),
                     node("civil_servant_medical", "公务员医疗补助", "（2）公务员医疗补助{11.00}万元",
                          completion="（2）公务员医疗补助11.00万元，完成年初预算的{100}%"),
                 ]),
            node("housing", "住房保障支出", "；住房保障支出{65.91}万元，占",
                 share="；住房保障支出65.91万元，占{4.25}%",
                 restated=["4.住房保障支出{65.90}万元，具体包括"],
                 items=[
                     node("housing_fund", "住房公积金", "\n住房公积金{65.90}万元",
                          completion="\n住房公积金65.90万元，完成年初预算的{100}%"),
                 ]),
        ])

    gov_fund_expenditure = node("gov_fund_expenditure", "政府性基金预算财政拨款支出",
                                "2021年度政府性基金预算财政拨款支出{0}万元")
    state_capital_expenditure = node("state_capital_expenditure", "国有资本经营预算财政拨款支出",
                                     "2021年度国有资本经营预算财政拨款支出{0}万元")
    three_public = node("three_public", "“三公”经费支出", "安排的“三公”经费支出{0}万元")

    # The 主要包括… lists after 人员经费 and 日常公用经费 name kinds of spending without amounts: not items.
    gpb_basic = node(
        "gpb_basic", "一般公共预算财政拨款基本支出", "2021年度一般公共预算财政拨款基本支出{897.05}万元",
        items=[
            node("personnel", "人员经费", "其中：人员经费{819.47}万元"),
            node("public", "日常公用经费", "；日常公用经费{77.58}万元"),
        ])

    admin_change, admin_change_pct = figures("比上年增加{25.13}万元，增加{47.92}%")
    admin_costs = node(
        "admin_costs", "机关运行经费", "2021年机关运行经费支出{77.57}万元",
        change=admin_change, change_pct=admin_change_pct,
        items=[
            node("office", "办公费", "其中：办公费{32.74}万元"),
            node("printing", "印刷费", "、印刷费{0.01}万元"),
            node("union", "工会经费", "、工会经费{5.84}万元"),
            node("travel", "差旅费", "、差旅费{0.16}万元"),
            node("maintenance", "维修（护）费", "、维修（护）费{1.08}万元"),
            node("welfare", "福利费", "、福利费{1.00}万元"),
            node("transport", "其他交通费用", "、 其他交通费用{0.12}万元"),
            node("other_goods", "其他商品和服务支出", "、其他商品和服务支出{36.32}万元"),
            node("labour", "劳务费", "、劳务费{0.31}万元"),
        ])

    relations = [
        {"id": "balance", "label": "收支平衡", "left": ["income"], "right": ["expenditure", "carryover_end"]},
        {"id": "fiscal", "label": "财政拨款收支", "left": ["income/fiscal"], "right": ["fiscal_expenditure"]},
        {"id": "fiscal_by_fund", "label": "财政拨款支出按资金来源",
         "left": ["fiscal_expenditure"],
         "right": ["gpb_by_function", "gov_fund_expenditure", "state_capital_expenditure"]},
        {"id": "general_budget", "label": "一般公共预算财政拨款收支",
         "left": ["income/fiscal/general_budget"], "right": ["gpb_by_function"]},
        {"id": "basic", "label": "基本支出", "left": ["expenditure/basic"], "right": ["fiscal_expenditure/basic"]},
        {"id": "basic_gpb", "label": "一般公共预算财政拨款基本支出",
         "left": ["fiscal_expenditure/basic"], "right": ["gpb_basic"]},
        {"id": "project", "label": "项目支出", "left": ["expenditure/project"], "right": ["fiscal_expenditure/project"]},
        {"id": "personnel", "label": "人员经费",
         "left": ["gpb_basic/personnel"], "right": ["expenditure/basic/wages", "expenditure/basic/family_subsidy"]},
        {"id": "public", "label": "日常公用经费",
         "left": ["gpb_basic/public"], "right": ["expenditure/basic/goods_services"]},
    ]

    return {
        "format": "budget-lens/1",
        "title": title,
        "entity": ENTITY,
        "year": 2021,
        "phase": "final",
        "unit": "万元",
        "source": {"text": text},
        "breakdowns": [
            income, expenditure, carryover_end, fiscal_expenditure, gpb_by_function, gov_fund_expenditure,
            state_capital_expenditure, three_public, gpb_basic, admin_costs,
        ],
        "relations": relations,
    }


def stats(report):
    """Nodes, stated figures and spans of a report, and the set of spanned offsets."""
    nodes = figures_n = spans_n = 0
    spanned = set()

    def visit(n):
        nonlocal nodes, figures_n, spans_n
        nodes += 1
        for key in ("amount", "share", "prior", "change", "change_pct", "budget", "completion_pct"):
            figures_n += key in n
        figures_n += len(n.get("restated", []))
        for s in [n.get("at")] + list(n.get("spans", {}).values()) + [r.get("at") for r in n.get("restated", [])]:
            if s:
                spans_n += 1
                spanned.add(s["start"])
        for item in n.get("items", []):
            visit(item)

    for root in report["breakdowns"]:
        visit(root)
    return nodes, figures_n, spans_n, spanned


def main():
    try:
        report = encode()
    except EncodeError as e:
        sys.exit(f"encode_sample: {e}")
    if ENTITY not in report["title"]:
        sys.exit("encode_sample: the entity is not in the title")
    out = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
    # A span on one line: { "start": 950, "end": 957 }.
    out = SPAN_LINES.sub(r'{ "start": \1, "end": \2 }', out)
    nodes, figures_n, spans_n, spanned = stats(report)
    # Every number printed in the text that no span annotates, for the reader to judge.
    unspanned = [(m.start(), m.group()) for m in NUMBER.finditer(text) if m.start() not in spanned]
    if "--check" in sys.argv[1:]:
        if OUT.read_text(encoding="utf-8") != out:
            sys.exit(f"encode_sample: {OUT.relative_to(ROOT)} differs from a fresh encoding; run scripts/encode_sample.py")
        print(f"encode_sample: {OUT.relative_to(ROOT)} is up to date")
        return
    OUT.write_text(out, encoding="utf-8")
    print(f"encode_sample: wrote {OUT.relative_to(ROOT)}: {nodes} nodes, {figures_n} stated figures, {spans_n} spans")
    if "--verbose" in sys.argv[1:]:
        for start, number in unspanned:
            line = text.count("\n", 0, start) + 1
            context = text[max(0, start - 12) : start + len(number) + 6].replace("\n", "⏎")
            print(f"  not annotated: line {line:3} {number:>8}  …{context}…")


if __name__ == "__main__":
    main()
