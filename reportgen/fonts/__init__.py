"""Font files: the embedded CJK and symbol fonts reportgen ships, and TrueType subsets of any font for the PDF."""
