// repro: others
// origin: dstlab e2e test (tests/e2e/fake-cell.cpp decides by program name)
// shows: a diagnostic, a hazard, a deadlock, a child that writes no result.
// config @error: a compile error
// config @hazard: a stale DST read
// config @deadlock: every thread blocked
// config @nojson: exits 0 without a result
// expect upstream: error "must come from a CB"
// expect upstream-release: error "must come from a CB"
// expect upstream-2026: error "must come from a CB"
// expect upstream-2026-release: error "must come from a CB"
// expect multi-user: error "must come from a CB"
// expect unary-reduce: error "must come from a CB"
// expect fixed: error "must come from a CB"
// expect[@hazard] upstream: hazard dst-stale-read
// expect[@hazard] upstream-release: hazard dst-stale-read
// expect[@hazard] upstream-2026: hazard dst-stale-read
// expect[@hazard] upstream-2026-release: hazard dst-stale-read
// expect[@hazard] multi-user: hazard dst-stale-read
// expect[@hazard] unary-reduce: hazard dst-stale-read
// expect[@hazard] fixed: hazard dst-stale-read
// expect[@deadlock] upstream: deadlock
// expect[@deadlock] upstream-release: deadlock
// expect[@deadlock] upstream-2026: deadlock
// expect[@deadlock] upstream-2026-release: deadlock
// expect[@deadlock] multi-user: deadlock
// expect[@deadlock] unary-reduce: deadlock
// expect[@deadlock] fixed: deadlock
// expect[@nojson] upstream: crash "exit 0 without a result"
// expect[@nojson] upstream-release: crash "exit 0 without a result"
// expect[@nojson] upstream-2026: crash "exit 0 without a result"
// expect[@nojson] upstream-2026-release: crash "exit 0 without a result"
// expect[@nojson] multi-user: crash "exit 0 without a result"
// expect[@nojson] unary-reduce: crash "exit 0 without a result"
// expect[@nojson] fixed: crash "exit 0 without a result"

tl.program @error grid [1, 1] {
}

tl.program @hazard grid [1, 1] {
}

tl.program @deadlock grid [1, 1] {
}

tl.program @nojson grid [1, 1] {
}
