"""Read the Markdown a template wrote into a :class:`Document`.

markdown-it-py does the parsing (CommonMark plus pipe tables and
strikethrough, raw HTML off, ``:::`` containers from mdit-py-plugins); this
module only walks its syntax tree and builds our blocks and runs, after
checking that every link goes somewhere a document may link to
(:func:`reportgen.links.link_problem`). Text is cleaned here, once
(:mod:`reportgen.document.text`), and the dialect's rules are enforced here
(:mod:`reportgen.document.dialect`): renderers trust what they are given.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.token import Token
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.attrs import attrs_plugin
from mdit_py_plugins.container import container_plugin

from reportgen.document.dialect import Problem, attribute_problems, container_problem, raise_problems, stray_in_columns
from reportgen.document.model import (
    LINE_BREAK,
    Block,
    BulletList,
    CitedSource,
    CodeBlock,
    Container,
    Document,
    DocumentInfo,
    Figure,
    FigureRef,
    Heading,
    ListItem,
    Paragraph,
    Quote,
    Rule,
    Run,
    Runs,
    TableBlock,
    source_anchor,
)
from reportgen.document.origin import Origin
from reportgen.document.text import clean, clean_figure, clean_info, clean_runs
from reportgen.document.vocab import ContainerKind, HeadingAttr, Layout
from reportgen.errors import TemplateError
from reportgen.links import link_problem

FIGURE_SCHEME = "figure:"
CITE_SCHEME = "cite:"
"""``[](cite:ID)``: a citation of source ID, shown as its number."""
SOURCE_SCHEME = "source:"
"""``[](source:ID)``: the place in the list of sources that citations of ID link to."""
_ESCAPED = re.compile(r"\\([!-/:-@\[-`{-~])")
"""A backslash escape of ASCII punctuation, as CommonMark reads it."""
_ATTRS = re.compile(r"(?<!\\)\{([^{}]*)\}\s*$")
_ATTR_PAIR = re.compile(r"""([A-Za-z_][\w-]*)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+))""")


@lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.use(container_plugin, name="fenced", validate=lambda params, *args: bool(params.strip()))
    # Inline spans say their language, ``[維護]{lang=zh-Hant}``; braces after anything else stay text.
    md.use(attrs_plugin, after=("span_close",), spans=True, allowed=["lang"])
    md.validateLink = lambda url: True  # type: ignore[method-assign]  # markdown-it's hook is an instance attribute; every link is seen and judged by _check_links, none quietly made text
    return md


def parse_markdown(
    text: str,
    info: DocumentInfo,
    figures: dict[str, Figure],
    *,
    sources: dict[str, CitedSource] | None = None,
    origin: str = "",
    folders: Sequence[Path] = (),
) -> Document:
    """Parse *text* (what a template rendered) into a Document; *sources* are the outline's, for its
    citations; *origin* names the template in errors and *folders* are its set's folders, searched
    for the line a dialect mistake was written on."""
    tokens = _parser().parse(text)
    _check_links(tokens, origin)
    root = SyntaxTreeNode(tokens)
    figures = {ident: clean_figure(figure) for ident, figure in figures.items()}
    reader = _Reader(figures, sources or {}, origin, text.splitlines())
    blocks = reader.blocks(root.children)
    raise_problems(reader.problems, Origin(origin, tuple(folders)))
    return Document(info=clean_info(info), blocks=blocks, figures=figures, sources=sources or {})


def _check_links(tokens: list[Token], origin: str) -> None:
    """Links (inline, reference and autolinks) may only go to http, https, mailto or #anchor targets."""
    for token in tokens:
        for child in token.children or ():
            if child.type != "link_open" or str(child.attrs.get("href", "")).startswith((CITE_SCHEME, SOURCE_SCHEME)):
                continue
            problem = link_problem(str(child.attrs.get("href", "")))
            if problem:
                where = f"line {token.map[0] + 1} of the Markdown the template wrote" if token.map else "the template"
                raise TemplateError(f"{where} links to {problem}", field=origin or None)


def parse_attrs(text: str) -> dict[str, str]:
    """``layout=chart title="A b"`` -> ``{"layout": "chart", "title": "A b"}``."""
    return {m.group(1): next(g for g in m.groups()[1:] if g is not None) for m in _ATTR_PAIR.finditer(text)}


def _raw_attrs(text: str) -> dict[str, str]:
    """Each attribute as written (``layout=qoute``), to find it in the template."""
    return {m.group(1): m.group(0) for m in _ATTR_PAIR.finditer(text)}


def _line(node: SyntaxTreeNode) -> int | None:
    return node.map[0] + 1 if node.map else None


class _Reader:
    def __init__(self, figures: dict[str, Figure], sources: dict[str, CitedSource], origin: str, lines: list[str]) -> None:
        self.figures = figures
        self.citations = _Citations(sources, origin)
        self.origin = origin
        self.lines = lines
        self.problems: list[Problem] = []

    def runs(self, inline: SyntaxTreeNode) -> Runs:
        out: list[Run] = []
        _collect(inline.children, out, Run(""), self.citations)
        return _separated(_merge(list(clean_runs(tuple(out)))))

    def blocks(self, nodes: list[SyntaxTreeNode]) -> tuple[Block, ...]:
        out: list[Block] = []
        for node in nodes:
            block = self.block(node)
            if block is not None:
                out.append(block)
        return tuple(out)

    def block(self, node: SyntaxTreeNode) -> Block | None:
        kind = node.type
        if kind == "heading":
            return self.heading(node)
        if kind == "paragraph":
            return self.paragraph(node)
        if kind in ("bullet_list", "ordered_list"):
            return self.bullet_list(node)
        if kind == "table":
            return self.table(node)
        if kind == "blockquote":
            return Quote(self.blocks(node.children))
        if kind in ("code_block", "fence"):
            return CodeBlock(clean(node.content.rstrip("\n")))
        if kind == "hr":
            return Rule()
        if kind == "container_fenced":
            return self.container(node)
        return None

    def container(self, node: SyntaxTreeNode) -> Container | None:
        name, _, args = node.info.strip().partition(" ")
        blocks = self.blocks(node.children)
        problem = container_problem(name, _line(node))
        if problem is not None:
            self.problems.append(problem)
            return None
        if name == ContainerKind.COLUMNS:
            for child in node.children:
                inner = child.info.strip().partition(" ")[0] if child.type == "container_fenced" else None
                if inner != ContainerKind.COLUMN and (inner is None or inner in {kind.value for kind in ContainerKind}):
                    line = _line(child)  # (a misspelt column is reported as an unknown container)
                    first = self.lines[line - 1] if line and line <= len(self.lines) else ""
                    self.problems.append(stray_in_columns(first, line))
        return Container(kind=ContainerKind(name), args=clean(_ESCAPED.sub(r"\1", args.strip())), blocks=blocks)

    def heading(self, node: SyntaxTreeNode) -> Heading:
        inline = node.children[0]
        source = inline.content
        attrs: dict[str, str] = {}
        match = _ATTRS.search(source)
        if match:
            attrs = {name: clean(value) for name, value in parse_attrs(match.group(1)).items()}
            self.problems += attribute_problems(attrs, _raw_attrs(match.group(1)), _line(node))
            layout = attrs.get(HeadingAttr.LAYOUT, "").strip()
            if layout in {member.value for member in Layout}:
                attrs[HeadingAttr.LAYOUT] = Layout(layout)
            inline = SyntaxTreeNode(_parser().parseInline(source[: match.start()].rstrip()))
            inline = inline.children[0]
        return Heading(level=int(node.tag[1]), runs=self.runs(inline), attrs=attrs)

    def paragraph(self, node: SyntaxTreeNode) -> Block:
        inline = node.children[0]
        children = inline.children
        if len(children) == 1 and children[0].type == "image":
            src = str(children[0].attrs.get("src", ""))
            if src.startswith(FIGURE_SCHEME):
                return self.figure_ref(src[len(FIGURE_SCHEME) :])
        return Paragraph(self.runs(inline))

    def figure_ref(self, ident: str) -> FigureRef:
        if ident not in self.figures:
            known = ", ".join(sorted(self.figures)) or "none"
            raise TemplateError(
                f"the template places figure '{ident}', which the outline does not have (known: {known})",
                field=self.origin or None,
            )
        return FigureRef(ident)

    def bullet_list(self, node: SyntaxTreeNode) -> BulletList:
        items = []
        for item in node.children:
            runs: list[Run] = []
            children: BulletList | None = None
            for child in item.children:
                if child.type == "paragraph" and child.children:
                    if runs:
                        runs.append(Run(LINE_BREAK))
                    runs.extend(self.runs(child.children[0]))
                elif child.type in ("bullet_list", "ordered_list"):
                    children = self.bullet_list(child)
            items.append(ListItem(runs=tuple(runs), children=children))
        return BulletList(items=tuple(items), ordered=node.type == "ordered_list")

    def table(self, node: SyntaxTreeNode) -> TableBlock:
        header: tuple[Runs, ...] = ()
        rows: list[tuple[Runs, ...]] = []
        for part in node.children:
            for row in part.children:
                cells = tuple(self.runs(cell.children[0]) if cell.children else () for cell in row.children)
                if part.type == "thead":
                    header = cells
                else:
                    rows.append(cells)
        return TableBlock(header=header, rows=tuple(rows))


class _Citations:
    """Reads ``[](cite:ID)`` and ``[](source:ID)`` links into citation and anchor runs."""

    def __init__(self, sources: dict[str, CitedSource], origin: str) -> None:
        self.sources = sources
        self.origin = origin

    def run(self, href: str) -> Run | None:
        """The run a citation or anchor link stands for; None for any other link."""
        if href.startswith(CITE_SCHEME):
            ident = self._known(href[len(CITE_SCHEME) :], "cites")
            number = self.sources[ident].number
            if number is None:
                raise TemplateError(
                    f"the template cites source '{ident}', which no point, figure or table row of the outline cites",
                    field=self.origin or None,
                    hint=f"add 'source: {ident}' where the outline makes the claim, or drop the citation from the template",
                )
            return Run(str(number), superscript=True, cite=ident)
        if href.startswith(SOURCE_SCHEME):
            return Run("", anchor=source_anchor(self._known(href[len(SOURCE_SCHEME) :], "marks the entry of")))
        return None

    def _known(self, ident: str, verb: str) -> str:
        if ident not in self.sources:
            known = ", ".join(sorted(self.sources)) or "none"
            raise TemplateError(
                f"the template {verb} source '{ident}', which the outline does not have (known: {known})",
                field=self.origin or None,
            )
        return ident


def _separated(runs: Runs) -> Runs:
    """Citations side by side (``[](cite:b)[](cite:a)``) read in number order, ``1,2``; the same one twice reads once."""
    out: list[Run] = []
    group: list[Run] = []
    for run in (*runs, None):
        if run is not None and run.cite is not None:
            group.append(run)
            continue
        ordered = sorted({cite.cite: cite for cite in group}.values(), key=lambda cite: int(cite.text))
        for index, cite in enumerate(ordered):
            out.extend([Run(",", superscript=True), cite] if index else [cite])
        group = []
        if run is not None:
            out.append(run)
    return tuple(out)


def _collect(nodes: list[SyntaxTreeNode], out: list[Run], style: Run, citations: _Citations) -> None:
    """Append the runs of *nodes* to *out*; *style* is an empty run carrying the styles around them."""
    for node in nodes:
        kind = node.type
        if kind == "text":
            out.append(replace(style, text=node.content))
        elif kind == "softbreak":
            out.append(replace(style, text=" "))
        elif kind == "hardbreak":
            out.append(Run(LINE_BREAK))
        elif kind == "code_inline":
            out.append(Run(node.content, code=True, href=style.href, lang=style.lang))
        elif kind == "strong":
            _collect(node.children, out, replace(style, bold=True), citations)
        elif kind == "em":
            _collect(node.children, out, replace(style, italic=True), citations)
        elif kind == "s":
            _collect(node.children, out, replace(style, strike=True), citations)
        elif kind == "link":
            href = str(node.attrs.get("href", ""))
            special = citations.run(href)
            if special is not None:
                out.append(special)
            else:
                _collect(node.children, out, replace(style, href=href), citations)
        elif kind == "span":
            _collect(node.children, out, replace(style, lang=_span_language(node)), citations)
        elif node.children:
            _collect(node.children, out, style, citations)
        elif node.content:
            out.append(replace(style, text=node.content))


def _span_language(node: SyntaxTreeNode) -> str | None:
    """The language an inline span ``[text]{lang=ko}`` names (spans carry no other attribute)."""
    lang = str(node.attrs.get("lang", "")).strip()
    return lang or None


def _merge(runs: list[Run]) -> Runs:
    """Join neighbouring runs of the same style, so renderers see as few runs as possible."""
    merged: list[Run] = []
    for run in runs:
        if not run.text and run.anchor is None:
            continue
        last = merged[-1] if merged else None
        if (
            last is not None
            and run.cite is None
            and run.text != LINE_BREAK
            and last.text != LINE_BREAK
            and replace(last, text="") == replace(run, text="")
        ):
            merged[-1] = replace(last, text=last.text + run.text)
        else:
            merged.append(run)
    return tuple(merged)
