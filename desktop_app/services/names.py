"""Name normalisation for search: spelling variants of Latin-script names and Urdu letter forms meet.

Officers write the same name many ways (Muhammad, Mohammad, Muhammed, Mohd; Hussain, Husain) and Urdu text
arrives with Arabic or Persian letter forms and optional diacritics. We index and query a folded form and a
consonant skeleton of every word, so any of these spellings finds the others. Names and villages repeat
heavily across a district, so the folding functions are memoised (a bulk import folds the same words often).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Abbreviations that the skeleton rule cannot reach.
_LATIN_ALIASES = {
    "mohd": "muhammad",
    "muhd": "muhammad",
    "md": "muhammad",
    "mhd": "muhammad",
    "syed": "sayyid",
    "sayed": "sayyid",
    "saiyid": "sayyid",
}

# Arabic-script letters that Urdu keyboards and Arabic keyboards encode differently.
_URDU_FOLD = str.maketrans(
    {
        "ي": "ی",
        "ى": "ی",
        "ئ": "ی",
        "ك": "ک",
        "ه": "ہ",
        "ۃ": "ہ",
        "ة": "ہ",
        "أ": "ا",
        "إ": "ا",
        "آ": "ا",
        "ؤ": "و",
        "ۓ": "ے",
    }
)
_ARABIC_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_VOWELS = re.compile(r"[aeiouy]")
_REPEATS = re.compile(r"(.)\1+")


def fold(text: str) -> str:
    """Lowercase, accents and Arabic diacritics removed, Urdu letter forms unified, known aliases expanded."""
    return " ".join(folded for folded in map(_fold_chunk, text.split()) if folded)


@lru_cache(maxsize=65536)
def _fold_chunk(text: str) -> str:
    # One space-free chunk at a time: the same names and villages recur across thousands of records.
    text = unicodedata.normalize("NFKC", text).lower()
    text = _ARABIC_MARKS.sub("", text).translate(_URDU_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c) or c > "\u0600")
    words = re.findall(r"\w+", text)
    return " ".join(_LATIN_ALIASES.get(w, w) for w in words)


@lru_cache(maxsize=65536)
def skeleton(word: str) -> str:
    """The consonant shape of a Latin-script word: Muhammad, Mohammad and Muhammed all give 'mhmd'."""
    if not word.isascii() or not word.isalpha() or len(word) < 3:
        return ""
    head, rest = word[0], word[1:]
    shape = head + _VOWELS.sub("", rest)
    shape = shape.replace("ph", "f").replace("q", "k").replace("w", "v")
    return _REPEATS.sub(r"\1", shape)


def index_text(*parts: str | None) -> str:
    """What the search index stores for one record: folded words, their skeletons, and digit runs."""
    words: list[str] = []
    digits: list[str] = []
    for part in parts:
        if not part:
            continue
        folded = fold(part)
        words.append(folded)
        words.extend(s for s in (skeleton(w) for w in folded.split()) if s)
        run = re.sub(r"\D", "", part)
        if len(run) >= 4:
            digits.append(run)
    return " ".join(words + digits)


def query_terms(query: str) -> list[list[str]]:
    """Each query word becomes a set of alternatives (folded, skeleton, digits); all words must match."""
    terms: list[list[str]] = []
    for raw in query.split():
        digits = re.sub(r"[\s\-]", "", raw)
        if digits.isdigit():
            terms.append([digits])
            continue
        for word in fold(raw).split():
            alternatives = [word]
            shape = skeleton(word)
            if shape and shape != word:
                alternatives.append(shape)
            terms.append(alternatives)
    return terms
