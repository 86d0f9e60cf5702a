#!/usr/bin/env python3
"""Turns a `dstlab fuzz` run into one repro file: reduces the first program
of every bucket (`dstlab reduce`), keeps each distinct reduced program once,
and writes them as the configurations of one repro whose expectations are
what `dstlab reduce` observed (docs/fuzzing.md).

  fuzz-repros.py --dstlab D --fuzz-out DIR --name NAME --origin TEXT -o OUT
                 [--skip-outcome imprecise --skip-outcome timeout]
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile



def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dstlab", required=True)
    ap.add_argument("--fuzz-out", required=True)
    ap.add_argument("--name", required=True)
    ap.add_argument("--origin", required=True)
    ap.add_argument("--skip-outcome", action="append", default=[])
    ap.add_argument("-o", dest="out", required=True)
    a = ap.parse_args()
    with open(os.path.join(a.fuzz_out, "summary.json")) as f:
        summary = json.load(f)
    work = tempfile.mkdtemp(prefix="fuzz-repros-")
    programs = {}  # body without the program's name -> config
    variants = []  # in the order dstlab reduce writes them
    for b in summary["buckets"]:
        if b["outcome"] in a.skip_outcome:
            print("skipped %s (%s)" % (b["bucket"], b["signature"]))
            continue
        prog = b["programs"][0]
        src = os.path.join(a.fuzz_out, "found", b["bucket"], prog + ".mlir")
        out = os.path.join(work, b["bucket"] + ".mlir")
        p = subprocess.run([a.dstlab, "reduce", src, "-o", out, "--quiet"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
        if p.returncode != 0:
            print("cannot reduce %s: %s" % (src, p.stderr.strip()))
            continue
        print(p.stdout.strip())
        text = open(out).read()
        head = [l for l in text.splitlines() if l.startswith("//")]
        body = text[text.index("tl.program @"):]
        name = re.match(r"tl\.program @(\w+)", body).group(1)
        key = body.replace("@" + name + " ", "@P ", 1)
        pairs = re.findall(r"^// expect ([\w-]+): (.*)$", "\n".join(head),
                           re.M)
        variants += [v for v, _ in pairs if v not in variants]
        expects = dict(pairs)
        if key in programs:
            programs[key]["buckets"].append(b["signature"])
            continue
        config = "%s_%s" % (name, b["variant"].replace("-", "_"))
        programs[key] = {
            "config": config,
            "body": body.replace("@" + name + " ", "@" + config + " ", 1),
            "expects": expects,
            "buckets": [b["signature"]],
            "from": "%s (%s)" % (prog, re.search(
                r"\((\d+ -> \d+ block ops)\)", head[1]).group(1)),
        }
    lines = ["// repro: " + a.name, "// origin: " + a.origin,
             "// seed: %d" % summary["seed"],
             "// shows: what the fuzzer found, one configuration per distinct "
             "reduced program;", "//   each config line names the buckets "
             "(VARIANT: SIGNATURE) it reproduces."]
    configs = sorted(programs.values(), key=lambda c: c["config"])
    for c in configs:
        lines.append("// config @%s: from %s; %s" %
                     (c["config"], c["from"], "; ".join(c["buckets"])))
    for v in variants:
        lines.append("// expect %s: pass" % v)
    for c in configs:
        for v in variants:
            e = c["expects"].get(v, "pass")
            if e != "pass":
                lines.append("// expect[@%s] %s: %s" % (c["config"], v, e))
    text = "\n".join(lines) + "\n\n" + "\n".join(c["body"].rstrip() + "\n"
                                                 for c in configs)
    tmp = a.out + ".tmp"
    with open(tmp, "w") as f:
        f.write(text)
    os.replace(tmp, a.out)
    print("%d buckets -> %d distinct reduced programs in %s" %
          (sum(len(c["buckets"]) for c in configs), len(configs), a.out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
