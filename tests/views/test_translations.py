"""The Urdu catalogue covers every string the UI shows, keeps placeholders, and compiles."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from desktop_app.views.catalogue import all_strings, translated
from desktop_app.views.i18n import CONTEXT, TRANSLATIONS, compile_translations


def test_every_ui_string_has_an_urdu_translation():
    missing = sorted(all_strings() - set(translated()))
    assert missing == [], "add these to resources/translations/ahtc_ur.ts: " + "; ".join(missing)


def test_translations_keep_their_placeholders():
    for source, urdu in translated().items():
        assert sorted(re.findall(r"%\d|%s", source)) == sorted(re.findall(r"%\d|%s", urdu)), source


def test_translations_are_in_urdu_script():
    arabic_script = re.compile(r"[\u0600-\u06FF]")
    untranslated = [s for s, u in translated().items() if not arabic_script.search(u)]
    assert untranslated == []


def test_the_catalogue_compiles_to_qm():
    assert any(path.name == "ahtc_ur.qm" for path in compile_translations())


def test_qts_own_context_holds_only_its_standard_buttons() -> None:
    """A string filed under Qt's context is never found by `tr()`: the screen would stay in English."""
    qt_buttons = {"OK", "Save", "Save All", "Open", "&Yes", "Yes to &All", "&No", "N&o to All", "Abort", "Retry"}
    qt_buttons |= {"Ignore", "Close", "Cancel", "Discard", "Help", "Apply", "Reset", "Restore Defaults"}
    assert set(translated(context="QPlatformTheme")) <= qt_buttons


def test_strings_added_at_the_end_of_the_catalogue_land_in_the_apps_context() -> None:
    root = ET.parse(TRANSLATIONS / "ahtc_ur.ts").getroot()
    assert [c.findtext("name") for c in root.iter("context")][-1] == CONTEXT
