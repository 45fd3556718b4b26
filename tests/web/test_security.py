"""The security layer at the ASGI level: a client that stops sending its body, local redirects only."""

from __future__ import annotations

import asyncio

import pytest

from factcheck.web.security import Security, is_loopback, safe_next


def test_a_request_body_that_stops_arriving_gets_408(web_service):
    from factcheck.web.app import create_app

    app = create_app(web_service, Security(read_timeout=0.2))
    scope = {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": "/check", "raw_path": b"/check", "query_string": b"", "root_path": "",
        "headers": [(b"host", b"127.0.0.1:8765"), (b"content-type", b"application/x-www-form-urlencoded"),
                    (b"content-length", b"1000")],
        "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 8765),
    }  # fmt: skip
    chunks = [{"type": "http.request", "body": b"text=Xiaomi", "more_body": True}]
    sent: list[dict] = []

    async def receive() -> dict:
        if chunks:
            return chunks.pop()
        await asyncio.sleep(3600)  # the client went quiet
        raise AssertionError("unreachable")

    async def send(message: dict) -> None:
        sent.append(message)

    asyncio.run(asyncio.wait_for(app(scope, receive, send), 10))
    start = next(m for m in sent if m["type"] == "http.response.start")
    assert start["status"] == 408
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body").decode()
    assert "took too long" in body and "Traceback" not in body


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/claims?label=supported", "/claims?label=supported"),
        ("/checks/abc#c-1", "/checks/abc#c-1"),
        ("//evil.example/", "/"),
        ("https://evil.example/", "/"),
        ("/\\evil.example", "/"),
        ("/a b", "/"),
        ("javascript:alert(1)", "/"),
        (None, "/"),
    ],
)
def test_forms_only_send_back_to_this_site(value, expected):
    assert safe_next(value) == expected


def test_loopback_addresses():
    assert all(is_loopback(h) for h in ("127.0.0.1", "127.0.1.1", "localhost", "::1"))
    assert not any(is_loopback(h) for h in ("0.0.0.0", "192.168.1.10", "::", "example.com"))
