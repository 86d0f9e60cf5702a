// RUN: dstlab-opt %s -split-input-file -verify-diagnostics
// One case per ttkernel verifier rule (TTKernel.cpp and the ODS constraints
// of TTKernelOps.td: the CB id range, data formats, parents).

//===----------------------------------------------------------------------===//
// ttkernel.dram_buffer
//===----------------------------------------------------------------------===//

// expected-error @+1 {{'ttkernel.dram_buffer' op tiles must be [rows, cols] with both positive}}
ttkernel.dram_buffer @A tiles [2, 0] : bf16

// -----

// expected-error @+1 {{'ttkernel.dram_buffer' op tiles must be [rows, cols] with both positive}}
ttkernel.dram_buffer @A tiles [4] : bf16

// -----

// expected-error @+1 {{'ttkernel.dram_buffer' op attribute 'format' failed to satisfy constraint: type attribute of bfloat16 type or 32-bit float}}
ttkernel.dram_buffer @A tiles [1, 1] : f16

//===----------------------------------------------------------------------===//
// ttkernel.cb_config and CB ids
//===----------------------------------------------------------------------===//

// -----

ttkernel.program @p grid [1, 1] {
  // expected-error @+1 {{'ttkernel.cb_config' op a CB needs at least one page}}
  ttkernel.cb_config 0 pages 0 : bf16
}

// -----

// expected-error @+1 {{'ttkernel.cb_config' op expects parent op 'ttkernel.program'}}
ttkernel.cb_config 0 pages 1 : bf16

// -----

ttkernel.program @p grid [1, 1] {
  // expected-error @+1 {{'ttkernel.cb_config' op attribute 'format' failed to satisfy constraint: type attribute of bfloat16 type or 32-bit float}}
  ttkernel.cb_config 0 pages 1 : i32
}

// -----

ttkernel.program @p grid [1, 1] {
  // expected-error @+1 {{'ttkernel.cb_config' op attribute 'cb' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 31}}
  ttkernel.cb_config 32 pages 1 : bf16
}

// -----

ttkernel.program @p grid [1, 1] {
  ttkernel.cb_config 0 pages 1 : bf16
  func.func @compute() attributes {ttkernel.thread = #ttkernel.thread<compute>} {
    %c1 = arith.constant 1 : index
    // expected-error @+1 {{'ttkernel.cb_wait_front' op attribute 'cb' failed to satisfy constraint: 32-bit signless integer attribute whose minimum value is 0 whose maximum value is 31}}
    ttkernel.cb_wait_front -1, %c1
    return
  }
}

// -----

// A cb_config without its id is reported as such (the program's CB checks
// used to run first and read the missing attribute).
ttkernel.program @p grid [1, 1] {
  // expected-error @+1 {{'ttkernel.cb_config' op requires attribute 'cb'}}
  "ttkernel.cb_config"() <{pages = 1 : i64, format = bf16}> : () -> ()
}

//===----------------------------------------------------------------------===//
// ttkernel.program
//===----------------------------------------------------------------------===//

// -----

// expected-error @+1 {{'ttkernel.program' op grid must be [rows, cols] with both positive}}
ttkernel.program @p grid [-1, 1] {
}

// -----

// expected-error @+1 {{'ttkernel.program' op grid must be [rows, cols] with both positive}}
ttkernel.program @p grid [1, 1, 1] {
}

// -----

ttkernel.program @p grid [1, 1] {
  ttkernel.cb_config 3 pages 1 : bf16
  // expected-error @+1 {{'ttkernel.cb_config' op CB 3 configured twice}}
  ttkernel.cb_config 3 pages 2 : bf16
}

// -----

ttkernel.program @p grid [1, 1] {
  // expected-error @+1 {{'func.func' op kernel needs a 'ttkernel.thread' attribute}}
  func.func @compute() {
    return
  }
}

// -----

ttkernel.program @p grid [1, 1] {
  // expected-error @+1 {{'func.func' op kernel needs a 'ttkernel.thread' attribute}}
  func.func @compute() attributes {ttkernel.thread = "compute"} {
    return
  }
}

// -----

ttkernel.program @p grid [1, 1] {
  func.func @compute() attributes {ttkernel.thread = #ttkernel.thread<compute>} {
    return
  }
  // expected-error @+1 {{'func.func' op second kernel for thread compute}}
  func.func @compute2() attributes {ttkernel.thread = #ttkernel.thread<compute>} {
    return
  }
}

// -----

ttkernel.program @p grid [1, 1] {
  ttkernel.cb_config 0 pages 1 : bf16
  func.func @compute() attributes {ttkernel.thread = #ttkernel.thread<compute>} {
    %c0 = arith.constant 0 : index
    ttkernel.copy_tile 0[%c0] -> dst[%c0]
    // expected-error @+1 {{'ttkernel.pack_tile' op uses CB 16 which the program does not configure}}
    ttkernel.pack_tile dst[%c0] -> 16[%c0]
    return
  }
}

// -----

// CB ids in nested regions are checked too, under every CB attribute name.
ttkernel.program @p grid [1, 1] {
  ttkernel.cb_config 0 pages 1 : bf16
  func.func @compute() attributes {ttkernel.thread = #ttkernel.thread<compute>} {
    %c0 = arith.constant 0 : index
    %c1 = arith.constant 1 : index
    scf.for %i = %c0 to %c1 step %c1 {
      // expected-error @+1 {{'ttkernel.reduce_tile' op uses CB 2 which the program does not configure}}
      ttkernel.reduce_tile <sum> <row> 0[%c0], 2[%c0] -> dst[%c0]
    }
    return
  }
}
