"""The district sync server: a station POSTs the same bundle bytes it would put on a USB stick, and gets the
district's return bundle back in the response.

The bundle's own signature and encryption are the security, so there are no passwords: an unknown sender
is refused by the same checks as a file import. The server bounds the request size, limits requests per
client address and bundles per station, applies one bundle at a time, and logs codes and counts only —
never a name, a CNIC or any other field of a record.
"""

from __future__ import annotations

import contextlib
import logging
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool

from desktop_app.errors import AhtcError, BundleRejected
from desktop_app.services.context import Context
from desktop_app.sync.bundle import DEFAULT_MAX_BUNDLE_BYTES
from desktop_app.sync.importer import BundleHeld, receive_station_bundle

BUNDLE_PATH = "/v1/bundles"
BUNDLE_MEDIA_TYPE = "application/vnd.ahtc-bundle"
log = logging.getLogger("ahtc.server")


@dataclass
class RateLimit:
    """At most `limit` events per key within `window_s` seconds (a sliding window, kept in memory)."""

    limit: int
    window_s: float = 60.0
    _events: dict[str, deque[float]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def allow(self, key: str, now: float | None = None) -> bool:
        moment = time.monotonic() if now is None else now
        with self._lock:
            events = self._events.setdefault(key, deque())
            while events and events[0] <= moment - self.window_s:
                events.popleft()
            if len(events) >= self.limit:
                return False
            events.append(moment)
            return True


@dataclass(frozen=True)
class ServerLimits:
    max_body_bytes: int = DEFAULT_MAX_BUNDLE_BYTES
    requests_per_client_per_minute: int = 60
    bundles_per_station_per_minute: int = 12


class _TooManyBundles(AhtcError):
    """The station has sent its share of bundles this minute."""

    def __init__(self, sender: str) -> None:
        self.sender = sender
        super().__init__(sender)


def _refusal(status: int, check: str, detail: str) -> JSONResponse:
    return JSONResponse({"check": check, "detail": detail}, status_code=status)


def create_app(ctx: Context, limits: ServerLimits | None = None) -> FastAPI:
    """The ASGI app for one open district store."""
    if not ctx.station.is_district:
        raise ValueError("the sync server runs on a district store")
    limits = limits or ServerLimits()
    per_client = RateLimit(limits.requests_per_client_per_minute)
    per_station = RateLimit(limits.bundles_per_station_per_minute)
    apply_lock = threading.Lock()  # one bundle at a time: imports are whole-store transactions anyway
    app = FastAPI(title="AHTC district sync", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok", "district": ctx.station.station_code}

    @app.post(BUNDLE_PATH)
    async def receive(request: Request) -> Response:
        client = request.client.host if request.client else "unknown"
        if not per_client.allow(client):
            return _refusal(429, "rate", "Too many requests from this address; try again in a minute.")
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limits.max_body_bytes):
            return _refusal(413, "size", "The bundle is larger than this server accepts.")
        body = bytearray()
        async for chunk in request.stream():
            body.extend(chunk)
            if len(body) > limits.max_body_bytes:
                return _refusal(413, "size", "The bundle is larger than this server accepts.")
        return await run_in_threadpool(_answer, bytes(body))

    def _admit(manifest: dict[str, Any]) -> None:
        if not per_station.allow(manifest["sender"]):
            raise _TooManyBundles(manifest["sender"])

    def _answer(data: bytes) -> Response:
        with apply_lock:
            try:
                received = receive_station_bundle(ctx, data, admit=_admit, max_bundle_bytes=limits.max_body_bytes)
            except _TooManyBundles as exc:
                return _refusal(429, "rate", f"Too many bundles from {exc.sender}; try again in a minute.")
            except BundleHeld as exc:
                log.info("bundle held: newer schema")
                return _refusal(409, "schema", str(exc))
            except BundleRejected as exc:
                log.info("bundle refused: %s", exc.check)
                return _refusal(403 if exc.check in ("sender", "signature") else 422, exc.check, exc.detail)
            except AhtcError:
                log.exception("bundle failed")
                return _refusal(500, "server", "The district could not apply the bundle; nothing was changed.")
        result, slip = received.result, received.result.slip
        log.info(
            "bundle %s/%s %s: %s entries, ack %s",
            slip.sender,
            slip.bundle_no,
            result.status,
            slip.changes,
            result.report.get("acked_seq"),
        )
        return Response(received.answer.data, media_type=BUNDLE_MEDIA_TYPE, headers={"X-AHTC-Import": result.status})

    return app


def serve(ctx: Context, *, host: str = "127.0.0.1", port: int = 8470, limits: ServerLimits | None = None) -> None:
    """Run until stopped (Ctrl+C). Put TLS in front of it (a reverse proxy) when it faces a network."""
    uvicorn.run(create_app(ctx, limits), host=host, port=port, log_level="info", server_header=False)


@contextlib.contextmanager
def running_server(
    ctx: Context, *, host: str = "127.0.0.1", limits: ServerLimits | None = None, startup_timeout_s: float = 10.0
) -> Iterator[str]:
    """The server in a background thread on a free port; yields its base URL and stops it on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(create_app(ctx, limits), log_level="warning", lifespan="off", server_header=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="ahtc-district-server", daemon=True)
    thread.start()
    deadline = time.monotonic() + startup_timeout_s
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            server.should_exit = True
            sock.close()
            raise RuntimeError("the district server did not start")
        time.sleep(0.01)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=startup_timeout_s)
        sock.close()
