"""The format-neutral slide plan: a Document in, fitted slides out, as plain data.

:mod:`plan` decides every slide (layout, which text goes in which frame at which
size, continuation slides), reading a slide's blocks with :mod:`content`, and
fitting text, tables and charts with :mod:`flow`, :mod:`figures` and the
metrics of :mod:`fit` (in the faces :mod:`faces` picks), on the geometry of :mod:`frames`. The deck writer
(``render.pptx``) carries a plan out; other formats can draw the same plan.
"""
