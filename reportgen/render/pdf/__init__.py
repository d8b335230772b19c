"""The PDF brief renderer: a :class:`Document` and a :class:`Theme` in, PDF bytes out.

Modules, in the order the data flows:

- ``units``   lengths as points (``Pt``, ``mm``), page sizes
- ``styles``  theme -> fonts, colours, paragraph styles, page geometry (the only place fonts are chosen)
- ``sides``   the page's direction: which side lines start on (a right-to-left brief is mirrored)
- ``inline``  runs -> escaped paragraph markup; ``flow`` the paragraph flowable used everywhere
- ``story``   blocks -> flowables (``cover``, ``contents``, ``figures`` -> ``charts``/``tables`` for the parts)
- ``keep``, ``balance``  the story's page breaks: headings kept with what follows, a fuller last page
- ``page``    page templates, furniture (markings, header, footer), outline, TOC passes, metadata
"""

from __future__ import annotations

from reportgen.document.characters import characters
from reportgen.document.model import Container, Document
from reportgen.document.text import ELLIPSIS
from reportgen.document.vocab import ContainerKind
from reportgen.render.pdf import fonts
from reportgen.render.pdf.balance import balance_last_page
from reportgen.render.pdf.cover import BODY, COVER
from reportgen.render.pdf.keep import keep_with_next
from reportgen.render.pdf.page import build_pdf
from reportgen.render.pdf.story import StoryBuilder
from reportgen.render.pdf.styles import BULLET_GLYPHS, Styles
from reportgen.theme import Theme

__all__ = ["check_texts", "render", "render_pdf"]


def render_pdf(document: Document, theme: Theme) -> bytes:
    """The whole PDF brief for *document* in *theme*'s look, as bytes (identical input, identical bytes)."""
    fonts.register(theme)
    book = fonts.FontBook(theme, document.info.language, characters(document) | _furniture(theme))
    east_asian = book.east_asian_body()
    if east_asian is not None:
        theme = _set_in(theme, *east_asian)
    styles = Styles.from_theme(theme, language=document.info.language)
    with fonts.fallback(book, styles.fonts.body), fonts.graphics_default(styles.fonts.body):
        story = StoryBuilder(document, styles).build()
        story = balance_last_page(keep_with_next(story), styles.geometry.frame_height)
        blocks = document.blocks
        starts_with_cover = bool(blocks) and isinstance(blocks[0], Container) and blocks[0].kind == ContainerKind.COVER
        return build_pdf(story, document.info, styles, first=COVER if starts_with_cover else BODY)


def _set_in(theme: Theme, body: str, heading: str) -> Theme:
    """*theme* with its brief's body and heading fonts replaced."""
    fonts = theme.brief.fonts.model_copy(update={"body": body, "heading": heading})
    return theme.model_copy(update={"brief": theme.brief.model_copy(update={"fonts": fonts})})


def _furniture(theme: Theme) -> frozenset[str]:
    """The characters of the words and numbers the renderer draws itself (page furniture, labels)."""
    words = "".join(str(value) for value in theme.strings.model_dump().values())
    return frozenset(words + "0123456789.,:;%-+()/ " + "".join(BULLET_GLYPHS) + ELLIPSIS)


render = render_pdf
"""The :class:`reportgen.render.base.Renderer` entry point."""

check_texts = fonts.report_missing_glyphs
"""Characters no configured font can draw are warned about before rendering (the brief would show a blank)."""
