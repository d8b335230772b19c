"""The outline: the YAML contract users write, loaded and validated."""

from reportgen.outline.load import load_outline
from reportgen.outline.model import Outline

__all__ = ["Outline", "load_outline"]
