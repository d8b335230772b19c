"""Where a line may break inside a run of text that has no space, script by script.

Format-neutral: renderers (the brief's paragraphs, a deck's fitter) already
break at spaces; this module answers where else a line may end:

- between Chinese and Japanese characters (ideographs, kana, full-width
  punctuation), with kinsoku: never before a character that cannot start a
  line (closing brackets and quotes, 、。，．！？：；, small kana, the prolonged
  sound mark ー, iteration marks) nor after one that cannot end a line (opening
  brackets and quotes, prefix currency signs), and never inside ……, —— or ‥‥;
- between Thai words, found by PyThaiNLP's dictionary word breaker (imported
  only when a text has Thai: the import takes about half a second);
- nowhere else: Korean, like Latin, Arabic or Devanagari text, breaks at
  spaces only, so a Hangul word is never split.

No break ever falls inside a grapheme cluster (a base with its combining
marks, a Devanagari conjunct joined by a virama, a Thai consonant with its
vowel and tone marks). :func:`cluster_boundaries` gives the places where a
word too long for any line may be cut as a last resort.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

CANNOT_START = frozenset(
    # closing brackets and quotes, ASCII and full-width
    ")]}»›\u2019\u201d\u3009\u300b\u300d\u300f\u3011\u3015\u3017\u3019\u301b\u301e\u301f\uff09\uff3d\uff5d\uff60\uff63"
    # stops and separators: ASCII, ideographic, full-width, half-width
    "!,.:;?\u3001\u3002\uff01\uff0c\uff0e\uff1a\uff1b\uff1f\uff61\uff64\u203c\u2047\u2048\u2049"
    # small kana (hiragana, katakana, katakana phonetic extensions, half-width)
    "\u3041\u3043\u3045\u3047\u3049\u3063\u3083\u3085\u3087\u308e\u3095\u3096"
    "\u30a1\u30a3\u30a5\u30a7\u30a9\u30c3\u30e3\u30e5\u30e7\u30ee\u30f5\u30f6"
    "\u31f0\u31f1\u31f2\u31f3\u31f4\u31f5\u31f6\u31f7\u31f8\u31f9\u31fa\u31fb\u31fc\u31fd\u31fe\u31ff"
    "\uff67\uff68\uff69\uff6a\uff6b\uff6c\uff6d\uff6e\uff6f"
    # prolonged sound marks, iteration marks, middle dots, voicing marks
    "\u30fc\uff70\u309d\u309e\u30fd\u30fe\u3005\u303b\u30fb\uff65\u309b\u309c\uff9e\uff9f"
    # hyphens and the wave dash, and postfix signs
    "\u2010\u2013\u301c\u30a0\uff5e%\u2030\u00b0\u2032\u2033\u2103\uff05\uffe0"
)
"""Characters a line may not start with (JIS X 4051's 行頭禁則, and the Chinese 避头 punctuation)."""

CANNOT_END = frozenset(
    # opening brackets and quotes, ASCII and full-width
    "([{«‹\u2018\u201c\u3008\u300a\u300c\u300e\u3010\u3014\u3016\u3018\u301a\u301d\uff08\uff3b\uff5b\uff5f\uff62"
    # prefix signs
    "$£¥€#\uff04\uffe1\uffe5\uff03"
)
"""Characters a line may not end with (行末禁則, the Chinese 避尾 punctuation)."""

INSEPARABLE = frozenset("\u2014\u2025\u2026")
"""Characters set in pairs (——, ‥‥, ……) that are never split between two lines."""

_IDEOGRAPHIC = (
    (0x2E80, 0x2FDF),  # CJK radicals, Kangxi radicals
    (0x2FF0, 0x303F),  # ideographic description, CJK symbols and punctuation
    (0x3040, 0x30FF),  # hiragana, katakana
    (0x3100, 0x312F),  # bopomofo
    (0x31A0, 0x31FF),  # bopomofo extended, CJK strokes, katakana phonetic extensions
    (0x3200, 0x4DBF),  # enclosed CJK, compatibility, extension A
    (0x4E00, 0x9FFF),  # unified ideographs
    (0xF900, 0xFAFF),  # compatibility ideographs
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFFEF),  # half-width and full-width forms
    (0x20000, 0x3FFFF),  # supplementary ideographic planes
)
"""Ranges of characters between which a line may break (UAX #14's ID class, Hangul excluded)."""

_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))
"""Hangul jamo and syllables: Korean words are never broken, even where hanja touch them (北韓의)."""

_THAI = re.compile("[\u0e00-\u0e7f]+")
_NEEDS_RULES = re.compile(
    "[\u0300-\u036f\u0483-\u0489\u0591-\u05c7\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed"
    "\u0900-\u0dff\u0e00-\u0e7f\u0f00-\u109f\u1100-\u11ff\u1ab0-\u1aff\u1dc0-\u1dff\u200b-\u200d"
    "\u20d0-\u20ff\u2e80-\u9fff\ua960-\ua97f\ud7b0-\ud7ff\uf900-\ufaff\ufe00-\ufe0f\ufe20-\ufe4f"
    "\uff00-\uffef\U0001f3fb-\U0001f3ff\U00020000-\U0003ffff\U000e0100-\U000e01ef]"
)
"""Characters for which breaking at spaces and between code points is not the whole story."""

ZERO_WIDTH_SPACE = "\u200b"
_JOINER = "\u200d"


def needs_rules(text: str) -> bool:
    """Whether *text* has a character whose line breaking this module decides (fast: one regex search).

    Text without one (English, most European text) breaks at spaces alone and
    every code point is a cluster of its own.
    """
    return _NEEDS_RULES.search(text) is not None


def is_ideographic(char: str) -> bool:
    """A Chinese or Japanese character (ideograph, kana, bopomofo, CJK or full-width punctuation)."""
    code = ord(char)
    return any(low <= code <= high for low, high in _IDEOGRAPHIC)


def is_hangul(char: str) -> bool:
    """A Hangul syllable or jamo."""
    code = ord(char)
    return any(low <= code <= high for low, high in _HANGUL)


_IDEO, _HANG, _NO_START, _NO_END, _MARK, _VIRAMA, _LETTER, _JOINS_NEXT, _PAIRED = (1 << bit for bit in range(9))


@lru_cache(maxsize=16384)
def _traits(char: str) -> int:
    """What line breaking needs to know of *char*, as bit flags (cached: a text repeats its characters)."""
    code, category = ord(char), unicodedata.category(char)
    traits = _IDEO if is_ideographic(char) else _HANG if is_hangul(char) else 0
    if char in CANNOT_START or category in ("Pe", "Pf"):
        traits |= _NO_START
    if char in CANNOT_END or category in ("Ps", "Pi"):
        traits |= _NO_END
    # joins the previous character's cluster: marks, variation selectors, skin tones, Hangul medial and final jamo
    if category[0] == "M" or char == _JOINER or 0xFE00 <= code <= 0xFE0F or 0x1F3FB <= code <= 0x1F3FF:
        traits |= _MARK
    if 0x1160 <= code <= 0x11FF or 0xD7B0 <= code <= 0xD7FF:
        traits |= _MARK
    if unicodedata.combining(char) == 9:
        traits |= _VIRAMA
    if category == "Lo":
        traits |= _LETTER
    if char == _JOINER:
        traits |= _JOINS_NEXT
    if char in INSEPARABLE:
        traits |= _PAIRED
    return traits


def _joined(before: int, after: int) -> bool:
    """Two characters with these traits are in one grapheme cluster (UAX #29, simplified for text in briefs):
    a mark joins its base, a joiner both neighbours, a virama the next consonant (a Devanagari conjunct, क्ष)."""
    return bool(after & _MARK or before & _JOINS_NEXT or (before & _VIRAMA and after & _LETTER))


def cluster_boundaries(text: str) -> list[int]:
    """Offsets 0 < i < len(text) that start a new grapheme cluster: the only places a word may ever be cut."""
    traits = [_traits(char) for char in text]
    return [i for i in range(1, len(text)) if not _joined(traits[i - 1], traits[i])]


def _ideographic_break(before: int, after: int) -> bool:
    """A break between Chinese or Japanese characters (neither side Korean) that kinsoku allows."""
    either = before | after
    return bool(either & _IDEO and not either & _HANG and not after & _NO_START and not before & _NO_END)


def break_opportunities(word: str) -> list[int]:
    """Offsets 0 < i < len(word) where a line may end before ``word[i]``, in a *word* with no space.

    ``break_opportunities("東京都（日本）。")`` is ``[1, 2, 3, 5]``: between the
    ideographs, not after the opening bracket, not before the closing one or
    the full stop. A Korean or Latin word gives ``[]``; a Thai word gives its
    dictionary word boundaries. A zero-width space the text carries is a break.
    """
    if not needs_rules(word):
        return []
    traits = [_traits(char) for char in word]
    cuts = {i for i in range(1, len(word)) if not _joined(traits[i - 1], traits[i])}
    found: set[int] = set()
    for i in cuts:
        before, after = traits[i - 1], traits[i]
        if word[i - 1] == ZERO_WIDTH_SPACE:
            found.add(i)
        elif _ideographic_break(before, after) and not (before & _PAIRED and word[i - 1] == word[i]):
            found.add(i)
    for match in _THAI.finditer(word):
        start = match.start()
        found.update(start + i for i in thai_word_boundaries(match.group()) if start + i in cuts)
    return sorted(found)


def thai_word_boundaries(text: str) -> list[int]:
    """Offsets 0 < i < len(text) between the dictionary words of Thai *text* (PyThaiNLP's ``newmm``)."""
    return list(_thai_boundaries(text))


@lru_cache(maxsize=4096)
def _thai_boundaries(text: str) -> tuple[int, ...]:
    from pythainlp.tokenize import word_tokenize  # ~0.5 s to import: only when a text has Thai

    offsets: list[int] = []
    position = 0
    for token in word_tokenize(text, engine="newmm", keep_whitespace=True):
        position += len(token)
        offsets.append(position)
    return tuple(offset for offset in offsets if 0 < offset < len(text))

