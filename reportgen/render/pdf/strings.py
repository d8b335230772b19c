"""Text drawn outside paragraphs (page furniture, chart labels): shaped and in visual order when it needs it.

``canvas.drawString`` and reportlab.graphics' ``String`` draw a string as it
comes; one already shaped (a reportlab ``ShapedStr``) is drawn glyph by glyph
with HarfBuzz's positions, and on a :class:`~reportgen.render.pdf._internals_text.SourceCanvas`
with its source characters marked for copy and search.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.graphics.shapes import String
from reportlab.lib.colors import Color
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from reportgen.render.pdf._internals import current_font
from reportgen.render.pdf._internals_lines import shaped_text
from reportgen.render.pdf.bidi import levels, needs_reordering, visual_order
from reportgen.render.pdf.fonts import segments
from reportgen.scripts import needs_shaping


def drawn(text: str, font: str, size: float, *, rtl: bool = False) -> str:
    """*text* ready to draw in *font* at *size*: unchanged unless it has a script that needs shaping
    or right-to-left characters (base direction right to left when *rtl*)."""
    if not text or not (needs_shaping(text) or (rtl and needs_reordering(text, rtl=rtl))):
        return text
    return shaped_text(text, font, size, rtl=rtl)


@dataclass(frozen=True)
class Piece:
    """A stretch of a line in one font, ready to draw (shaped, in visual order), and its width."""

    text: str
    font: str
    width: float


def pieces(text: str, font: str, size: float, *, rtl: bool = False, spacing: float = 0) -> list[Piece]:
    """*text* as it is drawn, left to right: cut where its font changes (each character in the font its
    script's chain names, :func:`~reportgen.render.pdf.fonts.segments`) and where its bidi level
    changes, the stretches in visual order, each shaped. *spacing* is added after every character."""
    parts = [(piece, chosen or font) for piece, chosen in segments(text)]
    if len(parts) == 1:
        return [_piece(text, parts[0][1], size, rtl, spacing)]
    resolved = levels(text, rtl=rtl) if needs_reordering(text, rtl=rtl) else [0] * len(text)
    runs: list[tuple[str, str, int]] = []
    position = 0
    for piece, chosen in parts:
        for char in piece:
            level = resolved[position]
            position += 1
            # spaces are stretches of their own: shaping a word with its space would drop the space
            if runs and runs[-1][1] == chosen and runs[-1][2] == level and runs[-1][0][-1].isspace() == char.isspace():
                runs[-1] = (runs[-1][0] + char, chosen, level)
            else:
                runs.append((char, chosen, level))
    order = visual_order([level for _, _, level in runs])
    return [_piece(runs[i][0], runs[i][1], size, runs[i][2] % 2 == 1, spacing) for i in order]


def _piece(text: str, font: str, size: float, rtl: bool, spacing: float) -> Piece:
    shown = drawn(text, font, size, rtl=rtl)
    data = getattr(shown, "__shapeData__", None)
    width = sum(glyph.x_advance for glyph in data) * size / 1000 if data else stringWidth(shown, font, size)
    return Piece(shown, font, width + spacing * len(shown))


def draw_line(canv: Canvas, x: float, y: float, text: str, font: str, size: float, *,
              align: str = "left", rtl: bool = False, spacing: float = 0) -> None:
    """Draw *text* on one line at *x* (its left edge, right edge or middle by *align*: ``left``,
    ``right``, ``centre``), each stretch in its own font; *spacing* tracks the letters."""
    drawn_pieces = pieces(text, font, size, rtl=rtl, spacing=spacing)
    total = sum(piece.width for piece in drawn_pieces) - (spacing if drawn_pieces else 0)  # no tracking after the last letter
    start = {"left": x, "right": x - total, "centre": x - total / 2}[align]
    for piece in drawn_pieces:
        if current_font(canv) != (piece.font, size):
            canv.setFont(piece.font, size)
        canv.drawString(start, y, piece.text, charSpace=spacing)
        start += piece.width


def label(x: float, y: float, text: str, font: str, size: float, colour: Color) -> list[String]:
    """A chart's *text* from *x* on baseline *y* as graphics strings, one per font stretch (:func:`pieces`)."""
    out = []
    for piece in pieces(text, font, size):
        out.append(String(x, y, piece.text, fontName=piece.font, fontSize=size, fillColor=colour))
        x += piece.width
    return out
