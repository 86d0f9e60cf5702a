// repro: hang
// origin: dstlab e2e test (tests/e2e/fake-cell.cpp decides by program name)
// shows: a cell that never ends is killed at the time limit.
// config @hang: sleeps until killed
// expect upstream: timeout
// expect upstream-release: timeout
// expect upstream-2026: timeout
// expect upstream-2026-release: timeout
// expect multi-user: timeout
// expect unary-reduce: timeout
// expect fixed: timeout

tl.program @hang grid [1, 1] {
}
