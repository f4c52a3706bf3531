#!/usr/bin/python3
"""Kill the app with SIGKILL after an edit; the next start restores it and saves it.

Usage: test-crash-recovery.py HELPER EXAMPLE CLI
"""
import json, os, shutil, signal, subprocess, sys, tempfile, time

helper, example, cli = sys.argv[1:4]
count = 0
failures = 0


def check(name, ok, detail=""):
    global count, failures
    count += 1
    print(("ok %d - %s" if ok else "not ok %d - %s") % (count, name))
    if not ok:
        failures += 1
        for line in str(detail).splitlines():
            print("# " + line)


with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "engagement.scsa")
    shutil.copy(example, path)
    original = open(path, "rb").read()
    env = dict(os.environ, SCS_ASSESSOR_RECOVERY_DIR=os.path.join(tmp, "recovery"))

    proc = subprocess.Popen([helper, "edit", path], stdout=subprocess.PIPE, env=env, text=True)
    line = ""
    deadline = time.time() + 60
    while time.time() < deadline:
        line = proc.stdout.readline()
        if line.strip() == "READY" or not line:
            break
    check("the editing process wrote its recovery copy", line.strip() == "READY", line)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    check("the process was killed", proc.returncode == -signal.SIGKILL, proc.returncode)
    check("the file itself was not touched", open(path, "rb").read() == original)
    copies = [f for f in os.listdir(os.path.join(tmp, "recovery")) if f.endswith(".scsa")]
    check("one recovery copy is left", len(copies) == 1, copies)
    rc = subprocess.run([cli, "--validate", os.path.join(tmp, "recovery", copies[0])],
                        env=env, capture_output=True, text=True)
    check("the recovery copy is a valid engagement", rc.returncode == 0, rc.stdout + rc.stderr)

    rc = subprocess.run([helper, "restore", path], env=env, capture_output=True, text=True,
                        timeout=60)
    check("the next start restored the edits and saved them", rc.returncode == 0,
          rc.stdout + rc.stderr)
    saved = json.load(open(path, encoding="utf-8"))
    a = [x for x in saved["assessments"] if x["criterion"] == "4-3-4-2"][0]
    check("the saved file holds the restored verdict and comment",
          a.get("verdict") == "na" and a.get("expert_comment") == "再起動後も残るコメント", a)
    left = [f for f in os.listdir(os.path.join(tmp, "recovery"))]
    check("no recovery copy is left after the save", left == [], left)

print("1..%d" % count)
sys.exit(1 if failures else 0)
