"""Which link targets a document may carry: web and mail addresses, and places in the document itself.

A link in a brief or a deck is followed by whoever opens it, in a PDF viewer
or in PowerPoint, so only ``http``, ``https``, ``mailto`` and ``#anchor``
targets are allowed. Everything else (``javascript:``, ``file:``, ``data:``,
``smb:``, a Windows drive, a path to another computer) is refused, however it
is disguised: case, entities, percent-escapes and invisible or control
characters inside the scheme are seen through, as browsers and viewers would.
A target with no scheme at all (``www.example.org/x``) is refused too: a viewer
would read it as a file beside the document, so the fix (``https://`` in front)
is said.
"""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import unquote

if TYPE_CHECKING:
    from markdown_it import MarkdownIt

ALLOWED_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_INVISIBLE = {"Cc", "Cf", "Zs", "Zl", "Zp"}
_ALLOWED_TEXT = "only http, https and mailto links or #anchors are allowed"


def link_problem(target: str) -> str | None:
    """Why *target* may not be a link target, as the end of a sentence (``'file:///x' uses the 'file:' scheme (...)``), or None."""
    seen = _seen_as(target)
    if not seen or seen.startswith("#"):
        return None
    if seen.startswith(("//", "\\\\", "/\\", "\\/")):
        return f"'{shown(target)}', a path on another computer ({_ALLOWED_TEXT})"
    scheme = _SCHEME.match(seen)
    if scheme is None:
        return _no_scheme(target)
    if scheme.group(1).lower() in ALLOWED_SCHEMES:
        return None
    name = scheme.group(1).lower()
    fix = "; write a web address with https://" if "." in name else ""
    return f"'{shown(target)}', which uses the '{name}:' scheme ({_ALLOWED_TEXT}{fix})"


def _no_scheme(target: str) -> str:
    """The problem of a target with no scheme, with the fix: ``https://`` in front (``mailto:`` for a mail address)."""
    written = target.strip()
    if "@" in written and "/" not in written:
        return f"'{shown(target)}', which has no scheme (add mailto: in front: 'mailto:{shown(written)}')"
    return f"'{shown(target)}', which has no scheme, so it would open as a file beside the document (add https:// in front: 'https://{shown(written.lstrip('/'))}')"


def _seen_as(target: str) -> str:
    """*target* as a viewer may read it: entities and percent-escapes decoded, invisible characters dropped."""
    text = target
    for _ in range(3):  # escapes inside escapes: javascript&#37;3A
        decoded = unquote(html.unescape(text))
        if decoded == text:
            break
        text = decoded
    text = "".join(c for c in text if unicodedata.category(c) not in _INVISIBLE)
    return text.lstrip("<\"'")


def shown(target: str, limit: int = 80) -> str:
    """*target* for an error message: invisible characters made visible, long ones shortened."""
    text = "".join(c if c.isprintable() else f"\\u{ord(c):04x}" for c in target)
    return text if len(text) <= limit else text[: limit - 1] + "…"


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    from markdown_it import MarkdownIt  # imported when a text first has a link: outline checks stay quick to start

    md = MarkdownIt("commonmark", {"html": False}).disable("autolink")  # outline values are escaped: no autolinks
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # markdown-it's hook is an instance attribute; see every link, so that none is quietly turned into text
    return md


def links_in(markdown: str) -> list[str]:
    """The link targets in a piece of inline Markdown, link reference definitions included."""
    if "]" not in markdown:  # every Markdown link but an autolink has a closing bracket
        return []
    env: dict = {}
    tokens = _parser().parse(markdown, env)
    found = [str(ref.get("href", "")) for ref in env.get("references", {}).values()]
    for token in tokens:
        found += [str(child.attrs.get("href", "")) for child in token.children or () if child.type == "link_open"]
    return found
