# lit configuration for dstlab's FileCheck tests.
import os

import lit.formats

config.name = "dstlab"
config.test_format = lit.formats.ShTest(not config.llvm_tools_dir is None)
config.suffixes = [".mlir", ".test"]
config.excludes = ["lit.cfg.py", "lit.site.cfg.py.in", "Inputs"]
config.test_source_root = os.path.dirname(__file__)
config.test_exec_root = os.path.join(config.dstlab_obj_root, "tests", "lit")

tool_dirs = [
    os.path.join(config.dstlab_tools_dir, "dstlab-opt"),
    os.path.join(config.dstlab_tools_dir, "dstlab"),
    config.llvm_tools_dir,
]
config.environment["PATH"] = os.pathsep.join(
    tool_dirs + [config.environment.get("PATH", os.environ.get("PATH", ""))]
)
config.substitutions.append(("%repros", os.path.join(config.dstlab_src_root, "repros")))

# Real tt-mlir builds (scripts/build-ttmlir-dst.sh): DSTLAB_TTMLIR_OPT names an
# asserts build of ae4e7b838c, DSTLAB_TTMLIR_OPT_19C86 one of 19c86fca45.
# Tests that run them say `REQUIRES: ttmlir-ae4e7b838c` (or -19c86fca45) and
# are reported as unsupported (skipped) without them.
for env, commit in (("DSTLAB_TTMLIR_OPT", "ae4e7b838c"),
                    ("DSTLAB_TTMLIR_OPT_19C86", "19c86fca45")):
    path = os.environ.get(env)
    if path and os.access(path, os.X_OK):
        config.available_features.add("ttmlir-" + commit)
        config.substitutions.append(("%ttmlir-opt-" + commit, path))
config.substitutions.append(("%ttmlir-data", os.path.join(
    config.dstlab_src_root, "tests", "data", "ttmlir")))
