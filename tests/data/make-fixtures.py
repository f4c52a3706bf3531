#!/usr/bin/python3
"""Make the test fixtures in tests/data/ from base.scsa.

base.scsa is a small valid engagement. Each file in bad/ breaks it in one way, and
bad/EXPECTED.tsv names the message (an English substring) that loading it must give.
bad-frameworks/ does the same for criteria files (the kind an expert may add to
~/.local/share/scs-assessor/frameworks), each made from the shipped 2026-03-27 edition cut
down to its first category; bad-imports/ holds self-assessments that import must refuse.
draft-engagement.scsa was made with the December 2025 draft, where the expert answered
per requirement. Usage: make-fixtures.py [DIR] (default: the script's own folder, rewritten
in place).
"""

import copy
import json
import os
import sys

HERE = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
BAD = os.path.join(HERE, "bad")
FRAMEWORK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data",
                         "frameworks", "scs-2026-03-27.json")


def dump(doc):
    return (json.dumps(doc, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def write_cases(folder, cases):
    os.makedirs(folder, exist_ok=True)
    for name in os.listdir(folder):
        os.remove(os.path.join(folder, name))
    with open(os.path.join(folder, "EXPECTED.tsv"), "w", encoding="utf-8") as index:
        index.write("# file\tmessage that loading it must give (English substring)\n")
        for name, data, message in cases:
            with open(os.path.join(folder, name), "wb") as f:
                f.write(data)
            index.write("%s\t%s\n" % (name, message))


def make_frameworks():
    with open(FRAMEWORK, encoding="utf-8") as f:
        full = json.load(f)
    base = copy.deepcopy(full)
    base.update(id="scs-test", edition="2099-01-01", status="draft", benchmarks=[])
    base["categories"] = base["categories"][:1]
    base_text = dump(base)
    cases = []

    def raw(name, data, message):
        cases.append((name, data, message))

    def mutate(name, message, change):
        doc = copy.deepcopy(base)
        change(doc)
        raw(name, dump(doc), message)

    def criterion(doc, r=0, k=0):
        return doc["categories"][0]["subcategories"][0]["requirements"][r]["criteria"][k]

    raw("empty.json", b"", "the file is empty")
    raw("blank.json", b"\n \n", "the file is empty")
    raw("truncated.json", base_text[: len(base_text) // 3], "not a readable JSON file")
    raw("not-json.json", "サプライチェーン\n".encode("utf-8"), "not a readable JSON file")
    raw("bad-utf8.json", base_text.replace("ガバナンス".encode("utf-8"), b"\xff\xfe", 1),
        "not valid UTF-8 text (line")
    raw("array-root.json", b"[]\n", "$: expected an object")
    raw("deep-nesting.json", b"[" * 10000 + b"]" * 10000,
        "line 1, column 129: the data is nested more than 128 levels deep")

    def edit(name, message, old, new):
        """A change json.dumps cannot make: the bytes as written."""
        assert base_text.count(old.encode("utf-8")) >= 1, old
        raw(name, base_text.replace(old.encode("utf-8"), new.encode("utf-8"), 1), message)

    crit = "$.categories[0].subcategories[0].requirements[0].criteria[0]"
    first_text = json.dumps(criterion(base)["text"], ensure_ascii=False)[1:-1]
    edit("lone-high-surrogate.json", crit + ".text: the text holds an unpaired surrogate escape (\\ud800)",
         first_text, "\\ud800" + first_text)
    edit("lone-low-surrogate.json", crit + ".text: the text holds an unpaired surrogate escape (\\udc01)",
         first_text, first_text + "\\udc01")
    edit("high-surrogate-then-letter.json",
         crit + ".text: the text holds an unpaired surrogate escape (\\ud83d)",
         first_text, "\\ud83d\\u0041" + first_text)
    edit("nul-in-text.json", crit + ".text: the text holds a NUL character (\\u0000)",
         first_text, first_text + "\\u0000")
    edit("duplicate-member-top.json", "$.id: this member is given twice in the same object",
         '"id": "scs-test"', '"id": "scs-test",\n  "id": "scs-other"')
    edit("duplicate-member-deep.json", crit + ".text: this member is given twice in the same object",
         '"text": "%s"' % first_text, '"text": "",\n%s"text": "%s"' % (" " * 18, first_text))
    raw("second-document.json", base_text + b"{}\n", "more follows the end of the JSON document")
    raw("trailing-garbage.json", base_text + b"garbage\n", "more follows the end of the JSON document")
    raw("deeper-nesting.json", b"[" * 100000,
        "line 1, column 129: the data is nested more than 128 levels deep")
    edit("format-version-overflow.json", "$.format_version: 18446744073709551617 is too large a number",
         '"format_version": 1', '"format_version": 18446744073709551617')
    edit("criterion-level-overflow.json", crit + ".level: -99999999999999999999 is too large a number",
         '"text": "%s",\n%s"level": %d' % (first_text, " " * 18, criterion(base)["level"]),
         '"text": "%s",\n%s"level": -99999999999999999999' % (first_text, " " * 18))
    mutate("engagement-format.json", "$.format: “scs-assessor-engagement” is not a framework file",
           lambda d: d.update(format="scs-assessor-engagement"))
    mutate("newer-format.json", "$.format_version: version 2 is newer than this app reads (1)",
           lambda d: d.update(format_version=2))
    mutate("format-version-as-text.json", "$.format_version: expected a whole number",
           lambda d: d.update(format_version="1"))
    mutate("missing-id.json", "$.id: this required member is missing", lambda d: d.pop("id"))
    mutate("empty-id.json", "$.id: “” is not allowed here", lambda d: d.update(id=""))
    mutate("edition-as-number.json", "$.edition: expected text", lambda d: d.update(edition=20260327))
    mutate("unknown-status.json", "$.status: “final” is not allowed here",
           lambda d: d.update(status="final"))
    mutate("unknown-kind.json", "$.kind: “questionnaire” is not allowed here",
           lambda d: d.update(kind="questionnaire"))
    mutate("title-not-object.json", "$.title: expected an object", lambda d: d.update(title="SCS"))
    mutate("level-5.json", "$.levels[1].level: “5” is not allowed here",
           lambda d: d["levels"][1].update(level=5))
    mutate("no-star-4.json", "$.levels: ★4 is missing",
           lambda d: d.update(levels=d["levels"][:1]))
    mutate("empty-company-scale.json", "$.scales.company: the list is empty",
           lambda d: d["scales"].update(company=[]))
    mutate("credit-as-text.json", "$.scales.company[0].credit: expected a number",
           lambda d: d["scales"]["company"][0].update(credit="1"))
    mutate("duplicate-scale-value.json", "$.scales.company[1].id: “done” is not allowed here",
           lambda d: d["scales"]["company"][1].update(id="done"))
    mutate("duplicate-criterion.json", "the id “1-1-1-1” is empty or used twice",
           lambda d: criterion(d, 0, 1).update(id="1-1-1-1"))
    mutate("empty-criterion-id.json", "the id “” is empty or used twice",
           lambda d: criterion(d).update(id=""))
    mutate("criterion-without-text.json",
           "$.categories[0].subcategories[0].requirements[0].criteria[0].text: this required member is missing",
           lambda d: criterion(d).pop("text"))
    mutate("criterion-level-as-text.json",
           "$.categories[0].subcategories[0].requirements[0].criteria[0].level: expected a whole number",
           lambda d: criterion(d).update(level="3"))
    mutate("categories-not-list.json", "$.categories: expected a list",
           lambda d: d.update(categories={}))
    write_cases(os.path.join(HERE, "bad-frameworks"), cases)


def make_imports():
    """Self-assessments sent back by the company that importing into base.scsa must refuse."""
    with open(os.path.join(HERE, "base.scsa"), encoding="utf-8") as f:
        base_text = f.read()
    base = json.loads(base_text)
    with open(FRAMEWORK, "rb") as f:
        framework_bytes = f.read()
    cases = []

    def mutate(name, message, change):
        doc = copy.deepcopy(base)
        change(doc)
        cases.append((name, dump(doc), message))

    def company_answer(doc, **values):
        doc["assessments"][0].update(values)

    cases.append(("empty.scsa", b"", "The file is empty."))
    cases.append(("truncated.scsa", base_text.encode("utf-8")[: len(base_text) * 2 // 3],
                  "The file is not valid JSON, or is cut short"))
    cases.append(("criteria-file.scsa", framework_bytes,
                  "$.format: this is not an SCS Assessor engagement file"))
    mutate("newer-edition.scsa", "made with edition 2027-04-01 of the criteria, which this version",
           lambda d: d["framework"].update(edition="2027-04-01", content_hash=""))
    mutate("other-framework.scsa", "no criteria framework “iso27001” is installed",
           lambda d: d["framework"].update(id="iso27001"))
    mutate("newer-schema.scsa", "made by a newer version of SCS Assessor (format 2;",
           lambda d: d.update(schema_version=2))
    mutate("unknown-company-status.scsa", "$.assessments[0].company_status: “yes” is not",
           lambda d: company_answer(d, company_status="yes"))
    mutate("comment-as-number.scsa", "$.assessments[0].company_comment: expected text",
           lambda d: company_answer(d, company_comment=3))
    mutate("unknown-criterion.scsa", "$.assessments[0].criterion: “9-9-9-9” is not a criterion",
           lambda d: company_answer(d, criterion="9-9-9-9"))
    write_cases(os.path.join(HERE, "bad-imports"), cases)


def main():
    with open(os.path.join(HERE, "base.scsa"), encoding="utf-8") as f:
        base_text = f.read()
    base = json.loads(base_text)
    cases = []

    def raw(name, data, message):
        cases.append((name, data, message))

    def mutate(name, message, change):
        doc = copy.deepcopy(base)
        change(doc)
        raw(name, dump(doc), message)

    raw("empty.scsa", b"", "The file is empty.")
    raw("blank.scsa", b"  \n\t\n", "The file is empty.")
    raw("truncated.scsa", base_text.encode("utf-8")[: len(base_text) // 2],
        "The file is not valid JSON, or is cut short")
    raw("not-json.scsa", b"AAA\xe6\xa0\xaa\xe5\xbc\x8f\xe4\xbc\x9a\xe7\xa4\xbe\n",
        "The file is not valid JSON, or is cut short")
    raw("bad-utf8.scsa", base_text.replace("テスト", "\udcff", 1).encode("utf-8", "surrogateescape"),
        "The file is not valid UTF-8 text (line 14,")
    raw("array-root.scsa", b"[]\n", "$: expected an object")
    mutate("wrong-format.scsa", "$.format: this is not an SCS Assessor engagement file",
           lambda d: d.update(format="scs-assessor-framework"))
    mutate("missing-format.scsa", "$.format: this is not an SCS Assessor engagement file",
           lambda d: d.pop("format"))
    mutate("newer-version.scsa", "made by a newer version of SCS Assessor (format 2;",
           lambda d: d.update(schema_version=2))
    mutate("version-as-text.scsa", "$.schema_version: expected a whole number",
           lambda d: d.update(schema_version="1"))
    mutate("missing-framework.scsa", "$.framework: this required member is missing",
           lambda d: d.pop("framework"))
    mutate("unknown-framework.scsa", "$.framework.id: no criteria framework “iso27001” is installed",
           lambda d: d["framework"].update(id="iso27001"))
    mutate("level-5.scsa", "$.level: 5 is outside 3–4", lambda d: d.update(level=5))
    mutate("level-as-text.scsa", "$.level: expected a whole number", lambda d: d.update(level="3"))
    mutate("missing-level.scsa", "$.level: this required member is missing", lambda d: d.pop("level"))
    mutate("unknown-verdict-scale.scsa", "$.verdict_scale: “pass-fail” is not a verdict scale",
           lambda d: d.update(verdict_scale="pass-fail"))
    mutate("company-name-number.scsa", "$.company.name: expected text",
           lambda d: d["company"].update(name=42))
    mutate("company-null.scsa", "$.company: expected an object", lambda d: d.update(company=None))
    mutate("unknown-criterion.scsa",
           "$.assessments[0].criterion: “9-9-9-9” is not a criterion of scs edition 2026-03-27",
           lambda d: d["assessments"][0].update(criterion="9-9-9-9"))
    mutate("requirement-as-criterion.scsa",
           "$.assessments[0].criterion: “1-2-1” is not a criterion of scs edition 2026-03-27",
           lambda d: d["assessments"][0].update(criterion="1-2-1"))
    mutate("duplicate-criterion.scsa",
           "$.assessments[1].criterion: “1-2-1-1” appears twice (first at $.assessments[0].criterion)",
           lambda d: d["assessments"][1].update(criterion="1-2-1-1"))
    mutate("missing-criterion.scsa", "$.assessments[0].criterion: this required member is missing",
           lambda d: d["assessments"][0].pop("criterion"))
    mutate("unknown-verdict.scsa",
           "$.assessments[1].verdict: “maybe” is not one of: conforms, needs_improvement, na",
           lambda d: d["assessments"][1].update(verdict="maybe"))
    mutate("unknown-company-status.scsa", "$.assessments[0].company_status: “yes” is not one of",
           lambda d: d["assessments"][0].update(company_status="yes"))
    mutate("follow-up-as-text.scsa", "$.assessments[0].follow_up: expected true or false",
           lambda d: d["assessments"][0].update(follow_up="true"))
    mutate("assessments-not-list.scsa", "$.assessments: expected a list",
           lambda d: d.update(assessments={"1-2-1-1": {}}))
    mutate("bad-date.scsa", "$.visits[0].date: “2025-13-40” is not a date of the form YYYY-MM-DD",
           lambda d: d["visits"][0].update(date="2025-13-40"))
    mutate("bad-time.scsa", "$.visits[0].start: “25:00” is not a time of the form HH:MM",
           lambda d: d["visits"][0].update(start="25:00"))
    mutate("bad-datetime.scsa", "$.modified: “yesterday” is not a date and time with a time zone",
           lambda d: d.update(modified="yesterday"))
    mutate("duplicate-visit.scsa", "$.visits[1].number: “1” appears twice",
           lambda d: d["visits"][1].update(number=1))
    mutate("duplicate-document.scsa", "$.documents[1].id: “DOC-01” appears twice",
           lambda d: d["documents"][1].update(id="DOC-01"))
    mutate("empty-document-id.scsa", "$.documents[0].id: must not be empty",
           lambda d: d["documents"][0].update(id=""))
    mutate("unknown-document-ref.scsa",
           "$.assessments[0].documents.refs[0].document: the document inventory has no “DOC-99”",
           lambda d: d["assessments"][0]["documents"]["refs"][0].update(document="DOC-99"))
    mutate("bad-sha256.scsa", "$.assessments[0].system.refs[0].sha256: “ABC” is not a SHA-256",
           lambda d: d["assessments"][0]["system"]["refs"][0].update(sha256="ABC"))
    mutate("unknown-employee-band.scsa", "$.company.employee_band: “10-20” is not a known employee band",
           lambda d: d["company"].update(employee_band="10-20"))
    mutate("unknown-qualification.scsa", "$.expert.qualifications[0]: “cpa” is not a known qualification",
           lambda d: d["expert"].update(qualifications=["cpa"]))
    mutate("unknown-diagnosis-item.scsa", "$.diagnosis[0].item: the checklist has no item “26”",
           lambda d: d["diagnosis"][0].update(item="26"))
    mutate("bad-diagnosis-answer.scsa", "$.diagnosis[0].answer: “sometimes” is not one of",
           lambda d: d["diagnosis"][0].update(answer="sometimes"))
    mutate("maturity-out-of-range.scsa", "$.maturity[0].current: 7 is outside -1–5",
           lambda d: d["maturity"][0].update(current=7))
    mutate("empty-subcategory.scsa", "$.maturity[0].subcategory: must not be empty",
           lambda d: d["maturity"][0].update(subcategory=""))
    mutate("duplicate-scope-question.scsa",
           "$.scope.answers[1].question: “sites” appears twice (first at $.scope.answers[0].question)",
           lambda d: d["scope"].update(answers=[{"question": "sites", "answer": "yes", "text": "本社"},
                                                {"question": "sites", "answer": "no", "text": ""}]))
    mutate("duplicate-plan-item.scsa", "$.plan.items[1].id: “P1” appears twice",
           lambda d: d["plan"]["items"].append(copy.deepcopy(d["plan"]["items"][0])))
    mutate("bad-plan-urgency.scsa", "$.plan.items[0].urgency: “urgent” is not one of: high, mid, low",
           lambda d: d["plan"]["items"][0].update(urgency="urgent"))

    # JSON that json-glib would take and the app refuses (see app/core/scs-json-scan.h)
    base_dump = dump(base)

    def edit(name, message, old, new):
        """A change json.dumps cannot make: the bytes as written."""
        assert old.encode("utf-8") in base_dump, old
        raw(name, base_dump.replace(old.encode("utf-8"), new.encode("utf-8"), 1), message)

    company = base["company"]["name"]
    comment = base["assessments"][0]["company_comment"]
    edit("lone-high-surrogate.scsa",
         "$.company.name: the text holds an unpaired surrogate escape (\\ud800)",
         '"name": "%s"' % company, '"name": "\\ud800%s"' % company)
    edit("lone-low-surrogate.scsa",
         "$.assessments[0].company_comment: the text holds an unpaired surrogate escape (\\udfff)",
         '"company_comment": "%s"' % comment, '"company_comment": "%s\\udfff"' % comment)
    edit("high-surrogate-then-letter.scsa",
         "$.company.name: the text holds an unpaired surrogate escape (\\udbff)",
         '"name": "%s"' % company, '"name": "\\udbff\\u0041%s"' % company)
    edit("nul-in-text.scsa", "$.company.name: the text holds a NUL character (\\u0000)",
         '"name": "%s"' % company, '"name": "%s\\u0000 dropped"' % company)
    edit("duplicate-member-top.scsa", "$.level: this member is given twice in the same object",
         '"level": 3,', '"level": 3,\n  "level": 4,')
    edit("duplicate-member-deep.scsa",
         "$.assessments[0].documents.refs[0].docum\\u0065nt: this member is given twice in the same object",
         '"document": "DOC-01",', '"document": "DOC-01",\n            "docum\\u0065nt": "DOC-02",')
    raw("second-document.scsa", base_dump + base_dump,
        "The file is not valid JSON, or is cut short: line %d, column 1: more follows the end"
        % (base_dump.count(b"\n") + 1))
    raw("trailing-garbage.scsa", base_dump + b"garbage\n",
        "The file is not valid JSON, or is cut short: line %d, column 1: more follows the end"
        % (base_dump.count(b"\n") + 1))
    raw("deep-nesting.scsa", b"[" * 100000, "line 1, column 129: the data is nested more than 128 levels deep")
    edit("level-overflow.scsa", "$.level: 99999999999999999999 is too large a number",
         '"level": 3,', '"level": 99999999999999999999,')
    edit("level-exponent-overflow.scsa", "$.level: 1e+300 is too large a number",
         '"level": 3,', '"level": 1e300,')
    # json-glib would keep it as an unknown member and write it back as 1e+20.0, not JSON
    edit("unknown-member-1e20.scsa", "$.x_future: 1e20 is too large a number",
         '"level": 3,', '"level": 3,\n  "x_future": 1e20,')
    edit("size-overflow.scsa", "$.assessments[0].documents.refs[0].size: -9223372036854775809 is too large",
         '"size": -1,', '"size": -9223372036854775809,')
    edit("comment-in-file.scsa", "The file is not valid JSON, or is cut short: line 2, column 3: unexpected “/”",
         '{\n  "format"', '{\n  /* json-glib reads comments */ "format"')
    edit("single-quoted-text.scsa", "The file is not valid JSON, or is cut short: line",
         '"name": "%s"' % company, "\"name\": '%s'" % company)

    # the Engagement view's sections
    mutate("unknown-scope-question.scsa", "$.scope.answers[0].question: “budget” is not one of",
           lambda d: d["scope"].update(answers=[{"question": "budget", "answer": "yes", "text": ""}]))
    mutate("bad-exclusion-judgement.scsa",
           "$.scope.exclusions[0].judgement: “maybe” is not one of: valid, not_valid, to_confirm",
           lambda d: d["scope"].update(exclusions=[{"what": "来客用Wi-Fi", "reason": "業務外",
                                                     "judgement": "maybe"}]))
    mutate("bad-visit-mode.scsa", "$.visits[0].mode: “phone” is not one of: on_site, online",
           lambda d: d["visits"][0].update(mode="phone"))
    mutate("bad-attendee-side.scsa", "$.visits[0].attendees[0].side: “guest” is not one of: company, expert",
           lambda d: d["visits"][0].update(attendees=[{"title": "", "name": "山田", "organisation": "",
                                                        "side": "guest"}]))
    mutate("unknown-csm-item.scsa", "$.csm_check[0].item: the checklist has no item “99-9”",
           lambda d: d.update(csm_check=[{"item": "99-9", "answer": "yes", "note": ""}]))

    write_cases(BAD, cases)

    draft = copy.deepcopy(base)
    draft["framework"] = {"id": "scs", "edition": "2025-12", "content_hash": ""}
    draft["maturity"] = [{"subcategory": "4-5", "current": 2, "target": 3, "note": ""}]
    answers = []
    for rid, status, verdict, comment in [
            ("1-2-1", "done", "conforms", ""),
            ("3-1-2", "done", "conforms", ""),
            ("4-2-2", "not_done", "needs_improvement", "インシデント訓練が未実施。"),
            ("4-5-2", "partly", "needs_improvement", "社外への不正な通信の遮断が一部のみ。"),
            ("5-2-1", "preparing", "", "")]:
        a = copy.deepcopy(base["assessments"][1])
        a.update(criterion=rid, company_status=status, company_comment="草案時の回答 " + rid,
                 verdict=verdict, expert_comment=comment, internal_note="", follow_up=False)
        answers.append(a)
    draft["assessments"] = answers
    with open(os.path.join(HERE, "draft-engagement.scsa"), "wb") as f:
        f.write(dump(draft))


if __name__ == "__main__":
    main()
    make_frameworks()
    make_imports()
