#!/usr/bin/python3
"""Saving and exporting onto a full disk or into a folder that refuses new files: a clear
message, exit status 1, and the file already there untouched, with no temporary file left.

Usage: test-io-errors.py SCS_ASSESSOR SCS_RESAVE FAIL_IO_SO SOURCE_ROOT

The failures come from tests/fail-io.c, preloaded: it fails writes (ENOSPC) or file
creation (EACCES) under one folder only, which also works when the tests run as root.
"""

import os
import shutil
import subprocess
import sys
import tempfile

EXE, RESAVE, SHIM, SRC = sys.argv[1:5]
EXAMPLE = os.path.join(SRC, "data", "samples", "example-aaa.scsa")
failures = []
count = 0


def check(name, condition, detail=""):
    global count
    count += 1
    print("%s %d - %s%s" % ("ok" if condition else "not ok", count, name,
                            "" if condition else " # " + str(detail).replace("\n", " | ")[:600]))
    if not condition:
        failures.append(name)


def run(args, fail=None, after=0):
    env = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
    if fail:
        env.update(LD_PRELOAD=SHIM, SCS_FAIL_PATH="FAILHERE", SCS_FAIL_ERRNO=fail,
                   SCS_FAIL_AFTER=str(after))
    return subprocess.run(args, capture_output=True, env=env, timeout=120)


root = tempfile.mkdtemp(prefix="scs-io-")
folder = os.path.join(root, "FAILHERE")
os.makedirs(folder)
old = b"the file that was there before\n"
cases = [
    ("save", lambda out: [RESAVE, EXAMPLE, out], "e.scsa"),
    ("PDF export", lambda out: [EXE, "--export-pdf", out, EXAMPLE], "r.pdf"),
    ("workbook export", lambda out: [EXE, "--export-xlsx", out, EXAMPLE], "r.xlsx"),
    ("CSV export", lambda out: [EXE, "--export-csv", out, EXAMPLE], "r.csv"),
    ("radar PNG export", lambda out: [EXE, "--export-radar", out, EXAMPLE], "r.png"),
    ("radar SVG export", lambda out: [EXE, "--export-radar", out, EXAMPLE], "r.svg"),
    ("radar PDF export", lambda out: [EXE, "--export-radar", out, EXAMPLE], "r.pdf"),
    ("company copy", lambda out: [EXE, "--company-copy", out, EXAMPLE], "c.scsa"),
]
for fail, words, after in (("ENOSPC", "No space left on device", 2000),
                           ("EACCES", "Permission denied", 0)):
    for name, command, filename in cases:
        out = os.path.join(folder, filename)
        with open(out, "wb") as f:
            f.write(old)
        before = set(os.listdir(folder))
        p = run(command(out), fail, after)
        err = p.stderr.decode("utf-8", "replace")
        check("%s with %s fails with exit status 1" % (name, fail), p.returncode == 1,
              (p.returncode, err))
        check("%s with %s says why" % (name, fail), words in err, err)
        with open(out, "rb") as f:
            check("%s with %s leaves the old file untouched" % (name, fail), f.read() == old)
        left = sorted(set(os.listdir(folder)) - before)
        check("%s with %s leaves no temporary file" % (name, fail), not left, left)
        for extra in left:
            os.unlink(os.path.join(folder, extra))
        # The control: the same command without the failure writes the file.
        p = run(command(out))
        with open(out, "rb") as f:
            check("%s works once the disk has room" % name,
                  p.returncode == 0 and f.read() != old, p.stderr)

# Where no file was before, a failed export leaves none: no partial image under the name.
for name, command, filename in cases[1:]:
    out = os.path.join(folder, "new-" + filename)
    before = set(os.listdir(folder))
    p = run(command(out), "ENOSPC", 2000)
    check("%s onto a full disk leaves no file at all" % name,
          p.returncode == 1 and set(os.listdir(folder)) == before,
          (p.returncode, sorted(set(os.listdir(folder)) - before)))

shutil.rmtree(root, ignore_errors=True)
print("1..%d" % count)
sys.exit(1 if failures else 0)
