#!/usr/bin/python3
"""Re-running the framework script on the sources in data/frameworks/sources/ gives the shipped files byte for byte.

Usage: test-frameworks-reproducible.py SOURCE_ROOT
"""

import filecmp
import hashlib
import os
import re
import subprocess
import sys
import tempfile

SRC = sys.argv[1]
here = os.path.join(SRC, "data", "frameworks")
reference = os.path.join(here, "sources")
shipped = sorted(f for f in os.listdir(here) if f.endswith(".json"))
with tempfile.TemporaryDirectory() as tmp:
    subprocess.run(["/usr/bin/python3", os.path.join(here, "make-frameworks.py"), reference, tmp],
                   check=True)
    made = sorted(f for f in os.listdir(tmp) if f.endswith(".json"))
    ok = made == shipped and all(filecmp.cmp(os.path.join(here, f), os.path.join(tmp, f),
                                             shallow=False) for f in made)
resources = open(os.path.join(here, "scs-frameworks.gresource.xml"), encoding="utf-8").read()
listed = all(">%s<" % f in resources for f in shipped)
# Every source is listed in PROVENANCE.md with the SHA-256 of its bytes.
provenance = open(os.path.join(reference, "PROVENANCE.md"), encoding="utf-8").read()
sources = sorted(f for f in os.listdir(reference) if f.endswith(".tsv"))
hashes_ok = len(sources) > 0
for name in sources:
    row = next((line for line in provenance.splitlines() if "`%s`" % name in line), "")
    digest = hashlib.sha256(open(os.path.join(reference, name), "rb").read()).hexdigest()
    if digest not in re.findall(r"[0-9a-f]{64}", row):
        print("# %s: SHA-256 %s is not the one PROVENANCE.md gives" % (name, digest))
        hashes_ok = False
print("%s 1 - data/frameworks matches a fresh run of make-frameworks.py" % ("ok" if ok else "not ok"))
print("%s 2 - every framework file is compiled in" % ("ok" if listed else "not ok"))
print("%s 3 - every source's SHA-256 is the one PROVENANCE.md gives" % ("ok" if hashes_ok else "not ok"))
print("1..3")
sys.exit(0 if ok and listed and hashes_ok else 1)
