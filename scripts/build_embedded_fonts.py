"""Make the fonts reportgen ships for East Asian text and symbols, from the system's fonts.

    python scripts/build_embedded_fonts.py     # writes reportgen/fonts/data/ (needs fonts-noto-cjk,
                                               # fonts-dejavu-core and unicode-data installed)

Each Noto Sans CJK face (JP, KR, SC, TC; regular and bold) is cut down to its language's
repertoire: the character sets below plus punctuation, full-width forms and basic Latin, with
hinting and the vertical-writing tables dropped (the brief sets text horizontally). They stay CFF
OpenType: smaller than TrueType outlines, and ``reportgen.fonts.truetype`` converts the
characters a build uses when reportlab needs them. The symbols font is a TrueType subset of
DejaVu Sans. The character sets are written beside the fonts (``charsets/*.txt``) so the tests
check coverage without these system files.

The output is reproducible: the same sources give the same bytes (timestamps are the sources').
"""

from __future__ import annotations

import bz2
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont

from reportgen.fonts.truetype import VERTICAL_FEATURES

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "reportgen" / "fonts" / "data"
CHARSETS = DATA / "charsets"
NOTO_CJK = Path("/usr/share/fonts/opentype/noto")
DEJAVU = Path("/usr/share/fonts/truetype/dejavu")
UNIHAN_MAPPINGS = Path("/usr/share/unicode/Unihan_OtherMappings.txt.bz2")
NOTO_CJK_COPYRIGHT = Path("/usr/share/doc/fonts-noto-cjk/copyright")

HAN_RANGES = ((0x3400, 0x4DBF), (0x4E00, 0x9FFF), (0xF900, 0xFAFF), (0x20000, 0x3FFFF))
HAN_MARKS = "々〆〇"
"""Ideographic iteration and closing marks and the ideographic zero: Han script, outside the blocks."""

SYMBOLS_NAMED = "≥≤±×÷→←↑↓↔✓✗€£¥•…–—‰°′″№™©®"
"""The symbols briefs use most, which the symbols font must draw whatever its blocks."""


def _span(first: int, last: int) -> set[str]:
    return {chr(code) for code in range(first, last + 1)}


def is_han(char: str) -> bool:
    return len(char) == 1 and (any(first <= ord(char) <= last for first, last in HAN_RANGES) or char in HAN_MARKS)


def _decode_all(codec: str, leads: Iterable[int], trails: Iterable[int], prefix: bytes = b"") -> Iterator[str]:
    """Every text *codec* decodes from ``prefix + lead + trail``; undefined codes are skipped."""
    trail_list = list(trails)
    for lead in leads:
        for trail in trail_list:
            try:
                yield (prefix + bytes((lead, trail))).decode(codec)
            except UnicodeDecodeError:
                continue


EUC_TRAILS = range(0xA1, 0xFF)
BIG5_TRAILS = [*range(0x40, 0x7F), *range(0xA1, 0xFF)]
JIS_X_0213_PLANE_2_ROWS = (1, 3, 4, 5, 8, 12, 13, 14, 15, *range(78, 95))
"""The rows JIS X 0213 defines in plane 2; Python's euc_jis_2004 also decodes JIS X 0212 in the others."""


def hangul_syllables() -> set[str]:
    return _span(0xAC00, 0xD7A3)


def hangul_compatibility_jamo() -> set[str]:
    return _span(0x3131, 0x318E)


def ks_x_1001_hanja() -> set[str]:
    """Rows 42-93 of KS X 1001 (EUC-KR lead bytes 0xCA-0xFD): its 4,888 hanja."""
    return set(_decode_all("euc_kr", range(0xCA, 0xFE), EUC_TRAILS))


def big5_han() -> set[str]:
    """Big5's frequent (0xA440-0xC67E) and less frequent (0xC940-0xF9D5) Han, plus the seven ETEN additions."""
    codes = [*_decode_all("big5", range(0xA4, 0xC6), BIG5_TRAILS), *_decode_all("big5", [0xC6], range(0x40, 0x7F))]
    codes += _decode_all("big5", range(0xC9, 0xFA), BIG5_TRAILS)
    found = {text for text in codes if is_han(text)}
    found |= {text for text in _decode_all("cp950", [0xF9], range(0xD6, 0xFF)) if is_han(text)}
    return found


def jis_x_0213_characters() -> set[str]:
    """Every character of JIS X 0213 (planes 1 and 2); a few codes decode to a base and a combining mark."""
    texts = [*_decode_all("euc_jis_2004", range(0xA1, 0xFF), EUC_TRAILS)]
    texts += _decode_all("euc_jis_2004", [0xA0 + row for row in JIS_X_0213_PLANE_2_ROWS], EUC_TRAILS, b"\x8f")
    return set("".join(texts))


def jis_x_0208_kanji() -> set[str]:
    """Rows 16-84 of JIS X 0208 (EUC-JP lead bytes 0xB0-0xF4)."""
    return {text for text in _decode_all("euc_jp", range(0xB0, 0xF5), EUC_TRAILS) if is_han(text)}


def kana() -> set[str]:
    return _span(0x3041, 0x3096) | _span(0x3099, 0x30FF) | _span(0x31F0, 0x31FF)


def general_standard_chinese(mappings: Path = UNIHAN_MAPPINGS) -> set[str]:
    """The 8,105 characters of the Table of General Standard Chinese Characters (Unihan's kTGH field)."""
    found: set[str] = set()
    with bz2.open(mappings, "rt", encoding="utf-8") as lines:
        for line in lines:
            fields = line.rstrip("\n").split("\t")
            if len(fields) == 3 and fields[1] == "kTGH":
                found.add(chr(int(fields[0][2:], 16)))
    return found


def shared_repertoire() -> set[str]:
    """What every CJK face also draws, so a run of East Asian text needs no other font for its punctuation."""
    return (
        _span(0x20, 0x7E)
        | _span(0xA0, 0xFF)
        | _span(0x2010, 0x2027)
        | _span(0x2030, 0x205E)
        | _span(0x2460, 0x24FF)
        | _span(0x3000, 0x303F)
        | _span(0x3200, 0x33FF)
        | _span(0xFF01, 0xFFEF)
    )


def symbol_repertoire() -> set[str]:
    """The symbols font's blocks: arrows, mathematical operators, letterlike, currency, shapes, check marks."""
    return (
        set(SYMBOLS_NAMED)
        | _span(0x2190, 0x21FF)
        | _span(0x2200, 0x22FF)
        | _span(0x27F0, 0x27FF)
        | _span(0x2100, 0x214F)
        | _span(0x20A0, 0x20C0)
        | _span(0x2010, 0x205E)
        | _span(0x2300, 0x23FF)
        | _span(0x25A0, 0x25FF)
        | _span(0x2700, 0x27BF)
        | {"\u00b0", "\u00b1", "\u00d7", "\u00f7", "\u00a9", "\u00ae", "\u00ac", "\u00b5"}
    )


REQUIRED_SYMBOLS = set(SYMBOLS_NAMED) | _span(0x2190, 0x21FF) | _span(0x2200, 0x22FF)


@dataclass(frozen=True)
class Face:
    """One shipped font: where it comes from and which character sets it must cover in full."""

    name: str
    source: Path
    font_number: int
    family: str
    required: tuple[str, ...]
    extras: frozenset[str]


def charsets() -> dict[str, set[str]]:
    """The character sets by the file name they are written under (``charsets/<name>.txt``)."""
    jis = jis_x_0213_characters()
    return {
        "hangul-syllables": hangul_syllables(),
        "hangul-compatibility-jamo": hangul_compatibility_jamo(),
        "ks-x-1001-hanja": ks_x_1001_hanja(),
        "general-standard-chinese": general_standard_chinese(),
        "big5-han": big5_han(),
        "jis-x-0208-kanji": jis_x_0208_kanji(),
        "jis-x-0213-kanji": {char for char in jis if is_han(char)},
        "kana": kana(),
        "symbols": REQUIRED_SYMBOLS,
    }


CJK_FACES = {
    "jp": (0, ("jis-x-0208-kanji", "jis-x-0213-kanji", "kana"), jis_x_0213_characters),
    "kr": (1, ("hangul-syllables", "hangul-compatibility-jamo", "ks-x-1001-hanja"), set),
    "sc": (2, ("general-standard-chinese",), set),
    "tc": (3, ("big5-han",), lambda: _span(0x3100, 0x312F)),
}
"""Language tag of the file name -> (subfont of the .ttc, required sets, extra characters if the face has them).
The .ttc's order (checked against the name table when building) is JP, KR, SC, TC, HK."""


def faces() -> list[Face]:
    out = []
    for weight in ("Regular", "Bold"):
        for tag, (number, required, extras) in CJK_FACES.items():
            source = NOTO_CJK / f"NotoSansCJK-{weight}.ttc"
            out.append(Face(f"NotoSansCJK{tag}-{weight}.otf", source, number, f"Noto Sans CJK {tag.upper()}", required, frozenset(extras() | shared_repertoire())))
        dejavu = DEJAVU / ("DejaVuSans.ttf" if weight == "Regular" else "DejaVuSans-Bold.ttf")
        out.append(Face(f"DejaVuSansSymbols-{weight}.ttf", dejavu, 0, "DejaVu Sans", ("symbols",), frozenset(symbol_repertoire() | {" "})))
    return out


def subset_options() -> subset.Options:
    """No hinting (PDF viewers ignore it), no vertical writing, every name kept (the licence lives there)."""
    options = subset.Options()
    options.hinting = False
    options.desubroutinize = False
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.drop_tables += ["VORG", "vhea", "vmtx", "BASE"]
    options.layout_features = sorted((set(options.layout_features) - VERTICAL_FEATURES) | {"palt", "halt", "pwid", "fwid", "hwid", "locl"})
    return options


def build_face(face: Face, sets: dict[str, set[str]], target: Path) -> int:
    """Write *face* to *target*; the number of characters it maps. Fails if a required character is missing."""
    font = TTFont(face.source, fontNumber=face.font_number, recalcTimestamp=False)
    family = font["name"].getDebugName(1) or ""
    if not family.startswith(face.family):
        raise SystemExit(f"{face.source}#{face.font_number} is {family!r}, not {face.family!r}: the collection's order changed")
    cmap = font.getBestCmap()
    required = set().union(*(sets[name] for name in face.required))
    missing = sorted(char for char in required if ord(char) not in cmap)
    if missing:
        raise SystemExit(f"{face.source}#{face.font_number} ({family}) lacks {len(missing)} required characters: {''.join(missing[:40])}")
    wanted = {ord(char) for char in required | face.extras if len(char) == 1 and ord(char) in cmap}
    subsetter = subset.Subsetter(subset_options())
    subsetter.populate(unicodes=wanted)
    subsetter.subset(font)
    font.save(target)
    return len(wanted)


def noto_cjk_licence() -> str:
    """The copyright of Noto Sans CJK (its name table) and the SIL Open Font License (Debian's copyright file)."""
    font = TTFont(NOTO_CJK / "NotoSansCJK-Regular.ttc", fontNumber=0, lazy=True)
    lines = NOTO_CJK_COPYRIGHT.read_text(encoding="utf-8").splitlines()
    start = lines.index("License: SIL-1.1", lines.index("License: SIL-1.1") + 1) + 1
    end = next((index for index in range(start, len(lines)) if lines[index] and not lines[index].startswith(" ")), len(lines))
    body = ["" if line == " ." else line[1:] for line in lines[start:end]]
    header = [
        "Noto Sans CJK (subset by reportgen's scripts/build_embedded_fonts.py)",
        font["name"].getDebugName(0) or "",
        "Reserved Font Name: Source (Adobe). These subsets keep the name Noto Sans CJK, not a reserved one.",
        "",
    ]
    return "\n".join(header + body).rstrip() + "\n"


def dejavu_licence() -> str:
    """DejaVu Sans's own licence (name ID 13: the Bitstream Vera licence and the Arev fonts' notice)."""
    font = TTFont(DEJAVU / "DejaVuSans.ttf", lazy=True)
    header = ["DejaVu Sans (subset by reportgen's scripts/build_embedded_fonts.py)", font["name"].getDebugName(0) or "", ""]
    return "\n".join(header + [font["name"].getDebugName(13) or ""]).rstrip() + "\n"


def write_charset(name: str, chars: set[str]) -> None:
    ordered = "".join(sorted(chars))
    lines = [ordered[index : index + 64] for index in range(0, len(ordered), 64)]
    (CHARSETS / f"{name}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    CHARSETS.mkdir(parents=True, exist_ok=True)
    sets = charsets()
    for name, chars in sets.items():
        write_charset(name, chars)
        print(f"charsets/{name}.txt: {len(chars)} characters")
    for face in faces():
        mapped = build_face(face, sets, DATA / face.name)
        print(f"{face.name}: {mapped} characters, {(DATA / face.name).stat().st_size / 1e6:.2f} MB")
    (DATA / "LICENSE-NotoSansCJK.txt").write_text(noto_cjk_licence(), encoding="utf-8")
    (DATA / "LICENSE-DejaVuSans.txt").write_text(dejavu_licence(), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
