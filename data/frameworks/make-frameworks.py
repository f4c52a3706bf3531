#!/usr/bin/python3
"""Make the framework and checklist files in data/frameworks/ from data/frameworks/sources/*.tsv.

Usage: make-frameworks.py [REFERENCE_DIR] [OUT_DIR]

The reference TSVs hold the official texts verbatim, with embedded line breaks written as
the two characters backslash and n. That escape is the only transformation made here: it
becomes a real line break in the JSON string, and nothing else in any text is touched.
Running the script twice, or on another machine, writes the same bytes.
"""

import csv
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_REFERENCE = os.path.join(HERE, "sources")

FORMAT = "scs-assessor-framework"
FORMAT_VERSION = 1

CRITERIA_URL = "https://www.ipa.go.jp/security/scs/rcu1hd0000007a2i-att/20260327001-c.xlsx"
CRITERIA_SHA256 = "d4c27aa4bfed5521a98ff9ce8c042743e4204e4b8310ceb3df0c54eabfdc8dd1"

CATEGORY_EN = {
    "1": "Governance",
    "2": "Supplier management",
    "3": "Risk identification",
    "4": "Protection",
    "5": "Detection",
    "6": "Response",
    "7": "Recovery",
}

# NIST CSF 2.0 category names, which the SCS subcategories follow.
SUBCATEGORY_EN = {
    "1-1": "Organizational context",
    "1-2": "Roles, responsibilities and authorities",
    "1-3": "Policy",
    "1-4": "Oversight",
    "2-1": "Cybersecurity supply chain risk management",
    "3-1": "Asset management",
    "3-2": "Risk assessment",
    "4-1": "Identity management, authentication and access control",
    "4-2": "Awareness and training",
    "4-3": "Data security",
    "4-4": "Platform security",
    "4-5": "Technology infrastructure resilience",
    "5-1": "Continuous monitoring",
    "5-2": "Adverse event analysis",
    "6-1": "Incident management",
    "7-1": "Incident recovery plan execution",
}

COMPANY_SCALE = [
    {"id": "done", "title": {"ja": "対応済", "en": "Done"}, "credit": 1.0,
     "hint": {"ja": "根拠となる規程・手順書・記録の名称と最新の更新日を書いてください。",
              "en": "Name the policy, procedure or record that shows it, with its latest update date."}},
    {"id": "partly", "title": {"ja": "一部対応済", "en": "Partly done"}, "credit": 0.5,
     "hint": {"ja": "できている部分とできていない部分、残りの完了予定日を書いてください。",
              "en": "Say what is in place, what is missing, and when the rest will be finished."}},
    {"id": "preparing", "title": {"ja": "対応準備中", "en": "In preparation"}, "credit": 0.0,
     "hint": {"ja": "現在の状況と完了予定日を書いてください。",
              "en": "Describe the current state and the planned completion date."}},
    {"id": "not_done", "title": {"ja": "未対応", "en": "Not done"}, "credit": 0.0,
     "hint": {"ja": "今後の改善計画（何を、いつまでに）を書いてください。",
              "en": "Describe the improvement plan: what will be done, and by when."}},
    {"id": "na", "title": {"ja": "対象外", "en": "Not applicable"}, "credit": None,
     "hint": {"ja": "対象外とする理由を書いてください。",
              "en": "Give the reason why this does not apply."}},
]

VERDICT_SCALES = [
    {"id": "assessment",
     "title": {"ja": "セキュリティアセスメント（適合・改善要・対象外）",
               "en": "Security assessment (conforms, needs improvement, n/a)"},
     "values": [
         {"id": "conforms", "title": {"ja": "適合", "en": "Conforms"},
          "conforming": True, "not_applicable": False, "comment_required": False},
         {"id": "needs_improvement", "title": {"ja": "改善要", "en": "Needs improvement"},
          "conforming": False, "not_applicable": False, "comment_required": True},
         {"id": "na", "title": {"ja": "対象外", "en": "Not applicable"},
          "conforming": False, "not_applicable": True, "comment_required": True},
     ]},
    {"id": "official",
     "title": {"ja": "★3 専門家確認（適合・再確認・不適合）",
               "en": "★3 expert confirmation (conforms, re-check, non-conforming)"},
     "values": [
         {"id": "conforms", "title": {"ja": "適合", "en": "Conforms"},
          "conforming": True, "not_applicable": False, "comment_required": False},
         {"id": "recheck", "title": {"ja": "再確認", "en": "Re-check"},
          "conforming": False, "not_applicable": False, "comment_required": True},
         {"id": "nonconforming", "title": {"ja": "不適合", "en": "Non-conforming"},
          "conforming": False, "not_applicable": False, "comment_required": True},
     ]},
]

MATURITY_SCALE = [
    {"level": 0, "title": {"ja": "未実施", "en": "None"},
     "description": {"ja": "取組みが行われていない。",
                     "en": "Nothing is in place."}},
    {"level": 1, "title": {"ja": "初期", "en": "Initial"},
     "description": {"ja": "ルールや計画はあるが、運用は担当者任せになっている。",
                     "en": "Rules and plans exist, but practice is left to whoever is in charge."}},
    {"level": 2, "title": {"ja": "管理された", "en": "Managed"},
     "description": {"ja": "ルールに沿って活動しているが、人や部署によってばらつきがある。",
                     "en": "Work follows the rules, but varies by person or department."}},
    {"level": 3, "title": {"ja": "定義された", "en": "Defined"},
     "description": {"ja": "PDCAが定着しており、安心して取引できる水準にある。",
                     "en": "The PDCA cycle is established: safe to do business with."}},
    {"level": 4, "title": {"ja": "定量的に管理された", "en": "Quantitatively managed"},
     "description": {"ja": "結果を分析して問題を予測でき、追跡可能で信頼できる。",
                     "en": "Results are analysed and problems foreseen: traceable and trusted."}},
    {"level": 5, "title": {"ja": "最適化", "en": "Optimising"},
     "description": {"ja": "継続的に改革しており、他社の模範となる。",
                     "en": "Continually innovating: a model of good practice for others."}},
]

# Employee-count bands of an engagement: the union of the boundaries used by the 2025 ★3
# and ★4 benchmark tables, so each band falls inside exactly one column of either table.
EMPLOYEE_BANDS = [
    ("1-50", 1, 50), ("51-100", 51, 100), ("101-500", 101, 500), ("501-1000", 501, 1000),
    ("1001-3000", 1001, 3000), ("3001-5000", 3001, 5000), ("5001-10000", 5001, 10000),
    ("10001+", 10001, None),
]


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        lines = [line for line in f if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))


def verbatim(text):
    return text.replace("\\n", "\n")


def csf_code(function):
    m = re.search(r"\(([A-Z]{2})\)", function)
    if not m:
        raise SystemExit("unexpected CSF function: %r" % function)
    return m.group(1)


def level_of(mark):
    return {"★3": 3, "★4": 4}[mark]


def employee_bands():
    out = []
    for band_id, lo, hi in EMPLOYEE_BANDS:
        if hi is None:
            ja, en = "%d名以上" % lo, "%d or more" % lo
        else:
            ja, en = "%d〜%d名" % (lo, hi), "%d–%d" % (lo, hi)
        out.append({"id": band_id, "min": lo, "max": hi, "title": {"ja": ja, "en": en}})
    return out


def benchmark(path, level, companies, section):
    rows = read_tsv(path)
    columns = [c for c in rows[0].keys() if c.startswith("emp_")]
    bands = []
    for c in columns:
        m = re.fullmatch(r"emp_(\d+)_(\d+|plus)", c)
        lo = int(m.group(1))
        hi = None if m.group(2) == "plus" else int(m.group(2))
        bands.append({"id": c, "min": lo, "max": hi})
    out_rows = []
    for r in rows:
        target = r["maps_to_subcategory"]
        if re.fullmatch(r"\d+-\d+", target):
            subcategory, overall = target, False
        elif target == "(overall)":
            subcategory, overall = None, True
        else:
            subcategory, overall = None, False
        out_rows.append({
            "label": r["category_draft"],
            "subcategory": subcategory,
            "overall": overall,
            "all": int(r["all"]),
            "values": {c: int(r[c]) for c in columns},
        })
    return {
        "level": level,
        "year": 2025,
        "companies": companies,
        "source": {
            "ja": "経済産業省「サプライチェーン強化に向けたセキュリティ対策評価制度に関する実証報告書」"
                  "（2025年12月23日）%s" % section,
            "en": "METI, SCS scheme demonstration report (2025-12-23), section %s" % section,
        },
        "bands": bands,
        "rows": out_rows,
    }


def common_scales():
    return {
        "company": COMPANY_SCALE,
        "verdict": VERDICT_SCALES,
        "default_verdict": "assessment",
        "maturity": MATURITY_SCALE,
    }


def official(reference):
    rows = read_tsv(os.path.join(reference, "scs-2026-03-27-criteria.tsv"))
    categories = []
    by_id = {}
    for r in rows:
        cat_id = r["category_no"]
        sub_id = r["subcategory_id"]
        req_id = r["requirement_id"]
        cat = by_id.get(cat_id)
        if cat is None:
            cat = {"id": cat_id,
                   "title": {"ja": r["category"], "en": CATEGORY_EN[cat_id]},
                   "csf_function": csf_code(r["csf_function"]),
                   "subcategories": []}
            by_id[cat_id] = cat
            categories.append(cat)
        sub = by_id.get(sub_id)
        if sub is None:
            sub = {"id": sub_id,
                   "title": {"ja": r["subcategory"], "en": SUBCATEGORY_EN[sub_id]},
                   "requirements": []}
            by_id[sub_id] = sub
            cat["subcategories"].append(sub)
        req = by_id.get(req_id)
        if req is None:
            req = {"id": req_id, "title": r["requirement_title"],
                   "text": verbatim(r["requirement_text"]), "criteria": []}
            by_id[req_id] = req
            sub["requirements"].append(req)
        elif req["text"] != verbatim(r["requirement_text"]):
            raise SystemExit("requirement %s has two texts" % req_id)
        level = level_of(r["level"])
        if (level == 3) != (r["star3"] == "○"):
            raise SystemExit("criterion %s: level and star3 column disagree" % r["criterion_id"])
        req["criteria"].append({"id": r["criterion_id"], "text": verbatim(r["criterion_text"]),
                                "level": level})
    for cat in categories:
        for sub in cat["subcategories"]:
            for req in sub["requirements"]:
                req["level"] = min(c["level"] for c in req["criteria"])
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": "criteria",
        "id": "scs",
        "edition": "2026-03-27",
        "status": "official",
        "title": {"ja": "サプライチェーン強化に向けたセキュリティ対策評価制度 要求事項・評価基準",
                  "en": "SCS scheme requirements and evaluation criteria"},
        "source": {"url": CRITERIA_URL, "sha256": CRITERIA_SHA256},
        "levels": [
            {"level": 3, "title": {"ja": "★3", "en": "★3"}},
            {"level": 4, "title": {"ja": "★4", "en": "★4"}},
        ],
        "scales": common_scales(),
        "employee_bands": employee_bands(),
        "benchmarks": [
            benchmark(os.path.join(reference, "star3-benchmark-2025.tsv"), 3, 19, "2.2.2"),
            benchmark(os.path.join(reference, "star4-benchmark-2025.tsv"), 4, 16, "2.3.2"),
        ],
        "categories": categories,
    }


def draft(reference, final):
    rows = read_tsv(os.path.join(reference, "scs-draft-2025-12-requirements.tsv"))
    titles = {}
    for cat in final["categories"]:
        titles[cat["id"]] = (cat["title"], cat["csf_function"])
        for sub in cat["subcategories"]:
            titles[sub["id"]] = sub["title"]
    categories = []
    by_id = {}
    for r in rows:
        cat_id, sub_id = r["category_id"], r["subcategory_id"]
        cat = by_id.get(cat_id)
        if cat is None:
            cat = {"id": cat_id, "title": {"ja": r["category"], "en": CATEGORY_EN[cat_id]},
                   "csf_function": titles[cat_id][1], "subcategories": []}
            by_id[cat_id] = cat
            categories.append(cat)
        sub = by_id.get(sub_id)
        if sub is None:
            sub = {"id": sub_id, "title": {"ja": r["subcategory"], "en": SUBCATEGORY_EN[sub_id]},
                   "requirements": []}
            by_id[sub_id] = sub
            cat["subcategories"].append(sub)
        sub["requirements"].append({
            "id": r["requirement_id"], "title": r["name"], "text": verbatim(r["requirement_text"]),
            "level": 3 if r["star3"] == "yes" else 4, "criteria": []})
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": "criteria",
        "id": "scs",
        "edition": "2025-12",
        "status": "draft",
        "title": {"ja": "サプライチェーン強化に向けたセキュリティ対策評価制度 制度構築方針（案）要求事項",
                  "en": "SCS scheme policy draft, requirements"},
        "source": {"url": None, "sha256": None},
        "levels": final["levels"],
        "scales": common_scales(),
        "employee_bands": employee_bands(),
        "benchmarks": [],
        "categories": categories,
    }


def five_minute(reference):
    rows = read_tsv(os.path.join(reference, "five-minute-diagnosis.tsv"))
    group_en = {"基本的対策": "Basic measures", "従業員としての対策": "Measures for employees",
                "組織としての対策": "Measures for the organisation"}
    groups = []
    for r in rows:
        if not groups or groups[-1]["title"]["ja"] != r["group"]:
            groups.append({"id": str(len(groups) + 1),
                           "title": {"ja": r["group"], "en": group_en[r["group"]]}, "items": []})
        groups[-1]["items"].append({"id": r["no"], "text": r["question"], "refs": []})
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": "checklist",
        "id": "five-minute-diagnosis",
        "edition": None,
        "status": "official",
        "title": {"ja": "5分でできる！情報セキュリティ自社診断",
                  "en": "IPA five-minute information security self-diagnosis"},
        "source": {"url": "https://www.ipa.go.jp/security/guide/sme/5minutes.html", "sha256": None},
        "answers": [
            {"id": "yes", "title": {"ja": "実施している", "en": "In place"}, "points": 4,
             "follow_up": False},
            {"id": "partly", "title": {"ja": "一部実施している", "en": "Partly in place"}, "points": 2,
             "follow_up": False},
            {"id": "no", "title": {"ja": "実施していない", "en": "Not in place"}, "points": 0,
             "follow_up": False},
            {"id": "unknown", "title": {"ja": "わからない", "en": "Don't know"}, "points": -1,
             "follow_up": True},
        ],
        "bands": [
            {"min": 100, "max": 100, "title": {"ja": "入門レベルは達成",
                                               "en": "Entry level achieved"}},
            {"min": 70, "max": 99, "title": {"ja": "部分的に不十分",
                                             "en": "Partly insufficient"}},
            {"min": 50, "max": 69, "title": {"ja": "対策が不十分",
                                             "en": "Measures are insufficient"}},
            {"min": None, "max": 49, "title": {"ja": "事故がいつ起きても不思議ではない",
                                               "en": "An incident could happen at any time"}},
        ],
        "groups": groups,
    }


def csm(reference):
    rows = read_tsv(os.path.join(reference, "csm-guidelines-v2-checksheet.tsv"))
    groups = []
    for r in rows:
        if not groups or groups[-1]["id"] != r["directive"]:
            groups.append({"id": r["directive"], "title": {"ja": r["directive_title"]},
                           "items": []})
        refs = [] if r["nist_csf"] == "-" else [s.strip() for s in r["nist_csf"].split(",")]
        groups[-1]["items"].append({"id": r["item"], "text": r["item_text"], "refs": refs})
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "kind": "checklist",
        "id": "csm-guidelines-v2",
        "edition": "2023-03-24",
        "status": "official",
        "title": {"ja": "サイバーセキュリティ経営ガイドライン Ver 2.0 付録A チェックシート",
                  "en": "Cyber Security Management Guidelines v2.0, Appendix A check sheet"},
        "source": {"url": "https://www.meti.go.jp/policy/netsecurity/mng_guide.html",
                   "sha256": None},
        "answers": [
            {"id": "yes", "title": {"ja": "はい", "en": "Yes"}, "points": None,
             "follow_up": False},
            {"id": "partly", "title": {"ja": "一部", "en": "Partly"}, "points": None,
             "follow_up": True},
            {"id": "no", "title": {"ja": "いいえ", "en": "No"}, "points": None,
             "follow_up": True},
        ],
        "bands": [],
        "groups": groups,
    }


def write(out_dir, name, doc):
    text = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    with open(os.path.join(out_dir, name), "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def main():
    reference = sys.argv[1] if len(sys.argv) > 1 else DEFAULT_REFERENCE
    out_dir = sys.argv[2] if len(sys.argv) > 2 else HERE
    final = official(reference)
    write(out_dir, "scs-2026-03-27.json", final)
    write(out_dir, "scs-2025-12-draft.json", draft(reference, final))
    write(out_dir, "five-minute-diagnosis.json", five_minute(reference))
    write(out_dir, "csm-guidelines-v2.json", csm(reference))


if __name__ == "__main__":
    main()
