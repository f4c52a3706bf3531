#!/usr/bin/python3
"""scs-assessor --company-copy, as the expert would run it before e-mailing the company.

Usage: test-company-copy-cli.py SCS_ASSESSOR SOURCE_ROOT PO_BUILD_DIR

The input is the bundled example with a distinct marker put, here, in every field only the
expert may see (internal notes, follow-up verdicts' comments, each procedure's notes and
what was checked, maturity notes, visit notes, the CSM check sheet's notes, members this
version does not know); the copy must hold none of them, in any option.
"""

import hashlib
import json
import os
import re
import subprocess
import sys
import tempfile

EXE, SRC, PO = sys.argv[1:4]
EXAMPLE = os.path.join(SRC, "data", "samples", "example-aaa.scsa")
PROCEDURES = ("documents", "system", "site", "interview")
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


def marked_example():
    """The example with a marker in every expert-only field; returns (doc, markers)."""
    doc = json.load(open(EXAMPLE, encoding="utf-8"))
    markers = []

    def plant(record, member, marker):
        record[member] = marker
        markers.append(marker)

    with_verdict = [a for a in doc["assessments"] if a.get("verdict")]
    follow_up = {a["criterion"] for a in with_verdict[::9]}
    for a in doc["assessments"]:
        crit = a["criterion"]
        plant(a, "internal_note", "MK-INTERNAL-%s" % crit)
        for p in PROCEDURES:
            plant(a[p], "notes", "MK-NOTES-%s-%s" % (crit, p))
            plant(a[p], "checked", "MK-CHECKED-%s-%s" % (crit, p))
        if crit in follow_up:
            a["follow_up"] = True
            plant(a, "expert_comment", "MK-FOLLOWUP-%s" % crit)
        a["x_private"] = "MK-UNKNOWN-%s" % crit
        markers.append(a["x_private"])
    for m in doc["maturity"]:
        plant(m, "note", "MK-MATURITY-%s" % m["subcategory"])
    for v in doc["visits"]:
        plant(v, "notes", "MK-VISIT-%d" % v["number"])
    for c in doc["csm_check"]:
        plant(c, "note", "MK-CSM-%s" % c["item"])
    doc["x_private"] = "MK-UNKNOWN-TOP"
    markers.append(doc["x_private"])
    # Shown to the company only when the expert includes the agreed plan.
    doc["plan"]["summary"] = "PLAN-SUMMARY-AGREED"
    return doc, markers, follow_up


def write(path, doc):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(doc, f, ensure_ascii=False, indent=2)


def hits(path, markers):
    text = open(path, encoding="utf-8").read()
    return [m for m in markers if m in text]


with tempfile.TemporaryDirectory() as tmp:
    doc, markers, follow_up = marked_example()
    src = os.path.join(tmp, "engagement.scsa")
    write(src, doc)
    rc, out, err = run("--validate", src)
    check("the marked engagement is a valid file", rc == 0, out + err)
    check("markers planted in every kind of expert-only field",
          all(any(m.startswith(k) for m in markers)
              for k in ("MK-INTERNAL-", "MK-NOTES-", "MK-CHECKED-", "MK-FOLLOWUP-", "MK-MATURITY-",
                        "MK-VISIT-", "MK-CSM-", "MK-UNKNOWN-")) and len(follow_up) >= 5,
          str(len(markers)))
    src_sha = sha(src)
    by_crit = {a["criterion"]: a for a in doc["assessments"]}

    # Without options: the company's own answers, nothing of the expert's judgement.
    plain = os.path.join(tmp, "plain.scsa")
    rc, out, err = run("--company-copy", plain, src)
    check("--company-copy exits 0 and says what it wrote",
          rc == 0 and out == plain + ": company copy written, without the improvement plan or "
          "verdicts.\n" and err == "", out + err)
    check("the input is left as it was", sha(src) == src_sha)
    check("the copy is private (0600)", os.stat(plain).st_mode & 0o777 == 0o600,
          oct(os.stat(plain).st_mode))
    rc, out, err = run("--validate", plain)
    check("the copy opens (--validate)", rc == 0, out + err)
    copy = json.load(open(plain, encoding="utf-8"))
    origin = copy.get("company_copy", {})
    check("the copy says it is a company copy, from which engagement",
          origin.get("source_company") == doc["company"]["name"]
          and origin.get("source_created") == doc["created"]
          and origin.get("plan") is False and origin.get("verdicts") is False
          and origin.get("made", "") != "", str(origin))
    found = hits(plain, markers)
    check("the copy holds none of the markers", found == [], str(found[:10]))
    check("nor the plan", "PLAN-SUMMARY-AGREED" not in open(plain, encoding="utf-8").read())
    check("nor any verdict or expert comment",
          all(not a.get("verdict") and not a.get("expert_comment") for a in copy["assessments"]),
          str([a["criterion"] for a in copy["assessments"] if a.get("verdict")][:5]))
    theirs = {a["criterion"]: a for a in copy["assessments"]}
    answered = [c for c, a in by_crit.items() if a.get("company_status") or a.get("company_comment")]
    check("every company answer and comment is in the copy",
          len(answered) > 50 and all(
              theirs.get(c, {}).get("company_status", "") == by_crit[c].get("company_status", "")
              and theirs.get(c, {}).get("company_comment", "") == by_crit[c].get("company_comment", "")
              for c in answered),
          str([c for c in answered if c not in theirs][:5]))
    check("the company profile, documents and diagnosis are in the copy",
          copy["company"] == doc["company"] and copy["documents"] == doc["documents"]
          and copy["diagnosis"] == doc["diagnosis"], "")
    check("the visits are in the copy, without notes",
          len(copy["visits"]) == len(doc["visits"]) and all(
              v.get("agenda") == w.get("agenda") and not v.get("notes")
              for v, w in zip(copy["visits"], doc["visits"])), "")
    check("the exclusions without the expert's judgement",
          [e.get("what") for e in copy["scope"]["exclusions"]]
          == [e["what"] for e in doc["scope"]["exclusions"]]
          and all(not e.get("judgement") for e in copy["scope"]["exclusions"]),
          str(copy["scope"]["exclusions"]))
    check("no CSM check sheet, maturity or plan",
          not copy.get("csm_check") and not copy.get("maturity")
          and not copy.get("plan", {}).get("items"), "")

    # With the verdicts: the confirmed ones and their comments, never the follow-up ones.
    verdicts = os.path.join(tmp, "verdicts.scsa")
    rc, out, err = run("--company-copy", verdicts, "--with-verdicts", src)
    check("--with-verdicts exits 0 and says so",
          rc == 0 and "with the confirmed verdicts." in out, out + err)
    copy = json.load(open(verdicts, encoding="utf-8"))
    theirs = {a["criterion"]: a for a in copy["assessments"]}
    confirmed = [c for c, a in by_crit.items() if a.get("verdict") and not a.get("follow_up")]
    check("every confirmed verdict with its comment",
          len(confirmed) > 50 and all(
              theirs.get(c, {}).get("verdict") == by_crit[c]["verdict"]
              and theirs.get(c, {}).get("expert_comment", "") == by_crit[c].get("expert_comment", "")
              for c in confirmed), "")
    check("no follow-up verdict",
          all(not theirs.get(c, {}).get("verdict") for c in follow_up),
          str([theirs.get(c) for c in follow_up if theirs.get(c, {}).get("verdict")][:2]))
    check("the evidence as the sheet prints it (○, interviewee)",
          any(a.get("interview", {}).get("interviewee_name") for a in copy["assessments"])
          and any(a.get("documents", {}).get("performed") for a in copy["assessments"]), "")
    found = hits(verdicts, markers)
    check("--with-verdicts holds none of the markers", found == [], str(found[:10]))
    check("the exclusions with the expert's judgement",
          [e.get("judgement") for e in copy["scope"]["exclusions"]]
          == [e.get("judgement") for e in doc["scope"]["exclusions"]], "")

    # With the plan: once agreed only.
    both = os.path.join(tmp, "both.scsa")
    rc, out, err = run("--company-copy", both, "--with-plan", "--with-verdicts", src)
    check("--with-plan --with-verdicts exits 0",
          rc == 0 and "with the agreed improvement plan and the confirmed verdicts." in out,
          out + err)
    copy = json.load(open(both, encoding="utf-8"))
    check("the agreed plan is in the copy",
          copy["plan"]["summary"] == "PLAN-SUMMARY-AGREED"
          and len(copy["plan"]["items"]) == len(doc["plan"]["items"]), str(copy.get("plan"))[:200])
    found = hits(both, markers)
    check("--with-plan --with-verdicts holds none of the markers", found == [], str(found[:10]))
    rc, out, err = run("--validate", both)
    check("it opens (--validate)", rc == 0, out + err)

    draft_doc = json.loads(json.dumps(doc))
    draft_doc["plan"]["agreed_date"] = ""
    draft = os.path.join(tmp, "draft.scsa")
    write(draft, draft_doc)
    draft_out = os.path.join(tmp, "draft-copy.scsa")
    rc, out, err = run("--company-copy", draft_out, "--with-plan", draft)
    check("--with-plan on a plan without agreed date: exit 1 with the reason, nothing written",
          rc == 1 and "no agreed date" in err and not os.path.exists(draft_out), out + err)
    ja = {"LANGUAGE": "ja", "LC_ALL": "C.UTF-8", "SCS_ASSESSOR_LOCALEDIR": PO}
    rc, out, err = run("--company-copy", draft_out, "--with-plan", draft, env_extra=ja)
    check("… told in Japanese", rc == 1 and "合意日" in err and not os.path.exists(draft_out),
          out + err)
    rc, out, err = run("--company-copy", draft_out, draft)
    check("without --with-plan the draft is simply left out",
          rc == 0 and not json.load(open(draft_out, encoding="utf-8")).get("plan", {}).get("items"),
          out + err)
    rc, out, err = run("--company-copy", plain + "2", src, env_extra=ja)
    check("Japanese: the success message", rc == 0 and "企業用ファイル" in out, out + err)

    # A copy of a copy holds no more than its source.
    again = os.path.join(tmp, "again.scsa")
    rc, out, err = run("--company-copy", again, "--with-verdicts", "--with-plan", plain)
    copy = json.load(open(again, encoding="utf-8"))
    check("a copy of a plain copy gets no verdicts or plan, and keeps its origin",
          rc == 0 and "without the improvement plan or verdicts." in out
          and all(not a.get("verdict") for a in copy["assessments"])
          and copy["company_copy"]["source_created"] == doc["created"], out + err)

    # Never over the engagement itself, by its name or a link; never a read-only file.
    link = os.path.join(tmp, "link.scsa")
    os.symlink(src, link)
    for out_path, how in ((src, "its own name"), (link, "a symbolic link")):
        rc, out, err = run("--company-copy", out_path, src)
        check("the copy onto the engagement through %s is refused" % how,
              rc == 1 and "engagement file itself" in err and sha(src) == src_sha
              and os.path.islink(link), out + err)
    locked = os.path.join(tmp, "locked.scsa")
    with open(locked, "wb") as f:
        f.write(b"keep")
    os.chmod(locked, 0o444)
    rc, out, err = run("--company-copy", locked, src)
    check("onto a read-only file refused",
          rc == 1 and "read-only" in err and open(locked, "rb").read() == b"keep", out + err)

    # A newer or malformed file is refused, as everywhere, and nothing is written.
    for bad in ("newer-version.scsa", "bad-date.scsa"):
        path = os.path.join(SRC, "tests", "data", "bad", bad)
        before = sha(path)
        target = os.path.join(tmp, "from-" + bad)
        rc, out, err = run("--company-copy", target, path)
        check("%s refused, nothing written" % bad,
              rc == 1 and err.startswith(path + ": ") and not os.path.exists(target)
              and sha(path) == before, out + err)

    # Usage.
    rc, out, err = run("--with-plan", src)
    check("--with-plan alone is a usage error", rc == 2 and "--company-copy" in err, err)
    rc, out, err = run("--company-copy", os.path.join(tmp, "x.scsa"), src, src)
    check("two engagement files: usage error", rc == 2
          and not os.path.exists(os.path.join(tmp, "x.scsa")), err)
    rc, out, err = run("--company-copy", os.path.join(tmp, "x.scsa"), "--summary", src)
    check("with another action: usage error", rc == 2
          and not os.path.exists(os.path.join(tmp, "x.scsa")), err)
    # A protected engagement's copy, with its passphrase: protected too, and free of markers.
    seal = os.path.join(os.path.dirname(EXE), "..", "tests", "scs-seal")
    protected = os.path.join(tmp, "protected.scsa")
    passphrase = os.path.join(tmp, "pass.txt")
    with open(passphrase, "w", encoding="utf-8") as f:
        f.write("合言葉 🔑 copy\n")
    p = subprocess.run([seal, src, protected, "合言葉 🔑 copy"], capture_output=True)
    check("the marked example protected", p.returncode == 0, p.stderr.decode())
    sealed_copy = os.path.join(tmp, "sealed-copy.scsa")
    rc, out, err = run("--company-copy", sealed_copy, protected)
    check("a protected engagement without its passphrase: exit 1 naming the option",
          rc == 1 and "--passphrase-file" in err and not os.path.exists(sealed_copy), out + err)
    # The expert's passphrase only opens the engagement: the company must never need it.
    rc, out, err = run("--company-copy", sealed_copy, "--with-verdicts", protected,
                       "--passphrase-file", passphrase)
    raw = open(sealed_copy, "rb").read() if os.path.exists(sealed_copy) else b""
    check("with --passphrase-file alone the copy is written unprotected, and says so",
          rc == 0 and raw.startswith(b"{") and "not protected by a passphrase" in out
          and "--copy-passphrase-file" in out, out + err)
    check("the unprotected copy holds no marker", hits(sealed_copy, markers) == [],
          str(hits(sealed_copy, markers)))
    os.unlink(sealed_copy)

    # With a passphrase of its own: a new key, a new salt, the write cost.
    copy_pass = os.path.join(tmp, "copy-pass.txt")
    with open(copy_pass, "w", encoding="utf-8") as f:
        f.write("会社の合言葉 copy only\n")
    rc, out, err = run("--company-copy", sealed_copy, "--with-verdicts", protected,
                       "--passphrase-file", passphrase, "--copy-passphrase-file", copy_pass)
    raw = open(sealed_copy, "rb").read() if os.path.exists(sealed_copy) else b""
    source_raw = open(protected, "rb").read()
    check("with --copy-passphrase-file the copy is written protected, and says so",
          rc == 0 and raw.startswith(b"SCSA-PROTECTED") and b"AAA" not in raw
          and "protected by the passphrase in --copy-passphrase-file" in out, out + err)
    check("the copy's salt is not the engagement's",
          len(raw) > 133 and raw[32:48] != source_raw[32:48], raw[14:48].hex())
    check("the copy's header is not the engagement's (bytes 14-47)",
          len(raw) > 133 and raw[14:48] != source_raw[14:48], raw[14:48].hex())
    # Written at the app's write cost (Argon2id MODERATE: 3 passes, 256 MiB), not at the
    # minimum the test sealed the engagement with.
    check("the copy is sealed at the write cost",
          len(raw) > 133 and int.from_bytes(raw[16:24], "little") == 3
          and int.from_bytes(raw[24:32], "little") == 256 * 1024 * 1024,
          raw[16:32].hex())
    opened = os.path.join(tmp, "opened.csv")
    rc, out, err = run("--export-csv", opened, sealed_copy, "--passphrase-file", copy_pass)
    check("the protected copy opens with the copy's passphrase and holds no marker",
          rc == 0 and hits(opened, markers) == [], out + err)
    os.unlink(opened)
    rc, out, err = run("--export-csv", opened, sealed_copy, "--passphrase-file", passphrase)
    check("the protected copy does not open with the expert's passphrase",
          rc == 1 and "passphrase is wrong" in err and not os.path.exists(opened), out + err)

    # The option's own errors and usage.
    empty = os.path.join(tmp, "empty.txt")
    open(empty, "w").close()
    other = os.path.join(tmp, "other-copy.scsa")
    rc, out, err = run("--company-copy", other, protected, "--passphrase-file", passphrase,
                       "--copy-passphrase-file", empty)
    check("an empty --copy-passphrase-file: exit 1 naming it, nothing written",
          rc == 1 and "--copy-passphrase-file" in err and not os.path.exists(other), out + err)
    rc, out, err = run("--summary", protected, "--copy-passphrase-file", copy_pass)
    check("--copy-passphrase-file without --company-copy is a usage error",
          rc == 2 and "--company-copy" in err, out + err)
    rc, out, err = run("--help")
    check("--help names --copy-passphrase-file", rc == 0 and "--copy-passphrase-file" in out,
          out + err)
    leftovers = [n for n in os.listdir(tmp) if re.search(r"\.[A-Za-z0-9]{6}$", n)]
    check("no temporary file left behind", leftovers == [], str(leftovers))

print("1..%d" % count)
sys.exit(1 if failures else 0)
