"""The Urdu catalogue covers every string the UI shows, keeps placeholders, and compiles."""

from __future__ import annotations

import re

from desktop_app.views.catalogue import all_strings, translated
from desktop_app.views.i18n import compile_translations


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
