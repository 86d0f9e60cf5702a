#!/usr/bin/env bash
# Build and run every dstlab test (lit, GoogleTest, end-to-end) through CTest.
# The exit code is the tests' verdict.
set -euo pipefail
root=$(cd "$(dirname "$0")" && pwd)
preset=dev
# CI builds the ci preset: Release, warnings are errors.
[[ ${CI:-} == true ]] && preset=ci
"$root/scripts/setup.sh" "$preset"
builddir=$root/build
[[ $preset == ci ]] && builddir=$root/build-ci
cd "$builddir"
# Benchmarks (label bench) only when asked for: `./test.sh -L bench`.
filter=(-LE bench)
for a in "$@"; do
  [[ $a == -L || $a == --label-regex || $a == -L* ]] && filter=()
done
ctest --output-on-failure -j2 "${filter[@]}" "$@"
