#!/usr/bin/env bash
# Checks that every C++ file of the repository is formatted as
# .clang-format (LLVM style) says, with Debian's clang-format 14; lists the
# files that are not. Fix them with: scripts/check-format.sh --fix
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cf=${CLANG_FORMAT:-clang-format-14}
cd "$root"
mapfile -t files < <(find bench bridge compiler discover fixes golden harness \
  reports scripts sim support tests tools -name '*.cpp' -o -name '*.h' | sort)
if [[ ${1:-} == --fix ]]; then
  "$cf" -i "${files[@]}"
  exit 0
fi
bad=()
for f in "${files[@]}"; do
  "$cf" --dry-run -Werror "$f" >/dev/null 2>&1 || bad+=("$f")
done
if ((${#bad[@]})); then
  echo "not formatted (scripts/check-format.sh --fix):"
  printf '  %s\n' "${bad[@]}"
  exit 1
fi
echo "clang-format: ${#files[@]} files formatted"
