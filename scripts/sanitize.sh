#!/usr/bin/env bash
# The sanitizer run: build the asan preset (clang-22, ASan + UBSan, stop at
# the first report), run every test and the default repro matrix under it.
# With --fuzz, also run each libFuzzer target for DSTLAB_FUZZ_SECONDS (60).
# Usage: scripts/sanitize.sh [--fuzz]     (see docs/sanitizers.md)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
fuzz=0
for arg in "$@"; do
  case $arg in
  --fuzz) fuzz=1 ;;
  *) echo "sanitize.sh: unknown argument '$arg' (expected --fuzz)" >&2; exit 2 ;;
  esac
done

"$root/scripts/setup.sh" asan
build=$root/build-asan
# abort_on_error: a report is a SIGABRT, which the harness and lit's `not`
# both treat as a crash, never as an ordinary failing exit.
export ASAN_OPTIONS=allow_user_poisoning=0:abort_on_error=1:detect_leaks=1:check_initialization_order=1:strict_init_order=1:detect_stack_use_after_return=1
export UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1:abort_on_error=1
export LSAN_OPTIONS=suppressions=$root/scripts/lsan.supp:print_suppressions=0

status=0
(cd "$build" && ctest --output-on-failure -j2 -LE fuzz) || status=1

# The default matrix, as ./run.sh runs it (real columns replayed), with a
# longer per-cell limit: instrumented code runs up to 8x slower.
# The real tt-mlir builds as columns, replayed (sets `real`).
source "$root/scripts/real-columns.sh"
"$build/tools/dstlab/dstlab" matrix "$root/repros" --jobs 2 --timeout 1800 \
  --out "$build/matrix-out" "${real[@]}" || status=1
"$build/tools/dstlab/dstlab" report "$build/matrix-out/matrix.json" \
  --out "$build/matrix-out" || status=1

if ((fuzz)); then
  (cd "$build" && ctest --output-on-failure -L fuzz) || status=1
fi
exit $status
