"""Make outline values safe to drop into Markdown.

A value may carry inline Markdown (emphasis, links, code) but must never
change the document's structure: no headings, list items, containers, slide
breaks, layout attributes, figure references, tables or raw entities.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterator, Mapping
from typing import Any

from reportgen.outline.model import SLUG_PATTERN
from reportgen.templating import bounds

_ORDERED_MARKER = re.compile(r"^(\d{1,9})([.)])")
_BLOCK_START = re.compile(
    r"""^(?:[#>=:+]           # headings, quotes, setext underlines, containers, list items
    | [-*_](?=\s|$)          # list items
    | ([-*_])(?:\s*\1){2,}\s*$  # thematic breaks
    | ```|~~~)              # code fences
    """,
    re.VERBOSE,
)
_CLOSING_HASHES = re.compile(r"\s(#+)\s*$")
_STRUCTURAL = str.maketrans({"{": r"\{", "}": r"\}", "|": r"\|", "&": r"\&", "<": r"\<", ">": r"\>"})
_LANG_SPAN = re.compile(r"\[([^\[\]{}\n]+)\]\{lang=([A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*)\}")
"""An inline span that says its language, ``[維護]{lang=zh-Hant}``: the one brace syntax a value may carry."""
BACK = "^"
"""The link from a source's entry back to its first citation (a caret, as encyclopaedias print it: every font has one)."""
_EVERY_PUNCTUATION = str.maketrans({c: "\\" + c for c in string.punctuation})


class Markdown(str):
    """Text that is already Markdown (written by the template, or escaped): left as it is."""


def inline(value: object) -> Markdown:
    """One line of inline Markdown that cannot open or close a block."""
    if isinstance(value, Markdown):
        return value
    raw = str(value)
    text = " ".join(raw.split())
    if not text:
        return Markdown(" " if raw else "")
    # One space at either end survives (a template may build "a" ~ " (" ~ "b" ~ ")"); the checks below see the text itself.
    lead = " " if raw[0].isspace() else ""
    trail = " " if raw[-1].isspace() else ""
    text = _structural(text)
    if _BLOCK_START.match(text):
        text = "\\" + text
    text = _ORDERED_MARKER.sub(r"\1\\\2", text)
    text = _CLOSING_HASHES.sub(r" \\\1", text)
    if text.endswith("\\") and not text.endswith("\\\\"):
        text += "\\"
    return Markdown(lead + text + trail)


def _structural(text: str) -> str:
    """*text* with the characters that could open structure escaped, language spans kept as spans."""
    out, pos = [], 0
    for match in _LANG_SPAN.finditer(text):
        out.append(_escape_structure(text[pos : match.start()]))
        out.append(f"[{_escape_structure(match.group(1))}]{{lang={match.group(2)}}}")
        pos = match.end()
    out.append(_escape_structure(text[pos:]))
    return "".join(out)


def _escape_structure(text: str) -> str:
    return text.translate(_STRUCTURAL).replace("![", r"!\[")


def paragraphs(value: object) -> Markdown:
    """Several paragraphs (split at blank lines), each made safe as :func:`inline`."""
    parts = [part for part in re.split(r"\n\s*\n", str(value)) if part.strip()]
    return Markdown("\n\n".join(inline(part) for part in parts))


def plain(value: object) -> Markdown:
    """Text with no Markdown at all: every punctuation character is escaped."""
    return Markdown(" ".join(str(value).split()).translate(_EVERY_PUNCTUATION))


def bullets(points: object, credits: dict[str, str] | None = None) -> Markdown:
    """Outline points (with sub-points) as a nested Markdown list, each sourced point ending in its citations
    (``[](cite:ID)``: a numbered reference in the brief, a source line on the slide); with *credits*, in its
    credit as text too.

    The output is bounded as it grows: a template can hand in one long point many times over.
    """
    lines: list[str] = []
    size = 0

    def walk(items: object, depth: int) -> None:
        nonlocal size
        for point in _records(items, "bullets"):
            text: str = inline(point.get("text", ""))
            if not text.strip() and not point.get("points"):
                continue  # an empty item under a point would read as a heading underline and swallow its text
            if credits and point.get("source"):
                text += " (" + inline("; ".join(credits[ref] for ref in point["source"])) + ")"
            text += cite(point.get("source") or [])
            lines.append(f"{'  ' * depth}- {text}")
            size += len(lines[-1]) + 1
            bounds.check_text_size(size, "the bullets filter")
            walk(point.get("points") or (), depth + 1)

    walk(points, 0)
    return Markdown("\n".join(lines) + "\n")


def cite(ids: object) -> Markdown:
    """Citations of the sources *ids* names (one id or a list of them), as ``[](cite:ID)`` links."""
    listed = [ids] if isinstance(ids, str) else ids
    if not isinstance(listed, (list, tuple)) or not all(isinstance(ident, str) for ident in listed):
        raise TypeError(f"cite takes a source id or a list of them, not {type(ids).__name__}")
    return Markdown("".join(f"[](cite:{_source_id(ident)})" for ident in dict.fromkeys(listed)))


def _source_id(ident: str) -> str:
    """*ident* if it can be a source id (the outline's id pattern), else a TypeError: it goes into a link target."""
    if not re.fullmatch(SLUG_PATTERN, ident):
        raise TypeError(f"cite takes source ids, and {ident!r} is not one")
    return ident


def citation(source: object) -> Markdown:
    """A source as one line of Markdown: ``Author, *Title*, Publisher, date, pages.`` (its URL a link if it has
    one). A source the outline cites (it has a ``number``) starts with the place its citations link to and ends
    with a link back to its first citation."""
    (record,) = _records([source], "citation")
    author = record.get("author", "")
    publisher = record.get("publisher", "")
    parts: list[str] = [inline(author)] if author else []
    title = inline(record.get("title", ""))
    url = record.get("url", "")
    parts.append(f"*[{title}](<{url}>)*" if url and "<" not in url and ">" not in url else f"*{title}*")
    if publisher and publisher != author:
        parts.append(inline(publisher))
    if record.get("date", ""):
        parts.append(inline(record["date"]))
    if record.get("pages", ""):
        parts.append(inline(record["pages"]))
    line = ", ".join(parts) + "."
    ident = record.get("id")
    if isinstance(ident, str) and record.get("number") is not None:
        ident = _source_id(ident)
        line = f"[](source:{ident}){line} [{BACK}](#cite-{ident})"
    return Markdown(line)


def _records(items: object, what: str) -> Iterator[Mapping[str, Any]]:
    """The mappings in *items* (points or sources as templates see them), or a TypeError naming the filter."""
    if not isinstance(items, (list, tuple)):
        raise TypeError(f"{what} takes a list, not {type(items).__name__}")
    for item in items:
        if not isinstance(item, Mapping):
            raise TypeError(f"{what} takes points or sources (mappings with fields), not {type(item).__name__}")
        yield item
