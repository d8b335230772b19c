"""The slide master: which file the deck starts from, its layouts, and their geometry.

With no reference deck the renderer starts from python-pptx's default template,
made 16:9 with the placeholders of the master and every layout stretched
across the wider slide (done once per process, in memory). A reference deck is
checked and cleaned first (:mod:`master_check`: limits, dangerous content, its
own sample slides left out) and opened from the cleaned copy. Layouts are found by role
(:mod:`roles`: the set's mapping, then the layout's type, then its usual names in several
languages, then the closest usable one), placeholders by type. :class:`LayoutFrame` hands the geometry to the planner as plain data.
"""

from __future__ import annotations

import io
import warnings
from collections.abc import Collection
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import cast

from pptx import Presentation, util
from pptx.presentation import Presentation as PresentationType
from pptx.slide import SlideLayout

from reportgen.document.vocab import Layout
from reportgen.errors import RenderError, ReportgenError, ReportgenWarning
from reportgen.render.pptx import _internals, roles
from reportgen.render.pptx.fontscheme import add_script_fonts
from reportgen.render.pptx.inherited import TextLook, other_look, placeholder_looks
from reportgen.render.pptx.master_check import safe_master
from reportgen.render.pptx.master_theme import MasterTheme, read_theme
from reportgen.render.pptx.master_zip import refusal
from reportgen.slides.frames import Furniture, Inherited, LayoutFrame
from reportgen.slides.units import Box, Emu, Inches
from reportgen.theme import Theme

WIDE = (Emu(12192000), Emu(6858000))
"""13.333 x 7.5 in."""

LAYOUTS = tuple(Layout)

TITLE_TYPES = ("title", "ctrTitle")
BODY_TYPES = ("body", "subTitle", "obj")
FURNITURE_TYPES = ("dt", "ftr", "sldNum")
_NS = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main", "p": "http://schemas.openxmlformats.org/presentationml/2006/main"}
_A, _P = f"{{{_NS['a']}}}", f"{{{_NS['p']}}}"
GAP = Inches(0.15)


@dataclass(frozen=True)
class Placeholder:
    """A placeholder of a layout or master, read from its XML: type, idx, box (None: inherited), ``p:ph`` attributes."""

    type: str
    idx: int
    box: Box | None
    attrs: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class MasterLayout:
    """One layout of the template, read once: where it is, its title and text placeholders, its content area."""

    name: str
    position: tuple[int, int]
    """(master, layout) indexes in the presentation."""
    title: Placeholder | None
    title_box: Box
    bodies: tuple[Placeholder, ...]
    content: Box
    kind: str = ""
    """The layout's recorded type (``title``, ``obj``, ``titleOnly``...; ``""`` when it records none)."""
    footers: tuple[Placeholder, ...] = ()
    """Its date, footer and slide-number placeholders (``dt``, ``ftr``, ``sldNum``)."""
    looks: dict[tuple[str, str], TextLook] = field(default_factory=dict, compare=False, hash=False)
    """What each placeholder's text inherits, by (type, idx) (:mod:`inherited`)."""

    def look(self, placeholder: Placeholder | None) -> TextLook | None:
        """The look *placeholder* (one of this layout's) inherits; None for a text box."""
        if placeholder is None:
            return None
        return self.looks.get((placeholder.type, str(placeholder.idx)))

    @property
    def has_title(self) -> bool:
        return self.title is not None


@dataclass(frozen=True)
class Catalogue:
    """Everything the renderer reads from a template, kept between renders of the same template."""

    layouts: tuple[MasterLayout, ...]
    furniture: tuple[Furniture, ...]
    """Per slide master, where its footer placeholders put the furniture."""
    masters: tuple[str, ...] = ()
    """The slide masters' names, in order."""
    others: tuple[TextLook, ...] = ()
    """Per slide master, what a text box's text inherits (its ``p:otherStyle``)."""

    def by_name(self, name: str) -> MasterLayout | None:
        folded = " ".join(name.split()).casefold()
        exact = [layout for layout in self.layouts if layout.name == name]
        loose = [layout for layout in self.layouts if " ".join(layout.name.split()).casefold() == folded]
        matches = exact or loose
        return matches[0] if matches else None


class Master:
    """An opened deck template: the Presentation to write into, and its layouts by our names."""

    def new_slide_id(self) -> int:
        """The next slide id (python-pptx finds it by scanning every slide id, n squared over a deck)."""
        self._next_slide_id += 1
        return self._next_slide_id - 1

    def __init__(self, prs: PresentationType, catalogue: Catalogue, theme: Theme, source: str, *, accent_rule: bool = False) -> None:
        self.prs = prs
        self.catalogue = catalogue
        self.source = source
        self.accent_rule = accent_rule
        """Draw our accent rule under titles: only on our own master, never over a corporate one."""
        self.index = master_index(theme.deck.master, catalogue.masters, source)
        """Which slide master the deck uses (``deck.master``; the first by default)."""
        self.layouts = tuple(layout for layout in catalogue.layouts if layout.position[0] == self.index)
        self.furniture = catalogue.furniture[self.index]
        self.theme = read_theme(prs, self.index)
        """The chosen master's fonts, colours and colour map."""
        self.corporate = not accent_rule
        """A master the set brought: its own look wins over reportgen's defaults (docs/templates.md)."""
        ids = [int(value) for value in _internals.slide_id_list(prs).xpath("./p:sldId/@id")]
        self._next_slide_id = max(ids, default=255) + 1
        self._mapping = dict(theme.deck.layouts)
        unknown = sorted(set(self._mapping) - set(LAYOUTS))
        if unknown:
            raise RenderError(
                f"theme.yaml deck.layouts names unknown layout(s) {', '.join(unknown)}",
                field="deck.layouts",
                hint=f"use one of: {', '.join(LAYOUTS)}",
            )
        self._frames: dict[str, LayoutFrame] = {}
        self._chosen: dict[str, MasterLayout] = {}
        self._choose_all()

    def _choose_all(self) -> None:
        """Find every role's layout now, so that whatever needs saying about them is said in one warning."""
        said: dict[str, str] = {}
        for layout in LAYOUTS:
            choice = self.choice(layout)
            self._chosen[layout] = cast(MasterLayout, choice.layout)
            if choice.warning:
                said[layout] = choice.warning
        if said:
            field = f"deck.layouts.{next(iter(said))}" if len(said) == 1 else "deck.layouts"
            warnings.warn(ReportgenWarning(" | ".join(said.values()), field=field,
                                           hint="name the layouts under deck.layouts in theme.yaml (reportgen master FILE.pptx prints a mapping)"),
                          stacklevel=3)

    def layout_names(self) -> list[str]:
        return [layout.name for layout in self.layouts]

    def master_layout(self, layout: str) -> MasterLayout:
        """The template layout our *layout* slides use (:func:`roles.choose`, all found when the master opens)."""
        return self._chosen[layout]

    def choice(self, layout: str) -> roles.Choice:
        """How the layout for *layout* slides is found on the chosen master (:func:`roles.choose`), warning unsaid."""
        if not self.layouts:
            raise RenderError(f"{self.source} has no layouts", field="deck.layouts", hint="use a master with a title and a content layout")
        return roles.choose(layout, self.layouts, self._mapping, self.source)

    def slide_layout(self, layout: str) -> SlideLayout:
        master, index = self.master_layout(layout).position
        return self.prs.slide_masters[master].slide_layouts[index]

    def frame(self, layout: str) -> LayoutFrame:
        if layout not in self._frames:
            found = self.master_layout(layout)
            boxes = tuple(ph.box for ph in found.bodies if ph.box is not None)
            self._frames[layout] = LayoutFrame(layout, found.name, found.title_box, found.title is not None, boxes, found.content,
                                               self._inherited(found) if self.corporate else None)
        return self._frames[layout]

    def _inherited(self, layout: MasterLayout) -> Inherited:
        other = self.catalogue.others[self.index] if self.catalogue.others else TextLook()
        title = layout.look(layout.title) or other
        body = layout.look(layout.bodies[0]) if layout.bodies else None
        body = body or other
        return Inherited(title.sizes[0], title.bold, title.face or self.theme.major.latin, body.sizes[0], body.face or self.theme.minor.latin)


def master_index(wanted: str | int | None, names: tuple[str, ...], source: str, *, asked: str = "theme.yaml deck.master") -> int:
    """The index of the slide master ``deck.master`` (or what *asked* says named it) names: by its name, or its number counted from 1."""
    if wanted is None or len(names) == 0:
        return 0
    if isinstance(wanted, int) or wanted.strip().isdigit():
        number = int(wanted)
        if 1 <= number <= len(names):
            return number - 1
    else:
        folded = [" ".join(name.split()).casefold() for name in names]
        key = " ".join(wanted.split()).casefold()
        if key in folded:
            return folded.index(key)
    listed = ", ".join(f"{i} '{name}'" for i, name in enumerate(names, 1))
    raise RenderError(f"{asked} is '{wanted}', but {source} has the slide masters {listed}", field="deck.master",
                      hint="give one of those names or numbers (reportgen master FILE.pptx lists them)")


def open_master(theme: Theme) -> Master:
    if theme.reference_pptx is not None:
        path = theme.reference_pptx
        data = safe_master(path)  # checked, cleaned and without its sample slides (master_check)
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        try:
            prs = Presentation(io.BytesIO(data))
            add_script_fonts(prs, override=False)  # only the scripts its scheme lacks
            if prs.slide_width is None or prs.slide_height is None:
                raise refusal(path, "it gives no slide size", hint="set a slide size in PowerPoint (Design, Slide Size) and save it again")
            if key not in _CATALOGUES:
                _CATALOGUES.clear()  # one reference deck at a time is the usual case
                _CATALOGUES[key] = catalogue(prs)
        except ReportgenError:
            raise
        except Exception:  # noqa: BLE001 - whatever python-pptx trips over, the user gets plain words
            raise refusal(path, "python-pptx cannot read its slide master or layouts", hint="open it in PowerPoint and save it again") from None
        return Master(prs, _CATALOGUES[key], theme, path.name)
    blob = _wide_default(theme.deck.fonts.latin, theme.deck.fonts.east_asian)
    prs = Presentation(io.BytesIO(blob))
    if blob not in _DEFAULTS:
        _DEFAULTS[blob] = catalogue(prs)
    return Master(prs, _DEFAULTS[blob], theme, "the default master", accent_rule=True)


def master_theme(path: Path, wanted: str | int | None) -> MasterTheme:
    """The theme of the slide master ``deck.master`` names (the first by default) in the master at *path*,
    checked and cleaned first: what ``colours: from_master`` reads when the set loads."""
    prs = Presentation(io.BytesIO(safe_master(path)))
    names = tuple(master_name(master, read_theme(prs, m), m) for m, master in enumerate(prs.slide_masters))
    return read_theme(prs, master_index(wanted, names, path.name))


_CATALOGUES: dict[tuple, Catalogue] = {}
_DEFAULTS: dict[bytes, Catalogue] = {}


def _slide(prs: PresentationType) -> Box:
    """The slide's own box (a presentation that names no size is at PowerPoint's 16:9 default)."""
    return Box(Emu(0), Emu(0), Emu(prs.slide_width or WIDE[0]), Emu(prs.slide_height or WIDE[1]))


def master_name(master, theme: MasterTheme, index: int) -> str:
    """What slide master *index* is called: its name, else its theme's (as PowerPoint shows it), else ``Master N``."""
    return master.name or theme.name or f"Master {index + 1}"


def catalogue(prs: PresentationType) -> Catalogue:
    """Read the template's layouts and furniture positions."""
    slide = _slide(prs)
    layouts = []
    furniture = []
    others = []
    names = []
    for m, master in enumerate(prs.slide_masters):
        furniture.append(_furniture(prs, m))
        master_element = _internals.element(master)
        master_phs = placeholders(master_element)
        theme = read_theme(prs, m)
        others.append(other_look(master_element, theme))
        names.append(master_name(master, theme, m))
        for i, layout in enumerate(master.slide_layouts):
            element = _internals.element(layout)
            read = _read_layout(layout.name, (m, i), placeholders(element), master_phs, slide)
            layouts.append(replace(read, kind=str(element.get("type") or ""), looks=placeholder_looks(element, master_element, theme)))
    return Catalogue(tuple(layouts), tuple(furniture), tuple(names), tuple(others))


@lru_cache(maxsize=4)
def _wide_default(latin: str, east_asian: str | None) -> bytes:
    """python-pptx's default template at 16:9, placeholders stretched to the new width."""
    prs = Presentation()
    factor = WIDE[0] / prs.slide_width
    prs.slide_width, prs.slide_height = (util.Emu(WIDE[0]), util.Emu(WIDE[1]))
    parts = [prs.slide_master] + list(prs.slide_master.slide_layouts)
    for part in parts:
        for xfrm in _internals.element(part).xpath(".//a:xfrm"):
            for tag, attr in (("a:off", "x"), ("a:ext", "cx")):
                for el in xfrm.xpath(tag):
                    el.set(attr, str(round(int(el.get(attr)) * factor)))
    _restyle_section_header(prs)
    add_script_fonts(prs, override=True)
    for rpr in _internals.element(prs.slide_master).xpath(".//p:txStyles//a:defRPr"):
        for tag, face in (("latin", latin), ("ea", east_asian)):
            el = rpr.find(f"{{{_NS['a']}}}{tag}")
            if el is not None and face is not None:
                el.set("typeface", face)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _restyle_section_header(prs: PresentationType) -> None:
    """Our section header: the title above its lead line, in mixed case (the stock one is the reverse)."""
    for layout in prs.slide_master.slide_layouts:
        if layout.name != "Section Header":
            continue
        for sp in _internals.element(layout).iterfind(f"{_P}cSld/{_P}spTree/{_P}sp"):
            ph = sp.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
            if ph is None or ph.get("type") not in ("title", "body"):
                continue
            title = ph.get("type") == "title"
            off, ext = sp.find(f"{_P}spPr/{_A}xfrm/{_A}off"), sp.find(f"{_P}spPr/{_A}xfrm/{_A}ext")
            off.set("y", str(Inches(2.2) if title else Inches(4.3)))
            ext.set("cy", str(Inches(1.9) if title else Inches(1.5)))
            sp.find(f"{_P}txBody/{_A}bodyPr").set("anchor", "b" if title else "t")
            for rpr in sp.iterfind(f".//{_A}defRPr"):
                rpr.attrib.pop("cap", None)


def placeholders(part_element) -> list[Placeholder]:
    """The placeholders in a master's or layout's shape tree, in document order."""
    out = []
    for sp in part_element.iterfind(f"{_P}cSld/{_P}spTree/{_P}sp"):
        ph = sp.find(f"{_P}nvSpPr/{_P}nvPr/{_P}ph")
        if ph is None:
            continue
        off = sp.find(f"{_P}spPr/{_A}xfrm/{_A}off")
        ext = sp.find(f"{_P}spPr/{_A}xfrm/{_A}ext")
        box = None
        if off is not None and ext is not None:
            box = Box(Emu(int(off.get("x"))), Emu(int(off.get("y"))), Emu(int(ext.get("cx"))), Emu(int(ext.get("cy"))))
        attrs = tuple((k, v) for k, v in ph.attrib.items() if k != "hasCustomPrompt")
        out.append(Placeholder(ph.get("type", "obj"), int(ph.get("idx", "0")), box, attrs))
    return out


def _base_type(ph_type: str) -> str:
    return {"ctrTitle": "title", "title": "title", "dt": "dt", "ftr": "ftr", "sldNum": "sldNum"}.get(ph_type, "body")


def _effective(layout: list[Placeholder], master: list[Placeholder]) -> list[Placeholder]:
    """Layout placeholders with the boxes they inherit from the master filled in (None if neither has one)."""
    by_type = {ph.type: ph.box for ph in master if ph.box is not None}
    return [ph if ph.box is not None else Placeholder(ph.type, ph.idx, by_type.get(_base_type(ph.type)), ph.attrs) for ph in layout]


def _boxed(phs: list[Placeholder], types: Collection[str]) -> list[tuple[Placeholder, Box]]:
    """The placeholders of *types* that have a box, each with it."""
    return [(ph, ph.box) for ph in phs if ph.type in types and ph.box is not None]


def _read_layout(name: str, position: tuple[int, int], layout: list[Placeholder], master: list[Placeholder], slide: Box) -> MasterLayout:
    phs = _effective(layout, master)
    titles = [ph for ph, _ in _boxed(phs, TITLE_TYPES)]
    master_title = [box for _, box in _boxed(master, ("title",))]
    title_box = ([box for _, box in _boxed(titles, TITLE_TYPES)] + master_title + [Box(Inches(0.6), Inches(0.3), Emu(slide.w - Inches(1.2)), Inches(1.2))])[0]
    placed = sorted(_boxed(phs, BODY_TYPES), key=lambda pair: (pair[1].x, pair[1].y))
    bodies = tuple(ph for ph, _ in placed)
    footer_top = min((box.y for _, box in _boxed(master, FURNITURE_TYPES)), default=Emu(slide.h - Inches(0.5)))
    if placed:
        x0, y0 = min(box.x for _, box in placed), min(box.y for _, box in placed)
        x1, y1 = max(box.right for _, box in placed), max(box.bottom for _, box in placed)
        content = Box(x0, y0, Emu(x1 - x0), Emu(y1 - y0))
    else:  # Title Only, Blank: the master's body area, else the space between title and footer
        master_body = [box for _, box in _boxed(master, BODY_TYPES) if box.y >= title_box.bottom]
        top = master_body[0].y if master_body else Emu(title_box.bottom + GAP)
        bottom = master_body[0].bottom if master_body else Emu(footer_top - GAP / 2)
        content = Box(title_box.x, top, title_box.w, Emu(max(Inches(1), bottom - top)))
    footers = tuple(ph for ph, _ in _boxed(phs, FURNITURE_TYPES))
    return MasterLayout(name, position, titles[0] if titles else None, title_box, bodies, content, footers=footers)


def _furniture(prs: PresentationType, index: int) -> Furniture:
    slide = _slide(prs)
    master = placeholders(_internals.element(prs.slide_masters[index]))
    band = Inches(0.4)  # where the master has no footer placeholders
    numbers = [ph.box for ph in master if ph.type == "sldNum" and ph.box is not None]
    footers = [ph.box for ph in master if ph.type == "ftr" and ph.box is not None]
    default_y = Emu(slide.h - band - Inches(0.1))
    number = numbers[0] if numbers else Box(Emu(slide.w - Inches(2.6)), default_y, Inches(2.0), band)
    dates = [ph.box for ph in master if ph.type == "dt" and ph.box is not None]
    width = Emu(slide.w // 3)
    marking = footers[0] if footers else Box(Emu((slide.w - width) // 2), default_y, width, band)
    logo = dates[0] if dates else Box(Inches(0.6), default_y, Inches(2.0), band)
    shows_picture = bool(_internals.element(prs.slide_masters[index]).findall(f"{_P}cSld/{_P}spTree//{_P}pic"))
    return Furniture(slide, number, marking, logo, dates[0] if dates else None, shows_picture)
