"""Template sets: discovery and inheritance, themes, and the Jinja2 environment."""
