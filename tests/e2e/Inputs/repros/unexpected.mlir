// repro: unexpected
// origin: dstlab e2e test (tests/e2e/fake-cell.cpp decides by program name)
// shows: a program that passes but is not attention although its header says
//   it should be: the cell is not as expected.
// config @pass_notattn: passes, is not attention
// attention: yes
// expect upstream: pass
// expect upstream-release: pass
// expect upstream-2026: pass
// expect upstream-2026-release: pass
// expect multi-user: pass
// expect unary-reduce: pass
// expect fixed: pass

tl.program @pass_notattn grid [1, 1] {
}
