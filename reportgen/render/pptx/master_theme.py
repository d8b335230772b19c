"""A slide master's theme as plain data: its font scheme, its colour scheme and its colour map.

What a run that names nothing is drawn in comes from here: ``+mj-lt`` is the
theme's major (heading) Latin face, ``+mn-lt`` its minor (body) one, and a
scheme colour such as ``tx1`` goes through the master's colour map
(``p:clrMap``: ``tx1`` -> ``dk1``) to a colour of the theme's scheme. A system
colour (``a:sysClr``) is read as the ``lastClr`` PowerPoint saved with it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from reportgen.render.pptx import _internals
from reportgen.render.pptx.xml import qn

SCHEME_COLOURS = ("dk1", "lt1", "dk2", "lt2", "accent1", "accent2", "accent3", "accent4", "accent5", "accent6", "hlink", "folHlink")
DEFAULT_MAP = {"bg1": "lt1", "tx1": "dk1", "bg2": "lt2", "tx2": "dk2", "accent1": "accent1", "accent2": "accent2", "accent3": "accent3",
               "accent4": "accent4", "accent5": "accent5", "accent6": "accent6", "hlink": "hlink", "folHlink": "folHlink"}
"""PowerPoint's usual colour map, used where a master gives none."""
_FALLBACK = {"dk1": "000000", "lt1": "FFFFFF", "dk2": "44546A", "lt2": "E7E6E6", "accent1": "4472C4", "accent2": "ED7D31",
             "accent3": "A5A5A5", "accent4": "FFC000", "accent5": "5B9BD5", "accent6": "70AD47", "hlink": "0563C1", "folHlink": "954F72"}
"""Office's own scheme, for a theme that lacks a colour (hex, upper case)."""


@dataclass(frozen=True)
class FontScheme:
    """One half of a font scheme (major: headings; minor: body): its Latin, East Asian and complex-script faces,
    and the face it names per script (``Jpan``, ``Hang``...). An empty string is a face the scheme leaves unnamed."""

    latin: str = ""
    east_asian: str = ""
    complex_script: str = ""
    scripts: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class MasterTheme:
    """The theme a slide master uses."""

    name: str = ""
    major: FontScheme = FontScheme()
    minor: FontScheme = FontScheme()
    colours: dict[str, str] = field(default_factory=lambda: dict(_FALLBACK))
    """Scheme colour (``dk1``...``folHlink``) -> hex, upper case, no ``#``."""
    colour_map: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_MAP))
    """What the master maps ``bg1``, ``tx1``... to (``lt1``, ``dk1``...)."""

    def colour(self, name: str) -> str:
        """The hex of a scheme colour as a slide names it (``tx1``, ``bg2``, ``accent3``, ``dk1``, ``phClr``: tx1)."""
        name = self.colour_map.get(name, name)
        return self.colours.get(name, _FALLBACK.get(name, "000000"))

    def face(self, name: str) -> str:
        """The face a theme-font reference names (``+mj-lt`` -> the major Latin face); any other name is itself."""
        if not name.startswith("+m"):
            return name
        half = self.major if name.startswith("+mj") else self.minor
        return {"lt": half.latin, "ea": half.east_asian, "cs": half.complex_script}.get(name[-2:], "")

    @property
    def accents(self) -> tuple[str, ...]:
        return tuple(self.colours[f"accent{i}"] for i in range(1, 7))


def read_theme(prs, index: int = 0) -> MasterTheme:
    """The theme of slide master *index* of the python-pptx presentation *prs* (Office's defaults where it is silent)."""
    master = prs.slide_masters[index]
    element = _internals.element(master)
    colour_map = dict(DEFAULT_MAP)
    found = element.find(qn("p:clrMap"))
    if found is not None:
        colour_map.update({key: value for key, value in found.attrib.items() if key in DEFAULT_MAP})
    theme_part = next((rel.target_part for rel in master.part.rels.values() if rel.reltype.endswith("/theme")), None)
    if theme_part is None:
        return MasterTheme(colour_map=colour_map)
    root = etree.fromstring(theme_part.blob, etree.XMLParser(resolve_entities=False, no_network=True))
    return MasterTheme(str(root.get("name") or ""), _fonts(root, "majorFont"), _fonts(root, "minorFont"), _colours(root), colour_map)


def _fonts(root: etree._Element, tag: str) -> FontScheme:
    half = root.find(f".//{qn('a:fontScheme')}/{qn(f'a:{tag}')}")
    if half is None:
        return FontScheme()

    def face(child: str) -> str:
        el = half.find(qn(f"a:{child}"))
        return str(el.get("typeface") or "") if el is not None else ""

    scripts = {str(el.get("script")): str(el.get("typeface") or "") for el in half.iterfind(qn("a:font")) if el.get("script")}
    return FontScheme(face("latin"), face("ea"), face("cs"), scripts)


def _colours(root: etree._Element) -> dict[str, str]:
    scheme = root.find(f".//{qn('a:clrScheme')}")
    colours = dict(_FALLBACK)
    if scheme is None:
        return colours
    for name in SCHEME_COLOURS:
        slot = scheme.find(qn(f"a:{name}"))
        if slot is None or len(slot) == 0:
            continue
        value = slot[0].get("val") if slot[0].tag == qn("a:srgbClr") else slot[0].get("lastClr")
        if value and len(value) == 6:
            colours[name] = value.upper()
    return colours
