#!/usr/bin/env bash
# Build dstlab, run the repro matrix over every variant and write the reports
# to reports/out/.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
"$root/scripts/setup.sh" dev
dstlab=$root/build/tools/dstlab/dstlab
if [[ ! -x $dstlab ]]; then
  echo "dstlab: the matrix harness (tools/dstlab) is not built yet; only dstlab-opt exists."
  exit 0
fi
mkdir -p "$root/reports/out"
"$dstlab" matrix "$root/repros" --jobs 2 --out "$root/reports/out" "$@"
