"""The Windows build carries every file the code loads at run time, at the path the code looks for it.

installer/bundle_files.py lists the data files installer/ahtc.spec puts into the PyInstaller bundle. These tests
read that list (no PyInstaller needed, nothing is built) and check it against the paths the modules compute, the
files in the source tree, and the modules that find files relative to themselves, so a new resource cannot be
forgotten in the installer.
"""

from __future__ import annotations

import importlib.util
import re
import tomllib
from fnmatch import fnmatchcase
from pathlib import Path, PurePosixPath
from types import ModuleType

ROOT = Path(__file__).resolve().parents[1]


def _bundle_files() -> ModuleType:
    # Loaded by path: installer/ is not a package (no __init__.py); it holds build scripts, not app code.
    spec = importlib.util.spec_from_file_location("ahtc_bundle_files", ROOT / "installer" / "bundle_files.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


BUNDLE = _bundle_files()


def _matches(rel: PurePosixPath, pattern: str) -> bool:
    parts = PurePosixPath(pattern).parts
    return len(rel.parts) == len(parts) and all(fnmatchcase(a, b) for a, b in zip(rel.parts, parts, strict=True))


def bundle_folder(path: Path) -> str | None:
    """The folder the spec puts this source file in, or None if the bundle does not carry it."""
    rel = PurePosixPath(path.resolve().relative_to(ROOT).as_posix())
    for pattern, dest in BUNDLE.RESOURCES:
        if _matches(rel, pattern):
            return str(dest)
    for package, patterns in BUNDLE.PACKAGE_DATA.items():
        base = PurePosixPath(*package.split("."))
        for pattern in patterns:
            if _matches(rel, f"{base}/{pattern}"):
                return str(rel.parent)  # collect_data_files keeps the path inside the package
    return None


def test_every_file_the_code_loads_is_bundled_where_the_frozen_code_looks() -> None:
    from desktop_app import version
    from desktop_app.reports import law_sections, pdf_fonts
    from desktop_app.store import migrations_runner
    from desktop_app.views import app, i18n

    loaded = [pdf_fonts.fonts_dir() / name for name in pdf_fonts.FONT_FILES.values()]
    loaded += sorted(app.FONTS.glob("*.ttf"))
    loaded += [law_sections.DEFAULT_PATH]
    loaded += [ts.with_suffix(".qm") for ts in sorted(i18n.TRANSLATIONS.glob("*.ts"))]  # built by the spec
    loaded += [migrations_runner.MIGRATIONS_DIR / "env.py"]
    loaded += sorted((migrations_runner.MIGRATIONS_DIR / "versions").glob("*.py"))
    loaded += [version.PYPROJECT]
    assert len(loaded) >= 10
    for path in loaded:
        rel = path.resolve().relative_to(ROOT)
        # Frozen, a module's __file__ is <bundle>/<its path in the source tree>, so "same folder" is "found".
        assert bundle_folder(path) == rel.parent.as_posix(), f"{rel} is not bundled into {rel.parent}"


def test_every_data_file_in_the_tree_is_bundled_or_left_out_on_purpose() -> None:
    candidates = [p for p in (ROOT / "resources").rglob("*") if p.is_file()]
    candidates += [
        p
        for p in (ROOT / "desktop_app").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and (p.suffix not in (".py", ".pyc") or "migrations" in p.parts)
    ]
    assert candidates
    forgotten = [
        p.relative_to(ROOT).as_posix()
        for p in candidates
        if bundle_folder(p) is None and p.relative_to(ROOT).as_posix() not in BUNDLE.NOT_SHIPPED
    ]
    assert forgotten == [], "add to installer/bundle_files.py (RESOURCES, PACKAGE_DATA or NOT_SHIPPED)"
    stale = [rel for rel in BUNDLE.NOT_SHIPPED if not (ROOT / rel).exists()]
    assert stale == []


def test_modules_that_find_files_next_to_themselves_are_reviewed_for_the_bundle() -> None:
    looks_for_files = re.compile(r"__file__|_MEIPASS|importlib\.resources|importlib\.metadata|pkgutil\.get_data")
    found = {
        p.relative_to(ROOT).as_posix()
        for p in (ROOT / "desktop_app").rglob("*.py")
        if "migrations" not in p.parts and looks_for_files.search(p.read_text(encoding="utf-8"))
    }
    unreviewed = sorted(found - set(BUNDLE.FILE_LOADERS))
    assert unreviewed == [], "these modules load files: bundle them and list the module in FILE_LOADERS"
    assert sorted(set(BUNDLE.FILE_LOADERS) - found) == [], "FILE_LOADERS lists modules that no longer load files"


def test_the_build_tools_stay_out_of_the_test_install() -> None:
    extras = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["optional-dependencies"]
    assert any(req.startswith("pyinstaller") for req in extras["build"])
    assert not any(req.lower().startswith("pyinstaller") for req in extras["test"])
    assert all(script.is_file() for script in BUNDLE.ENTRY_SCRIPTS.values())


def test_every_module_found_at_run_time_by_name_is_in_the_build() -> None:
    """The registry imports register modules by computed names (pkgutil): PyInstaller must be told of each."""
    import pkgutil

    from desktop_app.services import registers

    hidden = set(BUNDLE.app_modules())
    found = {f"desktop_app.services.registers.{m.name}" for m in pkgutil.iter_modules(registers.__path__)}
    assert len(found) >= 10 and found <= hidden
    assert "desktop_app.views.app" in hidden and "desktop_app" in hidden
    assert not any(name.startswith("desktop_app.store.migrations.") for name in hidden)
    assert "desktop_app.store.migrations_runner" in hidden
    spec = (ROOT / "installer" / "ahtc.spec").read_text(encoding="utf-8")
    assert "bundle_files.app_modules()" in spec
