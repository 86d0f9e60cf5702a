// repro: fuzz-18
// origin: dstlab fuzz --seed 18 --count 1000 (all five variants), every bucket's first program reduced by dstlab reduce; docs/fuzzing.md
// seed: 18
// shows: what the fuzzer found, one configuration per distinct reduced program;
//   each config line names the buckets (VARIANT: SIGNATURE) it reproduces.
// config @fuzz_18_0_multi_user: from fuzz_18_0 (15 -> 1 block ops); multi-user: hazard "invalid-reduce-scaler"
// config @fuzz_18_0_upstream_release: from fuzz_18_0 (15 -> 2 block ops); upstream-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice N"; upstream: crash "Currently we do not support multiple users in the same compute dst region."
// config @fuzz_18_102_upstream_release: from fuzz_18_102 (6 -> 3 block ops); upstream-release: hazard "dst-index-out-of-range"
// config @fuzz_18_108_multi_user: from fuzz_18_108 (4 -> 3 block ops); multi-user: error "'d2m.tile_add' op needs N DST slices where N fit, and no live value can be spilled"
// config @fuzz_18_10_unary_reduce: from fuzz_18_10 (7 -> 2 block ops); unary-reduce: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice N"; upstream-release: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice N"
// config @fuzz_18_10_upstream: from fuzz_18_10 (7 -> 3 block ops); upstream: crash "Insufficient DST capacity for all operands."
// config @fuzz_18_10_upstream_release: from fuzz_18_10 (7 -> 2 block ops); upstream-release: error "'affine.store' op expects as many subscripts as affine map inputs"
// config @fuzz_18_120_upstream: from fuzz_18_120 (4 -> 1 block ops); upstream: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice N"
// config @fuzz_18_131_upstream_release: from fuzz_18_131 (15 -> 15 block ops); upstream-release: hazard "dst-read-uninitialised"
// config @fuzz_18_136_upstream_release: from fuzz_18_136 (6 -> 1 block ops); upstream-release: hazard "cb-read-not-visible"
// config @fuzz_18_161_upstream_release: from fuzz_18_161 (9 -> 1 block ops); upstream-release: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice N"
// config @fuzz_18_16_upstream_release: from fuzz_18_16 (7 -> 1 block ops); upstream-release: crash "signal SIGSEGV"; upstream: crash "largestType"
// config @fuzz_18_179_upstream: from fuzz_18_179 (7 -> 7 block ops); upstream: hazard "dst-read-uninitialised"
// config @fuzz_18_187_upstream: from fuzz_18_187 (11 -> 2 block ops); upstream: crash "Multiple interpretations of DST not supported."
// config @fuzz_18_18_multi_user: from fuzz_18_18 (9 -> 1 block ops); multi-user: miscompiled
// config @fuzz_18_1_multi_user: from fuzz_18_1 (16 -> 2 block ops); multi-user: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got NxN tiles"; upstream-release: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got NxN tiles"; upstream: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got NxN tiles"
// config @fuzz_18_1_unary_reduce: from fuzz_18_1 (16 -> 4 block ops); unary-reduce: crash "Insufficient DST capacity for all operands."
// config @fuzz_18_233_multi_user: from fuzz_18_233 (16 -> 3 block ops); multi-user: hazard "pack-not-reserved"
// config @fuzz_18_28_upstream_release: from fuzz_18_28 (7 -> 2 block ops); upstream-release: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice N"
// config @fuzz_18_290_upstream_release: from fuzz_18_290 (10 -> 2 block ops); upstream-release: miscompiled; upstream: miscompiled
// config @fuzz_18_2_unary_reduce: from fuzz_18_2 (14 -> 2 block ops); unary-reduce: crash "Expected same guard indices across all accesses in this loop nest."
// config @fuzz_18_36_unary_reduce: from fuzz_18_36 (14 -> 1 block ops); unary-reduce: hazard "dst-read-uninitialised"
// config @fuzz_18_37_upstream: from fuzz_18_37 (9 -> 2 block ops); upstream: crash "storeIndices size must match destination memref rank. If it's greater, probably need to use getNonParticipatingLoopDims to skip loop dimensions: https://github.com/tenstorrent/tt-mlir/pull/N#discussion_r2376709558"
// config @fuzz_18_474_upstream: from fuzz_18_474 (4 -> 3 block ops); upstream: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice N"
// config @fuzz_18_4_multi_user: from fuzz_18_4 (6 -> 3 block ops); multi-user: error "'d2m.tile_matmul' op needs N DST slices where N fit, and no live value can be spilled"
// config @fuzz_18_4_upstream: from fuzz_18_4 (6 -> 2 block ops); upstream: crash "Only one output tensor is supported"
// config @fuzz_18_4_upstream_release: from fuzz_18_4 (6 -> 2 block ops); upstream-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice N"
// config @fuzz_18_5_unary_reduce: from fuzz_18_5 (13 -> 2 block ops); unary-reduce: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice N"
// config @fuzz_18_730_upstream: from fuzz_18_730 (7 -> 2 block ops); upstream: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice N"
// config @fuzz_18_760_upstream: from fuzz_18_760 (7 -> 2 block ops); upstream: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice N"
// config @fuzz_18_773_multi_user: from fuzz_18_773 (12 -> 4 block ops); multi-user: error "'d2m.tile_bcast' op needs N DST slices where N fit, and no live value can be spilled"
// config @fuzz_18_792_multi_user: from fuzz_18_792 (16 -> 4 block ops); multi-user: error "'affine.store' op needs N DST slices where N fit, and no live value can be spilled"
// config @fuzz_18_87_unary_reduce: from fuzz_18_87 (12 -> 2 block ops); unary-reduce: miscompiled
// config @fuzz_18_90_upstream: from fuzz_18_90 (7 -> 1 block ops); upstream: crash "Expected same guard indices across all accesses in this loop nest."
// config @fuzz_18_94_upstream_release: from fuzz_18_94 (13 -> 1 block ops); upstream-release: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice N"; upstream: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice N"
// config @fuzz_18_529_fixed: from fuzz_18_529 (16 -> 4 block ops), reduced before the fix; fixed: miscompiled, a bug of fix 1 (a CB tile read again by the FPU freed the DST slice it had handed to an in-place max); fixed in fixes/MultiUserDst
// config @fuzz_18_818_fixed: from fuzz_18_818 (14 -> 2 block ops); fixed: miscompiled, an artefact of the verdict, not of the compiler: every row of the colvec output is the same number (bcast rows), so one rounding moves all of them, past the rms floor that assumes independent elements (harness/Verdict.h)
// expect upstream: pass
// expect upstream-release: pass
// expect upstream-2026: pass
// expect upstream-2026-release: pass
// expect multi-user: pass
// expect unary-reduce: pass
// expect fixed: pass
// expect[@fuzz_18_0_multi_user] upstream: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_0_multi_user] upstream-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_0_multi_user] multi-user: hazard invalid-reduce-scaler
// expect[@fuzz_18_0_upstream_release] upstream: crash "Currently we do not support multiple users in the same compute dst region."
// expect[@fuzz_18_0_upstream_release] upstream-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 2"
// expect[@fuzz_18_102_upstream_release] upstream: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_102_upstream_release] upstream-release: error "operand #1 does not dominate this use"
// expect[@fuzz_18_102_upstream_release] unary-reduce: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_108_multi_user] upstream: crash "Only one output tensor is supported"
// expect[@fuzz_18_108_multi_user] upstream-release: error "operand #1 does not dominate this use"
// expect[@fuzz_18_108_multi_user] multi-user: error "'d2m.tile_add' op needs 5 DST slices where 4 fit, and no live value can be spilled"
// expect[@fuzz_18_108_multi_user] unary-reduce: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_10_unary_reduce] upstream: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_10_unary_reduce] upstream-release: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_10_unary_reduce] unary-reduce: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_10_upstream] upstream: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_10_upstream] upstream-release: error "operand #1 does not dominate this use"
// expect[@fuzz_18_10_upstream_release] upstream: crash "storeIndices size must match destination memref rank. If it's greater, probably need to use getNonParticipatingLoopDims to skip loop dimensions: https://github.com/tenstorrent/tt-mlir/pull/5081#discussion_r2376709558"
// expect[@fuzz_18_10_upstream_release] upstream-release: error "'affine.store' op expects as many subscripts as affine map inputs"
// expect[@fuzz_18_10_upstream_release] multi-user: miscompiled
// expect[@fuzz_18_120_upstream] upstream: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_120_upstream] upstream-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_120_upstream] multi-user: hazard invalid-reduce-scaler
// expect[@fuzz_18_131_upstream_release] upstream: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_131_upstream_release] upstream-release: error "operand #1 does not dominate this use"
// expect[@fuzz_18_131_upstream_release] unary-reduce: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_136_upstream_release] upstream: hazard cb-read-not-visible
// expect[@fuzz_18_136_upstream_release] upstream-release: hazard cb-read-not-visible
// expect[@fuzz_18_161_upstream_release] upstream: crash "Expected same guard indices across all accesses in this loop nest."
// expect[@fuzz_18_161_upstream_release] upstream-release: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_161_upstream_release] unary-reduce: crash "Expected same guard indices across all accesses in this loop nest."
// expect[@fuzz_18_16_upstream_release] upstream: crash "largestType"
// expect[@fuzz_18_16_upstream_release] upstream-release: crash "signal SIGSEGV"
// expect[@fuzz_18_179_upstream] upstream: error "operand #1 does not dominate this use"
// expect[@fuzz_18_179_upstream] upstream-release: error "operand #1 does not dominate this use"
// expect[@fuzz_18_179_upstream] unary-reduce: error "operand #1 does not dominate this use"
// expect[@fuzz_18_187_upstream] upstream: crash "Multiple interpretations of DST not supported."
// expect[@fuzz_18_187_upstream] upstream-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_187_upstream] multi-user: hazard invalid-reduce-scaler
// expect[@fuzz_18_18_multi_user] upstream: miscompiled
// expect[@fuzz_18_18_multi_user] upstream-release: miscompiled
// expect[@fuzz_18_18_multi_user] multi-user: miscompiled
// expect[@fuzz_18_1_multi_user] upstream: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got 2x1 tiles"
// expect[@fuzz_18_1_multi_user] upstream-release: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got 2x1 tiles"
// expect[@fuzz_18_1_multi_user] multi-user: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got 2x1 tiles"
// expect[@fuzz_18_1_multi_user] unary-reduce: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_1_unary_reduce] upstream: crash "Currently we do not support multiple users in the same compute dst region."
// expect[@fuzz_18_1_unary_reduce] upstream-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 6"
// expect[@fuzz_18_1_unary_reduce] multi-user: hazard invalid-reduce-scaler
// expect[@fuzz_18_1_unary_reduce] unary-reduce: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_233_multi_user] upstream: error "'d2m.generic' op must currently have exactly one output operand"
// expect[@fuzz_18_233_multi_user] upstream-release: error "'d2m.generic' op must currently have exactly one output operand"
// expect[@fuzz_18_233_multi_user] multi-user: hazard pack-not-reserved
// expect[@fuzz_18_28_upstream_release] upstream: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_28_upstream_release] upstream-release: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_290_upstream_release] upstream: error "operand #1 does not dominate this use"
// expect[@fuzz_18_290_upstream_release] upstream-release: error "operand #1 does not dominate this use"
// expect[@fuzz_18_290_upstream_release] unary-reduce: error "operand #1 does not dominate this use"
// expect[@fuzz_18_2_unary_reduce] upstream: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got 1x2 tiles"
// expect[@fuzz_18_2_unary_reduce] upstream-release: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got 1x2 tiles"
// expect[@fuzz_18_2_unary_reduce] multi-user: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got 1x2 tiles"
// expect[@fuzz_18_2_unary_reduce] unary-reduce: crash "Expected same guard indices across all accesses in this loop nest."
// expect[@fuzz_18_36_unary_reduce] upstream: error "'d2m.generic' op must currently have exactly one output operand"
// expect[@fuzz_18_36_unary_reduce] upstream-release: error "'d2m.generic' op must currently have exactly one output operand"
// expect[@fuzz_18_36_unary_reduce] unary-reduce: hazard dst-read-uninitialised
// expect[@fuzz_18_37_upstream] upstream: crash "storeIndices size must match destination memref rank. If it's greater, probably need to use getNonParticipatingLoopDims to skip loop dimensions: https://github.com/tenstorrent/tt-mlir/pull/5081#discussion_r2376709558"
// expect[@fuzz_18_37_upstream] upstream-release: error "'affine.store' op expects as many subscripts as affine map inputs"
// expect[@fuzz_18_474_upstream] upstream: error "'d2m.generic' op must currently have exactly one output operand"
// expect[@fuzz_18_474_upstream] upstream-release: error "'d2m.generic' op must currently have exactly one output operand"
// expect[@fuzz_18_474_upstream] unary-reduce: hazard dst-read-uninitialised
// expect[@fuzz_18_4_multi_user] upstream: crash "Only one output tensor is supported"
// expect[@fuzz_18_4_multi_user] upstream-release: hazard cb-read-not-visible
// expect[@fuzz_18_4_multi_user] multi-user: error "'d2m.tile_matmul' op needs 9 DST slices where 4 fit, and no live value can be spilled"
// expect[@fuzz_18_4_multi_user] unary-reduce: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_4_upstream] upstream: crash "Only one output tensor is supported"
// expect[@fuzz_18_4_upstream] upstream-release: hazard cb-read-not-visible
// expect[@fuzz_18_4_upstream] multi-user: error "'d2m.tile_add' op needs 5 DST slices where 4 fit, and no live value can be spilled"
// expect[@fuzz_18_4_upstream_release] upstream: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_4_upstream_release] upstream-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_5_unary_reduce] upstream: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_5_unary_reduce] upstream-release: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_5_unary_reduce] unary-reduce: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_730_upstream] upstream: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_730_upstream] upstream-release: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_760_upstream] upstream: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_760_upstream] upstream-release: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_760_upstream] unary-reduce: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_773_multi_user] upstream: crash "Only one output tensor is supported"
// expect[@fuzz_18_773_multi_user] upstream-release: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 4"
// expect[@fuzz_18_773_multi_user] multi-user: error "'d2m.tile_bcast' op needs 5 DST slices where 4 fit, and no live value can be spilled"
// expect[@fuzz_18_773_multi_user] unary-reduce: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_792_multi_user] upstream: crash "Only one output tensor is supported"
// expect[@fuzz_18_792_multi_user] upstream-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_792_multi_user] multi-user: error "'affine.store' op needs 5 DST slices where 4 fit, and no live value can be spilled"
// expect[@fuzz_18_792_multi_user] unary-reduce: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_87_unary_reduce] upstream: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_87_unary_reduce] upstream-release: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_87_unary_reduce] unary-reduce: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_90_upstream] upstream: crash "Expected same guard indices across all accesses in this loop nest."
// expect[@fuzz_18_90_upstream] upstream-release: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_90_upstream] multi-user: hazard invalid-reduce-scaler
// expect[@fuzz_18_94_upstream_release] upstream: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_94_upstream_release] upstream-release: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_94_upstream_release] multi-user: hazard invalid-reduce-scaler
// expect[@fuzz_18_529_fixed] upstream: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_529_fixed] upstream-release: error "operand #1 does not dominate this use"
// expect[@fuzz_18_529_fixed] unary-reduce: crash "Insufficient DST capacity for all operands."
// expect[@fuzz_18_818_fixed] upstream: crash "Only one output tensor is supported"
// expect[@fuzz_18_818_fixed] upstream-release: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_818_fixed] multi-user: miscompiled
// expect[@fuzz_18_818_fixed] unary-reduce: miscompiled
// expect[@fuzz_18_818_fixed] fixed: miscompiled
// expect[@fuzz_18_0_multi_user] upstream-2026: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_0_multi_user] upstream-2026-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_0_upstream_release] upstream-2026: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_0_upstream_release] upstream-2026-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_102_upstream_release] upstream-2026: miscompiled
// expect[@fuzz_18_102_upstream_release] upstream-2026-release: miscompiled
// expect[@fuzz_18_108_multi_user] upstream-2026: crash "Out of dst slices"
// expect[@fuzz_18_108_multi_user] upstream-2026-release: crash "signal SIGSEGV"
// expect[@fuzz_18_10_unary_reduce] upstream-2026: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_10_unary_reduce] upstream-2026-release: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_10_upstream] upstream-2026: crash "Out of dst slices"
// expect[@fuzz_18_10_upstream] upstream-2026-release: crash "signal SIGSEGV"
// expect[@fuzz_18_10_upstream_release] upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice -1"
// expect[@fuzz_18_10_upstream_release] upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice -1"
// expect[@fuzz_18_120_upstream] upstream-2026: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_120_upstream] upstream-2026-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_131_upstream_release] upstream-2026: error "operand #0 does not dominate this use"
// expect[@fuzz_18_131_upstream_release] upstream-2026-release: error "operand #0 does not dominate this use"
// expect[@fuzz_18_136_upstream_release] upstream-2026: hazard cb-read-not-visible
// expect[@fuzz_18_136_upstream_release] upstream-2026-release: hazard cb-read-not-visible
// expect[@fuzz_18_16_upstream_release] upstream-2026: error "'affine.for' op second compute nest in one DST section"
// expect[@fuzz_18_16_upstream_release] upstream-2026-release: error "'affine.for' op second compute nest in one DST section"
// expect[@fuzz_18_179_upstream] upstream-2026: error "operand #2 does not dominate this use"
// expect[@fuzz_18_179_upstream] upstream-2026-release: error "operand #2 does not dominate this use"
// expect[@fuzz_18_187_upstream] upstream-2026: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_187_upstream] upstream-2026-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_18_multi_user] upstream-2026: miscompiled
// expect[@fuzz_18_18_multi_user] upstream-2026-release: miscompiled
// expect[@fuzz_18_1_multi_user] upstream-2026: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got 2x1 tiles"
// expect[@fuzz_18_1_multi_user] upstream-2026-release: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got 2x1 tiles"
// expect[@fuzz_18_1_unary_reduce] upstream-2026: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 1"
// expect[@fuzz_18_1_unary_reduce] upstream-2026-release: error "'d2m.tile_reduce_max' op operand A must come from a circular buffer, but it lives in DST slice 1"
// expect[@fuzz_18_233_multi_user] upstream-2026: error "'affine.for' op second compute nest in one DST section"
// expect[@fuzz_18_233_multi_user] upstream-2026-release: error "'affine.for' op second compute nest in one DST section"
// expect[@fuzz_18_28_upstream_release] upstream-2026: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_28_upstream_release] upstream-2026-release: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_290_upstream_release] upstream-2026: error "operand #2 does not dominate this use"
// expect[@fuzz_18_290_upstream_release] upstream-2026-release: error "operand #2 does not dominate this use"
// expect[@fuzz_18_2_unary_reduce] upstream-2026: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got 1x2 tiles"
// expect[@fuzz_18_2_unary_reduce] upstream-2026-release: error "'tl.transpose' op per-tile transpose keeps tiles in place and needs a square block, got 1x2 tiles"
// expect[@fuzz_18_36_unary_reduce] upstream-2026: error "'affine.for' op compute nest without acquire_dst; run d2m-insert-dst-register-access first"
// expect[@fuzz_18_36_unary_reduce] upstream-2026-release: error "'affine.for' op compute nest without acquire_dst; run d2m-insert-dst-register-access first"
// expect[@fuzz_18_37_upstream] upstream-2026: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice -1"
// expect[@fuzz_18_37_upstream] upstream-2026-release: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice -1"
// expect[@fuzz_18_474_upstream] upstream-2026: error "'d2m.tile_sub' op mixes a CB and a DST operand"
// expect[@fuzz_18_474_upstream] upstream-2026-release: error "'d2m.tile_sub' op mixes a CB and a DST operand"
// expect[@fuzz_18_4_multi_user] upstream-2026: crash "Out of dst slices"
// expect[@fuzz_18_4_multi_user] upstream-2026-release: crash "signal SIGSEGV"
// expect[@fuzz_18_4_upstream] upstream-2026: hazard cb-read-not-visible
// expect[@fuzz_18_4_upstream] upstream-2026-release: hazard cb-read-not-visible
// expect[@fuzz_18_4_upstream_release] upstream-2026: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_4_upstream_release] upstream-2026-release: error "'d2m.tile_matmul' op operand B must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_5_unary_reduce] upstream-2026: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_5_unary_reduce] upstream-2026-release: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_730_upstream] upstream-2026: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_730_upstream] upstream-2026-release: error "'d2m.tile_matmul' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_760_upstream] upstream-2026: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_760_upstream] upstream-2026-release: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_773_multi_user] upstream-2026: crash "Out of dst slices"
// expect[@fuzz_18_773_multi_user] upstream-2026-release: crash "signal SIGSEGV"
// expect[@fuzz_18_792_multi_user] upstream-2026: crash "Out of dst slices"
// expect[@fuzz_18_792_multi_user] upstream-2026-release: crash "signal SIGSEGV"
// expect[@fuzz_18_87_unary_reduce] upstream-2026: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_87_unary_reduce] upstream-2026-release: error "'d2m.tile_transpose' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_90_upstream] upstream-2026: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_90_upstream] upstream-2026-release: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_94_upstream_release] upstream-2026: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_94_upstream_release] upstream-2026-release: error "'d2m.tile_reduce_sum' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_529_fixed] upstream-2026: pass
// expect[@fuzz_18_529_fixed] upstream-2026-release: pass
// expect[@fuzz_18_818_fixed] upstream-2026: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_818_fixed] upstream-2026-release: error "'d2m.tile_bcast' op operand A must come from a circular buffer, but it lives in DST slice 0"
// expect[@fuzz_18_10_upstream] unary-reduce: error "operand #1 does not dominate this use"
// expect[@fuzz_18_4_upstream] unary-reduce: error "operand #1 does not dominate this use"

tl.program @fuzz_18_0_multi_user grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xbf16>
  tl.tensor @O0  output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@A0] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xbf16>):
    %0 = tl.rowmax %arg0 : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %0 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_0_upstream_release grid [1, 1] {
  tl.tensor @O0  output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [] outs [@O0] {
    %0 = tl.fill 1.000000e+00 : tensor<32x32xbf16>
    %1 = tl.rowmax %0 : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %1 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_102_upstream_release grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xbf16>
  tl.tensor @A1  input : tensor<32x32xbf16>
  tl.tensor @O0  output : tensor<32x32xbf16>
  tl.kernel @k ins [@A0, @A1] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xbf16>, %arg1: tensor<32x32xbf16>):
    %0 = tl.add %arg1, %arg1 : tensor<32x32xbf16>, tensor<32x32xbf16>
    %1 = tl.max %0, %0 : tensor<32x32xbf16>, tensor<32x32xbf16>
    %2 = tl.max %arg0, %1 : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %2 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_108_multi_user grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xf32>
  tl.tensor @O0  output : tensor<32x32xf32>
  tl.kernel @k ins [@A0] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xf32>):
    %0 = tl.matmul %arg0, %arg0 : tensor<32x32xf32>, tensor<32x32xf32> -> tensor<32x32xf32>
    %1 = tl.sub %arg0, %0 : tensor<32x32xf32>, tensor<32x32xf32>
    %2 = tl.add %1, %1 : tensor<32x32xf32>, tensor<32x32xf32>
    tl.yield %2 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_10_unary_reduce grid [1, 1] {
  tl.tensor @O0  output : tensor<32x32xbf16>
  tl.kernel @k ins [] outs [@O0] {
    %0 = tl.fill 1.000000e+00 : tensor<32x32xbf16>
    %1 = tl.transpose %0 : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %1 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_10_upstream grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xbf16>
  tl.tensor @O0  output : tensor<32x32xbf16>
  tl.kernel @k ins [@A0] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xbf16>):
    %0 = tl.max %arg0, %arg0 : tensor<32x32xbf16>, tensor<32x32xbf16>
    %1 = tl.sub %0, %0 : tensor<32x32xbf16>, tensor<32x32xbf16>
    %2 = tl.matmul %1, %1 : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %2 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_10_upstream_release grid [1, 1] {
  tl.tensor @A0  input : tensor<64x64xbf16>
  tl.tensor @O0  output : tensor<64x64xbf16>
  tl.kernel @k ins [@A0] outs [@O0] {
  ^bb0(%arg0: tensor<64x64xbf16>):
    %0 = tl.transpose %arg0 : tensor<64x64xbf16> -> tensor<64x64xbf16>
    %1 = tl.matmul %arg0, %0 : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    tl.yield %1 : tensor<64x64xbf16>
  }
}

tl.program @fuzz_18_120_upstream grid [1, 1] {
  tl.tensor @A2  input : tensor<32x32xf32>
  tl.tensor @O0  output colvec : tensor<32x32xf32>
  tl.kernel @k ins [@A2] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xf32>):
    %0 = tl.rowmax %arg0 : tensor<32x32xf32> -> tensor<32x32xf32>
    tl.yield %0 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_131_upstream_release grid [1, 2] {
  tl.tensor @A0  input : tensor<96x96xbf16>
  tl.tensor @A1  input : tensor<32x96xbf16>
  tl.tensor @A2  input : tensor<64x32xbf16>
  tl.tensor @O0  output : tensor<32x96xbf16>
  tl.kernel @k ins [@A0, @A1, @A2] outs [@O0] {
  ^bb0(%arg0: tensor<96x96xbf16>, %arg1: tensor<32x96xbf16>, %arg2: tensor<64x32xbf16>):
    %0 = tl.sub %arg0, %arg0 : tensor<96x96xbf16>, tensor<96x96xbf16>
    %1 = tl.rowmax %0 : tensor<96x96xbf16> -> tensor<96x32xbf16>
    %2 = tl.max %arg0, %0 : tensor<96x96xbf16>, tensor<96x96xbf16>
    %3 = tl.sub %arg1, %arg1 : tensor<32x96xbf16>, tensor<32x96xbf16>
    %4 = tl.sub %3, %arg1 : tensor<32x96xbf16>, tensor<32x96xbf16>
    %5 = tl.mul %2, %2 : tensor<96x96xbf16>, tensor<96x96xbf16>
    %6 = tl.sub %arg2, %arg2 : tensor<64x32xbf16>, tensor<64x32xbf16>
    %7 = tl.rowmax %6 : tensor<64x32xbf16> -> tensor<64x32xbf16>
    %8 = tl.add %7, %7 : tensor<64x32xbf16>, tensor<64x32xbf16>
    %9 = tl.rowsum %6 : tensor<64x32xbf16> -> tensor<64x32xbf16>
    %10 = tl.exp %1 : tensor<96x32xbf16>
    %11 = tl.max %9, %8 : tensor<64x32xbf16>, tensor<64x32xbf16>
    %12 = tl.matmul %2, %5 : tensor<96x96xbf16>, tensor<96x96xbf16> -> tensor<96x96xbf16>
    %13 = tl.sub %12, %10 bcast  cols : tensor<96x96xbf16>, tensor<96x32xbf16>
    %14 = tl.mul %4, %4 : tensor<32x96xbf16>, tensor<32x96xbf16>
    tl.yield %14 : tensor<32x96xbf16>
  }
}

tl.program @fuzz_18_136_upstream_release grid [1, 1] {
  tl.tensor @A1  input : tensor<32x32xbf16>
  tl.tensor @O0  output : tensor<32x32xbf16>
  tl.kernel @k ins [@A1] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xbf16>):
    %0 = tl.matmul %arg0, %arg0 : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %0 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_161_upstream_release grid [1, 1] {
  tl.tensor @A2  input : tensor<32x32xbf16>
  tl.tensor @O1  output colvec : tensor<64x32xbf16>
  tl.kernel @k ins [@A2] outs [@O1] {
  ^bb0(%arg0: tensor<32x32xbf16>):
    %0 = tl.bcast %arg0  rows : tensor<32x32xbf16> -> tensor<64x32xbf16>
    tl.yield %0 : tensor<64x32xbf16>
  }
}

tl.program @fuzz_18_16_upstream_release grid [1, 1] {
  tl.tensor @O0  output : tensor<32x32xf32>
  tl.kernel @k ins [] outs [@O0] {
    %0 = tl.fill 1.000000e+00 : tensor<32x32xf32>
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    %1 = scf.for %arg0 = %c0 to %c1 step %c1 iter_args(%arg1 = %0) -> (tensor<32x32xf32>) {
      scf.yield %arg1 : tensor<32x32xf32>
    }
    tl.yield %1 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_179_upstream grid [2, 1] {
  tl.tensor @A0  input : tensor<128x96xbf16>
  tl.tensor @A1  input : tensor<384x96xbf16>
  tl.tensor @O0  output : tensor<128x96xbf16>
  tl.kernel @k ins [@A0, @A1] outs [@O0] {
  ^bb0(%arg0: tensor<32x96xbf16>, %arg1: tensor<96x96xbf16>):
    %0 = tl.scale %arg0 by 1.250000e-01 : tensor<32x96xbf16>
    %1 = tl.add %0, %0 : tensor<32x96xbf16>, tensor<32x96xbf16>
    %2 = tl.matmul %1, %arg1 : tensor<32x96xbf16>, tensor<96x96xbf16> -> tensor<32x96xbf16>
    %3 = tl.rowmax %2 : tensor<32x96xbf16> -> tensor<32x32xbf16>
    %4 = tl.mul %arg1, %arg1 : tensor<96x96xbf16>, tensor<96x96xbf16>
    %5 = tl.add %4, %4 : tensor<96x96xbf16>, tensor<96x96xbf16>
    %6 = tl.max %arg0, %arg0 : tensor<32x96xbf16>, tensor<32x96xbf16>
    tl.yield %6 : tensor<32x96xbf16>
  }
}

tl.program @fuzz_18_187_upstream grid [1, 1] {
  tl.tensor @A0  input : tensor<96x96xf32>
  tl.tensor @O0  output : tensor<96x64xf32>
  tl.kernel @k ins [@A0] outs [@O0] {
  ^bb0(%arg0: tensor<96x96xf32>):
    %0 = tl.rowmax %arg0 : tensor<96x96xf32> -> tensor<96x32xf32>
    %1 = tl.bcast %0  cols : tensor<96x32xf32> -> tensor<96x64xf32>
    tl.yield %1 : tensor<96x64xf32>
  }
}

tl.program @fuzz_18_18_multi_user grid [1, 1] {
  tl.tensor @A0  input : tensor<64x64xbf16>
  tl.tensor @O1  output : tensor<64x64xbf16>
  tl.kernel @k ins [@A0] outs [@O1] {
  ^bb0(%arg0: tensor<64x64xbf16>):
    %0 = tl.transpose %arg0 : tensor<64x64xbf16> -> tensor<64x64xbf16>
    tl.yield %0 : tensor<64x64xbf16>
  }
}

tl.program @fuzz_18_1_multi_user grid [1, 1] {
  tl.tensor @O1  output : tensor<32x64xf32>
  tl.kernel @k ins [] outs [@O1] {
    %0 = tl.fill 1.000000e+00 : tensor<64x32xf32>
    %1 = tl.transpose %0 : tensor<64x32xf32> -> tensor<32x64xf32>
    tl.yield %1 : tensor<32x64xf32>
  }
}

tl.program @fuzz_18_1_unary_reduce grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xf32>
  tl.tensor @O0  output colvec : tensor<32x32xf32>
  tl.kernel @k ins [@A0] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xf32>):
    %0 = tl.fill 1.000000e+00 : tensor<32x96xf32>
    %1 = tl.add %0, %0 : tensor<32x96xf32>, tensor<32x96xf32>
    %2 = tl.sub %1, %arg0 bcast  cols : tensor<32x96xf32>, tensor<32x32xf32>
    %3 = tl.rowmax %2 : tensor<32x96xf32> -> tensor<32x32xf32>
    tl.yield %3 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_233_multi_user grid [1, 1] {
  tl.tensor @A1  input : tensor<32x32xbf16>
  tl.tensor @A2  input : tensor<32x32xbf16>
  tl.tensor @O0  output : tensor<32x32xbf16>
  tl.tensor @O1  output : tensor<32x32xbf16>
  tl.kernel @k ins [@A1, @A2] outs [@O0, @O1] {
  ^bb0(%arg0: tensor<32x32xbf16>, %arg1: tensor<32x32xbf16>):
    %0 = tl.matmul %arg1, %arg0 : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    %1 = tl.fill 1.000000e+00 : tensor<32x32xbf16>
    %2 = tl.max %1, %0 : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %0, %2 : tensor<32x32xbf16>, tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_28_upstream_release grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xbf16>
  tl.tensor @O0  output : tensor<32x32xbf16>
  tl.kernel @k ins [@A0] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xbf16>):
    %0 = tl.fill 1.000000e+00 : tensor<32x32xbf16>
    %1 = tl.matmul %0, %arg0 : tensor<32x32xbf16>, tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %1 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_290_upstream_release grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xbf16>
  tl.tensor @O0  output : tensor<32x32xbf16>
  tl.kernel @k ins [@A0] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xbf16>):
    %0 = tl.exp %arg0 : tensor<32x32xbf16>
    %1 = tl.max %0, %0 : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %1 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_2_unary_reduce grid [1, 1] {
  tl.tensor @A2  input : tensor<32x64xbf16>
  tl.tensor @O0  output : tensor<64x32xbf16>
  tl.kernel @k ins [@A2] outs [@O0] {
  ^bb0(%arg0: tensor<32x64xbf16>):
    %0 = tl.add %arg0, %arg0 : tensor<32x64xbf16>, tensor<32x64xbf16>
    %1 = tl.transpose %0 : tensor<32x64xbf16> -> tensor<64x32xbf16>
    tl.yield %1 : tensor<64x32xbf16>
  }
}

tl.program @fuzz_18_36_unary_reduce grid [1, 1] {
  tl.tensor @A0  input : tensor<32x64xbf16>
  tl.tensor @A1  input : tensor<64x32xbf16>
  tl.tensor @O0  output : tensor<32x64xbf16>
  tl.tensor @O1  output : tensor<64x32xbf16>
  tl.kernel @k ins [@A0, @A1] outs [@O0, @O1] {
  ^bb0(%arg0: tensor<32x64xbf16>, %arg1: tensor<64x32xbf16>):
    %0 = tl.exp %arg0 : tensor<32x64xbf16>
    tl.yield %0, %arg1 : tensor<32x64xbf16>, tensor<64x32xbf16>
  }
}

tl.program @fuzz_18_37_upstream grid [1, 1] {
  tl.tensor @A1  input : tensor<64x64xbf16>
  tl.tensor @O0  output : tensor<64x64xbf16>
  tl.kernel @k ins [@A1] outs [@O0] {
  ^bb0(%arg0: tensor<64x64xbf16>):
    %0 = tl.fill 1.000000e+00 : tensor<64x64xbf16>
    %1 = tl.matmul %0, %arg0 : tensor<64x64xbf16>, tensor<64x64xbf16> -> tensor<64x64xbf16>
    tl.yield %1 : tensor<64x64xbf16>
  }
}

tl.program @fuzz_18_474_upstream grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xbf16>
  tl.tensor @O0  output : tensor<32x32xbf16>
  tl.tensor @O1  output : tensor<64x64xbf16>
  tl.kernel @k ins [@A0] outs [@O0, @O1] {
  ^bb0(%arg0: tensor<32x32xbf16>):
    %0 = tl.fill 1.000000e+00 : tensor<64x64xbf16>
    %1 = tl.transpose %arg0 : tensor<32x32xbf16> -> tensor<32x32xbf16>
    %2 = tl.sub %1, %arg0 : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %2, %0 : tensor<32x32xbf16>, tensor<64x64xbf16>
  }
}

tl.program @fuzz_18_4_multi_user grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xf32>
  tl.tensor @O1  output : tensor<32x32xf32>
  tl.kernel @k ins [@A0] outs [@O1] {
  ^bb0(%arg0: tensor<32x32xf32>):
    %0 = tl.matmul %arg0, %arg0 : tensor<32x32xf32>, tensor<32x32xf32> -> tensor<32x32xf32>
    %1 = tl.add %0, %0 : tensor<32x32xf32>, tensor<32x32xf32>
    %2 = tl.add %1, %0 : tensor<32x32xf32>, tensor<32x32xf32>
    tl.yield %2 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_4_upstream grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xf32>
  tl.tensor @O1  output : tensor<32x32xf32>
  tl.kernel @k ins [@A0] outs [@O1] {
  ^bb0(%arg0: tensor<32x32xf32>):
    %0 = tl.matmul %arg0, %arg0 : tensor<32x32xf32>, tensor<32x32xf32> -> tensor<32x32xf32>
    %1 = tl.add %0, %0 : tensor<32x32xf32>, tensor<32x32xf32>
    tl.yield %1 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_4_upstream_release grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xf32>
  tl.tensor @O1  output : tensor<32x32xf32>
  tl.kernel @k ins [@A0] outs [@O1] {
  ^bb0(%arg0: tensor<32x32xf32>):
    %0 = tl.transpose %arg0 : tensor<32x32xf32> -> tensor<32x32xf32>
    %1 = tl.matmul %arg0, %0 : tensor<32x32xf32>, tensor<32x32xf32> -> tensor<32x32xf32>
    tl.yield %1 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_5_unary_reduce grid [1, 1] {
  tl.tensor @O0  output : tensor<32x32xf32>
  tl.kernel @k ins [] outs [@O0] {
    %0 = tl.fill 1.000000e+00 : tensor<32x32xf32>
    %1 = tl.bcast %0  rows : tensor<32x32xf32> -> tensor<32x32xf32>
    tl.yield %1 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_730_upstream grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xf32>
  tl.tensor @O0  output : tensor<32x32xf32>
  tl.kernel @k ins [@A0] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xf32>):
    %0 = tl.fill 5.000000e-01 : tensor<32x32xf32>
    %1 = tl.matmul %0, %arg0 : tensor<32x32xf32>, tensor<32x32xf32> -> tensor<32x32xf32>
    tl.yield %1 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_760_upstream grid [1, 1] {
  tl.tensor @O0  output : tensor<32x32xbf16>
  tl.kernel @k ins [] outs [@O0] {
    %0 = tl.fill 1.000000e+00 : tensor<32x32xbf16>
    %1 = tl.bcast %0  rows : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %1 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_773_multi_user grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xf32>
  tl.tensor @O1  output : tensor<32x32xf32>
  tl.kernel @k ins [@A0] outs [@O1] {
  ^bb0(%arg0: tensor<32x32xf32>):
    %0 = tl.matmul %arg0, %arg0 : tensor<32x32xf32>, tensor<32x32xf32> -> tensor<32x32xf32>
    %1 = tl.mul %arg0, %0 : tensor<32x32xf32>, tensor<32x32xf32>
    %2 = tl.mul %0, %1 : tensor<32x32xf32>, tensor<32x32xf32>
    %3 = tl.bcast %2  cols : tensor<32x32xf32> -> tensor<32x32xf32>
    tl.yield %3 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_792_multi_user grid [1, 1] {
  tl.tensor @A1  input : tensor<32x32xf32>
  tl.tensor @O0  output colvec : tensor<32x32xf32>
  tl.kernel @k ins [@A1] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xf32>):
    %0 = tl.matmul %arg0, %arg0 : tensor<32x32xf32>, tensor<32x32xf32> -> tensor<32x32xf32>
    %1 = tl.rowmax %0 : tensor<32x32xf32> -> tensor<32x32xf32>
    %2 = tl.mul %1, %1 : tensor<32x32xf32>, tensor<32x32xf32>
    %3 = tl.add %2, %2 : tensor<32x32xf32>, tensor<32x32xf32>
    tl.yield %3 : tensor<32x32xf32>
  }
}

tl.program @fuzz_18_87_unary_reduce grid [1, 1] {
  tl.tensor @A1  input : tensor<32x32xbf16>
  tl.tensor @O0  output : tensor<32x32xbf16>
  tl.kernel @k ins [@A1] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xbf16>):
    %0 = tl.recip %arg0 : tensor<32x32xbf16>
    %1 = tl.transpose %0 : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %1 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_90_upstream grid [1, 1] {
  tl.tensor @A1  input : tensor<64x64xf32>
  tl.tensor @O0  output colvec : tensor<64x32xf32>
  tl.kernel @k ins [@A1] outs [@O0] {
  ^bb0(%arg0: tensor<64x64xf32>):
    %0 = tl.rowsum %arg0 : tensor<64x64xf32> -> tensor<64x32xf32>
    tl.yield %0 : tensor<64x32xf32>
  }
}

tl.program @fuzz_18_94_upstream_release grid [1, 1] {
  tl.tensor @A1  input : tensor<32x32xbf16>
  tl.tensor @O1  output colvec : tensor<32x32xbf16>
  tl.kernel @k ins [@A1] outs [@O1] {
  ^bb0(%arg0: tensor<32x32xbf16>):
    %0 = tl.rowsum %arg0 : tensor<32x32xbf16> -> tensor<32x32xbf16>
    tl.yield %0 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_529_fixed grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xbf16>
  tl.tensor @O2  output : tensor<32x32xbf16>
  tl.kernel @k ins [@A0] outs [@O2] {
  ^bb0(%arg0: tensor<32x32xbf16>):
    %0 = tl.add %arg0, %arg0 : tensor<32x32xbf16>, tensor<32x32xbf16>
    %1 = tl.add %0, %0 : tensor<32x32xbf16>, tensor<32x32xbf16>
    %2 = tl.max %arg0, %arg0 bcast  rows : tensor<32x32xbf16>, tensor<32x32xbf16>
    %3 = tl.mul %1, %2 : tensor<32x32xbf16>, tensor<32x32xbf16>
    tl.yield %3 : tensor<32x32xbf16>
  }
}

tl.program @fuzz_18_818_fixed grid [1, 1] {
  tl.tensor @A0  input : tensor<32x32xf32>
  tl.tensor @A1  input : tensor<32x32xf32>
  tl.tensor @O0  output colvec : tensor<32x32xf32>
  tl.kernel @k ins [@A0, @A1] outs [@O0] {
  ^bb0(%arg0: tensor<32x32xf32>, %arg1: tensor<32x32xf32>):
    %0 = tl.matmul %arg0, %arg1 : tensor<32x32xf32>, tensor<32x32xf32> -> tensor<32x32xf32>
    %1 = tl.bcast %0  rows : tensor<32x32xf32> -> tensor<32x32xf32>
    tl.yield %1 : tensor<32x32xf32>
  }
}
