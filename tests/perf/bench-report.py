#!/usr/bin/python3
"""Full report PDF against LibreOffice making a PDF of our workbook of the same engagement.

Usage: bench-report.py SCS_ASSESSOR SOURCE_ROOT [RUNS] [BENCH_REPORT_PDF]

Both are measured the same way, in the same run: the wall time of the whole command, from
start to a finished PDF on disk (median of RUNS, default 5; LibreOffice 3 runs after one
to warm its profile). Goal: the app at least 10 times faster.
"""

import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

EXE, SRC = sys.argv[1:3]
RUNS = int(sys.argv[3]) if len(sys.argv) > 3 else 5
IN_PROCESS = sys.argv[4] if len(sys.argv) > 4 else None
EXAMPLE = os.path.join(SRC, "data", "samples", "example-aaa.scsa")
FRAMEWORK = os.path.join(SRC, "data", "frameworks", "scs-2026-03-27.json")
env = dict(os.environ, LANGUAGE="C", LC_ALL="C.UTF-8")
tmp = tempfile.mkdtemp(prefix="scs-bench-report-")


def timed(args, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, env=env, timeout=600)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


framework = json.load(open(FRAMEWORK, encoding="utf-8"))
star4 = json.load(open(EXAMPLE, encoding="utf-8"))
star4["level"] = 4


def long_text(criterion, who):
    """About 400 characters, different for every criterion (no two cells alike)."""
    return "%s（%s）：" % (criterion, who) + "、".join(
        "規程と運用記録を突き合わせて確認した結果その%d" % ((i * 7 + len(criterion)) % 97)
        for i in range(14)) + "。"


star4["assessments"] = [
    {"criterion": c["id"], "company_status": "partly",
     "company_comment": long_text(c["id"], "企業"),
     "verdict": "needs_improvement", "expert_comment": long_text(c["id"], "専門家"),
     "documents": {"performed": True}}
    for cat in framework["categories"] for s in cat["subcategories"]
    for r in s["requirements"] for c in r["criteria"]]
star4_path = os.path.join(tmp, "star4.scsa")
json.dump(star4, open(star4_path, "w", encoding="utf-8"), ensure_ascii=False)

office = shutil.which("libreoffice") or shutil.which("soffice")
profile = "-env:UserInstallation=file://" + os.path.join(tmp, "lo-prof")
# The machine may be shared: LibreOffice's time swings with its load far more than the app's,
# so the load is printed with the figures.
print("load average at start: %.2f %.2f %.2f" % os.getloadavg())
print("%-34s %10s %12s %8s %7s" % ("engagement", "app PDF s", "LibreOffice s", "ratio", "pages"))
for name, path in (("example (★3, 81 criteria)", EXAMPLE),
                   ("★4, 153 criteria, long comments", star4_path)):
    pdf = os.path.join(tmp, "r.pdf")
    xlsx = os.path.join(tmp, "r.xlsx")
    ours = timed([EXE, "--export-pdf", pdf, path], RUNS)
    pages = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = [l.split()[1] for l in pages.splitlines() if l.startswith("Pages:")][0]
    subprocess.run([EXE, "--export-xlsx", xlsx, path], check=True, capture_output=True, env=env)
    convert = [office, "--headless", profile, "--convert-to", "pdf", "--outdir", tmp, xlsx]
    timed(convert, 1)
    theirs = timed(convert, 3)
    print("%-34s %10.3f %12.3f %7.1f× %7s" % (name, ours, theirs, theirs / ours, pages))
    if IN_PROCESS:
        # Where the app's time goes: layout and PDF writing inside a warm process.
        print("   in process:", subprocess.run([IN_PROCESS, path, str(RUNS)], capture_output=True,
                                                text=True, env=env).stdout.strip().split(": ", 1)[1])
print("load average at end: %.2f %.2f %.2f" % os.getloadavg())
print("goal: app at least 10× faster than LibreOffice converting the workbook")
shutil.rmtree(tmp, ignore_errors=True)
