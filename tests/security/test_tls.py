"""The wire shows as little as it can (security review findings 10 and 18, issue 9 item 7).

Before, the server spoke plain HTTP only, the station trusted whatever answered at the district's address, the
health endpoint named the district, and "unknown sender" and "bad signature" got different answers, so anyone
could learn which station codes are enrolled. Now `district serve --tls-cert/--tls-key` speaks HTTPS with a
certificate the station pins (from the signed enrolment answer or a signed return bundle) and no other; the
health endpoint says only "ok"; both refusals look the same from outside.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from sqlalchemy import func, select

from desktop_app.models.sync_state import BundleReceived, BundleSent
from desktop_app.services.context import Context
from desktop_app.services.records import Records
from desktop_app.sync.bundle import write_bundle
from desktop_app.sync.client import DistrictNotVerified, sync_over_http
from desktop_app.sync.export import build_station_bundle
from desktop_app.sync.importer import open_bundle
from desktop_app.sync.keys import Identity
from desktop_app.sync.peers import load_identity
from desktop_app.sync.server import BUNDLE_PATH, TlsFiles, running_server
from desktop_app.sync.tls import certificate_pem, use_certificate
from tests.services.helpers import one_of_each
from tests.sync.conftest import Sync, enrol
from tests.sync.helpers import round_trip
from tests.sync.test_import_refusals import _bundle_from


def self_signed(folder: Path, name: str) -> TlsFiles:
    """A self-signed certificate for 127.0.0.1, as district IT would make one (or an impostor would)."""
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "ahtc-district")])
    now = dt.datetime.now(dt.UTC)
    certificate = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=365))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), False)
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / f"{name}.crt", folder / f"{name}.key"
    cert_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    return TlsFiles(cert_path, key_path)


def received(district: Context) -> int:
    with district.store.session() as session:
        return int(session.scalar(select(func.count()).select_from(BundleReceived)) or 0)


def numbers_sent(station: Context) -> list[int]:
    with station.store.session() as session:
        return list(session.scalars(select(BundleSent.bundle_no).order_by(BundleSent.bundle_no)))


def test_the_station_pins_the_certificate_from_the_enrolment_answer_and_refuses_another(
    ctx: Context, district: Context, tmp_path: Path
) -> None:
    real, impostor = self_signed(tmp_path / "tls", "district"), self_signed(tmp_path / "tls", "impostor")
    use_certificate(district, certificate_pem(real.certificate))
    enrol(ctx, district, tmp_path / "enrolment")  # the answer carries the certificate, covered by the phone check
    one_of_each(Records(ctx))

    with (
        running_server(district, tls=impostor) as url,
        pytest.raises(DistrictNotVerified, match="did not show the district's certificate"),
    ):
        sync_over_http(ctx, url, timeout_s=30)
    assert received(district) == 0 and numbers_sent(ctx) == []
    with running_server(district, tls=real) as url:
        result = sync_over_http(ctx, url, timeout_s=30)

    assert url.startswith("https://") and result.received.status == "applied"
    assert result.sent.bundle_no == 1 and result.received.report["notes"] == []


def test_an_enrolled_station_pins_the_certificate_a_return_bundle_brings(enrolled: Sync, tmp_path: Path) -> None:
    real, impostor = self_signed(tmp_path / "tls", "district"), self_signed(tmp_path / "tls", "impostor")
    with running_server(enrolled.district, tls=real):
        pass  # the district's server now shows `real`; its return bundles say so
    _, answer = round_trip(enrolled.a, enrolled.district, enrolled.usb, allow_empty=True)
    assert any("certificate" in note for note in answer.report["notes"])

    with running_server(enrolled.district, tls=impostor) as url, pytest.raises(DistrictNotVerified):
        sync_over_http(enrolled.a, url, timeout_s=30)
    use_certificate(enrolled.district, certificate_pem(real.certificate))
    with running_server(enrolled.district, tls=real) as url:
        assert sync_over_http(enrolled.a, url, timeout_s=30).received.status == "applied"


def test_health_says_nothing_and_refusals_do_not_tell_who_is_enrolled(enrolled: Sync) -> None:
    with enrolled.district.store.session() as session:
        district_key = load_identity(session).public().enc
    stranger = _bundle_from(Identity.generate(), "MBD-NOBODY", recipient="MBD", recipient_key=district_key)
    forged = _bundle_from(Identity.generate(), "MBD-PHALIA", recipient="MBD", recipient_key=district_key)

    with running_server(enrolled.district) as url:
        health = httpx.get(url + "/v1/health", timeout=30)
        answers = [httpx.post(url + BUNDLE_PATH, content=data, timeout=30) for data in (stranger, forged)]

    assert health.json() == {"status": "ok"} and "MBD" not in health.text
    assert answers[0].status_code == answers[1].status_code == 403
    assert answers[0].content == answers[1].content


def test_a_refusal_sent_over_the_network_never_quotes_a_field_value(enrolled: Sync) -> None:
    one_of_each(Records(enrolled.a))
    genuine = build_station_bundle(enrolled.a)
    assert genuine is not None
    opened = open_bundle(enrolled.district, genuine.data)
    personal = "Ahmed s/o Rashid, CNIC 35202-1234567-1"
    # Record changes carry a state; the station_anchor entry (grants, users, audit tail) does not.
    entries = [dict(entry, state=dict(entry["state"])) if "state" in entry else entry for entry in opened.entries]
    dated = next(e for e in entries if any(name.endswith("date") for name in e.get("state", {})))
    dated["state"][next(name for name in dated["state"] if name.endswith("date"))] = personal
    with enrolled.a.store.session() as session:
        station = load_identity(session)
    manifest = opened.manifest
    crafted = write_bundle(
        kind=manifest["kind"], sender_code=manifest["sender"], recipient_code=manifest["recipient"],
        bundle_no=manifest["bundle_no"], seq_from=manifest["seq_from"], seq_to=manifest["seq_to"],
        prev_bundle_sha256=manifest["prev_sha256"], store_id=manifest["store_id"],
        app_version=manifest["app_version"], schema_version=manifest["schema_version"],
        created_at=manifest["created_at"], entries=entries, extra=manifest["extra"], sender=station,
        recipient_enc_public=district_enc(enrolled),
    )  # fmt: skip

    with running_server(enrolled.district) as url:
        answer = httpx.post(url + BUNDLE_PATH, content=crafted, timeout=30)

    assert answer.status_code == 422 and answer.json()["check"] == "payload"
    assert "Ahmed" not in answer.text and "35202" not in answer.text


def district_enc(enrolled: Sync) -> bytes:
    with enrolled.district.store.session() as session:
        return load_identity(session).public().enc
