#!/usr/bin/env python3
"""Renders the matrix report's index.html in headless Chromium and checks the
rendered DOM: one grid cell per matrix cell and an SVG occupancy timeline.
Exits 77 (CTest: skipped) when /usr/bin/chromium is not installed.

  check_html.py --dstlab D --fake-cell F --inputs DIR --work DIR
"""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser

CHROMIUM = "/usr/bin/chromium"


class Counter(HTMLParser):
    def __init__(self):
        super().__init__()
        self.cells = []
        self.svgs = 0
        self.perf_charts = 0
        self.perf_bars = 0
        self.in_perf = False
        self.legend = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "td" and "data-cell" in a:
            self.cells.append(a["data-cell"])
        if tag == "svg":
            self.svgs += 1
            self.in_perf = a.get("class") == "perf"
            self.perf_charts += self.in_perf
        if tag == "rect" and self.in_perf:
            self.perf_bars += 1
        if tag == "div" and a.get("class") == "legend":
            self.legend = True


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dstlab", required=True)
    ap.add_argument("--fake-cell", required=True)
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    if not os.path.exists(CHROMIUM):
        print("skipped: %s is not installed" % CHROMIUM)
        return 77

    # The build directory may be shared by several test runs at once.
    os.makedirs(a.work, exist_ok=True)
    out = tempfile.mkdtemp(prefix="html-", dir=a.work)
    subprocess.run([a.dstlab, "matrix", a.inputs, "--cell-exe", a.fake_cell,
                    "--out", out, "--jobs", "2", "--filter",
                    "^(crash_assert|numbers|others)/"], check=True,
                   stdout=subprocess.DEVNULL)
    subprocess.run([a.dstlab, "report", os.path.join(out, "matrix.json")],
                   check=True, stdout=subprocess.DEVNULL)
    with open(os.path.join(out, "matrix.json"), encoding="utf-8") as f:
        matrix = json.load(f)
    want = ["%s/%s/%s" % (c["repro"], c["config"], c["variant"])
            for c in matrix["cells"]]

    profile = tempfile.mkdtemp(prefix="dstlab-chromium-")
    try:
        p = subprocess.run(
            [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu",
             "--disable-background-networking", "--disable-component-update",
             "--disable-sync", "--no-first-run",
             "--user-data-dir=" + profile, "--dump-dom",
             "file://" + os.path.abspath(os.path.join(out, "index.html"))],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            timeout=120)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    if p.returncode != 0 or "<table" not in p.stdout:
        print(p.stderr, file=sys.stderr)
        print("FAIL: chromium did not render the page (exit %d)"
              % p.returncode, file=sys.stderr)
        return 1
    dom = Counter()
    dom.feed(p.stdout)
    ok = True
    if sorted(dom.cells) != sorted(want):
        print("FAIL: rendered %d grid cells, the matrix has %d"
              % (len(dom.cells), len(want)), file=sys.stderr)
        ok = False
    if len(set(dom.cells)) != len(dom.cells):
        print("FAIL: a grid cell is rendered twice", file=sys.stderr)
        ok = False
    if dom.svgs == 0:
        print("FAIL: no <svg> timeline in the rendered DOM", file=sys.stderr)
        ok = False
    # The performance view: a chart per repro with cells that ran to the end
    # of the simulation, a bar per such cell.
    timed = [c for c in matrix["cells"] if c.get("utilisation") is not None]
    repros = {c["repro"] for c in timed}
    if dom.perf_charts != len(repros) or dom.perf_bars != len(timed):
        print("FAIL: %d performance charts with %d bars, want %d and %d"
              % (dom.perf_charts, dom.perf_bars, len(repros), len(timed)),
              file=sys.stderr)
        ok = False
    if not dom.legend:
        print("FAIL: no legend", file=sys.stderr)
        ok = False
    if ok:
        print("rendered %d grid cells, %d SVGs, %d performance charts"
              % (len(dom.cells), dom.svgs, dom.perf_charts))
        shutil.rmtree(out, ignore_errors=True)
    else:
        print("files kept in " + out, file=sys.stderr)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
