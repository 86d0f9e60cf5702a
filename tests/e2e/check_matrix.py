#!/usr/bin/env python3
"""End-to-end checks of `dstlab matrix`, `merge`, `report` and `diff` with a
fake cell program (tests/e2e/fake-cell.cpp) standing in for `dstlab cell`.

  check_matrix.py classify   --dstlab D --fake-cell F --inputs DIR --work DIR
  check_matrix.py shard      --dstlab D --fake-cell F --inputs DIR --work DIR
  check_matrix.py cli-errors --dstlab D --fake-cell F --inputs DIR --work DIR
  check_matrix.py lifecycle  --dstlab D --fake-cell F --inputs DIR --work DIR
"""
import argparse
import csv
import fcntl
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

MULTI_USER = ("Currently we do not support multiple users in the same "
              "compute dst region.")
VARIANTS = ["upstream", "upstream-release", "upstream-2026",
            "upstream-2026-release", "multi-user", "unary-reduce", "fixed"]

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


def run(cmd, expect_rc=None, env=None):
    print("+ " + " ".join(cmd), file=sys.stderr)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, env=env)
    if expect_rc is not None and p.returncode != expect_rc:
        print(p.stdout, file=sys.stderr)
        print(p.stderr, file=sys.stderr)
        check(False, "%s exited %d, expected %d" % (" ".join(cmd[:2]),
                                                  p.returncode, expect_rc))
    return p


def fresh(path):
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def matrix(a, out, *extra, expect_rc=None, env=None):
    return run([a.dstlab, "matrix", a.inputs, "--cell-exe", a.fake_cell,
                "--out", out, "--jobs", "2", "--seed", "7"] + list(extra),
               expect_rc=expect_rc, env=env)


def load(out):
    with open(os.path.join(out, "matrix.json"), encoding="utf-8") as f:
        return json.load(f)


def expected_cell(repro, config, variant):
    """(outcome, signature, as_expected) for every cell of Inputs/repros."""
    if repro == "crash_assert" and config == "crash_fixable":
        if variant.startswith("upstream"):
            return ("crash", MULTI_USER, True)
        return ("pass", None, True)
    if repro == "crash_assert" and config == "segv":
        return ("crash", "signal SIGSEGV", True)
    if repro == "hang":
        return ("timeout", "time limit 1.5 s", True)
    if repro == "numbers" and config == "pass_attn":
        return ("pass", None, True)
    if repro == "numbers" and config == "wrong":
        return ("miscompiled", None, True)
    if repro == "others":
        return {
            "error": ("error", "operand A of tile_reduce must come from a CB",
                      True),
            "hazard": ("hazard", "dst-stale-read", True),
            "deadlock": ("deadlock", "every thread blocked", True),
            "nojson": ("crash", "exit 0 without a result", True),
        }[config]
    if repro == "unexpected":
        return ("pass", None, False)
    raise KeyError((repro, config, variant))


REQUIRED_KEYS = ["repro", "variant", "config", "outcome", "expected",
                 "as_expected", "signature", "pcc", "max_error", "hazards",
                 "cycles", "tflops", "utilisation", "seconds", "crash_log",
                 "attention", "seeds", "faithful_max_error", "faithful_rms_error",
                 "faithful_max_bound", "exact_bound", "input_kind", "precision",
                 "fidelity", "peak_tflops", "non_finite", "output_non_finite"]


def classify(a):
    out = fresh(os.path.join(a.work, "classify"))
    p = matrix(a, out, "--timeout", "1.5", expect_rc=1)
    check("Wall time" in p.stdout, "matrix prints its wall time")
    check("s  " in p.stderr, "matrix prints per-cell times")
    check("\u2713 pass  \u2717 crash" in p.stdout, "the table has a legend")
    m = load(out)
    check(m["schema"] == "dstlab-matrix/2", "schema is versioned")
    check(m["seed"] == 7, "seed recorded")
    check(m["seeds"] == [7, 8, 9], "seeds recorded (3 by default)")
    check(m["timing"] is not None and m["timing"]["jobs"] == 2,
          "timing recorded")
    cells = m["cells"]
    ncells = 10 * len(VARIANTS)
    check(len(cells) == ncells, "%d cells, got %d" % (ncells, len(cells)))
    for c in cells:
        for k in REQUIRED_KEYS:
            check(k in c, "cell %s has key %s" % (c.get("repro"), k))
        want = expected_cell(c["repro"], c["config"], c["variant"])
        cid = "%s/%s/%s" % (c["repro"], c["config"], c["variant"])
        check(c["outcome"] == want[0],
              "%s: outcome %s, want %s" % (cid, c["outcome"], want[0]))
        if want[1] is not None:
            check(c["signature"] == want[1],
                  "%s: signature %r, want %r" % (cid, c["signature"], want[1]))
        check(c["as_expected"] == want[2],
              "%s: as_expected %s, want %s" % (cid, c["as_expected"], want[2]))
        check(c["dump"] == "cells/%s/%s/%s" % (c["repro"], c["config"],
                                                c["variant"]),
              "%s: dump dir" % cid)
        if c["outcome"] == "crash" and c["signature"] == MULTI_USER:
            check(c["crash_site"] == "InsertDstRegisterAccess.cpp:356",
                  "%s: crash site %r" % (cid, c["crash_site"]))
            check("Assertion" in (c["crash_log"] or ""),
                  "%s: crash log kept" % cid)
            check(c["exit_status"] == "signal SIGABRT", "%s: SIGABRT" % cid)
            check(c["pcc"] is None and c["cycles"] is None
                  and c["hazards"] is None, "%s: null figures" % cid)
        if c["outcome"] == "timeout":
            check(c["seconds"] < 1.5 + 3, "%s: killed in time" % cid)
        if c["outcome"] == "miscompiled":
            check(c["pcc"] == 0.125 and c["max_error"] == 0.875,
                  "%s: PCC and max error" % cid)
            # An infinite figure stays valid JSON: null plus a flag.
            check(c["faithful_max_error"] is None
                  and c["non_finite"] == {"faithful_max_error": "inf"}
                  and c["output_non_finite"] is True,
                  "%s: non-finite figure as null + flag" % cid)
        if c["outcome"] == "hazard":
            h = c["hazards"][0]
            check(h["kind"] == "dst-stale-read" and h["core"] == [0, 1]
                  and h["dst_slice"] == 2, "%s: hazard record" % cid)
        if c["repro"] == "numbers" and c["config"] == "pass_attn":
            check(c["attention"] is True and c["cycles"] == 1007
                  and c["tflops"] == 51.5, "%s: figures" % cid)
        if c["repro"] == "unexpected":
            check(c["attention"] is False, "%s: not attention" % cid)
    # Canonical order: repros by file name, configs in file order, variants.
    order = [(c["repro"], c["config"], c["variant"]) for c in cells]
    want_order = []
    for repro, configs in [("crash_assert", ["crash_fixable", "segv"]),
                           ("hang", ["hang"]),
                           ("numbers", ["pass_attn", "wrong"]),
                           ("others", ["error", "hazard", "deadlock",
                                       "nojson"]),
                           ("unexpected", ["pass_notattn"])]:
        for config in configs:
            for v in VARIANTS:
                want_order.append((repro, config, v))
    check(order == want_order, "cells are in canonical order")
    check(m["summary"]["unexpected"] == len(VARIANTS),
          "one unexpected cell per variant")

    # Markdown and JUnit.
    md = open(os.path.join(out, "matrix.md"), encoding="utf-8").read()
    check("| crash_assert | @crash_fixable | \u2717 | \u2717 | \u2717 | "
          "\u2717 | \u2713 | \u2713 | \u2713 |" in md, "matrix.md table row")
    check("\u2713!" in md, "matrix.md marks unexpected cells")
    junit = ET.parse(os.path.join(out, "junit.xml")).getroot()
    check(junit.get("tests") == str(10 * len(VARIANTS)) and
          junit.get("failures") == str(len(VARIANTS)), "junit totals")
    failed = [tc.get("name") for tc in junit.iter("testcase")
              if tc.find("failure") is not None]
    check(sorted(failed) == sorted("pass_notattn/" + v for v in VARIANTS),
          "junit failures: %s" % failed)
    # Per testcase: the cell's coordinates and figures as properties, before
    # any failure (the JUnit schema's order).
    by_id = {"%s/%s/%s" % (c["repro"], c["config"], c["variant"]): c
             for c in load(out)["cells"]}
    props_ok = True
    for tc in junit.iter("testcase"):
        kids = [k.tag for k in tc]
        props = {p.get("name"): p.get("value")
                 for p in tc.iterfind("properties/property")}
        cell = by_id.get(tc.get("classname")[len("dstlab."):] + "/" +
                         tc.get("name"))
        if (cell is None or not kids or kids[0] != "properties" or
                props.get("variant") != cell["variant"] or
                props.get("configuration") != cell["config"] or
                props.get("outcome") != cell["outcome"] or
                props.get("signature") != cell["signature"] or
                props.get("cycles") != (None if cell["cycles"] is None
                                        else str(cell["cycles"]))):
            print("  testcase %s: %s" % (tc.get("name"), props))
            props_ok = False
    check(props_ok, "junit properties: variant, configuration, outcome, "
          "signature, cycles")
    check(any(p.get("name") == "signature" and "Currently" in p.get("value")
              for p in junit.iter("property")), "junit: a crash's signature")

    # perf.csv: one row per cell in matrix order, tt-metal's column names
    # where they have a counterpart (harness/SCHEMA.md).
    with open(os.path.join(out, "perf.csv"), encoding="utf-8",
              newline="") as f:
        rows = list(csv.DictReader(f))
    check(len(rows) == 10 * len(VARIANTS), "perf.csv has a row per cell")
    for name in ("OP CODE", "MATH FIDELITY", "CORE COUNT",
                 "DEVICE KERNEL DURATION [ns]", "PM COMPUTE [ns]",
                 "PM FPU UTIL (%)", "REPRO", "VARIANT", "CYCLES", "TFLOP/S"):
        check(rows and name in rows[0], "perf.csv column " + name)
    cells_in_order = load(out)["cells"]
    check([(r["REPRO"], r["OP CODE"], r["VARIANT"]) for r in rows] ==
          [(c["repro"], c["config"], c["variant"]) for c in cells_in_order],
          "perf.csv rows in matrix order")
    passing = [r for r in rows if r["OUTCOME"] == "pass" and r["CYCLES"]]
    check(passing and all(
        r["CORE COUNT"] == "4" and
        abs(float(r["DEVICE KERNEL DURATION [ns]"]) -
            int(r["CYCLES"]) / 1.35) < 1e-3 and
        abs(float(r["PM FPU UTIL (%)"]) - 31.44) < 1e-9 and
        abs(float(r["PM COMPUTE [ns]"]) -
            0.3144 * float(r["DEVICE KERNEL DURATION [ns]"])) < 1e-2
        for r in passing), "perf.csv figures of the passing cells")
    crashed = [r for r in rows if r["OUTCOME"] == "crash"]
    check(crashed and all(r["CYCLES"] == "" and
                          r["DEVICE KERNEL DURATION [ns]"] == ""
                          for r in crashed), "perf.csv: no figures for a crash")

    # Everything but the unexpected repro: exit 0.
    out2 = fresh(os.path.join(a.work, "classify-ok"))
    p2 = matrix(a, out2, "--filter", "^(crash_assert|numbers|others)/",
                "--variants", "fixed,upstream", "--traces", expect_rc=0)
    check("MiB" in p2.stdout and "Output: " in p2.stdout,
          "matrix prints its output size")
    check(os.path.exists(os.path.join(
        out2, "cells/numbers/pass_attn/upstream/trace.json")),
          "--traces keeps every trace")
    m2 = load(out2)
    check(m2["variants"] == ["upstream", "fixed"], "--variants keeps order")
    check(len(m2["cells"]) == 8 * 2, "filtered cell count")

    # Reports on the full run.
    run([a.dstlab, "report", os.path.join(out, "matrix.json")], expect_rc=0)
    status = open(os.path.join(out, "STATUS.md"), encoding="utf-8").read()
    check("InsertDstRegisterAccess.cpp:356" in status,
          "STATUS.md names the upstream site")
    html = open(os.path.join(out, "index.html"), encoding="utf-8").read()
    check(html.count('data-cell="') == 10 * len(VARIANTS),
          "index.html has a grid cell per cell")
    check("<svg" in html, "index.html has an SVG timeline")
    # Traces only for cells not as expected, by default (issue 19).
    cells = os.path.join(out, "cells")
    check(not os.path.exists(os.path.join(
        cells, "numbers/pass_attn/upstream/trace.json")),
          "no trace for an as-expected cell by default")
    check(os.path.exists(os.path.join(
        cells, "unexpected/pass_notattn/upstream/trace.json")),
          "the trace of a cell not as expected is kept")
    check('href="cells/unexpected/pass_notattn/upstream/trace.json"' in html,
          "index.html links the trace")
    # An as-expected cell keeps its DST occupancy as the drawing only; one
    # not as expected keeps the JSON (issue 19).
    ok_cell = os.path.join(cells, "numbers/pass_attn/upstream")
    bad_cell = os.path.join(cells, "unexpected/pass_notattn/upstream")
    check(os.path.exists(os.path.join(ok_cell, "dst_occupancy.svg")) and
          not os.path.exists(os.path.join(ok_cell, "dst_occupancy.json")),
          "an as-expected cell keeps dst_occupancy.svg, not the JSON")
    check(os.path.exists(os.path.join(bad_cell, "dst_occupancy.json")),
          "a cell not as expected keeps dst_occupancy.json")
    # IR stages are links into the content-addressed store <out>/ir, one
    # file per distinct text, none unreferenced.
    store = os.path.join(out, "ir")
    links = []
    for d, _, names in os.walk(cells):
        for n in names:
            if n.endswith(".mlir"):
                links.append(os.path.join(d, n))
    check(links and all(os.path.islink(p) for p in links),
          "every cell's IR stage is a link into ir/")
    targets = {os.path.realpath(p) for p in links}
    check(all(os.path.dirname(t) == os.path.realpath(store) and
              os.path.isfile(t) for t in targets), "the IR links resolve")
    check(len(targets) < len(links), "identical IR is stored once")
    check(sorted(os.listdir(store)) ==
          sorted(os.path.basename(t) for t in targets),
          "no unreferenced file in ir/")
    with open(os.path.join(ok_cell, "01-tl.mlir"), encoding="utf-8") as f:
        check(f.read().startswith("tl.program @pass_attn"),
              "a linked stage reads as the cell's IR")
    check('href="cells/numbers/pass_attn/upstream/trace.json"' not in html,
          "index.html links no deleted trace")
    check("http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"',
                                        "")
          and "https://" not in html, "index.html loads nothing remote")


def shard(a):
    filt = ["--filter", "^(crash_assert|numbers|others|unexpected)/",
            "--no-timing"]
    full = fresh(os.path.join(a.work, "full"))
    again = fresh(os.path.join(a.work, "again"))
    s0 = fresh(os.path.join(a.work, "shard0"))
    s1 = fresh(os.path.join(a.work, "shard1"))
    s1env = fresh(os.path.join(a.work, "shard1-env"))
    merged = fresh(os.path.join(a.work, "merged"))
    matrix(a, full, *filt, expect_rc=1)
    matrix(a, again, *filt, "--jobs", "1", expect_rc=1)
    matrix(a, s0, *filt, "--shard", "0/2", expect_rc=1)
    matrix(a, s1, *filt, "--shard", "1/2", expect_rc=1)
    env = dict(os.environ, GTEST_SHARD_INDEX="1", GTEST_TOTAL_SHARDS="2")
    matrix(a, s1env, *filt, expect_rc=1, env=env)
    run([a.dstlab, "merge", os.path.join(s1, "matrix.json"),
         os.path.join(s0, "matrix.json"), "--out", merged], expect_rc=1)

    def read(d, name):
        with open(os.path.join(d, name), "rb") as f:
            return f.read()

    for name in ["matrix.json", "matrix.md", "junit.xml"]:
        check(read(full, name) == read(again, name),
              "%s is byte-identical across runs" % name)
        check(read(full, name) == read(merged, name),
              "merged shards' %s equals the unsharded one" % name)
    check(read(s1, "matrix.json") == read(s1env, "matrix.json"),
          "GTEST_SHARD_INDEX/GTEST_TOTAL_SHARDS shard like --shard")
    m0, m1 = load(s0), load(s1)
    check(m0["shard"] == {"index": 0, "total": 2}, "shard recorded")
    check(len(m0["cells"]) + len(m1["cells"]) == len(load(full)["cells"]),
          "shards partition the cells")
    check(load(full)["timing"] is None and
          all(c["seconds"] is None for c in load(full)["cells"]),
          "--no-timing drops wall times")

    # Merge errors.
    p = run([a.dstlab, "merge", os.path.join(s0, "matrix.json"), "--out",
             fresh(os.path.join(a.work, "bad-merge"))], expect_rc=2)
    check("missing 1/2" in p.stderr, "merge names the missing shard")
    p = run([a.dstlab, "merge", os.path.join(s0, "matrix.json"),
             os.path.join(s0, "matrix.json"), "--out",
             os.path.join(a.work, "bad-merge")], expect_rc=2)
    check("twice" in p.stderr, "merge rejects a repeated shard")
    other_seed = fresh(os.path.join(a.work, "seed8"))
    run([a.dstlab, "matrix", a.inputs, "--cell-exe", a.fake_cell, "--out",
         other_seed, "--seed", "8", "--shard", "1/2"] + filt, expect_rc=1)
    p = run([a.dstlab, "merge", os.path.join(s0, "matrix.json"),
             os.path.join(other_seed, "matrix.json"), "--out",
             os.path.join(a.work, "bad-merge")], expect_rc=2)
    check("seed" in p.stderr, "merge rejects mismatched seeds")

    # diff: identical runs do not regress; a regression exits 1.
    p = run([a.dstlab, "diff", os.path.join(full, "matrix.json"),
             os.path.join(merged, "matrix.json")], expect_rc=0)
    check("No regressions" in p.stdout, "diff of equal runs")
    m = load(full)
    for c in m["cells"]:
        if c["repro"] == "numbers" and c["config"] == "pass_attn" \
                and c["variant"] == "fixed":
            c["outcome"], c["as_expected"] = "miscompiled", False
            c["pcc"], c["max_error"] = 0.5, 0.5
    after = os.path.join(a.work, "after.json")
    with open(after, "w", encoding="utf-8") as f:
        json.dump(m, f)
    p = run([a.dstlab, "diff", os.path.join(full, "matrix.json"), after,
             "--out", os.path.join(a.work, "diff.md")], expect_rc=1)
    diff = open(os.path.join(a.work, "diff.md"), encoding="utf-8").read()
    check("numbers/pass_attn/fixed" in diff and "Regressions" in diff,
          "diff lists the regression")


def cli_errors(a):
    bad = os.path.join(a.work, "bad")
    fresh(bad)
    with open(os.path.join(bad, "x.mlir"), "w", encoding="utf-8") as f:
        f.write("// repro: x\n// origin: test\n// expect upstream: pass\n\n"
                "tl.program @p grid [1, 1] {\n}\n")
    p = run([a.dstlab, "matrix", bad, "--cell-exe", a.fake_cell, "--out",
             os.path.join(a.work, "bad-out")], expect_rc=2)
    check("x.mlir:3: no expectation for variant 'upstream-release'" in p.stderr,
          "a missing expectation names file and line: " + p.stderr)
    p = run([a.dstlab, "matrix", a.inputs, "--cell-exe", "/nonexistent/cell",
             "--out", os.path.join(a.work, "bad-out")], expect_rc=2)
    check("cannot run /nonexistent/cell" in p.stderr, "missing cell program")
    p = run([a.dstlab, "matrix", a.inputs, "--variants", "upstrem"],
            expect_rc=2)
    check("unknown variant 'upstrem'" in p.stderr, "bad variant")
    p = run([a.dstlab, "matrix", a.inputs, "--shard", "2/2"], expect_rc=2)
    check("--shard" in p.stderr, "bad shard")
    notjson = os.path.join(a.work, "not.json")
    with open(notjson, "w", encoding="utf-8") as f:
        f.write("{ nope")
    p = run([a.dstlab, "report", notjson], expect_rc=2)
    check("not valid JSON" in p.stderr, "report on bad JSON")
    other = os.path.join(a.work, "other.json")
    with open(other, "w", encoding="utf-8") as f:
        json.dump({"schema": "dstlab-matrix/99"}, f)
    p = run([a.dstlab, "diff", other, other], expect_rc=2)
    check("unsupported schema" in p.stderr, "diff on another schema")


def children_of(pid):
    """Pids whose parent is `pid` (from /proc)."""
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % entry) as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(entry))
    return out


def alive(pid):
    try:
        with open("/proc/%d/stat" % pid) as f:
            state = f.read().rsplit(")", 1)[1].split()[0]
        return state != "Z"
    except OSError:
        return False


def kill_while_cells_hang(a, hang, out, what):
    """Starts a matrix of hanging cells into `out`, kill -9s it once its two
    cells run, and returns their pids."""
    m = subprocess.Popen([a.dstlab, "matrix", hang, "--cell-exe", a.fake_cell,
                          "--out", out, "--jobs", "2", "--timeout", "600",
                          "--quiet"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    cells = []
    deadline = time.time() + 20
    while time.time() < deadline and len(cells) < 2:
        cells = children_of(m.pid)
        time.sleep(0.05)
    check(len(cells) == 2, "%s: expected 2 running cells, found %d" %
          (what, len(cells)))
    os.kill(m.pid, signal.SIGKILL)
    m.wait()
    return cells


def lifecycle(a):
    """Issue 20, item 6: a matrix run's cells die with it, and two runs into
    one --out do not interleave (the second fails before touching anything)."""
    hang = os.path.join(a.inputs, "hang.mlir")

    # Cells die with their parent: kill -9 the matrix while its cells hang.
    out = os.path.join(a.work, "orphans")
    cells = kill_while_cells_hang(a, hang, out, "orphans")
    deadline = time.time() + 5
    while time.time() < deadline and any(alive(c) for c in cells):
        time.sleep(0.05)
    survivors = [c for c in cells if alive(c)]
    check(not survivors, "cells %s outlived their killed parent" % survivors)
    for c in survivors:
        os.kill(c, signal.SIGKILL)

    # Two runs into one --out: the second fails clearly, touching nothing.
    out = os.path.join(a.work, "locked")
    os.makedirs(os.path.join(out, "cells", "keep"))
    with open(os.path.join(out, "matrix.json"), "w") as f:
        f.write("old\n")
    with open(os.path.join(out, ".lock"), "w") as lock:
        lock.write("4242\n")
        lock.flush()
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        p = subprocess.run([a.dstlab, "matrix", hang, "--cell-exe",
                            a.fake_cell, "--out", out, "--timeout", "1"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
    check(p.returncode == 2, "locked --out: exit %d, expected 2" % p.returncode)
    want = ("dstlab matrix: --out %s: another dstlab matrix (pid 4242) is "
            "writing there" % out)
    check(want in p.stderr, "locked --out: stderr %r lacks %r" % (p.stderr,
                                                                  want))
    check(os.path.isdir(os.path.join(out, "cells", "keep")),
          "locked --out: the other run's cells were deleted")
    with open(os.path.join(out, "matrix.json")) as f:
        check(f.read() == "old\n", "locked --out: matrix.json was replaced")

    # Once the lock is free, the run goes ahead.
    p = subprocess.run([a.dstlab, "matrix", hang, "--cell-exe", a.fake_cell,
                        "--out", out, "--timeout", "0.5", "--quiet"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    check(p.returncode == 0, "unlocked --out: exit %d (%s)" % (p.returncode,
                                                              p.stderr))

    # An interrupted run leaves the previous run's matrix.json and the dumps
    # it points to as they were (new dumps are staged, swapped in at the end).
    with open(os.path.join(out, "matrix.json")) as f:
        before = f.read()
    dumps = [c["dump"] for c in json.loads(before)["cells"]]
    check(dumps, "unlocked --out: no cell dumps recorded")
    for d in dumps:  # a file only the previous run's dump holds
        with open(os.path.join(out, d, "previous-run"), "w") as f:
            f.write("old\n")
    listing = {d: sorted(os.listdir(os.path.join(out, d))) for d in dumps}
    kill_while_cells_hang(a, hang, out, "interrupted run")
    with open(os.path.join(out, "matrix.json")) as f:
        check(f.read() == before, "interrupted run: matrix.json changed")
    for d, files in listing.items():
        path = os.path.join(out, d)
        check(os.path.isdir(path) and sorted(os.listdir(path)) == files,
              "interrupted run: the old dump %s changed" % d)

    # The next complete run replaces them and clears the staging area.
    p = subprocess.run([a.dstlab, "matrix", hang, "--cell-exe", a.fake_cell,
                        "--out", out, "--timeout", "0.5", "--quiet"],
                       stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    check(p.returncode == 0, "run after an interrupted one: exit %d (%s)" %
          (p.returncode, p.stderr))
    check(not os.path.exists(os.path.join(out, ".staging")),
          "the staging area outlived a complete run")
    for d in dumps:
        check(os.path.isdir(os.path.join(out, d)) and not os.path.exists(
            os.path.join(out, d, "previous-run")),
              "after a complete run, the dump %s is not the new one" % d)



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["classify", "shard", "cli-errors",
                                     "lifecycle"])
    ap.add_argument("--dstlab", required=True)
    ap.add_argument("--fake-cell", required=True)
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    # The build directory may be shared by several test runs at once: work in
    # a fresh directory, removed when every check passes.
    os.makedirs(a.work, exist_ok=True)
    a.work = tempfile.mkdtemp(prefix=a.mode + "-", dir=a.work)
    {"classify": classify, "shard": shard, "cli-errors": cli_errors,
     "lifecycle": lifecycle}[a.mode](a)
    if failures:
        print("%d check(s) failed; files kept in %s" % (len(failures), a.work),
              file=sys.stderr)
        return 1
    shutil.rmtree(a.work, ignore_errors=True)
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
