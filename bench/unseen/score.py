#!/usr/bin/env python3
"""Set v1's scorer: bench/unseen2/score.py (one scorer for both sets) run on this folder's texts.

Usage: python3 score.py BIN [--out DIR] [--verbose]
"""
import os, runpy, sys

here = os.path.dirname(os.path.abspath(__file__))
argv = sys.argv[1:]
out = argv[argv.index("--out") + 1] if "--out" in argv else None
positional = [a for a in argv if not a.startswith("--") and a != out]
flags = [a for a in argv if a not in positional]
sys.argv = [sys.argv[0]] + positional[:1] + [here] + flags
runpy.run_path(os.path.join(here, "..", "unseen2", "score.py"), run_name="__main__")
