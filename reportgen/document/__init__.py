"""The document model every renderer consumes, and the Markdown reader that builds it."""
