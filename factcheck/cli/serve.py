"""`factcheck serve`: the editors' review page, served from this machine."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from factcheck.cli.app import app
from factcheck.cli.options import IndexOption, StoreOption
from factcheck.errors import InputError

MIN_TOKEN_CHARS = 16


def _bind(host: str, port: int) -> socket.socket:
    """A listening socket, or one clear error (port in use, unknown host, no permission)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except socket.gaierror as exc:
        raise InputError(f"--host {host}: not an address of this machine ({exc.strerror})") from None
    family, kind, proto, _, address = infos[0]
    sock = socket.socket(family, kind, proto)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    try:
        sock.bind(address)
        sock.listen(128)
    except OSError as exc:
        sock.close()
        raise InputError(f"cannot listen on {host}:{port} ({exc.strerror})") from None
    sock.set_inheritable(True)
    return sock


@app.command()
def serve(
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on (loopback by default).")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8765,
    index: IndexOption = None,
    store: StoreOption = None,
    token: Annotated[
        str | None,
        typer.Option(
            "--token", envvar="FACTCHECK_TOKEN", help="Access token; required for a non-loopback --host."
        ),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=16, help="Checks run at the same time.")
    ] = 1,
    queue: Annotated[
        int, typer.Option("--queue", min=0, max=1000, help="Checks that may wait; beyond, 503.")
    ] = 32,
    timeout: Annotated[
        float, typer.Option("--timeout", min=1.0, help="Seconds one check may take before 504.")
    ] = 120.0,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No access log.")] = False,
) -> None:
    """Serve the review page: paste a draft, read the evidence, record the editors' decisions."""
    import uvicorn

    from factcheck.cli.output import stderr
    from factcheck.corpus.index import ensure_index
    from factcheck.settings import load_settings
    from factcheck.web.app import ServeOptions, create_app
    from factcheck.web.pool import CheckPool
    from factcheck.web.security import LOOPBACK_HOSTS, Security, is_loopback
    from factcheck.web.service import CheckService
    from factcheck.workflows.recheck import store_path

    loopback = is_loopback(host)
    if token is not None and len(token) < MIN_TOKEN_CHARS:
        raise InputError(
            f"--token: use at least {MIN_TOKEN_CHARS} characters (e.g. from `openssl rand -hex 16`)"
        )
    if not loopback and not token:
        raise InputError(
            f"--host {host} is reachable from other machines: give --token TOKEN (or FACTCHECK_TOKEN)"
        )
    settings = load_settings()
    sock = _bind(host, port)
    try:
        index_dir = ensure_index(settings, str(index) if index else None, quiet=quiet)
        service = CheckService(index_dir, store_path(store, settings), settings)
        stderr.print("warming up the models…", highlight=False)
        service.warm_up()
        # The request body may hold a draft at the size limit plus the form around it.
        security = Security(
            token=token,
            allowed_hosts=LOOPBACK_HOSTS if loopback else None,
            max_body_bytes=settings.max_draft_bytes + 64_000,
        )
        options = ServeOptions(workers=workers, queue_size=queue, check_timeout=timeout)
        application = create_app(service, security, CheckPool(workers, queue), options)
        shown = f"[{host}]" if ":" in host else host
        stderr.print(
            f"factcheck serve: http://{shown}:{sock.getsockname()[1]}/  (index {index_dir}, "
            f"store {service.store_path}{', token required' if token else ''})",
            highlight=False,
        )
        config = uvicorn.Config(
            application,
            log_level="warning" if quiet else "info",
            access_log=not quiet,
            timeout_keep_alive=5,
            timeout_graceful_shutdown=10,
            server_header=False,
        )
        uvicorn.Server(config).run(sockets=[sock])
    finally:
        sock.close()
