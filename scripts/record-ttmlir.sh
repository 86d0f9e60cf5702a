#!/usr/bin/env bash
# record-ttmlir.sh: record what real tt-mlir builds do with every repro
# configuration, as test data for CI (which has no tt-mlir build).
#
# Usage:
#   scripts/record-ttmlir.sh BUILDS_DIR [OUT_DIR]
#
# BUILDS_DIR holds the four builds of scripts/build-ttmlir-dst.sh:
#   ae4e7b838c/ ae4e7b838c-ndebug/ 19c86fca45/ 19c86fca45-ndebug/
# each with bin/ttmlir-dst-opt. OUT_DIR (default tests/data/ttmlir) gets one
# recording directory per build (<label>/<repro>/<program>/: input.mlir,
# output.mlir, stderr.txt, run.json; see harness/RealTool.h) and
# outcomes.json, the outcome of every real cell after import and simulation,
# which the replay test (tests/e2e/check_real.py replay) holds the replay to.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
builds=${1:?usage: scripts/record-ttmlir.sh BUILDS_DIR [OUT_DIR]}
out=${2:-$root/tests/data/ttmlir}
dstlab=$root/build/tools/dstlab/dstlab
[[ -x $dstlab ]] || { echo "record-ttmlir: build dstlab first (./run.sh or ./test.sh)" >&2; exit 1; }

tools=()
for label in ae4e7b838c ae4e7b838c-ndebug 19c86fca45 19c86fca45-ndebug; do
  bin=$builds/$label/bin/ttmlir-dst-opt
  [[ -x $bin ]] || { echo "record-ttmlir: missing $bin (scripts/build-ttmlir-dst.sh)" >&2; exit 1; }
  commit=${label%-ndebug}
  suffix=""
  [[ $label == *-ndebug ]] && suffix=+ndebug
  tools+=(--ttmlir-opt "$label=$bin@$commit$suffix")
done

rm -rf "$out.new"
mkdir -p "$out.new"
status=0
"$dstlab" matrix "$root/repros" --variants upstream,upstream-release \
  --seeds 1 --jobs 2 --timeout 300 --no-timing --quiet \
  "${tools[@]}" --record "$out.new" --out "$out.new/matrix" || status=$?
python3 "$root/tests/e2e/check_real.py" outcomes \
  --matrix "$out.new/matrix/matrix.json" --write "$out.new/outcomes.json"
rm -rf "$out.new/matrix"
rm -rf "$out"
mv "$out.new" "$out"
echo "record-ttmlir: wrote $out (matrix exit $status)"
