//===- Passes.td - fix 1: multi-user DST allocation --------*- tablegen -*-===//

#ifndef DSTLAB_FIXES_MULTIUSERDST_PASSES
#define DSTLAB_FIXES_MULTIUSERDST_PASSES

include "mlir/Pass/PassBase.td"

def MultiUserDstAccess
    : Pass<"d2m-insert-dst-register-access-multi-user", "::mlir::ModuleOp"> {
  let summary = "Fix 1: liveness-based DST allocation that accepts multi-use";
  let description = [{
    Replaces d2m-insert-dst-register-access. Each compute nest is run one
    output tile at a time: acquire_dst, copy-ins, the reduction loops, and
    copy-outs sit inside the output loops. Within that section DST slices are
    allocated by liveness (a slice is free after its value's last use), an
    in-place op takes its operand's slice only when that operand dies there
    (otherwise the result gets a fresh slice and the value is copied), values
    the FPU must read from a CB (matmul and reduce A/B, transposes and
    broadcasts at unpack) are computed once into an intermediate CB by a nest
    of their own, and capacity pressure spills a value to a CB the same way.
    It never asserts; IR it cannot handle gets a diagnostic. See
    fixes/MultiUserDst/DESIGN.md.
  }];
  let options = [
    Option<"fullSync", "full-sync", "bool", "false",
           "DST in full-sync mode (capacity doubled)">,
  ];
  let dependentDialects = ["::mlir::affine::AffineDialect",
                           "::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

#endif
