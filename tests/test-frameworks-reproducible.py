#!/usr/bin/python3
"""Re-running the framework script on the reference TSVs gives the shipped files byte for byte.

Usage: test-frameworks-reproducible.py SOURCE_ROOT
"""

import filecmp
import os
import subprocess
import sys
import tempfile

SRC = sys.argv[1]
here = os.path.join(SRC, "data", "frameworks")
reference = os.path.join(SRC, "..", "shared", "reference")
shipped = sorted(f for f in os.listdir(here) if f.endswith(".json"))
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["/usr/bin/python3", os.path.join(here, "make-frameworks.py"), reference, tmp],
                   check=True)
    made = sorted(f for f in os.listdir(tmp) if f.endswith(".json"))
    ok = made == shipped and all(filecmp.cmp(os.path.join(here, f), os.path.join(tmp, f),
                                             shallow=False) for f in made)
resources = open(os.path.join(here, "scs-frameworks.gresource.xml"), encoding="utf-8").read()
listed = all(">%s<" % f in resources for f in shipped)
print("%s 1 - data/frameworks matches a fresh run of make-frameworks.py" % ("ok" if ok else "not ok"))
print("%s 2 - every framework file is compiled in" % ("ok" if listed else "not ok"))
print("1..2")
sys.exit(0 if ok and listed else 1)
