"""Running `factcheck serve` as a separate process and driving a browser at it (tests and benchmarks).

The server is started on a free loopback port (``--port 0``); its address is read from the line it prints
when it is ready. The browser is the system's Chromium, launched by Playwright with ``executable_path``
(Playwright's own browser download does not work offline).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
)
SERVING = re.compile(r"factcheck serve: (http://127\.0\.0\.1:\d+/)")


def system_chromium() -> str | None:
    """The Chromium to drive: ``FACTCHECK_CHROMIUM``, ``/usr/bin/chromium`` or ``chromium`` on the PATH."""
    for candidate in (os.environ.get("FACTCHECK_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@dataclass
class ServerProcess:
    """A running `factcheck serve`: its address, its process, and what it printed on stderr."""

    url: str
    process: subprocess.Popen
    output: list[str] = field(default_factory=list)


@contextmanager
def serve_process(arguments: Sequence[str], cwd: Path, timeout: float = 240.0) -> Iterator[ServerProcess]:
    """Starts `python -m factcheck serve --port 0 ARGUMENTS` in ``cwd`` and yields it once it answers.

    Raises ``RuntimeError`` (with the end of its output) when it exits or is not up within ``timeout``.
    The process is terminated when the block ends (killed if it does not stop).
    """
    command = [sys.executable, "-m", "factcheck", "serve", "--port", "0", *arguments]
    process = subprocess.Popen(command, cwd=cwd, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    output: list[str] = []
    found: list[str] = []

    def read() -> None:
        assert process.stderr is not None
        for line in process.stderr:
            output.append(line)
            match = SERVING.search(line)
            if match and not found:
                found.append(match.group(1))

    threading.Thread(target=read, daemon=True).start()
    deadline = time.monotonic() + timeout
    while not found and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        if not found:
            raise RuntimeError("factcheck serve did not start: " + "".join(output)[-2000:])
        yield ServerProcess(found[0], process, output)
    finally:
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
