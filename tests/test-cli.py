#!/usr/bin/python3
"""The headless command line, as a script or a user would run it.

Usage: test-cli.py SCS_ASSESSOR SOURCE_ROOT PO_BUILD_DIR

The summary's figures are checked against a separate computation made here from the
example file and the framework JSON, not against numbers copied from the output.
"""

import hashlib
import json
import os
import re
import stat
import subprocess
import sys
import tempfile

EXE, SRC, PO = sys.argv[1:4]
EXAMPLE = os.path.join(SRC, "data", "samples", "example-aaa.scsa")
FRAMEWORK = os.path.join(SRC, "data", "frameworks", "scs-2026-03-27.json")
failures = []
count = 0


def check(name, condition, detail=""):
    global count
    count += 1
    print("%s %d - %s%s" % ("ok" if condition else "not ok", count, name,
                            "" if condition else " # " + detail.replace("\n", " | ")[:800]))
    if not condition:
        failures.append(name)


def run(*args, env_extra=None):
    env = dict(os.environ)
    env.update({"LANGUAGE": "C", "LC_ALL": "C.UTF-8"})
    if env_extra:
        env.update(env_extra)
    p = subprocess.run([EXE, *args], capture_output=True, env=env, timeout=60)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


def sha(path):
    with open(path, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def expected_rows(follow_up=False):
    """Conforming/applicable per ★3 subcategory and the blockers, from the data: a verdict
    marked for follow-up counts only when follow_up (--unconfirmed), else as none."""
    fw = json.load(open(FRAMEWORK, encoding="utf-8"))
    eng = json.load(open(EXAMPLE, encoding="utf-8"))
    scale = next(s for s in fw["scales"]["verdict"] if s["id"] == eng["verdict_scale"])
    values = {v["id"]: v for v in scale["values"]}
    verdict = {a["criterion"]: a.get("verdict", "") if follow_up or not a.get("follow_up") else ""
               for a in eng["assessments"]}
    rows, blockers = [], []
    for cat in fw["categories"]:
        for sub in cat["subcategories"]:
            crits = [c for r in sub["requirements"] for c in r["criteria"] if c["level"] <= 3]
            if not crits:
                continue
            ok = na = 0
            for c in crits:
                v = values.get(verdict.get(c["id"], ""))
                if v and v["not_applicable"]:
                    na += 1
                elif v and v["conforming"]:
                    ok += 1
                else:
                    blockers.append(c["id"])
            rows.append((sub["id"], ok, len(crits) - na))
    return rows, blockers


# --summary on the bundled example: by default confirmed verdicts only, as the dashboard
# counts; --unconfirmed counts the example's two marked for follow-up as well.
n_follow_up = sum(1 for a in json.load(open(EXAMPLE, encoding="utf-8"))["assessments"]
                  if a.get("follow_up") and a.get("verdict"))
check("the example has verdicts marked for follow-up", n_follow_up > 0, str(n_follow_up))
summaries = {}
for mode, options in (("default", []), ("--unconfirmed", ["--unconfirmed"])):
    rc, out, err = run("--summary", EXAMPLE, *options)
    summaries[mode] = out
    check("summary %s exits 0" % mode, rc == 0, err)
    check("summary %s names the company and level" % mode, out.startswith("AAA株式会社 — ★3\n"), out[:80])
    rows, blockers = expected_rows(follow_up=bool(options))
    check("twelve ★3 subcategories", len(rows) == 12, str(rows))
    lines = out.splitlines()
    for sub_id, ok, applicable in rows:
        line = next((l for l in lines if l.startswith(sub_id + " ")), None)
        want = "%d/%d" % (ok, applicable)
        rate = "%.0f%%" % (100.0 * ok / applicable)
        check("summary %s: row %s shows %s and %s" % (mode, sub_id, want, rate),
              line is not None and (" %s " % want) in line and (" %s " % rate) in line, str(line))
    order = [l.split()[0] for l in lines if re.match(r"^\d-\d ", l)]
    check("rows in framework order", order == [r[0] for r in rows], str(order))
    total_ok = sum(r[1] for r in rows)
    total = sum(r[2] for r in rows)
    overall = next((l for l in lines if l.startswith("Overall")), "")
    check("summary %s: overall row %d/%d" % (mode, total_ok, total),
          (" %d/%d " % (total_ok, total)) in overall, overall)
    head = "Readiness for ★3: not ready — %d criteria block it:" % len(blockers)
    check("summary %s: readiness verdict with %d blockers" % (mode, len(blockers)), head in out, out[-600:])
    listed = [l.split()[0] for l in out.split(head, 1)[-1].splitlines() if l.startswith("  ")]
    check("summary %s: every blocker listed, in order" % mode, listed == blockers, str(listed))
    check("benchmark source cited", "Peers 2025: METI" in out)
    counted = ("Counted: every verdict, including %d still marked for follow-up (--unconfirmed)."
               if options else
               "Counted: confirmed verdicts only; %d marked for follow-up count as not yet evaluated")
    check("summary %s: the Counted line says which verdicts, and how many follow-up" % mode,
          (counted % n_follow_up) in out, out[-900:])
check("--unconfirmed moves the figures", summaries["default"] != summaries["--unconfirmed"])
rc, out, err = run("--summary", EXAMPLE, "--no-unconfirmed")
check("--no-unconfirmed is still accepted and is the default",
      rc == 0 and out == summaries["default"], err)
rc, out, err = run("--summary", EXAMPLE, "--unconfirmed", "--no-unconfirmed")
check("--unconfirmed with --no-unconfirmed: usage error",
      rc == 2 and out == "" and "--unconfirmed" in err and "--no-unconfirmed" in err, out + err)
rc, out, err = run("--validate", EXAMPLE, "--unconfirmed")
check("--unconfirmed with --validate: usage error", rc == 2 and "--unconfirmed" in err, out + err)
with tempfile.TemporaryDirectory() as d:
    copy_path = os.path.join(d, "copy.scsa")
    rc, out, err = run("--company-copy", copy_path, "--unconfirmed", EXAMPLE)
    check("--unconfirmed with --company-copy: usage error, nothing written",
          rc == 2 and "--company-copy" in err and not os.path.exists(copy_path), out + err)
rc, out, err = run("--help")
check("--help names --unconfirmed and says --no-unconfirmed is the default",
      rc == 0 and "--unconfirmed" in out and "(the default)" in out.split("--no-unconfirmed", 1)[-1].split("\n")[0],
      out)

# --validate
rc, out, err = run("--validate", EXAMPLE)
check("validate example", rc == 0 and out.startswith(EXAMPLE + ": valid"), out + err)
bad_dir = os.path.join(SRC, "tests", "data", "bad")
expected = {}
for line in open(os.path.join(bad_dir, "EXPECTED.tsv"), encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    name, message = line.rstrip("\n").split("\t", 1)
    expected[name] = message
for name in sorted(expected):
    path = os.path.join(bad_dir, name)
    before = sha(path)
    rc, out, err = run("--validate", path)
    check("validate %s: exit 1 with its message, file untouched" % name,
          rc == 1 and expected[name] in err and err.startswith(path + ": ") and sha(path) == before,
          "rc=%d err=%s" % (rc, err))

# Texts from a file cannot drive the terminal: controls, DEL and bidi overrides are shown
# escaped, in the summary and in messages quoting the file, and so is the path.
UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
with tempfile.TemporaryDirectory() as tmp:
    doc = json.load(open(os.path.join(SRC, "tests", "data", "base.scsa"), encoding="utf-8"))
    doc["company"]["name"] = "\x1b[2J\u202e社名\x9b\x7f\u2066\n2行目"
    hostile = os.path.join(tmp, "hostile\x1b[31m.scsa")
    with open(hostile, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=True)
    rc, out, err = run("--summary", hostile)
    first = out.splitlines()[0] if out else ""
    check("summary: company name with its controls escaped on one line",
          rc == 0 and first.startswith("\\x1b[2J\\u202e社名\\x9b\\x7f\\u2066\\x0a2行目 — ★")
          and not UNSAFE.search(out + err), repr(out[:300] + err))
    rc, out, err = run("--validate", hostile)
    check("validate: the path escaped",
          rc == 0 and out.startswith(hostile.replace("\x1b", "\\x1b") + ": valid")
          and not UNSAFE.search(out + err), repr(out + err))
    doc["assessments"][0]["verdict"] = "\x1b]0;owned\x07\u202e"
    with open(hostile, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False)
    rc, out, err = run("--validate", hostile)
    check("validate: a message quoting the file escaped",
          rc == 1 and "$.assessments[0].verdict: “\\x1b]0;owned\\x07\\u202e” is not one of" in err
          and not UNSAFE.search(out + err), repr(err))

    odd = os.path.join(tmp.encode(), b"odd-\xff.scsa")
    with open(odd, "wb") as f:
        f.write(open(os.path.join(SRC, "tests", "data", "base.scsa"), "rb").read())
    p = subprocess.run([EXE, "--validate", odd], capture_output=True,
                       env=dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8"), timeout=60)
    check("validate: a path that is not UTF-8 shown with the byte escaped",
          p.returncode == 0 and p.stdout.startswith(odd.replace(b"\xff", b"\\xff") + b": valid"),
          repr(p.stdout + p.stderr))

# --new
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "新規.scsa")
    rc, out, err = run("--new", "--level", "4", "--company", "株式会社サンプル", path)
    check("new creates a file", rc == 0 and os.path.exists(path), out + err)
    mode = stat.S_IMODE(os.stat(path).st_mode)
    check("new file is private (0600)", mode == 0o600, oct(mode))
    doc = json.load(open(path, encoding="utf-8"))
    check("new file holds the name and level",
          doc["company"]["name"] == "株式会社サンプル" and doc["level"] == 4, str(doc)[:200])
    rc, out, err = run("--validate", path)
    check("new file validates", rc == 0, err)
    rc, out, err = run("--summary", path)
    check("new ★4 file has sixteen rows",
          rc == 0 and len([l for l in out.splitlines() if re.match(r"^\d-\d ", l)]) == 16, out)
    before = sha(path)
    rc, out, err = run("--new", "--company", "上書き", path)
    check("new refuses to overwrite", rc == 1 and "already exists" in err and sha(path) == before, err)
    rc, out, err = run("--new", "--level", "5", os.path.join(tmp, "x.scsa"))
    check("new refuses level 5", rc == 2 and not os.path.exists(os.path.join(tmp, "x.scsa")), err)
    rc, out, err = run("--validate", EXAMPLE, "--summary", EXAMPLE)
    check("one action at a time", rc == 2, err)

# an engagement from the December 2025 draft
rc, out, err = run("--summary", os.path.join(SRC, "tests", "data", "draft-engagement.scsa"))
check("draft engagement opens and reports the edition change",
      rc == 0 and "Made with edition 2025-12; opened with edition 2026-03-27" in out
      and "criteria, added: 153" in out and "5 answers have no criterion in this edition" in out,
      out[:600] + err)

# the radar as an image, for slides
with tempfile.TemporaryDirectory() as tmp:
    png = os.path.join(tmp, "radar.png")
    rc, out, err = run("--export-radar", png, EXAMPLE)
    with open(png, "rb") as f:
        head = f.read(24)
    check("radar PNG, 1920×1080 by default",
          rc == 0 and head[:8] == b"\x89PNG\r\n\x1a\n"
          and int.from_bytes(head[16:20], "big") == 1920
          and int.from_bytes(head[20:24], "big") == 1080, out + err)
    svg = os.path.join(tmp, "radar.svg")
    rc, out, err = run("--export-radar", svg, "--size", "800x600", "--style", "dark", EXAMPLE)
    with open(svg, encoding="utf-8") as f:
        text = f.read()
    check("radar SVG at the size asked for",
          rc == 0 and re.search(r'<svg[^>]*width="800(pt)?"[^>]*height="600(pt)?"', text) is not None,
          text[:300] + err)
    pdf = os.path.join(tmp, "radar.pdf")
    rc, out, err = run("--export-radar", pdf, EXAMPLE)
    p = subprocess.run(["pdftotext", "-q", pdf, "-"], capture_output=True, text=True)
    ids = ["1-2", "1-3", "2-1", "3-1", "4-1", "4-2", "4-3", "4-4", "4-5", "5-1", "6-1", "7-1"]
    check("radar PDF names every subcategory",
          rc == 0 and all(i in p.stdout for i in ids), p.stdout[:400] + err)
    rc, out, err = run("--export-radar", os.path.join(tmp, "radar.gif"), EXAMPLE)
    check("radar refuses an unknown format",
          rc == 1 and ".png, .svg or .pdf" in err
          and not os.path.exists(os.path.join(tmp, "radar.gif")), err)
    rc, out, err = run("--export-radar", png, "--size", "big", EXAMPLE)
    check("radar refuses a bad size", rc == 2 and "WIDTHxHEIGHT" in err, err)
    rc, out, err = run("--size", "800x600", EXAMPLE)
    check("--size alone is a usage error", rc == 2, err)

# The user's frameworks folder: a file that calls itself official with a later edition, a
# broken file, a pipe and a folder named *.json. The pipe must not block; each unusable file
# is one line on stderr (name and reason); the official edition stays the one in use.
with tempfile.TemporaryDirectory() as tmp:
    user_dir = os.path.join(tmp, "scs-assessor", "frameworks")
    os.makedirs(user_dir)
    OFFICIAL_TEXT = "リアルタイム検知・遮断する仕組みを導入すること"
    fw_text = open(FRAMEWORK, encoding="utf-8").read()
    fw_text = fw_text.replace('"edition": "2026-03-27"', '"edition": "2027-01-01"', 1)
    fw_text = fw_text.replace(OFFICIAL_TEXT, "仕組みは任意とする", 1)
    open(os.path.join(user_dir, "scs-2027-01-01.json"), "w", encoding="utf-8").write(fw_text)
    open(os.path.join(user_dir, "broken.json"), "w").write('{"format": ')
    os.mkfifo(os.path.join(user_dir, "pipe.json"))
    os.mkdir(os.path.join(user_dir, "folder.json"))
    env = {"XDG_DATA_HOME": tmp}
    unusable = {"broken.json": "not a readable JSON file", "pipe.json": "not a regular file",
                "folder.json": "this is a folder"}

    def told_on_stderr(err):
        lines = err.splitlines()
        return len(lines) == 3 and all(
            any(l.startswith("Criteria file not used: ") and os.path.join(user_dir, n) in l
                and why in l for l in lines) for n, why in unusable.items())

    rc, out, err = run("--summary", EXAMPLE, env_extra=env)
    check("summary with unusable framework files: exit 0, one stderr line each",
          rc == 0 and told_on_stderr(err), err)
    check("summary of an official engagement names the official edition",
          "edition 2026-03-27 (official)" in out and "user-provided" not in out, out[:300])
    for action in (["--validate", EXAMPLE],
                   ["--export-csv", os.path.join(tmp, "x.csv"), EXAMPLE],
                   ["--new", os.path.join(tmp, "n.scsa")]):
        rc, out, err = run(*action, env_extra=env)
        check("%s tells the unusable framework files on stderr" % action[0],
              rc == 0 and told_on_stderr(err), err)
    doc = json.load(open(os.path.join(tmp, "n.scsa"), encoding="utf-8"))
    check("--new uses the newest official edition, not the user-provided one",
          doc["framework"]["edition"] == "2026-03-27", str(doc["framework"]))

    made_with_user = json.load(open(EXAMPLE, encoding="utf-8"))
    made_with_user["framework"]["edition"] = "2027-01-01"
    path = os.path.join(tmp, "user.scsa")
    json.dump(made_with_user, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    rc, out, err = run("--summary", path, env_extra=env)
    check("summary of an engagement made with a user-provided edition says so",
          rc == 0 and "edition 2027-01-01 (user-provided, not the official text)" in out
          and ("User-provided criteria file: " + os.path.join(user_dir, "scs-2027-01-01.json")) in out
          and "Made with edition" not in out, out[:400] + err)
    ja_env = dict(env, LANGUAGE="ja", LC_ALL="C.UTF-8", SCS_ASSESSOR_LOCALEDIR=PO)
    rc, out, err = run("--summary", path, env_extra=ja_env)
    check("Japanese: the user-provided edition and the unusable files are told in Japanese",
          rc == 0 and "ユーザー提供" in out and len(err.splitlines()) == 3
          and all("使えなかった" in l for l in err.splitlines()), out[:300] + err)

rc, out, err = run("--summary", EXAMPLE)
check("no unusable framework files: nothing on stderr", rc == 0 and err == "", err)

# Exports never destroy: onto the engagement itself (by name, symbolic link, hard link)
# or onto a read-only file they are refused, and the file keeps its bytes.
with tempfile.TemporaryDirectory() as tmp:
    eng = os.path.join(tmp, "e.scsa")
    with open(EXAMPLE, "rb") as f, open(eng, "wb") as g:
        g.write(f.read())
    before = sha(eng)
    sym = os.path.join(tmp, "report.pdf")
    os.symlink(eng, sym)
    hard = os.path.join(tmp, "table.csv")
    os.link(eng, hard)
    for option, out_path, how in (("--export-pdf", eng, "itself"),
                                  ("--export-xlsx", eng, "itself"),
                                  ("--export-pdf", sym, "a symbolic link"),
                                  ("--export-csv", hard, "a hard link"),
                                  ("--export-radar", sym, "a symbolic link")):
        rc, out, err = run(option, out_path, eng)
        check("%s onto the engagement through %s is refused" % (option, how),
              rc == 1 and "engagement file itself" in err and "written" not in out
              and sha(eng) == before and os.path.islink(sym), out + err)
    locked = os.path.join(tmp, "locked.pdf")
    with open(locked, "wb") as f:
        f.write(b"keep")
    os.chmod(locked, 0o444)
    for option in ("--export-pdf", "--export-csv", "--export-xlsx"):
        rc, out, err = run(option, locked, eng)
        check("%s onto a read-only file is refused" % option,
              rc == 1 and "read-only" in err and open(locked, "rb").read() == b"keep", out + err)
    locked_png = os.path.join(tmp, "locked.png")
    with open(locked_png, "wb") as f:
        f.write(b"keep")
    os.chmod(locked_png, 0o444)
    rc, out, err = run("--export-radar", locked_png, eng)
    check("--export-radar onto a read-only file is refused",
          rc == 1 and "read-only" in err and open(locked_png, "rb").read() == b"keep", out + err)
    # Through a link to another file: that file is written and the link kept.
    target = os.path.join(tmp, "target.csv")
    with open(target, "wb") as f:
        f.write(b"old")
    via = os.path.join(tmp, "via.csv")
    os.symlink(target, via)
    rc, out, err = run("--export-csv", via, eng)
    check("an export through a link writes its target",
          rc == 0 and os.path.islink(via) and open(target, "rb").read().startswith(b"\xef\xbb\xbf"),
          out + err)
    rc, out, err = run("--new", sym)
    check("--new onto an existing engagement's link is refused",
          rc == 1 and sha(eng) == before, out + err)
    leftovers = [n for n in os.listdir(tmp) if re.search(r"\.[A-Za-z0-9]{6}$", n)]
    check("no temporary file left behind", leftovers == [], str(leftovers))

# Passphrase-protected engagements (--passphrase-file)
SEAL = os.path.join(os.path.dirname(EXE), "..", "tests", "scs-seal")
with tempfile.TemporaryDirectory() as tmp:
    secret = "sésame ひらけ 42"
    pf = os.path.join(tmp, "pass.txt")
    with open(pf, "w", encoding="utf-8") as f:
        f.write(secret + "\n")
    crlf = os.path.join(tmp, "crlf.txt")
    with open(crlf, "wb") as f:
        f.write((secret + "\r\n").encode("utf-8"))
    spaced = os.path.join(tmp, "spaced.txt")
    with open(spaced, "w", encoding="utf-8") as f:
        f.write(secret + " \nsecond line\n")
    wrong = os.path.join(tmp, "wrong.txt")
    with open(wrong, "w", encoding="utf-8") as f:
        f.write("not it\n")
    empty = os.path.join(tmp, "empty.txt")
    with open(empty, "w", encoding="utf-8") as f:
        f.write("\n" + secret + "\n")
    prot = os.path.join(tmp, "protected.scsa")
    p = subprocess.run([SEAL, EXAMPLE, prot, secret], capture_output=True)
    check("the helper protects the example", p.returncode == 0, p.stderr.decode())
    raw = open(prot, "rb").read()
    check("a protected file starts with its magic and hides the JSON",
          raw.startswith(b"SCSA-PROTECTED\x01") and b"AAA" not in raw
          and b'"assessments"' not in raw, repr(raw[:20]))
    before = sha(prot)

    rc, out, err = run("--validate", prot)
    check("--validate of a protected file without the passphrase: exit 1 naming the option",
          rc == 1 and "--passphrase-file" in err and "protected by a passphrase" in err, out + err)
    rc, out, err = run("--validate", prot, "--passphrase-file", pf)
    check("--validate with --passphrase-file", rc == 0 and "valid" in out, out + err)
    rc, out, err = run("--validate", prot, "--passphrase-file", crlf)
    check("a passphrase file with a CRLF line end", rc == 0, out + err)
    rc, out, err = run("--validate", prot, "--passphrase-file", spaced)
    check("only the line break is taken off: a trailing space is part of the passphrase",
          rc == 1 and "passphrase is wrong" in err, out + err)
    rc, out, err = run("--validate", prot, "--passphrase-file", wrong)
    check("a wrong passphrase: exit 1, said so", rc == 1 and "passphrase is wrong" in err,
          out + err)
    rc, out, err = run("--validate", prot, "--passphrase-file", empty)
    check("an empty first line is refused", rc == 1 and "not empty" in err, out + err)
    rc, out, err = run("--validate", prot, "--passphrase-file", os.path.join(tmp, "missing"))
    check("a missing passphrase file is named", rc == 1 and "--passphrase-file" in err, out + err)
    big = os.path.join(tmp, "big.txt")
    with open(big, "w", encoding="utf-8") as f:
        f.write(secret + "\n" + "x" * 5000 + "\n")
    rc, out, err = run("--validate", prot, "--passphrase-file", big)
    check("a passphrase file of more than 4 KB is refused", rc == 1 and "larger than" in err,
          out + err)
    rc, out, err = run("--passphrase-file", pf)
    check("--passphrase-file alone is a usage error", rc == 2, out + err)

    rc_plain, plain_out, _ = run("--summary", EXAMPLE)
    rc, out, err = run("--summary", prot, "--passphrase-file", pf)
    check("--summary of the protected example equals the plain one's",
          rc == 0 and rc_plain == 0 and out == plain_out, out[:200] + err)
    rc, out, err = run("--summary", prot)
    check("--summary without the passphrase: exit 1", rc == 1 and "--passphrase-file" in err,
          out + err)
    for option, ext in (("--export-csv", "csv"), ("--export-xlsx", "xlsx"),
                        ("--export-pdf", "pdf"), ("--export-radar", "svg")):
        a = os.path.join(tmp, "plain." + ext)
        b = os.path.join(tmp, "prot." + ext)
        rc1, o1, e1 = run(option, a, EXAMPLE)
        rc2, o2, e2 = run(option, b, prot, "--passphrase-file", pf)
        same = ext != "csv" or open(a, "rb").read() == open(b, "rb").read()
        check("%s of the protected example with --passphrase-file" % option,
              rc1 == 0 and rc2 == 0 and os.path.getsize(b) > 0 and same, o2 + e2)
        rc3, o3, e3 = run(option, os.path.join(tmp, "none." + ext), prot)
        check("%s of a protected file without the passphrase: exit 1" % option,
              rc3 == 1 and "--passphrase-file" in e3
              and not os.path.exists(os.path.join(tmp, "none." + ext)), o3 + e3)
    check("the protected file was never changed", sha(prot) == before)

    new = os.path.join(tmp, "new.scsa")
    rc, out, err = run("--new", "--company", "秘密工業", "--passphrase-file", pf, new)
    data = open(new, "rb").read() if os.path.exists(new) else b""
    check("--new with --passphrase-file writes a protected file",
          rc == 0 and data.startswith(b"SCSA-PROTECTED") and "秘密工業".encode() not in data
          and "protected" in out, out + err)
    rc, out, err = run("--summary", new, "--passphrase-file", pf)
    check("the new protected file opens with its passphrase", rc == 0 and "秘密工業" in out,
          out + err)
    everything = ""
    for args in (("--validate", new, "--passphrase-file", pf),
                 ("--validate", new, "--passphrase-file", wrong),
                 ("--validate", new)):
        rc, out, err = run(*args)
        everything += out + err
    check("the passphrase is never printed", secret not in everything and "not it" not in everything,
          everything)

# Japanese
ja = {"LANGUAGE": "ja", "LC_ALL": "C.UTF-8", "SCS_ASSESSOR_LOCALEDIR": PO}
rc, out, err = run("--summary", EXAMPLE, env_extra=ja)
check("Japanese summary", rc == 0 and "役割、責任、権限" in out and "準備状況" in out
      and "Readiness" not in out, out[:400] + err)
rc, out, err = run("--summary", EXAMPLE, "--unconfirmed", env_extra=ja)
check("Japanese summary with --unconfirmed names the follow-up verdicts it counts",
      rc == 0 and ("要フォローの評価 %d 件を含む" % n_follow_up) in out, out[-600:] + err)
rc, out, err = run("--help", env_extra=ja)
check("Japanese help", rc == 0 and "エンゲージメント" in out, out)
rc, out, err = run("--validate", os.path.join(bad_dir, "newer-version.scsa"), env_extra=ja)
check("Japanese error message", rc == 1 and "新しいバージョン" in err, err)
rc, out, err = run("--summary", EXAMPLE, env_extra=ja)
check("the Japanese readiness list names verdicts as the example's scale does (改善要, not 不適合)",
      "改善要" in out.split("準備状況")[-1] and "不適合" not in out, out[-600:])

# Every message of the command line in Japanese: no English words besides names of formats,
# options and the user's own files, for the commands, their results and their usage errors.
with tempfile.TemporaryDirectory() as d:
    eng = os.path.join(d, "e.scsa")
    with open(EXAMPLE, "rb") as f, open(eng, "wb") as g:
        g.write(f.read())
    english = re.compile(r"[A-Za-z]{3,}")
    allowed = {"PDF", "CSV", "PNG", "SVG", "JSON", "UTF", "SHA", "SCS", "NIST", "CSF", "Excel",
               "light", "dark", "full", "sheet", "plan", "visits", "radar", "scsa", "pdf", "csv",
               "png", "svg", "xlsx", "txt", "AAA"}   # AAA: the example's company
    commands = [("--validate", eng), ("--summary", eng), ("--summary", eng, "--unconfirmed"),
                ("--export-pdf", os.path.join(d, "s.pdf"), "--report", "plan", eng),
                ("--export-csv", os.path.join(d, "r.csv"), eng),
                ("--export-radar", os.path.join(d, "r.png"), eng),
                ("--export-radar", os.path.join(d, "r.txt"), eng),
                ("--new", os.path.join(d, "n.scsa"), "--level", "4", "--company", "テスト"),
                ("--new", eng), ("--new", os.path.join(d, "m.scsa"), "--level", "5"),
                ("--company-copy", os.path.join(d, "c.scsa"), eng),
                ("--company-copy", os.path.join(d, "c2.scsa"), "--with-plan", "--with-verdicts", eng),
                ("--validate", os.path.join(d, "missing.scsa")),
                ("--validate", os.path.join(bad_dir, "newer-version.scsa")),
                ("--export-pdf", os.path.join(d, "x.pdf"), "--report", "nothing", eng),
                ("--export-pdf", os.path.join(d, "y.pdf"), "--paper", "b5", eng),
                ("--export-radar", os.path.join(d, "z.png"), "--size", "3", eng),
                ("--size", "800x600", "--summary", eng),
                ("--export-csv", os.path.join(d, "w.csv"))]
    untranslated = []
    for args in commands:
        rc, out, err = run(*args, env_extra=ja)
        for line in (out + err).splitlines():
            # The user's own paths and the option names stay as they are typed.
            bare = re.sub(r"(%s|%s)\S*" % (re.escape(d), re.escape(SRC)), "", line)
            bare = re.sub(r"--[a-z-]+|\$\.[\w.\[\]]+", "", bare)   # options, JSON paths
            words = [w for w in english.findall(bare) if w not in allowed]
            if words:
                untranslated.append("%s: %s" % (" ".join(a.replace(d, "…") for a in args), line))
    check("every message of the command line is Japanese under LANGUAGE=ja", not untranslated,
          "\n".join(untranslated))

print("1..%d" % count)
sys.exit(1 if failures else 0)
