"""A reference deck made safe to open: checked, cleaned and rewritten in memory before python-pptx sees it.

Masters travel between organisations, so a master is untrusted input. After
:mod:`master_zip` has held its zip to the size limits, this module walks the
package from its root relationships and

* removes what must never reach a deck: external relationships (pictures, sounds
  or links fetched from a share or the web), macros (the VBA project, the ribbon
  that calls it, the macro-enabled content type), OLE objects and ActiveX
  controls, with the elements that use them (:mod:`master_clean`), and one
  warning per kind;
* leaves out the master's own sample slides, which the deck never carries;
* refuses, in one line naming the file, a package python-pptx would trip over:
  no presentation, no slide master, no layouts, a part used but missing, a
  reference to a relationship that is not there, XML that does not parse.

What is handed on is a new zip holding only the parts the deck can use
(:func:`safe_master`), cached per file, size and modification time.
"""

from __future__ import annotations

import io
import posixpath
import warnings
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from reportgen.errors import Location, ReportgenWarning, TemplateError
from reportgen.render.pptx.master_clean import clean, references
from reportgen.render.pptx.master_repair import VIEW_PROPS_REL, add_view_props
from reportgen.render.pptx.master_zip import Archive, refusal, rels_name, resolve

_REPAIR = "open it in PowerPoint and save it again"
_NEEDS_MASTER = "a reference deck needs a slide master with layouts: View, Slide Master in PowerPoint"
_CT_NS = "{http://schemas.openxmlformats.org/package/2006/content-types}"
_RELS_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
_P = "{http://schemas.openxmlformats.org/presentationml/2006/main}"
_STRICT = "http://purl.oclc.org/ooxml/"
PRESENTATION = "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml"
MAIN_TYPES = frozenset(
    {
        PRESENTATION,
        "application/vnd.openxmlformats-officedocument.presentationml.template.main+xml",
        "application/vnd.openxmlformats-officedocument.presentationml.slideshow.main+xml",
        "application/vnd.ms-powerpoint.presentation.macroEnabled.main+xml",
        "application/vnd.ms-powerpoint.template.macroEnabled.main+xml",
        "application/vnd.ms-powerpoint.slideshow.macroEnabled.main+xml",
    }
)
"""PowerPoint's main parts; every one is handed on as a plain presentation's (python-pptx opens no other)."""
MACRO_TYPES = frozenset({"application/vnd.ms-office.vbaProject", "application/vnd.ms-office.vbaProjectSignature"})
OLE_TYPES = frozenset({"application/vnd.openxmlformats-officedocument.oleObject"})
ACTIVEX_TYPES = frozenset({"application/vnd.ms-office.activeX+xml", "application/vnd.ms-office.activeX"})
_KIND_BY_RELATIONSHIP = {"vbaProject": "macro", "extensibility": "macro", "oleObject": "ole", "control": "activex", "slide": "slide"}
"""The last segment of a relationship type: macros (the VBA project, the ribbon calling it), OLE, ActiveX, sample slides."""
_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


@dataclass(frozen=True)
class SafeMaster:
    data: bytes
    """The cleaned package, for ``Presentation(io.BytesIO(data))``."""
    warnings: tuple[str, ...]


@dataclass(frozen=True)
class _Rel:
    id: str
    type: str
    target: str
    external: bool
    name: str
    """The part it points to (a zip member name); the target itself when external."""
    kind: str | None


_CACHE: dict[tuple[str, int, int], SafeMaster] = {}


def safe_master(path: Path) -> bytes:
    """The master at *path*, checked and cleaned (its warnings raised again on every call)."""
    try:
        stat = path.stat()
    except OSError as exc:
        raise refusal(path, f"it cannot be read ({exc.strerror or 'no access'})") from None
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    found = _CACHE.get(key)
    if found is None:
        found = check_master(path)
        _CACHE.clear()  # one master at a time is the usual case
        _CACHE[key] = found
    for text in found.warnings:
        warnings.warn(ReportgenWarning(text, location=Location(path)), stacklevel=2)
    return found.data


def check_master(path: Path) -> SafeMaster:
    """Check and clean the master at *path*; raise a one-line TemplateError when it cannot be used."""
    with Archive(path) as archive:
        return _Package(path, archive).cleaned()


class _Package:
    def __init__(self, path: Path, archive: Archive) -> None:
        self.path = path
        self.archive = archive
        self.raw: dict[str, bytes] = {}
        self.xml: dict[str, etree._Element] = {}
        self.changed: set[str] = set()
        self.rels_changed: set[str] = set()  # parts whose relationships a repair added to
        self.removed: dict[str, set[str]] = {}
        self.found: dict[str, dict[str, None]] = {"external": {}, "macro": {}, "ole": {}, "activex": {}}
        self._rels: dict[str, tuple[etree._Element | None, list[_Rel]]] = {}
        self.macro_type = False
        """Whether the main part had a macro-enabled content type (handed on as a plain presentation's)."""
        self.types, self.defaults, self.overrides = self._content_types()

    def refuse(self, reason: str, hint: str | None = _REPAIR) -> TemplateError:
        return refusal(self.path, reason, hint)

    def cleaned(self) -> SafeMaster:
        main = self._main()
        for name in self._walk():
            if (self.content_type(name) or "").endswith("xml"):
                self.xml[name] = self._parse(name)
        self._strip_slides(main)
        for name, root in self.xml.items():
            result = clean(root, self.removed.setdefault(name, set()))
            if result.changed:
                self.changed.add(name)
                self.removed[name] |= result.loose
            for kind, ids in (("ole", result.ole), ("activex", result.controls)):
                for rel in self.rels(name):
                    if rel.id in ids:
                        self.found[kind][rel.name] = None
        kept = self._walk()
        self._check(main, kept)
        self._note_unused(kept)
        return SafeMaster(self._write(main, kept), tuple(self._warnings()))

    # -- reading

    def read(self, name: str) -> bytes:
        if name not in self.raw:
            self.raw[name] = self.archive.read(name)
        return self.raw[name]

    def _parse(self, name: str) -> etree._Element:
        try:
            root = etree.fromstring(self.read(name), _PARSER)
        except etree.XMLSyntaxError as exc:
            line = f" (line {exc.lineno})" if exc.lineno else ""
            raise self.refuse(f"its part {name} is not well-formed XML{line}") from None
        if root.getroottree().docinfo.doctype:
            raise self.refuse(f"its part {name} declares a DTD, which PowerPoint files never do")
        return root

    def _content_types(self) -> tuple[etree._Element, dict[str, str], dict[str, str]]:
        if "[Content_Types].xml" not in self.archive:
            raise self.refuse("it has no [Content_Types].xml, so it is not an Office file")
        root = self._parse("[Content_Types].xml")
        defaults, overrides = {}, {}
        for el in root:
            if el.tag == _CT_NS + "Default" and el.get("Extension") and el.get("ContentType"):
                defaults[el.get("Extension").lower()] = el.get("ContentType")
            elif el.tag == _CT_NS + "Override" and el.get("PartName") and el.get("ContentType"):
                overrides[el.get("PartName").lstrip("/").lower()] = el.get("ContentType")
        return root, defaults, overrides

    def content_type(self, name: str) -> str | None:
        found = self.overrides.get(name.lower())
        if found is None and "." in posixpath.basename(name):
            found = self.defaults.get(name.rsplit(".", 1)[1].lower())
        return found

    def rels(self, source: str) -> list[_Rel]:
        """The relationships of *source* ('' for the package), read once; dangerous ones marked removed."""
        if source not in self._rels:
            self._rels[source] = self._read_rels(source)
            removed = self.removed.setdefault(source, set())
            for rel in self._rels[source][1]:
                if rel.kind is not None:
                    removed.add(rel.id)
                    if rel.kind != "slide":
                        self.found[rel.kind][rel.target if rel.external else rel.name] = None
        return self._rels[source][1]

    def _read_rels(self, source: str) -> tuple[etree._Element | None, list[_Rel]]:
        member = rels_name(source)
        if member not in self.archive:
            return None, []
        root = self._parse(member)
        out: list[_Rel] = []
        for el in root:
            if not isinstance(el.tag, str):
                continue
            rid, kind_of, target = el.get("Id"), el.get("Type"), el.get("Target")
            if el.tag != _RELS_NS + "Relationship" or not rid or not kind_of or target is None or any(r.id == rid for r in out):
                raise self.refuse(f"its relationships file {member} is damaged")
            external = (el.get("TargetMode") or "").lower() == "external"
            name = target if external else resolve(source, target)
            out.append(_Rel(rid, kind_of, target, external, name, self._kind(kind_of, name, external)))
        return root, out

    def _kind(self, rel_type: str, name: str, external: bool) -> str | None:
        if external:
            return "external"
        content_type = self.content_type(name)
        kind = _KIND_BY_RELATIONSHIP.get(rel_type.rsplit("/", 1)[-1])
        if kind is None and (content_type in MACRO_TYPES or name.lower().endswith("vbaproject.bin")):
            kind = "macro"
        elif kind is None and content_type in OLE_TYPES:
            kind = "ole"
        elif kind is None and content_type in ACTIVEX_TYPES:
            kind = "activex"
        return kind

    def _walk(self) -> list[str]:
        """The parts reachable from the package's relationships without a removed one, in the order found."""
        seen: dict[str, None] = {}
        queue = [""]
        while queue:
            source = queue.pop(0)
            for rel in self.rels(source):
                if rel.external or rel.id in self.removed[source] or rel.name in seen or rel.name not in self.archive:
                    continue
                seen[rel.name] = None
                queue.append(rel.name)
        return list(seen)

    # -- structure

    def _main(self) -> str:
        mains = [rel for rel in self.rels("") if rel.type.endswith("/officeDocument")]
        if not mains:
            raise self.refuse("it has no presentation in it: its _rels/.rels names no main part", hint="is it a PowerPoint file?")
        main = mains[0]
        if main.type.startswith(_STRICT):
            raise self.refuse(
                "it is saved as Strict Open XML, which python-pptx cannot read", hint="save it from PowerPoint as a PowerPoint Presentation (.pptx)"
            )
        if main.external or main.name not in self.archive:
            raise self.refuse(f"its main part {main.name} is missing")
        content_type = self.content_type(main.name) or ""
        if content_type not in MAIN_TYPES:
            what = (
                "a Word document"
                if "wordprocessingml" in content_type
                else "an Excel workbook"
                if "spreadsheetml" in content_type
                else f"of type '{content_type or 'none'}'"
            )
            raise self.refuse(f"its main part is {what}, not a PowerPoint presentation", hint=None)
        self.macro_type = "macroEnabled" in content_type
        return main.name

    def _strip_slides(self, main: str) -> None:
        """The master's own slides never reach the deck: their list, custom shows and sections go."""
        root = self.xml[main]
        if root.tag != _P + "presentation":
            raise self.refuse(f"its main part {main} is not a presentation")
        for el in root.iterfind(f"{_P}sldIdLst/{_P}sldId"):
            el.getparent().remove(el)
        for el in root.findall(f"{_P}custShowLst") + [
            ext for ext in root.iterfind(f"{_P}extLst/{_P}ext") if any(etree.QName(c).localname == "sectionLst" for c in ext)
        ]:
            el.getparent().remove(el)
        self.changed.add(main)

    def _check(self, main: str, kept: list[str]) -> None:
        for name in kept:
            if self.content_type(name) is None:
                raise self.refuse(f"its part {name} has no content type in [Content_Types].xml")
            rels = {rel.id: rel for rel in self.rels(name) if rel.id not in self.removed[name]}
            for rid in sorted(references(self.xml[name])) if name in self.xml else ():
                if rid not in rels:
                    raise self.refuse(f"its part {name} refers to relationship {rid}, which the part does not have")
                if not rels[rid].external and rels[rid].name not in self.archive:
                    raise self.refuse(f"its part {name} uses {rels[rid].name}, which is not in the file")
        masters = self._related(main, "slideMaster")
        if not list(self.xml[main].iterfind(f"{_P}sldMasterIdLst/{_P}sldMasterId")) or not masters:
            raise self.refuse("it has no slide master", hint=_NEEDS_MASTER)
        for master in masters:
            if not list(self.xml[master].iterfind(f"{_P}sldLayoutIdLst/{_P}sldLayoutId")):
                raise self.refuse(f"its slide master {master} has no layouts", hint=_NEEDS_MASTER)
            if not self._related(master, "theme"):
                raise self.refuse(f"its slide master {master} has no theme")
            for layout in self._related(master, "slideLayout"):
                if not self._related(layout, "slideMaster"):
                    raise self.refuse(f"its layout {layout} names no slide master")

    def _related(self, source: str, last: str) -> list[str]:
        """The parts *source* relates to by a relationship type ending in *last* that are present and parsed."""
        return [rel.name for rel in self.rels(source) if rel.id not in self.removed[source] and rel.type.rsplit("/", 1)[-1] == last and rel.name in self.xml]

    def _note_unused(self, kept: list[str]) -> None:
        """Macro, OLE and ActiveX parts nothing relates to are left behind too: say so."""
        keep = set(kept)
        for name in self.archive.names:
            if name in keep:
                continue
            content_type = self.content_type(name)
            if content_type in MACRO_TYPES or name.lower().endswith("vbaproject.bin"):
                self.found["macro"][name] = None
            elif content_type in OLE_TYPES:
                self.found["ole"][name] = None
            elif content_type == "application/vnd.ms-office.activeX+xml":
                self.found["activex"][name] = None

    # -- writing

    def _write(self, main: str, kept: list[str]) -> bytes:
        keep = {name.lower() for name in kept}
        types = self.types
        for el in list(types):
            part = (el.get("PartName") or "").lstrip("/").lower()
            if el.tag == _CT_NS + "Override" and part not in keep:
                types.remove(el)
            elif el.tag == _CT_NS + "Override" and part == main.lower():
                el.set("ContentType", PRESENTATION)
            elif el.tag == _CT_NS + "Default" and el.get("ContentType") in MACRO_TYPES | OLE_TYPES | ACTIVEX_TYPES:
                types.remove(el)
        if main.lower() not in self.overrides:
            etree.SubElement(types, _CT_NS + "Override", PartName="/" + main, ContentType=PRESENTATION)
        added = self._repairs(main, kept)
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as target:
            target.writestr("[Content_Types].xml", _serialize(types))
            for source in ["", *kept]:
                if source:
                    target.writestr(source, self._part_bytes(source))
                rels = self._rels_bytes(source, set(kept))
                if rels is not None:
                    target.writestr(rels_name(source), rels)
            for name, data in added.items():
                target.writestr(name, data)
        return out.getvalue()

    def _repairs(self, main: str, kept: list[str]) -> dict[str, bytes]:
        """New parts for the defects with a known fix (:mod:`master_repair`), their relationships added."""
        root, rels = self._rels[main]
        if root is None or any(r.type == VIEW_PROPS_REL and r.name in kept and r.id not in self.removed[main] for r in rels):
            return {}
        self.rels_changed.add(main)
        return add_view_props(main, root, self.types, set(kept))

    def _part_bytes(self, name: str) -> bytes:
        if name in self.changed:
            return _serialize(self.xml[name])
        return self.raw[name] if name in self.raw else self.archive.read(name)  # pictures are not kept twice

    def _rels_bytes(self, source: str, kept: set[str]) -> bytes | None:
        root, rels = self._rels.get(source, (None, []))
        if root is None:
            return None
        gone = {rel.id for rel in rels if rel.id in self.removed[source] or (not rel.external and rel.name not in kept)}
        if not gone and source not in self.rels_changed:
            return self.read(rels_name(source))
        for el in list(root):
            if el.get("Id") in gone:
                root.remove(el)
        return _serialize(root)

    def _warnings(self) -> Iterator[str]:
        external, macro, ole, activex = (list(self.found[kind]) for kind in ("external", "macro", "ole", "activex"))
        if external:
            yield (
                f"removed {_count(external, 'external link')} from the reference deck"
                f" (pictures, sounds or links it would fetch from outside the file: {_names(external)})"
            )
        if macro or self.macro_type:
            pieces = [f"{_count(macro, 'part')} ({_names(macro)})"] if macro else []
            pieces += ["the macro-enabled file type"] if self.macro_type else []
            yield f"removed macros from the reference deck: {' and '.join(pieces)}"
        if ole:
            yield f"removed {_count(ole, 'OLE object')} (embedded or linked files) from the reference deck ({_names(ole)})"
        if activex:
            yield f"removed {_count(activex, 'ActiveX control')} from the reference deck ({_names(activex)})"


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _count(items: list[str], noun: str) -> str:
    return f"{len(items)} {noun}{'' if len(items) == 1 else 's'}"


def _names(items: list[str]) -> str:
    shown = ", ".join(items[:3])
    return shown + (f" and {len(items) - 3} more" if len(items) > 3 else "")
