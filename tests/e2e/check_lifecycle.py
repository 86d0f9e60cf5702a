#!/usr/bin/env python3
"""Issue 20, item 6: a matrix run's cells die with it, and two runs into one
--out do not interleave (the second fails clearly before touching anything).

  check_lifecycle.py --dstlab D --fake-cell F --inputs DIR --work DIR
"""
import argparse
import fcntl
import os
import shutil
import signal
import subprocess
import sys
import time

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL: " + message, file=sys.stderr)


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


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--dstlab", required=True)
    ap.add_argument("--fake-cell", required=True)
    ap.add_argument("--inputs", required=True)
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    shutil.rmtree(a.work, ignore_errors=True)
    os.makedirs(a.work)
    hang = os.path.join(a.inputs, "hang.mlir")

    # Cells die with their parent: kill -9 the matrix while its cells hang.
    out = os.path.join(a.work, "orphans")
    m = subprocess.Popen([a.dstlab, "matrix", hang, "--cell-exe", a.fake_cell,
                          "--out", out, "--jobs", "2", "--timeout", "600",
                          "--quiet"], stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    cells = []
    deadline = time.time() + 20
    while time.time() < deadline and len(cells) < 2:
        cells = children_of(m.pid)
        time.sleep(0.05)
    check(len(cells) == 2, "expected 2 running cells, found %d" % len(cells))
    os.kill(m.pid, signal.SIGKILL)
    m.wait()
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

    if failures:
        print("%d check(s) failed" % len(failures), file=sys.stderr)
        return 1
    print("lifecycle: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
