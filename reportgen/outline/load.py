"""Load an outline YAML file and validate it into an :class:`Outline`.

Every problem of the file is found in one pass: the YAML reader's (a duplicate
key), the model's (pydantic's errors in plain words, :mod:`messages`), the
rules that relate its parts (:mod:`references`) and its image files
(:mod:`files`). Each is an :class:`OutlineError` naming the file, line, column
and field path (``sections[2].points[0].source``); one is raised alone,
several together as :class:`OutlineErrors`, in the order of the file.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic_core import ErrorDetails

from reportgen.errors import Location, OutlineError, OutlineErrors, ReportgenError, ReportgenWarning, dotted_path
from reportgen.outline import messages
from reportgen.outline.files import file_problems
from reportgen.outline.locate import place
from reportgen.outline.model import Outline
from reportgen.outline.references import cross_reference_problems
from reportgen.outline.vocabulary import language_warning
from reportgen.yamlfile import KEY, Positions, position_of, read_yaml_with_problems


def load_outline(path: str | Path) -> Outline:
    """Load and validate the outline at *path*; raise :class:`OutlineError` (or :class:`OutlineErrors`)."""
    path = Path(path)
    data, positions, found = read_yaml_with_problems(path, what="outline", error=OutlineError)
    return validate_outline(data, positions, path, found)


def validate_outline(data: Any, positions: Positions, path: Path, found: Iterable[ReportgenError] = ()) -> Outline:
    """The outline in *data*; *found* are problems the reader already met, reported with the rest."""
    errors = list(found)
    if not isinstance(data, dict):
        errors.append(OutlineError("the outline must be a mapping with meta, summary and sections", location=Location(path, 1, 1)))
        _raise_all(errors)
    outline: Outline | None = None
    try:
        outline = Outline.model_validate(data)
    except ValidationError as exc:
        errors += _model_errors(exc.errors(include_url=False), positions, path)
    problems = cross_reference_problems(data) + file_problems(data, path.resolve().parent)
    errors += [OutlineError(message, location=position_of(path, positions, where), field=dotted_path(where)) for where, message in problems]
    _raise_all(errors)
    assert outline is not None, "the model accepted nothing, yet no error was raised"
    _check_language(outline, positions, path)
    return outline.located(path, positions)


def _raise_all(errors: list[ReportgenError]) -> None:
    raised = OutlineErrors.of(errors)
    if raised is not None:
        raise raised


def _model_errors(details: list[ErrorDetails], positions: Positions, path: Path) -> list[OutlineError]:
    """Pydantic's errors as ours. A required key reported missing beside an unknown key that is its
    near miss (``titel:``) is one mistake, reported once: as the unknown key, with the suggestion."""
    worded = [_worded(detail, positions) for detail in details]
    misspelt = {(*where[:-1], wording.meant) for _, where, wording, _ in worded if wording.meant is not None}
    errors: list[OutlineError] = []
    for kind, where, wording, at_key in worded:
        if kind == "missing" and where in misspelt:
            continue
        key_position = positions.get((*where[:-1], KEY, where[-1])) if at_key and where else None
        location = Location(path, *key_position) if key_position else position_of(path, positions, where)
        shown = where[:-1] if where and where[-1] == "" else where  # an empty key: name its mapping
        errors.append(OutlineError(wording.message, location=location, field=dotted_path(shown), hint=wording.hint))
    return errors


def _worded(detail: ErrorDetails, positions: Positions) -> tuple[str, tuple[str | int, ...], messages.Wording, bool]:
    """(error type, where in the data, its wording, whether it is about the key itself)."""
    spot = place(tuple(detail["loc"]))
    known = tuple(spot.model.model_fields) if spot.model is not None else ()
    wording = messages.wording(messages.problem_of(detail, spot.path, known, spot.at_key))
    where = spot.path
    if wording.inside and (*where, *wording.inside) in positions:
        where = (*where, *wording.inside)
    return detail["type"], where, wording, spot.at_key


def _check_language(outline: Outline, positions: Positions, path: Path) -> None:
    """Warn about a well-formed language tag that reportgen has no words for."""
    found = language_warning(outline.meta.language)
    if found is not None:
        message, hint = found
        where = ("meta", "language")
        warnings.warn(
            ReportgenWarning(message, location=position_of(path, positions, where), field=dotted_path(where), hint=hint),
            stacklevel=3,
        )
