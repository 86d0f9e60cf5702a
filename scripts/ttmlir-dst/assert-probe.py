#!/usr/bin/env python3
"""assert-probe.py OPT TESTDIR OUTDIR

Checks that ttmlir-dst-opt reports tt-mlir's own assertion text when the DST
pass meets a compute op with two uses in one DST region.

The input is derived at run time from the commit's own
insert_dst_register_access_eltwise.mlir (so no tt-mlir text lives in dstlab):
its first function, with the `%0 = "d2m.tile_maximum"(a, b)` line split into
  %m = "d2m.tile_maximum"(a, b)
  %0 = "d2m.tile_add"(%m, %m)      <- %m now has two uses
Exit status: 0 if the assertion message was printed, 1 if not (e.g. -DNDEBUG
builds), 2 if the probe could not be built or run.
"""
import re
import subprocess
import sys

MESSAGE = "Currently we do not support multiple"


def main():
    opt, testdir, outdir = sys.argv[1:4]
    src = open(f"{testdir}/insert_dst_register_access_eltwise.mlir").read()
    start = src.index("module {")
    end_marker = "    return\n  }\n"
    end = src.index(end_marker, start) + len(end_marker)
    keep = lambda text: "\n".join(
        l for l in text.splitlines() if not l.strip().startswith("//")) + "\n"
    header, body = keep(src[:start]), keep(src[start:end] + "}\n")
    m = re.search(r'^([ \t]*)%0 = "d2m\.tile_maximum"\((%\w+), (%\w+)\) : '
                  r'(\([^)]*\)) -> (.+)$', body, re.M)
    if not m:
        print("assert-probe: eltwise test has no tile_maximum line to split")
        return 2
    ind, a, b, ty, rt = m.groups()
    body = (body[:m.start()] +
            f'{ind}%m = "d2m.tile_maximum"({a}, {b}) : {ty} -> {rt}\n'
            f'{ind}%0 = "d2m.tile_add"(%m, %m) : {ty} -> {rt}' +
            body[m.end():])
    probe = f"{outdir}/multi_user_probe.mlir"
    open(probe, "w").write(header + body)

    passes = subprocess.run([opt, "--help"], capture_output=True,
                            text=True).stdout
    out = f"{outdir}/multi_user_probe.out.mlir"
    if "--d2m-insert-dst-register-access-scheduled" in passes:
        # Newer tt-mlir: the multi-user assertion lives in the scheduled
        # variant, which only handles root loops marked d2m.scheduled (by
        # d2m-op-scheduler, which skips unfused generics like this one). So
        # lower to affine, mark the root loop ourselves, then run it.
        pre = f"{outdir}/multi_user_probe.affine.mlir"
        r0 = subprocess.run([opt, "--ttcore-register-device",
                             "--d2m-linalg-to-affine", probe, "-o", pre],
                            capture_output=True, text=True)
        if r0.returncode != 0:
            print(f"assert-probe: linalg-to-affine failed: {r0.stderr[:500]}")
            return 2
        text = open(pre).read()
        marked = text.replace("{d2m.linalg_root}",
                              "{d2m.linalg_root, d2m.scheduled}")
        if marked == text:
            print("assert-probe: no d2m.linalg_root loop to mark")
            return 2
        open(pre, "w").write(marked)
        cmd = [opt, "--d2m-insert-dst-register-access-scheduled", pre,
               "-o", out]
    else:
        cmd = [opt, "--ttcore-register-device", "--d2m-linalg-to-affine",
               "--d2m-insert-dst-register-access", probe, "-o", out]
    r = subprocess.run(cmd, capture_output=True, text=True)
    open(f"{outdir}/multi_user_probe.log", "w").write(
        " ".join(cmd) + f"\nexit {r.returncode}\n" + r.stderr)
    first = next((l for l in r.stderr.splitlines() if l.strip()), "")
    if MESSAGE in r.stderr:
        print(f"assert-probe: OK, exit {r.returncode}: {first}")
        return 0
    print(f"assert-probe: no assertion message (exit {r.returncode}); "
          f"first stderr line: {first or '<none>'}")
    return 1


if __name__ == "__main__":
    sys.exit(main())
