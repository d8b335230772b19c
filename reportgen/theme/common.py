"""What every theme section is made of: strict, frozen models and colour values."""

from __future__ import annotations

from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

Colour = Annotated[str, StringConstraints(pattern=r"^#[0-9A-Fa-f]{6}$")]


class Section(BaseModel):
    """A theme section: unknown keys are mistakes, and a loaded theme never changes."""

    model_config = ConfigDict(extra="forbid", frozen=True)
