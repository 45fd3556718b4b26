"""The server's defences: host and token checks, CSRF, body limits and read timeouts, security headers.

- **Hosts.** Bound to a loopback address, the server answers only requests addressed to a loopback host
  name, so a web page cannot reach it through DNS rebinding.
- **Token.** With a token (required for any other address), every request but the login page and the
  static files must carry it: ``Authorization: Bearer TOKEN``, ``X-Factcheck-Token: TOKEN``, or the HttpOnly
  cookie the login form sets (a keyed hash of the token, not the token).
- **CSRF.** Every form carries a token bound to the browser's session cookie (an HMAC under a key made
  when the server starts); a POST without the right one is refused, as is any POST whose ``Origin`` is
  another site. The JSON API takes only ``application/json``, which no cross-site form can send.
- **Bodies.** A request body over the limit is refused with 413, and a client that stops sending its body
  for ``read_timeout`` seconds gets 408.
- **Headers.** A Content-Security-Policy without inline script or style, no framing, no sniffing, no
  referrer, no caching of pages.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import secrets
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from urllib.parse import quote, unquote

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import RedirectResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

SESSION_COOKIE = "fc_session"
AUTH_COOKIE = "fc_auth"
EDITOR_COOKIE = "fc_editor"
CSRF_FIELD = "csrf"
LOOPBACK_HOSTS = frozenset({"127.0.0.1", "localhost", "::1", "[::1]"})
PUBLIC_PATHS = ("/login", "/static/", "/favicon.ico")
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})

CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
# Downloaded HTML reports carry their own stylesheet inline; they may style themselves, never run script.
REPORT_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'"
SECURITY_HEADERS = {
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}

ErrorPage = Callable[[Request, int, str], Awaitable[Response]]


def add_security_headers(headers: MutableHeaders, cache: bool = False) -> None:
    """The policy and hardening headers, where the response did not set its own."""
    if "content-security-policy" not in headers:
        headers["content-security-policy"] = CONTENT_SECURITY_POLICY
    for name, value in SECURITY_HEADERS.items():
        headers.setdefault(name, value)
    if not cache:
        headers.setdefault("cache-control", "no-store")


def is_loopback(host: str) -> bool:
    """Whether ``host`` (an address or name the server binds) is this machine only."""
    return host in LOOPBACK_HOSTS or host.startswith("127.")


@dataclass
class Security:
    """The security settings of one server process."""

    token: str | None = None
    allowed_hosts: frozenset[str] | None = None
    max_body_bytes: int = 2_200_000
    read_timeout: float = 30.0
    secure_cookies: bool = False
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))

    @property
    def auth_cookie_value(self) -> str | None:
        """What the login cookie holds: a keyed hash of the token (stable across restarts)."""
        if self.token is None:
            return None
        return hmac.new(self.token.encode(), b"factcheck-login", hashlib.sha256).hexdigest()

    def token_matches(self, offered: str | None) -> bool:
        """Whether ``offered`` is the server's token (constant-time)."""
        if self.token is None or offered is None:
            return False
        return hmac.compare_digest(offered.encode(), self.token.encode())

    def authenticated(self, request: Request) -> bool:
        """Whether the request carries the token (header or login cookie); always true without a token."""
        if self.token is None:
            return True
        header = request.headers.get("authorization", "")
        if header[:7].lower() == "bearer " and self.token_matches(header[7:].strip()):
            return True
        if self.token_matches(request.headers.get("x-factcheck-token")):
            return True
        cookie = request.cookies.get(AUTH_COOKIE)
        expected = self.auth_cookie_value
        return cookie is not None and expected is not None and hmac.compare_digest(cookie, expected)

    def csrf_token(self, request: Request) -> str:
        """The form token of this browser session."""
        session = request.scope.get("fc_session", "")
        return hmac.new(self.secret, f"csrf:{session}".encode(), hashlib.sha256).hexdigest()

    def check_csrf(self, request: Request, offered: object) -> None:
        """Refuses (403) a form whose token is missing or not this session's."""
        if not isinstance(offered, str) or not hmac.compare_digest(offered, self.csrf_token(request)):
            raise HTTPException(
                403, "This form has expired or did not come from this site. Reload the page and try again."
            )


def safe_next(value: object, default: str = "/") -> str:
    """A local path to return to after a form; anything else (another site, odd characters): ``default``."""
    if not isinstance(value, str) or not value.startswith("/") or value.startswith("//"):
        return default
    if "\\" in value or any(ord(ch) < 33 or ord(ch) == 127 for ch in value) or len(value) > 2_000:
        return default
    return value


def editor_of(request: Request) -> str | None:
    """The editor's name from their cookie, if they gave one."""
    raw = request.cookies.get(EDITOR_COOKIE)
    if not raw:
        return None
    name = " ".join(unquote(raw).split())
    return name[:80] or None


def set_editor(response: Response, name: str, secure: bool) -> None:
    """Keeps the editor's name in a cookie for a year."""
    response.set_cookie(
        EDITOR_COOKIE, quote(name), max_age=365 * 86_400, httponly=True, samesite="strict", secure=secure
    )


class SecurityMiddleware:
    """Applies :class:`Security` to every HTTP request (see the module documentation)."""

    def __init__(self, app: ASGIApp, security: Security, error_page: ErrorPage) -> None:
        self.app = app
        self.security = security
        self.error_page = error_page

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        session = request.cookies.get(SESSION_COOKIE, "")
        new_session = not (16 <= len(session) <= 64 and session.replace("-", "").replace("_", "").isalnum())
        if new_session:
            session = secrets.token_urlsafe(24)
        scope["fc_session"] = session
        refusal = self._refusal(request)
        if refusal is not None:
            response = await refusal
            await self._respond(response, scope, receive, self._sender(send, request, session, new_session))
            return
        await self.app(scope, self._receiver(receive), self._sender(send, request, session, new_session))

    def _refusal(self, request: Request) -> Awaitable[Response] | None:
        """The response that refuses this request before it reaches a page, or None."""
        security = self.security
        host = (request.url.hostname or "").lower()
        if security.allowed_hosts is not None and host not in security.allowed_hosts:
            return self.error_page(request, 400, "This server does not answer for that host name.")
        path = request.url.path
        public = any(path == p or (p.endswith("/") and path.startswith(p)) for p in PUBLIC_PATHS)
        if not public and not security.authenticated(request):
            wants_page = request.method in ("GET", "HEAD") and "text/html" in request.headers.get(
                "accept", ""
            )
            if wants_page:
                target = path + (f"?{request.url.query}" if request.url.query else "")
                return _redirect(f"/login?next={quote(target, safe='')}")
            return self.error_page(request, 401, "Log in first: this server needs its access token.")
        if request.method in UNSAFE_METHODS:
            origin = request.headers.get("origin")
            expected = f"{request.url.scheme}://{request.url.netloc}"
            if (origin and origin != "null" and origin != expected) or request.headers.get(
                "sec-fetch-site"
            ) == "cross-site":
                return self.error_page(request, 403, "Cross-site requests are refused.")
            length = request.headers.get("content-length")
            if length is not None and (not length.isdigit() or int(length) > security.max_body_bytes):
                limit = security.max_body_bytes / 1e6
                return self.error_page(
                    request, 413, f"The request is too large (the limit is {limit:.1f} MB)."
                )
        return None

    @staticmethod
    async def _respond(response: Response, scope: Scope, receive: Receive, send: Send) -> None:
        await response(scope, receive, send)

    def _receiver(self, receive: Receive) -> Receive:
        security = self.security
        state = {"size": 0, "done": False}

        async def receive_limited() -> Message:
            if state["done"]:
                return await receive()
            try:
                message = await asyncio.wait_for(receive(), security.read_timeout)
            except TimeoutError:
                raise HTTPException(408, "The request took too long to arrive.") from None
            if message["type"] == "http.request":
                state["size"] += len(message.get("body", b""))
                if state["size"] > security.max_body_bytes:
                    limit = security.max_body_bytes / 1e6
                    raise HTTPException(413, f"The request is too large (the limit is {limit:.1f} MB).")
                state["done"] = not message.get("more_body", False)
            else:
                state["done"] = True
            return message

        return receive_limited

    def _sender(self, send: Send, request: Request, session: str, new_session: bool) -> Send:
        security = self.security
        static = request.url.path.startswith("/static/")

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                add_security_headers(headers, cache=static)
                if new_session:
                    cookie = f"{SESSION_COOKIE}={session}; Path=/; HttpOnly; SameSite=Strict"
                    headers.append("set-cookie", cookie + ("; Secure" if security.secure_cookies else ""))
            await send(message)

        return send_with_headers


async def _redirect(url: str) -> Response:
    return RedirectResponse(url, status_code=303)
