"""Station side of network sync: send the next bundle to the district server, apply the answer.

The same bundle bytes as on a USB stick travel over HTTP(S); the bundle's signature and encryption are
the security, so the server needs no password. The GUI calls `sync_over_http` from a worker thread.
"""

from __future__ import annotations

import json
import ssl
from dataclasses import dataclass

import httpx

from desktop_app.errors import AhtcError
from desktop_app.services.context import Context
from desktop_app.sync.bundle import DEFAULT_MAX_BUNDLE_BYTES
from desktop_app.sync.export import DispatchSlip, build_station_bundle, give_back
from desktop_app.sync.importer import ImportResult, import_bundle
from desktop_app.sync.peers import district_peer
from desktop_app.sync.server import BUNDLE_MEDIA_TYPE, BUNDLE_PATH
from desktop_app.sync.tls import pinned_context

DEFAULT_TIMEOUT_S = 120.0
MAX_REFUSAL_BYTES = 64 * 2**10


class DistrictUnreachable(AhtcError):
    """No answer from the district server (no network, wrong address, server down). Nothing was lost."""


class DistrictNotVerified(DistrictUnreachable):
    """The server did not show the certificate this station pins for its district: nothing was sent to it."""


class DistrictRefused(AhtcError):
    """The district server refused the bundle; `check` names why (as in BundleRejected)."""

    def __init__(self, check: str, detail: str) -> None:
        self.check = check
        self.detail = detail
        super().__init__(f"the district refused the bundle ({check}): {detail}")


@dataclass(frozen=True)
class HttpSyncResult:
    sent: DispatchSlip  # the bundle sent (it may hold no changes: then it only asks for the district's answer)
    received: ImportResult  # the district's return bundle, applied here


def sync_over_http(
    ctx: Context,
    district_url: str,
    *,
    timeout_s: float = DEFAULT_TIMEOUT_S,
    transport: httpx.BaseTransport | None = None,
    max_answer_bytes: int = DEFAULT_MAX_BUNDLE_BYTES,
) -> HttpSyncResult:
    """One exchange with the district server at `district_url` (e.g. "https://ahtc-mbd.example:8470").

    Sends every change not yet acknowledged (or an empty bundle, to fetch the acknowledgement and reference
    data), then applies the return bundle from the response. Raises DistrictUnreachable (try again later),
    DistrictRefused (the server said why), or BundleRejected (the answer failed a check here). Blocking:
    call it from a worker thread, never from the UI thread. A bundle the district never took (no answer, or
    refused) gives its number back, so the district sees no gap; the answer is read up to `max_answer_bytes`.
    """
    verify = _verification(ctx, district_url)
    exported = build_station_bundle(ctx, allow_empty=True)
    assert exported is not None
    url = district_url.rstrip("/") + BUNDLE_PATH
    try:
        with (
            httpx.Client(timeout=timeout_s, transport=transport, follow_redirects=False, verify=verify) as client,
            client.stream("POST", url, content=exported.data, headers={"Content-Type": BUNDLE_MEDIA_TYPE}) as response,
        ):
            status = response.status_code
            body = _read_capped(response, max_answer_bytes if status == 200 else MAX_REFUSAL_BYTES)
    except httpx.HTTPError as exc:
        give_back(ctx, exported, "the district server could not be reached")
        if _certificate_refused(exc):
            raise DistrictNotVerified(
                f"the server at {district_url} did not show the district's certificate, so nothing was sent: it may "
                "be another computer posing as the district. Check the address; if the district changed its "
                "certificate, import its next return bundle from a USB stick (or enrol again)"
            ) from None
        raise DistrictUnreachable(
            f"the district server at {district_url} could not be reached ({type(exc).__name__}); the changes stay "
            "here and go with the next sync or on a USB stick"
        ) from None
    except _TooLong:
        # The district may have applied the bundle; keeping its number costs at most a note about a gap.
        raise DistrictRefused(
            "size", "the district server's answer is larger than this station accepts; nothing was applied here"
        ) from None
    if status != 200:
        check, detail = _refusal(status, body)
        if status != 409:  # 409: the district holds the bundle for a later version of the app; it was received
            give_back(ctx, exported, f"refused by the district ({check})")
        raise DistrictRefused(check, detail)
    return HttpSyncResult(exported.slip, import_bundle(ctx, body, max_bundle_bytes=max_answer_bytes))


def _verification(ctx: Context, district_url: str) -> ssl.SSLContext | bool:
    """For HTTPS, exactly the district's pinned certificate when one was sent; else the system's authorities."""
    if not district_url.lower().startswith("https://"):
        return True
    with ctx.store.session() as session:
        district = district_peer(session)
        pem = None if district is None else district.tls_certificate
    return True if pem is None else pinned_context(pem)


def _certificate_refused(exc: BaseException) -> bool:
    seen: BaseException | None = exc
    while seen is not None:
        if isinstance(seen, ssl.SSLCertVerificationError):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


class _TooLong(Exception):
    pass


def _read_capped(response: httpx.Response, limit: int) -> bytes:
    """At most `limit` bytes of the answer, whatever its headers claim: a hostile server cannot fill our memory."""
    declared = response.headers.get("content-length")
    if declared is not None and declared.isdigit() and int(declared) > limit:
        raise _TooLong
    body = bytearray()
    for chunk in response.iter_bytes():
        body.extend(chunk)
        if len(body) > limit:
            raise _TooLong
    return bytes(body)


def _refusal(status: int, raw: bytes) -> tuple[str, str]:
    try:
        body = json.loads(raw)
        return str(body["check"])[:40], str(body["detail"])[:500]
    except (ValueError, KeyError, TypeError):
        return "server", f"the district server answered HTTP {status}"
