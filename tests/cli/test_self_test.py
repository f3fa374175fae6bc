"""`ahtc --self-test`: every step passes on a working installation, and a missing part fails it with exit 1."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop_app.cli import main


def test_the_self_test_passes_and_leaves_nothing_behind(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TMPDIR", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # re-read TMPDIR
    with pytest.raises(SystemExit) as done:
        main(["--self-test", str(tmp_path / "keep")])
    out = capsys.readouterr().out
    assert done.value.code == 0, out
    for step in ("store", "write", "search", "FIR-support summary", "backup", "sync bundle"):
        assert f"ok   {step}:" in out
    assert out.rstrip().splitlines()[-1].startswith("SELF-TEST PASSED")
    assert (tmp_path / "keep" / "self-test-fir-summary.pdf").read_bytes().startswith(b"%PDF")
    assert list((tmp_path / "tmp").iterdir()) == []  # the temporary stores are gone


def test_a_missing_part_fails_the_self_test(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    from desktop_app.reports import law_sections

    # What a build that forgot to bundle the law-section catalogue would do.
    monkeypatch.setattr(law_sections, "DEFAULT_PATH", tmp_path / "not-bundled" / "law_sections.json")
    with pytest.raises(SystemExit) as done:
        main(["--self-test"])
    out = capsys.readouterr().out
    assert done.value.code == 1
    assert "FAIL FIR-support summary:" in out and "SELF-TEST FAILED" in out
