#!/usr/bin/env python3
"""Conformance of dstlab's upstream DST model to the real tt-mlir pass.

  conformance.py record --dstlab D --real-assert BIN --real-ndebug BIN --data DIR
      export every case to tt-mlir ae4e7b838c's D2M syntax, run the two real
      builds on it and write what they did to DIR/<case>.json (data: outputs
      of tt-mlir on dstlab's inputs).
  conformance.py check --dstlab-opt OPT --data DIR
      run the model on the same cases, compare with the recordings, print the
      score and what dstlab cannot express; exit 1 on a divergence.

Both take --commit: ae4e7b838c (default; the `upstream` model, data in
tests/data/conformance) or 19c86fca45 (the `upstream-2026` model, data in
tests/data/conformance/19c86fca45).

Cases: tests/conformance/lit-restated.mlir (dstlab's restatement of tt-mlir's
lit tests of the pass), for 19c86fca45 also lit-restated-19c86fca45.mlir,
and every configuration of repros/*.mlir.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
COMMIT = "ae4e7b838c"  # set by --commit

# The real pipelines: tt-lang's order as the bridge knows it (asked of
# `dstlab export --print-pipeline` when recording), and the DST pass alone,
# without linalg-to-affine, for the missing-linalg-to-affine case.
DST_ALONE = {
    "ae4e7b838c": ["--ttcore-register-device",
                   "--d2m-insert-dst-register-access=use-tile-matmul=true"],
    "19c86fca45": ["--ttcore-register-device",
                   "--d2m-insert-dst-register-access-unscheduled",
                   "--d2m-insert-dst-register-access-scheduled"],
}


def real_pipelines(dstlab):
    rc, out, err = run([dstlab, "export", "--print-pipeline", "--to",
                        "ttmlir@" + COMMIT])
    if rc != 0:
        sys.exit("conformance: dstlab export --print-pipeline failed: " + err)
    return {"tt-lang": out.split(), "dst-only": DST_ALONE[COMMIT]}


MODEL_FRONT = ["--tl-to-d2m", "--d2m-bufferize"]
BUILDS = {"assert": True, "ndebug": False}


def model_passes(build, kind):
    """The model's passes after the front end, for one build of COMMIT."""
    if COMMIT == "ae4e7b838c":
        p = ["--convert-linalg-to-affine-loops"] if kind == "tt-lang" else []
        return p + ["--d2m-insert-dst-register-access=assertions=%s "
                    "assert-line-style=gcc" % ("true" if BUILDS[build] else
                                               "false")]
    p = ["--convert-linalg-to-affine-loops", "--d2m-tile-compute-loops-2026",
         "--d2m-op-scheduler-2026"] if kind == "tt-lang" else []
    return p + ["--d2m-insert-dst-register-access-2026=assertions=%s" %
                ("true" if BUILDS[build] else "false"),
                "--mlir-print-op-generic", "--mlir-print-local-scope"]

# tt-mlir's lit tests of the pass dstlab's d2m cannot restate, and why.
NOT_EXPRESSIBLE_AE4E = {
    "insert_dst_register_access_eltwise_large_dst":
        "max-dst-physical-size-tiles=32: dstlab's DST is 16 physical tiles",
    "insert_dst_register_access_empty_indexing_maps":
        "explicit datamovement form: dstlab's generics carry no indexing maps",
    "insert_dst_register_access_matmul_block":
        "use-tile-matmul=false (tile_matmul_block) is not modelled",
    "insert_dst_register_access_matmul_block_large_dst":
        "use-tile-matmul=false and max-dst-physical-size-tiles=32",
    "insert_dst_register_access_matmul_tile_large_dst":
        "max-dst-physical-size-tiles=32",
    "insert_dst_register_access_typecast":
        "no tile_typecast in dstlab (dst_reinterpret_cast not modelled)",
}
# 19c86fca45's lit tests of the DST passes (test/ttmlir/Dialect/D2M/
# Transforms/) dstlab cannot restate, and why.
NOT_EXPRESSIBLE_19C86 = {
    "insert_dst_register_access_dynamic_scratch_bounds_negative":
        "SFPU reduce with dynamic bounds: no such op or loop in dstlab",
    "insert_dst_register_access_eltwise_large_dst":
        "max-dst-physical-size-tiles=32 is not modelled",
    "insert_dst_register_access_l1_acc":
        "d2m.set_l1_accumulate: dstlab has no L1 accumulation",
    "insert_dst_register_access_matmul_block (+_large_dst, "
    "insert_tile_matmul_block_transpose_b)":
        "tile_matmul_block is not modelled",
    "insert_dst_register_access_matmul_tile_large_dst":
        "max-dst-physical-size-tiles=32",
    "insert_dst_register_access_no_loop":
        "arange and scalar f32 add: no such ops in dstlab",
    "insert_dst_register_access_scheduled_memref_copy":
        "memref.load/store copy patterns: dstlab's nests are affine",
    "insert_dst_register_access_sfpu_reduce_fused_unary":
        "SFPU reduce (integer types): no such op in dstlab",
    "insert_dst_register_access_typecast":
        "no tile_typecast in dstlab",
    "insert_spill_and_scratch":
        "not modelled: its trigger conditions fail on the hand-written "
        "repros; it fires on two fuzz-found programs "
        "(Upstream2026/Rationale.md)",
    "insert_dst_register_access_{scheduled_eltwise,scheduled_fallback,"
    "accum_guard}":
        "hand-written affine nests with d2m.scheduled or blocking-loop "
        "attributes: dstlab restates programs, not pass inputs",
}
NOT_EXPRESSIBLE = {"ae4e7b838c": NOT_EXPRESSIBLE_AE4E,
                   "19c86fca45": NOT_EXPRESSIBLE_19C86}

# What the model does not reproduce even where a case is expressible.
NOT_MODELLED_AE4E = [
    "d2m.packer_mask_reset after each reduction (no such op in dstlab)",
    "d2m.iter_index guards: dstlab generics hold one block per core, so a "
    "guarded copy-in never runs and the model leaves it out",
    "affine.load/store on DST: the model emits memref.load/store (the kernel "
    "lowering's contract); a per-tile DST is [slices] where tt-mlir has "
    "[slices, 1, 1] (compared as slices and volume)",
    "tile-compute-loops subblocks that cut a dim in between (e.g. 4x4 bf16 "
    "-> 2x4): the model goes per tile; whole inner rows are modelled",
    "the order of a value's uses (release builds with multi-use values "
    "allocate per use in use-list order; dstlab's use order may differ)",
]
NOT_MODELLED_19C86 = [
    "guarded copy-ins on loops that run once never run; the model leaves "
    "them out (compared apart: 'guarded')",
    "d2m.unpack_stall_on_pack, d2m.scratch_space_loop bookkeeping and the "
    "two tiling phases (one level of outer loops in the model)",
    "the duplicate-access use after erase: the model reports the verifier "
    "error the real builds print, without the misplaced copy",
]
NOT_MODELLED = {"ae4e7b838c": NOT_MODELLED_AE4E,
                "19c86fca45": NOT_MODELLED_19C86}


# Divergences the model keeps, and why; any other one fails the check.
# A CB load feeding two DST operands is copied twice upstream, the second
# time from the op the first copy erased: undefined behaviour, seen as
# "operand #1 does not dominate this use" or as an abort on a SmallVector
# overflow, varying from run to run. The model reports the former.
_UB = "use after erase upstream (duplicate DST access): the real outcome " \
      "varies between runs"
KNOWN = {(case, build): "undefined behaviour upstream"
         for case in ("repro/shared-input/shared_in",
                      "repro/sched-shared-input/sched_shared_in",
                      "repro/sched-shared-value/sched_shared_value")
         for build in ("assert", "ndebug")}
KNOWN_WHY = {"shared-input, sched-shared-input, sched-shared-value": _UB}
# tt-mlir 19c86fca45 only (the ids are 19c86 recordings).
KNOWN[("repro/fuzz-18/fuzz_18_4_multi_user", "ndebug")] = \
    "undefined behaviour upstream (empty SmallVector pop)"
KNOWN_WHY["fuzz-18 @fuzz_18_4_multi_user (19c86fca45, NDEBUG)"] = (
    "'Out of dst slices' compiled out: popping an empty SmallVector is "
    "undefined; the recorded run went on with a garbage slice, flash "
    "attention's died of SIGSEGV, as the model does")


def programs(path):
    """(name, text) of every tl.program in a file, with its header."""
    text = open(path).read()
    starts = [m.start() for m in re.finditer(r"^tl\.program @", text, re.M)]
    out = []
    for i, s in enumerate(starts):
        end = starts[i + 1] if i + 1 < len(starts) else len(text)
        name = re.match(r"tl\.program @(\w+)", text[s:]).group(1)
        out.append((name, text[s:end]))
    return out


def cases():
    lits = [os.path.join(HERE, "lit-restated.mlir")]
    if COMMIT == "19c86fca45":
        lits.append(os.path.join(HERE, "lit-restated-19c86fca45.mlir"))
    for lit in lits:
        for name, text in programs(lit):
            kind = "dst-only" if name == "missing_linalg_to_affine" \
                else "tt-lang"
            yield {"id": "lit/" + name, "file": lit, "program": name,
                   "text": text, "pipeline": kind}
    rdir = os.path.join(ROOT, "repros")
    for f in sorted(os.listdir(rdir)):
        if f.endswith(".mlir"):
            for name, text in programs(os.path.join(rdir, f)):
                yield {"id": "repro/" + f[:-5] + "/" + name,
                       "file": os.path.join(rdir, f), "program": name,
                       "text": text, "pipeline": "tt-lang"}


ASSERT_RE = re.compile(r"([A-Za-z0-9_./+-]+\.cpp):(\d+): .*Assertion `(.*)$")

# Repros added after the recordings (no real build has compiled them yet):
# listed, not failed. Record them (`conformance.py record`) where a real
# ae4e7b838c build exists, then drop them from here.
# Repros added after the last recording, by name, with why (empty: every
# repro is recorded).
NOT_RECORDED = {}


def joined_literals(s):
    return "".join(re.findall(r'"((?:[^"\\]|\\.)*)"', s))


def summarize(rc, stdout, stderr):
    """Outcome of one run: class, and the assertion, error or DST shape."""
    r = {}
    line = next((l for l in stderr.splitlines()
                 if "Assertion" in l and "failed" in l), None)
    if line and (rc < 0 or rc == 134):
        m = ASSERT_RE.search(line)
        r["class"] = "crash"
        r["site"] = os.path.basename(m.group(1)) + ":" + m.group(2)
        rest = m.group(3)
        if "` failed" in rest:  # TT_assert(v)
            cond, _, after = rest.partition("` failed")
            was = re.match(r", was `([^`]*)`", after)
            if was:
                r["was"] = was.group(1)
                after = after[was.end():]
            r["message"] = after[2:].strip() if after.startswith(", ") \
                else cond
        else:
            r["message"] = joined_literals(rest) or rest
        return r
    if rc < 0 or rc == 134:
        r["class"] = "crash"
        r["site"] = None
        r["message"] = "signal %d" % (-rc if rc < 0 else 6)
        return r
    if rc != 0:
        r["class"] = "error"
        err = next((l for l in stderr.splitlines() if "error:" in l), "")
        r["message"] = err.split("error:", 1)[1].strip() if err else ""
        return r
    r["class"] = "compiled"
    if COMMIT == "19c86fca45":
        r.update(summarize_linear(stdout))
        return r
    r["dst"] = []
    for m in re.finditer(r"acquire_dst.*?: memref<([0-9x]+)x!", stdout):
        dims = [int(d) for d in m.group(1).split("x")]
        vol = 1
        for d in dims[1:]:
            vol *= d
        r["dst"].append([dims[0], vol])
    stores, loads = [], []
    # Accesses inside scf.if (d2m.iter_index guards) are left out: a guarded
    # copy-in never runs with one block per core, and the model omits it.
    depth, guard_at = 0, []
    for l in stdout.splitlines():
        if re.search(r'"?scf\.if"?[ (]', l):
            guard_at.append(depth)
        # Braces balanced on one line (attribute dictionaries) cancel out.
        depth += l.count("{") - l.count("}")
        while guard_at and depth <= guard_at[-1]:
            guard_at.pop()
        if guard_at:
            continue
        if not re.search(r"#dst>|memspace<dst>", l.split(" : ")[-1]):
            continue
        m = re.search(r"\[(\d+|%c(\d+)(?:_\d+)?)\s*[,\]]", l)
        if not m:
            continue
        s = int(m.group(2) if m.group(2) is not None else m.group(1))
        if re.search(r"\bstore\b", l):
            stores.append(s)
        elif re.search(r"\bload\b", l):
            loads.append(s)
    r["stores"] = sorted(stores)
    r["loads"] = sorted(loads)
    return r


def eval_at_zero(expr):
    """An affine expression's value with every dim and symbol at 0."""
    e = re.sub(r"\b[ds]\d+\b", "0", expr)
    e = e.replace("floordiv", "//").replace("ceildiv", "//").replace(
        "mod", "%")
    return int(eval(e, {"__builtins__": {}}))


def summarize_linear(text):
    """19c86fca45's 1-D DST, both sides printed in generic form: the DST
    sizes, and each DST load and store by the index it has when every loop
    is at its first iteration (slice x footprint), unguarded and guarded
    (inside scf.if) apart."""
    values = {}
    for m in re.finditer(r'(%[\w#]+) = "arith.constant"\(\) <\{value = '
                         r'(-?\d+) : index\}>', text):
        values[m.group(1)] = int(m.group(2))
    for m in re.finditer(r'(%[\w#]+) = "affine.apply"\([^)]*\) <\{map = '
                         r'affine_map<\([^)]*\)(?:\[[^]]*\])? -> '
                         r'\((.*?)\)>\}>', text):
        values[m.group(1)] = eval_at_zero(m.group(2))
    r = {"dst": [], "stores": [], "loads": [], "guarded": []}
    depth = 0
    guard_at = []
    for line in text.splitlines():
        m = re.search(r'"d2m.acquire_dst"\(\).*-> memref<(\d+)x', line)
        if m:
            r["dst"].append(int(m.group(1)))
        sig = line.split(" : ")[-1]
        dst = re.search(r"memory_space<dst>|memspace<dst>", sig)
        kind = re.search(r'"(affine|memref)\.(load|store)"\(([^)]*)\)', line)
        if dst and kind:
            ops = [o.strip() for o in kind.group(3).split(",")]
            if kind.group(1) == "affine":
                mm = re.search(r"map = affine_map<\([^)]*\) -> \((.*?)\)>",
                               line)
                idx = eval_at_zero(mm.group(1)) if mm else None
            else:
                first = ops[2] if kind.group(2) == "store" else ops[1]
                idx = values.get(first)
            entry = kind.group(2) + "s"
            (r["guarded"] if guard_at else r[entry]).append(
                idx if not guard_at else "%s %s" % (kind.group(2), idx))
        if '"scf.if"' in line:
            guard_at.append(depth)
        depth += line.count("({") - line.count("})")
        while guard_at and depth <= guard_at[-1]:
            guard_at.pop()
    for k in ("stores", "loads"):
        r[k] = sorted(r[k], key=lambda x: (x is None, x))
    r["guarded"] = sorted(r["guarded"])
    return r


def run(cmd, stdin=None):
    p = subprocess.run(cmd, input=stdin, capture_output=True, text=True,
                       timeout=300)
    return p.returncode, p.stdout, p.stderr


def record(args):
    os.makedirs(args.data, exist_ok=True)
    pipelines = real_pipelines(args.dstlab)
    for c in cases():
        out = {"case": c["id"], "commit": COMMIT,
               "pipeline": pipelines[c["pipeline"]]}
        with tempfile.TemporaryDirectory() as tmp:
            exported = os.path.join(tmp, "in.mlir")
            rc, _, err = run([args.dstlab, "export", c["file"], "--program",
                              c["program"], "--to", "ttmlir@" + COMMIT,
                              "-o", exported])
            if rc != 0:
                out["exportable"] = False
                m = re.search(r"(d2m\.\w+: tt-mlir \w+ has no [\w.]+|"
                              r"'tl\.\w+' op .*)", err)
                out["reason"] = m.group(1) if m else err.strip()[-200:]
            else:
                out["exportable"] = True
                for build, binary in (("assert", args.real_assert),
                                      ("ndebug", args.real_ndebug)):
                    generic = ["-mlir-print-op-generic",
                               "-mlir-print-local-scope"] \
                        if COMMIT == "19c86fca45" else []
                    rc, stdout, stderr = run(
                        [binary] + pipelines[c["pipeline"]] + generic +
                        [exported])
                    r = summarize(rc, stdout, stderr)
                    r["compiler"] = "g++"
                    r["exit"] = rc
                    out[build] = r
        name = c["id"].replace("/", "__") + ".json"
        with open(os.path.join(args.data, name), "w") as f:
            json.dump(out, f, indent=1, sort_keys=True)
            f.write("\n")
        print(c["id"], "recorded")


def model(args, c, build):
    # The header's precision recipe and front end, as `dstlab export`
    # applies them.
    header = open(c["file"]).read()
    opts = []
    m = re.search(r"^// precision @%s: (\w+)" % c["program"], header, re.M)
    if m:
        opts.append("precision=" + m.group(1))
    m = re.search(r"^// front-end @%s: ttir$" % c["program"], header, re.M)
    if m:
        opts.append("reduce-form=ttir")
    front = ["--tl-to-d2m=" + " ".join(opts)] if opts else ["--tl-to-d2m"]
    cmd = [args.dstlab_opt, "-"] + front + MODEL_FRONT[1:] + model_passes(
        build, c["pipeline"])
    rc, stdout, stderr = run(cmd, stdin=c["text"])
    return summarize(rc, stdout, stderr)


def ub_class(real, mine):
    """The duplicate-access use after erase is undefined behaviour upstream:
    a build that reports "operand #N does not dominate this use" on one run
    may die of SIGSEGV or a SmallVector overflow on the next. The model
    reports the verifier error; a recording of the other two is the same
    failure class, not a divergence."""
    if mine.get("class") != "error" or \
            "does not dominate this use" not in mine.get("message", ""):
        return None
    if real.get("class") == "crash" and (
            real.get("message") in ("signal 11", "signal 6") or
            "SmallVector unable to grow" in (real.get("message") or "")):
        return "undefined behaviour upstream (duplicate DST access)"
    return None


def compare(real, mine):
    """Differences between a recorded real outcome and the model's."""
    if real["class"] != mine["class"]:
        return ["class %s, model %s" % (real["class"], mine["class"])]
    d = []
    if real["class"] == "crash":
        for k in ("site", "message", "was"):
            if real.get(k) != mine.get(k):
                d.append("%s %r, model %r" % (k, real.get(k), mine.get(k)))
    elif real["class"] == "error":
        if real["message"] not in mine["message"]:
            d.append("error %r, model %r" % (real["message"], mine["message"]))
    else:
        for k in ("dst", "stores", "loads"):
            if real[k] != mine[k]:
                d.append("%s %s, model %s" % (k, real[k], mine[k]))
    return d


def short(r):
    if r["class"] == "crash":
        return "crash %s" % r["site"]
    if r["class"] == "error":
        return "error"
    return "compiled dst=%s" % r["dst"]


def check(args):
    total = agree = unexplained = 0
    rows, unexpressible, missing = [], [], []
    unrecorded = set()
    for c in cases():
        path = os.path.join(args.data, c["id"].replace("/", "__") + ".json")
        repro = c["id"].split("/")[1] if c["id"].startswith("repro/") else ""
        if repro in NOT_RECORDED and not os.path.exists(path):
            unrecorded.add(repro)
            continue
        if not os.path.exists(path):
            missing.append(c["id"])
            continue
        rec = json.load(open(path))
        if not rec["exportable"]:
            unexpressible.append((c["id"], rec["reason"]))
            continue
        for build in BUILDS:
            mine = model(args, c, build)
            diff = compare(rec[build], mine)
            total += 1
            agree += not diff
            known = KNOWN.get((c["id"], build)) or ub_class(rec[build], mine)
            if diff and not known:
                unexplained += 1
            verdict = "ok" if not diff else (
                "known (%s): " % known if known else "DIVERGES: ") + \
                "; ".join(diff)
            rows.append((c["id"], build, short(rec[build]), verdict))
    w = max(len(r[0]) for r in rows) if rows else 10
    print("case".ljust(w), "build ", "real".ljust(34), "model")
    for cid, build, real, verdict in rows:
        print(cid.ljust(w), build.ljust(6), real.ljust(34), verdict)
    print()
    print("Not expressible in dstlab's d2m (tt-mlir %s lit tests):" % COMMIT)
    for t, why in sorted(NOT_EXPRESSIBLE[COMMIT].items()):
        print("  %s: %s" % (t, why))
    print("Cases not exportable to %s's D2M (no recording):" % COMMIT)
    for cid, why in unexpressible:
        print("  %s: %s" % (cid, why))
    print("Known divergences:")
    for k, why in KNOWN_WHY.items():
        print("  %s: %s" % (k, why))
    if not KNOWN_WHY:
        print("  none")
    print("Not modelled:")
    for n in NOT_MODELLED[COMMIT]:
        print("  " + n)
    for r in sorted(unrecorded):
        print("not recorded yet: repros/%s.mlir (%s)" % (r, NOT_RECORDED[r]))
    for m in missing:
        print("no recording for", m, "(conformance.py record)")
    pct = 100.0 * agree / total if total else 0.0
    print("\nconformance: %d/%d expressible case-builds agree (%.1f%%)"
          % (agree, total, pct))
    print("unexplained divergences: %d" % unexplained)
    return 0 if not unexplained and not missing else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("record")
    r.add_argument("--dstlab", required=True)
    r.add_argument("--real-assert", required=True)
    r.add_argument("--real-ndebug", required=True)
    k = sub.add_parser("check")
    k.add_argument("--dstlab-opt", required=True)
    for s in (r, k):
        s.add_argument("--commit", default="ae4e7b838c",
                       choices=sorted(DST_ALONE))
        s.add_argument("--data", help="default: tests/data/conformance[/"
                       "19c86fca45]")
    a = ap.parse_args()
    global COMMIT
    COMMIT = a.commit
    if not a.data:
        a.data = os.path.join(ROOT, "tests", "data", "conformance")
        if COMMIT != "ae4e7b838c":
            a.data = os.path.join(a.data, COMMIT)
    return record(a) if a.cmd == "record" else check(a)


if __name__ == "__main__":
    sys.exit(main())
