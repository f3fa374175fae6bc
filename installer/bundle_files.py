"""What the frozen build carries besides Python modules, in one place for installer/ahtc.spec and its test.

The running code finds its files relative to its own modules: `Path(__file__).resolve().parents[2] / "resources"`
for the fonts, the law-section catalogue and the Urdu translation, and `desktop_app/store/migrations` beside the
migrations runner. In a PyInstaller bundle `__file__` of a module is `<bundle>/desktop_app/.../module.pyc`, so
every file keeps, inside the bundle, the path it has in the source tree. tests/test_packaging.py checks that
every file the code loads is matched here, and that a module which starts loading files is noticed.

Plain Python, no PyInstaller import: the test suite reads it without PyInstaller installed. This folder has no
__init__.py on purpose: it holds build scripts, loaded by path, not a package of the app.
"""

from __future__ import annotations

import ast
import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# Files outside the desktop_app package: (glob relative to the repository, folder in the bundle).
RESOURCES: list[tuple[str, str]] = [
    ("resources/fonts/*.ttf", "resources/fonts"),  # report PDFs (reportlab) and the Qt screens
    ("resources/fonts/LICENSE-OFL.txt", "resources/fonts"),  # the fonts' licence travels with them
    ("resources/law_sections.json", "resources"),  # the law-section catalogue
    ("resources/translations/*.qm", "resources/translations"),  # Urdu UI, compiled from the .ts by the spec
    ("pyproject.toml", "."),  # the version (desktop_app/version.py reads it where it is in the source tree)
]

# Data inside the package, for PyInstaller's collect_data_files(package, include_py_files=True, includes=...).
# Alembic reads the migration scripts as files (env.py, versions/*.py), not through the import system.
PACKAGE_DATA: dict[str, list[str]] = {
    "desktop_app.store": ["migrations/*.py", "migrations/versions/*.py", "migrations/script.py.mako"],
}

# Files in the source tree that are deliberately not in the bundle, and why.
NOT_SHIPPED: dict[str, str] = {
    "resources/translations/ahtc_ur.ts": "the translators' source; the bundle carries the compiled ahtc_ur.qm",
    "resources/translations/.gitignore": "keeps the compiled .qm out of git",
}

# Every module that builds a path from its own location (or asks where the bundle is), and what it loads.
# A module not listed here fails tests/test_packaging.py: decide whether its files must ship, add them above,
# and list the module here.
FILE_LOADERS: dict[str, str] = {
    "desktop_app/reports/pdf_fonts.py": "resources/fonts/*.ttf (sys._MEIPASS/resources/fonts when frozen)",
    "desktop_app/reports/law_sections.py": "resources/law_sections.json",
    "desktop_app/views/app.py": "resources/fonts/*.ttf for the Qt screens",
    "desktop_app/views/i18n.py": "resources/translations/*.qm (compiles stale .ts only where lrelease exists)",
    "desktop_app/store/migrations_runner.py": "desktop_app/store/migrations/ (Alembic script location)",
    "desktop_app/views/catalogue.py": "not at run time: a translators' tool that reads the views' source",
    "desktop_app/version.py": "pyproject.toml (the version), at the bundle's root",
    "desktop_app/services/printable.py": "resources/fonts/*.ttf: which characters the report fonts can draw",
}

ENTRY_SCRIPTS = {"gui": ROOT / "installer" / "ahtc_gui.py", "cli": ROOT / "installer" / "ahtc_cli.py"}
DIST_NAME = "ahtc-register"  # the one-folder build: installer/dist/ahtc-register/


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """(source file, folder in the bundle) for every file RESOURCES matches; a pattern matching nothing is an error."""
    datas: list[tuple[str, str]] = []
    for pattern, dest in RESOURCES:
        found = sorted(root.glob(pattern))
        if not found:
            raise FileNotFoundError(f"{pattern} matches no file under {root} (for .qm: compile the translations)")
        datas += [(str(path), dest) for path in found]
    return datas


def package_data_files(root: Path = ROOT) -> list[Path]:
    """The files PACKAGE_DATA selects in the source tree (the spec lets collect_data_files find the same ones)."""
    files: list[Path] = []
    for package, patterns in PACKAGE_DATA.items():
        base = root.joinpath(*package.split("."))
        for pattern in patterns:
            files += sorted(base.glob(pattern))
    return files


def migration_imports(root: Path = ROOT) -> list[str]:
    """Modules the migration scripts import: Alembic runs them from files, so PyInstaller cannot see these imports.

    `from alembic import op` imports the module alembic.op; `from sqlalchemy import Column` does not import a
    module sqlalchemy.Column: a name counts as a module only when the import system finds one by that name.
    """
    names: set[str] = set()
    for path in package_data_files(root):
        if path.suffix != ".py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(
                    f"{node.module}.{a.name}"
                    for a in node.names
                    if a.name != "*" and _is_module(f"{node.module}.{a.name}")
                )
    return sorted(names - {"__future__"})


def app_modules(root: Path = ROOT) -> list[str]:
    """Every module of the app, for PyInstaller's hiddenimports.

    PyInstaller bundles what is imported by name somewhere; the registry finds the register modules with
    pkgutil.iter_modules and imports them by a computed name, so a register nothing imports by name would be
    missing from the build (found on the frozen self-test: the register of tips was not bundled). The migration
    scripts are not modules of the app (Alembic reads them as files: PACKAGE_DATA).
    """
    package = root / "desktop_app"
    names = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(root).with_suffix("")
        if "migrations" in rel.parts or "__pycache__" in rel.parts:
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.append(".".join(parts))
    return names


def _is_module(name: str) -> bool:
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False
