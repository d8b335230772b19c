"""The brief's line breaks beyond spaces: a paragraph's words cut where :mod:`reportgen.linebreak` allows.

reportlab breaks between "frag words" and joins two words with a space only
when the first was followed by one, so cutting a word into pieces that are
joined to the next with none adds break opportunities that draw nothing and
leave the text layer as the source wrote it. This works in every paragraph
whatever its language or fonts (a Japanese phrase in an English sentence
breaks too), keeps reportlab's own width measuring, and keeps each piece a
whole word for HarfBuzz shaping (pieces end at word or cluster boundaries).

A word wider than the line is cut between grapheme clusters
(:func:`cut_long_words`) before reportlab would cut it between code points,
which could move a combining mark or a Thai tone mark to the next line.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth

from reportgen.linebreak import break_opportunities, cluster_boundaries, needs_rules
from reportgen.render.pdf import _internals

FragWord = list[Any]
"""reportlab's ``[width, (frag, text), ...]``."""


def break_words(frags: list[Any], max_width: float) -> list[FragWord] | None:
    """A paragraph's parsed *frags* as frag words cut at every break opportunity, or ``None`` when none is needed.

    ``None`` for text that breaks at spaces alone and whose clusters are single
    code points (English: the paragraph is left exactly as reportlab makes it)
    and for frags that are frag words already (the second half of a split
    paragraph, whose words were cut before).
    """
    if not frags or _internals.are_frag_words(frags):
        return None
    if not any(needs_rules(getattr(frag, "text", "") or "") for frag in frags):
        return None
    words = _internals.frag_words(frags, max_width)
    out: list[FragWord] = []
    needed = False
    for word in words:
        cut = _cut(word, break_opportunities) if _internals.is_plain_word(word) else [word]
        needed = needed or len(cut) > 1 or any(_has_joined_cluster(piece) for piece in cut)
        out.extend(cut)
    return out if needed else None


def _has_joined_cluster(word: FragWord) -> bool:
    """A cluster of *word* has more than one code point (so reportlab's own cut of a long word could split it)."""
    text = "".join(piece for _, piece in word[1:])
    return len(cluster_boundaries(text)) < len(text) - 1


def cut_long_words(words: list[FragWord], max_width: float) -> list[FragWord]:
    """*words* with each one wider than *max_width* cut between every two grapheme clusters."""
    out: list[FragWord] = []
    for word in words:
        if word[0] > max_width and _internals.is_plain_word(word):
            out.extend(_cut(word, cluster_boundaries))
        else:
            out.append(word)
    return out


def _cut(word: FragWord, where: Callable[[str], list[int]]) -> list[FragWord]:
    """*word* cut at the offsets ``where(text)`` gives for its whole text (across its frags)."""
    parts: list[tuple[Any, str]] = word[1:]
    text = "".join(piece for _, piece in parts)
    cuts = where(text)
    if not cuts:
        return [word]
    pieces: list[FragWord] = []
    current: list[tuple[Any, str]] = []
    width = 0.0
    bounds = iter([*cuts, len(text) + 1])
    cut = next(bounds)
    offset = 0
    for frag, piece in parts:
        start, end = offset, offset + len(piece)
        while cut < end:  # a cut at the start of this part or inside it
            head = piece[start - offset : cut - offset]
            if head:
                current.append((frag, head))
                width += stringWidth(head, frag.fontName, frag.fontSize)
            if current:
                pieces.append(_internals.make_frag_word(width, current, space_after=False))
            current, width = [], 0.0
            start, cut = cut, next(bounds)
        tail = piece[start - offset :]
        if tail:
            current.append((frag, tail))
            width += stringWidth(tail, frag.fontName, frag.fontSize)
        offset = end
    pieces.append(_internals.make_frag_word(width, current, space_after=_internals.followed_by_space(word)))
    return pieces
