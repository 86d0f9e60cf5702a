#!/usr/bin/env python3
"""Fails when an option or command that `dstlab --help` or `dstlab COMMAND
--help` (or `dstlab-opt --help`, for dstlab's own pipelines and pass
options) prints is not mentioned in the reference, docs/dstlab.md.

  check_docs.py --dstlab D --dstlab-opt O --doc docs/dstlab.md
"""
import argparse
import re
import subprocess
import sys

# An option as help prints it: --name, or a one-letter -x.
OPTION = re.compile(r"(?<![\w-])(--[a-z][a-z0-9-]*|-[a-z])(?![\w-])")


def help_text(argv):
    p = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       text=True)
    if p.returncode != 0:
        sys.exit("FAIL: %s exited %d: %s" % (" ".join(argv), p.returncode,
                                             p.stderr))
    return p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dstlab", required=True)
    ap.add_argument("--dstlab-opt", required=True)
    ap.add_argument("--doc", required=True)
    a = ap.parse_args()
    doc = open(a.doc, encoding="utf-8").read()

    top = help_text([a.dstlab, "--help"])
    commands = re.findall(r"^  ([a-z]+) ", top.split("Commands:")[1]
                          .split("\n\n")[0], re.M)
    if len(commands) < 8:
        sys.exit("FAIL: found only %s in the commands of dstlab --help"
                 % commands)
    missing = []
    for cmd in commands:
        if cmd != "help" and "## dstlab " + cmd not in doc:
            missing.append("command %s (no '## dstlab %s' section)"
                           % (cmd, cmd))
    texts = {"dstlab": top}
    for cmd in commands:
        if cmd != "help":
            texts["dstlab " + cmd] = help_text([a.dstlab, cmd, "--help"])
    # dstlab-opt: what dstlab adds (the overview, and the options of its own
    # passes); mlir-opt's generic options are MLIR's to document.
    opt = help_text([a.dstlab_opt, "--help"])
    texts["dstlab-opt"] = opt.split("Available Dialects")[0]
    ours = ("tl-to-d2m", "d2m-bufferize", "d2m-insert-dst-register-access",
            "d2m-to-ttkernel", "dstlab-")
    block = None
    for line in opt.splitlines():
        m = re.match(r"^      (--[a-z0-9-]+)", line)
        if m:
            block = m.group(1) if m.group(1)[2:].startswith(ours) else None
            if block and block not in doc:
                missing.append("dstlab-opt: " + block)
            continue
        m = re.match(r"^        --([a-z0-9-]+)", line)
        if m and block and "`%s`" % m.group(1) not in doc:
            missing.append("dstlab-opt %s: option %s" % (block, m.group(1)))

    checked = 0
    for where, text in texts.items():
        for option in sorted(set(OPTION.findall(text))):
            checked += 1
            if not re.search(r"(?<![\w-])%s(?![\w-])" % re.escape(option),
                             doc):
                missing.append("%s: %s" % (where, option))
    if missing:
        for m in missing:
            print("FAIL: not in %s: %s" % (a.doc, m), file=sys.stderr)
        return 1
    print("%d commands and %d options of %d help texts are documented"
          % (len(commands), checked, len(texts)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
