"""`factcheck serve` refuses unsafe or impossible settings with one line and exit code 2."""

from __future__ import annotations

import socket
import subprocess
import sys

from tests.web.conftest import ROOT


def serve(*args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "factcheck", "serve", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
        env=env,
    )


def test_a_non_loopback_host_needs_a_token():
    done = serve("--host", "0.0.0.0", "--port", "0")
    assert done.returncode == 2
    assert "give --token" in done.stderr and "Traceback" not in done.stderr
    assert len(done.stderr.strip().splitlines()) == 1


def test_a_short_token_and_a_busy_port_are_clear_errors():
    short = serve("--token", "abc")
    assert short.returncode == 2 and "at least 16 characters" in short.stderr
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        busy = serve("--port", str(port))
    assert busy.returncode == 2 and f"cannot listen on 127.0.0.1:{port}" in busy.stderr
    assert "Traceback" not in busy.stderr
