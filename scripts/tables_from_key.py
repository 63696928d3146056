"""Writes the corpus tables (from the hand-verified keys) as workbooks and CSV files laid out as printed:
title, unit line, header rows (merged cells), codes split or joined as printed, 合计 where printed, side-by-side
halves for the 总表 and the 决算 economic table, empty tables with their 注 line.

usage: scripts/tables_from_key.py KEY.json OUT [--sep] [--numbers] [--csv gbk|utf8bom|utf8] [--html]
(needs openpyxl: pip install openpyxl). Writes tests/data/tables/*.xlsx, *.html and the CSV folders.
"""
import csv, json, os, sys
import openpyxl
from openpyxl.utils import get_column_letter


def sep(figure, on):
    if not on or figure in ("",) or not any(c.isdigit() for c in figure):
        return figure
    neg = figure.startswith("-")
    body = figure.lstrip("-")
    whole, _, frac = body.partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    out = ",".join(groups) + ("." + frac if frac else "")
    return ("-" if neg else "") + out


class Sheet:
    def __init__(self, title, unit, colon="："):
        self.rows = [[title], ["编制单位" + colon + "示例", "", "", "单位" + colon + unit]]
        self.merges = []

    def add(self, row, merges=()):
        r = len(self.rows)
        self.rows.append(list(row))
        for c0, c1 in merges:
            self.merges.append((r, c0, r, c1))

    def merge_down(self, r0, r1, c):
        self.merges.append((r0, c, r1, c))


def code_cells(code, layout):
    if layout == "joined" or not code.isdigit():
        return [code]
    parts = [code[:3], code[3:5], code[5:7]]
    return parts


def function_table(t, rows, columns, layout):
    """rows: [(code, name, [values])]"""
    s = Sheet(t["title"], t["unit"])
    ncode = 3 if layout == "split" else 1
    if layout == "split":
        s.add(["科目编码", "", "", "科目名称"] + columns, merges=[(0, 2)])
        s.add(["类", "款", "项", "科目名称"] + columns)
        s.merge_down(len(s.rows) - 2, len(s.rows) - 1, 3)
    else:
        s.add(["科目编码", "科目名称"] + columns)
    for code, name, values in rows:
        if code in ("合计",) or not code.isdigit():
            cells = [code] * ncode + [name if code != name else ""]
            if code == name:
                cells = ["合计"] * ncode + ["合计"]
            s.add(cells + values, merges=[(0, ncode)] if ncode > 1 else [])
        else:
            cc = code_cells(code, layout)
            cells = cc + [""] * (ncode - len(cc)) if layout == "split" else cc
            s.add(cells + [name] + values)
    return s


def summary_table(t, summary, phase, on):
    s = Sheet(t["title"], t["unit"])
    ecols = summary.get("columns_expenditure") or (["决算数"] if phase == "final" else ["预算数"])
    amount_word = "决算数" if phase == "final" else "预算数"
    w = 2 + 1 + len(ecols)
    s.add(["收入", "", "支出"] + [""] * len(ecols), merges=[(0, 1), (2, w - 1)])
    s.add(["项目", amount_word, "项目"] + ecols)
    inc = summary.get("income", [])
    exp = summary.get("expenditure", [])
    for i in range(max(len(inc), len(exp))):
        left = [inc[i]["item"], sep(inc[i]["amount"], on)] if i < len(inc) else ["", ""]
        if i < len(exp):
            e = exp[i]
            amounts = e.get("amounts") or [e.get("amount", "")]
            right = [e["item"]] + [sep(a, on) for a in amounts]
        else:
            right = [""] * (1 + len(ecols))
        s.add(left + right)
    footer = summary.get("footer", {})
    incs = [(k, v) for k, v in footer.items() if ("收入" in k or "年初" in k or "使用" in k)]
    exps = [(k, v) for k, v in footer.items() if (k, v) not in incs]
    if "footer_income" in summary:
        incs = list(summary["footer_income"].items())
        exps = list(summary["footer_expenditure"].items())
    for i in range(max(len(incs), len(exps))):
        left = [incs[i][0], sep(incs[i][1], on)] if i < len(incs) else ["", ""]
        if i < len(exps):
            v = exps[i][1]
            vs = v if isinstance(v, list) else [v] + [""] * (len(ecols) - 1)
            right = [exps[i][0]] + [sep(x, on) for x in vs]
        else:
            right = [""] * (1 + len(ecols))
        s.add(left + right)
    return s


def economic_table(t, rows, phase, layout, on):
    s = Sheet(t["title"], t["unit"])
    ncode = 2 if layout == "split" else 1
    def cells(code):
        if not code.isdigit():
            return [code] * ncode
        if layout == "split":
            return [code[:3], code[3:5]]
        return [code]
    if phase == "budget":
        head = (["类", "款"] if ncode == 2 else ["科目编码"]) + ["科目名称", "合计", "人员经费", "公用经费"]
        s.add(head)
        for r in rows:
            name = r["name"] if r["code"].isdigit() else ""
            s.add(cells(r["code"]) + [name] + [sep(r.get(k, ""), on) for k in ("amount", "personnel", "public")])
        return s
    left = [r for r in rows if r["code"][:3] in ("301", "303") or r["code"] == "人员经费合计"]
    right = [r for r in rows if r not in left]
    half = (["类", "款"] if ncode == 2 else ["科目编码"]) + ["科目名称", "决算数"]
    s.add(half + half)
    def part(r):
        if r is None:
            return [""] * (ncode + 2)
        if not r["code"].isdigit():
            return [r["code"]] * ncode + ["", sep(r["amount"], on)]
        return cells(r["code"]) + [r["name"], sep(r["amount"], on)]
    lbody = [r for r in left if r["code"].isdigit()]
    rbody = [r for r in right if r["code"].isdigit()]
    for i in range(max(len(lbody), len(rbody))):
        s.add(part(lbody[i] if i < len(lbody) else None) + part(rbody[i] if i < len(rbody) else None))
    lt = [r for r in left if not r["code"].isdigit()]
    rt = [r for r in right if not r["code"].isdigit()]
    s.add(part(lt[0] if lt else None) + part(rt[0] if rt else None))
    return s


THREE = ["合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置费", "公务用车运行费", "公务接待费"]


def three_public_table(t, tp, phase, on):
    s = Sheet(t["title"], t["unit"], colon=":")
    if phase == "final":
        s.add(["合计", "", "因公出国（境）费", "", "公务用车购置及运行费", "", "", "", "", "", "公务接待费", ""],
              merges=[(0, 1), (2, 3), (4, 9), (10, 11)])
        s.add(["合计", "", "因公出国（境）费", "", "小计", "", "公务用车购置费", "", "公务用车运行费", "", "公务接待费", ""],
              merges=[(0, 1), (2, 3), (4, 5), (6, 7), (8, 9), (10, 11)])
        s.add(["预算数", "决算数"] * 6)
        values = []
        for k in THREE:
            v = tp.get(k, {})
            values += [v.get("预算数", ""), v.get("决算数", "")]
        if any(values):
            s.add([sep(v, on) for v in values])
        return s
    keys = THREE + ["机关运行经费"]
    s.add(["合计", "因公出国（境）费", "公务用车购置及运行费", "公务用车购置及运行费", "公务用车购置及运行费", "公务接待费", "机关运行经费"],
          merges=[(2, 4)])
    s.add(["合计", "因公出国（境）费", "小计", "公务用车购置费", "公务用车运行费", "公务接待费", "机关运行经费"])
    s.add([sep(tp.get(k, ""), on) for k in keys])
    return s


def empty_table(t, layout):
    s = Sheet(t["title"], t["unit"])
    ncode = 3 if layout == "split" else 1
    s.add((["类", "款", "项"] if ncode == 3 else ["科目编码"]) + ["科目名称", "合计", "基本支出", "项目支出"])
    if t.get("note", "").find("注") >= 0:
        note = t["note"][t["note"].find("注"):]
        s.add([note])
    return s


def sheets(key, on):
    phase = key["phase"]
    out = []
    summaries = {s["table"]: s for s in key.get("summary_tables", [])}
    others = {o["table"]: o for o in key.get("other_function_tables", [])}
    for t in key["tables"]:
        title, layout = t["title"], t.get("code_layout", "split")
        if title in summaries:
            out.append(summary_table(t, summaries[title], phase, on))
        elif title in others:
            o = others[title]
            rows = [(r["code"], r["name"], [sep(v, on) for v in r["values"]]) for r in o["rows"]]
            out.append(function_table(t, rows, o["columns"], layout))
        elif any(r["table"] == title for r in key.get("function_rows", [])):
            cols = t.get("columns") or ["合计", "基本支出", "项目支出"]
            rows = []
            for r in key["function_rows"]:
                if r["table"] != title:
                    continue
                vals = [r["total"], r["basic"], r["project"]] + [""] * (len(cols) - 3)
                rows.append((r["code"], r["name"], [sep(v, on) for v in vals]))
            out.append(function_table(t, rows, cols, layout))
        elif "三公" in title:
            out.append(three_public_table(t, key.get("three_public", {}), phase, on))
        elif "基本支出" in title and key.get("economic_rows"):
            out.append(economic_table(t, key["economic_rows"], phase, layout, on))
        elif t.get("empty"):
            out.append(empty_table(t, layout))
    return out


NUMBERS = "--numbers" in sys.argv


def as_number(text):
    """A printed figure as a number cell with the number format that prints it so (like a real attachment)."""
    plain = text.replace(",", "")
    try:
        value = float(plain)
    except ValueError:
        return text, None
    if not plain or not any(ch.isdigit() for ch in plain):
        return text, None
    decimals = len(plain.split(".")[1]) if "." in plain else 0
    grouped = "," in text
    fmt = ("#,##0" if grouped else "0") + ("." + "0" * decimals if decimals else "")
    return value, fmt


def write_xlsx(path, tables):
    wb = openpyxl.Workbook()
    wb.remove(wb.active)
    for i, s in enumerate(tables):
        ws = wb.create_sheet("表%d" % (i + 1))
        for r_index, r in enumerate(s.rows):
            ws.append(r)
            if NUMBERS and r_index >= 2:
                for c_index, v in enumerate(r):
                    if isinstance(v, str) and v and (v[0].isdigit() or v[0] == "-") and not v.isdigit() or (isinstance(v, str) and v.replace(",", "").isdigit() and len(v.replace(",", "")) > 3 and c_index > 2):
                        value, fmt = as_number(v)
                        if fmt:
                            cell = ws.cell(row=r_index + 1, column=c_index + 1)
                            cell.value = value
                            cell.number_format = fmt
        for (r0, c0, r1, c1) in s.merges:
            # Merged cells keep only their top-left text, as spreadsheet programs save them.
            for rr in range(r0, r1 + 1):
                for cc in range(c0, c1 + 1):
                    if (rr, cc) != (r0, c0):
                        ws.cell(row=rr + 1, column=cc + 1).value = None
            ws.merge_cells(start_row=r0 + 1, start_column=c0 + 1, end_row=r1 + 1, end_column=c1 + 1)
    wb.save(path)


def write_csv(folder, tables, encoding):
    os.makedirs(folder, exist_ok=True)
    for i, s in enumerate(tables):
        enc = {"gbk": "gb18030", "utf8bom": "utf-8-sig", "utf8": "utf-8"}[encoding]
        with open(os.path.join(folder, "%02d.csv" % (i + 1)), "w", encoding=enc, newline="") as f:
            csv.writer(f).writerows(s.rows)


def write_html(path, tables):
    import html
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><title>部门预算公开表</title></head><body>']
    for s in tables:
        out.append("<h3>%s</h3>" % html.escape(s.rows[0][0]))
        out.append("<table border=1>")
        covered = set()
        spans = {}
        for (r0, c0, r1, c1) in s.merges:
            spans[(r0, c0)] = (r1 - r0 + 1, c1 - c0 + 1)
            for rr in range(r0, r1 + 1):
                for cc in range(c0, c1 + 1):
                    if (rr, cc) != (r0, c0):
                        covered.add((rr, cc))
        for r, row in enumerate(s.rows[1:], start=1):
            cells = []
            for c, text in enumerate(row):
                if (r, c) in covered:
                    continue
                rs, cs = spans.get((r, c), (1, 1))
                attrs = (' rowspan="%d"' % rs if rs > 1 else "") + (' colspan="%d"' % cs if cs > 1 else "")
                cells.append("<td%s>%s</td>" % (attrs, html.escape(str(text)).replace(",", "&#44;") if False else html.escape(str(text))))
            out.append("<tr>" + "".join(cells) + "</tr>")
        out.append("</table>")
    out.append("</body></html>")
    open(path, "w", encoding="utf-8").write("\n".join(out))


if __name__ == "__main__":
    key = json.load(open(sys.argv[1]))
    out = sys.argv[2]
    on = "--sep" in sys.argv
    tables = sheets(key, on)
    if "--html" in sys.argv:
        write_html(out, tables)
    elif "--csv" in sys.argv:
        write_csv(out, tables, sys.argv[sys.argv.index("--csv") + 1])
    else:
        write_xlsx(out, tables)
