"""The district server's work is bounded (security review findings 5 and 6, issue 9 item 4).

Before, a 0.13 MiB signed bundle cost the server 1.6 GB (its payload was inflated whole, to 1 GiB, and split and
parsed before the manifest's counts were compared), and slow uploads each held up to 200 MiB with no timeout.
Here a real server runs in its own process on loopback, so its peak resident memory (VmHWM) is its own.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import socket
import subprocess
import sys
import textwrap
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from desktop_app.errors import BundleRejected
from desktop_app.services.records import Records
from desktop_app.sync.bundle import MANIFEST_NAME, PAYLOAD_NAME, SIGNATURE_NAME, read_bundle, write_bundle
from desktop_app.sync.bundle_crypto import seal
from desktop_app.sync.bundle_manifest import associated_data, canonical_json, encryption_context
from desktop_app.sync.bundle_zip import read_stored_zip, write_stored_zip
from desktop_app.sync.client import sync_over_http
from desktop_app.sync.importer import open_bundle
from desktop_app.sync.keys import Identity
from desktop_app.sync.peers import load_identity
from desktop_app.sync.server import BUNDLE_PATH
from tests.conftest import PASSPHRASE
from tests.services.helpers import one_of_each
from tests.sync.conftest import Sync

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="peak memory is read from /proc/<pid>/status")

MiB = 2**20
LIMITS = {
    "max_body_bytes": 24 * MiB,
    "max_payload_bytes": 8 * MiB,
    "in_flight_bytes": 40 * MiB,
    "body_idle_timeout_s": 5.0,
}
ENTRY = b'{"table":"cases"}\n'


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@pytest.fixture
def server(enrolled: Sync) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    """`ahtc district serve`'s server for the enrolled district, in a process of its own."""
    port = _free_port()
    script = textwrap.dedent(
        f"""
        from pathlib import Path
        from desktop_app.sync.district import open_district
        from desktop_app.sync.server import ServerLimits, serve
        ctx = open_district(Path({str(enrolled.district.store.paths.data_dir)!r}), "dpo.mbd", {PASSPHRASE!r})
        serve(ctx, host="127.0.0.1", port={port}, limits=ServerLimits(**{LIMITS!r}))
        """
    )
    root = Path(__file__).resolve().parents[2]
    process = subprocess.Popen(
        [sys.executable, "-c", script], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            httpx.get(url + "/v1/health", timeout=2)
            break
        except httpx.HTTPError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                raise RuntimeError("the district server did not start") from None
            time.sleep(0.2)
    try:
        yield url, process
    finally:
        process.terminate()
        process.wait(timeout=30)


def peak_rss_mib(process: subprocess.Popen[bytes]) -> float:
    for line in Path(f"/proc/{process.pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    raise AssertionError("no VmHWM")


def header(counts: dict[str, int]) -> bytes:
    return canonical_json({"counts": counts, "created_at": "2026-03-01T05:00:00+00:00", "extra": {}}) + b"\n"


def bomb(lines: int, claimed: dict[str, int]) -> bytes:
    """zlib data that inflates to a header claiming `claimed`, then `lines` well-formed entries (1 GiB from about
    2.5 MiB for 60 million)."""
    block = ENTRY * (MiB // len(ENTRY))
    packer = zlib.compressobj(9)
    out = [packer.compress(header(claimed))]
    out.extend(packer.compress(block) for _ in range(lines // (MiB // len(ENTRY))))
    out.append(packer.flush())
    return b"".join(out)


def forged(enrolled: Sync, plaintext: bytes, changes: dict[str, Any]) -> bytes:
    """A bundle signed by station A's real key (a stolen laptop) whose payload is `plaintext`."""
    with enrolled.a.store.session() as session:
        station = load_identity(session)
    with enrolled.district.store.session() as session:
        district_key = load_identity(session).public().enc
    genuine = write_bundle(
        kind="station-changes", sender_code="MBD-PHALIA", recipient_code="MBD", bundle_no=1, seq_from=1, seq_to=1,
        prev_bundle_sha256=None, store_id="0b1e6c1e-0000-4000-8000-00000000abcd", app_version="0.1.0",
        schema_version="0003", created_at="2026-03-01T05:00:00+00:00", entries=[{"table": "cases"}], extra={},
        sender=station, recipient_enc_public=district_key,
    )  # fmt: skip
    return _reseal(genuine, station, district_key, plaintext, changes)


def _reseal(genuine: bytes, signer: Identity, key: bytes, plaintext: bytes, changes: dict[str, Any]) -> bytes:
    members = read_stored_zip(genuine, {MANIFEST_NAME: 4 * MiB, SIGNATURE_NAME: 64, PAYLOAD_NAME: 200 * MiB})
    manifest = {**json.loads(members[MANIFEST_NAME]), **changes}
    sealed = seal(plaintext, key, context=encryption_context(manifest), aad=associated_data(manifest))
    manifest["payload_sha256"] = hashlib.sha256(sealed.ciphertext).hexdigest()
    manifest["encryption"] = {
        **manifest["encryption"],
        "ephemeral_public": base64.b64encode(sealed.ephemeral_public).decode("ascii"),
    }
    raw = canonical_json(manifest)
    return write_stored_zip(
        [(MANIFEST_NAME, raw), (SIGNATURE_NAME, signer.signing_key.sign(raw)), (PAYLOAD_NAME, sealed.ciphertext)]
    )


def one_long_line(size: int) -> bytes:
    packer = zlib.compressobj(9)
    out = [packer.compress(header({"cases": 1}))]
    out.extend(packer.compress(b"7" * MiB) for _ in range(size // MiB))
    return b"".join([*out, packer.flush()])


@pytest.mark.parametrize(
    ("plaintext", "why"),
    [
        (
            bomb(2_000_000, {"cases": 1}),
            "more changes than the manifest counts",
        ),  # 36 MiB of entries for a bundle of one
        (one_long_line(256 * MiB), "longer than any entry can be"),  # one line, no end: stopped at 4 MiB
    ],
)
def test_a_bomb_is_stopped_at_what_its_counts_allow(enrolled: Sync, plaintext: bytes, why: str) -> None:
    small_claim = forged(enrolled, plaintext, {"entries": 1})

    started = time.monotonic()
    with pytest.raises(BundleRejected) as caught:
        open_bundle(enrolled.district, small_claim)

    assert caught.value.check == "payload" and why in caught.value.detail
    assert time.monotonic() - started < 10


def test_bombs_and_stalled_bodies_leave_the_server_bounded_and_honest_stations_served(
    enrolled: Sync, server: tuple[str, subprocess.Popen[bytes]]
) -> None:
    url, process = server
    bombs = [  # 1 GiB of entries when inflated, from under 3 MiB
        # claims one entry: stopped at the second
        forged(enrolled, bomb(60_000_000, {"cases": 1}), {"entries": 1}),
        # claims them all: stopped at the server's cap
        forged(enrolled, bomb(60_000_000, {"cases": 60_000_000}), {"entries": 60_000_000}),
    ]
    assert all(len(data) < 3 * MiB for data in bombs)
    stalled: list[socket.socket] = []
    port = int(url.rsplit(":", 1)[1])
    # Six bodies of 6 MiB that stop halfway, then one more: past the 40 MiB the server holds at once, it is busy.
    for size in [6 * MiB] * 6 + [8 * MiB]:
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(f"POST {BUNDLE_PATH} HTTP/1.1\r\nHost: district\r\nContent-Length: {20 * MiB}\r\n\r\n".encode())
        sock.settimeout(15)
        with contextlib.suppress(OSError):  # refused (busy) before all of it was sent
            sock.sendall(b"\0" * size)
        stalled.append(sock)

    answers = [httpx.post(url + BUNDLE_PATH, content=data, timeout=60) for data in bombs]
    one_of_each(Records(enrolled.a))
    honest = sync_over_http(enrolled.a, url, timeout_s=60)  # while the stalled bodies still hang

    assert [(a.status_code, a.json()["check"]) for a in answers] == [(422, "payload")] * 2
    assert honest.received.status == "applied" and honest.sent.changes > 0
    statuses = []
    for sock in stalled:  # each is answered (busy, or dropped when it stalls) and closed, not held open
        sock.settimeout(15)
        reply = sock.recv(200)
        statuses.append(reply.split(b" ")[1] if reply else b"closed")
        sock.close()
    assert set(statuses) <= {b"408", b"503", b"closed"} and b"408" in statuses and b"503" in statuses
    assert peak_rss_mib(process) < 300, f"server peak memory {peak_rss_mib(process):.0f} MiB"


def test_entries_beyond_the_declared_counts_are_refused_before_more_is_read() -> None:
    from tests.sync.test_bundle import DISTRICT, KEYS, with_plaintext
    from tests.sync.test_bundle import enrolled as enrolled_keys

    data = with_plaintext(bomb(2_000_000, {"sites": 2, "inspections": 1}))
    with pytest.raises(BundleRejected) as caught:
        read_bundle(data, my_code=DISTRICT, my_identity=KEYS[DISTRICT], sender_keys=enrolled_keys)
    assert caught.value.check == "payload" and "register" in caught.value.detail
