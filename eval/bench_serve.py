"""Load benchmark of `factcheck serve`, and the README's screenshots of the check page and the claim view.

    python -m eval.bench_serve [--concurrent 20] [--lone 5] [--index DIR] [--screenshots docs/screenshots]

Starts `factcheck serve` (a new process, on the bundled corpus unless ``--index``) and measures, as a
client sees it over HTTP (``POST /api/check``):

- lone: the demo draft checked ``--lone`` times one after another on the warm server (median, min);
- burst: ``--concurrent`` clients post the demo draft at the same moment. Every answer must carry the same
  verdicts (claim ids and labels) as a lone check and its own draft name, and none may be lost; latency
  p50/p95/max over the burst;
- small queue: the same burst against a server whose queue holds fewer checks than the burst, so some
  clients are answered 503 with Retry-After and try again after it; none may be lost either.

Prints a table and writes ``eval/out/bench_serve.json``. The machine's load average is recorded: other work
on the machine competes for the same cores and shows in every figure.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import httpx

from factcheck.web.process import CHROMIUM_ARGS, serve_process, system_chromium

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "eval" / "out"
DRAFT = ROOT / "claims" / "xiaomi-draft.md"


@contextmanager
def serving(index: Path | None, store: Path, queue: int):
    """`factcheck serve` on a free loopback port; yields its address."""
    arguments = ["--quiet", "--store", str(store), "--queue", str(queue)] + (
        ["--index", str(index)] if index else []
    )
    began = time.perf_counter()
    with serve_process(arguments, cwd=ROOT) as server:
        print(
            f"server up in {time.perf_counter() - began:.1f} s at {server.url} (queue {queue})",
            file=sys.stderr,
        )
        yield server.url


def post_check(base: str, name: str, text: str) -> dict:
    """One check over HTTP, trying again after Retry-After when the server is busy."""
    began = time.perf_counter()
    refused = 0
    with httpx.Client(timeout=600) as client:
        while True:
            answer = client.post(base + "api/check", json={"text": text, "name": name, "format": "md"})
            if answer.status_code != 503:
                break
            refused += 1
            time.sleep(float(answer.headers.get("retry-after", "1")))
    seconds = time.perf_counter() - began
    body = answer.json() if answer.headers.get("content-type", "").startswith("application/json") else {}
    return {"status": answer.status_code, "seconds": seconds, "refused": refused, "body": body, "name": name}


def verdicts_of(body: dict) -> list[tuple[str, str]]:
    return [(claim["id"], claim["label"]) for claim in body.get("claims", [])]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))]


def burst(base: str, text: str, clients: int, expected: list[tuple[str, str]]) -> dict:
    """``clients`` checks posted at once; checks every answer against the lone check."""
    gate = threading.Barrier(clients)

    def one(n: int) -> dict:
        gate.wait()
        return post_check(base, f"client-{n}.md", text)

    began = time.perf_counter()
    with ThreadPoolExecutor(clients) as threads:
        answers = list(threads.map(one, range(clients)))
    wall = time.perf_counter() - began
    latencies = [a["seconds"] for a in answers]
    answered = [a for a in answers if a["status"] == 200]
    return {
        "clients": clients,
        "answered": len(answered),
        "lost": clients - len(answered),
        "same_verdicts_as_lone": sum(verdicts_of(a["body"]) == expected for a in answered),
        "own_draft_name": sum(a["body"].get("source") == a["name"] for a in answered),
        "refused_503_then_retried": sum(a["refused"] for a in answers),
        "p50_seconds": statistics.median(latencies),
        "p95_seconds": percentile(latencies, 0.95),
        "max_seconds": max(latencies),
        "wall_seconds": wall,
        "checks_per_second": clients / wall,
    }


def screenshots(base: str, text: str, folder: Path) -> list[str]:
    """PNGs of the check page (a contradicted claim opened) and of the claim view."""
    from playwright.sync_api import sync_playwright

    folder.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as playwright:
        path = system_chromium()
        if path is None:
            raise SystemExit(
                "no Chromium for the screenshots (apt-get install -y chromium), or --no-screenshots"
            )
        browser = playwright.chromium.launch(executable_path=path, args=list(CHROMIUM_ARGS))
        page = browser.new_page(viewport={"width": 1280, "height": 800})
        page.goto(base)
        page.fill("textarea[name=text]", text)
        page.fill("input[name=name]", "xiaomi-draft.md")
        page.click("button[type=submit].primary")
        page.wait_for_selector("#draft a.mark")
        mark = page.locator("#draft a.mark.contradicted").first
        claim = mark.get_attribute("data-claim")
        mark.click()
        page.locator(f"#c-{claim} details[open] blockquote").first.wait_for()
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(folder / "check-page.png"))
        page.goto(page.url.split("#")[0] + f"/claims/{claim}")
        page.screenshot(path=str(folder / "claim-view.png"))
        browser.close()
    shots = [folder / "check-page.png", folder / "claim-view.png"]
    from PIL import Image  # a dependency of matplotlib

    for shot in shots:  # a 128-colour palette keeps a page screenshot small and sharp
        Image.open(shot).convert("RGB").quantize(colors=128).save(shot, optimize=True)
    return [str(shot) for shot in shots]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrent", type=int, default=20)
    parser.add_argument("--lone", type=int, default=5)
    parser.add_argument("--small-queue", type=int, default=4)
    parser.add_argument("--index", type=Path, default=None)
    parser.add_argument("--screenshots", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--no-screenshots", action="store_true")
    args = parser.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    text = DRAFT.read_text(encoding="utf-8")
    store = OUT / "bench-serve.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{store}{suffix}").unlink(missing_ok=True)
    results: dict = {"cores": os.cpu_count(), "load_average_before": os.getloadavg()}

    with serving(args.index, store, queue=max(32, args.concurrent)) as base:
        first = post_check(base, "lone.md", text)
        assert first["status"] == 200, first
        expected = verdicts_of(first["body"])
        lone = [post_check(base, "lone.md", text) for _ in range(args.lone)]
        assert all(verdicts_of(run["body"]) == expected for run in lone)
        results["claims"] = len(expected)
        results["first_check_seconds"] = first["seconds"]
        results["lone_median_seconds"] = statistics.median(r["seconds"] for r in lone)
        results["lone_min_seconds"] = min(r["seconds"] for r in lone)
        results["burst"] = burst(base, text, args.concurrent, expected)
        if not args.no_screenshots:
            results["screenshots"] = screenshots(base, text, args.screenshots)
    with serving(args.index, store, queue=args.small_queue) as base:
        post_check(base, "warm.md", text)
        results["small_queue"] = {"queue": args.small_queue, **burst(base, text, args.concurrent, expected)}
    results["load_average_after"] = os.getloadavg()

    (OUT / "bench_serve.json").write_text(json.dumps(results, indent=2) + "\n")
    load = ", ".join(f"{x:.2f}" for x in results["load_average_before"])
    print(f"demo draft, {results['claims']} claims, {results['cores']} cores, load average before {load}")
    head = ("scenario", "answered", "same", "503s", "p50 s", "p95 s", "max s", "wall s")
    print(f"{head[0]:<30}" + "".join(f"{h:>9}" for h in head[1:]))
    median = results["lone_median_seconds"]
    print(f"{'lone (warm), median':<30}{args.lone:>9}{args.lone:>9}{0:>9}{median:>9.2f}")
    for key, title in (
        ("burst", f"{args.concurrent} at once, queue 32"),
        ("small_queue", f"{args.concurrent} at once, queue {args.small_queue}"),
    ):
        row = results[key]
        counts = (row["answered"], row["same_verdicts_as_lone"], row["refused_503_then_retried"])
        times = (row["p50_seconds"], row["p95_seconds"], row["max_seconds"], row["wall_seconds"])
        print(f"{title:<30}" + "".join(f"{n:>9}" for n in counts) + "".join(f"{t:>9.2f}" for t in times))


if __name__ == "__main__":
    main()
