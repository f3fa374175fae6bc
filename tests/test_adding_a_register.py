"""A new register is its model, its spec, its migration and its words, and nothing else.

The test copies the app, adds the awareness-sessions register of docs/adding-a-register.md to the copy (the four
files in tests/new_register, and the Urdu for its words), and runs, in the copy, the tests that hold every
register to account: spec and model agree, the migrations build the models' schema, every word is translated,
the form creates and edits one of each, a case links to it, pseudonymised exports withhold its prose, a station's
records reach the district; and the new register's own list, search, export and report checks. No other file of
the copy is changed.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
NEW = Path(__file__).resolve().parent / "new_register"
URDU = {
    "Awareness sessions": "آگاہی نشستیں",
    "Audience": "سامعین",
    "Attendance": "حاضری",
    "Speaker": "مقرر",
    "School": "اسکول",
    "Kiln workers": "بھٹہ مزدور",
    "Village": "گاؤں",
    "Place": "جگہ",
}
# The tests that every register must pass, run in the copy with the new register in place.
SHOW_LABEL = "import desktop_app.services.registry as r; print(r.spec_for('awareness_sessions').label)"
EVERY_REGISTER = [
    "tests/services/test_registry.py",
    "tests/services/test_links.py",
    "tests/store/test_migrations.py::test_migrations_build_exactly_the_schema_the_models_describe",
    "tests/views/test_translations.py::test_every_ui_string_has_an_urdu_translation",
    "tests/views/test_forms.py::test_every_register_can_be_created_and_edited_through_its_form",
    "tests/reports/test_exports_free_text.py",
    "tests/sync/test_round_trip.py::test_two_stations_reach_the_district",
    "tests/views/test_awareness_sessions.py",
]


def _copy_app(target: Path) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for part in ("desktop_app", "resources", "tests"):
        shutil.copytree(ROOT / part, target / part, ignore=ignore)
    shutil.copy2(ROOT / "pyproject.toml", target / "pyproject.toml")


def _head(versions: Path) -> str:
    numbers = [int(m.group(1)) for p in versions.glob("*.py") if (m := re.match(r"(\d{4})_", p.name))]
    return f"{max(numbers):04d}"


def _add_translations(ts: Path) -> None:
    tree = ET.parse(ts)
    # The app's own context (tr() looks nowhere else), not Qt's button context that comes first in the file.
    context = next(c for c in tree.getroot().iter("context") if c.findtext("name") == "ahtc")
    have = {m.findtext("source") for m in context.iter("message")}
    for source, text in URDU.items():
        if source not in have:
            message = ET.SubElement(context, "message")
            ET.SubElement(message, "source").text = source
            ET.SubElement(message, "translation").text = text
    tree.write(ts, encoding="utf-8", xml_declaration=True)


def add_awareness_sessions(app: Path) -> list[Path]:
    """The four things docs/adding-a-register.md asks for; returns the files written or changed."""
    versions = app / "desktop_app" / "store" / "migrations" / "versions"
    head = _head(versions)
    revision = f"{int(head) + 1:04d}"
    written = [
        app / "desktop_app" / "models" / "awareness.py",
        app / "desktop_app" / "services" / "registers" / "awareness.py",
        versions / f"{revision}_awareness_sessions.py",
        app / "tests" / "views" / "test_awareness_sessions.py",  # the new register's own checks
        app / "resources" / "translations" / "ahtc_ur.ts",
    ]
    written[0].write_text((NEW / "model.py.txt").read_text(encoding="utf-8"), encoding="utf-8")
    written[1].write_text((NEW / "spec.py.txt").read_text(encoding="utf-8"), encoding="utf-8")
    migration = (NEW / "migration.py.txt").read_text(encoding="utf-8")
    migration = migration.replace("{revision}", revision).replace("{down_revision}", head)
    written[2].write_text(migration, encoding="utf-8")
    written[3].write_text((NEW / "in_app_test.py.txt").read_text(encoding="utf-8"), encoding="utf-8")
    _add_translations(written[4])
    return written


def test_a_register_added_as_model_spec_migration_and_words_works_everywhere(tmp_path: Path) -> None:
    app = tmp_path / "app"
    _copy_app(app)
    add_awareness_sessions(app)
    env = {**os.environ, "PYTHONPATH": str(app), "QT_QPA_PLATFORM": "offscreen"}
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", *EVERY_REGISTER],
        cwd=app,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
        check=False,
    )
    summary = run.stdout.strip().splitlines()[-1] if run.stdout.strip() else run.stderr
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-3000:]
    assert re.match(r"\d+ passed", summary) and not re.search(r"failed|error|skipped|deselected", summary), summary
    # The copy ran its own code, with the register in it (not this checkout's).
    check = subprocess.run(
        [
            sys.executable,
            "-c",
            "import desktop_app.services.registry as r; print(r.spec_for('awareness_sessions').label)",
        ],
        cwd=app,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    assert check.stdout.strip() == "Awareness sessions"
