# Sourced by run.sh and scripts/sanitize.sh: sets the array `real` to the
# --ttmlir-opt options of the four real tt-mlir builds (ae4e7b838c and
# 19c86fca45, asserts on and NDEBUG), replayed from their recorded outputs
# in tests/data/ttmlir: the ground truth the upstream model is held to.
# Needs `root` (the repository) set.
real=()
for label in ae4e7b838c ae4e7b838c-ndebug 19c86fca45 19c86fca45-ndebug; do
  commit=${label%-ndebug}
  [[ $label == *-ndebug ]] && commit+=+ndebug
  real+=(--ttmlir-opt "$label=recorded:$root/tests/data/ttmlir@$commit")
done
