"""The bundle's container: a plain ZIP that we write byte-for-byte the same way every time, and a
reader that refuses any ZIP our writer would not have produced.

Members are STORED (not compressed): the payload is compressed before it is encrypted, and the
manifest and signature are tiny, so ZIP-level compression buys nothing and would put a decompressor
in front of the signature check. Every header field is fixed, so the reader can insist that the
file is exactly the canonical encoding of its members; then no byte of the file, header or data,
can change without the bundle being refused.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from collections import Counter
from collections.abc import Mapping, Sequence

from desktop_app.errors import BundleRejected

_LOCAL_HEADER = struct.Struct("<IHHHHHIIIHH")
_CENTRAL_HEADER = struct.Struct("<IHHHHHHIIIHHHHHII")
_END_OF_DIRECTORY = struct.Struct("<IHHHHIIH")
_VERSION_NEEDED = 20  # ZIP 2.0: plain STORED members, nothing newer.
# "Made by Unix": fixed, so a bundle written on Windows and one written on Linux are the same bytes.
_VERSION_MADE_BY = (3 << 8) | _VERSION_NEEDED
_EXTERNAL_ATTR = 0o100644 << 16  # a regular file, rw-r--r--, if someone unzips it by hand
_DOS_TIME = 0
_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01: real times would leak when the file was made
_MAX_MEMBER = 0xFFFFFFFF  # no ZIP64: bundles are far below 4 GiB
# Far more than the three members we write, but small enough that parsing the directory is cheap;
# within it the named checks below can still say what is wrong (extra, duplicate, unsafe names).
_MAX_ENTRIES = 16
_MAX_DIRECTORY_BYTES = 64 * 2**10
# Declared-size ratio above which a member is a decompression bomb, whatever its method says.
_MAX_RATIO = 100

_DAMAGED = (
    "The file is not a complete AHTC bundle: it is damaged or was cut short, often because a USB "
    "stick was pulled out while copying. Copy it again from the sender, or ask the sender to export it again."
)
_TAMPERED = "AHTC Register never writes such a file, so it was altered. Do not use it; report it to district IT."


def write_stored_zip(members: Sequence[tuple[str, bytes]]) -> bytes:
    """Our one canonical ZIP encoding: members in the given order, STORED, fixed headers, no extras."""
    out = bytearray()
    directory = bytearray()
    for name, body in members:
        encoded = name.encode("ascii")
        if len(body) > _MAX_MEMBER:
            raise ValueError(f"member {name!r} is too large for a bundle")
        crc = zlib.crc32(body)
        offset = len(out)
        out += _LOCAL_HEADER.pack(
            0x04034B50, _VERSION_NEEDED, 0, zipfile.ZIP_STORED, _DOS_TIME, _DOS_DATE,
            crc, len(body), len(body), len(encoded), 0,
        )  # fmt: skip
        out += encoded + body
        directory += _CENTRAL_HEADER.pack(
            0x02014B50, _VERSION_MADE_BY, _VERSION_NEEDED, 0, zipfile.ZIP_STORED, _DOS_TIME, _DOS_DATE,
            crc, len(body), len(body), len(encoded), 0, 0, 0, 0, _EXTERNAL_ATTR, offset,
        )  # fmt: skip
        directory += encoded
    end = _END_OF_DIRECTORY.pack(0x06054B50, 0, 0, len(members), len(members), len(directory), len(out), 0)
    return bytes(out + directory + end)


def read_stored_zip(data: bytes, layout: Mapping[str, int]) -> dict[str, bytes]:
    """Members of `data` by name, if it holds exactly `layout` (name -> size limit, in file order).

    Raises BundleRejected("zip", ...) for anything else: not a ZIP, truncated, CRC errors, unsafe,
    duplicate, missing or extra names, oversized or bomb-like members, or any header that differs
    from what `write_stored_zip` writes.
    """
    _check_end_record(data)
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            _check_names([info.filename for info in infos], layout)
            for info in infos:
                _check_declared(info, layout[info.filename])
            members = {info.filename: _read_capped(archive, info, layout[info.filename]) for info in infos}
    except BundleRejected:
        raise
    except Exception as exc:  # zipfile raises a wide, version-dependent mix of errors on hostile bytes
        raise BundleRejected("zip", _DAMAGED) from exc
    ordered = [(name, members[name]) for name in layout]
    if write_stored_zip(ordered) != data:
        raise _tampered("The bundle's ZIP structure has been changed (headers, order or extra bytes).")
    return dict(ordered)


def _check_end_record(data: bytes) -> None:
    """Bound the directory before zipfile parses it: it would build an object per entry for any
    number of entries, and a 200 MiB file can declare millions of them."""
    if len(data) < _END_OF_DIRECTORY.size:
        raise BundleRejected("zip", _DAMAGED)
    end = _END_OF_DIRECTORY.unpack_from(data, len(data) - _END_OF_DIRECTORY.size)
    signature, entries, directory_size, comment_length = end[0], end[4], end[5], end[7]
    zip64_locator = data[-_END_OF_DIRECTORY.size - 20 : -_END_OF_DIRECTORY.size - 16] == b"PK\x06\x07"
    if signature != 0x06054B50 or comment_length or zip64_locator:
        raise BundleRejected("zip", _DAMAGED)
    if entries > _MAX_ENTRIES or directory_size > _MAX_DIRECTORY_BYTES:
        raise _tampered(f"The bundle lists {entries:,} files in {directory_size:,} bytes of directory.")


def _tampered(problem: str) -> BundleRejected:
    return BundleRejected("zip", f"{problem} {_TAMPERED}")


def _shown(name: str) -> str:
    # Names come from a hostile file: show a short, escaped form, never raw control characters.
    return ascii(name[:60])


def _is_unsafe(name: str) -> bool:
    parts = name.replace("\\", "/").split("/")
    return not name or name.startswith(("/", "\\")) or ":" in name or "\x00" in name or ".." in parts


def _check_names(names: list[str], layout: Mapping[str, int]) -> None:
    for name in names:
        if _is_unsafe(name):
            raise _tampered(f"The bundle contains a file named {_shown(name)} that points outside it.")
    for name, count in Counter(names).items():
        if count > 1:
            raise _tampered(f"The bundle contains {_shown(name)} {count} times.")
    for name in names:
        if name not in layout:
            raise _tampered(f"The bundle contains an unexpected file {_shown(name)}.")
    missing = [name for name in layout if name not in names]
    if missing:
        raise BundleRejected("zip", f"The bundle is missing {', '.join(missing)}. {_DAMAGED}")


def _check_declared(info: zipfile.ZipInfo, limit: int) -> None:
    """Refuse on what the headers claim, before reading a byte of the member."""
    name = _shown(info.filename)
    if info.file_size > limit or info.compress_size > limit:
        raise BundleRejected(
            "zip",
            f"The bundle member {name} claims {info.file_size:,} bytes, over its limit of {limit:,} bytes. "
            f"Ask the sender to export smaller bundles, or report it to district IT.",
        )
    if info.file_size > _MAX_RATIO * max(info.compress_size, 1):
        raise _tampered(f"The bundle member {name} would expand {_MAX_RATIO}+ times (a 'ZIP bomb').")
    if info.flag_bits & 0x1:
        raise _tampered(f"The bundle member {name} uses ZIP password encryption.")
    if info.compress_type != zipfile.ZIP_STORED:
        raise _tampered(f"The bundle member {name} is ZIP-compressed.")


def _read_capped(archive: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read at most limit + 1 bytes, so a header that lies about the size costs nothing."""
    with archive.open(info) as handle:
        body = handle.read(limit + 1)
    if len(body) > limit or len(body) != info.file_size:
        raise _tampered(f"The bundle member {_shown(info.filename)} is not the size its header says.")
    # zipfile checks the CRC only when a read reaches the end; check it ourselves in every case.
    if zlib.crc32(body) != info.CRC:
        raise BundleRejected("zip", f"The bundle member {_shown(info.filename)} fails its checksum. {_DAMAGED}")
    return body
