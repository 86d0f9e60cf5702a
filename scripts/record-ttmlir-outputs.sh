#!/bin/bash
# Records what real tt-mlir builds do on dstlab's exports, as test data.
#
#   scripts/record-ttmlir-outputs.sh BUILDS_DIR OUT_DIR [REPRO...]
#
# BUILDS_DIR holds scripts/build-ttmlir-dst.sh builds named <commit> (asserts
# on) and <commit>-ndebug. For every repro configuration and known commit:
#   OUT_DIR/<commit>/<repro>/<config>/input.mlir        dstlab export
#   OUT_DIR/<commit>/<repro>/<config>/export-error.txt  (when export refuses)
#   OUT_DIR/<commit>/<repro>/<config>/{assert,ndebug}/status      exit status
#   OUT_DIR/<commit>/<repro>/<config>/{assert,ndebug}/stderr.txt  (up to the
#       stack dump, which holds addresses)
#   OUT_DIR/<commit>/<repro>/<config>/{assert,ndebug}/output.mlir post-pass IR,
#       printed with -mlir-print-op-generic -mlir-print-local-scope
#   OUT_DIR/<commit>/LABEL  commit, compiler and flags
set -u
builds=$1; out=$2; shift 2
root=$(cd "$(dirname "$0")/.." && pwd)
dstlab=${DSTLAB:-$root/build/tools/dstlab/dstlab}
repros=("$@")
[ ${#repros[@]} -eq 0 ] && repros=("$root"/repros/*.mlir)
for commit in ae4e7b838c 19c86fca45; do
  pipeline=$("$dstlab" export --print-pipeline --to "ttmlir@$commit") || exit 2
  mkdir -p "$out/$commit"
  {
    echo "commit: $commit"
    echo "pipeline: $pipeline -mlir-print-op-generic -mlir-print-local-scope"
    for mode in assert ndebug; do
      b=$builds/$commit; [ $mode = ndebug ] && b=$builds/$commit-ndebug
      cxx=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$b/CMakeCache.txt" 2>/dev/null)
      echo "$mode: $b/bin/ttmlir-dst-opt ($cxx$([ $mode = ndebug ] && echo ', -DNDEBUG'))"
    done
  } > "$out/$commit/LABEL"
  for f in "${repros[@]}"; do
    r=$(basename "$f" .mlir)
    for p in $(sed -n 's/^tl\.program @\([A-Za-z0-9_]*\).*/\1/p' "$f"); do
      d=$out/$commit/$r/$p; rm -rf "$d"; mkdir -p "$d"
      if ! "$dstlab" export "$f" --program "$p" --to "ttmlir@$commit" \
           -o "$d/input.mlir" 2> "$d/export-error.txt"; then
        sed -i "s|$root/||g" "$d/export-error.txt"
        echo "$commit $r $p: export refused"; continue
      fi
      rm -f "$d/export-error.txt"
      for mode in assert ndebug; do
        b=$builds/$commit; [ $mode = ndebug ] && b=$builds/$commit-ndebug
        [ -x "$b/bin/ttmlir-dst-opt" ] || continue
        mkdir -p "$d/$mode"
        # shellcheck disable=SC2086
        timeout 120 "$b/bin/ttmlir-dst-opt" $pipeline -mlir-print-op-generic \
          -mlir-print-local-scope "$d/input.mlir" -o "$d/$mode/output.mlir" \
          2> "$d/$mode/stderr.raw" < /dev/null
        echo $? > "$d/$mode/status"
        sed -e '/^Stack dump:/,$d' -e '/^PLEASE submit/d' -e "s|$d/||g" \
          "$d/$mode/stderr.raw" > "$d/$mode/stderr.txt"
        rm -f "$d/$mode/stderr.raw"
        [ -s "$d/$mode/output.mlir" ] || rm -f "$d/$mode/output.mlir"
        echo "$commit $mode $r $p: exit $(cat "$d/$mode/status")"
      done
    done
  done
done
# What the replay of these recordings makes of them: the e2e-real-replay
# test holds later replays to it.
# (only for a full recording: a partial one would drop the other cells)
if [ "$*" = "" ]; then
  python3 "$root/tests/e2e/check_real.py" replay --dstlab "$dstlab" \
    --repros "$root/repros" --data "$out" --work "$(mktemp -d)" --write
fi
