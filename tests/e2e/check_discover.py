#!/usr/bin/env python3
"""End-to-end tests of `dstlab fuzz` and `dstlab reduce` (issue 18).

  sweep    a fixed-seed sweep of a few dozen generated programs under every
           variant: no generated program is refused as bad input, the run
           is byte-for-byte the same at another --jobs, every finding is
           saved with a header naming its seed, variant and signature, and
           nothing fails under `fixed` but for program precision.
  fa       the full flash attention under `upstream` reduces, keeping its
           signature, to at most 4 block ops, and the reduced repro's header
           holds for every variant (`dstlab matrix` on it exits 0). Under
           the conformant model its signature is the largestType crash (a
           pure copy): in tt-lang's pass order the multiple-users assertion
           is not reached by flash attention. So a generated 15-op program
           that does reach it reduces, with --signature naming it, to at
           most 4 block ops as well.
  planted  a planted bug (an external test script, C-Reduce convention) in
           a 50-op generated program reduces to the ops that matter.
"""
import argparse
import filecmp
import json
import os
import re
import shutil
import subprocess
import sys

BLOCK_OP = re.compile(r"= tl\.(?!read\b)\w+")


def run(cmd, **kw):
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True, **kw)
    return p


def fail(msg, p=None):
    if p is not None:
        print(p.stdout + p.stderr, file=sys.stderr)
    print("FAIL: " + msg, file=sys.stderr)
    return 1


def block_ops(text):
    return len(BLOCK_OP.findall(text))


def same_tree(a, b):
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files,
                                           shallow=False)
    if mismatch or errors:
        return False
    return all(same_tree(os.path.join(a, d), os.path.join(b, d))
               for d in cmp.common_dirs)


def sweep(a):
    variants = "upstream,upstream-release,multi-user,unary-reduce,fixed"
    outs = []
    for jobs in ("2", "1"):
        out = os.path.join(a.work, "sweep-j" + jobs)
        shutil.rmtree(out, ignore_errors=True)
        p = run([a.dstlab, "fuzz", "--seed", "1", "--count", "36",
                 "--variants", variants, "--jobs", jobs, "--out", out,
                 "--quiet"])
        if p.returncode not in (0, 1):
            return fail("fuzz exited %d" % p.returncode, p)
        outs.append((out, p))
    (out, p), (out2, _) = outs
    for f in ("summary.md", "summary.json"):
        if not filecmp.cmp(os.path.join(out, f), os.path.join(out2, f),
                           shallow=False):
            return fail(f + " differs between --jobs 2 and --jobs 1")
    for d in ("programs", "found"):
        if not same_tree(os.path.join(out, d), os.path.join(out2, d)):
            return fail(d + "/ differs between --jobs 2 and --jobs 1")
    with open(os.path.join(out, "summary.json"), encoding="utf-8") as f:
        summary = json.load(f)
    print(p.stdout)
    if summary["invalid_programs"]:
        return fail("generated programs refused: %s" %
                    summary["invalid_programs"])
    if len(os.listdir(os.path.join(out, "programs"))) != 36:
        return fail("expected 36 programs")
    total = 0
    for b in summary["buckets"]:
        total += len(b["programs"])
        if b["variant"] == "fixed" and b["outcome"] != "imprecise":
            return fail("a failure under fixed (a bug in dstlab's fixes): "
                        "%s in %s" % (b["signature"], b["programs"]))
        for prog in b["programs"]:
            path = os.path.join(out, "found", b["bucket"], prog + ".mlir")
            with open(path, encoding="utf-8") as f:
                head = f.read()
            want = ["// seed: 1", "// variant: " + b["variant"],
                    "// signature: " + b["signature"].split(": ", 1)[1]]
            for w in want:
                if w + "\n" not in head:
                    return fail("%s: header lacks '%s'" % (path, w))
    if total != summary["failing_cells"]:
        return fail("buckets hold %d cells, summary says %d" %
                    (total, summary["failing_cells"]))
    if not summary["buckets"]:
        return fail("a sweep of 36 programs under upstream found nothing")
    return 0


def check_reduced(a, path, max_ops, must=()):
    with open(path, encoding="utf-8") as f:
        text = f.read()
    print(text)
    n = block_ops(text)
    if n > max_ops:
        return fail("%s: %d block ops, at most %d expected" %
                    (path, n, max_ops))
    for m in must:
        if m not in text:
            return fail("%s: lacks %s" % (path, m))
    if "// origin: reduced from " not in text:
        return fail(path + ": no 'origin: reduced from' header")
    # Its header is a repro header, and true of every variant.
    out = os.path.join(a.work, os.path.basename(path) + "-matrix")
    p = run([a.dstlab, "matrix", path, "--out", out, "--jobs", "2"])
    if p.returncode != 0:
        return fail("dstlab matrix on the reduced repro exited %d" %
                    p.returncode, p)
    return 0


def fa(a):
    src = os.path.join(a.repros, "flash-attention.mlir")
    prog = "fa_q128_kv128_d64_b2x2_g1x1"
    out = os.path.join(a.work, "fa.reduced.mlir")
    # What the input's own cell says, to compare with the result's.
    js = os.path.join(a.work, "fa-cell.json")
    run([a.dstlab, "cell", src, "--program", prog, "--variant", "upstream",
         "--seeds", "0..0", "--json", js])
    p = run([a.dstlab, "reduce", src, "--program", prog, "--variant",
             "upstream", "-o", out])
    if p.returncode != 0:
        return fail("reduce exited %d" % p.returncode, p)
    print(p.stdout + p.stderr)
    with open(src, encoding="utf-8") as f:
        before = block_ops(f.read().split("tl.program @" + prog)[1]
                           .split("tl.program @")[0])
    with open(out, encoding="utf-8") as f:
        head = f.read()
    m = re.search(r"^// signature: (.*)$", head, re.M)
    if not m or not m.group(1).startswith("crash "):
        return fail("the reduced repro keeps no crash signature")
    if ("// expect upstream: " + m.group(1)) not in head:
        return fail("the reduced repro does not crash as it says")
    print("flash attention: %d -> %d block ops, %s" %
          (before, block_ops(head), m.group(1)))
    if check_reduced(a, out, 4):
        return 1
    # The multiple-users signature, from a generated program.
    gen = os.path.join(a.work, "multi-user-gen")
    shutil.rmtree(gen, ignore_errors=True)
    p = run([a.dstlab, "fuzz", "--seed", "18", "--count", "1",
             "--generate-only", "--out", gen])
    if p.returncode != 0:
        return fail("fuzz --generate-only exited %d" % p.returncode, p)
    src = os.path.join(gen, "programs", "fuzz_18_0.mlir")
    sig = ('crash "Currently we do not support multiple users in the same '
           'compute dst region."')
    out = os.path.join(a.work, "multiple-users.reduced.mlir")
    p = run([a.dstlab, "reduce", src, "--variant", "upstream",
             "--signature", sig, "-o", out])
    if p.returncode != 0:
        return fail("reduce exited %d" % p.returncode, p)
    print(p.stdout + p.stderr)
    with open(out, encoding="utf-8") as f:
        if "// expect upstream: " + sig + "\n" not in f.read():
            return fail("the reduced program lost the multiple-users crash")
    return check_reduced(a, out, 4)


def planted(a):
    gen = os.path.join(a.work, "planted")
    shutil.rmtree(gen, ignore_errors=True)
    p = run([a.dstlab, "fuzz", "--seed", "3", "--count", "3", "--ops", "50",
             "--generate-only", "--out", gen])
    if p.returncode != 0:
        return fail("fuzz --generate-only exited %d" % p.returncode, p)
    src = os.path.join(gen, "programs", "fuzz_3_2.mlir")
    script = os.path.join(a.inputs, "planted-exp-rowsum.py")
    if run([script, src]).returncode != 0:
        return fail("the planted pattern is not in " + src)
    with open(src, encoding="utf-8") as f:
        before = block_ops(f.read())
    if before < 50:
        return fail("%s has %d block ops, 50 expected" % (src, before))
    out = os.path.join(a.work, "planted.reduced.mlir")
    p = run([a.dstlab, "reduce", src, "--test", script, "-o", out])
    if p.returncode != 0:
        return fail("reduce exited %d" % p.returncode, p)
    print(p.stdout + p.stderr)
    if run([script, out]).returncode != 0:
        return fail("the reduced program lost the planted pattern")
    # tl.exp, tl.rowsum and at most what feeds the exp.
    return check_reduced(a, out, 3, ("tl.exp", "tl.rowsum"))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("mode", choices=["sweep", "fa", "planted"])
    ap.add_argument("--dstlab", required=True)
    ap.add_argument("--repros", required=True)
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    os.makedirs(a.work, exist_ok=True)
    return {"sweep": sweep, "fa": fa, "planted": planted}[a.mode](a)


if __name__ == "__main__":
    sys.exit(main())
