"""Every page and error path of `factcheck serve`, through Starlette's test client, on the demo index."""

from __future__ import annotations

import json
import re
import threading

import pytest

from tests.web.conftest import CSRF, DRAFT, DRAFT_LIMIT, check, csrf_of, make_client


@pytest.fixture(scope="module")
def demo_check(web_service):
    """The demo draft checked once through the page: (its page address, the check record)."""
    with make_client(web_service) as client:
        response = check(client, DRAFT.read_text(encoding="utf-8"), name="xiaomi-draft.md")
        assert response.status_code == 303, response.text
        location = response.headers["location"]
        record = web_service.result(location.rsplit("/", 1)[1])
        return location, record


def test_pages_carry_a_strict_content_security_policy_and_a_session_cookie(client):
    page = client.get("/")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert (
        "script-src 'self'" in policy and "unsafe-inline" not in policy and "frame-ancestors 'none'" in policy
    )
    assert page.headers["x-frame-options"] == "DENY"
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"
    cookie = page.headers["set-cookie"]
    assert "fc_session=" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    # No inline script or style anywhere: only the packaged files.
    assert re.search(r"<script(?![^>]*\bsrc=)", page.text) is None
    assert "<style" not in page.text and " style=" not in page.text
    assert CSRF.search(page.text)


def test_every_asset_is_served_from_the_package(client):
    for path, kind in (
        ("/static/app.css", "text/css"),
        ("/static/app.js", "javascript"),
        ("/static/favicon.svg", "image/svg+xml"),
    ):
        response = client.get(path)
        assert response.status_code == 200 and kind in response.headers["content-type"], path
    page = client.get("/").text
    assert not re.search(r"""(?:src|href)=["']?(?:https?:)?//""", page), "no asset from another host"


def test_the_check_page_shows_the_draft_highlighted_contradicted_first(client, demo_check, demo_index):
    from factcheck.workflows.check import check_draft

    location, record = demo_check
    page = client.get(location)
    assert page.status_code == 200
    html = page.text
    labels = [str(v.label) for v in record.result.verdicts]
    assert labels.count("contradicted") >= 3
    # The same verdicts as `factcheck check` on the same index: one implementation of checking.
    cli = check_draft(str(DRAFT), index=demo_index, quiet=True)
    assert [(v.claim.id, str(v.label)) for v in cli.verdicts] == [
        (v.claim.id, str(v.label)) for v in record.result.verdicts
    ]
    # Each claim is highlighted with its label's class and a glyph, and listed beside the draft.
    for label in set(labels):
        assert f'class="mark {label}' in html
    side = re.findall(r'<li id="c-[0-9a-f]+" class="claim (\w+)"', html)
    assert len(side) == len(labels)
    order = {"contradicted": 0, "unverified": 1, "supported": 2}
    assert [order[x] for x in side] == sorted(order[x] for x in side)
    assert "✗" in html and "✓" in html
    # Evidence links to the document view with the quoted span.
    assert re.search(r'href="/corpus/doc\?id=[\w%-]+&amp;start=\d+&amp;end=\d+#quote"', html)


def test_the_label_filter_works_on_the_server(client, demo_check):
    location, record = demo_check
    html = client.get(location + "?label=supported").text
    hidden = re.findall(r'class="claim (\w+)" data-label="\w+" hidden', html)
    assert hidden and set(hidden) == {"contradicted", "unverified"} & {
        str(v.label) for v in record.result.verdicts
    }
    assert client.get(location + "?label=maybe").status_code == 400


def test_claim_view_shows_reason_confidence_and_evidence(client, demo_check):
    location, record = demo_check
    contradicted = next(v for v in record.result.verdicts if str(v.label) == "contradicted")
    page = client.get(f"{location}/claims/{contradicted.claim.id}")
    assert page.status_code == 200
    assert contradicted.reason.split(":")[0] in page.text
    assert f"{contradicted.confidence:.0%}" in page.text
    assert contradicted.evidence[0].doc_id in page.text
    assert client.get(f"{location}/claims/000000000000").status_code == 404


def test_downloads_are_the_cli_formats(client, demo_check):
    from factcheck.report.write import render_report

    location, record = demo_check
    for kind, fmt in (("json", "json"), ("md", "markdown"), ("html", "html")):
        response = client.get(f"{location}/report.{kind}")
        assert response.status_code == 200
        assert response.headers["content-disposition"].startswith("attachment;")
        assert response.text == render_report(record.result, fmt)
        assert "script-src" not in response.headers["content-security-policy"]
    data = client.get(f"{location}/report.json").json()
    assert set(data) == {"source", "corpus_version", "claims", "summary"}
    assert client.get(f"{location}/report.pdf").status_code == 404


def test_the_check_is_recorded_in_the_claim_store(web_service, demo_check):
    _, record = demo_check
    with web_service.store() as store:
        verdicts = store.run_verdicts(record.id)
        drafts = store.drafts()
    assert {v.claim_id for v in verdicts} == {v.claim.id for v in record.result.verdicts}
    assert any(name == "xiaomi-draft.md" for _, name, _ in drafts)


def test_uploads_use_the_cli_readers_and_limits(client):
    token = csrf_of(client)

    def upload(name: str, data: bytes):
        return client.post(
            "/check",
            data={"csrf": token, "format": "auto"},
            files={"file": (name, data)},
            follow_redirects=False,
        )

    html = b"<html><head><title>T</title></head><body><p>Xiaomi bought Deepmotion for 700 million euros.</p>"
    done = upload("../../draft.html", html)
    assert done.status_code == 303
    page = client.get(done.headers["location"]).text
    assert "draft.html" in page and "../" not in page.split("<h1>")[1].split("</h1>")[0]
    for name, data, message in (
        ("draft.pdf", b"%PDF-1.4", "upload a draft as"),
        ("draft.txt", b"\x00\x01binary", "binary"),
        ("draft.txt", "Xiaomi café".encode("latin-1"), "not valid UTF-8"),
        ("draft.md", b"   \n", "empty"),
        ("draft.md", b"x" * (DRAFT_LIMIT + 1), "over the"),
    ):
        refused = upload(name, data)
        assert refused.status_code == 400, (name, refused.status_code)
        assert message in refused.text and "Traceback" not in refused.text


def test_paste_limits_and_empty_drafts(client):
    assert check(client, "").status_code == 400
    too_long = check(client, "Xiaomi bought Deepmotion. " * (DRAFT_LIMIT // 20))
    assert too_long.status_code == 400 and "limit" in too_long.text
    # A body far over the limit is refused before it is read.
    token = csrf_of(client)
    huge = client.post("/check", data={"csrf": token, "text": "x" * (DRAFT_LIMIT + 100_000)})
    assert huge.status_code == 413 and "too large" in huge.text
    assert check(client, "Xiaomi.", fmt="pdf").status_code == 400


def test_forms_without_the_right_csrf_token_are_refused(client, web_service):
    text = "Xiaomi bought Deepmotion for 700 million euros."
    assert client.post("/check", data={"text": text}).status_code == 403
    assert client.post("/check", data={"text": text, "csrf": "0" * 64}).status_code == 403
    with make_client(web_service) as other:
        foreign = csrf_of(other)
    csrf_of(client)
    assert client.post("/check", data={"text": text, "csrf": foreign}).status_code == 403
    token = csrf_of(client)
    cross = client.post(
        "/check", data={"text": text, "csrf": token}, headers={"origin": "http://evil.example"}
    )
    assert cross.status_code == 403 and "Cross-site" in cross.text
    fetched = client.post(
        "/editor", data={"editor": "x", "csrf": token}, headers={"sec-fetch-site": "cross-site"}
    )
    assert fetched.status_code == 403
    for path in ("/editor", "/claims/0123456789ab/decisions", "/logout", "/login"):
        assert client.post(path, data={"editor": "x", "kind": "confirmed"}).status_code == 403, path


HOSTILE_DRAFT = """# <script>alert("draft")</script> title

Xiaomi bought Deepmotion for 700 million euros <img src=x onerror=alert(1)>.

Read [more](javascript:alert(document.cookie)) about Xiaomi's factory in Beijing, which opened in 2024.
"""


def test_a_hostile_draft_is_escaped_everywhere(client):
    done = check(client, HOSTILE_DRAFT, name='<img src=x onerror=alert("name")>.md')
    assert done.status_code == 303
    location = done.headers["location"]
    for path in (location, "/", "/claims"):
        html = client.get(path).text
        assert "<script>alert" not in html and "<img src=x" not in html, path
        assert not re.search(r"<[^>]*\sonerror=", html), path
        assert 'href="javascript:' not in html, path
    page = client.get(location).text
    assert "&lt;script&gt;alert(&#34;draft&#34;)&lt;/script&gt;" in page
    assert "onerror=alert(1)&gt;" in page
    assert "javascript:alert(document.cookie)" in page  # shown as text, never as a link
    disposition = client.get(location + "/report.json").headers["content-disposition"]
    assert '"' not in disposition.split('filename="')[1][:-1]


@pytest.fixture(scope="module")
def hostile_service(tmp_path_factory, embedder, web_settings):
    """A service on an index of hostile documents: script, event handlers, a javascript: url, ../ ids."""
    from factcheck.corpus.index import build_index
    from factcheck.web.service import CheckService

    folder = tmp_path_factory.mktemp("hostile")
    documents = [
        {
            "id": "../../etc/passwd",
            "title": "<script>alert('title')</script>",
            "url": "javascript:alert('url')",
            "text": "Xiaomi bought Deepmotion for 70 million euros. <script>alert('text')</script>",
        },
        {
            "id": 'evil"><img src=x onerror=alert(1)>',
            "title": "Plant <b onmouseover=alert(2)>news</b>",
            "url": "https://example.com/plant",
            "text": "Xiaomi's factory in Beijing opened in 2024. <img src=x onerror=alert(3)>",
        },
    ]
    corpus = folder / "corpus.jsonl"
    corpus.write_text("\n".join(json.dumps(d) for d in documents) + "\n", encoding="utf-8")
    build_index([corpus], folder / "index", web_settings, embedder=embedder)
    service = CheckService(folder / "index", folder / "claims.sqlite", web_settings)
    service.warm_up()
    return service


def test_hostile_corpus_documents_are_escaped_and_ids_are_only_looked_up(hostile_service):
    with make_client(hostile_service) as client:
        done = check(
            client, "Xiaomi bought Deepmotion for 700 million euros. Xiaomi's factory opened in 2024."
        )
        assert done.status_code == 303
        pages = [client.get(done.headers["location"]).text]
        pages.append(client.get("/corpus?q=Xiaomi+Deepmotion").text)
        pages.append(client.get("/corpus/doc?id=..%2F..%2Fetc%2Fpasswd&start=0&end=10").text)
        pages.append(
            client.get("/corpus/doc?id=" + "evil%22%3E%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E").text
        )
        for html in pages:
            assert "<script>alert" not in html
            assert not re.search(r"<[^>]*\son(?:error|mouseover)=", html)
            assert 'href="javascript:' not in html
        document = pages[2]
        assert "&lt;script&gt;alert(&#39;text&#39;)&lt;/script&gt;" in document
        assert "javascript:alert(&#39;url&#39;)" in document  # the url as text, not a link
        assert '<mark id="quote" tabindex="-1">Xiaomi bou</mark>' in document
        assert 'href="https://example.com/plant"' in pages[3]
        # The id is a key, never a path: no such document is a 404, and ../ reads no file.
        missing = client.get("/corpus/doc?id=../../../../etc/hostname")
        assert missing.status_code == 404 and "root:" not in missing.text
        assert "id=..%2F..%2Fetc%2Fpasswd" in pages[1]


def test_document_view_highlights_the_quoted_span_and_refuses_bad_spans(client, demo_check):
    _, record = demo_check
    evidence = next(e for v in record.result.verdicts for e in v.evidence)
    page = client.get(f"/corpus/doc?id={evidence.doc_id}&start={evidence.start}&end={evidence.end}")
    assert page.status_code == 200
    from markupsafe import escape

    assert f'<mark id="quote" tabindex="-1">{escape(evidence.text)}</mark>' in page.text
    for query in ("start=5", "start=a&end=9", "start=9&end=5", "start=0&end=99999999"):
        assert client.get(f"/corpus/doc?id={evidence.doc_id}&{query}").status_code == 400, query
    assert client.get("/corpus/doc").status_code == 404


def test_corpus_search_uses_the_retriever_and_checks_its_input(client, web_service):
    page = client.get("/corpus?q=Deepmotion+acquisition+price&k=3")
    assert page.status_code == 200
    expected = web_service.search("Deepmotion acquisition price", 3, "hybrid")
    assert [p.doc_id for p in expected][0] in page.text
    assert page.text.count('<li><a href="/corpus/doc?id=') == len(expected)
    assert client.get("/corpus?q=x&mode=fuzzy").status_code == 400
    assert client.get("/corpus?q=x&k=0").status_code == 400
    assert client.get("/corpus?q=" + "x" * 501).status_code == 400
    assert client.get("/corpus").status_code == 200


def test_decisions_are_recorded_kept_and_shown(client, demo_check, web_service):
    location, record = demo_check
    verdict = next(v for v in record.result.verdicts if str(v.label) == "contradicted")
    claim = verdict.claim.id
    token = csrf_of(client, location)
    form = {
        "csrf": token,
        "kind": "wrong",
        "label": "supported",
        "note": "the <b>release</b> says so",
        "editor": "Ana Ruiz",
        "next": f"{location}?open={claim}#c-{claim}",
        "verdict_id": str(record.verdict_ids[claim]),
    }
    done = client.post(f"/claims/{claim}/decisions", data=form, follow_redirects=False)
    assert done.status_code == 303 and done.headers["location"] == form["next"]
    assert "fc_editor=" in done.headers["set-cookie"] and "HttpOnly" in done.headers["set-cookie"]
    page = client.get(location + f"?open={claim}").text
    assert "Verdict wrong → supported · Ana Ruiz" in page
    assert f'<li id="c-{claim}"' in page and "<details open>" in page
    # The name is kept: the next decision needs no name, and the header shows it.
    again = client.post(
        f"/claims/{claim}/decisions",
        data={"csrf": token, "kind": "note", "note": "asked the desk"},
        follow_redirects=False,
    )
    assert again.status_code == 303 and again.headers["location"] == f"/claims/{claim}"
    stored = client.get(f"/claims/{claim}").text
    assert "Editing as <strong>Ana Ruiz</strong>" in stored
    assert "the &lt;b&gt;release&lt;/b&gt; says so" in stored and "asked the desk" in stored
    with web_service.store() as store:
        history = store.decisions(claim)
    assert [(d.kind, d.label, d.editor) for d in history[-2:]] == [
        ("wrong", "supported", "Ana Ruiz"),
        ("note", None, "Ana Ruiz"),
    ]
    assert history[-2].verdict_id == record.verdict_ids[claim]


def test_bad_decisions_are_clear_errors(client, web_service, demo_check):
    location, record = demo_check
    claim = record.result.verdicts[0].claim.id
    token = csrf_of(client)
    post = lambda data, cid=claim: client.post(f"/claims/{cid}/decisions", data={"csrf": token, **data})  # noqa: E731
    assert "give your name" in post({"kind": "confirmed"}).text
    assert post({"kind": "approved", "editor": "Ana"}).status_code == 400
    assert post({"kind": "wrong", "label": "", "editor": "Ana"}).status_code == 400
    assert post({"kind": "confirmed", "editor": "Ana"}, cid="0" * 12).status_code == 400
    assert post({"kind": "confirmed", "editor": "Ana"}, cid="../etc").status_code == 404
    # Going back after a form never leaves the site.
    off = client.post(
        f"/claims/{claim}/decisions",
        data={"csrf": token, "kind": "needs_reporting", "editor": "Ana", "next": "//evil.example/x"},
        follow_redirects=False,
    )
    assert off.headers["location"] == f"/claims/{claim}"
    renamed = client.post(
        "/editor",
        data={"csrf": token, "editor": "Ben", "next": "https://evil.example"},
        follow_redirects=False,
    )
    assert renamed.status_code == 303 and renamed.headers["location"] == "/"
    assert client.post("/editor", data={"csrf": token, "editor": ""}).status_code == 400


def test_claims_page_filters_by_label_decision_draft_and_date(client, demo_check, web_service):
    _, record = demo_check
    everything = client.get("/claims").text
    assert all(v.claim.id in everything for v in record.result.verdicts)
    contradicted = client.get("/claims?label=contradicted").text
    ids = set(re.findall(r'href="/claims/([0-9a-f]+)"', contradicted))
    assert ids
    with web_service.store() as store:
        states = store.decision_states()
        draft_id = next(i for i, name, _ in store.drafts() if name == "xiaomi-draft.md")
        latest = store.latest_verdicts()
    assert all(latest[i].label == "contradicted" for i in ids)
    in_draft = set(re.findall(r'href="/claims/([0-9a-f]+)"', client.get(f"/claims?draft={draft_id}").text))
    assert in_draft == {v.claim.id for v in record.result.verdicts}
    decided = set(re.findall(r'href="/claims/([0-9a-f]+)"', client.get("/claims?decision=wrong").text))
    assert decided == {i for i, d in states.items() if d.kind == "wrong"}
    assert set(re.findall(r'href="/claims/([0-9a-f]+)"', client.get("/claims?since=2d").text)) >= in_draft
    assert not re.findall(r'href="/claims/([0-9a-f]+)"', client.get("/claims?since=2999-01-01").text)
    for query in ("label=maybe", "since=yesterday-ish", "draft=abc"):
        assert client.get(f"/claims?{query}").status_code == 400, query
    assert client.get("/claims/zz").status_code == 404
    assert client.get("/claims/0123456789ab").status_code == 400


def test_claims_page_shows_one_page_newest_first(client, demo_check, monkeypatch):
    monkeypatch.setattr("factcheck.web.app.MAX_LISTED", 2)
    html = client.get("/claims").text
    assert len(re.findall(r'<td><a href="/claims/[0-9a-f]+">', html)) == 2
    assert "the first 2 are shown" in html


def test_recheck_page_shows_old_and_new_evidence_side_by_side(web_service, tmp_path):
    from factcheck.domain import Claim, Evidence, Label, Stance, Verdict
    from factcheck.web.service import CheckService
    from factcheck.workflows.store import ClaimStore

    service = CheckService(web_service.index_dir, tmp_path / "claims.sqlite", web_service.settings)
    service._pipeline, service._generation = web_service._pipeline, web_service._generation
    with make_client(service) as client:
        assert "No re-check has run" in client.get("/recheck").text
        text = "Xiaomi EV has a team of 3,000 employees."
        claim = Claim(Claim.make_id(text), text, 0, len(text))
        old = Evidence(
            "xiaomi-ev-unit", "a team of <b>3,000</b>", 0, 10, 0.9, Stance.SUPPORTS, "Unit", "v-old"
        )
        new = Evidence("xiaomi-ev-unit", "a team of 300", 0, 10, 0.9, Stance.CONTRADICTS, "Unit", "v-new")
        with ClaimStore.open(service.store_path) as store:
            store.record_check(
                "d.md", text, [Verdict(claim, Label.SUPPORTED, 0.8, "supported: old", (old,))], "c1", 1
            )
            run = store.start_run("recheck", "c2", 2)
            store.record_verdicts(
                [Verdict(claim, Label.CONTRADICTED, 0.9, "contradicted: new", (new,))], "c2", 2, run
            )
            store.finish_run(run)
        page = client.get("/recheck").text
        assert "1 label(s) changed" in page
        before, after = page.split("<h3>Before")[1].split("<h3>Now")
        assert "supported: old" in before and "a team of &lt;b&gt;3,000&lt;/b&gt;" in before
        assert "contradicted: new" in after and "a team of 300" in after
        assert "document changed since" in page  # the versions differ from the index's


def test_token_is_required_for_every_request_but_login_and_assets(web_service):
    token = "s3cret-token-for-tests"
    with make_client(web_service, token=token) as client:
        page = client.get("/", headers={"accept": "text/html"}, follow_redirects=False)
        assert page.status_code == 303 and page.headers["location"] == "/login?next=%2F"
        assert client.get("/healthz").status_code == 401
        api = client.post("/api/check", json={"text": "Xiaomi bought Deepmotion."})
        assert api.status_code == 401 and api.json()["status"] == 401
        assert client.get("/static/app.css").status_code == 200
        assert client.get("/healthz", headers={"authorization": f"Bearer {token}"}).status_code == 200
        assert client.get("/healthz", headers={"x-factcheck-token": token}).status_code == 200
        assert client.get("/healthz", headers={"authorization": "Bearer wrong"}).status_code == 401
        login = client.get("/login?next=/claims")
        assert login.status_code == 200
        csrf = CSRF.search(login.text).group(1)
        wrong = client.post("/login", data={"csrf": csrf, "token": "nope", "next": "/claims"})
        assert wrong.status_code == 401 and "not the token" in wrong.text
        right = client.post(
            "/login", data={"csrf": csrf, "token": token, "next": "/claims"}, follow_redirects=False
        )
        assert right.status_code == 303 and right.headers["location"] == "/claims"
        cookie = right.headers["set-cookie"]
        assert "fc_auth=" in cookie and "HttpOnly" in cookie and token not in cookie
        assert client.get("/claims").status_code == 200
        out = client.post(
            "/logout", data={"csrf": CSRF.search(client.get("/").text).group(1)}, follow_redirects=False
        )
        assert out.status_code == 303
        client.cookies.delete("fc_auth")
        assert client.get("/healthz").status_code == 401


def test_requests_for_another_host_name_are_refused(client):
    refused = client.get("/", headers={"host": "evil.example:8765"})
    assert refused.status_code == 400 and "host name" in refused.text


def test_the_api_answers_json(client):
    done = client.post(
        "/api/check", json={"text": "Xiaomi bought Deepmotion for 700 million euros.", "name": "a"}
    )
    assert done.status_code == 200
    data = done.json()
    assert set(data) == {"check_id", "source", "corpus_version", "claims", "summary"}
    assert data["claims"][0]["label"] == "contradicted"
    assert client.post("/api/check", content="{}", headers={"content-type": "text/plain"}).status_code == 415
    bad = client.post("/api/check", content="{not json", headers={"content-type": "application/json"})
    assert bad.status_code == 400 and bad.json()["error"]
    assert client.post("/api/check", json={"draft": "x"}).status_code == 400
    empty = client.post("/api/check", json={"text": " "})
    assert empty.status_code == 400 and "empty" in empty.json()["error"]


def test_a_full_pool_answers_503_with_retry_after_and_recovers(web_service):
    from factcheck.web.pool import CheckPool

    pool = CheckPool(workers=1, queue_size=0, typical_seconds=2.0)
    release = threading.Event()
    blocker = pool.submit(release.wait)
    with make_client(web_service, pool=pool) as client:
        busy = client.post("/api/check", json={"text": "Xiaomi bought Deepmotion for 700 million euros."})
        assert busy.status_code == 503 and int(busy.headers["retry-after"]) >= 1
        page = client.post("/check", data={"csrf": csrf_of(client), "text": "Xiaomi bought Deepmotion."})
        assert page.status_code == 503 and "busy" in page.text
        release.set()
        blocker.result(timeout=10)
        assert client.post("/api/check", json={"text": "Xiaomi bought Deepmotion."}).status_code == 200
    assert pool.refused == 2


def test_a_check_over_its_time_limit_answers_504(web_service):
    from factcheck.web.app import ServeOptions
    from factcheck.web.pool import CheckPool

    pool = CheckPool(workers=1, queue_size=4)
    release = threading.Event()
    blocker = pool.submit(release.wait)
    options = ServeOptions(check_timeout=0.2)
    with make_client(web_service, pool=pool, options=options) as client:
        slow = client.post("/api/check", json={"text": "Xiaomi bought Deepmotion."})
        assert slow.status_code == 504 and "longer than 0.2 s" in slow.json()["error"]
    release.set()
    blocker.result(timeout=10)
    assert pool.pending == 0  # the queued check was dropped, not left behind


def test_errors_are_pages_without_tracebacks(client, web_service, monkeypatch):
    missing = client.get("/no/such/page")
    assert missing.status_code == 404 and "There is no such page" in missing.text
    assert client.get("/check").status_code == 405
    assert client.get("/checks/" + "0" * 32).status_code == 404
    assert "restarted" in client.get("/checks/" + "0" * 32).text

    def broken(*args, **kwargs):
        raise RuntimeError("secret internal detail")

    monkeypatch.setattr(web_service, "search", broken)
    crashed = client.get("/corpus?q=Xiaomi")
    assert crashed.status_code == 500
    assert "Traceback" not in crashed.text and "secret internal detail" not in crashed.text
    assert "has been logged" in crashed.text
    assert crashed.headers["content-security-policy"].startswith("default-src 'none'")


def test_health_reports_the_index_and_the_pool(client, web_service):
    status = client.get("/healthz").json()
    assert status["status"] == "ok" and status["documents"] == web_service.corpus.document_count
    assert status["workers"] == 1 and status["queue_size"] == 32
