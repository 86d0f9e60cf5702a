#!/usr/bin/env python3
"""Real tt-mlir in the loop, end to end.

Modes:
  replay --dstlab EXE --repros DIR --data DIR --work DIR [--write]
      Runs the matrix with the recorded outputs of the four real builds
      (tests/data/ttmlir/<commit>/<repro>/<program>/{assert,ndebug}/) in
      place of the binaries: every recorded
      output must be found, imported and simulated (no cell may end
      bad-input or with dstlab crashing), the outcomes must be the recorded
      ones, and the model columns' divergences must be flagged.
  live --dstlab EXE --repros DIR --work DIR
      With DSTLAB_TTMLIR_OPT=PATH (a ttmlir-opt or ttmlir-dst-opt of commit
      DSTLAB_TTMLIR_COMMIT, default ae4e7b838c, asserts on) or
      DSTLAB_TTMLIR_SRC=DIR (a tt-mlir tree of a known commit, built here with
      scripts/build-ttmlir-dst.sh): the lit export of the seed's p1 must
      behave under the binary as dstlab predicts (the assertion of its crash),
      and the p1 cells must run live. Skipped (exit 77) without either variable.
"""
import argparse
import json
import re
import os
import re
import subprocess
import sys

LABELS = [  # recording label -> --ttmlir-opt commit suffix
    ("ae4e7b838c", "ae4e7b838c"),
    ("ae4e7b838c-ndebug", "ae4e7b838c+ndebug"),
    ("19c86fca45", "19c86fca45"),
    ("19c86fca45-ndebug", "19c86fca45+ndebug"),
]


def fail(message):
    print("check_real: FAIL: " + message)
    sys.exit(1)


def real_outcomes(matrix):
    out = {}
    for c in matrix["cells"]:
        if not c["variant"].startswith("real:"):
            continue
        key = "%s/%s/%s" % (c["repro"], c["config"], c["variant"])
        out[key] = {"outcome": c["outcome"], "signature": c.get("signature"),
                    "crash_site": c.get("crash_site")}
    return out


def upstream_assert_lines():
    """(file name, g++ line, clang line) of every modelled upstream assert,
    read from support/UpstreamAsserts.h (the model prints clang's line by
    default, a g++ build the first line of the assert)."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(
        os.path.abspath(__file__))))
    text = open(os.path.join(root, "support", "UpstreamAsserts.h")).read()
    files = {m.group(1): os.path.basename(m.group(2)) for m in re.finditer(
        r'(k\w+File) =\s*"([^"]+)"', text)}
    return {(files[m.group(1)], int(m.group(2)), int(m.group(3)))
            for m in re.finditer(
                r'UpstreamAssertSite k\w+\{(k\w+File), (\d+), (\d+)\}', text)}


def same_site(a, b, lines):
    if a == b:
        return True
    if not a or not b:
        return False
    fa, _, la = a.rpartition(":")
    fb, _, lb = b.rpartition(":")
    return fa == fb and any(
        f == fa and {int(la), int(lb)} == {g, c} for f, g, c in lines)


def load(path):
    with open(path) as f:
        return json.load(f)


def mode_replay(args):
    expected_path = os.path.join(args.data, "outcomes.json")
    if not args.write and not os.path.exists(expected_path):
        fail("no %s: write it with 'check_real.py replay --write' "
             "(scripts/record-ttmlir-outputs.sh does)" % expected_path)
    expected = {} if args.write else load(expected_path)
    tools = []
    for label, commit in LABELS:
        tools += ["--ttmlir-opt", "%s=recorded:%s@%s" %
                  (label, args.data, commit)]
    out = os.path.join(args.work, "out")
    cmd = [args.dstlab, "matrix", args.repros, "--variants",
           "upstream,upstream-release", "--seeds", "1", "--jobs", "2",
           "--timeout", "300", "--no-timing", "--quiet", "--out", out] + tools
    if args.filter:
        cmd += ["--filter", args.filter]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    if proc.returncode not in (0, 1):
        fail("matrix exited %d\n%s" % (proc.returncode, proc.stderr))
    matrix = load(os.path.join(out, "matrix.json"))
    got = real_outcomes(matrix)
    if args.write:
        text = json.dumps(got, indent=2, sort_keys=True) + "\n"
        with open(expected_path + ".tmp", "w") as f:
            f.write(text)
        os.replace(expected_path + ".tmp", expected_path)
        print("check_real: %d real cells -> %s" % (len(got), expected_path))
        return
    cells = {("%s/%s/%s" % (c["repro"], c["config"], c["variant"])): c
             for c in matrix["cells"]}
    problems = []
    for key, cell in sorted(cells.items()):
        if cell["variant"].startswith("real:") and not cell["as_expected"]:
            problems.append("%s: not observed: %s %s (%s)" % (
                key, cell["outcome"], cell.get("signature"),
                cell.get("message")))
    wanted = expected
    for key in sorted(set(wanted) | set(got)):
        if args.filter and key not in got:
            continue
        if key not in got:
            problems.append("%s: recorded but not run" % key)
        elif key not in wanted:
            problems.append("%s: run but not in outcomes.json" % key)
        elif got[key] != wanted[key]:
            problems.append("%s: expected %s, got %s" % (
                key, json.dumps(wanted[key], sort_keys=True),
                json.dumps(got[key], sort_keys=True)))
    # Divergence is flagged exactly where the ae4e7b838c columns differ from
    # their model columns.
    lines = upstream_assert_lines()
    for key, cell in cells.items():
        repro, config, variant = key.split("/")
        model = {"real:ae4e7b838c": "upstream",
                 "real:ae4e7b838c-ndebug": "upstream-release"}.get(variant)
        if not model:
            if cell.get("model_diverges"):
                problems.append("%s: flagged without a model column" % key)
            continue
        m = cells.get("%s/%s/%s" % (repro, config, model))
        if not m:
            continue
        differs = any(m.get(f) != cell.get(f)
                      for f in ("outcome", "signature")) or not same_site(
                          m.get("crash_site"), cell.get("crash_site"), lines)
        # Not exported to the commit: the real tool never saw the program.
        if (cell.get("signature") or "").startswith("export: "):
            differs = False
        if differs != bool(cell.get("model_diverges")):
            problems.append("%s: model_diverges %r but the model says %s %s" % (
                key, cell.get("model_diverges"), m["outcome"],
                m.get("signature")))
    if problems:
        fail("%d problems:\n  " % len(problems) + "\n  ".join(problems))
    diverging = sum(1 for c in matrix["cells"] if c.get("model_diverges"))
    print("check_real: %d real cells replayed as recorded; the model diverges "
          "on %d" % (len(got), diverging))


def mode_live(args):
    opt = os.environ.get("DSTLAB_TTMLIR_OPT")
    src = os.environ.get("DSTLAB_TTMLIR_SRC")
    commit = os.environ.get("DSTLAB_TTMLIR_COMMIT", "ae4e7b838c")
    if not opt and not src:
        print("check_real: SKIP: set DSTLAB_TTMLIR_OPT=PATH (and "
              "DSTLAB_TTMLIR_COMMIT) or DSTLAB_TTMLIR_SRC=DIR to run "
              "real tt-mlir live")
        sys.exit(77)
    os.makedirs(args.work, exist_ok=True)
    if not opt:
        build = os.path.join(args.work, "ttmlir-build")
        script = os.path.join(os.path.dirname(args.repros), "scripts",
                              "build-ttmlir-dst.sh")
        subprocess.run([script, src, build], check=True)
        opt = os.path.join(build, "bin", "ttmlir-dst-opt")
        with open(os.path.join(src, ".dstlab-commit")) as f:
            commit = f.read().strip()[:10]
    p1 = os.path.join(args.repros, "test_p1-matmul-rowmax.mlir")
    lit = os.path.join(args.work, "p1.mlir")
    subprocess.run([args.dstlab, "export", p1, "--program", "p1_1x1", "--to",
                    "ttmlir@" + commit, "--lit", "-o", lit], check=True)
    text = open(lit).read()
    m = re.search(r'dstlab expects: (\w+)(?: "(.*)")?', text)
    if not m:
        fail("the lit export states no expectation")
    outcome, message = m.group(1), m.group(2)
    run_lines = [l.split("RUN:", 1)[1].strip() for l in text.splitlines()
                 if "RUN:" in l]
    if not run_lines:
        fail("no RUN line in the lit export")
    # Run the first pipeline the way lit would, with the binary for
    # ttmlir-opt.
    first = run_lines[0].split("|")[0].replace("%s", lit)
    argv = [a for a in first.split() if a not in ("not", "--crash", "2>&1")]
    argv[0] = opt
    proc = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    # glibc prints a message split over adjacent literals as written.
    log = proc.stderr.replace('" "', "")
    if outcome == "crash":
        if proc.returncode >= 0 or message not in log:
            fail("expected the real build to abort with \"%s\"; exit %d, "
                 "stderr:\n%s" % (message, proc.returncode,
                                  proc.stderr[:3000]))
    elif proc.returncode < 0:
        fail("dstlab expects %s but the real build crashed:\n%s" %
             (outcome, proc.stderr[:3000]))
    out = os.path.join(args.work, "out")
    cmd = [args.dstlab, "matrix", p1, "--variants", "upstream", "--seeds",
           "1", "--out", out, "--ttmlir-opt", "live=%s@%s" % (opt, commit)]
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          text=True)
    if proc.returncode not in (0, 1):
        fail("matrix exited %d\n%s" % (proc.returncode, proc.stderr))
    cells = [c for c in load(os.path.join(out, "matrix.json"))["cells"]
             if c["variant"] == "real:live"]
    if not cells or not all(c["as_expected"] for c in cells):
        fail("real:live cells not observed: %s" % json.dumps(cells)[:2000])
    print("check_real: live %s: p1 lit export aborts as predicted; %d cells" %
          (commit, len(cells)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["replay", "live"])
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--dstlab")
    ap.add_argument("--repros")
    ap.add_argument("--data")
    ap.add_argument("--work")
    ap.add_argument("--filter", default="")
    args = ap.parse_args()
    {"replay": mode_replay, "live": mode_live}[args.mode](args)


if __name__ == "__main__":
    main()
