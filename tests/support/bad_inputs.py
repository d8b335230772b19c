"""A corpus of bad inputs, each with what the user must be told.

Run as a script to regenerate docs/bad-inputs.md from what the command line
really prints; tests/test_bad_inputs.py checks the document is current.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from support import hostile_masters as hm

REPO = Path(__file__).resolve().parents[2]
DOC = REPO / "docs" / "bad-inputs.md"
BASE = (REPO / "tests" / "fixtures" / "small.yaml").read_text(encoding="utf-8")


@dataclass(frozen=True)
class Case:
    name: str
    write: Callable[[Path], list[str]]
    """Prepares the folder and returns the command-line arguments after 'reportgen'."""
    expected: str
    exit_code: int = 2
    section: str = ""
    """The heading it is listed under in docs/bad-inputs.md (none: the first table)."""
    output_fault: bool = False
    """A fault of the output folder, which only build can see (validate passes)."""


def section(title: str, *cases: Case) -> list[Case]:
    """*cases* listed under the heading *title*."""
    return [replace(case, section=title) for case in cases]


def outline(text: str | bytes, *extra: str) -> Callable[[Path], list[str]]:
    def write(folder: Path) -> list[str]:
        path = folder / "outline.yaml"
        path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return ["build", "outline.yaml", *extra]

    return write


def replaced(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def template_set(theme: str, **files: str) -> Callable[[Path], list[str]]:
    def write(folder: Path) -> list[str]:
        (folder / "outline.yaml").write_text(BASE, encoding="utf-8")
        (folder / "myset").mkdir()
        (folder / "myset" / "theme.yaml").write_text(theme, encoding="utf-8")
        for name, text in files.items():
            (folder / "myset" / name.replace("__", ".")).write_text(text, encoding="utf-8")
        return ["build", "outline.yaml", "--template", "myset"]

    return write


def truncated_image(folder: Path) -> list[str]:
    from PIL import Image

    Image.new("RGB", (400, 300), (10, 80, 160)).save(folder / "pic.png")
    data = (folder / "pic.png").read_bytes()
    (folder / "pic.png").write_bytes(data[: len(data) // 2])
    return outline(replaced("sources:", "      - {id: pic, type: image, title: P, path: pic.png}\nsources:"))(folder)


def wide_table(folder: Path) -> list[str]:
    columns = ", ".join(f"c{i}" for i in range(200))
    cells = ", ".join("x" for _ in range(200))
    figure = f"      - {{id: wide, type: table, title: W, columns: [{columns}], rows: [[{cells}]]}}\nsources:"
    return outline(replaced("sources:", figure))(folder)


def not_a_deck(folder: Path) -> list[str]:
    (folder / "corporate.pptx").write_text("not a PowerPoint file", encoding="utf-8")
    return outline(BASE, "--reference-pptx", "corporate.pptx")(folder)


def master(made: Callable[[Path], Path]) -> Callable[[Path], list[str]]:
    """The small outline built on the reference deck *made* writes (tests/support/hostile_masters.py)."""

    def write(folder: Path) -> list[str]:
        made(folder / "corporate.pptx")
        return outline(BASE, "--reference-pptx", "corporate.pptx")(folder)

    return write


def linked_set(brief: str, link: str, theme: str = "extends: default\n") -> Callable[[Path], list[str]]:
    """A set whose file *link* is a symbolic link to the outline, which is outside the set."""

    def write(folder: Path) -> list[str]:
        args = template_set(theme, brief__md__j2=brief)(folder)
        (folder / "myset" / link).symlink_to(folder / "outline.yaml")
        return args

    return write


def pack_folder_with(name: str, make: Callable[[Path], None]) -> Callable[[Path], list[str]]:
    """A build into ./pack, where *make* puts something that is not a regular file at *name*."""

    def write(folder: Path) -> list[str]:
        (folder / "pack").mkdir()
        make(folder / "pack" / name)
        return outline(BASE, "--out", "pack")(folder)

    return write


def font_set(content: bytes | int) -> Callable[[Path], list[str]]:
    """A set with one font file: these bytes, or a file of this many bytes (sparse, so instant)."""
    theme = "extends: default\nbrief:\n  fonts:\n    body: Mine\nfont_files:\n  Mine:\n    regular: mine.ttf\n"

    def write(folder: Path) -> list[str]:
        args = template_set(theme)(folder)
        with open(folder / "myset" / "mine.ttf", "wb") as font:
            if isinstance(content, int):
                font.truncate(content)
            else:
                font.write(content)
        return args

    return write


def edited(*edits: Callable[[dict[str, bytes]], None]) -> Callable[[Path], Path]:
    """A master made from the default template by *edits*."""
    return lambda path: hm.write_master(path, *edits)


def link_to_dev_zero(path: Path) -> None:
    path.symlink_to("/dev/zero")


def hostile(brief: str) -> Callable[[Path], list[str]]:
    return template_set("extends: default\n", brief__md__j2="# Brief\n" + brief + "\n")


BOMB = "a: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 10)}]\n" for i in range(6)
)

BAD_INPUTS = [
    Case("YAML: tab indentation", outline(replaced("  author:", "\tauthor:")), "indent with spaces, not tabs"),
    Case("YAML: unclosed quote", outline(replaced("title: A small brief", 'title: "A small brief')), "YAML syntax error"),
    Case("YAML: bad indentation", outline(replaced("  author:", "   author:")), "YAML syntax error"),
    Case("YAML: empty file", outline(""), "the outline file is empty"),
    Case("YAML: not UTF-8", outline(BASE.encode("utf-8").replace(b"Test Author", b"Test Auth\xe9r")), "not UTF-8: byte 0xe9"),
    Case("YAML: duplicate key", outline(replaced("  author:", "  date: 2024-01-01\n  author:")), "duplicate key 'date'"),
    Case("YAML: aliases expanding without bound", outline(BOMB), "aliases expanding without bound"),
    Case("Model: unknown key, near miss", outline(replaced("  author:", "  autor:")), "did you mean 'author'?"),
    Case("Model: wrong type", outline(replaced("keywords: [alpha, beta]", "keywords: {a: b}")), "meta.keywords: must be a list of keywords, not a mapping"),
    Case("Model: empty required field", outline(replaced("title: A small brief", "title: ''")), "meta.title: must not be empty"),
    Case("Model: duplicate id", outline(replaced("id: two", "id: one")), "duplicate section id 'one'"),
    Case("Model: unknown source", outline(replaced("source: src", "source: srcc")), "unknown source 'srcc' (known: src)"),
    Case("Model: unknown figure type", outline(replaced("type: bar", "type: donut")), "unknown figure type 'donut'"),
    Case("Model: series of the wrong length", outline(replaced("values: [1, 2, 3]", "values: [1, 2]")), "has 2 values but there are 3 categories"),
    Case("Model: NaN value", outline(replaced("values: [1, 2, 3]", "values: [1, .nan, 3]")), "must be a number"),
    Case("Model: infinite value", outline(replaced("values: [1, 2, 3]", "values: [1, 1e999, 3]")), "values must be finite numbers"),
    Case("Model: negative value in a pie", outline(replaced("type: bar", "type: pie").replace("values: [1, 2, 3]", "values: [1, -2, 3]")), "a pie chart cannot show negative values"),
    Case(
        "Model: sections' minutes over the talk's duration",
        outline(replaced("  keywords: [alpha, beta]", "  keywords: [alpha, beta]\n  duration: 5").replace("    notes: Say that.", "    notes: Say that.\n    minutes: 6")),
        "sections[1].minutes: the sections' minutes reach 6, more than meta.duration (5)",
    ),
    Case("YAML: a Python tag", outline(replaced("  author: Test Author", "  author: !!python/object/apply:os.system ['touch pwned']")), "the YAML tag '!!python/object/apply:os.system' is not allowed"),
    Case("Model: extra nested too deep", outline(replaced("    notes: Say this.", "    notes: Say this.\n    extra: {a: {b: {c: {d: {e: {f: 1}}}}}}")), "sections[0].extra.a.b.c.d.e: is nested more than 5 levels deep"),
    Case("Model: extra text of 10 MB", outline(replaced("    notes: Say this.", "    notes: Say this.\n    extra: {memo: " + "x" * 10_000_000 + "}")), "sections[0].extra.memo: is 10,000,000 characters long"),
    Case("Model: unknown source on a table row", outline(replaced("sources:", "      - {id: t, type: table, title: T, columns: [a], rows: [{cells: [x], source: nope}]}\nsources:")), "rows[0].source: unknown source 'nope'"),
    Case("Model: recommendation priority not known", outline(replaced("sources:", "recommendations:\n  - {text: Act., priority: urgent}\nsources:")), "recommendations[0].priority: 'urgent' is not allowed here (use one of: high, medium, low)"),
    Case("Model: nesting deeper than three", outline(replaced("              - Beta grandchild", "              - text: Beta grandchild\n                points: [too deep]")), "points nest at most 3 levels deep"),
    Case("Files: image that does not exist", outline(replaced("sources:", "      - {id: pic, type: image, title: P, path: missing.png}\nsources:")), "image not found: looked for"),
    Case("Files: image outside the outline's folder", outline(replaced("sources:", "      - {id: pic, type: image, title: P, path: ../../etc/passwd}\nsources:")), "leaves the outline's folder"),
    Case("Files: not an image", outline(replaced("sources:", "      - {id: pic, type: image, title: P, path: outline.yaml}\nsources:")), "is not a readable PNG, JPEG or GIF image"),
    Case("YAML: byte-order mark (accepted)", outline(b"\xef\xbb\xbf" + BASE.encode("utf-8")), "", exit_code=0),
    Case("YAML: unquoted yes where text is expected (kept as written)", outline(replaced("subtitle: For tests", "subtitle: yes")), "", exit_code=0),
    Case("YAML: number where text is expected (accepted as text)", outline(replaced("author: Test Author", "author: 1.50")), "", exit_code=0),
    Case("Text: control characters (removed, with a warning)", outline(replaced("Alpha point", '"Alpha\\a \\x01point"')), "removed U+0001, U+0007", exit_code=0),
    Case("Text: lone surrogate (removed, with a warning)", outline(replaced("Alpha point", '"Alpha \\ud800point"')), "removed U+D800", exit_code=0),
    Case("Text: zero-width and bidi characters (kept)", outline(replaced("Alpha point", "Alpha\u200bpoint \u202eevil\u202c")), "", exit_code=0),
    Case("Text: an emoji no font has (a warning naming the package)", outline(replaced("Alpha point", "Alpha point \U0001FAE0")), "no font here can draw '\U0001FAE0' (U+1FAE0); the brief will show blanks (install fonts-symbola (Debian/Ubuntu)", exit_code=0),
    Case("Text: a 10,000-character point (wrapped and continued)", outline(replaced("Alpha point", "Long sentence here. " * 500)), "", exit_code=0),
    Case("Text: a 2,000-character unbroken token (broken across lines)", outline(replaced("Alpha point", "https://example.org/" + "x" * 2000)), "", exit_code=0),
    Case("Files: output folder that cannot be written", outline(BASE, "--out", "/proc/reportgen-cannot-write"), "cannot write the output", output_fault=True),
    Case("Files: a named pipe where the deck goes", pack_folder_with("deck.pptx", os.mkfifo), "a named pipe (FIFO) stands where the output file goes", output_fault=True),
    Case("Files: a link to /dev/zero where the brief goes", pack_folder_with("brief.pdf", link_to_dev_zero), "a symbolic link stands where the output file goes", output_fault=True),
    Case("Files: a named pipe where the manifest goes", pack_folder_with(".reportgen-manifest.json", os.mkfifo), "a named pipe (FIFO) stands where the manifest goes", output_fault=True),
    Case("Files: font file that does not exist", template_set("extends: default\nfont_files:\n  Mine:\n    regular: assets/nope.ttf\n"), "font file not found: looked for"),
    Case("YAML: an alias that refers to itself", outline(BASE + "loop: &loop [*loop]\n"), "an alias refers to itself"),
    Case("Files: image that is truncated", truncated_image, "is not a readable PNG, JPEG or GIF image"),
    Case("Files: reference deck that is not a PowerPoint file", not_a_deck, "cannot use the reference deck"),
    Case("Model: a table too wide for the page, even turned", wide_table, "split the table into tables of at most"),
    Case("Template: a Markdown table too wide for the page, even turned", template_set("extends: default\n", brief__md__j2="| " + " | ".join(f"c{i}" for i in range(200)) + " |\n|" + "---|" * 200 + "\n"), "the Markdown table headed"),
    Case("Template: extends that is not one name", template_set("extends: [default]\n"), "'extends' must name one template set"),
    Case("Template: page words with an unknown field", template_set("extends: default\nstrings:\n  page_of: '{page} of {total}'\n"), "may use only {page} and {pages}"),
    Case("Template: a number too large", template_set("extends: default\n", brief__md__j2="{{ 2.0 ** 100000 }}\n"), "a number the template computes is too large to hold"),
    Case("Template: misspelled variable", template_set("extends: default\n", brief__md__j2="# {{ meta.titel }}\n"), "meta has no field 'titel'; did you mean 'title'?"),
    Case("Template: syntax error", template_set("extends: default\n", brief__md__j2="{% for x in %}\n"), "template syntax error"),
    Case("Template: unknown theme key", template_set("extends: default\ncolors:\n  primary: '#000000'\n"), "unknown theme key 'colors'"),
    Case("Template: theme value of the wrong type", template_set("extends: default\nbrief:\n  sizes:\n    body: big\n"), "brief.sizes.body"),
    Case("Template: missing logo", template_set("extends: default\nlogo: assets/logo.png\n"), "logo not found: looked for"),
    Case("Template: endless output", template_set("extends: default\n", brief__md__j2="{% for i in range(100000) %}{% for j in range(100000) %}xxxxxxxxxxxxxxxxxxxx{% endfor %}{% endfor %}\n"), "characters (a runaway loop?)"),
    Case(
        "Model: four mistakes at once (one line each, in file order)",
        outline(replaced("  author:", "  autor:").replace("    lead:", "    laed:", 1).replace("source: src", "source: srcc", 1).replace("type: bar", "type: Bar", 1)),
        "5:3: meta.autor: unknown key 'autor' (did you mean 'author'?)\n"
        "16:5: sections[0].laed: unknown key 'laed' (did you mean 'lead'?)\n"
        "20:17: sections[0].points[1].source: unknown source 'srcc' (known: src)\n"
        "33:15: sections[1].figures[0].type: unknown figure type 'Bar' (did you mean 'bar'?)",
    ),
    Case(
        "Model: twenty-five mistakes (twenty shown, then how many more)",
        outline(replaced("      - Gamma point\n", "".join(f"      - {{text: p{i}, source: nope}}\n" for i in range(25)))),
        "\n".join(["unknown source 'nope'"] * 20 + ["and 5 more errors (fix these and run again to see them)"]),
    ),
    Case("Model: too many summary items", outline(replaced("  - Another judgment.", "  - Another judgment.\n" + "  - More.\n" * 5)), "summary: has 7 items; at most 6 are allowed"),
    Case("Model: glossary written as a list", outline(replaced("  ABC: A term", "  - ABC: A term")), "glossary: must be a mapping of term: meaning, not a list"),
    Case("Model: points written as text", outline(replaced("    points:\n      - Gamma point", "    points: Gamma point")), "sections[1].points: must be a list of points, not text"),
    Case("Model: a figure type in another tool's words", outline(replaced("type: bar", "type: column")), "unknown figure type 'column' (did you mean 'bar'?)"),
    Case("Model: an ill-formed language tag", outline(replaced("  marking:", "  language: en_US\n  marking:")), "meta.language: must be a language tag such as 'en' or 'ja-JP' (BCP 47), not 'en_US' (did you mean 'en-US'?)"),
    Case("Model: a country code for a language (a warning)", outline(replaced("  marking:", "  language: kr\n  marking:")), "meta.language: no built-in words for the language 'kr'", exit_code=0),
    Case("YAML: a key indented less than its siblings", outline(replaced("  author:", " author:")), "YAML syntax error: this key is indented less than its siblings ('subtitle' on line 4 starts at column 3)"),
    Case("YAML: a list item where a key was expected", outline(replaced("  keywords: [alpha, beta]", "  keywords: [alpha, beta]\n  - gamma")), "YAML syntax error: a list item where a key was expected"),
    Case("YAML: a list item indented deeper than the one above", outline(replaced("      - text: Beta point", "        - text: Beta point")), "YAML syntax error: this list item is indented deeper than the one above it"),
    Case("YAML: unquoted text with ': '", outline(replaced("title: A small brief", "title: Japan: a brief")), "the text of 'title' contains ': '"),
] + section(
    "Hostile masters and links",
    Case("Master: a zip bomb (a picture of 1 GiB of zeros in a 5 MB file)", master(hm.bomb), "over the limit of 100 MB"),
    Case("Master: a part that unpacks to more than its entry declares", master(hm.lying_bomb), "is damaged and cannot be unpacked"),
    Case("Master: 5,001 extra parts", master(edited(hm.too_many_parts)), "over the limit of 5,000"),
    Case("Master: password-protected", master(hm.password_protected), "it is password-protected"),
    Case("Master: a linked picture, macros, an OLE object and an ActiveX control (removed, with warnings)", master(edited(hm.hostile)), "removed 1 external link", exit_code=0),
    Case("Master: a relationship the master's layout list needs is gone", master(edited(hm.dangling_relationship)), "refers to relationship rId1, which the part does not have"),
    Case("Master: a layout part is missing", master(edited(hm.missing_layout)), "which is not in the file"),
    Case("Master: no slide master", master(edited(hm.no_slide_master)), "it has no slide master"),
    Case("Master: a slide master without layouts", master(edited(hm.no_layouts)), "has no layouts"),
    Case("Master: XML that does not parse", master(edited(hm.broken_xml)), "is not well-formed XML"),
    Case("Master: no presentation part", master(edited(hm.no_presentation)), "it has no presentation in it"),
    Case("Links: javascript: in a source url", outline(replaced("    author: Someone", "    author: Someone\n    url: javascript:alert(1)")), "sources[0].url: links to 'javascript:alert(1)'"),
    Case("Links: a disguised scheme in a point's Markdown link", outline(replaced("Alpha point", "'Alpha [point](JaVa&#x09;ScRiPt:alert(1))'")), "which uses the 'javascript:' scheme"),
    Case("Links: a source url with no scheme", outline(replaced("    author: Someone", "    author: Someone\n    url: whitehouse.gov/briefing-room")), "sources[0].url: links to 'whitehouse.gov/briefing-room', which has no scheme, so it would open as a file beside the document (add https:// in front: 'https://whitehouse.gov/briefing-room')"),
    Case("Links: a file: link in a source url", outline(replaced("    author: Someone", "    author: Someone\n    url: file:///etc/passwd")), "uses the 'file:' scheme"),
    Case("Links: a link with no scheme in a template", template_set("extends: default\n", brief__md__j2="# Brief\n\nSee [the annex](www.example.org/annex).\n"), "brief.md.j2: line 3 of the Markdown the template wrote links to 'www.example.org/annex', which has no scheme"),
    Case("Links: a javascript: autolink in a template", template_set("extends: default\n", brief__md__j2="# Brief\n\nSee <javascript:alert(1)>.\n"), "brief.md.j2: line 3 of the Markdown the template wrote links to"),
    Case("Dialect: a misspelt layout", template_set("extends: default\n", deck__md__j2="# {{ meta.title }} {layout=qoute}\n"), "deck.md.j2:1:21: unknown layout 'qoute' (did you mean 'quote'?)"),
    Case("Dialect: a misspelt container", template_set("extends: default\n", brief__md__j2="# Brief\n\n::: colum Left\nText\n:::\n"), "brief.md.j2:3:1: unknown container 'colum' (did you mean 'column'?)"),
    Case("Dialect: a block in columns but in no column", template_set("extends: default\n", brief__md__j2=":::: columns\n::: column A\nOne\n:::\nStray text\n::::\n"), "brief.md.j2:5:1: a block inside ':::: columns' is not inside a '::: column'"),
    Case("Dialect: two mistakes at once", template_set("extends: default\n", deck__md__j2="# A {layout=qoute}\n\n---\n\n# B {lyout=chart}\n"), "deck.md.j2:1:6: unknown layout 'qoute'\ndeck.md.j2:5:6: unknown heading attribute 'lyout' (did you mean 'layout'?)"),
)

HOSTILE_SETS = section(
    "Hostile template sets",
    Case("Hostile set: reading a file through a theme path", hostile("{{ (theme.font_paths.NotoSans.regular.parent / '/etc/hostname').read_text() }}"), "theme has no field 'font_paths'"),
    Case("Hostile set: a method not on the list", hostile("{{ meta.title.format_map({}) }}"), "brief.md.j2:2: templates may not call str.format_map"),
    Case("Hostile set: reaching Python internals", hostile("{{ meta.title.__class__.__mro__ }}"), "brief.md.j2:2: templates may not use str.__class__"),
    Case("Hostile set: a filter that is not offered", hostile("{{ meta|pprint }}"), "brief.md.j2:2: templates may not use the filter 'pprint'"),
    Case("Hostile set: a number of millions of digits", hostile("{{ (9**99999999) > 1 }}"), "brief.md.j2:2: the template computes a number of more than 4,300 digits (9 ** 99999999)"),
    Case("Hostile set: a text of four gigabytes", hostile("{% set s = 'ab' * 2000000000 %}"), "brief.md.j2:2: the template makes a text of more than 20,000,000 characters"),
    Case("Hostile set: a list of a hundred million items", hostile("{{ ([1]*10**8)|length }}"), "brief.md.j2:2: the template makes a list of more than 1,000,000 items"),
    Case("Hostile set: padding to a billion characters", hostile("{{ meta.title.center(10**9) }}"), "brief.md.j2:2: the template makes a text of more than 20,000,000 characters (str.center(1000000000))"),
    Case("Hostile set: a format width of a billion", hostile("{{ '{:>999999999}'.format(meta.title) }}"), "the template makes a text of more than 20,000,000 characters (str.format"),
    Case("Hostile set: text doubled in a loop", hostile("{% set ns = namespace(s='ab') %}{% for i in range(40) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}"), "brief.md.j2:2: the template makes a text of more than 20,000,000 characters (~)"),
    Case("Hostile set: a citation of a source the outline lacks", hostile("[](cite:nope)"), "the template cites source 'nope', which the outline does not have"),
    Case("Hostile set: a citation id that breaks out of its link", hostile("{{ ['x)[a](javascript:alert(1)'] | cite }}"), "cite takes source ids"),
    Case("Hostile set: an include that links outside the set", linked_set("{% include 'leak.txt' %}\n", "leak.txt"), "leak.txt is a link to"),
    Case("Hostile set: a master that links outside the set", linked_set("# Brief\n", "reference.pptx"), "reference.pptx is a link to"),
    Case("Hostile set: a font file that is not a font", font_set(b"not a font at all"), "font_files.Mine.regular: the font file"),
    Case("Hostile set: a font file of 60 MB", font_set(60_000_000), "a set's font files may be at most 50 MB"),
)
"""Template sets written to harm: reach files, compute without bound, or bring in files from outside the set.
(A call that runs long in C is ended by the CPU limit after 32 s; tests/templating/test_backstop.py shows it with a small limit.)"""

CASES = BAD_INPUTS + HOSTILE_SETS


def run(case: Case, folder: Path) -> subprocess.CompletedProcess:
    """``reportgen build ...`` on the case (its folder prepared)."""
    return _reportgen(case.write(folder), folder)


def validate_args(build_args: list[str]) -> list[str]:
    """The ``reportgen validate`` line for a ``reportgen build`` line: the same inputs, no output folder."""
    args, rest = ["validate"], build_args[1:]
    while rest:
        arg, *rest = rest
        if arg in ("--out", "-o"):
            rest = rest[1:]
        elif arg != "--force":
            args.append(arg)
    return args


def run_validate(case: Case, folder: Path) -> subprocess.CompletedProcess:
    """``reportgen validate ...`` with the case's inputs (its folder prepared)."""
    return _reportgen(validate_args(case.write(folder)), folder)


def _reportgen(args: list[str], folder: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "COLUMNS": "200"}
    return subprocess.run([sys.executable, "-m", "reportgen", *args], cwd=folder, capture_output=True, text=True, timeout=300, env=env)


def table() -> str:
    parts = [
        "# Bad input and what it gets\n\n"
        "Generated by `PYTHONPATH=tests python -m support.bad_inputs` from what the command line really prints;\n"
        "`tests/test_bad_inputs.py` fails when this table is out of date. `validate` is run with the same inputs\n"
        "as `build` (no `--out`): it fails on every input that makes `build` fail, but for faults of the output\n"
        "folder, which only writing can find.\n"
    ]
    for title in dict.fromkeys(case.section for case in CASES):
        rows = ["| bad input | what `build` prints | exit | what `validate` prints | exit |", "| --- | --- | --- | --- | --- |"]
        for case in (case for case in CASES if case.section == title):
            with tempfile.TemporaryDirectory() as temp:
                built = run(case, Path(temp))
            with tempfile.TemporaryDirectory() as temp_validate:
                checked = run_validate(case, Path(temp_validate))
            build_text = _cell(built.stderr, temp, "(nothing on stderr; the pack is written)")
            validate_text = _cell(checked.stderr, temp_validate, "(nothing on stderr; valid)")
            rows.append(f"| {case.name} | `{build_text}` | {built.returncode} | `{validate_text}` | {checked.returncode} |")
        parts.append((f"## {title}\n\n" if title else "") + "\n".join(rows) + "\n")
    return "\n".join(parts)


def _cell(stderr: str, temp: str, empty: str) -> str:
    printed = stderr.strip() or empty
    return " / ".join(printed.splitlines()).replace("|", "\\|").replace(temp, "…")


if __name__ == "__main__":
    DOC.write_text(table(), encoding="utf-8")
    print(DOC)
