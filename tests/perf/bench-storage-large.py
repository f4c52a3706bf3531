#!/usr/bin/python3
"""Load and save of a synthetic ★4 engagement with 10 000 evidence references, against a
bare json-glib parse of the same bytes (bench-storage prints both).

The engagement is made here from tests/data/base.scsa: level 4, an answer for every ★4
criterion of the shipped edition, 300 documents in the inventory, and 10 000 references
spread over the criteria's document and system-function evidence, each with a file name,
size and SHA-256 where it is a file.
Usage: bench-storage-large.py BENCH_STORAGE SOURCE_ROOT [ROUNDS]
"""
import copy
import hashlib
import json
import os
import subprocess
import sys
import tempfile

bench, src = sys.argv[1:3]
rounds = sys.argv[3] if len(sys.argv) > 3 else "20"
with open(os.path.join(src, "tests", "data", "base.scsa"), encoding="utf-8") as f:
    base = json.load(f)
with open(os.path.join(src, "data", "frameworks", "scs-2026-03-27.json"), encoding="utf-8") as f:
    framework = json.load(f)

criteria = [k["id"] for c in framework["categories"] for s in c["subcategories"]
            for r in s["requirements"] for k in r["criteria"] if k["level"] <= 4]
doc = base["documents"][0]
base["documents"] = [dict(doc, id="DOC-%03d" % i, title="規程 %d 号" % i) for i in range(1, 301)]
base["level"] = 4
template = base["assessments"][0]
assessments, n_refs = [], 0
per = -(-10000 // len(criteria))
for i, cid in enumerate(criteria):
    a = copy.deepcopy(template)
    a["criterion"] = cid
    count = min(per, 10000 - n_refs)
    docs, files = [], []
    for j in range(count):
        if j % 2 == 0:
            docs.append({"document": "DOC-%03d" % ((i * 7 + j) % 300 + 1), "file": "", "size": -1,
                         "sha256": "", "version": "%d" % (j % 5 + 1), "date": "2025-04-01"})
        else:
            name = "evidence-%s-%d.png" % (cid, j)
            files.append({"document": "", "file": name, "size": 1000 + j,
                          "sha256": hashlib.sha256(name.encode()).hexdigest(), "version": "",
                          "date": ""})
    a["documents"]["refs"], a["system"]["refs"] = docs, files
    n_refs += count
    assessments.append(a)
base["assessments"] = assessments

with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "star4-10000-refs.scsa")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(base, f, ensure_ascii=False, indent=2)
    print("synthetic ★4: %d criteria answered, %d evidence references, %d bytes"
          % (len(assessments), n_refs, os.path.getsize(path)))
    sys.stdout.flush()
    sys.exit(subprocess.run([bench, path, rounds]).returncode)
