"""The district sync server: a station POSTs the same bundle bytes it would put on a USB stick, and gets the
district's return bundle back in the response.

The bundle's own signature and encryption are the security, so there are no passwords: an unknown sender
is refused by the same checks as a file import. With `--tls-cert/--tls-key` it speaks only HTTPS, and stations pin
its certificate (sync/tls.py). The server bounds the request size, limits requests per
client address and bundles per station, applies one bundle at a time, and logs codes and counts only —
never a name, a CNIC or any other field of a record.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import socket
import threading
import time
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import uvicorn
from fastapi import FastAPI, Request, Response
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.requests import ClientDisconnect

from desktop_app.errors import AhtcError, BundleRejected
from desktop_app.services.context import Context
from desktop_app.sync.bundle import DEFAULT_MAX_BUNDLE_BYTES, DEFAULT_MAX_PAYLOAD_BYTES
from desktop_app.sync.importer import BundleHeld, receive_station_bundle
from desktop_app.sync.tls import certificate_pem, use_certificate

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


@dataclass
class ByteBudget:
    """Bytes of request bodies held at once, across every connection: past `limit`, new bytes are refused."""

    limit: int
    _used: int = 0
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def take(self, size: int) -> bool:
        with self._lock:
            if self._used + size > self.limit:
                return False
            self._used += size
            return True

    def give(self, size: int) -> None:
        with self._lock:
            self._used -= size


@dataclass(frozen=True)
class ServerLimits:
    """What one district server spends at most. Its memory stays below roughly the in-flight budget, plus one
    bundle being opened (decrypted and unpacked up to `max_payload_bytes`), plus the process itself."""

    max_body_bytes: int = DEFAULT_MAX_BUNDLE_BYTES
    max_payload_bytes: int = DEFAULT_MAX_PAYLOAD_BYTES
    in_flight_bytes: int = DEFAULT_MAX_BUNDLE_BYTES + 64 * 2**20  # request bodies held at once, all connections
    body_idle_timeout_s: float = 20.0  # a body that sends nothing for this long is dropped
    body_deadline_s: float = 600.0  # and one that takes longer than this in all
    requests_per_client_per_minute: int = 60
    bundles_per_station_per_minute: int = 12


_NOT_ENROLLED = (
    "The bundle is not signed by a station enrolled with this district: nothing was imported. If this station is "
    "enrolled, its bundle was damaged or changed on the way; if not, complete enrolment with the district first."
)


class _TooManyBundles(AhtcError):
    """The station has sent its share of bundles this minute."""

    def __init__(self, sender: str) -> None:
        self.sender = sender
        super().__init__(sender)


class _HeldBody:
    """A request body as it arrives, its bytes counted against the server-wide budget until released."""

    def __init__(self, budget: ByteBudget) -> None:
        self.budget = budget
        self.chunks: list[bytes] = []
        self.size = 0
        self.taken = 0

    def add(self, chunk: bytes) -> bool:
        if not self.budget.take(len(chunk)):
            return False
        self.taken += len(chunk)
        self.chunks.append(chunk)
        self.size += len(chunk)
        return True

    def joined(self) -> bytes:
        data = b"".join(self.chunks)
        self.chunks.clear()
        return data

    def release(self) -> None:
        self.budget.give(self.taken)
        self.taken = 0


async def _read_body(request: Request, held: _HeldBody, limits: ServerLimits) -> Response | None:
    """Read the body into `held`; a refusal if it is too large, the server is full, or it stalls."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + limits.body_deadline_s
    chunks = request.stream().__aiter__()
    while True:
        wait = min(limits.body_idle_timeout_s, deadline - loop.time())
        try:
            chunk = await asyncio.wait_for(chunks.__anext__(), timeout=max(wait, 0.001))
        except StopAsyncIteration:
            return None
        except TimeoutError:
            log.info("bundle body too slow: dropped")
            return _refusal(408, "timeout", "The bundle arrived too slowly and was dropped; send it again.")
        except ClientDisconnect:
            return _refusal(400, "size", "The connection closed before the whole bundle arrived.")
        if held.size + len(chunk) > limits.max_body_bytes:
            return _refusal(413, "size", "The bundle is larger than this server accepts.")
        if not held.add(chunk):
            log.info("bundle refused: server busy")
            return _refusal(503, "busy", "The district server is busy with other bundles; try again in a minute.")


def _refusal(status: int, check: str, detail: str) -> JSONResponse:
    return JSONResponse({"check": check, "detail": detail}, status_code=status)


def create_app(ctx: Context, limits: ServerLimits | None = None) -> FastAPI:
    """The ASGI app for one open district store."""
    if not ctx.station.is_district:
        raise ValueError("the sync server runs on a district store")
    limits = limits or ServerLimits()
    per_client = RateLimit(limits.requests_per_client_per_minute)
    per_station = RateLimit(limits.bundles_per_station_per_minute)
    # One bundle opened and applied at a time: imports are whole-store transactions anyway, and it bounds the
    # memory that decryption and unpacking take to one bundle's worth.
    apply_lock = threading.Lock()
    budget = ByteBudget(limits.in_flight_bytes)
    app = FastAPI(title="AHTC district sync", docs_url=None, redoc_url=None, openapi_url=None)

    @app.get("/v1/health")
    def health() -> dict[str, str]:
        return {"status": "ok"}  # nothing about which district or stations this is

    @app.post(BUNDLE_PATH)
    async def receive(request: Request) -> Response:
        client = request.client.host if request.client else "unknown"
        if not per_client.allow(client):
            return _refusal(429, "rate", "Too many requests from this address; try again in a minute.")
        declared = request.headers.get("content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > limits.max_body_bytes):
            return _refusal(413, "size", "The bundle is larger than this server accepts.")
        held = _HeldBody(budget)
        try:
            refused = await _read_body(request, held, limits)
            if refused is not None:
                return refused
            data = held.joined()
            return await run_in_threadpool(_answer, data)
        finally:
            held.release()

    def _admit(manifest: dict[str, Any]) -> None:
        if not per_station.allow(manifest["sender"]):
            raise _TooManyBundles(manifest["sender"])

    def _answer(data: bytes) -> Response:
        with apply_lock:
            try:
                received = receive_station_bundle(
                    ctx,
                    data,
                    admit=_admit,
                    max_bundle_bytes=limits.max_body_bytes,
                    max_payload_bytes=limits.max_payload_bytes,
                )
            except _TooManyBundles as exc:
                return _refusal(429, "rate", f"Too many bundles from {exc.sender}; try again in a minute.")
            except BundleHeld as exc:
                log.info("bundle held: newer schema")
                return _refusal(409, "schema", str(exc))
            except BundleRejected as exc:
                log.info("bundle refused: %s", exc.check)
                if exc.check in ("sender", "signature"):
                    # One answer for both: the network must not learn which station codes are enrolled here.
                    return _refusal(403, "signature", _NOT_ENROLLED)
                return _refusal(422, exc.check, exc.detail)
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


@dataclass(frozen=True)
class TlsFiles:
    """The server's certificate (PEM; self-signed is fine: stations pin it) and its private key."""

    certificate: Path
    key: Path


def serve(
    ctx: Context,
    *,
    host: str = "127.0.0.1",
    port: int = 8470,
    limits: ServerLimits | None = None,
    tls: TlsFiles | None = None,
) -> None:
    """Run until stopped (Ctrl+C). With `tls`, only over HTTPS, and the certificate is sent to stations to pin."""
    app = create_app(ctx, limits)
    uvicorn.run(app, host=host, port=port, log_level="info", server_header=False, **_tls_options(ctx, tls))


def _tls_options(ctx: Context, tls: TlsFiles | None) -> dict[str, Any]:
    if tls is None:
        return {}
    use_certificate(ctx, certificate_pem(tls.certificate))
    return {"ssl_certfile": str(tls.certificate), "ssl_keyfile": str(tls.key)}


@contextlib.contextmanager
def running_server(
    ctx: Context,
    *,
    host: str = "127.0.0.1",
    limits: ServerLimits | None = None,
    tls: TlsFiles | None = None,
    startup_timeout_s: float = 10.0,
) -> Iterator[str]:
    """The server in a background thread on a free port; yields its base URL and stops it on exit."""
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((host, 0))
    port = sock.getsockname()[1]
    config = uvicorn.Config(
        create_app(ctx, limits), log_level="warning", lifespan="off", server_header=False, **_tls_options(ctx, tls)
    )
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
        yield f"{'https' if tls else 'http'}://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=startup_timeout_s)
        sock.close()
