"""Fixtures of the web tests: one warm check service on the demo index, clients with fresh sessions."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DRAFT = ROOT / "claims" / "xiaomi-draft.md"
# Small enough to test the limit cheaply, larger than the demo draft.
DRAFT_LIMIT = 20_000
CSRF = re.compile(r'name="csrf" value="([0-9a-f]+)"')


@pytest.fixture(scope="session")
def web_settings():
    from factcheck.settings import load_settings

    return replace(load_settings(), max_draft_bytes=DRAFT_LIMIT)


@pytest.fixture(scope="session")
def web_service(demo_index, web_settings, tmp_path_factory):
    """The server's service on the demo index (warmed up once), recording into a session store."""
    from factcheck.web.service import CheckService

    service = CheckService(demo_index, tmp_path_factory.mktemp("web-store") / "claims.sqlite", web_settings)
    service.warm_up()
    return service


def make_client(service, token: str | None = None, pool=None, options=None, allowed_hosts=None):
    """A TestClient over a new app for ``service`` (addressed as 127.0.0.1, like a browser would)."""
    from starlette.testclient import TestClient

    from factcheck.web.app import create_app
    from factcheck.web.security import LOOPBACK_HOSTS, Security

    security = Security(
        token=token,
        allowed_hosts=allowed_hosts or LOOPBACK_HOSTS,
        max_body_bytes=service.settings.max_draft_bytes + 64_000,
    )
    app = create_app(service, security, pool=pool, options=options)
    return TestClient(app, base_url="http://127.0.0.1:8765", raise_server_exceptions=False)


@pytest.fixture
def client(web_service):
    with make_client(web_service) as test_client:
        yield test_client


def csrf_of(client, path: str = "/") -> str:
    """The form token of the client's session, read from a page as a browser would."""
    page = client.get(path)
    assert page.status_code == 200, page.text
    return CSRF.search(page.text).group(1)


def check(client, text: str, name: str = "draft.md", fmt: str = "auto"):
    """Pastes ``text`` on the check page; returns the redirect response."""
    token = csrf_of(client)
    return client.post(
        "/check", data={"csrf": token, "text": text, "name": name, "format": fmt}, follow_redirects=False
    )
