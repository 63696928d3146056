#!/usr/bin/env python3
"""Placed-figure count and findings of `budget-lens extract` + `check` on held-out texts (set v2 by default).

The measure is the prose corpus's (/work/shared/corpus/prose/score.py): a printed figure is a number
`-?\\d+(\\.\\d+)?` followed by 亿元/万元/万/元/%/％; it is *placed* when its digits lie inside a figure span of
a node of the report (a node's `at`, its `spans`, its `restated` entries) — `unplaced` does not count.
There are no machine keys here: every finding is judged by hand in KEY.md. This script only prints, per text,
placed x/y and each error/warning/note (rule, path, stated, expected) so the judgement can be written down;
--verbose also lists the figures not placed.

Usage: python3 score.py BIN [TEXTS_DIR] [--out DIR] [--verbose]
  TEXTS_DIR: the folder of NN_*.txt texts (default: this script's folder, bench/unseen2; bench/unseen for set v1)
  DIR receives NN.report.json, NN.stderr.txt, NN.findings.json
"""
import glob, json, os, re, subprocess, sys

NUM = re.compile(r"(?<![\d.])(-?\d+(?:\.\d+)?)\s*(亿元|万元|万|元|%|％)")


def fig_spans(rep):
    out = []

    def walk(n):
        if isinstance(n.get("at"), dict):
            out.append(n["at"])
        for v in (n.get("spans") or {}).values():
            if isinstance(v, dict):
                out.append(v)
        for r in n.get("restated") or []:
            if isinstance(r.get("at"), dict):
                out.append(r["at"])
        for c in n.get("items") or []:
            walk(c)

    for b in rep.get("breakdowns") or []:
        walk(b)
    return [(s["start"], s["end"]) for s in out if "start" in s and "end" in s]


def main():
    argv = sys.argv[1:]
    out = argv[argv.index("--out") + 1] if "--out" in argv else None
    args = [a for a in argv if not a.startswith("--") and a != out]
    bin_ = args[0]
    here = args[1] if len(args) > 1 else os.path.dirname(os.path.abspath(__file__))
    tot = dict(texts=0, figs=0, placed=0, errors=0, warnings=0, notes=0, crashed=0)
    for path in sorted(glob.glob(os.path.join(here, "[0-9][0-9]_*.txt"))):
        name = os.path.basename(path)[:-4]
        body = open(path, encoding="utf-8").read().split("\n\n", 1)[1]
        ex = subprocess.run([bin_, "extract", "-"], input=body.encode(), capture_output=True, timeout=60)
        tot["texts"] += 1
        try:
            rep = json.loads(ex.stdout)
            ck = subprocess.run([bin_, "check", "-", "--json"], input=ex.stdout, capture_output=True, timeout=60)
            fs = json.loads(ck.stdout)["findings"]
        except Exception:
            tot["crashed"] += 1
            print(f"{name}: extract/check failed (exit {ex.returncode})")
            continue
        text = rep["source"]["text"]
        spans = fig_spans(rep)
        nums = [m.span(1) for m in NUM.finditer(text)]
        placed = sum(1 for s, e in nums if any(a <= s and e <= b for a, b in spans))
        tot["figs"] += len(nums)
        tot["placed"] += placed
        for sev in ("error", "warning", "note"):
            tot[sev + "s"] += sum(1 for f in fs if f["severity"] == sev)
        print(f"{name}: placed {placed}/{len(nums)}")
        for f in fs:
            print(f"    {f['severity']}: {f['rule']} {f['path']} stated {f.get('stated')} "
                  f"expected {f.get('expected')} at {f.get('at')}")
        if verbose():
            missed = [text[s:e] + text[e:e + 2] for s, e in nums
                      if not any(a <= s and e <= b for a, b in spans)]
            print("    missed: " + " ".join(missed))
        if out:
            os.makedirs(out, exist_ok=True)
            open(os.path.join(out, name + ".report.json"), "wb").write(ex.stdout)
            open(os.path.join(out, name + ".stderr.txt"), "wb").write(ex.stderr)
            json.dump(fs, open(os.path.join(out, name + ".findings.json"), "w"), ensure_ascii=False, indent=1)
    pct = tot["placed"] / tot["figs"] if tot["figs"] else 0
    print(json.dumps(dict(tot, placed_pct=round(100 * pct, 1))))


def verbose():
    return "--verbose" in sys.argv


if __name__ == "__main__":
    main()
