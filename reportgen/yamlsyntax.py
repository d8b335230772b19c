"""Explain a YAML parser error in terms of the lines the user wrote.

The parser says what token it met (``expected <block end>, but found
'<block sequence start>'``); the user needs to hear which line is out of line
with which, and how to fix it. :func:`explain` looks at the offending line and
the lines above it, and names the mistake: a key indented less than its
siblings, a list item where a key was expected, a line read as more of the
text above it, a key with no ``:``. Anything it cannot place is left to the
caller (the parser's own words and a general hint).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

_KEY = re.compile(r"""(?P<key>"[^"]*"|'[^']*'|[^\s#"'\[\]{},:-][^#:]*?|-[^\s#:][^#:]*?)\s*:(?=\s|$)""")
"""A block key at the start of a line's content: plain or quoted text, then ':' and a space or the line's end."""

_STRUCTURE = ("expected <block end>", "did not find expected key", "did not find expected '-' indicator")
"""The parser's (and libyaml's) words for a line that does not fit the collection around it."""


@dataclass(frozen=True)
class Explained:
    """What is out of line, where (1-based line and column of the offending line), and the fix."""

    line: int
    column: int
    message: str
    hint: str


@dataclass(frozen=True)
class _Line:
    number: int
    """1-based."""
    indent: int
    """0-based column of the first character that is not a space."""
    content: int
    """0-based column where the content starts, after any list dashes."""
    item: bool
    """The line starts a list item (``- ...``)."""
    key: str | None
    """The key the content starts with, if it is ``key: ...``."""
    colon: int | None
    """0-based column of that key's ':'."""
    text: str

    @property
    def shown(self) -> str:
        """The line as quoted back to the user (its content, shortened)."""
        text = self.text.strip()
        return text if len(text) <= 30 else text[:27] + "..."

    def named(self) -> str:
        """How a message refers to this line: by its key, else by its text."""
        return f"'{self.key}' on line {self.number}" if self.key else f"'{self.shown}' on line {self.number}"


def _parse_line(number: int, text: str) -> _Line:
    indent = len(text) - len(text.lstrip(" "))
    content, item = indent, False
    while text.startswith("-", content) and (content + 1 == len(text) or text[content + 1] == " "):
        item = True
        content += 1
        while content < len(text) and text[content] == " ":
            content += 1
    found = _KEY.match(text, content)
    key = found.group("key").strip().strip("'\"") if found else None
    colon = found.end() - 1 if found else None
    return _Line(number, indent, content, item, key, colon, text)


def _significant(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and not stripped.startswith("#") and stripped not in ("---", "...")


class _Lines:
    """The file's lines, parsed on demand."""

    def __init__(self, text: str) -> None:
        self.raw = text.split("\n")

    def at(self, index: int) -> _Line | None:
        """The line at 0-based *index*, if it exists and holds something."""
        if 0 <= index < len(self.raw) and _significant(self.raw[index]):
            return _parse_line(index + 1, self.raw[index])
        return None

    def above(self, index: int) -> list[_Line]:
        """The lines above 0-based *index* that hold something, nearest first."""
        return [_parse_line(i + 1, self.raw[i]) for i in range(min(index, len(self.raw)) - 1, -1, -1) if _significant(self.raw[i])]


def explain(text: str, error: yaml.MarkedYAMLError) -> Explained | None:
    """The mistake behind *error* in *text*, or None when it is not one this module knows."""
    problem = error.problem or ""
    mark = error.problem_mark
    if mark is None:
        return None
    lines = _Lines(text)
    if problem.startswith(_STRUCTURE):
        return _out_of_line(lines, mark.line)
    if problem.startswith("mapping values are not allowed"):
        return _read_as_text(lines, mark.line, mark.column)
    context = error.context or ""
    if error.context_mark is not None:
        if problem.startswith("could not find expected ':'"):
            return _key_without_colon(lines, error.context_mark.line)
        if context.startswith(("while parsing a flow sequence", "while parsing a flow mapping")):
            return _unclosed_flow(lines, error.context_mark, mark, context)
    return None


def _column(line: _Line) -> str:
    return f"column {line.content + 1}"


def _out_of_line(lines: _Lines, index: int) -> Explained | None:
    """A line that does not fit the list or mapping it sits in."""
    line = lines.at(index)
    if line is None:
        return None
    above = lines.above(index)
    if line.item:
        return _misplaced_item(line, above)
    if line.key is not None:
        return _misplaced_key(line, above)
    return Explained(
        line.number,
        line.indent + 1,
        "this line does not line up with the lines above it",
        "indent it like the line it belongs with",
    )


def _misplaced_item(line: _Line, above: list[_Line]) -> Explained | None:
    for other in above:
        if other.item and other.indent > line.indent:
            return Explained(
                line.number,
                line.indent + 1,
                f"this list item is indented less than the one above it ('{other.shown}' on line {other.number})",
                f"line its '-' up with that item's, at column {other.indent + 1}",
            )
        if other.key is not None and other.content <= line.indent:
            return Explained(
                line.number,
                line.indent + 1,
                f"a list item where a key was expected: the lines at this indentation are keys, like {other.named()}",
                "a list goes under a key that ends with ':', indented deeper than that key; "
                "or write this line as 'key: value'",
            )
        if other.indent < line.indent:
            break
    return None


def _misplaced_key(line: _Line, above: list[_Line]) -> Explained | None:
    for other in above:
        if other.content <= line.content and not other.item:
            return None
        if other.content > line.content and other.key is not None:
            return Explained(
                line.number,
                line.content + 1,
                f"this key is indented less than its siblings ({other.named()} starts at {_column(other)})",
                f"line '{line.key}' up with '{other.key}', at {_column(other)}",
            )
        if other.item and other.key is None and other.indent == line.content:
            return Explained(
                line.number,
                line.content + 1,
                f"a key where a list item was expected: the lines above it are items of a list ('{other.shown}' on line {other.number})",
                "start it with '- ' to make it an item, or indent it less to take it out of the list",
            )
    return None


def _read_as_text(lines: _Lines, index: int, column: int) -> Explained | None:
    """A ':' the parser met while reading a line as more of the text above it (or inside a value)."""
    line = lines.at(index)
    if line is None:
        return None
    if line.colon is not None and line.colon < column:
        return Explained(
            line.number,
            column + 1,
            f"the text of '{line.key}' contains ': ', which YAML reads as the start of another key",
            f"put the text in quotes: {line.key}: \"...\"",
        )
    if line.key is None:
        return None
    above = lines.above(index)
    if not above:
        return None
    previous = above[0]
    if previous.key is None and not previous.item and previous.content == line.content:
        word, _, rest = previous.text.strip().partition(" ")
        return Explained(
            previous.number,
            previous.content + 1,
            f"this line has no ':' after its key, so YAML reads it and line {line.number} as one text",
            f"write '{word}: {rest}'" if rest else f"write '{word}:'",
        )
    if previous.item and previous.key is None and not line.item and line.content >= previous.content:
        return Explained(
            line.number,
            line.indent + 1,
            f"a key under a list item that is plain text ({previous.named()}), so YAML reads it as more of that item's text",
            f"an item with keys must start with a key: write '- text: {previous.shown.lstrip('- ')}' and put '{line.key}:' under 'text'",
        )
    if line.item and previous.item and line.indent > previous.indent:
        return Explained(
            line.number,
            line.indent + 1,
            f"this list item is indented deeper than the one above it ({previous.named()}), so YAML reads it as more of that item's text",
            f"line its '-' up with that item's, at column {previous.indent + 1}",
        )
    if line.content > previous.content:
        return Explained(
            line.number,
            line.indent + 1,
            f"this {'list item' if line.item else 'key'} is indented deeper than the line above it ({previous.named()}), "
            "so YAML reads it as more of that line's text",
            f"line it up with {previous.named()}, at {_column(previous)}",
        )
    return None


def _unclosed_flow(lines: _Lines, opened: yaml.Mark, stopped: yaml.Mark, context: str) -> Explained | None:
    """A ``[...]`` or ``{...}`` the parser is still inside when it meets something that cannot be in it."""
    if lines.at(opened.line) is None:
        return None
    bracket, closing = ("[", "]") if "sequence" in context else ("{", "}")
    return Explained(
        opened.line + 1,
        opened.column + 1,
        f"the '{bracket}' here has no matching '{closing}' before line {stopped.line + 1}, column {stopped.column + 1}",
        f"close it with '{closing}', and quote items that contain ',', ':' or brackets",
    )


def _key_without_colon(lines: _Lines, index: int) -> Explained | None:
    line = lines.at(index)
    if line is None:
        return None
    word = line.text.strip().lstrip("- ").split(" ")[0]
    return Explained(
        line.number,
        line.content + 1,
        "this line has no ':' after its key",
        f"write '{word}: value', or start the line with '- ' if it is a list item",
    )
