"""The Unicode bidirectional algorithm for one line of the brief: embedding levels and visual order.

python-bidi's ``get_display`` returns only the reordered characters, but a line
of a paragraph is made of shaped words (whose glyphs HarfBuzz already put in
visual order), so what is needed is each character's resolved level (rules
X1–I2, from python-bidi's algorithm module) and the order of the line's
pieces that rule L2 gives for those levels.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from bidi import algorithm


class _Neutralised(dict[int, str]):
    """Characters python-bidi's resolution cannot take (its asserts fail on them): those with no bidi
    class (unassigned code points) and separators (tab, paragraph separator) inside a line, read as
    the neutral characters they behave as here."""

    def __missing__(self, code: int) -> str:
        kind = unicodedata.bidirectional(chr(code))
        value = "?" if kind == "" else " " if kind in ("B", "S") else chr(code)
        self[code] = value
        return value


_NEUTRALISED = _Neutralised()


def levels(text: str, *, rtl: bool) -> list[int]:
    """The resolved embedding level of every character of *text* in a paragraph of base
    direction right to left (*rtl*) or left to right."""
    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(text.translate(_NEUTRALISED), storage)
    algorithm.explicit_embed_and_overrides(storage)
    algorithm.resolve_weak_types(storage)
    algorithm.resolve_neutral_types(storage, False)
    algorithm.resolve_implicit_levels(storage, False)
    found = [char["level"] for char in storage["chars"]]
    if len(found) != len(text):  # python-bidi folds surrogate pairs: none in a Python str, but be sure
        raise ValueError("python-bidi returned a level per code point only for part of the text")
    return found


def visual_order(piece_levels: Sequence[int]) -> list[int]:
    """The indexes of a line's pieces, left to right on the page, for their levels (rule L2):
    from the highest level down to the lowest odd one, every run at that level or above is reversed."""
    order = list(range(len(piece_levels)))
    if not piece_levels:
        return order
    highest = max(piece_levels)
    lowest_odd = min(piece_levels) | 1
    for level in range(highest, lowest_odd - 1, -1):
        i = 0
        while i < len(order):
            if piece_levels[order[i]] >= level:
                j = i
                while j < len(order) and piece_levels[order[j]] >= level:
                    j += 1
                order[i:j] = reversed(order[i:j])
                i = j
            else:
                i += 1
    return order


def needs_reordering(text: str, *, rtl: bool) -> bool:
    """Whether a paragraph's lines may need reordering: it is right to left, or has right-to-left characters."""
    return rtl or any(unicodedata.bidirectional(char) in ("R", "AL") for char in text)


def _strong(char: str) -> str | None:
    kind = unicodedata.bidirectional(char)
    return "R" if kind in ("R", "AL") else "L" if kind == "L" else None


def direction_runs(text: str) -> list[str]:
    """*text* (one word) cut where its strong direction changes, for shaping each piece in one direction.

    A neutral or weak character (punctuation, digits) between two strong characters of the same
    direction stays in their run, a mark or joiner in its letter's; others (``(`` before an Arabic
    word, ``),`` after it) make runs of their own, whose level the line decides. Text without
    right-to-left letters is one run.
    """
    strong = [_strong(char) for char in text]
    if "R" not in strong or len(text) < 2:
        return [text] if text else []
    before: list[str | None] = []
    last: str | None = None
    for kind in strong:
        last = kind or last
        before.append(last)
    after: list[str | None] = [None] * len(text)
    last = None
    for i in range(len(text) - 1, -1, -1):
        last = strong[i] or last
        after[i] = last
    labels: list[str] = []
    for i, kind in enumerate(strong):
        if labels and unicodedata.bidirectional(text[i]) in ("NSM", "BN"):  # a mark, a joiner: with its letter
            labels.append(labels[-1])
        else:
            around = before[i] if before[i] == after[i] else None
            labels.append(kind or around or "N")
    runs: list[str] = []
    for i, char in enumerate(text):
        if runs and labels[i] == labels[i - 1]:
            runs[-1] += char
        else:
            runs.append(char)
    return runs
