"""Text that reads on its slide's background: each frame's colour checked against what lies under it.

A readability floor, so it comes before the master's theme in the order of
precedence (docs/templates.md): text whose colour contrasts less than WCAG's
4.5:1 (3:1 for large text) with the effective background under its box
(:mod:`background`: solid fills through the colour map, gradients at their worst
stop, pictures by their average in the box) is drawn in whichever of the
scheme's dark and light text colours contrasts more; when neither reaches it,
the build says so once per layout and colour.
"""

from __future__ import annotations

import warnings

from reportgen.colour import is_large, readable
from reportgen.errors import ReportgenWarning
from reportgen.render.pptx.background import background, dark_and_light
from reportgen.render.pptx.inherited import TextLook
from reportgen.render.pptx.text import Style
from reportgen.slides.model import Frame


class Legibility:
    """The colour each frame needs on a deck's master (cached per layout, box and colour)."""

    def __init__(self, master) -> None:
        self.master = master
        self._verdicts: dict[tuple, str | None] = {}
        self._warned: set[tuple[str, str]] = set()

    def colour(self, layout: str, frame: Frame, style: Style, inherited: TextLook | None = None) -> str | None:
        """The colour to draw all of *frame*'s text in, when its own (else what its placeholder gives it,
        *inherited*) does not read there (None: keep its own)."""
        if not frame.paras or not any(p.runs for p in frame.paras):
            return None
        slide_layout = self.master.slide_layout(layout)
        smallest = min(frame.paras, key=lambda p: p.size)
        own = style.colour(smallest, frame.role)
        given = inherited.colour if inherited is not None else ""
        key = (layout, frame.box, own or given, is_large(smallest.size.pt, all(r.bold for r in smallest.runs)))
        if key not in self._verdicts:
            found = background(self.master.prs, slide_layout, frame.box)
            dark, light = dark_and_light(found.theme)
            text = own or given or found.theme.colour("tx1")  # a colour the set leaves to the master: the placeholder's, else tx1
            verdict = readable(text, found.samples, key[3], dark, light)
            if verdict.warning and (layout, text) not in self._warned:
                self._warned.add((layout, text))
                warnings.warn(ReportgenWarning(f"{self.master.source}, layout '{slide_layout.name}': {verdict.warning}", field="colours",
                                               hint="name a text colour that reads on this background in theme.yaml, or choose another layout"),
                              stacklevel=2)
            self._verdicts[key] = None if verdict.colour == text else verdict.colour
        return self._verdicts[key]
