"""The ASGI application of ``factcheck serve``: Starlette routes rendering Jinja2 templates.

Pages are rendered on the server and work without JavaScript (links, forms, ``<details>``); the one
script (``static/app.js``) adds filtering in place, keyboard navigation and opening a claim from the
draft. Every asset is in the package; nothing is fetched from the network.
"""

from __future__ import annotations

import json
import logging
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jinja2
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.templating import Jinja2Templates

from factcheck.domain import Label
from factcheck.errors import ClaimsError, FactcheckError, InputError
from factcheck.report.write import render_report
from factcheck.web import views
from factcheck.web.pool import CheckPool, JobTimeout, PoolFull
from factcheck.web.security import (
    AUTH_COOKIE,
    CSRF_FIELD,
    REPORT_CONTENT_SECURITY_POLICY,
    Security,
    SecurityMiddleware,
    add_security_headers,
    editor_of,
    safe_next,
    set_editor,
)
from factcheck.web.service import DRAFT_FORMATS, UPLOAD_SUFFIXES, CheckService, clean_name
from factcheck.workflows.recheck import RECHECK_KINDS, flips_of_run
from factcheck.workflows.store import parse_since

HERE = Path(__file__).resolve().parent
log = logging.getLogger("factcheck.web")

DOWNLOADS = {
    "json": ("json", "application/json"),
    "md": ("markdown", "text/markdown"),
    "html": ("html", "text/html"),
}
SEARCH_MODES = ("hybrid", "dense", "bm25")
MAX_QUERY_CHARS = 500
MAX_LISTED = 500
CLAIM_ID = re.compile(r"[0-9a-f]{4,64}")
CHECK_ID = re.compile(r"[0-9a-f]{32}")


@dataclass
class ServeOptions:
    """How the server checks: pool size, queue, and how long one check may take."""

    workers: int = 1
    queue_size: int = 32
    check_timeout: float = 120.0


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(HERE / "templates")),
        autoescape=jinja2.select_autoescape(["html"], default_for_string=True, default=True),
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["pct"] = lambda value: f"{float(value):.0%}"
    env.filters["when"] = lambda value: str(value or "")[:19].replace("T", " ")
    env.globals["LABELS"] = [str(label) for label in Label]
    env.globals["GLYPH"] = views.GLYPH
    env.globals["safe_url"] = views.safe_url
    env.globals["doc_href"] = views.document_href
    env.globals["views_evidence"] = views.evidence_items
    return Jinja2Templates(env=env)


class WebApp:
    """Routes and handlers over one :class:`CheckService`."""

    def __init__(self, service: CheckService, security: Security, pool: CheckPool, options: ServeOptions):
        self.service = service
        self.security = security
        self.pool = pool
        self.options = options
        self.templates = _templates()

    # -- rendering ----------------------------------------------------------------------------------

    def page(self, request: Request, name: str, status: int = 200, **context: Any) -> Response:
        context.update(
            csrf=self.security.csrf_token(request),
            editor=editor_of(request),
            token_required=self.security.token is not None,
            path=request.url.path,
        )
        return self.templates.TemplateResponse(request, name, context, status_code=status)

    async def error_page(self, request: Request, status: int, message: str) -> Response:
        """An error as a page (or JSON under ``/api/``), never with a traceback."""
        if request.url.path.startswith("/api/") or "application/json" in request.headers.get("accept", ""):
            return JSONResponse({"error": message, "status": status}, status_code=status)
        try:
            return self.page(request, "error.html", status, code=status, message=message)
        except Exception:  # the error page itself must never fail
            log.exception("error page failed")
            return Response(message, status_code=status, media_type="text/plain")

    async def on_http_error(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, HTTPException)
        messages = {404: "There is no such page.", 405: "That is not how this page is used."}
        message = exc.detail if exc.detail and exc.detail != _reason(exc.status_code) else ""
        response = await self.error_page(
            request, exc.status_code, message or messages.get(exc.status_code, "")
        )
        if exc.headers:
            response.headers.update(exc.headers)
        return response

    async def on_input_error(self, request: Request, exc: Exception) -> Response:
        # Bad input is the client's; a store or index that cannot be used is the server's.
        status = 400 if isinstance(exc, (InputError, ClaimsError)) else 500
        if status == 500:
            log.error("%s on %s %s: %s", type(exc).__name__, request.method, request.url.path, exc)
        return await self.error_page(request, status, str(exc))

    async def on_busy(self, request: Request, exc: Exception) -> Response:
        assert isinstance(exc, PoolFull)
        response = await self.error_page(request, 503, str(exc))
        response.headers["retry-after"] = str(exc.retry_after)
        return response

    async def on_timeout(self, request: Request, exc: Exception) -> Response:
        return await self.error_page(request, 504, f"{exc}. Try a shorter draft, or try again later.")

    async def on_crash(self, request: Request, exc: Exception) -> Response:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        message = "Something went wrong on the server; it has been logged."
        response = await self.error_page(request, 500, message)
        # This answer comes from outside the security middleware: it carries the same headers itself.
        add_security_headers(response.headers)
        return response

    # -- forms ----------------------------------------------------------------------------------------

    async def form(self, request: Request) -> Any:
        """The posted form, with its CSRF token checked."""
        limit = self.service.settings.max_draft_bytes
        try:
            form = await request.form(max_files=1, max_fields=20, max_part_size=limit + 1)
        except HTTPException as exc:  # the form parser's own limits
            if "maximum size" in str(exc.detail):
                raise InputError(f"the draft is over the size limit of {limit:,} bytes") from None
            raise
        self.security.check_csrf(request, form.get(CSRF_FIELD))
        return form

    # -- pages ----------------------------------------------------------------------------------------

    async def home(self, request: Request) -> Response:
        return self.page(
            request,
            "check.html",
            recent=self.service.recent(),
            formats=DRAFT_FORMATS,
            max_mb=self.service.settings.max_draft_bytes / 1e6,
            suffixes=sorted(UPLOAD_SUFFIXES),
            text="",
        )

    async def post_check(self, request: Request) -> Response:
        form = await self.form(request)
        upload = form.get("file")
        fmt = str(form.get("format") or "auto")
        if isinstance(upload, UploadFile) and upload.filename:
            name = clean_name(upload.filename, "upload")
            suffix = Path(name).suffix.lower()
            if suffix not in UPLOAD_SUFFIXES:
                allowed = ", ".join(sorted(UPLOAD_SUFFIXES))
                raise InputError(f"{name}: upload a draft as {allowed}")
            data = await upload.read(self.service.settings.max_draft_bytes + 1)
        else:
            text = form.get("text")
            if not isinstance(text, str) or not text.strip():
                raise InputError("paste a draft or choose a file to upload")
            data = text.encode("utf-8")
            name = clean_name(str(form.get("name") or ""), "pasted draft")
        record = await self.pool.run(lambda: self.service.check(data, name, fmt), self.options.check_timeout)
        return RedirectResponse(f"/checks/{record.id}", status_code=303)

    async def api_check(self, request: Request) -> Response:
        """``POST /api/check`` with ``{"text", "name"?, "format"?}``: the CLI's JSON plus ``check_id``."""
        if request.headers.get("content-type", "").split(";")[0].strip() != "application/json":
            raise HTTPException(415, "send the draft as application/json")
        try:
            body = json.loads(await request.body())
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise InputError("the request body is not valid JSON") from None
        if not isinstance(body, dict) or not isinstance(body.get("text"), str):
            raise InputError('expected {"text": "...", "name": "...", "format": "auto|md|txt|html"}')
        name = clean_name(str(body.get("name") or ""), "api draft")
        fmt = str(body.get("format") or "auto")
        data = body["text"].encode("utf-8")
        record = await self.pool.run(lambda: self.service.check(data, name, fmt), self.options.check_timeout)
        return JSONResponse({"check_id": record.id, **record.result.to_dict()})

    def _record(self, check_id: str):
        record = self.service.result(check_id) if CHECK_ID.fullmatch(check_id) else None
        if record is None:
            raise HTTPException(
                404,
                "This check is not held by the server (it may have been restarted since). Its claims and "
                "decisions are on the Claims page.",
            )
        return record

    async def show_check(self, request: Request) -> Response:
        record = self._record(request.path_params["check_id"])
        label = request.query_params.get("label") or None
        if label is not None and label not in {str(x) for x in Label}:
            raise InputError(f"unknown label {label!r}")
        opened = request.query_params.get("open")
        states = await run_in_threadpool(self._decision_states)
        view = views.check_view(record, states, label)
        return self.page(request, "result.html", record=record, view=view, label=label, opened=opened)

    async def show_check_claim(self, request: Request) -> Response:
        record = self._record(request.path_params["check_id"])
        claim_id = request.path_params["claim_id"]
        verdict = next((v for v in record.result.verdicts if v.claim.id == claim_id), None)
        if verdict is None:
            raise HTTPException(404, "This check has no such claim.")
        decisions = await run_in_threadpool(self._decisions, claim_id)
        return self.page(
            request,
            "claim.html",
            record=record,
            item=views.claim_item(record, verdict),
            decisions=decisions,
            draft_excerpt=views.draft_excerpt(
                record.result.draft_text, verdict.claim.start, verdict.claim.end
            ),
        )

    async def download(self, request: Request) -> Response:
        record = self._record(request.path_params["check_id"])
        kind = request.path_params["kind"]
        if kind not in DOWNLOADS:
            raise HTTPException(404, "Reports download as json, md or html.")

        fmt, media = DOWNLOADS[kind]
        body = render_report(record.result, fmt)
        filename = f"factcheck-{views.slug(record.name)}.{kind}"
        headers = {
            "content-disposition": f'attachment; filename="{filename}"',
            "content-security-policy": REPORT_CONTENT_SECURITY_POLICY,
        }
        return Response(body, media_type=f"{media}; charset=utf-8", headers=headers)

    # -- decisions ------------------------------------------------------------------------------------

    def _decision_states(self) -> dict[str, Any]:
        with self.service.store() as store:
            return store.decision_states()

    def _decisions(self, claim_id: str) -> list[Any]:
        with self.service.store() as store:
            return store.decisions(claim_id)

    async def post_decision(self, request: Request) -> Response:
        claim_id = request.path_params["claim_id"]
        if not CLAIM_ID.fullmatch(claim_id):
            raise HTTPException(404, "There is no such claim.")
        form = await self.form(request)
        back = safe_next(form.get("next"), f"/claims/{claim_id}")
        given = " ".join(str(form.get("editor") or "").split())
        editor = given or editor_of(request)
        if not editor:
            raise InputError("give your name before recording a decision (it is kept in this browser)")
        kind = str(form.get("kind") or "")
        label = str(form.get("label") or "") or None
        note = str(form.get("note") or "") or None
        raw_verdict = str(form.get("verdict_id") or "")
        verdict_id = int(raw_verdict) if raw_verdict.isdigit() else None

        def record() -> None:
            with self.service.store() as store:
                store.record_decision(claim_id, kind, editor, label=label, note=note, verdict_id=verdict_id)

        await run_in_threadpool(record)
        response = RedirectResponse(back, status_code=303)
        if given and given != editor_of(request):
            set_editor(response, given[:80], self.security.secure_cookies)
        return response

    async def post_editor(self, request: Request) -> Response:
        form = await self.form(request)
        name = " ".join(str(form.get("editor") or "").split())
        if not name or len(name) > 80 or not name.isprintable():
            raise InputError("a name is one line of at most 80 characters")
        response = RedirectResponse(safe_next(form.get("next")), status_code=303)
        set_editor(response, name, self.security.secure_cookies)
        return response

    # -- the store's pages ----------------------------------------------------------------------------

    async def claims(self, request: Request) -> Response:
        params = request.query_params
        label = params.get("label") or None
        decision = params.get("decision") or None
        since = params.get("since") or None
        draft = params.get("draft") or None
        if label is not None and label not in {str(x) for x in Label}:
            raise InputError(f"unknown label {label!r}")
        if draft is not None and not draft.isdigit():
            raise InputError(f"unknown draft {draft!r}")

        def load() -> dict[str, Any]:

            cutoff = parse_since(since) if since else None
            with self.service.store() as store:
                found = store.list_claims(label=label, since=cutoff, draft_id=int(draft) if draft else None)
                states = store.decision_states()
                drafts = store.drafts()
            if decision == "none":
                found = [c for c in found if c.id not in states]
            elif decision:
                found = [c for c in found if c.id in states and states[c.id].kind == decision]
            # Newest first, and a page of them: a newsroom's store holds far more than one page can show.
            found.reverse()
            return {"claims": found[:MAX_LISTED], "total": len(found), "states": states, "drafts": drafts}

        data = await run_in_threadpool(load)
        filters = {
            "label": label or "",
            "decision": decision or "",
            "since": since or "",
            "draft": draft or "",
        }
        return self.page(request, "claims.html", filters=filters, **data)

    async def stored_claim(self, request: Request) -> Response:
        claim_id = request.path_params["claim_id"]
        if not CLAIM_ID.fullmatch(claim_id):
            raise HTTPException(404, "There is no such claim.")

        def load():
            with self.service.store() as store:
                return store.show(claim_id)

        claim = await run_in_threadpool(load)
        versions = await run_in_threadpool(self.service.document_versions)
        return self.page(request, "stored_claim.html", claim=claim, versions=versions)

    async def recheck(self, request: Request) -> Response:
        def load() -> dict[str, Any]:

            with self.service.store() as store:
                run = store.latest_run(RECHECK_KINDS)
                if run is None:
                    return {"run": None, "flips": [], "flags": []}
                return {
                    "run": run,
                    "flips": flips_of_run(store, run.id),
                    "flags": store.run_decisions(run.id),
                }

        data = await run_in_threadpool(load)
        versions = await run_in_threadpool(self.service.document_versions)
        return self.page(request, "recheck.html", versions=versions, **data)

    # -- the corpus -----------------------------------------------------------------------------------

    async def corpus(self, request: Request) -> Response:
        params = request.query_params
        query = (params.get("q") or "").strip()
        mode = params.get("mode") or self.service.settings.retrieval_mode
        raw_k = params.get("k") or "10"
        if mode not in SEARCH_MODES:
            raise InputError(f"unknown search mode {mode!r} (use {', '.join(SEARCH_MODES)})")
        if not raw_k.isdigit() or not 1 <= int(raw_k) <= 50:
            raise InputError("k is a number of results from 1 to 50")
        if len(query) > MAX_QUERY_CHARS:
            raise InputError(f"a search is at most {MAX_QUERY_CHARS} characters")
        results = await run_in_threadpool(self.service.search, query, int(raw_k), mode) if query else []
        return self.page(
            request, "corpus.html", query=query, mode=mode, k=int(raw_k), results=results, modes=SEARCH_MODES
        )

    async def document(self, request: Request) -> Response:
        params = request.query_params
        doc_id = params.get("id") or ""
        document = await run_in_threadpool(self.service.document, doc_id) if doc_id else None
        if document is None:
            raise HTTPException(404, "There is no document with that id in the index.")
        span = views.parse_span(params.get("start"), params.get("end"), len(document.text))
        return self.page(
            request,
            "document.html",
            document=document,
            parts=views.document_parts(document.text, span),
            span=span,
        )

    # -- access ---------------------------------------------------------------------------------------

    async def login(self, request: Request) -> Response:
        back = safe_next(request.query_params.get("next"))
        if request.method == "GET":
            return self.page(request, "login.html", next=back, failed=False)
        form = await self.form(request)
        back = safe_next(form.get("next"))
        if self.security.token is None:
            return RedirectResponse(back, status_code=303)
        if not self.security.token_matches(str(form.get("token") or "")):
            return self.page(request, "login.html", 401, next=back, failed=True)
        response = RedirectResponse(back, status_code=303)
        response.set_cookie(
            AUTH_COOKIE,
            self.security.auth_cookie_value or "",
            httponly=True,
            samesite="strict",
            secure=self.security.secure_cookies,
            max_age=30 * 86_400,
        )
        return response

    async def logout(self, request: Request) -> Response:
        await self.form(request)
        response = RedirectResponse("/login", status_code=303)
        response.delete_cookie(AUTH_COOKIE)
        return response

    async def health(self, request: Request) -> Response:
        status = await run_in_threadpool(self.service.status)
        status.update(
            status="ok",
            running_or_queued=self.pool.pending,
            workers=self.pool.workers,
            queue_size=self.pool.queue_size,
            completed=self.pool.completed,
            refused=self.pool.refused,
        )
        return JSONResponse(status)

    # -- assembly -------------------------------------------------------------------------------------

    def routes(self) -> list[Any]:
        return [
            Route("/", self.home, methods=["GET"]),
            Route("/check", self.post_check, methods=["POST"]),
            Route("/api/check", self.api_check, methods=["POST"]),
            Route("/checks/{check_id}", self.show_check, methods=["GET"]),
            Route("/checks/{check_id}/claims/{claim_id}", self.show_check_claim, methods=["GET"]),
            Route("/checks/{check_id}/report.{kind}", self.download, methods=["GET"]),
            Route("/claims", self.claims, methods=["GET"]),
            Route("/claims/{claim_id}", self.stored_claim, methods=["GET"]),
            Route("/claims/{claim_id}/decisions", self.post_decision, methods=["POST"]),
            Route("/editor", self.post_editor, methods=["POST"]),
            Route("/recheck", self.recheck, methods=["GET"]),
            Route("/corpus", self.corpus, methods=["GET"]),
            Route("/corpus/doc", self.document, methods=["GET"]),
            Route("/login", self.login, methods=["GET", "POST"]),
            Route("/logout", self.logout, methods=["POST"]),
            Route("/healthz", self.health, methods=["GET"]),
            Mount("/static", app=StaticFiles(directory=str(HERE / "static")), name="static"),
        ]


def _reason(status: int) -> str:
    from http import HTTPStatus

    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def create_app(
    service: CheckService,
    security: Security,
    pool: CheckPool | None = None,
    options: ServeOptions | None = None,
) -> Starlette:
    """The application: ``service`` must be warmed up by the caller (``factcheck serve`` does it first)."""
    options = options or ServeOptions()
    pool = pool or CheckPool(options.workers, options.queue_size)
    web = WebApp(service, security, pool, options)
    app = Starlette(
        debug=False,
        routes=web.routes(),
        middleware=[Middleware(SecurityMiddleware, security=security, error_page=web.error_page)],
        exception_handlers={
            HTTPException: web.on_http_error,
            FactcheckError: web.on_input_error,
            PoolFull: web.on_busy,
            JobTimeout: web.on_timeout,
            Exception: web.on_crash,
        },
    )
    app.state.web = web
    return app
