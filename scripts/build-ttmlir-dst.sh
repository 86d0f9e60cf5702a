#!/usr/bin/env bash
# build-ttmlir-dst.sh: build ttmlir-dst-opt, a small opt driver for tt-mlir's
# D2M DST-register passes, from a tt-mlir source tree against Debian's MLIR 22.
#
# Usage:
#   scripts/build-ttmlir-dst.sh TTMLIR_SRC BUILD_DIR [options]
# Options:
#   --ndebug        compile with -DNDEBUG (assert()/TT_assert compiled out);
#                   the default keeps assertions on (-UNDEBUG)
#   --try           allow a tt-mlir commit this script does not know
#   --commit SHA    the commit of TTMLIR_SRC when it is not a git checkout and
#                   has no .dstlab-commit file
#   --check         after building, run the commit's own lit tests for the
#                   DST pass (test/ttmlir/Dialect/D2M/**/insert_dst_register_
#                   access*.mlir) with our driver and FileCheck
#   --check-only    run the tests against an existing build, do not build
#   -j N            parallel jobs (default: 2)
#   --keep-going    let ninja carry on past failing files (ninja -k0)
#
# Produces BUILD_DIR/bin/ttmlir-dst-opt. Only TTCore + D2M IR, the D2M Utils
# and the passes listed in scripts/ttmlir-dst/CMakeLists.txt are compiled,
# with our own CMake project (scripts/ttmlir-dst/), not tt-mlir's.
#
# The user's tree is never modified: the needed parts of TTMLIR_SRC are
# copied to BUILD_DIR/src and the small edits below (MLIR 22 API
# differences, cutting TTIR/TTNN dependencies) are applied to that copy.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
proj="$here/ttmlir-dst"
llvm_bin=/usr/lib/llvm-22/bin

# Known commits (prefix match) -> short name used to select edits.
known_commits=(ae4e7b838c 19c86fca45)

usage() { sed -n '2,25p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-2}"; }
die() { echo "build-ttmlir-dst: error: $*" >&2; exit 1; }
log() { echo "build-ttmlir-dst: $*" >&2; }

src="" bdir="" ndebug=0 try=0 commit="" check=0 build=1 jobs=2 keep=()
positional=()
while (($#)); do
  case $1 in
    --ndebug) ndebug=1 ;;
    --try) try=1 ;;
    --commit) commit=${2:?--commit needs a SHA}; shift ;;
    --commit=*) commit=${1#*=} ;;
    --check) check=1 ;;
    --check-only) check=1 build=0 ;;
    -j) jobs=${2:?-j needs a number}; shift ;;
    -j*) jobs=${1#-j} ;;
    --keep-going) keep=(-k0) ;;
    -h|--help) usage 0 ;;
    -*) die "unknown option $1" ;;
    *) positional+=("$1") ;;
  esac
  shift
done
((${#positional[@]} == 2)) || usage
src=$(cd "${positional[0]}" && pwd) || die "no such directory: ${positional[0]}"
mkdir -p "${positional[1]}"
bdir=$(cd "${positional[1]}" && pwd)
[[ -d $src/include/ttmlir/Dialect/D2M && -d $src/lib/Dialect/D2M ]] ||
  die "$src does not look like a tt-mlir source tree (no include/ttmlir/Dialect/D2M)"

# --- which commit is this? ---------------------------------------------------
if [[ -z $commit ]]; then
  if git -C "$src" rev-parse --is-inside-work-tree >/dev/null 2>&1 &&
     [[ $(git -C "$src" rev-parse --show-toplevel) == "$src" ]]; then
    commit=$(git -C "$src" rev-parse HEAD)
  elif [[ -f $src/.dstlab-commit ]]; then
    commit=$(tr -d ' \n\r\t' <"$src/.dstlab-commit")
  else
    die "cannot tell the commit of $src: not a git checkout, no .dstlab-commit file; pass --commit SHA"
  fi
fi
commit=$(tr 'A-F' 'a-f' <<<"$commit")
[[ $commit =~ ^[0-9a-f]{7,40}$ ]] || die "not a commit id: $commit"
kind=""
for k in "${known_commits[@]}"; do
  if [[ $commit == "$k"* || $k == "$commit"* ]]; then kind=$k; fi
done
if [[ -z $kind ]]; then
  ((try)) || die "tt-mlir commit $commit is not one this script knows (${known_commits[*]}); pass --try to attempt it anyway"
  kind=unknown
  log "commit $commit is unknown; trying anyway (--try)"
fi
log "tt-mlir $commit ($kind), asserts $( ((ndebug)) && echo OFF '(-DNDEBUG)' || echo ON)"

# --- copy + patch -------------------------------------------------------------
# The copy is redone only when the commit or this script (its edits) change,
# so that incremental rebuilds stay incremental.
stamp_want="$commit $(cat "$0" | sha256sum | cut -c1-16)"
copy="$bdir/src"
if ((build)) && [[ ! -f $copy/.dstlab-stamp || $(cat "$copy/.dstlab-stamp") != "$stamp_want" ]]; then
  log "copying $src -> $copy"
  rm -rf "$copy"
  mkdir -p "$copy/test/ttmlir/Dialect"
  cp -a "$src/include" "$src/lib" "$copy/"
  [[ -d $src/test/ttmlir/Dialect/D2M ]] && cp -a "$src/test/ttmlir/Dialect/D2M" "$copy/test/ttmlir/Dialect/"
  echo "$commit" >"$copy/.dstlab-commit"

  # Edits are (file, python regex, replacement, why). An edit whose pattern
  # is absent is reported and skipped: the next commit may not need it.
  COPY="$copy" KIND="$kind" python3 - <<'PYEOF'
import os, re, sys
root, kind = os.environ["COPY"], os.environ["KIND"]
applied, skipped = 0, 0

def edit(path, pattern, repl, why, count=0, flags=re.M):
    global applied, skipped
    p = os.path.join(root, path)
    if not os.path.exists(p):
        print(f"  skip (no file) {path}: {why}", file=sys.stderr); skipped += 1; return
    s = open(p).read()
    n2, n = re.subn(pattern, repl, s, count=count, flags=flags)
    if n == 0:
        print(f"  skip (no match) {path}: {why}", file=sys.stderr); skipped += 1; return
    open(p, "w").write(n2)
    print(f"  edit x{n} {path}: {why}", file=sys.stderr); applied += 1

def edit_all(globpat, pattern, repl, why):
    """edit() on every file matching globpat (relative to the copy)."""
    import glob
    global skipped
    files = sorted(glob.glob(os.path.join(root, globpat), recursive=True))
    hits = [f for f in files if re.search(pattern, open(f).read(), re.M)]
    if not hits:
        print(f"  skip (no match) {globpat}: {why}", file=sys.stderr); skipped += 1
    for f in hits:
        edit(os.path.relpath(f, root), pattern, repl, why)

# MLIR 22: AffineMap::dropResults gained a SmallBitVector overload, so a
# braced list `dropResults({1, 2})` is ambiguous; name the ArrayRef overload.
edit_all("lib/Dialect/**/*.cpp", r"\.dropResults\(\{([^{}]*)\}\)",
         r".dropResults(::llvm::ArrayRef<int64_t>{\1})",
         "MLIR 22: dropResults({..}) is ambiguous")

print(f"  {applied} edits applied, {skipped} skipped", file=sys.stderr)
PYEOF
  echo "$stamp_want" >"$copy/.dstlab-stamp"
fi

# --- configure + build ----------------------------------------------------------
if ((build)); then
  command -v flatc >/dev/null && [[ -f /usr/include/flatbuffers/flatbuffers.h ]] || {
    log "installing flatbuffers-compiler libflatbuffers-dev"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq flatbuffers-compiler libflatbuffers-dev >/dev/null
  }
  opt_flags="-O0"
  ((ndebug)) && opt_flags="-O2"
  cmake -G Ninja -S "$proj" -B "$bdir" \
    -DTTMLIR_SRC="$copy" \
    -DCMAKE_BUILD_TYPE=None \
    -DCMAKE_CXX_FLAGS="$opt_flags" \
    -DCMAKE_C_COMPILER="$(command -v "${CC:-gcc}")" -DCMAKE_CXX_COMPILER="$(command -v "${CXX:-g++}")" \
    -DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache \
    -DTTD_NDEBUG=$( ((ndebug)) && echo ON || echo OFF) >"$bdir/configure.log" 2>&1 ||
    { tail -40 "$bdir/configure.log" >&2; die "cmake configure failed (see $bdir/configure.log)"; }
  grep 'ttmlir-dst passes' "$bdir/configure.log" | sed 's/^-- /build-ttmlir-dst: /' >&2 || true
  start=$(date +%s)
  ninja -C "$bdir" -j "$jobs" "${keep[@]}" ttmlir-dst-opt || die "build failed"
  log "built $bdir/bin/ttmlir-dst-opt in $(( $(date +%s) - start ))s"
fi

# --- check: the commit's own DST-pass lit tests -----------------------------
if ((check)); then
  [[ -x $bdir/bin/ttmlir-dst-opt ]] || die "no $bdir/bin/ttmlir-dst-opt; build first"
  tests="$bdir/check"
  rm -rf "$tests"
  mkdir -p "$tests/tools"
  ln -s "$bdir/bin/ttmlir-dst-opt" "$tests/tools/ttmlir-opt"
  n=0
  testroot=$copy/test/ttmlir/Dialect/D2M
  [[ -d $testroot ]] || testroot=$src/test/ttmlir/Dialect/D2M
  while IFS= read -r -d '' t; do
    cp "$t" "$tests/"
    n=$((n + 1))
  done < <(find "$testroot" -name 'insert_dst_register_access*.mlir' -print0 | sort -z)
  ((n)) || die "no insert_dst_register_access*.mlir tests under $testroot"
  cat >"$tests/lit.cfg.py" <<EOF
# Generated by build-ttmlir-dst.sh: run tt-mlir's DST lit tests with
# ttmlir-dst-opt standing in for ttmlir-opt.
import lit.formats
config.name = "ttmlir-dst"
config.test_format = lit.formats.ShTest(True)
config.suffixes = [".mlir"]
config.test_source_root = "$tests"
config.test_exec_root = "$tests/out"
config.excludes = ["probe", "out", "tools"]
config.environment["PATH"] = "$tests/tools:$llvm_bin:" + config.environment.get("PATH", "/usr/bin:/bin")
EOF
  log "running $n lit tests from $testroot"
  set +e
  "$llvm_bin/lit" -v --no-progress-bar "$tests" 2>&1 | tee "$tests/lit.log"
  rc=${PIPESTATUS[0]}
  set -e
  summary=$(grep -E '^ *(Passed|Failed|Unsupported|Unresolved|Expectedly|Unexpectedly|Timed)' "$tests/lit.log" | tr -s ' ' | paste -sd, -)
  log "lit: $summary (log: $tests/lit.log)"
  # Assertion probe: a compute op with two uses in one DST region must make
  # the pass print tt-mlir's own assert message (asserts-on builds only).
  eltwise=$(find "$testroot" -name insert_dst_register_access_eltwise.mlir | head -1)
  if [[ -n $eltwise ]]; then
    set +e
    mkdir -p "$tests/probe"
    python3 "$proj/assert-probe.py" "$bdir/bin/ttmlir-dst-opt" "$(dirname "$eltwise")" "$tests/probe" >&2
    prc=$?
    set -e
    if ((prc == 1 && ndebug)); then
      log "assert-probe: no assertion message, as expected with --ndebug (see $tests/probe/multi_user_probe.log)"
    elif ((prc != 0)); then
      log "assert-probe: FAILED (see $tests/probe/multi_user_probe.log)"
      ((rc)) || rc=3
    fi
  fi
  exit "$rc"
fi
