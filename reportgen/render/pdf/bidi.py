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


def levels(text: str, *, rtl: bool) -> list[int]:
    """The resolved embedding level of every character of *text* in a paragraph of base
    direction right to left (*rtl*) or left to right."""
    storage = algorithm.get_empty_storage()
    storage["base_level"] = 1 if rtl else 0
    storage["base_dir"] = "R" if rtl else "L"
    algorithm.get_embedding_levels(text, storage)
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
