// repro: crash_assert
// origin: dstlab e2e test (tests/e2e/fake-cell.cpp decides by program name)
// shows: an assertion under upstream that the fixes remove; a segfault.
// config @crash_fixable: asserts under upstream and upstream-release only
// config @segv: dies of SIGSEGV under every variant
// expect upstream: crash "Currently we do not support multiple users in the same compute dst region."
// expect upstream-release: crash "Currently we do not support multiple users in the same compute dst region."
// expect upstream-2026: crash "Currently we do not support multiple users in the same compute dst region."
// expect upstream-2026-release: crash "Currently we do not support multiple users in the same compute dst region."
// expect multi-user: pass
// expect unary-reduce: pass
// expect fixed: pass
// expect[@segv] upstream: crash "signal SIGSEGV"
// expect[@segv] upstream-release: crash "signal SIGSEGV"
// expect[@segv] upstream-2026: crash "signal SIGSEGV"
// expect[@segv] upstream-2026-release: crash "signal SIGSEGV"
// expect[@segv] multi-user: crash "signal SIGSEGV"
// expect[@segv] unary-reduce: crash "signal SIGSEGV"
// expect[@segv] fixed: crash "signal SIGSEGV"

tl.program @crash_fixable grid [1, 1] {
}

tl.program @segv grid [1, 1] {
}
