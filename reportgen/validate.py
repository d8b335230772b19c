"""``reportgen validate``: every check a build runs, short of writing files, and every finding at once.

The outline, the template set and the master are checked independently, so a
broken outline does not hide a broken theme. When the outline and the set are
sound, each format is made in memory by the build's own steps
(:func:`reportgen.build.pipeline.render_format`: templates rendered, their
Markdown parsed, fonts resolved, glyph coverage, figures fitted, images and
master opened) and its bytes discarded, so validate fails whenever build
would, but for what only writing can find (a full disk, a locked or unwritable
output folder). Formats are checked independently of each other too.
"""

from __future__ import annotations

import json
import warnings
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from functools import partial
from pathlib import Path
from typing import Literal, TypeVar

from reportgen.errors import MAX_SHOWN, ErrorList, Location, ReportgenError, ReportgenWarning, TemplateError

Severity = Literal["error", "warning"]
T = TypeVar("T")
MASTER_FORMAT = "pptx"
"""The format whose master a ``--reference-pptx`` (or a set's ``reference.pptx``) is."""


JSON_KEYS = ("file", "line", "column", "field", "severity", "message", "hint")


@dataclass(frozen=True)
class Finding:
    """One thing validate found: where, what is wrong and what to do."""

    severity: Severity
    message: str
    file: str | None = None
    line: int | None = None
    column: int | None = None
    field: str | None = None
    hint: str | None = None

    @classmethod
    def of(cls, error: ReportgenError, severity: Severity) -> Finding:
        where = error.location or Location()
        return cls(
            severity,
            " ".join(error.message.split()),
            str(where.file) if where.file is not None else None,
            where.line,
            where.column,
            error.field or None,
            error.hint,
        )

    def one_line(self) -> str:
        """As the command line prints an error (``file:line:col: field: message (hint)``)."""
        return ReportgenError(
            self.message, location=Location(self.file, self.line, self.column) if self.file else None, field=self.field, hint=self.hint
        ).one_line()

    def json_line(self) -> str:
        """The finding as one JSON object, its keys in the order of :data:`JSON_KEYS`."""
        fields = asdict(self)
        return json.dumps({key: fields[key] for key in JSON_KEYS}, ensure_ascii=False)


@dataclass
class Report:
    """Everything validate found about one outline."""

    outline: Path
    findings: list[Finding]
    summary: str = ""
    """For a sound outline: how much it holds (``3 sections, 7 top-level points``)."""

    def errors(self, *, strict: bool = False) -> list[Finding]:
        """The findings that fail validation (with *strict*, warnings too)."""
        return [finding for finding in self.findings if finding.severity == "error" or strict]


class _Collector:
    """Findings of independent checks: each check's errors and warnings, each finding once."""

    def __init__(self) -> None:
        self.findings: dict[Finding, None] = {}

    def add(self, error: ReportgenError, severity: Severity) -> None:
        for inner in error.errors if isinstance(error, ErrorList) else [error]:
            self.findings.setdefault(Finding.of(inner, severity))

    def check(self, step: Callable[[], T]) -> T | None:
        """*step*'s result, or None when it failed (its error recorded); its warnings are recorded either way."""
        with self._warnings():
            try:
                return step()
            except ReportgenError as error:
                self.add(error, "error")
            except OSError as error:
                where = Location(error.filename) if error.filename else None
                self.add(ReportgenError(error.strerror or str(error), location=where), "error")
            except Exception as error:  # noqa: BLE001 - a bug of ours: still a finding, and the other checks still run
                self.add(ReportgenError(f"internal error: {type(error).__name__}: {error}", hint="please report it"), "error")
        return None

    @contextmanager
    def _warnings(self) -> Iterator[None]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always", ReportgenWarning)
            try:
                yield
            finally:
                for warning in caught:
                    if isinstance(warning.message, ReportgenWarning):
                        self.add(warning.message.error, "warning")


def validate(
    outline_path: Path | None,
    *,
    template: str | Path = "default",
    formats: str | Iterable[str] | None = None,
    reference_pptx: Path | None = None,
) -> Report:
    """Every finding about building *outline_path* (default: the bundled outline) with these options."""
    from reportgen.build import pipeline
    from reportgen.outline import load_outline
    from reportgen.render import base
    from reportgen.templating.sets import load_set

    found = _Collector()
    path = outline_path if outline_path is not None else pipeline.default_outline()
    wanted = found.check(lambda: base.parse_formats(formats))
    outline = found.check(lambda: load_outline(path))
    template_set = found.check(lambda: load_set(template))
    master = reference_pptx if reference_pptx is not None else template_set.theme.reference_pptx if template_set else None
    if wanted and MASTER_FORMAT in wanted and master is not None:
        found.check(lambda: _check_master(master, reference_pptx is not None))
    if outline is not None and template_set is not None and wanted:
        prepared = found.check(lambda: pipeline.prepare(path, template, reference_pptx))
        if prepared is not None:
            for fmt in wanted:
                found.check(partial(pipeline.render_format, prepared, fmt))
    summary = ""
    if outline is not None:
        points = sum(len(section.points) for section in outline.sections)
        summary = f"{len(outline.sections)} sections, {points} top-level points"
    return Report(path, list(found.findings), summary)


def _check_master(path: Path, given: bool) -> None:
    """The master opened and checked as the deck's renderer will (*given*: by ``--reference-pptx``)."""
    from reportgen.render.pptx.master import open_master
    from reportgen.theme import Theme

    if given and not path.is_file():
        raise TemplateError(f"reference deck not found: looked for {path.resolve()}", field="--reference-pptx")
    open_master(Theme().model_copy(update={"reference_pptx": path.resolve() if given else path}))


def printed(report: Report, *, strict: bool = False, as_json: bool = False) -> tuple[list[str], list[str]]:
    """(stdout lines, stderr lines) for *report*: with *as_json*, one JSON object per finding on stdout
    (JSON Lines) and nothing else; otherwise each finding on stderr and, if it passed, one line on stdout.
    With *strict*, warnings are errors."""
    findings = [Finding(**{**asdict(f), "severity": "error"}) if strict else f for f in report.findings]
    if as_json:
        return [finding.json_line() for finding in findings], []
    errors = [finding for finding in findings if finding.severity == "error"]
    stderr = [f"reportgen: {finding.severity}: {finding.one_line()}" for finding in findings[:MAX_SHOWN]]
    hidden = len(findings) - MAX_SHOWN
    if hidden > 0:
        stderr.append(f"reportgen: {findings[MAX_SHOWN].severity}: and {hidden} more (fix these and run again to see them, or use --json)")
    if errors:
        return [], stderr
    warned = len(findings)
    with_warnings = f", with {warned} {'warning' if warned == 1 else 'warnings'}" if warned else ""
    return [f"{report.outline}: valid{with_warnings} ({report.summary})"], stderr
