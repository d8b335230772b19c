"""The face Office draws each script in, and the script a run's language asks for.

The deck writes :data:`SCRIPT_FONTS` into its theme's font scheme, and the deck's
fitter measures a run with the face of its language's script, so both read the
one table.
"""

from __future__ import annotations

SCRIPT_FONTS: dict[str, str] = {
    "Jpan": "Yu Gothic",
    "Hang": "Malgun Gothic",
    "Hans": "Microsoft YaHei",
    "Hant": "Microsoft JhengHei",
    "Thai": "Leelawadee UI",
    "Deva": "Nirmala UI",
    "Arab": "Arial",
    "Hebr": "Arial",
}
"""The faces of Windows and Office for each script (Arial has Arabic and Hebrew on Windows and macOS)."""

LANGUAGE_SCRIPTS: dict[str, str] = {
    "ja": "Jpan",
    "ko": "Hang",
    "zh-CN": "Hans",
    "zh-SG": "Hans",
    "zh-TW": "Hant",
    "zh-HK": "Hant",
    "zh-MO": "Hant",
    "th": "Thai",
    "hi": "Deva",
    "ar": "Arab",
    "he": "Hebr",
}
"""An OOXML language tag (or its language alone) -> the font scheme script PowerPoint takes its face from."""


def script_face(xml_lang: str, script: str | None = None) -> str | None:
    """The scheme's face for a run tagged *xml_lang*; for a character of *script* when the tag names none."""
    key = LANGUAGE_SCRIPTS.get(xml_lang) or LANGUAGE_SCRIPTS.get(xml_lang.split("-")[0])
    return SCRIPT_FONTS.get(key or script or "")
