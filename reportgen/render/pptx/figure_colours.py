"""Which colours a deck's charts and tables are drawn in: the set's, or the master's theme colours.

Without a corporate master every colour is the set's hex (``a:srgbClr``), as it
always was. On a corporate master, a colour the set does not name is written as
a scheme colour (``a:schemeClr accent1``, ``tx1``...), so the figure follows the
master's theme (and a later change of theme in PowerPoint): series in the
accents, table headers in accent1 with bg1 text, stripes and rules as tints of
the theme; chart text names no colour and inherits the master's tx1.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_THEME_COLOR

from reportgen.render.pptx.xml import qn
from reportgen.theme import Theme

_THEME_COLOURS = {"tx1": MSO_THEME_COLOR.TEXT_1, "bg1": MSO_THEME_COLOR.BACKGROUND_1,
                  **{f"accent{i}": getattr(MSO_THEME_COLOR, f"ACCENT_{i}") for i in range(1, 7)}}
_FILLS = ("a:noFill", "a:solidFill", "a:gradFill", "a:blipFill", "a:pattFill", "a:grpFill")


@dataclass(frozen=True)
class Paint:
    """One colour as a slide writes it: a hex (``rgb``) or a scheme colour (``scheme``), optionally tinted
    the way PowerPoint's palette does (``lumMod``/``lumOff`` in thousandths of a percent: 20000/80000 is
    "Lighter 80%")."""

    rgb: str = ""
    scheme: str = ""
    lum_mod: int = 0
    lum_off: int = 0

    def element(self) -> etree._Element:
        """The ``a:srgbClr`` or ``a:schemeClr`` element of this colour."""
        if not self.scheme:
            return etree.Element(qn("a:srgbClr"), val=self.rgb)
        el = etree.Element(qn("a:schemeClr"), val=self.scheme)
        if self.lum_mod:
            etree.SubElement(el, qn("a:lumMod"), val=str(self.lum_mod))
            etree.SubElement(el, qn("a:lumOff"), val=str(self.lum_off))
        return el

    def apply(self, colour_format) -> None:
        """Give a python-pptx ``ColorFormat`` (a fill's ``fore_color``, a line's or a font's ``color``) this colour."""
        if not self.scheme:
            colour_format.rgb = RGBColor.from_string(self.rgb)
            return
        colour_format.theme_color = _THEME_COLOURS[self.scheme]
        if self.lum_mod:
            colour_format.brightness = self.lum_off / 100000


def _hex(value: str) -> Paint:
    return Paint(rgb=value.lstrip("#").upper())


@dataclass(frozen=True)
class FigureColours:
    """The colours of one deck's charts and tables. ``None`` for a text colour: name none, inherit the master's."""

    series: tuple[Paint, ...]
    text: Paint | None
    muted: Paint | None
    axis_line: Paint
    gridline: Paint
    header_fill: Paint
    header_text: Paint
    stripe: Paint
    cell_fill: Paint
    rule: Paint
    corporate: bool = False

    @classmethod
    def of(cls, theme: Theme, corporate: bool) -> FigureColours:
        """The set's colours; on a *corporate* master, the master's theme colours for those the set leaves unnamed."""
        c = theme.colours
        if not corporate:
            return cls(tuple(_hex(x) for x in c.chart), _hex(c.text), _hex(c.muted), _hex(c.muted), _hex("#D9DEE5"),
                       _hex(c.table_header_fill), _hex(c.table_header_text), _hex(c.table_stripe), _hex("#FFFFFF"), _hex(c.rule))

        def pick(key: str, master: Paint) -> Paint:
            return _hex(getattr(c, key)) if theme.named("colours", key) else master

        def text(key: str) -> Paint | None:
            return _hex(getattr(c, key)) if theme.named("colours", key) else None

        series = tuple(_hex(x) for x in c.chart) if theme.named("colours", "chart") else tuple(Paint(scheme=f"accent{i}") for i in range(1, 7))
        line = Paint(scheme="tx1", lum_mod=25000, lum_off=75000)  # PowerPoint's own tint for axis lines and rules
        return cls(
            series=series, text=text("text"), muted=text("muted"), axis_line=pick("muted", line),
            gridline=Paint(scheme="tx1", lum_mod=15000, lum_off=85000), header_fill=pick("table_header_fill", Paint(scheme="accent1")),
            header_text=pick("table_header_text", Paint(scheme="bg1")), stripe=pick("table_stripe", Paint(scheme="accent1", lum_mod=20000, lum_off=80000)),
            cell_fill=Paint(scheme="bg1"), rule=pick("rule", line), corporate=True,
        )


def paint_runs(txbody: etree._Element, paint: Paint) -> None:
    """Every run of *txbody* in *paint*, whatever fill its ``a:rPr`` had (the fill goes after ``a:ln``, as the schema orders it)."""
    for rpr in txbody.iter(qn("a:rPr")):
        for tag in _FILLS:
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
        solid = etree.Element(qn("a:solidFill"))
        solid.append(paint.element())
        rpr.insert(1 if rpr.find(qn("a:ln")) is not None else 0, solid)
