#!/usr/bin/python3
"""Reports, CSV and XLSX as a user gets them from the command line.

Usage: test-report.py SCS_ASSESSOR SOURCE_ROOT

Checks the PDFs with poppler (pdftotext, pdffonts, pdfinfo), the CSV with Python's csv
module, and the workbook with LibreOffice converting it back to CSV. Expected values come
from the engagement and framework JSON, read here, never from the program's output.
"""

import csv
import glob
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile

EXE, SRC = sys.argv[1:3]
EXAMPLE = os.path.join(SRC, "data", "samples", "example-aaa.scsa")
FRAMEWORK = os.path.join(SRC, "data", "frameworks", "scs-2026-03-27.json")
CANARY = "CANARY-INTERNAL-4b7e"
failures = []
count = 0


def check(name, condition, detail=""):
    global count
    count += 1
    print("%s %d - %s%s" % ("ok" if condition else "not ok", count, name,
                            "" if condition else " # " + str(detail).replace("\n", " | ")[:800]))
    sys.stdout.flush()
    if not condition:
        failures.append(name)


def run(*args, env_extra=None):
    env = dict(os.environ)
    env.update({"LANGUAGE": "C", "LC_ALL": "C.UTF-8"})
    env.update(env_extra or {})
    return subprocess.run([EXE, *args], capture_output=True, env=env, timeout=120)


def pdftotext(path):
    return subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, check=True).stdout.decode()
    return int([l for l in out.splitlines() if l.startswith("Pages:")][0].split()[1])


def squash(text):
    """Text without the white space a PDF's line wrapping puts anywhere."""
    return "".join(text.split())


framework = json.load(open(FRAMEWORK, encoding="utf-8"))
requirements = {3: [], 4: []}
criteria = {3: [], 4: []}
for cat in framework["categories"]:
    for sub in cat["subcategories"]:
        for req in sub["requirements"]:
            for lv in (3, 4):
                if req["level"] <= lv:
                    requirements[lv].append(req["id"])
            for crit in req["criteria"]:
                for lv in (3, 4):
                    if crit["level"] <= lv:
                        criteria[lv].append(crit)
company_titles = {v["id"]: v["title"]["en"] for v in framework["scales"]["company"]}
verdict_titles = {}
for scale in framework["scales"]["verdict"]:
    for v in scale["values"]:
        verdict_titles[v["id"]] = v["title"]["en"]

tmp = tempfile.mkdtemp(prefix="scs-report-test-")
example = json.load(open(EXAMPLE, encoding="utf-8"))

# The example with a canary in every place meant for the expert alone.
secret = json.loads(json.dumps(example))
for a in secret["assessments"]:
    a["internal_note"] = CANARY + " note " + a["criterion"]
for v in secret["visits"]:
    v["notes"] = CANARY + " visit"
for m in secret.get("maturity", []):
    m["note"] = CANARY + " maturity"
secret_path = os.path.join(tmp, "secret.scsa")
json.dump(secret, open(secret_path, "w", encoding="utf-8"), ensure_ascii=False)

# A ★4 engagement with long comments on every criterion.
big = json.loads(json.dumps(example))
big["level"] = 4
long_text = "、".join(["取引先との契約書と運用記録を突き合わせて確認した結果%d" % i for i in range(14)]) + "。"
big["assessments"] = []
for i, crit in enumerate(criteria[4]):
    big["assessments"].append({
        "criterion": crit["id"],
        "company_status": ["done", "partly", "preparing", "not_done"][i % 4],
        "company_comment": long_text,
        "verdict": ["conforms", "needs_improvement"][i % 2],
        "expert_comment": long_text,
        "documents": {"performed": True}, "interview": {"performed": i % 3 == 0},
    })
# One comment longer than a page: its row must be cut between pages, every line once.
HUGE = "\n".join("長文%03d行目：是正処置の記録を確認した。" % i for i in range(160))
big["assessments"][5]["expert_comment"] = HUGE
big_path = os.path.join(tmp, "star4.scsa")
json.dump(big, open(big_path, "w", encoding="utf-8"), ensure_ascii=False)
check("the ★4 fixture is valid", run("--validate", big_path).returncode == 0,
      run("--validate", big_path).stderr)

# --- PDF -----------------------------------------------------------------------------------
full = os.path.join(tmp, "full.pdf")
p = run("--export-pdf", full, EXAMPLE)
check("full report exported", p.returncode == 0 and os.path.exists(full), p.stderr)
text = squash(pdftotext(full))
missing = [r for r in requirements[3] if r not in text]
check("the report names every ★3 requirement", not missing, missing)
check("the report names the company", "AAA株式会社" in text)
sheet = os.path.join(tmp, "sheet.pdf")
run("--export-pdf", sheet, "--report", "sheet", "--no-details", EXAMPLE)
sheet_text = squash(pdftotext(sheet))
missing = [r for r in requirements[3] if r not in sheet_text]
check("the sheet alone names every ★3 requirement", not missing, missing)
req_texts = [r["text"] for c in framework["categories"] for s in c["subcategories"]
             for r in s["requirements"] if r["level"] == 3]
missing = [t for t in req_texts if squash(t) not in sheet_text]
check("the sheet shows the requirements' texts verbatim", not missing, missing[:2])

fonts = subprocess.run(["pdffonts", full], capture_output=True, check=True).stdout.decode()
rows = [l.split() for l in fonts.splitlines()[2:] if l.strip()]
check("the report uses fonts", len(rows) >= 1, fonts)
not_embedded = [r[0] for r in rows if "yes" not in r[-5:-3]]
check("every font is embedded", not not_embedded, fonts)
check("the font is IPAex Gothic", any("IPAexGothic" in r[0] for r in rows), fonts)

n3 = pdf_pages(full)
check("★3 full report has a sane page count", 8 <= n3 <= 60, n3)
full4 = os.path.join(tmp, "full4.pdf")
p = run("--export-pdf", full4, big_path)
check("★4 report with long comments exported", p.returncode == 0, p.stderr)
n4 = pdf_pages(full4)
check("★4 with long comments takes more pages than ★3, within reason", n3 < n4 <= 400, (n3, n4))
text4 = squash(pdftotext(full4))
missing = [r for r in requirements[4] if r not in text4]
check("the ★4 report names every ★4 requirement", not missing, missing)
# Every word inside its page, and none in the gap between the body and the running foot:
# rows cut between pages stop where the body ends.
import re
bbox = subprocess.run(["pdftotext", "-bbox", full4, "-"], capture_output=True,
                      check=True).stdout.decode("utf-8")
outside, intruding = [], []
for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox, re.S):
    w, h = float(page.group(1)), float(page.group(2))
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)',
                         page.group(3)):
        x0, y0, x1, y1 = map(float, m.groups()[:4])
        if x0 < 0 or y0 < 0 or x1 > w or y1 > h:
            outside.append(m.group(5))
        if h - 58 + 1 < y1 and y0 < h - 47:
            intruding.append((round(y0), round(y1), m.group(5)))
check("every word of the ★4 report lies on its page", not outside, outside[:5])
huge_lines = ["長文%03d行目" % i for i in range(160)]
counts = [text4.count(l) for l in huge_lines]
check("a comment taller than a page is printed whole, each line once in the section per criterion",
      all(c == 2 for c in counts), [(l, c) for l, c in zip(huge_lines, counts) if c != 2][:5])
pages4 = pdftotext(full4).split("\f")
holding = [i for i, pg in enumerate(pages4) if any(l in squash(pg) for l in huge_lines)]
check("that comment's rows did go over more than one page (in the sheet and per criterion)",
      len(holding) >= 4, holding)
check("no row runs into the running foot", not intruding, intruding[:5])

# One comment of a single unbreakable run: laying it out takes time in proportion to its
# length (pango 1.50 alone takes the square: 100 000 characters took 49 s, 50 000 took 13 s),
# and it is printed whole, in order, over as many pages as it needs. A run of 'x' has no break
# opportunity at all; the kana below appear nowhere else in the report, and seven of them in
# turn show a line lost or printed twice as a break in the cycle.
import time
KANA = "ゐゑヰヱゎヮヵ"
RUNS = {"x": lambda n: "x" * n, "kana": lambda n: (KANA * (n // len(KANA) + 1))[:n]}


def long_comment_pdf(kind, n):
    e = json.loads(json.dumps(example))
    e["assessments"][0]["company_comment"] = RUNS[kind](n)
    src, out = os.path.join(tmp, "run-%s-%d.scsa" % (kind, n)), os.path.join(tmp, "run-%s-%d.pdf" % (kind, n))
    json.dump(e, open(src, "w", encoding="utf-8"), ensure_ascii=False)
    start = time.monotonic()
    try:
        p = run("--export-pdf", out, src)
        ok = p.returncode == 0
    except subprocess.TimeoutExpired:
        ok = False
    return time.monotonic() - start, (out if ok else None)


for kind in RUNS:
    # The better of two runs of each: another process on the machine slows one, never both.
    (t100, pdf100), (t200, pdf200) = long_comment_pdf(kind, 100000), long_comment_pdf(kind, 200000)
    if pdf100 is not None and pdf200 is not None:
        t100, t200 = min(t100, long_comment_pdf(kind, 100000)[0]), min(t200, long_comment_pdf(kind, 200000)[0])
    check("a 100 000- and a 200 000-character %s run are laid out (%.1f s, %.1f s)" % (kind, t100, t200),
          pdf100 is not None and pdf200 is not None)
    check("twice the %s run takes about twice the time, not four times (%.2f)" % (kind, t200 / t100),
          t200 / t100 < 3.0, (t100, t200))
    if pdf200 is None:
        continue
    printed = pdftotext(pdf200)
    if kind == "x":
        # In the sheet and in the section per criterion: twice. Words of x alone are its lines.
        xs = sum(len(w) for w in printed.split() if set(w) == {"x"})
        check("the 200 000 x are printed whole, twice", xs == 2 * 200000, xs)
        # A row taller than a page starts under the sheet's heading, not on the next page.
        lone = [i + 1 for i, pg in enumerate(printed.split("\f"))
                if "procedures performed are marked" in pg and "xxxx" not in pg]
        check("the sheet's heading is not left alone on a page", not lone, lone)
    else:
        kana = "".join(ch for ch in printed if ch in KANA)
        check("the 200 000 kana are printed whole and in order, twice", kana == RUNS[kind](200000) * 2,
              (len(kana), 2 * 200000))
    check("the %s run takes the pages it needs (%d)" % (kind, pdf_pages(pdf200)),
          pdf_pages(pdf200) > 100 + n3, pdf_pages(pdf200))

a3 = os.path.join(tmp, "a3.pdf")
run("--export-pdf", a3, "--report", "sheet", "--paper", "a3", EXAMPLE)
size = subprocess.run(["pdfinfo", a3], capture_output=True).stdout.decode()
check("A3 sheet is A3 landscape", "1190.55 x 841.89" in size, size)

for kind in ("plan", "visits", "radar"):
    out = os.path.join(tmp, kind + ".pdf")
    p = run("--export-pdf", out, "--report", kind, EXAMPLE)
    check("%s report exported" % kind, p.returncode == 0 and pdf_pages(out) >= 1, p.stderr)
plan_text = squash(pdftotext(os.path.join(tmp, "plan.pdf")))
check("the plan carries the expert's evaluation", squash(example["plan"]["summary"]) in plan_text)
check("the plan lists its items",
      all(squash(i["title"]) in plan_text for i in example["plan"]["items"]))
check("the plan lists meeting attendees", "情報太郎" in plan_text and "佐藤一郎" in plan_text)
visits_text = squash(pdftotext(os.path.join(tmp, "visits.pdf")))
check("visit reports say what was done",
      all(squash(v["done"]) in visits_text for v in example["visits"] if v.get("done")))
one = os.path.join(tmp, "visit2.pdf")
run("--export-pdf", one, "--report", "visits", "--visit", "2", EXAMPLE)
check("one visit's report is one visit", "Visit2" in squash(pdftotext(one))
      and "Visit1" not in squash(pdftotext(one)))

marked = os.path.join(tmp, "marked.pdf")
run("--export-pdf", marked, "--report", "plan", "--mark", "極秘テスト", EXAMPLE)
pages = pdftotext(marked).split("\f")
check("the mark is on every page", all("極秘テスト" in pg for pg in pages if pg.strip()))
check("page x / y on every page",
      all(("Page %d / " % (i + 1)) in pg for i, pg in enumerate(pages) if pg.strip()))

# Options: company comments left out; verdicts marked for follow-up left out by default.
comment = next(a["company_comment"] for a in example["assessments"] if a.get("company_comment"))
nc = os.path.join(tmp, "nc.pdf")
run("--export-pdf", nc, "--report", "sheet", "--no-company-comments", EXAMPLE)
check("company comments shown by default", squash(comment) in sheet_text)
check("--no-company-comments leaves them out", squash(comment) not in squash(pdftotext(nc)))
unsure = json.loads(json.dumps(example))
target = next(a for a in unsure["assessments"] if a.get("expert_comment"))
target["follow_up"] = True
target["expert_comment"] = "UNCONFIRMED-VERDICT-TEXT"
unsure_path = os.path.join(tmp, "unsure.scsa")
json.dump(unsure, open(unsure_path, "w", encoding="utf-8"), ensure_ascii=False)
u1, u2, u3 = (os.path.join(tmp, "u%d.pdf" % i) for i in (1, 2, 3))
p1 = run("--export-pdf", u1, "--report", "sheet", unsure_path)
p2 = run("--export-pdf", u2, "--report", "sheet", "--no-unconfirmed", unsure_path)
p3 = run("--export-pdf", u3, "--report", "sheet", "--unconfirmed", unsure_path)
check("the three sheets are written", p1.returncode == p2.returncode == p3.returncode == 0,
      p1.stderr + p2.stderr + p3.stderr)
check("unconfirmed verdicts left out by default", "UNCONFIRMED-VERDICT-TEXT" not in squash(pdftotext(u1)))
check("--no-unconfirmed, now the default, still leaves them out",
      "UNCONFIRMED-VERDICT-TEXT" not in squash(pdftotext(u2)))
check("--unconfirmed prints them", "UNCONFIRMED-VERDICT-TEXT" in squash(pdftotext(u3)))
f1, f3 = os.path.join(tmp, "u1-full.pdf"), os.path.join(tmp, "u3-full.pdf")
run("--export-pdf", f1, unsure_path)
run("--export-pdf", f3, "--unconfirmed", unsure_path)
n_unsure = sum(1 for a in unsure["assessments"] if a.get("follow_up") and a.get("verdict"))
note = "Including%dverdictsstillmarkedforfollow-up." % n_unsure
check("the default full report says nothing of follow-up verdicts",
      "stillmarkedforfollow-up" not in squash(pdftotext(f1)))
check("with --unconfirmed the cover and the radar page say how many they count (%d)" % n_unsure,
      [note in squash(pg) for pg in pdftotext(f3).split("\f")[:2]] == [True, True],
      pdftotext(f3)[:600])

# --- internal notes never leave ------------------------------------------------------------
outputs = {}
for kind in ("full", "sheet", "plan", "visits", "radar"):
    out = os.path.join(tmp, "secret-%s.pdf" % kind)
    run("--export-pdf", out, "--report", kind, secret_path)
    outputs[out] = squash(pdftotext(out))
sc = os.path.join(tmp, "secret.csv")
run("--export-csv", sc, secret_path)
outputs[sc] = open(sc, encoding="utf-8-sig").read()
sx = os.path.join(tmp, "secret.xlsx")
run("--export-xlsx", sx, secret_path)
with zipfile.ZipFile(sx) as z:
    outputs[sx] = "".join(z.read(n).decode("utf-8", "replace") for n in z.namelist())
leaks = [os.path.basename(k) for k, v in outputs.items() if CANARY in v]
check("no internal note in any PDF, CSV or XLSX", not leaks, leaks)
check("the outputs were read (the expert's comments are there)",
      all(squash(target_comment) in squash(v) for v in [outputs[sc], outputs[os.path.join(tmp, "secret-sheet.pdf")]]
          for target_comment in [next(a["expert_comment"] for a in example["assessments"] if a.get("expert_comment"))]))

# --- CSV -------------------------------------------------------------------------------------
cp = os.path.join(tmp, "a.csv")
p = run("--export-csv", cp, EXAMPLE)
check("CSV exported", p.returncode == 0, p.stderr)
raw = open(cp, "rb").read()
check("CSV starts with a UTF-8 byte order mark", raw.startswith(b"\xef\xbb\xbf"))
check("CSV lines end in CRLF", raw.count(b"\n") == raw.count(b"\r\n") and b"\r\n" in raw)
table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
by_id = {a["criterion"]: a for a in example["assessments"]}
follow_up_ids = {c for c, a in by_id.items() if a.get("follow_up") and a.get("verdict")}
check("the example has verdicts marked for follow-up", len(follow_up_ids) > 0, follow_up_ids)


def judgement(a, follow_up):
    """The verdict's title and the expert's comment an output shows: none for a verdict
    marked for follow-up unless the output asked for them (--unconfirmed)."""
    if a.get("follow_up") and not follow_up:
        return "", ""
    return verdict_titles.get(a.get("verdict", ""), ""), a.get("expert_comment", "")


def csv_bad(table, follow_up):
    header, body = table[0], table[1:]
    col = {name: header.index(name) for name in header}
    bad = []
    for row, crit in zip(body, criteria[3]):
        a = by_id.get(crit["id"], {})
        verdict, comment = judgement(a, follow_up)
        want = {
            "Criterion No.": crit["id"],
            "Evaluation criterion": crit["text"],
            "Company's result": company_titles.get(a.get("company_status", ""), ""),
            "Company's comment": a.get("company_comment", ""),
            "Evaluation (expert)": verdict,
            "Expert's comment": comment,
            "Documents": "○" if a.get("documents", {}).get("performed") else "",
            "Interview": "○" if a.get("interview", {}).get("performed") else "",
        }
        for name, value in want.items():
            if row[col[name]].replace("\r\n", "\n") != value:
                bad.append((crit["id"], name, row[col[name]][:40], value[:40]))
    return bad


header, body = table[0], table[1:]
check("CSV has one row per ★3 criterion", len(body) == len(criteria[3]), len(body))
bad = csv_bad(table, False)
check("CSV parses back to the engagement's values, follow-up verdicts left out by default",
      not bad, bad[:3])
check("a multi-line criterion survives quoting",
      any("\n" in crit["text"] for crit in criteria[3]) and not bad)
cu = os.path.join(tmp, "a-unconfirmed.csv")
p = run("--export-csv", cu, "--unconfirmed", EXAMPLE)
utable = list(csv.reader(io.StringIO(open(cu, "rb").read().decode("utf-8-sig"), newline="")))
bad = csv_bad(utable, True)
check("CSV with --unconfirmed parses back to every value, follow-up verdicts included",
      p.returncode == 0 and len(utable) == len(table) and not bad, (p.stderr, bad[:3]))
id_col = utable[0].index("Criterion No.")
differ = {r[id_col] for r, d in zip(utable[1:], table[1:]) if r != d}
check("the follow-up verdicts, and nothing else, tell the two CSVs apart",
      differ == follow_up_ids, (differ, follow_up_ids))

# --- CSV: no text becomes a formula ------------------------------------------------------
# A text a spreadsheet would evaluate gets an apostrophe in front; any other is left as it is.
LIVE = ["=1+1", "+1+1", "-2+3", "@SUM(1)", "\t=1+1", "\rtext", " =1+1", "  -1", "\n\n=1+1",
        '=HYPERLINK("http://x","y")', "-", "=", "- 箇条書き"]
INERT = ["＝1+1", "＋1", "－2", "＠SUM(1)", "'=1+1", "a=1", "1-2", "", "text\n=1+1", "・=1"]
hostile = json.loads(json.dumps(example))
texts = LIVE + INERT
for i, a in enumerate(hostile["assessments"][:len(texts)]):
    a["company_comment"] = texts[i]
    a["expert_comment"] = texts[-1 - i]
    a["follow_up"] = False
check("the example has a criterion for every hostile text", len(hostile["assessments"]) >= len(texts))
hostile_path = os.path.join(tmp, "hostile.scsa")
json.dump(hostile, open(hostile_path, "w", encoding="utf-8"), ensure_ascii=False)
hc = os.path.join(tmp, "hostile.csv")
p = run("--export-csv", hc, hostile_path)
check("the CSV of hostile comments is exported", p.returncode == 0, p.stderr)
htable = list(csv.reader(io.StringIO(open(hc, "rb").read().decode("utf-8-sig"), newline="")))
hcol = {name: i for i, name in enumerate(htable[0])}
hrows = {row[hcol["Criterion No."]]: row for row in htable[1:]}
bad = []
for a in hostile["assessments"][:len(texts)]:
    for field, column in (("company_comment", "Company's comment"), ("expert_comment", "Expert's comment")):
        text = a[field]
        want = ("'" + text if text in LIVE else text).replace("\n", "\r\n").replace("\r\r\n", "\r\n")
        got = hrows[a["criterion"]][hcol[column]]
        if got != want:
            bad.append((a["criterion"], column, text, got))
check("in both comment columns a text that starts like a formula gets an apostrophe, no other does",
      not bad, bad[:4])

# The official texts and ids never start like a formula: were an edition's to, the CSV would
# show an apostrophe in front of them and this would say so.
def strings(o):
    if isinstance(o, dict):
        for v in o.values():
            yield from strings(v)
    elif isinstance(o, list):
        for v in o:
            yield from strings(v)
    elif isinstance(o, str):
        yield o


live_official = []
for f in sorted(glob.glob(os.path.join(SRC, "data", "frameworks", "*.json"))):
    live_official += [(os.path.basename(f), t[:30]) for t in strings(json.load(open(f, encoding="utf-8")))
                      if t[:1] in ("\t", "\r") or t.lstrip(" \t\r\n")[:1] in ("=", "+", "-", "@")]
check("no official text or id starts like a formula", not live_official, live_official[:5])
crit_col, id_col = hcol["Evaluation criterion"], hcol["Criterion No."]
changed = [crit["id"] for crit, row in zip(criteria[3], htable[1:])
           if row[id_col] != crit["id"] or row[crit_col].replace("\r\n", "\n") != crit["text"]]
check("the CSV of hostile comments holds every criterion's id and text as the framework has them",
      len(htable) - 1 == len(criteria[3]) and not changed, changed[:3])

# --- XLSX through LibreOffice -------------------------------------------------------------
xp = os.path.join(tmp, "a.xlsx")
p = run("--export-xlsx", xp, EXAMPLE)
check("XLSX exported", p.returncode == 0, p.stderr)
with zipfile.ZipFile(xp) as z:
    names = z.namelist()
    sheet1 = z.read("xl/worksheets/sheet1.xml").decode("utf-8")
check("the workbook has four sheets and the radar image",
      sum(n.startswith("xl/worksheets/sheet") for n in names) == 4
      and any(n.startswith("xl/media/") for n in names), names)
check("the sheet has drop-down lists", "<dataValidation " in sheet1 and 'type="list"' in sheet1)
check("the sheet's header is frozen", 'state="frozen"' in sheet1)

office = shutil.which("libreoffice") or shutil.which("soffice")
check("LibreOffice is installed to read the workbook", office is not None)
if office:
    out_dir = os.path.join(tmp, "lo")
    os.makedirs(out_dir)
    p = subprocess.run([office, "--headless", "-env:UserInstallation=file://" + os.path.join(tmp, "lo-prof"),
                        "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                        "--outdir", out_dir, xp], capture_output=True, timeout=300)
    made = sorted(glob.glob(os.path.join(out_dir, "*.csv")))
    check("LibreOffice converts every sheet", len(made) == 4, (made, p.stderr[-400:]))
    crit_csv = [m for m in made if m.endswith("-Criteria.csv")]
    sheet_csv = [m for m in made if m.endswith("-Assessment Sheet.csv")]
    if crit_csv and sheet_csv:
        rows = list(csv.reader(open(crit_csv[0], encoding="utf-8", newline="")))
        head, data = rows[0], rows[1:]
        c = {name: head.index(name) for name in head}
        bad = []
        for row, crit in zip(data, criteria[3]):
            a = by_id.get(crit["id"], {})
            verdict, comment = judgement(a, False)
            for name, value in (("Criterion No.", crit["id"]), ("Evaluation criterion", crit["text"]),
                                ("Company's result", company_titles.get(a.get("company_status", ""), "")),
                                ("Company's comment", a.get("company_comment", "")),
                                ("Evaluation (expert)", verdict),
                                ("Expert's comment", comment)):
                if row[c[name]] != value:
                    bad.append((crit["id"], name, row[c[name]][:40], value[:40]))
        check("LibreOffice reads every criterion's cells as in the engagement, follow-up "
              "verdicts left out by default", len(data) == len(criteria[3]) and not bad, (len(data), bad[:3]))
        sheet_rows = list(csv.reader(open(sheet_csv[0], encoding="utf-8", newline="")))
        conform = sum(1 for a in example["assessments"]
                      if a.get("verdict") == "conforms" and not a.get("follow_up"))
        counted = [r for r in sheet_rows if "Criteria that conform" in r]
        check("the sheet's COUNTIF gives the count of confirmed conforming verdicts (%d)" % conform,
              counted and str(conform) in counted[0], (counted, conform))
    else:
        check("the Criteria and Assessment Sheet sheets were converted", False, made)

# --- a user-provided edition ------------------------------------------------------------------
# A file in the user's frameworks folder that calls itself official, with a later edition and
# one criterion reworded. The example stays with the official texts; an engagement made with
# the user-provided edition gets its texts, marked as such on the cover and on every page.
user_data = os.path.join(tmp, "xdg-data")
user_dir = os.path.join(user_data, "scs-assessor", "frameworks")
os.makedirs(user_dir)
OFFICIAL_TEXT = "リアルタイム検知・遮断する仕組みを導入すること"
USER_TEXT = "リアルタイム検知・遮断する仕組みを導入しなくてもよい"
user_fw = open(FRAMEWORK, encoding="utf-8").read()
user_fw = user_fw.replace('"edition": "2026-03-27"', '"edition": "2027-01-01"', 1)
user_fw = user_fw.replace(OFFICIAL_TEXT, USER_TEXT, 1)
open(os.path.join(user_dir, "scs-2027-01-01.json"), "w", encoding="utf-8").write(user_fw)
user_env = {"XDG_DATA_HOME": user_data}
USER_MARK = "user-providededition2027-01-01,nottheofficialtext"

official_pdf = os.path.join(tmp, "official.pdf")
p = run("--export-pdf", official_pdf, "--report", "full", EXAMPLE, env_extra=user_env)
text = squash(pdftotext(official_pdf))
check("with a user edition installed, the example's report keeps the official texts",
      p.returncode == 0 and squash(OFFICIAL_TEXT) in text and squash(USER_TEXT) not in text
      and "2026-03-27(official)" in text and "user-provided" not in text, p.stderr)

made_with_user = json.loads(json.dumps(example))
made_with_user["framework"]["edition"] = "2027-01-01"
made_with_user_path = os.path.join(tmp, "user-edition.scsa")
json.dump(made_with_user, open(made_with_user_path, "w", encoding="utf-8"), ensure_ascii=False)
user_pdf = os.path.join(tmp, "user.pdf")
p = run("--export-pdf", user_pdf, "--report", "full", made_with_user_path, env_extra=user_env)
pages = pdftotext(user_pdf).split("\f")
text = squash("".join(pages))
check("an engagement made with the user edition shows its texts", p.returncode == 0
      and squash(USER_TEXT) in text and squash(OFFICIAL_TEXT) not in text, p.stderr)
check("the cover says the edition is user-provided",
      "2027-01-01(user-providededition,nottheofficialtext)" in squash(pages[0]), pages[0][:600])
check("every page says its criteria texts are user-provided",
      all(USER_MARK in squash(pg) for pg in pages if pg.strip()),
      [i for i, pg in enumerate(pages) if pg.strip() and USER_MARK not in squash(pg)])
for kind in ("sheet", "plan"):
    out = os.path.join(tmp, "user-%s.pdf" % kind)
    run("--export-pdf", out, "--report", kind, made_with_user_path, env_extra=user_env)
    pages = pdftotext(out).split("\f")
    check("the %s report marks every page" % kind,
          all(USER_MARK in squash(pg) for pg in pages if pg.strip()) and len(pages) > 1)

# LibreOffice opening the CSV of hostile comments finds no formula in it.
if office:
    sheet_texts = ['=HYPERLINK("http://x","y")', "+1+1", "-2+3", "@SUM(1)", "=1+1", "\t=1+1", "\r=1+1"]
    e = json.loads(json.dumps(example))
    for a, text in zip(e["assessments"], sheet_texts):
        a["company_comment"] = text
    src, out = os.path.join(tmp, "formulas.scsa"), os.path.join(tmp, "formulas.csv")
    json.dump(e, open(src, "w", encoding="utf-8"), ensure_ascii=False)
    p = run("--export-csv", out, src)
    lo_dir = os.path.join(tmp, "lo-csv")
    os.makedirs(lo_dir)
    p = subprocess.run([office, "--headless", "-env:UserInstallation=file://" + os.path.join(tmp, "lo-prof"),
                        "--infilter=CSV:44,34,76,1", "--convert-to", "xlsx", "--outdir", lo_dir, out],
                       capture_output=True, timeout=300)
    book = os.path.join(lo_dir, "formulas.xlsx")
    check("LibreOffice reads the CSV of hostile comments", os.path.exists(book), p.stderr[-400:])
    if os.path.exists(book):
        with zipfile.ZipFile(book) as z:
            xml = "".join(z.read(n).decode("utf-8") for n in z.namelist() if n.startswith("xl/worksheets/"))
            shared = z.read("xl/sharedStrings.xml").decode("utf-8") if "xl/sharedStrings.xml" in z.namelist() else ""
        check("no cell of it is a formula", not re.search(r"<f[ >]", xml), re.findall(r"<f[ >].{0,80}", xml)[:3])
        check("the hostile texts are there, as text", "HYPERLINK" in shared and "@SUM(1)" in shared,
              shared[:300])

# --- XLSX: a text longer than a cell holds ------------------------------------------------
# Excel's cell holds 32 767 UTF-16 code units; libxlsxwriter writes nothing past its own count.
# The export is refused with a message naming the text, and no file is left; up to the limit
# the whole text is in the workbook.
JA = "情報資産の管理台帳を四半期ごとに見直している"


def xlsx_with(edit, name):
    e = json.loads(json.dumps(example))
    edit(e)
    src, out = os.path.join(tmp, name + ".scsa"), os.path.join(tmp, name + ".xlsx")
    json.dump(e, open(src, "w", encoding="utf-8"), ensure_ascii=False)
    return run("--export-xlsx", out, src), out


def set_comment(text):
    def edit(e):
        e["assessments"][0]["company_comment"] = text
    return edit


crit0 = example["assessments"][0]["criterion"]
p, out = xlsx_with(set_comment((JA * 2000)[:40000]), "long40k")
err = p.stderr.decode("utf-8", "replace")
check("a 40 000-character comment: the workbook is refused", p.returncode == 1, (p.returncode, err))
check("the message names the criterion, the field and the limit",
      crit0 in err and "Company's comment" in err and "40000" in err and "32,767" in err, err)
check("and no file is left, whole or partial", not os.path.exists(out), os.listdir(tmp))
keep_x = os.path.join(tmp, "keep.xlsx")
open(keep_x, "wb").write(b"OLD WORKBOOK")
e = json.loads(json.dumps(example))
e["assessments"][0]["company_comment"] = (JA * 2000)[:40000]
src = os.path.join(tmp, "long40k.scsa")
run("--export-xlsx", keep_x, src)
check("a workbook already under the name is left as it was", open(keep_x, "rb").read() == b"OLD WORKBOOK")
# Counted as Excel counts: 16 384 emoji are 32 768 code units, though 16 384 characters.
p, out = xlsx_with(set_comment("\U0001F600" * 16384), "emoji")
check("16 384 emoji (32 768 UTF-16 units) are refused too", p.returncode == 1 and not os.path.exists(out),
      p.stderr)
p, out = xlsx_with(set_comment("\U0001F600" * 16383), "emoji-fits")
check("16 383 emoji fit", p.returncode == 0, p.stderr)
def long_item(e):
    e["plan"]["items"][1]["details"] = "x" * 33000
p, out = xlsx_with(long_item, "item")
err = p.stderr.decode("utf-8", "replace")
check("a plan item longer than a cell is refused, naming the item", p.returncode == 1 and "item 2" in err
      and "Content" in err, err)
def long_document(e):
    ref = e["assessments"][0]["documents"]["refs"][0]["document"]
    next(d for d in e["documents"] if d["id"] == ref)["title"] = "文" * 33000
p, out = xlsx_with(long_document, "document")
err = p.stderr.decode("utf-8", "replace")
check("a document title longer than a cell (the Criteria sheet's evidence) is refused, naming it",
      p.returncode == 1 and "Evidence" in err, err)
edge = (JA * 2000)[:32767]
p, out = xlsx_with(set_comment(edge), "edge")
check("a comment of exactly 32 767 characters is written", p.returncode == 0, p.stderr)
if office and p.returncode == 0:
    edge_dir = os.path.join(tmp, "lo-edge")
    os.makedirs(edge_dir)
    subprocess.run([office, "--headless", "-env:UserInstallation=file://" + os.path.join(tmp, "lo-prof"),
                    "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                    "--outdir", edge_dir, out], capture_output=True, timeout=300)
    made = glob.glob(os.path.join(edge_dir, "*-Criteria.csv"))
    cells = [c for row in csv.reader(open(made[0], encoding="utf-8", newline="")) for c in row] if made else []
    check("LibreOffice reads the 32 767 characters back whole", edge in cells,
          (made, max((len(c) for c in cells), default=0)))

# --- radar: the radar page's chart prints every subcategory title whole, inside the page ---
RADAR_PO = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(EXE))), "po")
radar4 = json.loads(json.dumps(example))
radar4["level"] = 4
radar4_path = os.path.join(tmp, "radar4.scsa")
json.dump(radar4, open(radar4_path, "w", encoding="utf-8"), ensure_ascii=False)
radar_subs = {3: [], 4: []}
for cat in framework["categories"]:
    for sub in cat["subcategories"]:
        for lv in (3, 4):
            if min(r["level"] for r in sub["requirements"]) <= lv:
                radar_subs[lv].append(sub)
radar_word = re.compile(r'<word xMin="([-\d.]+)" yMin="([-\d.]+)" xMax="([-\d.]+)" yMax="([-\d.]+)">(.*?)</word>')
for lang, level, paper in (("en", 3, "a4"), ("ja", 3, "a4"), ("en", 4, "a4"), ("ja", 4, "a4"),
                           ("ja", 4, "a3")):
    name = "radar %s ★%d %s" % (lang, level, paper)
    out = os.path.join(tmp, "radar-%s-%d-%s.pdf" % (lang, level, paper))
    env = {"LANGUAGE": "ja", "SCS_ASSESSOR_LOCALEDIR": RADAR_PO} if lang == "ja" else None
    p = run("--export-pdf", out, "--report", "radar", "--paper", paper,
            EXAMPLE if level == 3 else radar4_path, env_extra=env)
    check(name + ": exported", p.returncode == 0, p.stderr)
    if p.returncode != 0:
        continue
    bbox = subprocess.run(["pdftotext", "-bbox", "-f", "1", "-l", "1", out, "-"],
                          capture_output=True, check=True).stdout.decode("utf-8")
    size = re.search(r'<page width="([\d.]+)" height="([\d.]+)"', bbox)
    page_w, page_h = float(size.group(1)), float(size.group(2))
    words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in radar_word.findall(bbox)]
    # The values table beside the chart also lists the titles, each id at the start of a
    # row: the rightmost of an id's two places is in the table, whose left edge parts the
    # chart from it.
    ids = [max((w for w in words if w[4] == s["id"]), key=lambda w: w[0], default=None)
           for s in radar_subs[level]]
    check(name + ": the chart and the table name every subcategory's id",
          all(w is not None for w in ids) and
          all(sum(1 for w in words if w[4] == s["id"]) == 2 for s in radar_subs[level]))
    if None in ids:
        continue
    table_x = min(w[0] for w in ids) - 3
    chart = subprocess.run(["pdftotext", "-raw", "-f", "1", "-l", "1", "-x", "0", "-y", "0",
                            "-W", str(int(table_x)), "-H", str(int(page_h) + 1), out, "-"],
                           capture_output=True, check=True).stdout.decode("utf-8")
    chart_text = squash(chart)
    labels = [squash(s["id"] + s["title"][lang]) for s in radar_subs[level]]
    check(name + ": the chart prints every subcategory title whole, once",
          all(chart_text.count(l) == 1 for l in labels),
          [l for l in labels if chart_text.count(l) != 1])
    check(name + ": no label is shortened", "…" not in chart, [l for l in chart.splitlines() if "…" in l])
    outside = [w for w in words if w[0] < -0.5 or w[1] < -0.5 or w[2] > page_w + 0.5 or w[3] > page_h + 0.5]
    check(name + ": every word inside the page", not outside, outside)
    spill = [w for w in words if w[0] < table_x and w[2] > table_x]
    check(name + ": no label runs into the table", not spill, spill)
# --- dates: the report's date, the footer's company name, --visit ------------------------
import datetime


def long_date(iso):
    """A YYYY-MM-DD date as the English reports write it out."""
    d = datetime.date.fromisoformat(iso)
    return "%d %s %d" % (d.day, d.strftime("%B"), d.year)


def pages_of(path):
    """Each page's text, squashed; none when there is no PDF."""
    if not os.path.exists(path):
        return []
    return [squash(pg) for pg in pdftotext(path).split("\f") if pg.strip()]


def foots_of(path):
    """Each page's running foot, its last line, squashed; none when there is no PDF."""
    if not os.path.exists(path):
        return []
    layout = subprocess.run(["pdftotext", "-layout", path, "-"], capture_output=True,
                            check=True).stdout.decode("utf-8")
    return [squash([l for l in pg.splitlines() if l.strip()][-1])
            for pg in layout.split("\f") if pg.strip()]


JA_ENV = {"LANGUAGE": "ja", "SCS_ASSESSOR_LOCALEDIR": os.path.join(os.path.dirname(EXE), "..", "po")}
for lang, env, written in (("en", None, "15April2026"), ("ja", JA_ENV, "2026年4月15日")):
    dated = os.path.join(tmp, "dated-%s.pdf" % lang)
    p = run("--export-pdf", dated, "--date", "2026-04-15", EXAMPLE, env_extra=env)
    pages, foots = pages_of(dated), foots_of(dated)
    check("--date 2026-04-15 (%s): written" % lang, p.returncode == 0 and len(pages) > 5, p.stderr)
    # The cover says it in its Date row, and every foot says it once: twice on the cover.
    check("--date (%s): on the cover" % lang, pages and pages[0].count(written) == 2,
          pages[0][-300:] if pages else "")
    check("--date (%s): in every page's foot" % lang,
          foots and len(foots) == len(pages) and all(written in f for f in foots),
          [(i + 1, f) for i, f in enumerate(foots) if written not in f][:5])
p = run("--export-pdf", os.path.join(tmp, "slashed.pdf"), "--date", "2026/4/15", "--report", "radar",
        EXAMPLE)
check("--date takes 2026/4/15 as the window does",
      p.returncode == 0 and "15April2026" in "".join(pages_of(os.path.join(tmp, "slashed.pdf"))),
      p.stderr)
today = long_date(datetime.date.today().isoformat()).replace(" ", "")
p = run("--export-pdf", os.path.join(tmp, "today.pdf"), "--report", "sheet", EXAMPLE)
today_pages = foots_of(os.path.join(tmp, "today.pdf"))
check("the sheet is dated today by default", today_pages and all(today in pg for pg in today_pages),
      today)

agreed = squash(long_date(example["plan"]["agreed_date"]))
plan_pages = foots_of(os.path.join(tmp, "plan.pdf"))
check("the plan is dated its agreed date by default (%s), on every page" % agreed,
      plan_pages and all(agreed in pg for pg in plan_pages)
      and not any(today in pg for pg in plan_pages), plan_pages)
draft = json.loads(json.dumps(example))
del draft["plan"]["agreed_date"]
draft_path, draft_pdf = os.path.join(tmp, "draft-plan.scsa"), os.path.join(tmp, "draft-plan.pdf")
json.dump(draft, open(draft_path, "w", encoding="utf-8"), ensure_ascii=False)
run("--export-pdf", draft_pdf, "--report", "plan", draft_path)
written_on = squash(long_date(example["plan"]["date"]))
draft_pages = foots_of(draft_pdf)
check("a plan not yet agreed is dated the day it was written (%s)" % written_on,
      draft_pages and all(written_on in pg for pg in draft_pages), draft_pages[:1])

# Every visit's report with its own visit's date at the foot of each of its pages.
wrong, seen, number = [], set(), None
visit_pages = pages_of(os.path.join(tmp, "visits.pdf"))
visit_foots = foots_of(os.path.join(tmp, "visits.pdf"))
for i, (pg, foot) in enumerate(zip(visit_pages, visit_foots)):
    m = re.search(r"VisitReport—Visit(\d+)", pg)
    number = int(m.group(1)) if m else number
    visit = next((v for v in example["visits"] if v["number"] == number), None)
    seen.add(number)
    if visit is None or squash(long_date(visit["date"])) not in foot:
        wrong.append((i + 1, number))
check("each visit report's pages carry its own visit's date", not wrong and len(seen) == 3,
      (wrong, seen))
two = foots_of(one)
check("one visit's report is dated that visit's day",
      two and all(squash(long_date(example["visits"][1]["date"])) in pg for pg in two))
p = run("--export-pdf", os.path.join(tmp, "visits-dated.pdf"), "--report", "visits",
        "--date", "2026-04-15", EXAMPLE)
dated_visits = foots_of(os.path.join(tmp, "visits-dated.pdf"))
check("a chosen date dates every visit's pages",
      dated_visits and all("15April2026" in pg for pg in dated_visits), p.stderr)

for bad in ("2026-02-30", "tomorrow", ""):
    out = os.path.join(tmp, "bad-date.pdf")
    p = run("--export-pdf", out, "--date", bad, EXAMPLE)
    err = p.stderr.decode()
    check("--date %r: usage error naming it, nothing written" % bad,
          p.returncode == 2 and ("“%s”" % bad) in err and not os.path.exists(out), (p.returncode, err))
p = run("--export-csv", os.path.join(tmp, "dated.csv"), "--date", "2026-04-15", EXAMPLE)
check("--date with a workbook or CSV is a usage error", p.returncode == 2
      and b"--date" in p.stderr and not os.path.exists(os.path.join(tmp, "dated.csv")), p.stderr)

# A company name of 200 characters with emoji: one line in the foot, shortened with "…".
longname = json.loads(json.dumps(example))
longname["company"]["name"] = ("株式会社🏭エーアイ・サイバー・セキュリティ・ホールディングス😀" * 8)[:200]
long_path, long_pdf = os.path.join(tmp, "long-name.scsa"), os.path.join(tmp, "long-name.pdf")
json.dump(longname, open(long_path, "w", encoding="utf-8"), ensure_ascii=False)
p = run("--export-pdf", long_pdf, "--report", "plan", long_path)
bbox = subprocess.run(["pdftotext", "-bbox", long_pdf, "-"], capture_output=True,
                      check=True).stdout.decode("utf-8") if p.returncode == 0 else ""
foots = []
for page in re.finditer(r'<page width="([\d.]+)" height="([\d.]+)">(.*?)</page>', bbox, re.S):
    w, h = float(page.group(1)), float(page.group(2))
    # Everything below the body: the foot, or what ran out of it. Not the tiny hex digits
    # Pango draws, two rows in a box, for an emoji no installed font has.
    words = [(float(a), float(b), float(c), float(d), t) for a, b, c, d, t in re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)',
        page.group(3)) if float(b) > h - 58
        and not (re.fullmatch("[0-9A-F]{2,3}", t) and float(d) - float(b) < 5)]
    foots.append((w, h, words))
check("long company name: the report is written", p.returncode == 0 and foots, p.stderr)
bad_foots = [(i + 1, [t for *_, t in words][:6]) for i, (w, h, words) in enumerate(foots)
             if not words or max(y0 for _, y0, _, _, _ in words) - min(y0 for _, y0, _, _, _ in words) > 3
             or any(x0 < 0 or x1 > w or y1 > h - 20 for x0, _, x1, y1, _ in words)]
check("long company name: every foot is one line inside the page", not bad_foots, bad_foots[:3])
check("long company name: shortened with an ellipsis in every foot",
      all(any("…" in t for *_, t in words) for _, _, words in foots),
      [[t for *_, t in words][:4] for _, _, words in foots][:2])

out = os.path.join(tmp, "visit9.pdf")
p = run("--export-pdf", out, "--report", "visits", "--visit", "9", EXAMPLE)
err = p.stderr.decode()
check("--visit 9 of 3 visits: exit 1 naming visit 9 and the 3 visits, nothing written",
      p.returncode == 1 and "visit 9" in err and "3 visits" in err and not os.path.exists(out),
      (p.returncode, err))
p = run("--export-pdf", out, "--report", "visits", "--visit", "9", EXAMPLE,
        env_extra={"LANGUAGE": "ja", "SCS_ASSESSOR_LOCALEDIR": JA_ENV["SCS_ASSESSOR_LOCALEDIR"]})
check("--visit 9 (ja): the message in Japanese names 9 and 3",
      p.returncode == 1 and "9" in p.stderr.decode() and "3" in p.stderr.decode()
      and not p.stderr.decode().isascii(), p.stderr.decode())
p = run("--export-pdf", out, "--visit", "2", EXAMPLE)
check("--visit without --report visits is a usage error",
      p.returncode == 2 and b"--visit" in p.stderr and not os.path.exists(out), p.stderr)
# --- sheet: the guide's bands, titles, one evaluation per requirement, evidence, first page ---
JA_ENV = {"LANGUAGE": "ja", "SCS_ASSESSOR_LOCALEDIR": os.path.join(os.path.dirname(os.path.dirname(EXE)), "po")}


def sheet_pdf(engagement, name, *args, ja=False):
    src, out = os.path.join(tmp, name + ".scsa"), os.path.join(tmp, name + ".pdf")
    json.dump(engagement, open(src, "w", encoding="utf-8"), ensure_ascii=False)
    p = run("--export-pdf", out, "--report", "sheet", *args, src, env_extra=JA_ENV if ja else None)
    check("the sheet %s is made" % name, p.returncode == 0, p.stderr)
    return out


def pages_text(path, *args):
    out = subprocess.run(["pdftotext", "-raw", *args, path, "-"], capture_output=True, check=True)
    return out.stdout.decode("utf-8").split("\f")[:pdf_pages(path)]


def header_text(path, page, last_title):
    """The header at the top of a page that goes on with the table: its titles, as lines."""
    text = subprocess.run(["pdftotext", "-raw", "-f", str(page), "-l", str(page), "-x", "0", "-y", "55",
                           "-W", "1200", "-H", "60", path, "-"], capture_output=True).stdout.decode()
    return text[:text.find(last_title) + len(last_title)] if last_title in text else text


star4 = json.loads(json.dumps(example))
star4["level"] = 4
for lang, ja in (("en", False), ("ja", True)):
    for level, eng in ((3, example), (4, star4)):
        pdf = sheet_pdf(eng, "sheet-%s-%d" % (lang, level), ja=ja)
        texts = [squash(t) for t in pages_text(pdf)]
        bands = ("企業が記入する欄", "評価手続き（実施したものに○印）") if ja else \
            ("Filledinbythecompany", "Evaluationprocedures(○whereperformed)")
        missing = [i + 1 for i, t in enumerate(texts) if not all(b in t for b in bands)]
        check("both header bands are on every sheet page (%s, ★%d)" % (lang, level), not missing, missing)
        number = "★%d要求事項No." % level if ja else "★%drequirementNo." % level
        check("the number column is titled %s" % number, number in texts[0], texts[0][:300])
        check("the details list 評価基準 No. (%s)" % lang,
              any(("評価基準No." if ja else "CriterionNo.") in t for t in texts))
        # A page that goes on with the table starts with the header: no title cut inside a word.
        if ja:
            head = header_text(pdf, 2, "専門家コメント")
            words = ["システム", "現場視察", "ヒアリング", "評価結果", "（専門家記入）", "要求事項", "文書類"]
        else:
            head = header_text(pdf, 2, "Expert's comment")
            words = ["Interview", "requirement", "Evaluation", "Docs", "System"]
        cut = [w for w in words if w not in head]
        check("no header title of the sheet is cut inside a word (%s, ★%d)" % (lang, level), not cut,
              (cut, head))

# A3: the same titles whole.
pdf = sheet_pdf(example, "sheet-a3-ja", "--paper", "a3", ja=True)
head = subprocess.run(["pdftotext", "-raw", "-f", "2", "-l", "2", "-x", "0", "-y", "55", "-W", "1700", "-H", "90",
                       pdf, "-"], capture_output=True).stdout.decode()
cut = [w for w in ["システム", "現場視察", "ヒアリング", "（専門家記入）", "要求事項"] if w not in head]
check("no header title is cut inside a word on A3", not cut, (cut, head[:400]))

# One criterion needing improvement makes its requirement need improvement, named; no other
# verdict is printed beside it. Without its comment, a red mark says so.
strict = json.loads(json.dumps(example))
for a in strict["assessments"]:
    if a["criterion"].startswith("2-1-1-"):
        a["follow_up"] = False
        a["verdict"] = "needs_improvement" if a["criterion"] == "2-1-1-2" else "conforms"
        a["expert_comment"] = "" if a["criterion"] == "2-1-1-2" else "一覧を確認した。"
pdf = sheet_pdf(strict, "sheet-strict", "--no-details")
first = squash(pages_text(pdf)[0])
row = first[first.find("2-1-1取引先"):first.find("2-1-2")]
check("a requirement with one criterion needing improvement prints Needs improvement only",
      "Needsimprovement" in row and "Conforms" not in row and "(1)" not in row, row)
check("and its comment cell names the criterion", "Needsimprovement:2-1-1-2" in row, row)
check("a verdict without its required comment is marked", "⚠Commentmissing" in row, row)
pdf = sheet_pdf(strict, "sheet-strict-ja", "--no-details", ja=True)
first = squash(pages_text(pdf)[0])
check("in Japanese: 改善要 named, コメント未記入 marked",
      "改善要：2-1-1-2" in first and "⚠コメント未記入" in first and "適合(1)" not in first, first[:1500])
for a in strict["assessments"]:
    if a["criterion"] == "2-1-1-2":
        a["expert_comment"] = "接続一覧が未完成。"
pdf = sheet_pdf(strict, "sheet-strict-commented")
check("no mark where the comment is written", not any("Commentmissing" in squash(t) for t in pages_text(pdf)))
# The mark is the expert's to-do: the company's copy, given with its verdicts, has none.
copy = os.path.join(tmp, "strict-copy.scsa")
for a in strict["assessments"]:
    if a["criterion"] == "2-1-1-2":
        a["expert_comment"] = ""
json.dump(strict, open(os.path.join(tmp, "strict-again.scsa"), "w", encoding="utf-8"), ensure_ascii=False)
p = run("--company-copy", copy, "--with-verdicts", os.path.join(tmp, "strict-again.scsa"))
check("the company's copy with verdicts is written", p.returncode == 0, p.stderr)
p = run("--export-pdf", os.path.join(tmp, "copy.pdf"), "--report", "sheet", copy)
copied = squash("".join(pages_text(os.path.join(tmp, "copy.pdf")))) if p.returncode == 0 else ""
check("the company's copy prints its verdicts but no missing-comment mark",
      "Needsimprovement:2-1-1-2" in copied and "Commentmissing" not in copied, copied[:600])
plain_sheet = pages_text(sheet_pdf(example, "sheet-example"))
marks = [i + 1 for i, t in enumerate(plain_sheet) if "Comment missing" in t]
check("the example, every required comment written, has no mark", not marks, marks)

# The evidence names the place observed and the interviewee, never the notes.
noted = json.loads(json.dumps(example))
for a in noted["assessments"]:
    for proc in ("documents", "system", "site", "interview"):
        if proc in a:
            a[proc]["notes"] = "NOTESMARK-" + a["criterion"]
pdf = sheet_pdf(noted, "sheet-evidence")
joined = squash("".join(pages_text(pdf)))
check("the evidence names where the site was observed", "Observedat:本社サーバ室・執務室(2025-12-02)" in joined)
check("and who was interviewed", "Interviewed:管理部情報システム部部長佐藤一郎" in joined)
check("never the procedures' notes", "NOTESMARK" not in joined)

# The first page is never the title alone, however tall the first requirement's row.
alone = []
for n in range(20, 90, 2):
    tall = json.loads(json.dumps(example))
    for a in tall["assessments"]:
        if a["criterion"] == "1-2-1-1":
            a["expert_comment"] = "\n".join("長い所見%03d：記録を確認した。" % i for i in range(n))
    src, out = os.path.join(tmp, "tall.scsa"), os.path.join(tmp, "tall.pdf")
    json.dump(tall, open(src, "w", encoding="utf-8"), ensure_ascii=False)
    run("--export-pdf", out, "--report", "sheet", "--no-details", src)
    if "1-2-1" not in pages_text(out, "-f", "1", "-l", "1")[0]:
        alone.append(n)
check("the sheet's first page holds table rows whatever the first row's height", not alone, alone)
# --- speed: fonts, their subsets and the size they make -----------------------------------
# Every report kind in both languages names IPAex Gothic, embedded and subset, and never
# Noto Sans CJK, whose CFF subsets keep nearly all of their subroutines (1–2 MB a PDF).
# Where fontconfig hides IPAex the report still comes out, in Noto, with one line of warning.
PO = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(EXE))), "po")
JA_ENV = {"LANGUAGE": "ja", "LC_ALL": "C.UTF-8", "SCS_ASSESSOR_LOCALEDIR": PO}


def pdffonts(path):
    out = subprocess.run(["pdffonts", path], capture_output=True, check=True).stdout.decode()
    # name type… encoding emb sub uni object ID: the three flags are the 5th to 3rd from last
    return [(l.split()[0], l.split()[-5:-2]) for l in out.splitlines()[2:] if l.strip()], out


for lang, env_extra in (("en", None), ("ja", JA_ENV)):
    for kind in ("full", "sheet", "plan", "visits", "radar"):
        out = os.path.join(tmp, "fonts-%s-%s.pdf" % (kind, lang))
        p = run("--export-pdf", out, "--report", kind, EXAMPLE, env_extra=env_extra)
        fonts, listing = pdffonts(out) if p.returncode == 0 else ([], p.stderr)
        check("%s report (%s): every font embedded as a subset" % (kind, lang),
              fonts and all(flags[:2] == ["yes", "yes"] for _, flags in fonts), listing)
        check("%s report (%s): IPAex Gothic, no Noto Sans CJK" % (kind, lang),
              any("IPAexGothic" in name for name, _ in fonts)
              and not any("Noto" in name for name, _ in fonts), listing)
        check("%s report (%s): no warning about fonts" % (kind, lang), p.stderr == b"", p.stderr)
        if kind == "full":
            size = os.path.getsize(out) if p.returncode == 0 else None
            check("the example's full report (%s) is at most 400 KB" % lang,
                  size is not None and size <= 400 * 1024, size)

# fontconfig without IPAex: its own configuration, which includes the system's and rejects
# the IPAex families, so the test needs no font removed from the machine. (By family, not by
# file: Debian also reaches them through fonts-japanese-gothic.ttf, a name no glob of
# "ipaex" matches.)
hidden = os.path.join(tmp, "no-ipaex.conf")
open(hidden, "w").write("""<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="no">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>
    <pattern><patelt name="family"><string>IPAexGothic</string></patelt></pattern>
    <pattern><patelt name="family"><string>IPAexMincho</string></patelt></pattern>
  </rejectfont></selectfont>
</fontconfig>
""")
out = os.path.join(tmp, "fonts-fallback.pdf")
p = run("--export-pdf", out, "--report", "sheet", EXAMPLE, env_extra={"FONTCONFIG_FILE": hidden})
warnings = [l for l in p.stderr.decode("utf-8", "replace").splitlines() if l.strip()]
check("without IPAex the report is still made", p.returncode == 0 and os.path.exists(out), p.stderr)
check("without IPAex: one line of warning naming the font and its package",
      len(warnings) == 1 and "IPAexGothic" in warnings[0] and "fonts-ipaexfont-gothic" in warnings[0],
      warnings)
fonts, listing = pdffonts(out) if p.returncode == 0 else ([], "")
check("without IPAex: Noto Sans CJK, embedded", any("NotoSansCJK" in name for name, _ in fonts)
      and not any("IPAex" in name for name, _ in fonts)
      and all(flags[0] == "yes" for _, flags in fonts), listing)
p = run("--export-pdf", out, "--report", "sheet", EXAMPLE,
        env_extra=dict(JA_ENV, FONTCONFIG_FILE=hidden))
check("without IPAex: the warning is translated", "IPAexGothic" in p.stderr.decode("utf-8", "replace")
      and "Warning" not in p.stderr.decode("utf-8", "replace") and p.returncode == 0, p.stderr)
# --- workbook: page furniture and the confidentiality mark in XLSX and CSV ------------------
import html
import re


def sheet_xml(book):
    """Each worksheet's XML in order, and the workbook's and shared strings' XML."""
    with zipfile.ZipFile(book) as z:
        n = sum(1 for name in z.namelist() if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name))
        return ([z.read("xl/worksheets/sheet%d.xml" % i).decode("utf-8") for i in range(1, n + 1)],
                z.read("xl/workbook.xml").decode("utf-8"),
                z.read("xl/sharedStrings.xml").decode("utf-8"))


def header_footer(xml):
    """A sheet's odd page header and footer as Excel reads them (XML entities undone)."""
    h = re.search(r"<oddHeader>(.*?)</oddHeader>", xml, re.S)
    f = re.search(r"<oddFooter>(.*?)</oddFooter>", xml, re.S)
    return (html.unescape(h.group(1)) if h else None, html.unescape(f.group(1)) if f else None)


def cell_strings(xml, shared):
    """The texts of a sheet's cells by reference (A1), shared strings resolved."""
    table = [html.unescape(re.sub(r"<[^>]+>", "", si)) for si in re.findall(r"<si>(.*?)</si>", shared, re.S)]
    return {ref: table[int(v)] for ref, v in
            re.findall(r'<c r="([A-Z]+\d+)"[^>]*t="s"[^>]*><v>(\d+)</v>', xml)}


def with_company(name, path):
    e = json.loads(json.dumps(example))
    e["company"]["name"] = name
    json.dump(e, open(path, "w", encoding="utf-8"), ensure_ascii=False)
    return path


wb = os.path.join(tmp, "wb-marked.xlsx")
p = run("--export-xlsx", wb, "--mark", "極秘テスト", EXAMPLE)
sheets, book_xml, shared = sheet_xml(wb)
company = example["company"]["name"]
check("workbook: every sheet has a page header with the company left and the mark right, "
      "and a footer with page x of y",
      p.returncode == 0 and len(sheets) == 4
      and all(header_footer(x)[0] == "&L%s&R&B極秘テスト" % company
              and "Page &P of &N" in (header_footer(x)[1] or "") for x in sheets),
      (p.stderr, [header_footer(x) for x in sheets]))
check("workbook: every sheet prints on A4 landscape, one page wide",
      all('orientation="landscape"' in x and 'paperSize="9"' in x and 'fitToPage="1"' in x
          and 'fitToWidth="' not in x.replace('fitToWidth="1"', "") for x in sheets),
      [re.findall(r"<pageSetup[^>]*>", x) for x in sheets])
a3 = os.path.join(tmp, "wb-a3.xlsx")
p = run("--export-xlsx", a3, "--paper", "a3", EXAMPLE)
check("workbook: --paper a3 puts every sheet on A3",
      p.returncode == 0 and all('paperSize="8"' in x for x in sheet_xml(a3)[0]), p.stderr)
names = dict(((m[0], m[1]), html.unescape(m[2])) for m in
             re.findall(r'<definedName name="(_xlnm\.Print_\w+)" localSheetId="(\d)"[^>]*>(.*?)</definedName>',
                        book_xml))
check("workbook: a print area on every sheet, the header rows repeated on the sheet and the criteria",
      all(("_xlnm.Print_Area", str(i)) in names for i in range(4))
      and names.get(("_xlnm.Print_Titles", "0"), "").endswith("!$2:$3")
      and names.get(("_xlnm.Print_Titles", "2"), "").endswith("!$1:$1"), names)
area = names.get(("_xlnm.Print_Area", "2"), "")
check("workbook: the criteria's print area covers every criterion's row and every column",
      area.endswith("!$A$1:$Q$%d" % (len(criteria[3]) + 1)), area)
cells = cell_strings(sheets[0], shared)
plan_cells = cell_strings(sheets[1], shared)
check("workbook: the mark stands in the sheet's and the plan's title rows, on screen too",
      "極秘テスト" in [v for k, v in cells.items() if re.fullmatch(r"[A-Z]+1", k)]
      and "極秘テスト" in [v for k, v in plan_cells.items() if re.fullmatch(r"[A-Z]+1", k)],
      ({k: v for k, v in cells.items() if k.endswith("1") and len(k) <= 2}))

amp = run("--export-xlsx", os.path.join(tmp, "wb-amp.xlsx"), "--mark", "",
          with_company("A&B株式会社", os.path.join(tmp, "amp.scsa")))
amp_sheets, _, amp_shared = sheet_xml(os.path.join(tmp, "wb-amp.xlsx"))
check("workbook: a literal & in the company is written && in the page header",
      amp.returncode == 0 and all(header_footer(x)[0] == "&LA&&B株式会社" for x in amp_sheets),
      [header_footer(x)[0] for x in amp_sheets])
check("workbook: no mark, no mark text in the header or the title row",
      all("&R" not in header_footer(x)[0] for x in amp_sheets) and "Confidential" not in amp_shared
      and "極秘テスト" not in amp_shared)

long_name = "長" * 201 + "&" * 60 + "L" * 39
lp = os.path.join(tmp, "wb-long.xlsx")
p = run("--export-xlsx", lp, with_company(long_name, os.path.join(tmp, "long.scsa")))
long_sheets, _, _ = sheet_xml(lp)
heads = [header_footer(x)[0] or "" for x in long_sheets]
utf16 = [len(h.encode("utf-16-le")) // 2 for h in heads]
check("workbook: a 300-character company name is cut with … so the header stays within 255",
      p.returncode == 0 and all(n <= 255 for n in utf16)
      and all(h.startswith("&L" + "長" * 201) and "…&R&BConfidential" in h for h in heads)
      and all(re.sub("&&", "", h[2:h.index("…")]).count("&") == 0 for h in heads),
      (p.stderr, utf16, heads[:1]))
ap = os.path.join(tmp, "wb-astral.xlsx")
p = run("--export-xlsx", ap, with_company("😀" * 200, os.path.join(tmp, "astral.scsa")))
heads = [header_footer(x)[0] or "" for x in sheet_xml(ap)[0]]
check("workbook: a name of emoji (two UTF-16 units each) is cut to fit as well",
      p.returncode == 0 and all(len(h.encode("utf-16-le")) // 2 <= 255 and "…&R" in h for h in heads),
      (p.stderr, [len(h.encode("utf-16-le")) // 2 for h in heads]))

# CSV: a last column holds the mark on every row, only when there is a mark.
def read_csv(*args):
    out = os.path.join(tmp, "wb-%d.csv" % len(args))
    p = run("--export-csv", out, *args, EXAMPLE)
    return p, list(csv.reader(io.StringIO(open(out, "rb").read().decode("utf-8-sig"), newline="")))


p, marked_csv = read_csv("--mark", "極秘テスト")
check("CSV with a mark: a last column Classification holds it on every row",
      p.returncode == 0 and marked_csv[0][-1] == "Classification"
      and len(marked_csv) == len(criteria[3]) + 1
      and all(r[-1] == "極秘テスト" and len(r) == len(marked_csv[0]) for r in marked_csv[1:]),
      (p.stderr, marked_csv[0][-3:], marked_csv[1][-3:]))
p, plain_csv = read_csv("--mark", "")
check("CSV without a mark: no such column, the rest unchanged",
      p.returncode == 0 and plain_csv[0][-1] == "Expert's comment"
      and [r[:-1] for r in marked_csv] == plain_csv, plain_csv[0][-3:])
check("CSV by default carries the default mark, as the PDFs do",
      table[0][-1] == "Classification" and all(r[-1] == "Confidential" for r in table[1:]),
      table[0][-2:])

# What prints: LibreOffice's PDF of the workbook has the company, the mark and page x of y on
# its pages (one conversion: it is slow).
if office:
    lo_pdf_dir = os.path.join(tmp, "lo-pdf")
    src = with_company("A&B株式会社", os.path.join(tmp, "amp-marked.scsa"))
    book = os.path.join(tmp, "amp-marked.xlsx")
    run("--export-xlsx", book, "--mark", "極秘テスト", src)
    p = subprocess.run([office, "--headless", "-env:UserInstallation=file://" + os.path.join(tmp, "lo-prof"),
                        "--convert-to", "pdf", "--outdir", lo_pdf_dir, book],
                       capture_output=True, timeout=300)
    made = os.path.join(lo_pdf_dir, "amp-marked.pdf")
    pages = pdftotext(made).split("\f") if os.path.exists(made) else []
    pages = [pg for pg in pages if pg.strip()]
    n = len(pages)
    missing = [i + 1 for i, pg in enumerate(pages)
               if "A&B株式会社" not in pg or "極秘テスト" not in pg or not re.search(r"Page \d+ of \d+", pg)]
    check("LibreOffice prints the company (with its &), the mark and the page number on every page",
          n >= 4 and not missing, (n, missing, p.stderr[-300:]))

# --- forms: 改善計画書 and 実施報告書 as the guide prints them ---------------------------------
FORMS_JA = {"LANGUAGE": "ja", "SCS_ASSESSOR_LOCALEDIR": RADAR_PO}
forms_plan = os.path.join(tmp, "forms-plan.pdf")
p = run("--export-pdf", forms_plan, "--report", "plan", EXAMPLE, env_extra=FORMS_JA)
plan_text = squash(pdftotext(forms_plan)) if p.returncode == 0 else ""
check("forms: the plan's meetings are written as the guide does, 14:00~17:00",
      "2025/11/11(火)14:00~17:00" in plan_text and "14:00–17:00" not in plan_text, plan_text[:400])
# The expert's row: the name then nothing else on its line, no empty shaded box after it.
plan_bbox = subprocess.run(["pdftotext", "-bbox", forms_plan, "-"], capture_output=True,
                           check=True).stdout.decode("utf-8")
forms_word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
forms_words = [(float(a), float(b), float(c), w) for a, b, c, _, w in forms_word.findall(plan_bbox)]
expert_label = [w for w in forms_words if w[3] == "専門家氏名"]
check("forms: the plan has its 専門家氏名 row", bool(expert_label))
if expert_label:
    same_line = [w[3] for w in forms_words if abs(w[1] - expert_label[0][1]) < 2]
    check("forms: the 専門家氏名 row holds the label and the name only",
          same_line == ["専門家氏名", "応援太郎"], same_line)
# A plan with nothing known yet prints dashes, never an empty cell.
bare = json.loads(json.dumps(example))
bare["plan"]["author_title"] = bare["plan"]["author_name"] = ""
bare["expert"]["name"] = ""
bare_path = os.path.join(tmp, "forms-bare.scsa")
json.dump(bare, open(bare_path, "w", encoding="utf-8"), ensure_ascii=False)
forms_bare = os.path.join(tmp, "forms-bare.pdf")
p = run("--export-pdf", forms_bare, "--report", "plan", bare_path, env_extra=FORMS_JA)
bare_lines = [l.split() for l in pdftotext(forms_bare).splitlines()] if p.returncode == 0 else []
check("forms: an unknown expert and author print as dashes",
      ["専門家氏名", "—"] in bare_lines and any(l[-1:] == ["—"] and "氏名" in "".join(l) for l in bare_lines),
      bare_lines[:12])

# The visit report: place and author in its header, the schedule as time ranges.
forms_visit = os.path.join(tmp, "forms-visit.pdf")
p = run("--export-pdf", forms_visit, "--report", "visits", "--visit", "1", EXAMPLE, env_extra=FORMS_JA)
visit_text = pdftotext(forms_visit) if p.returncode == 0 else ""
first_visit = example["visits"][0]
check("forms: the visit report names the place",
      squash("場所 " + first_visit["place"]) in squash(visit_text), visit_text[:600])
check("forms: the visit report names its author", squash("作成者 " + first_visit["author"]) in squash(visit_text))
agenda = first_visit["agenda"]
h, m = map(int, agenda[0]["time"].split(":"))
end = h * 60 + m + agenda[0]["minutes"]
slot = "%d:%02d-%d:%02d" % (h, m, end // 60, end % 60)
check("forms: the schedule shows each slot as a range with its length (%s %d分)" % (slot, agenda[0]["minutes"]),
      squash("%s %d分" % (slot, agenda[0]["minutes"])) in squash(visit_text), visit_text[:800])
# Without an author the report is the expert's; a slot without minutes ends at the next start.
no_author = json.loads(json.dumps(example))
no_author["visits"][0].pop("author", None)
no_author["visits"][0]["agenda"][0].pop("minutes", None)
no_author["visits"][0]["agenda"][0]["time"] = "09:05"
no_author_path = os.path.join(tmp, "forms-no-author.scsa")
json.dump(no_author, open(no_author_path, "w", encoding="utf-8"), ensure_ascii=False)
forms_visit2 = os.path.join(tmp, "forms-visit2.pdf")
p = run("--export-pdf", forms_visit2, "--report", "visits", "--visit", "1", no_author_path)
visit2 = squash(pdftotext(forms_visit2)) if p.returncode == 0 else ""
check("forms: without an author the visit report names the expert",
      squash("Author " + example["expert"]["name"]) in visit2, visit2[:600])
check("forms: a slot without minutes runs to the next row's start (9:05–%s)" % agenda[1]["time"],
      ("9:05–" + agenda[1]["time"]) in visit2, visit2[:800])
# Place and author are the company's to see: the company copy keeps them.
forms_copy = os.path.join(tmp, "forms-copy.scsa")
p = run("--company-copy", forms_copy, EXAMPLE)
copied = json.load(open(forms_copy, encoding="utf-8")) if p.returncode == 0 else {"visits": []}
check("forms: the company copy keeps each visit's place and author",
      [(v.get("place"), v.get("author")) for v in copied["visits"]]
      == [(v.get("place"), v.get("author")) for v in example["visits"]], p.stderr)

# --- errors -----------------------------------------------------------------------------------
keep = os.path.join(tmp, "keep.pdf")
open(keep, "wb").write(b"OLD CONTENT")
broken = os.path.join(tmp, "broken.scsa")
open(broken, "w").write('{"format": "scs-assessor-engagement", ')
p = run("--export-pdf", keep, broken)
check("a broken engagement is refused", p.returncode == 1 and p.stderr, p.stderr)
check("and the file under the name is untouched", open(keep, "rb").read() == b"OLD CONTENT")
p = run("--export-pdf", os.path.join(tmp, "nowhere", "x.pdf"), EXAMPLE)
check("a missing folder is an error that names it", p.returncode == 1 and b"nowhere" in p.stderr, p.stderr)
p = run("--export-pdf", tmp, EXAMPLE)
check("a folder as the output is an error", p.returncode == 1 and os.path.isdir(tmp), p.stderr)
p = run("--export-pdf", keep, "--report", "everything", EXAMPLE)
check("an unknown report is a usage error", p.returncode == 2, p.stderr)
p = run("--export-csv", keep, "--export-pdf", keep, EXAMPLE)
check("two exports at once are a usage error", p.returncode == 2, p.stderr)
leftovers = [n for n in os.listdir(tmp) if n.startswith(".")]
check("no temporary files are left behind", not leftovers, leftovers)

shutil.rmtree(tmp, ignore_errors=True)
print("1..%d" % count)
sys.exit(1 if failures else 0)
