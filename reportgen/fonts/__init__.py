"""Fonts as every format needs them: which family draws which script (the fallback chains), where a
family's files are (the template set's assets, reportgen's embedded CJK and symbol fonts, the
system's), TrueType subsets of what a build uses, and advance widths. Format-neutral: the brief's
renderer registers what it finds here with reportlab; the deck's fitter reads the same fonts' widths."""
