#!/usr/bin/env python3
"""Converts the prose corpus's answer keys (spec.py, judged by check.py) into tests/data/prose/keys.json and
copies the excerpts beside it, so that the prose tests and `cargo run -p budget-lens-extract --example eval`
run from a fresh clone without /work/shared.

Usage: python3 scripts/prose_keys_to_json.py CORPUS_DIR [OUT_DIR]   (OUT_DIR defaults to tests/data/prose)

keys.json: [{ "name", "meta", "relations": [{ "kind": sum|ratio|dup, "desc", "status": HOLDS|ROUNDING|FAIL,
"domain", "stated": [printed figure…], "figures": [every printed figure of the relation] }], "notes": n }].
`stated` is the relation's stated figure (for `dup` both printings); figures are as printed, with thousands
separators removed. Statuses are check.py's, never edited here.
"""
import json, os, shutil, sys

corpus = sys.argv[1]
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(os.path.dirname(__file__), "..", "tests", "data", "prose")
sys.path.insert(0, corpus)
import spec, check  # noqa: E402


def status(r):
    if r["kind"] == "sum":
        strict, tol, _ = check.judge_linear(r["terms"], r["stated"], r.get("stated_exact", False),
                                            r.get("pct", r.get("stated_exact", False)))
    elif r["kind"] == "ratio":
        strict, tol, _, _ = check.judge_ratio(r["num"], r["den"], r["stated"], r.get("factor", 100))
    else:
        strict = tol = check.D(r["a"]) == check.D(r["b"])
    return check.status(strict, tol)


def printed(x, acc):
    if isinstance(x, (tuple, list)):
        for y in x:
            printed(y, acc)
    elif isinstance(x, str):
        acc.append(x.replace(",", "").strip())
    return acc


os.makedirs(out, exist_ok=True)
files = []
for name, meta, rels in spec.FILES:
    shutil.copyfile(os.path.join(corpus, name + ".txt"), os.path.join(out, name + ".txt"))
    keyed = []
    for r in rels:
        if r["kind"] == "note":
            continue
        stated = [r["stated"]] if "stated" in r else [r["a"], r["b"]]
        figs = []
        for k in ("terms", "num", "den", "stated", "a", "b"):
            if k in r:
                printed(r[k], figs)
        keyed.append({"kind": r["kind"], "desc": r["desc"], "status": status(r),
                      "domain": bool(r.get("domain")),
                      "stated": [s.replace(",", "") for s in stated], "figures": figs})
    files.append({"name": name, "meta": meta, "relations": keyed,
                  "notes": sum(1 for r in rels if r["kind"] == "note")})
with open(os.path.join(out, "keys.json"), "w", encoding="utf-8") as f:
    json.dump(files, f, ensure_ascii=False, indent=1)
    f.write("\n")
print(f"{len(files)} excerpts, {sum(len(x['relations']) for x in files)} relations -> {out}")
