// repro: numbers
// origin: dstlab e2e test, flash_attention_pipelined.py shape
// shows: wrong numbers, and an attention program that passes.
// config @pass_attn: passes, computes attention
// config @wrong: runs, output differs from the golden
// attention: yes
// expect upstream: pass
// expect upstream-release: pass
// expect upstream-2026: pass
// expect upstream-2026-release: pass
// expect multi-user: pass
// expect unary-reduce: pass
// expect fixed: pass
// expect[@wrong] upstream: miscompiled
// expect[@wrong] upstream-release: miscompiled
// expect[@wrong] upstream-2026: miscompiled
// expect[@wrong] upstream-2026-release: miscompiled
// expect[@wrong] multi-user: miscompiled
// expect[@wrong] unary-reduce: miscompiled
// expect[@wrong] fixed: miscompiled

tl.program @pass_attn grid [1, 1] {
}

tl.program @wrong grid [1, 1] {
}
