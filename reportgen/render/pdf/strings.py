"""Text drawn outside paragraphs (page furniture, chart labels): shaped and in visual order when it needs it.

``canvas.drawString`` and reportlab.graphics' ``String`` draw a string as it
comes; one already shaped (a reportlab ``ShapedStr``) is drawn glyph by glyph
with HarfBuzz's positions, and on a :class:`~reportgen.render.pdf._internals_text.SourceCanvas`
with its source characters marked for copy and search.
"""

from __future__ import annotations

from reportgen.render.pdf._internals_lines import shaped_text
from reportgen.render.pdf.bidi import needs_reordering
from reportgen.scripts import needs_shaping


def drawn(text: str, font: str, size: float, *, rtl: bool = False) -> str:
    """*text* ready to draw in *font* at *size*: unchanged unless it has a script that needs shaping
    or right-to-left characters (base direction right to left when *rtl*)."""
    if not text or not (needs_shaping(text) or (rtl and needs_reordering(text, rtl=rtl))):
        return text
    return shaped_text(text, font, size, rtl=rtl)
