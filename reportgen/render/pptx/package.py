"""Reproducible bytes: fixed document timestamps and a zip with a stable order and no clock times."""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from typing import TYPE_CHECKING

from pptx.opc.oxml import serialize_part_xml
from pptx.opc.packuri import PackURI

from reportgen.dates import build_time
from reportgen.document.model import DocumentInfo
from reportgen.render.pptx import _internals

if TYPE_CHECKING:
    from pptx.presentation import Presentation

EARLIEST = dt.datetime(1980, 1, 1)
"""The earliest time a zip entry can carry; used when neither the document nor SOURCE_DATE_EPOCH dates the deck."""

_FIRST = ("[Content_Types].xml", "_rels/.rels")
_CORE_TIME = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def timestamp(info: DocumentInfo) -> dt.datetime:
    """The deck's one timestamp (naive UTC): :func:`reportgen.dates.build_time`, no earlier than a zip can say."""
    return max(build_time(info.date).replace(tzinfo=None), EARLIEST)


def set_core_properties(prs, info: DocumentInfo, when: dt.datetime) -> None:
    core = prs.core_properties
    core.title = info.title
    core.author = info.author
    core.last_modified_by = info.author
    core.subject = info.subject or info.subtitle
    core.keywords = ", ".join(info.keywords)
    core.language = info.language
    core.category = ""
    core.comments = ""
    core.content_status = ""
    core.identifier = ""
    core.version = ""
    core.revision = 1
    core.created = when
    core.modified = when
    core.last_printed = when


def package_bytes(prs, when: dt.datetime) -> bytes:
    """The presentation as a reproducible zip, written in one pass.

    python-pptx's own ``save`` gives the same entries (see the tests), but in its own
    order and dated now; rewriting that zip would compress everything twice.
    """
    package = prs.part.package
    parts = list(package.iter_parts())
    entries = {
        "[Content_Types].xml": serialize_part_xml(_internals.content_types_xml(parts)),
        "_rels/.rels": _internals.package_rels_xml(package),
    }
    for part in parts:
        entries[part.partname.membername] = part.blob
        if _internals.has_rels(part):
            entries[part.partname.rels_uri.membername] = part.rels.xml
    return _write_zip(entries, when)


def normalize_zip(blob: bytes, when: dt.datetime) -> bytes:
    """*blob* (an OOXML zip) rewritten: content types and root rels first, the rest sorted, every
    entry dated *when*, core-property times set to *when*."""
    with zipfile.ZipFile(io.BytesIO(blob)) as source:
        entries = {info.filename: source.read(info) for info in source.infolist()}
    return _write_zip(entries, when)


def _write_zip(entries: dict[str, bytes], when: dt.datetime) -> bytes:
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    names = [n for n in _FIRST if n in entries] + sorted(n for n in entries if n not in _FIRST)
    out = io.BytesIO()
    date_time = max(when, EARLIEST).timetuple()[:6]
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            data = entries[name]
            if name == "docProps/core.xml":
                data = _CORE_TIME.sub(lambda m: m.group(1) + stamp + m.group(3), data)
            info = zipfile.ZipInfo(name, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 0
            info.external_attr = 0
            target.writestr(info, data, compresslevel=6)
    return out.getvalue()


def number_parts_in_order(prs: Presentation) -> None:
    """Give new parts (charts, their workbooks) names from a counter instead of python-pptx's scan of
    every part for each new one, which makes a deck of n charts cost n squared."""
    package = prs.part.package
    taken = {str(part.partname) for part in package.iter_parts()}
    counters: dict[str, int] = {}

    def next_partname(template: str) -> PackURI:
        number = counters.get(template, 1)
        while template % number in taken:
            number += 1
        counters[template] = number + 1
        taken.add(template % number)
        return PackURI(template % number)

    package.next_partname = next_partname  # type: ignore[method-assign, assignment]  # an instance attribute shadows the method
