"""Renderers: each turns a Document and a Theme into the bytes of one output format."""
