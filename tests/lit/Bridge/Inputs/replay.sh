#!/bin/bash
# Replays every recorded real tt-mlir output (tests/data/ttmlir) through
# `dstlab import --run`: one line per output, "commit mode repro config:
# outcome [signature]", sorted. Without outputs (a crash, a diagnostic) the
# line gives the real tool's exit status instead.
set -u
dstlab=$1; data=$2; repros=$3
for d in "$data"/*/*/*/; do
  d=${d%/}
  config=$(basename "$d"); repro=$(basename "$(dirname "$d")")
  commit=$(basename "$(dirname "$(dirname "$d")")")
  if [ -f "$d/export-error.txt" ]; then
    echo "$commit export $repro $config: refused"
    continue
  fi
  for mode in assert ndebug; do
    [ -d "$d/$mode" ] || continue
    if [ ! -f "$d/$mode/output.mlir" ]; then
      echo "$commit $mode $repro $config: real exit $(cat "$d/$mode/status")"
      continue
    fi
    line=$("$dstlab" import "$repros/$repro.mlir" --program "$config" \
           --from "ttmlir@$commit" "$d/$mode/output.mlir" --run --seeds 1 \
           2>&1 | head -1)
    echo "$commit $mode $repro $config: ${line#*): }"
  done
done | LC_ALL=C sort
