"""Fit a flow of paragraphs into a text frame: shrink first, then continue on more slides.

The flow is a list of *groups*: a top-level point with its sub-points, a lead
line, a plain paragraph. A size is chosen between the theme's body size and its
minimum; when even the minimum does not fit, groups go onto as many frames as
needed (a group is split only when it alone is taller than a frame, and then a
paragraph is cut only where it has to be: after a sentence, else between words).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from reportgen.document.model import Runs
from reportgen.slides import fit
from reportgen.slides.model import Para, ParaKind
from reportgen.slides.units import Box, Emu, Inches, Length, Pt, half_pt

INSET_X = Inches(0.1)
INSET_Y = Inches(0.05)
"""Text frame insets, written explicitly on every frame."""

_LEVEL_OFFSET = (Inches(0), Inches(0.44), Inches(0.84))
"""Where a level's bullet or number sits; its text starts one hang further right."""
BULLET_HANG = Inches(0.34)
_LEVEL_SCALE = (1.0, 0.875, 0.8)


@dataclass(frozen=True)
class Spec:
    """A paragraph before fitting: what it says and what it is, not yet how big."""

    runs: Runs
    kind: ParaKind = "plain"
    level: int = 0
    number: int = 0
    continued: bool = False
    align: str = "l"
    scale: float = 1.0
    """Size relative to the frame's base size (a quote is set larger, a source line smaller)."""
    digits: int = 1
    """For numbered items: digits of the list's largest number (every item hangs as far)."""
    floor: Length = Pt(8)
    """The smallest size this paragraph may take, whatever its level or scale: a sub-point set below the
    base size by :data:`_LEVEL_SCALE` stops here (the planner gives body text the theme's minimum)."""


Group = tuple[Spec, ...]


ONE_PT = Pt(1)


def sizes(largest: Length, smallest: Length, step: Length = ONE_PT) -> list[Length]:
    """Candidate base sizes, largest first."""
    out, size = [], half_pt(largest)
    while size > smallest:
        out.append(Emu(size))
        size = Emu(size - step)
    out.append(half_pt(smallest))
    return out


def hang(spec: Spec, size: Length) -> Length:
    """How far the text starts right of the bullet or number (0 for paragraphs without one)."""
    if spec.kind == "bullet":
        return BULLET_HANG
    if spec.kind == "number":
        label = fit.text_width("8" * spec.digits + ".", "Helvetica", size)
        return Emu(max(BULLET_HANG, label + size * 0.45))
    return Emu(0)


def margin(spec: Spec, size: Length) -> Length:
    """The left margin of the text (``marL``)."""
    if spec.kind in ("bullet", "number"):
        return Emu(_LEVEL_OFFSET[min(spec.level, 2)] + hang(spec, size))
    return Emu(0)


def para_size(spec: Spec, base: Length) -> Length:
    scale = spec.scale * (_LEVEL_SCALE[min(spec.level, 2)] if spec.kind in ("bullet", "number") else 1.0)
    return Emu(max(spec.floor, half_pt(base * scale)))


def _space_before(spec: Spec, size: Length, previous: Spec | None) -> Length:
    if previous is None:
        return Emu(0)
    if previous.kind == "lead" or spec.kind == "heading":
        return Emu(round(size * 0.75))
    if spec.continued:
        return Emu(0)
    if spec.kind in ("bullet", "number") and spec.level > 0:
        return Emu(round(size * 0.2))
    if spec.kind in ("caption", "source", "attribution"):
        return Emu(round(size * 0.15))
    return Emu(round(size * 0.45))


def style(spec: Spec, base: Length, previous: Spec | None) -> Para:
    size = para_size(spec, base)
    return Para(
        runs=spec.runs,
        size=size,
        kind=spec.kind,
        level=spec.level,
        margin=margin(spec, size),
        hang=hang(spec, size),
        space_before=_space_before(spec, size, previous),
        number=spec.number,
        continued=spec.continued,
        align=spec.align,  # type: ignore[arg-type]
    )


def text_width(box: Box, para: Para) -> Length:
    return Emu(box.w - 2 * INSET_X - para.margin)


def para_height(para: Para, box: Box) -> Length:
    return Emu(para.space_before + fit.text_height(para.runs, para.size, text_width(box, para)))


def frame_height(paras: tuple[Para, ...] | list[Para], box: Box) -> Length:
    return Emu(2 * INSET_Y + sum(para_height(p, box) for p in paras))


def _words_fit(specs: Iterable[Spec], base: Length, box: Box) -> bool:
    for spec in specs:
        size = para_size(spec, base)
        if not fit.words_fit(spec.runs, size, Emu(box.w - 2 * INSET_X - margin(spec, size))):
            return False
    return True


def layout(specs: list[Spec] | tuple[Spec, ...], base: Length) -> tuple[Para, ...]:
    out, previous = [], None
    for spec in specs:
        out.append(style(spec, base, previous))
        previous = spec
    return tuple(out)


def shrink(specs: list[Spec] | tuple[Spec, ...], box: Box, candidates: list[Length]) -> tuple[tuple[Para, ...], bool]:
    """The largest size at which *specs* fit *box*; else the smallest. Also: whether they fit."""
    for base in candidates:
        paras = layout(specs, base)
        if frame_height(paras, box) <= box.h and _words_fit(specs, base, box):
            return paras, True
    paras = layout(specs, candidates[-1])
    return paras, frame_height(paras, box) <= box.h


def paginate(groups: list[Group], box: Box, candidates: list[Length]) -> list[tuple[Para, ...]]:
    """Fit *groups* into one frame by shrinking, else into as few frames as the smallest size needs."""
    return paginate_many([groups], [box], candidates)[0]


def paginate_many(
    flows: list[list[Group]], boxes: list[Box], candidates: list[Length], first: list[Box] | None = None
) -> list[list[tuple[Para, ...]]]:
    """Fit several flows (columns), each into its box, at one size shared by all of them.

    The largest size at which every flow fits its box wins; if none does, each flow
    goes onto as few frames as the smallest size needs, and the largest size that
    needs no more frames than that is used, the same on every frame. *first* are
    the boxes on the first slide, where they may be shorter (a lead line above them).
    """
    first = first or boxes
    flats = [[spec for group in groups for spec in group] for groups in flows]
    for i, base in enumerate(candidates):
        last = i == len(candidates) - 1
        paras = [layout(flat, base) for flat in flats]
        if all(frame_height(p, b) <= b.h and (last or _words_fit(f, base, b)) for p, f, b in zip(paras, flats, first, strict=True)):
            return [[p] for p in paras]
    fewest = [_pages(groups, box, candidates[-1], None, top) or [()] for groups, box, top in zip(flows, boxes, first, strict=True)]
    most = max(len(p) for p in fewest)
    chosen, size = fewest, candidates[-1]
    for base in candidates[:-1]:
        if not all(_words_fit(f, base, b) for f, b in zip(flats, boxes, strict=True)):
            continue
        pages = [_pages(groups, box, base, most, top) for groups, box, top in zip(flows, boxes, first, strict=True)]
        if all(p is not None for p in pages):
            chosen, size = [p or [()] for p in pages], base
            break
    if len(flows) == 1:
        balanced = _balanced(flows[0], boxes[0], size, first[0], len(chosen[0]))
        if balanced is not None:
            return [balanced]
    return chosen


def _balanced(groups: list[Group], box: Box, base: Length, first: Box, count: int) -> list[tuple[Para, ...]] | None:
    """The same number of frames, filled evenly rather than greedily (no "(cont.)" slide holding one
    point): the pages for the shortest frame height that still needs no more than *count* frames."""
    if count < 2:
        return None
    best, low, high = None, 0.4, 1.0
    for _ in range(7):
        middle = (low + high) / 2
        pages = _pages(
            groups, replace(box, h=Emu(int(box.h * middle))), base, count, replace(first, h=Emu(int(first.h * middle)))
        )
        if pages is not None and len(pages) == count:
            best, high = pages, middle
        else:
            low = middle
    return best


def _pages(groups: list[Group], box: Box, base: Length, limit: int | None, first: Box) -> list[tuple[Para, ...]] | None:
    pager = _Pager(box, base, first)
    for group in groups:
        if not pager.try_group(group):
            pager.new_page()
            if not pager.try_group(group):  # taller than a whole frame: split it, paragraph by paragraph
                for spec in group:
                    pager.place_splitting(spec)
        if limit is not None and len(pager.pages) > limit:
            return None
    return [tuple(page) for page in pager.pages if page]


class _Pager:
    """Frames being filled at one base size."""

    def __init__(self, box: Box, base: Length, first: Box) -> None:
        self.box, self.rest, self.base = first, box, base
        self.pages: list[list[Para]] = [[]]
        self.used = Emu(2 * INSET_Y)
        self.previous: Spec | None = None

    def new_page(self) -> None:
        if self.pages[-1]:
            self.pages.append([])
            self.used, self.previous, self.box = Emu(2 * INSET_Y), None, self.rest

    def _add(self, spec: Spec, para: Para) -> None:
        self.pages[-1].append(para)
        self.used = Emu(self.used + para_height(para, self.box))
        self.previous = spec

    def try_group(self, group: Group) -> bool:
        """Place the whole group on the current frame if it fits there."""
        paras, previous = [], self.previous
        for spec in group:
            paras.append(style(spec, self.base, previous))
            previous = spec
        if self.used + sum(para_height(p, self.box) for p in paras) > self.box.h:
            return False
        for spec, para in zip(group, paras, strict=True):
            self._add(spec, para)
        return True

    def place_splitting(self, spec: Spec) -> None:
        """Place *spec*, cutting it after a sentence (else a word) where a frame is full."""
        rest = spec
        while True:
            if self.try_group((rest,)):
                return
            para = style(rest, self.base, self.previous)
            room = self.box.h - self.used - para.space_before
            max_lines = int(room // fit.line_height(para.size))
            parts = fit.split_to_fit(rest.runs, para.size, text_width(self.box, para), max_lines)
            if parts is None:
                if not self.pages[-1]:  # not one word fits an empty frame: set it anyway, never drop it
                    self._add(rest, para)
                    return
                self.new_page()
                continue
            head, tail = parts
            self._add(rest, style(replace(rest, runs=head), self.base, self.previous))
            if not tail:
                return
            rest = replace(rest, runs=tail, continued=True)
            self.new_page()
