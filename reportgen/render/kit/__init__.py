"""The meeting kit's printed pages (notes pages, handout), drawn from the deck's own slide plans."""
