"""Read a user's YAML file (outline or theme) into plain data with the position of every value.

YAML is composed into nodes (not constructed) so that every value keeps its
line and column, duplicate keys are caught, alias expansion is bounded, and
scalars stay the text the user wrote: ``yes``, ``on`` and ``2024-01-01`` are
not silently turned into booleans or dates; pydantic converts text to numbers
and dates only where a model asks for them.
"""

from __future__ import annotations

import warnings
from pathlib import Path
from typing import Any

import yaml

from reportgen.errors import ErrorList, Location, ReportgenError, ReportgenWarning, dotted_path
from reportgen.xmltext import UNCARRIABLE
from reportgen.yamlsyntax import explain

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
"""libyaml's parser where PyYAML was built with it (about ten times faster); the same nodes and marks."""
MAX_NODES = 200_000
MAX_BYTES = 20 * 1024 * 1024
_NULL_TAG = "tag:yaml.org,2002:null"
_PLAIN_TAGS = frozenset(
    f"tag:yaml.org,2002:{name}" for name in ("str", "int", "float", "bool", "null", "seq", "map", "timestamp")
)
"""The tags of plain data; a value tagged with any other (``!!python/object``, ``!include``) is refused, and
left out (as a repeated key is) so that the rest of the file is still checked."""
_REFUSED = object()
"""What :meth:`_NodeReader.read` gives for a refused value: its mapping or list leaves it out."""

Positions = dict[tuple[str | int, ...], tuple[int, int]]
KEY = "\0key"
"""Marks a position entry for a mapping key rather than its value."""


def read_yaml(path: Path, *, what: str, error: type[ReportgenError]) -> tuple[Any, Positions]:
    """Parse a YAML file into plain data plus the position of every value; raise every problem found."""
    data, positions, problems = read_yaml_with_problems(path, what=what, error=error)
    found = ErrorList.of(problems)
    if found is not None:
        raise found
    return data, positions


def read_yaml_with_problems(
    path: Path, *, what: str, error: type[ReportgenError]
) -> tuple[Any, Positions, list[ReportgenError]]:
    """Like :func:`read_yaml`, but the problems reading can step over (a duplicate key: the first value
    is kept) are returned, so a caller can report them beside its own; the others are raised."""
    text = _read_text(path, what, error)
    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as exc:
        raise _syntax_error(exc, text, path, error) from None
    except yaml.YAMLError as exc:
        raise error(f"YAML error: {exc}", location=Location(path)) from None
    except RecursionError:
        raise error("the YAML nests too deeply", location=Location(path), hint="flatten the structure") from None
    if root is None:
        raise error(f"the {what} file is empty", location=Location(path, 1, 1))
    positions: Positions = {}
    reader = _NodeReader(path, positions, error)
    try:
        data = reader.read(root, ())
        data = None if data is _REFUSED else data
    except RecursionError:
        raise error(
            "the YAML nests too deeply, or an alias refers to itself", location=Location(path), hint="remove the self-referring alias"
        ) from None
    return data, positions, reader.problems


def _syntax_error(exc: yaml.MarkedYAMLError, text: str, path: Path, error: type[ReportgenError]) -> ReportgenError:
    """The parser's complaint, as the mistake in the user's lines where :mod:`yamlsyntax` can name it."""
    explained = explain(text, exc)
    if explained is not None:
        return error(
            f"YAML syntax error: {explained.message}",
            location=Location(path, explained.line, explained.column),
            hint=explained.hint,
        )
    problem = exc.problem or exc.context or "invalid YAML"
    unclosed = exc.context and "quoted scalar" in exc.context and exc.context_mark is not None
    mark = exc.context_mark if unclosed else (exc.problem_mark or exc.context_mark)
    return error(f"YAML syntax error: {problem}", location=_location(path, mark), hint=_yaml_hint(problem))


def _compose(text: str) -> yaml.Node | None:
    """Compose with libyaml; on an error, again with the pure-Python parser, whose messages say more."""
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.YAMLError:
        if _LOADER is yaml.SafeLoader:
            raise
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _read_text(path: Path, what: str, error: type[ReportgenError]) -> str:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise error(f"no such {what} file", location=Location(path)) from None
    except IsADirectoryError:
        raise error(f"the {what} path is a folder, not a file", location=Location(path)) from None
    except OSError as exc:
        raise error(f"cannot read the {what}: {exc.strerror}", location=Location(path)) from None
    if len(raw) > MAX_BYTES:
        raise error(f"the {what} is larger than {MAX_BYTES // (1024 * 1024)} MB", location=Location(path))
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        column = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise error(
            f"not UTF-8: byte 0x{raw[exc.start]:02x} at offset {exc.start} cannot be decoded",
            location=Location(path, line, column),
            hint="save the file as UTF-8",
        ) from None
    if not text.strip():
        raise error(f"the {what} file is empty", location=Location(path, 1, 1))
    return _without_uncarriable(text, path)


def _without_uncarriable(text: str, path: Path) -> str:
    """Remove characters no output can carry, warning once per character with where it was."""
    match = UNCARRIABLE.search(text)
    if match is None:
        return text
    for found in UNCARRIABLE.finditer(text):
        line = text.count("\n", 0, found.start()) + 1
        column = found.start() - (text.rfind("\n", 0, found.start()) + 1) + 1
        warnings.warn(
            ReportgenWarning(
                f"removed the control character U+{ord(found.group()):04X}, which no output can carry",
                location=Location(path, line, column),
            ),
            stacklevel=2,
        )
    return UNCARRIABLE.sub("", text)


def _yaml_hint(problem: str) -> str | None:
    if "\\t" in problem or "\t" in problem or "tab" in problem:
        return "indent with spaces, not tabs"
    if "could not find expected ':'" in problem or "mapping values are not allowed" in problem:
        return "check the indentation, and quote text that contains ': '"
    if "found unexpected end of stream" in problem or "quoted scalar" in problem:
        return "a quote is not closed"
    return None


def _location(path: Path, mark: Any) -> Location:
    if mark is None:
        return Location(path)
    return Location(path, mark.line + 1, mark.column + 1)


class _NodeReader:
    """Turns composed YAML nodes into plain data, recording each value's position."""

    def __init__(self, path: Path, positions: Positions, error: type[ReportgenError]) -> None:
        self.path = path
        self.error = error
        self.positions = positions
        self.count = 0
        self.problems: list[ReportgenError] = []
        """Problems stepped over: the entry is left out and reading goes on."""

    def read(self, node: yaml.Node, at: tuple[str | int, ...]) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise self.error(
                f"the file expands to more than {MAX_NODES} values (aliases expanding without bound?)",
                location=_location(self.path, node.start_mark),
                hint="remove the repeated aliases",
            )
        self.positions.setdefault(at, (node.start_mark.line + 1, node.start_mark.column + 1))
        if node.tag not in _PLAIN_TAGS:
            self.problems.append(
                self.error(
                    f"the YAML tag '{node.tag.replace('tag:yaml.org,2002:', '!!')}' is not allowed",
                    location=_location(self.path, node.start_mark),
                    field=dotted_path(at) or None,
                    hint="remove the tag: reportgen reads plain text, numbers, lists and mappings only",
                )
            )
            return _REFUSED
        if isinstance(node, yaml.MappingNode):
            return self._mapping(node, at)
        if isinstance(node, yaml.SequenceNode):
            items = (self.read(item, (*at, index)) for index, item in enumerate(node.value))
            return [item for item in items if item is not _REFUSED]
        assert isinstance(node, yaml.ScalarNode)  # composing gives only these three kinds
        if node.tag == _NULL_TAG and node.style is None:
            return None
        return self._text(node, at)

    def _text(self, node: yaml.ScalarNode, at: tuple[str | int, ...]) -> str:
        """A scalar's text; characters written as escapes that no output can carry are removed with a warning."""
        value = node.value
        if UNCARRIABLE.search(value):
            removed = ", ".join(sorted({f"U+{ord(c):04X}" for c in UNCARRIABLE.findall(value)}))
            warnings.warn(
                ReportgenWarning(
                    f"removed {removed}, which no output can carry",
                    location=_location(self.path, node.start_mark),
                    field=dotted_path(at),
                ),
                stacklevel=2,
            )
            value = UNCARRIABLE.sub("", value)
        return value

    def _mapping(self, node: yaml.MappingNode, at: tuple[str | int, ...]) -> dict[str, Any]:
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            key = self._key(key_node, at, result)
            if key is not None:
                self.positions[(*at, KEY, key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
                value = self.read(value_node, (*at, key))
                if value is not _REFUSED:
                    result[key] = value
        return result

    def _key(self, node: yaml.Node, at: tuple[str | int, ...], seen: dict[str, Any]) -> str | None:
        """The key's text, or None (with the problem noted) for a key that cannot be used."""
        location = _location(self.path, node.start_mark)
        if node.tag == "tag:yaml.org,2002:merge":
            self.problems.append(self.error("merge keys ('<<') are not supported", location=location, hint="write the keys out"))
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.problems.append(self.error("a key must be plain text", location=location))
            return None
        if node.value in seen:
            self.problems.append(
                self.error(
                    f"duplicate key '{node.value}'",
                    location=location,
                    field=dotted_path((*at, node.value)),
                    hint="each key may appear once in a mapping; remove or rename one",
                )
            )
            return None
        return node.value


def position_of(path: Path, positions: Positions, at: tuple[str | int, ...]) -> Location:
    """The position of the value at *at*, or of its nearest enclosing value."""
    for end in range(len(at), -1, -1):
        if at[:end] in positions:
            line, column = positions[at[:end]]
            return Location(path, line, column)
    return Location(path)
