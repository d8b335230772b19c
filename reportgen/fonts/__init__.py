"""Fonts as data: which file draws a face, and its advance widths (format-neutral, fontTools only)."""
