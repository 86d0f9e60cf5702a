#!/usr/bin/env bash
# Shared set-up for ./run.sh and ./test.sh: install the Debian packages that
# are missing (only those), configure once, build incrementally.
# Usage: scripts/setup.sh <preset>   (dev, ci or asan)
set -euo pipefail
preset=${1:-dev}
root=$(cd "$(dirname "$0")/.." && pwd)

packages=(cmake ninja-build g++ ccache libgtest-dev libbenchmark-dev
  libmlir-22-dev mlir-22-tools llvm-22-dev llvm-22-tools python3 chromium)
# The sanitizer build uses clang-22 (ASan, UBSan and libFuzzer runtimes).
[[ $preset == asan ]] && packages+=(clang-22 libclang-rt-22-dev)
# The ci preset also checks formatting (scripts/check-format.sh).
[[ $preset == ci ]] && packages+=(clang-format-14)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' ||
    missing+=("$p")
done
if ((${#missing[@]})); then
  echo "dstlab: installing missing packages: ${missing[*]}"
  sudo=""
  [[ $(id -u) -eq 0 ]] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
    "${missing[@]}" >/dev/null
fi

cd "$root"
builddir=build
[[ $preset != dev ]] && builddir=build-$preset
if [[ ! -f $builddir/build.ninja ]]; then
  cmake --preset "$preset" >/dev/null
fi
cmake --build --preset "$preset"
