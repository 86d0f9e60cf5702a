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
