import json

from factcheck.cli.check import FailOn, failing
from factcheck.domain import CheckResult, Claim, Evidence, Label, Stance, Verdict
from factcheck.report import render

DRAFT = (
    "Xiaomi paid €700 million for Deepmotion. The factory is in Beijing. It opens a plant <b>in Wuhan</b>."
)


def _verdict(text, start, end, label, evidence_text="", doc="deepmotion-deal"):
    claim = Claim(id=Claim.make_id(text), text=text, start=start, end=end)
    evidence = ()
    if evidence_text:
        stance = {Label.SUPPORTED: Stance.SUPPORTS, Label.CONTRADICTED: Stance.CONTRADICTS}.get(
            label, Stance.NEUTRAL
        )
        evidence = (
            Evidence(
                doc_id=doc,
                text=evidence_text,
                start=10,
                end=10 + len(evidence_text),
                score=0.9,
                stance=stance,
                title="Xiaomi buys <script>alert(1)</script>",
            ),
        )
    return Verdict(claim=claim, label=label, confidence=0.83, reason=f"{label}: because", evidence=evidence)


def _result():
    verdicts = (
        _verdict("The factory is in Beijing.", 41, 67, Label.SUPPORTED, "a factory in Beijing", "beijing"),
        _verdict(
            "Xiaomi paid €700 million for Deepmotion.", 0, 40, Label.CONTRADICTED, "about 70 million euros"
        ),
        _verdict("Xiaomi opens a plant in Wuhan.", 68, len(DRAFT), Label.UNVERIFIED),
    )
    return CheckResult(source="draft.md", draft_text=DRAFT, corpus_version="abc123", verdicts=verdicts)


def test_text_report_puts_contradicted_first_and_has_no_colour_codes():
    text = render.text_report(_result())
    assert text.splitlines()[0] == "3 claims: 1 supported, 1 contradicted, 1 unverified"
    assert text.index("CONTRADICTED") < text.index("UNVERIFIED") < text.index("SUPPORTED")
    assert "\x1b[" not in text
    assert max(len(line) for line in text.splitlines()) <= 80


def test_json_schema():
    data = json.loads(json.dumps(_result().to_dict()))
    assert set(data) == {"source", "corpus_version", "claims", "summary"}
    assert data["summary"] == {"supported": 1, "contradicted": 1, "unverified": 1}
    claim = data["claims"][1]
    assert {"id", "text", "start", "end", "label", "confidence", "reason", "evidence"} <= set(claim)
    assert DRAFT[claim["start"] : claim["end"]] == "Xiaomi paid €700 million for Deepmotion."
    assert claim["evidence"][0]["stance"] == "contradicts"
    assert {"doc_id", "title", "text", "start", "end", "score", "stance"} <= set(claim["evidence"][0])


def test_html_escapes_untrusted_text_and_highlights_claims():
    page = render.html_report(_result())
    assert "<script>" not in page
    assert "&lt;script&gt;" in page
    assert "<b>in Wuhan</b>" not in page
    assert page.count('<mark class="contradicted"') == 1
    assert page.count('<mark class="supported"') == 1
    assert page.count('<mark class="unverified"') == 1


def test_markdown_escapes_table_breakers():
    result = _result()
    bad = _verdict("A | B with `code` and <i>tags</i>", 0, 5, Label.SUPPORTED)
    report = render.markdown_report(CheckResult("d", DRAFT, None, (*result.verdicts, bad)))
    row = next(line for line in report.splitlines() if "code" in line and line.startswith("|"))
    assert row.count(" | ") == 3
    assert "<i>" not in report


def test_fail_on_trips_on_the_label_or_worse():
    assert failing({"contradicted"}, FailOn.unverified)
    assert failing({"unverified"}, FailOn.unverified)
    assert not failing({"unverified", "supported"}, FailOn.contradicted)
    assert failing({"contradicted"}, FailOn.contradicted)
    assert not failing({"contradicted"}, None)
