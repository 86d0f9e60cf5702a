#!/usr/bin/env python3
# A planted "bug" for the reducer test (C-Reduce convention: exit 0 means
# still interesting): a program is interesting while some tl.rowsum reads
# the result of a tl.exp directly. The file is the only argument.
import re
import sys

text = open(sys.argv[1]).read()
exps = set(re.findall(r"(%\w+) = tl\.exp ", text))
sys.exit(0 if any(v in exps for v in re.findall(r"tl\.rowsum (%\w+) ", text)) else 1)
