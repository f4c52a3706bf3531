#!/usr/bin/python3
"""The engagement format's JSON Schema, checked with an external validator.

Usage: test-schema.py SOURCE_ROOT SCS_ASSESSOR SCS_RESAVE
"""

import json
import os
import subprocess
import sys
import tempfile

import jsonschema

SRC, EXE, RESAVE = sys.argv[1:4]
schema = json.load(open(os.path.join(SRC, "data", "scs-engagement.schema.json"), encoding="utf-8"))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
count = 0
failed = 0


def check(name, ok, detail=""):
    global count, failed
    count += 1
    failed += 0 if ok else 1
    print("%s %d - %s%s" % ("ok" if ok else "not ok", count, name, "" if ok else " # " + detail))


def errors_of(path):
    return [e.message for e in validator.iter_errors(json.load(open(path, encoding="utf-8")))]


example = os.path.join(SRC, "data", "samples", "example-aaa.scsa")
check("the example validates", not errors_of(example), str(errors_of(example)))
for name in ["base.scsa", "draft-engagement.scsa"]:
    path = os.path.join(SRC, "tests", "data", name)
    check(name + " validates", not errors_of(path), str(errors_of(path)))

with tempfile.TemporaryDirectory() as tmp:
    fresh = os.path.join(tmp, "fresh.scsa")
    subprocess.run([EXE, "--new", "--level", "3", "--company", "検証", fresh], check=True,
                   capture_output=True)
    check("a freshly made file validates", not errors_of(fresh), str(errors_of(fresh)))
    resaved = os.path.join(tmp, "resaved.scsa")
    subprocess.run([RESAVE, os.path.join(SRC, "tests", "data", "draft-engagement.scsa"), resaved],
                   check=True)
    check("a freshly saved file validates", not errors_of(resaved), str(errors_of(resaved)))

# The validator is live: files the app refuses for their shape, the schema refuses too.
for name in ["level-5.scsa", "missing-framework.scsa", "bad-date.scsa", "follow-up-as-text.scsa",
             "bad-plan-urgency.scsa", "maturity-out-of-range.scsa"]:
    path = os.path.join(SRC, "tests", "data", "bad", name)
    check("schema refuses " + name, bool(errors_of(path)))

print("1..%d" % count)
sys.exit(1 if failed else 0)
