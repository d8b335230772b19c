"""Themes: the look of a template set, common keys plus one options section per format.

Data every stage may read (like the locale); loaded and validated with the
template set (``templating.sets``), with file, line and field for a mistake.
"""

from reportgen.theme.model import Theme

__all__ = ["Theme"]
