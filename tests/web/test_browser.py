"""End to end in a real browser: `factcheck serve` on the bundled corpus, driven by Playwright in Chromium.

Debian's Chromium (``/usr/bin/chromium``) is used through ``executable_path``: Playwright's own browser
download does not work offline. The tests skip, saying why, only where no browser can be had.
"""

from __future__ import annotations

import json
import re
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

from factcheck.web.process import CHROMIUM_ARGS, ServerProcess, serve_process, system_chromium
from tests.web.conftest import DRAFT, ROOT


def chromium_path() -> str:
    """The system Chromium, or a skip that says how to get one."""
    path = system_chromium()
    if path is None:
        pytest.skip("no Chromium browser here (install it with: apt-get install -y chromium)")
    return path


@dataclass
class Served:
    """A running `factcheck serve` on the bundled corpus, and its claim store."""

    server: ServerProcess
    store: Path

    @property
    def url(self) -> str:
        return self.server.url

    @property
    def process(self):
        return self.server.process


@pytest.fixture(scope="module")
def served(demo_index, tmp_path_factory):
    """`factcheck serve` on a free loopback port, on the bundled corpus's index."""
    store = tmp_path_factory.mktemp("browser-store") / "claims.sqlite"
    arguments = ["--index", str(demo_index), "--store", str(store), "--quiet"]
    try:
        with serve_process(arguments, cwd=ROOT) as server:
            yield Served(server, store)
    except RuntimeError as exc:
        pytest.fail(str(exc))


@pytest.fixture(scope="module")
def server(served) -> str:
    return served.url


@pytest.fixture(scope="module")
def browser():
    path = chromium_path()
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="playwright is not installed (pip install '.[test]')"
    )
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


def test_an_editor_checks_a_draft_reads_evidence_decides_and_downloads(browser, server, tmp_path):
    context = browser.new_context(accept_downloads=True, viewport={"width": 1400, "height": 1000})
    elsewhere: list[str] = []
    problems: list[str] = []

    def only_this_server(route) -> None:
        if route.request.url.startswith(server):
            route.continue_()
        else:
            elsewhere.append(route.request.url)
            route.abort()

    context.route("**/*", only_this_server)
    page = context.new_page()
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(server)
    page.fill("textarea[name=text]", DRAFT.read_text(encoding="utf-8"))
    page.fill("input[name=name]", "xiaomi-draft.md")
    page.click("button[type=submit].primary")
    page.wait_for_selector("#draft a.mark")
    check_url = page.url.split("#")[0]
    assert re.search(r"/checks/[0-9a-f]{32}$", check_url)

    # The claims are highlighted in the draft, by label, contradicted first beside it.
    assert page.locator("#draft a.mark.contradicted").count() >= 3
    assert page.locator("#draft a.mark.supported").count() >= 1
    first_item = page.locator("#claims li.claim").first
    assert "contradicted" in first_item.get_attribute("class")

    # Clicking a contradicted claim in the draft opens its evidence.
    mark = page.locator("#draft a.mark.contradicted").first
    claim_id = mark.get_attribute("data-claim")
    mark.click()
    item = page.locator(f"#c-{claim_id}")
    evidence = item.locator("details[open] ol.evidence blockquote").first
    evidence.wait_for(state="visible")
    assert evidence.inner_text().strip()
    assert "contradicted" in item.locator(".reason").inner_text()

    # The keyboard moves between claims.
    page.locator("body").press("j")
    assert page.evaluate("document.activeElement.classList.contains('mark')")

    # The evidence opens in the document view with the quoted span highlighted.
    link = item.locator("ol.evidence a").first
    quote_text = evidence.inner_text().strip()
    href = link.get_attribute("href")
    document = context.new_page()
    document.goto(server.rstrip("/") + href)
    highlighted = document.locator("mark#quote")
    assert " ".join(highlighted.inner_text().split())[:40] == " ".join(quote_text.split())[:40]
    document.close()

    # Mark the verdict wrong (the right label: supported), giving a name once.
    form = item.locator("form.decide")
    form.locator("input[name=kind][value=wrong]").check()
    form.locator("select[name=label]").select_option("supported")
    form.locator("textarea[name=note]").fill("The plant's own release confirms it.")
    form.locator("input[name=editor]").fill("Ana Ruiz")
    form.locator("button[type=submit]").click()
    page.wait_for_selector(f"#c-{claim_id} .decision.wrong")

    # Reloaded, the decision is still there, and the name is remembered.
    page.goto(check_url)
    page.wait_for_selector("#draft a.mark")
    badge = page.locator(f"#c-{claim_id} summary .decision.wrong")
    assert "Verdict wrong → supported · Ana Ruiz" in " ".join(badge.inner_text().split())
    assert "Ana Ruiz" in page.locator("header .who").inner_text()
    assert page.locator(f"#c-{claim_id} input[name=editor]").count() == 0

    # The label filter hides the other claims in place.
    page.click(".filters a[data-filter=supported]")
    assert page.locator(f"#c-{claim_id}").is_hidden()
    assert page.locator("#claims li.claim.supported").first.is_visible()

    # Download the JSON report: the CLI's schema.
    with page.expect_download() as download:
        page.click("p.downloads a[href$='report.json']")
    saved = tmp_path / "report.json"
    download.value.save_as(saved)
    report = json.loads(saved.read_text(encoding="utf-8"))
    assert set(report) == {"source", "corpus_version", "claims", "summary"}
    assert report["source"] == "xiaomi-draft.md"
    assert claim_id in {claim["id"] for claim in report["claims"]}

    context.close()
    assert elsewhere == [], "the page fetched something from another host"
    assert problems == [], problems


def test_concurrent_checks_each_get_their_own_answer(server):
    import httpx

    drafts = {
        f"draft-{n}.txt": f"Xiaomi bought Deepmotion for {amount} million euros. It opened a plant in {year}."
        for n, (amount, year) in enumerate([(70, 2024), (700, 2025), (7, 2023), (77, 2026)])
    }

    def post(name: str) -> dict:
        answer = httpx.post(server + "api/check", json={"text": drafts[name], "name": name}, timeout=120)
        assert answer.status_code == 200, answer.text
        return answer.json()

    with ThreadPoolExecutor(len(drafts)) as threads:
        answers = dict(zip(drafts, threads.map(post, drafts), strict=True))
    for name, answer in answers.items():
        assert answer["source"] == name
        texts = " ".join(claim["text"] for claim in answer["claims"])
        amount = drafts[name].split(" for ")[1].split(" ")[0]
        assert f"{amount} million" in texts


def test_a_killed_server_loses_no_decision(served):
    """Last in this module: it kills the server. A decision answered is a decision committed."""
    import signal

    import httpx

    from factcheck.workflows.store import ClaimStore

    with httpx.Client(base_url=served.url, timeout=120) as client:
        done = client.post("api/check", json={"text": "Xiaomi bought Deepmotion for 700 million euros."})
        claim = done.json()["claims"][0]["id"]
        token = re.search(r'name="csrf" value="([0-9a-f]+)"', client.get("/").text).group(1)
        form = {"csrf": token, "kind": "needs_reporting", "note": "ask the desk", "editor": "Night Editor"}
        recorded = client.post(f"claims/{claim}/decisions", data=form)
        assert recorded.status_code == 303
    served.process.send_signal(signal.SIGKILL)
    served.process.wait(timeout=20)
    with ClaimStore.open(served.store, create=False) as store:
        kept = store.decisions(claim)
    assert [(d.kind, d.editor, d.note) for d in kept] == [("needs_reporting", "Night Editor", "ask the desk")]
