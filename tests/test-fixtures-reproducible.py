#!/usr/bin/python3
"""The malformed-file fixtures are what their script makes from base.scsa.

Usage: test-fixtures-reproducible.py SOURCE_ROOT
"""

import filecmp
import os
import shutil
import subprocess
import sys
import tempfile

data = os.path.join(sys.argv[1], "tests", "data")
with tempfile.TemporaryDirectory() as tmp:
    shutil.copy(os.path.join(data, "base.scsa"), tmp)
    os.mkdir(os.path.join(tmp, "bad"))
    subprocess.run(["/usr/bin/python3", os.path.join(data, "make-fixtures.py"), tmp], check=True)
    ok = True
    for folder, least in (("bad", 40), ("bad-frameworks", 20), ("bad-imports", 8)):
        names = sorted(os.listdir(os.path.join(tmp, folder)))
        ok = ok and names == sorted(os.listdir(os.path.join(data, folder))) and len(names) > least
        ok = ok and all(filecmp.cmp(os.path.join(tmp, folder, n), os.path.join(data, folder, n),
                                    shallow=False) for n in names)
    ok = ok and filecmp.cmp(os.path.join(tmp, "draft-engagement.scsa"),
                            os.path.join(data, "draft-engagement.scsa"), shallow=False)
print("%s 1 - tests/data (bad, bad-frameworks, bad-imports) matches a fresh run of make-fixtures.py" % ("ok" if ok else "not ok"))
print("1..1")
sys.exit(0 if ok else 1)
