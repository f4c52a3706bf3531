#!/usr/bin/python3
"""What is shown is what is counted: every output's figures against the rows it prints.

Usage: test-counts.py SCS_ASSESSOR SOURCE_ROOT

The fixture is the bundled example with verdicts marked for follow-up across several
subcategories — conforming, not conforming and not applicable — made here, in a temporary
folder. Each output is made three ways: by default, which must hide the follow-up verdicts
(confidential by default), with --no-unconfirmed (the old way to ask for that, still
accepted), and with --unconfirmed (the expert's opt-in, where they are printed and counted).
For each, the figures the output prints are compared with the rows the same output prints:
the PDF reports (full, sheet, plan, visits, radar) read with pdftotext, the workbook's
sheet XML read with zipfile (its formulas evaluated here over its own cells), the CSV,
--summary, and the radar image, which hidden must be the image of an engagement where those
verdicts were never given. An output that counts them says how many beside its figures; one
that does not never says so.
"""

import csv
import hashlib
import html
import io
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
import zipfile

EXE, SRC = sys.argv[1:3]
# How each output is asked for; "default" and "hidden" must hide the follow-up verdicts.
MODES = {"default": [], "hidden": ["--no-unconfirmed"], "shown": ["--unconfirmed"]}
EXAMPLE = os.path.join(SRC, "data", "samples", "example-aaa.scsa")
FRAMEWORK = os.path.join(SRC, "data", "frameworks", "scs-2026-03-27.json")
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


def run(*args):
    env = dict(os.environ)
    env.update({"LANGUAGE": "C", "LC_ALL": "C.UTF-8"})
    p = subprocess.run([EXE, *args], capture_output=True, env=env, timeout=120)
    return p.returncode, p.stdout.decode("utf-8"), p.stderr.decode("utf-8")


framework = json.load(open(FRAMEWORK, encoding="utf-8"))
scale = next(s for s in framework["scales"]["verdict"] if s["id"] == "assessment")
TITLE = {v["id"]: v["title"]["en"] for v in scale["values"]}
KIND = {TITLE["conforms"]: "conforms", TITLE["needs_improvement"]: "fails", TITLE["na"]: "na"}
# A verdict's first word is enough to tell it in a PDF column.
FIRST_WORD = {t.split()[0]: k for t, k in KIND.items()}
SUBS = []
for cat in framework["categories"]:
    for sub in cat["subcategories"]:
        if any(c["level"] <= 3 for r in sub["requirements"] for c in r["criteria"]):
            SUBS.append(sub["id"])


def sub_of(criterion):
    return "-".join(criterion.split("-")[:2])


# The fixture ---------------------------------------------------------------------------------

example = json.load(open(EXAMPLE, encoding="utf-8"))
by_id = {a["criterion"]: a for a in example["assessments"]}


def first_in(prefix, verdict):
    return next(c for c, a in by_id.items() if c.startswith(prefix + "-") and a["verdict"] == verdict)


# A confirmed n/a, so that “applicable” is tested too, and follow-up verdicts of every kind
# in seven subcategories (the example already flags 2-1-1-1 and 4-3-4-2).
confirmed_na = first_in("4-5", "conforms")
by_id[confirmed_na].update(verdict="na", expert_comment="対象となるシステムがない。")
flagged = {
    "1-2-1-1": "conforms", "2-1-1-1": "conforms", "3-1-1-1": "conforms",
    first_in("4-1", "conforms"): "conforms", first_in("4-4", "conforms"): "na",
    "4-2-2-1": "needs_improvement", "4-3-4-2": "needs_improvement",
    "6-1-1-1": "needs_improvement",
}
for cid, verdict in flagged.items():
    by_id[cid].update(verdict=verdict, follow_up=True, expert_comment="FOLLOW-UP-NOTE-" + cid)
for a in example["assessments"]:
    if a["criterion"] not in flagged:
        a["follow_up"] = False

# The same engagement where the flagged verdicts were never given.
blank = json.loads(json.dumps(example))
for a in blank["assessments"]:
    if a["criterion"] in flagged:
        a.update(verdict="", expert_comment="", follow_up=False)

tmp_dir = tempfile.TemporaryDirectory(prefix="scs-counts-")
tmp = tmp_dir.name
FIXTURE = os.path.join(tmp, "follow-up.scsa")
BLANK = os.path.join(tmp, "blank.scsa")
for path, doc in ((FIXTURE, example), (BLANK, blank)):
    with open(path, "w", encoding="utf-8") as f:
        f.write(json.dumps(doc, ensure_ascii=False, indent=2) + "\n")
for path in (FIXTURE, BLANK):
    rc, out, err = run("--validate", path)
    check("fixture %s is valid" % os.path.basename(path), rc == 0, out + err)


def tally(rows):
    """Counts over rows {criterion: kind or None}, overall and per subcategory."""
    def count_of(items):
        kinds = list(items)
        return {"conforms": kinds.count("conforms"), "fails": kinds.count("fails"),
                "na": kinds.count("na"), "none": kinds.count(None), "all": len(kinds)}
    per = {s: count_of(k for c, k in rows.items() if sub_of(c) == s) for s in SUBS}
    return count_of(rows.values()), per


# PDF ------------------------------------------------------------------------------------------

WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pdf_pages(path):
    out = subprocess.run(["pdftotext", "-bbox", path, "-"], capture_output=True,
                         check=True).stdout.decode("utf-8")
    pages = []
    for chunk in out.split("<page ")[1:]:
        pages.append([(float(x0), float(y0), float(x1), html.unescape(t))
                      for x0, y0, x1, _, t in WORD.findall(chunk)])
    return pages


def pdf_text(path):
    return subprocess.run(["pdftotext", "-raw", path, "-"], capture_output=True,
                          check=True).stdout.decode("utf-8")


def pdf_text_pages(path):
    return pdf_text(path).split("\f")


def detail_rows(path):
    """The section per criterion: {criterion: kind or None}, from the words of the verdict
    column on the criterion's line."""
    rows = {}
    for words in pdf_pages(path):
        # The section may begin part way down a page, under the sheet's last rows: its
        # header is the line of the word "Evidence".
        top = [w[1] for w in words if w[3] == "Evidence"]
        if not top:
            continue
        head = [w for w in words if abs(w[1] - top[0]) < 25]   # with the bands over it
        # The verdict column's title, right of the band "Evaluation procedures".
        left = sorted((w[0] for w in head if w[3] == "Evaluation" and w[0] > 400), reverse=True)
        right = [w[0] for w in head if w[3] == "Expert's"]
        if not left or not right:
            continue
        for x0, y0, _, text in words:
            if re.fullmatch(r"\d+-\d+-\d+-\d+", text) and x0 < 45 and y0 > top[0]:
                said = [t for (wx, wy, _, t) in words
                        if left[0] - 8 <= wx < right[0] - 2 and abs(wy - y0) < 1.0]
                rows[text] = FIRST_WORD.get(said[0]) if said else None
                if said and said[0] not in FIRST_WORD:
                    rows[text] = "?" + said[0]
    return rows


def cover_figures(text):
    flat = " ".join(text.split())
    m = re.search(r"Result (\d+) of (\d+) applicable criteria conform; (\d+) need improvement; "
                  r"(\d+) not yet evaluated", flat)
    return tuple(int(g) for g in m.groups()) if m else None


def radar_table(text):
    """{subcategory: (conforming, applicable)} from the radar page's table."""
    flat = " ".join(text.split())
    start = flat.find("Subcategory Conforming Self- assessed Maturity")
    if start < 0:
        return None
    end = flat.find("Security Assessment Sheet", start)
    part = flat[start:end if end > 0 else len(flat)]
    return {s: (int(a), int(b)) for s, a, b in re.findall(r"(\d-\d) [^/–]*?(\d+)/(\d+)", part)}


def expected_cover(total):
    return (total["conforms"], total["all"] - total["na"], total["fails"], total["none"])


# What an output that counts the follow-up verdicts says beside its figures.
NOTE = "Including %d verdicts still marked for follow-up." % len(flagged)


SAYS = {False: "names the follow-up verdicts it counts", True: "says nothing of follow-up verdicts"}


def notes_right(text, hidden):
    """Shown: the note with the right count; hidden: no word of follow-up verdicts counted."""
    flat = " ".join(text.split())
    return "still marked for follow-up" not in flat if hidden else NOTE in flat


pdfs = {}
for mode, options in MODES.items():
    for kind in ("full", "sheet", "plan", "visits", "radar"):
        out = os.path.join(tmp, "%s-%s.pdf" % (kind, mode))
        args = ["--export-pdf", out, "--report", kind] + options
        rc, so, se = run(*(args + [FIXTURE]))
        check("%s report, follow-up %s: written" % (kind, mode), rc == 0, so + se)
        pdfs[kind, mode] = out

for mode in MODES:
    hidden = mode != "shown"
    full = pdfs["full", mode]
    text = pdf_text(full)
    rows = detail_rows(full)
    check("full report, follow-up %s: every criterion has its row" % mode,
          len(rows) == len(by_id) and not any(isinstance(k, str) and k.startswith("?")
                                              for k in rows.values()), rows)
    printed_flagged = {c: rows.get(c) for c in flagged}
    if hidden:
        check("full report, follow-up hidden: the flagged rows show no verdict",
              all(k is None for k in printed_flagged.values()), printed_flagged)
        check("full report, follow-up hidden: no flagged comment is printed",
              "FOLLOW-UP-NOTE" not in "".join(text.split()))
    else:
        check("full report, follow-up shown: the flagged rows show their verdicts",
              all(printed_flagged[c] == {"conforms": "conforms", "na": "na",
                                         "needs_improvement": "fails"}[v]
                  for c, v in flagged.items()), printed_flagged)
    total, per = tally(rows)
    check("full report, follow-up %s: the cover counts the rows printed" % mode,
          cover_figures(text) == expected_cover(total), (cover_figures(text), expected_cover(total)))
    cover = pdf_text_pages(full)[0]
    check("full report, follow-up %s: the cover %s"
          % (mode, SAYS[hidden]),
          notes_right(cover, hidden) and cover_figures(cover) is not None, cover)
    table = radar_table(text)
    want = {s: (per[s]["conforms"], per[s]["all"] - per[s]["na"]) for s in SUBS}
    check("full report, follow-up %s: the radar page counts the rows printed" % mode,
          table == want, (table, want))
    if hidden:
        # 2-1 of the example: 2-1-1-1 conforms but awaits follow-up, so two of four.
        check("full report, follow-up %s: 2-1 is 2/4, not 3/4" % mode, table and table.get("2-1") == (2, 4),
              table and table.get("2-1"))
    check("full report, follow-up %s: the radar page %s"
          % (mode, SAYS[hidden]),
          notes_right(pdf_text_pages(full)[1], hidden) and radar_table(pdf_text_pages(full)[1]),
          pdf_text_pages(full)[1][:400])

    sheet = pdfs["sheet", mode]
    check("sheet report, follow-up %s: its rows are the full report's rows" % mode,
          detail_rows(sheet) == rows)
    check("sheet report, follow-up %s: prints no figure to contradict them" % mode,
          cover_figures(pdf_text(sheet)) is None and radar_table(pdf_text(sheet)) is None)

    radar = pdfs["radar", mode]
    check("radar report, follow-up %s: its table counts the rows of the sheet made with the "
          "same options" % mode, radar_table(pdf_text(radar)) == want,
          (radar_table(pdf_text(radar)), want))
    check("radar report, follow-up %s: %s"
          % (mode, SAYS[hidden]), notes_right(pdf_text(radar), hidden))
    check("sheet report, follow-up %s: has no figures, so no note either" % mode,
          notes_right(pdf_text(sheet), True))

    for kind in ("plan", "visits"):
        flat = "".join(pdf_text(pdfs[kind, mode]).split())
        check("%s report, follow-up %s: no count of criteria to contradict the sheet" % (kind, mode),
              "applicablecriteriaconform" not in flat and "Conforming" not in flat)
        if hidden:
            check("%s report, follow-up %s: no flagged comment" % (kind, mode), "FOLLOW-UP-NOTE" not in flat)

# The fixture matters: hiding the follow-up verdicts moves the figures.
check("the follow-up verdicts change the figures of at least five subcategories",
      sum(1 for s in SUBS if radar_table(pdf_text(pdfs["full", "hidden"]))[s]
          != radar_table(pdf_text(pdfs["full", "shown"]))[s]) >= 5)
# Confidential by default: the default reports are the --no-unconfirmed ones, page for page.
for kind in ("full", "sheet", "plan", "visits", "radar"):
    check("%s report: by default the same text as with --no-unconfirmed" % kind,
          pdf_text(pdfs[kind, "default"]) == pdf_text(pdfs[kind, "hidden"]))

# CSV ------------------------------------------------------------------------------------------

csv_rows = {}
for mode, options in MODES.items():
    hidden = mode != "shown"
    out = os.path.join(tmp, "rows-%s.csv" % mode)
    rc, so, se = run(*(["--export-csv", out] + options + [FIXTURE]))
    with open(out, encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    head = table[0]
    cid, verdict, comment = (head.index("Criterion No."), head.index("Evaluation (expert)"),
                             head.index("Expert's comment"))
    rows = {r[cid]: KIND.get(r[verdict]) for r in table[1:]}
    csv_rows[mode] = rows
    check("CSV, follow-up %s: one row per criterion, no summary row" % mode,
          rc == 0 and len(table) == len(by_id) + 1 and set(rows) == set(by_id), so + se)
    check("CSV, follow-up %s: the rows are the full report's rows" % mode,
          rows == detail_rows(pdfs["full", mode]))
    if hidden:
        check("CSV, follow-up %s: flagged rows have no verdict and no comment" % mode,
              all(r[verdict] == "" and r[comment] == "" for r in table[1:] if r[cid] in flagged))
    else:
        check("CSV, follow-up shown: flagged rows have their verdicts and comments",
              all(r[verdict] != "" and r[comment] == "FOLLOW-UP-NOTE-" + r[cid]
                  for r in table[1:] if r[cid] in flagged))

# Workbook -------------------------------------------------------------------------------------

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main"}


def col_index(letters):
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def read_book(path):
    """{sheet name: {cell ref: (value, formula)}}, shared strings resolved."""
    book = {}
    with zipfile.ZipFile(path) as z:
        shared = []
        if "xl/sharedStrings.xml" in z.namelist():
            for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
                shared.append("".join(t.text or "" for t in si.iter("{%s}t" % NS["m"])))
        names = [s.get("name") for s in ET.fromstring(z.read("xl/workbook.xml")).find("m:sheets", NS)]
        for i, name in enumerate(names, 1):
            cells = {}
            for c in ET.fromstring(z.read("xl/worksheets/sheet%d.xml" % i)).iter("{%s}c" % NS["m"]):
                v, f = c.find("m:v", NS), c.find("m:f", NS)
                value = v.text if v is not None else None
                if c.get("t") == "s" and value is not None:
                    value = shared[int(value)]
                elif value is not None and c.get("t") != "str":
                    value = float(value)
                cells[c.get("r")] = (value, f.text if f is not None else None)
            book[name] = cells
    return book


class Vec:
    def __init__(self, items):
        self.items = list(items)

    def _zip(self, other, op):
        other = other.items if isinstance(other, Vec) else [other] * len(self.items)
        return Vec(op(a, b) for a, b in zip(self.items, other))

    def __eq__(self, other):
        return self._zip(other, lambda a, b: 1 if a == b else 0)

    def __mul__(self, other):
        return self._zip(other, lambda a, b: a * b)

    def __add__(self, other):
        return self._zip(other, lambda a, b: a + b)

    def __rsub__(self, other):
        return Vec(other - a for a in self.items)

    __rmul__ = __mul__
    __radd__ = __add__


def evaluate(formula, book, sheet):
    """The workbook's own formulas (SUMPRODUCT over comparisons, COUNTIF, IF over cells),
    evaluated over the workbook's cells."""
    def cell(sheet_name, ref):
        value = book[sheet_name].get(ref, (None, None))[0]
        return "" if value is None else value

    def column(sheet_name, c0, r0, c1, r1):
        assert c0 == c1
        return Vec(cell(sheet_name, "%s%d" % (c0, r)) for r in range(int(r0), int(r1) + 1))

    def countif(vec, criterion):
        assert criterion.startswith("=")
        text = re.sub(r"~(.)", r"\1", criterion[1:])
        return sum((vec == text).items)

    expr = formula
    strings = []

    def keep(m):
        strings.append(m.group(1).replace('""', '"'))
        return "S[%d]" % (len(strings) - 1)
    expr = re.sub(r'"((?:[^"]|"")*)"', keep, expr)
    expr = re.sub(r"'((?:[^']|'')*)'!\$?([A-Z]+)\$?(\d+):\$?([A-Z]+)\$?(\d+)",
                  lambda m: "column(%r,%r,%s,%r,%s)" % (m.group(1).replace("''", "'"), m.group(2),
                                                        m.group(3), m.group(4), m.group(5)), expr)
    expr = re.sub(r"\b([A-Z]+)(\d+):([A-Z]+)(\d+)",
                  lambda m: "column(%r,%r,%s,%r,%s)" % (sheet, m.group(1), m.group(2), m.group(3),
                                                        m.group(4)), expr)
    expr = re.sub(r"\b([A-Z]+\d+)\b(?!\()", lambda m: "cell(%r,%r)" % (sheet, m.group(1)), expr)
    expr = re.sub(r"(?<![<>=!])=(?!=)", "==", expr)
    expr = expr.replace("SUMPRODUCT(", "sum_(").replace("COUNTIF(", "countif(").replace("IF(", "if_(")
    env = {"S": strings, "column": column, "cell": cell, "countif": countif,
           "sum_": lambda v: sum(v.items), "if_": lambda c, a, b: a if c else b}
    return eval(expr, env)  # noqa: S307 — our own workbook's formulas, rewritten above


for mode, options in MODES.items():
    hidden = mode != "shown"
    out = os.path.join(tmp, "book-%s.xlsx" % mode)
    rc, so, se = run(*(["--export-xlsx", out] + options + [FIXTURE]))
    check("workbook, follow-up %s: written" % mode, rc == 0, so + se)
    book = read_book(out)
    sheet, crit, radar = book["Assessment Sheet"], book["Criteria"], book["Radar"]
    for name in ("Assessment Sheet", "Radar"):
        notes = [v for ref, (v, f) in book[name].items()
                 if isinstance(v, str) and "still marked for follow-up" in v]
        check("workbook, follow-up %s: sheet “%s” %s"
              % (mode, name, SAYS[hidden]),
              notes == ([] if hidden else [NOTE]), notes)
    check("workbook, follow-up %s: no other sheet mentions them" % mode,
          not any(isinstance(v, str) and "still marked for follow-up" in v
                  for name in ("Criteria", "Improvement Plan") for v, f in book[name].values()))

    # The criteria sheet's rows, and the assessment sheet's, are the CSV's rows.
    crit_rows = {crit["A%d" % r][0]: KIND.get(crit.get("O%d" % r, ("", None))[0] or "")
                 for r in range(2, len(by_id) + 2)}
    check("workbook, follow-up %s: the Criteria sheet's rows are the CSV's" % mode,
          crit_rows == csv_rows[mode])
    sheet_rows = {sheet["E%d" % r][0]: KIND.get(sheet.get("M%d" % r, ("", None))[0] or "")
                  for r in range(4, len(by_id) + 4)}
    check("workbook, follow-up %s: the Assessment Sheet's rows are the CSV's" % mode,
          sheet_rows == csv_rows[mode])
    total, per = tally(sheet_rows)

    formulas = [(ref, v, f) for ref, (v, f) in sheet.items() if f and "COUNTIF" in f]
    check("workbook, follow-up %s: one count of conforming criteria on the sheet" % mode,
          len(formulas) == 1, formulas)
    if formulas:
        ref, value, formula = formulas[0]
        check("workbook, follow-up %s: the sheet's count, as stored and as computed, is the "
              "rows' (%d)" % (mode, total["conforms"]),
              value == total["conforms"] and evaluate(formula, book, "Assessment Sheet") == total["conforms"],
              (value, formula))

    figures = {}
    for r in range(2, len(SUBS) + 2):
        sub = radar["A%d" % r][0]
        got = []
        for col in "CDE":
            value, formula = radar["%s%d" % (col, r)]
            got.append((value, evaluate(formula, book, "Radar") if formula else None))
        figures[sub] = got
    want = {s: (per[s]["conforms"], per[s]["all"] - per[s]["na"]) for s in SUBS}
    stored = {s: (int(f[0][0]), int(f[1][0])) for s, f in figures.items()}
    computed = {s: (f[0][1], f[1][1]) for s, f in figures.items()}
    check("workbook, follow-up %s: the Radar sheet's stored figures count the rows" % mode,
          stored == want, (stored, want))
    check("workbook, follow-up %s: the Radar sheet's formulas count the rows" % mode,
          computed == want, (computed, want))
    check("workbook, follow-up %s: each rate is its count over its applicable criteria" % mode,
          all(abs(f[2][0] - f[0][0] / f[1][0]) < 1e-9 and abs(f[2][1] - f[0][0] / f[1][0]) < 1e-9
              for f in figures.values() if f[1][0] > 0), figures)

# --summary -----------------------------------------------------------------------------------

summaries = {}
for mode, options in MODES.items():
    hidden = mode != "shown"
    rc, out, err = run(*(["--summary", FIXTURE] + options))
    summaries[mode] = out
    check("summary, follow-up %s: exits 0" % mode, rc == 0, err)
    total, per = tally(csv_rows[mode])
    lines = out.splitlines()
    got = {}
    for line in lines:
        m = re.match(r"(\d-\d) .* (\d+)/(\d+) ", line)
        if m:
            got[m.group(1)] = (int(m.group(2)), int(m.group(3)))
    want = {s: (per[s]["conforms"], per[s]["all"] - per[s]["na"]) for s in SUBS}
    check("summary, follow-up %s: each subcategory counts the CSV's rows made with the same "
          "option" % mode, got == want, (got, want))
    overall = next((l for l in lines if l.startswith("Overall")), "")
    check("summary, follow-up %s: the overall row" % mode,
          (" %d/%d " % (total["conforms"], total["all"] - total["na"])) in overall, overall)
    answered = "Answered %d of %d criteria: %d conform, %d do not, %d not applicable." % (
        total["all"] - total["none"], total["all"], total["conforms"], total["fails"], total["na"])
    check("summary, follow-up %s: the totals" % mode, answered in out, out[-900:])
    waiting = sum(1 for c in flagged)
    said = ("Counted: confirmed verdicts only; %d marked for follow-up count as not yet evaluated"
            % waiting if hidden else
            "Counted: every verdict, including %d still marked for follow-up" % waiting)
    check("summary, follow-up %s: says which verdicts it counted" % mode, said in out, out[-900:])
    blockers = [l.split()[0] for l in lines if l.startswith("  ")]
    want_blockers = [c for c in csv_rows[mode] if csv_rows[mode][c] in (None, "fails")]
    check("summary, follow-up %s: the blockers are the rows without a conforming verdict" % mode,
          sorted(blockers) == sorted(want_blockers), (blockers, want_blockers))
check("summary: by default the same as with --no-unconfirmed",
      summaries["default"] == summaries["hidden"])
for option in ("--no-unconfirmed", "--unconfirmed"):
    rc, out, err = run("--validate", FIXTURE, option)
    check("%s with --validate is a usage error" % option, rc == 2, out + err)

# Radar image ----------------------------------------------------------------------------------


def radar_png(path, *options):
    out = os.path.join(tmp, "radar-%s-%d.png" % (os.path.basename(path), len(options)))
    rc, so, se = run("--export-radar", out, "--size", "800x600", *options, path)
    check("radar image of %s %s: written" % (os.path.basename(path), " ".join(options)), rc == 0, so + se)
    if rc != 0:
        return None
    with open(out, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


hidden_png = radar_png(FIXTURE, "--no-unconfirmed")
default_png = radar_png(FIXTURE)
shown_png = radar_png(FIXTURE, "--unconfirmed")
blank_png = radar_png(BLANK)
check("radar image, follow-up hidden: the image of the engagement without those verdicts",
      hidden_png is not None and hidden_png == blank_png)
check("radar image, by default: the image of the engagement without those verdicts",
      default_png is not None and default_png == blank_png)
check("radar image, follow-up shown: a different image (the fixture moves the figures)",
      shown_png != hidden_png)

# The PDF radar page of the blanked engagement gives the same table as the hidden one.
blank_pdf = os.path.join(tmp, "radar-blank.pdf")
run("--export-pdf", blank_pdf, "--report", "radar", BLANK)
check("radar report: hiding follow-up verdicts is the same as their never having been given",
      radar_table(pdf_text(blank_pdf)) == radar_table(pdf_text(pdfs["radar", "hidden"])))

tmp_dir.cleanup()
print("1..%d" % count)
sys.exit(1 if failures else 0)
