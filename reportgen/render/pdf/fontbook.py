"""The fonts one brief draws with, per script: the chains of :mod:`reportgen.fonts.chain` resolved to
registered reportlab fonts, loaded only when a character needs them.

A family comes from the template set's ``font_files`` (registered as they are), else from reportgen's
embedded fonts or the system's, which are first cut down to the characters this brief uses and,
when their outlines are CFF, converted to TrueType (:func:`reportgen.fonts.truetype.truetype_subset`),
because reportlab embeds only TrueType. Each such copy is registered under a name that includes
its character set, so two builds in one process never share a subset that lacks a character.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from reportgen.errors import RenderError
from reportgen.fonts import embedded, system
from reportgen.fonts.chain import DEFAULT_CHAINS, OTHER, han_key, script_key
from reportgen.locale import locale_for
from reportgen.render.pdf._internals import register_fresh
from reportgen.render.pdf.families import register
from reportgen.scripts import script_of
from reportgen.theme import Theme

HAN_ORDER = ("Hant", "Kore", "Jpan", "Hans")
"""Where a Han character missing from its language's fonts is looked for next (Traditional fonts have the most)."""
HAN_KEYS = frozenset(HAN_ORDER)
_MAIN_KEYS = {"Jpan": "Jpan", "Hang": "Kore", "Hans": "Hans", "Hant": "Hant"}
"""A locale's main script -> the chain that sets an east-Asian brief throughout."""


@dataclass
class FontBook:
    """Resolves and registers the families of each script's chain for one brief."""

    theme: Theme
    language: str
    chars: frozenset[str]
    """Every character the brief will draw: what embedded and system fonts are cut down to."""
    _sources: dict[str, Source | None] = field(default_factory=dict)
    _names: dict[tuple[Path, int], str | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.locale = locale_for(self.language)
        self.han = han_key(self.locale.key, default=self.theme.brief.fonts.han)

    def han_for(self, context: str, lang: str | None = None) -> str:
        """The key of Han characters in a field whose text is *context*, in a span of language *lang*."""
        if lang:
            return han_key(locale_for(lang).key, context, self.theme.brief.fonts.han)
        if self.locale.key in ("ja", "ko", "zh-Hans", "zh-Hant"):
            return self.han
        return han_key("", context, self.theme.brief.fonts.han)

    def chain(self, key: str) -> list[str]:
        """The families tried for script *key*, best first: the theme's, then reportgen's."""
        fonts = self.theme.brief.fonts
        named = list(fonts.scripts.get(key, []))  # type: ignore[call-overload]
        if key in HAN_KEYS and fonts.cjk:
            named.append(fonts.cjk)
        return list(dict.fromkeys(named + list(DEFAULT_CHAINS.get(key, ()))))

    def east_asian_body(self) -> tuple[str, str] | None:
        """For a Chinese, Japanese or Korean brief whose theme names no CJK font: the regular and bold
        fonts of its script's chain, which set the whole brief (Latin included, for one colour of type)."""
        if not self.locale.east_asian or self.theme.brief.fonts.cjk:
            return None
        key = _MAIN_KEYS.get(self.locale.scripts[0])
        for family in self.chain(key) if key else ():
            name = self.register(family)
            if name:
                return name, _bold_of(name)
        return None

    def font_for(self, char: str, key: str | None) -> str | None:
        """The registered font that draws *char* of script *key* (None: no font can)."""
        source = self.source_for(char, key)
        return self.register_source(source) if source is not None else None

    def source_for(self, char: str, key: str | None) -> Source | None:
        """The first family of *key*'s chain whose font has *char*, then any installed font that has it;
        read from the font files' character maps, nothing registered."""
        keys = [key] if key and key != OTHER else []
        if key in HAN_KEYS and script_of(char) == "Hani":  # a character one language's fonts lack: another's forms, not a blank
            keys += [other for other in HAN_ORDER if other != key]
        if key is None:  # shared punctuation (、。《》): the brief's own script first, then the fonts that have most
            main = _MAIN_KEYS.get(self.locale.scripts[0], self.locale.scripts[0])
            keys = list(dict.fromkeys([main, *HAN_ORDER, "Zsym", "Latn"]))
        for family in (family for each in keys for family in self.chain(each)):
            source = self.resolve(family)
            if source is not None and char in source.chars:
                return source
        for face in system.covering(char):
            source = _source(" ".join(face.families[:1]) or face.path.stem, face.path, face.index, None, 0)
            if source is not None and char in source.chars:
                return source
        return None

    def key_of(self, char: str, han: str) -> str | None:
        return script_key(char, han)

    def resolve(self, family: str) -> Source | None:
        """Where *family*'s files are: the template set's, reportgen's embedded, or the system's (None: nowhere)."""
        if family not in self._sources:
            self._sources[family] = self._find(family)
        return self._sources[family]

    def _find(self, family: str) -> Source | None:
        theme_faces = self.theme.font_paths.get(family)
        if theme_faces:
            return Source(family, theme_faces["regular"], 0, None, 0, theme=True)
        if family in embedded.families():
            faces = embedded.families()[family]
            return _source(family, faces["regular"], 0, faces.get("bold"), 0)
        regular = system.find(family)
        if regular is None:
            return None
        bold = system.find(family, bold=True)
        bold_path = bold.path if bold is not None and bold.bold else None
        return _source(family, regular.path, regular.index, bold_path, bold.index if bold is not None else 0)

    def register(self, family: str) -> str | None:
        """The reportlab name of *family*'s regular face, registered with its bold (None: not found)."""
        source = self.resolve(family)
        return self.register_source(source) if source is not None else None

    def register_source(self, source: Source) -> str | None:
        key = (source.path, source.index)
        if key not in self._names:
            if source.theme:
                register(self.theme, source.family)
                self._names[key] = source.family
            else:
                self._names[key] = self._register_file(source)
        return self._names[key]

    def _register_file(self, source: Source) -> str | None:
        regular = self._load(source.family, source.path, source.index)
        if regular is None:
            return None
        bold_name = (self._load(source.family, source.bold, source.bold_index, "-Bold") if source.bold else None) or regular
        # italic falls back to upright (CJK and most complex-script families have none); the plain
        # pairs come last, because reportlab reads a face's own weight back from its last mapping
        for is_bold, is_italic in ((0, 1), (1, 1), (0, 0), (1, 0)):
            addMapping(regular, is_bold, is_italic, bold_name if is_bold else regular)
        _BOLD[regular] = bold_name
        return regular

    def _load(self, family: str, path: Path, index: int, suffix: str = "") -> str | None:
        from reportgen.fonts.truetype import truetype_subset  # fontTools' subsetter costs 70 ms to import: only when a font needs it

        try:
            subset = truetype_subset(path, self.chars, font_number=index)
        except RenderError:
            return None
        name = "".join(family.split()) + suffix + "-" + subset.stem[-10:]
        try:
            pdfmetrics.getFont(name)
        except (KeyError, ValueError):
            try:
                return register_fresh(TTFont(name, str(subset)))
            except Exception:  # noqa: BLE001  # reportlab reports a broken font in many ways; the chain moves on
                return None
        return name


@dataclass(frozen=True)
class Source:
    """A family's files, and the characters its regular face has."""

    family: str
    path: Path
    index: int
    bold: Path | None
    bold_index: int
    theme: bool = False
    """From the template set's ``font_files`` (registered as it is, with all its faces)."""

    @property
    def chars(self) -> frozenset[str]:
        return character_map(self.path, self.index)


def _source(family: str, path: Path, index: int, bold: Path | None, bold_index: int) -> Source | None:
    """The source, if its file can be read and has outlines reportlab can be given (not colour bitmaps)."""
    return Source(family, path, index, bold, bold_index) if character_map(path, index) else None


@cache
def character_map(path: Path, index: int = 0) -> frozenset[str]:
    """The characters the font at *path* (number *index* of a collection) has outlines for; empty when
    it cannot be read or draws only bitmaps (colour emoji), which a PDF font program cannot carry."""
    from fontTools.ttLib import TTFont as TTFontFile  # only a brief beyond its theme's fonts reads other fonts

    try:
        with TTFontFile(str(path), fontNumber=index, lazy=True) as font:
            if not ("glyf" in font or "CFF " in font) or "CBDT" in font or "sbix" in font:
                return frozenset()
            return frozenset(map(chr, font.getBestCmap() or {}))
    except Exception:  # noqa: BLE001  # fontTools reports a damaged file as any of a dozen exception types
        return frozenset()


_BOLD: dict[str, str] = {}
"""Registered regular face -> its bold (reportlab's own mapping is keyed by family, not by this name)."""


def _bold_of(name: str) -> str:
    return _BOLD.get(name, name)
