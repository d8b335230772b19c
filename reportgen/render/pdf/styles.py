"""Everything the theme decides about the PDF's look, as reportlab objects.

This is the one place that chooses fonts (and their bold/italic variants),
colours, type sizes, leading and spacing; the other modules ask a
:class:`Styles` and never build a ``ParagraphStyle`` or pick a font name
themselves. When TrueType fonts get registered, it happens here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from reportlab.lib.colors import Color, HexColor
from reportlab.lib.fonts import ps2tt, tt2ps
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import TableStyle

from reportgen.errors import RenderError
from reportgen.locale import locale_for
from reportgen.render.pdf.flow import set_right_to_left
from reportgen.render.pdf.sides import Sides
from reportgen.render.pdf.units import PAGE_SIZES, Pt, mm
from reportgen.theme import Theme

BULLET_GLYPHS = ("\u2022", "\u2013", "\u00b7")
"""Bullets by nesting level: bullet, en dash, middle dot (all in the standard fonts' encoding)."""

LIST_INDENT = Pt(14)
"""How far each list level moves in; the text of a level-0 item starts here."""

TOC_NUMBER_ROOM = Pt(36)
"""The room a contents line leaves at its end side for the page number."""


def font_variant(name: str, *, bold: bool | None = None, italic: bool | None = None) -> str:
    """The font of *name*'s family with the given weight/slant; ``None`` keeps *name*'s own.

    ``font_variant("Helvetica", bold=True, italic=True)`` is ``Helvetica-BoldOblique``,
    ``font_variant("Times-Roman", italic=True)`` is ``Times-Italic``. A font with no
    known family (a single registered TTF) is returned unchanged.
    """
    try:
        family, is_bold, is_italic = ps2tt(name)
        return tt2ps(
            family,
            int(is_bold if bold is None else bold),
            int(is_italic if italic is None else italic),
        )
    except ValueError:
        return name


def _check_font(name: str, key: str) -> str:
    try:
        pdfmetrics.getFont(name)
    except (KeyError, ValueError):
        raise RenderError(
            f"font '{name}' is not available to the PDF renderer",
            field=f"theme.brief.fonts.{key}",
            hint="list its files under font_files in theme.yaml, or use a standard PDF font (Helvetica, Times-Roman, Courier)",
        ) from None
    return name


def leading(size: float) -> Pt:
    """Line spacing for type of *size*: about 1.4, rounded to half points."""
    return Pt(round(size * 1.42 * 2) / 2)


@dataclass(frozen=True)
class Palette:
    primary: Color
    accent: Color
    text: Color
    muted: Color
    rule: Color
    box_fill: Color
    header_fill: Color
    header_text: Color
    stripe: Color
    marking: Color
    white: Color
    chart: tuple[Color, ...]

    @classmethod
    def from_theme(cls, theme: Theme) -> Palette:
        c = theme.colours
        return cls(
            primary=HexColor(c.primary),
            accent=HexColor(c.accent),
            text=HexColor(c.text),
            muted=HexColor(c.muted),
            rule=HexColor(c.rule),
            box_fill=HexColor(c.box_fill),
            header_fill=HexColor(c.table_header_fill),
            header_text=HexColor(c.table_header_text),
            stripe=HexColor(c.table_stripe),
            marking=HexColor(c.marking),
            white=HexColor("#FFFFFF"),
            chart=tuple(HexColor(value) for value in c.chart),
        )


@dataclass(frozen=True)
class Fonts:
    body: str
    bold: str
    italic: str
    heading: str
    mono: str

    @classmethod
    def from_theme(cls, theme: Theme) -> Fonts:
        body = _check_font(theme.brief.fonts.body, "body")
        return cls(
            body=body,
            bold=font_variant(body, bold=True),
            italic=font_variant(body, italic=True),
            heading=_check_font(theme.brief.fonts.heading, "heading"),
            mono=_check_font(theme.brief.fonts.mono, "mono"),
        )


@dataclass(frozen=True)
class Geometry:
    page_width: Pt
    page_height: Pt
    top: Pt
    bottom: Pt
    left: Pt
    right: Pt

    @property
    def frame_width(self) -> Pt:
        return Pt(self.page_width - self.left - self.right)

    @property
    def frame_height(self) -> Pt:
        return Pt(self.page_height - self.top - self.bottom)

    def turned(self) -> Geometry:
        """The same margins on the page turned to landscape (the long edge at the top)."""
        return Geometry(self.page_height, self.page_width, self.top, self.bottom, self.left, self.right)

    @classmethod
    def from_theme(cls, theme: Theme) -> Geometry:
        width, height = PAGE_SIZES[theme.brief.page.size]
        p = theme.brief.page
        return cls(width, height, mm(p.margin_top_mm), mm(p.margin_bottom_mm), mm(p.margin_left_mm), mm(p.margin_right_mm))


@dataclass
class Styles:
    """Paragraph styles and furniture settings for one theme."""

    theme: Theme
    colours: Palette
    fonts: Fonts
    geometry: Geometry
    sides: Sides = field(default_factory=Sides)
    """Which page side lines start on; every builder asks it (see :mod:`reportgen.render.pdf.sides`)."""
    paragraph: dict[str, ParagraphStyle] = field(default_factory=dict)
    _bullets: dict[tuple[int, bool], ParagraphStyle] = field(default_factory=dict)
    _table_text: dict[float, tuple[ParagraphStyle, ParagraphStyle]] = field(default_factory=dict)

    @classmethod
    def from_theme(cls, theme: Theme, language: str = "en") -> Styles:
        """Styles for *theme* in *language*: a right-to-left one gets a mirrored page.

        Line breaking is the same in every language (:mod:`render.pdf.linebreak`
        finds each script's breaks), so no style asks for reportlab's CJK wrap."""
        sides = Sides(mirrored=locale_for(language).right_to_left)
        styles = cls(theme, Palette.from_theme(theme), Fonts.from_theme(theme), Geometry.from_theme(theme), sides)
        styles.paragraph = _paragraph_styles(theme, styles.colours, styles.fonts, sides=sides)
        return styles

    def table_style(self, commands: Sequence[tuple[object, ...]]) -> TableStyle:
        """A table style whose cells default to the body font (reportlab's default would declare Helvetica)."""
        return TableStyle([("FONTNAME", (0, 0), (-1, -1), self.fonts.body), *commands])

    def __getitem__(self, name: str) -> ParagraphStyle:
        return self.paragraph[name]

    def table_text(self, size: float) -> tuple[ParagraphStyle, ParagraphStyle]:
        """The table header and cell styles set in *size* points (a table too wide for its type)."""
        header, cell = self.paragraph["table_header"], self.paragraph["table_cell"]
        if size == cell.fontSize:
            return header, cell
        if size not in self._table_text:
            self._table_text[size] = (
                ParagraphStyle(f"table_header-{size}", parent=header, fontSize=size, leading=leading(size)),
                ParagraphStyle(f"table_cell-{size}", parent=cell, fontSize=size, leading=leading(size)),
            )
        return self._table_text[size]

    def bullet(self, level: int, *, ordered: bool) -> ParagraphStyle:
        """The style of a list item at nesting *level* (0-based): a hanging bullet or number.

        Indents are measured from the start side; ``bulletIndent`` too (a mirrored item's
        bullet is drawn by :class:`reportgen.render.pdf.flow.EndBulletPara`, not by reportlab)."""
        key = (level, ordered)
        style = self._bullets.get(key)
        if style is None:
            body = self.paragraph["body"]
            number_room = Pt(4) if ordered else Pt(0)
            style = ParagraphStyle(
                f"bullet-{level}-{'ol' if ordered else 'ul'}",
                parent=body,
                **self.sides.indents(start=LIST_INDENT * (level + 1) + number_room),
                bulletIndent=LIST_INDENT * level,
                bulletFontName=self.fonts.bold if ordered or level >= 2 else self.fonts.body,
                bulletFontSize=body.fontSize * (1.5 if level >= 2 and not ordered else 1),
                spaceBefore=Pt(2) if level == 0 else Pt(0),
                spaceAfter=Pt(3),
            )
            style.bulletColor = self.colours.primary
            self._bullets[key] = style
        return style

    @staticmethod
    def bullet_text(level: int, ordered: bool, number: int) -> str:
        return f"{number}." if ordered else BULLET_GLYPHS[min(level, len(BULLET_GLYPHS) - 1)]


def _paragraph_styles(theme: Theme, c: Palette, f: Fonts, *, sides: Sides) -> dict[str, ParagraphStyle]:
    s = theme.brief.sizes
    body_leading = leading(s.body)
    gap = Pt(body_leading / 2)
    body = ParagraphStyle(
        "body",
        fontName=f.body,
        fontSize=s.body,
        leading=body_leading,
        textColor=c.text,
        alignment=sides.alignment,
        spaceAfter=gap,
        allowWidows=0,
        allowOrphans=0,
        bulletFontName=f.body,
    )
    set_right_to_left(body, sides.mirrored)  # every style below derives from body: lines reorder with a right-to-left base

    def derive(name: str, parent: ParagraphStyle = body, **kw: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **kw)

    def heading(name: str, size: float, colour: Color, before: float, after: float) -> ParagraphStyle:
        return derive(
            name, fontName=f.heading, fontSize=size, leading=leading(size) - 1, textColor=colour,
            spaceBefore=before, spaceAfter=after, keepWithNext=1,
        )

    small = s.small
    caption_size = small + 0.5
    styles = {
        "body": body,
        "lead": derive("lead", fontSize=s.body + 1.5, leading=leading(s.body + 1.5) + 1, textColor=c.primary,
                       spaceAfter=gap + 3, keepWithNext=1),
        "h1": heading("h1", s.h1, c.primary, Pt(26), Pt(9)),
        "h2": heading("h2", s.h2, c.primary, Pt(15), Pt(5)),
        "h3": heading("h3", s.h3, c.text, Pt(11), Pt(3)),
        "toc_title": heading("toc_title", s.h1, c.primary, Pt(0), Pt(12)),
        "toc0": derive("toc0", fontName=f.heading, textColor=c.text, spaceBefore=Pt(7),
                       **sides.indents(end=TOC_NUMBER_ROOM)),
        "toc1": derive("toc1", fontSize=s.body - 0.5, leading=leading(s.body - 0.5), textColor=c.muted,
                       spaceBefore=Pt(2), **sides.indents(start=LIST_INDENT + 4, end=TOC_NUMBER_ROOM)),
        "box_title": derive("box_title", fontName=f.heading, fontSize=s.small + 1, leading=leading(s.small + 1),
                            textColor=c.primary, spaceAfter=Pt(6),
                            textTransform="uppercase" if theme.brief.box_title_case == "upper" else "none"),
        "column_title": derive("column_title", fontName=f.heading, fontSize=s.h3, leading=leading(s.h3),
                               textColor=c.primary, spaceAfter=Pt(5), keepWithNext=1),
        "figure_label": derive("figure_label", fontName=f.heading, fontSize=s.body - 1, leading=leading(s.body - 1),
                               textColor=c.text, spaceAfter=Pt(6), keepWithNext=1),
        "caption": derive("caption", fontSize=caption_size, leading=leading(caption_size), textColor=c.muted,
                          spaceBefore=Pt(6), spaceAfter=0),
        "source": derive("source", fontSize=small, leading=leading(small), textColor=c.muted,
                         spaceBefore=Pt(2), spaceAfter=0),
        "table_header": derive("table_header", fontName=f.bold, fontSize=caption_size, leading=leading(caption_size),
                               textColor=c.header_text, spaceAfter=0),
        "table_cell": derive("table_cell", fontSize=caption_size, leading=leading(caption_size), spaceAfter=0),
        "quote": derive("quote", fontName=font_variant(f.body, italic=True), fontSize=s.body + 0.5,
                        leading=leading(s.body + 0.5) + 1),
        "code": derive("code", fontName=f.mono, fontSize=small + 0.5, leading=leading(small + 0.5), spaceAfter=0),
        "cover_title": derive("cover_title", fontName=f.heading, fontSize=s.title, leading=s.title * 1.18,
                              textColor=c.primary, spaceAfter=0),
        "cover_subtitle": derive("cover_subtitle", fontSize=s.h2 + 3, leading=leading(s.h2 + 3), textColor=c.muted,
                                 spaceAfter=0),
        "cover_author": derive("cover_author", fontName=f.bold, fontSize=s.body + 1, leading=leading(s.body + 1),
                               spaceAfter=Pt(2)),
        "cover_meta": derive("cover_meta", textColor=c.muted, spaceAfter=0),
        "masthead_title": derive("masthead_title", fontName=f.heading, fontSize=s.title * 0.75,
                                 leading=s.title * 0.75 * 1.18, textColor=c.primary, spaceAfter=Pt(4)),
        "masthead_meta": derive("masthead_meta", textColor=c.muted, spaceAfter=0),
    }
    return styles
