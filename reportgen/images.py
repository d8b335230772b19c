"""Whether a file is an image both renderers can embed: checked where the file is named, before any rendering."""

from __future__ import annotations

from pathlib import Path

IMAGE_FORMATS = ("PNG", "JPEG", "GIF")
MAX_IMAGE_PIXELS = 50_000_000


def image_problem(path: Path) -> str | None:
    """Why *path* is not an image both renderers can embed (decoded in full, so a truncated file is caught)."""
    from PIL import Image

    try:
        with Image.open(path) as image:
            if image.format not in IMAGE_FORMATS:
                return f"is a {image.format} file, not a PNG, JPEG or GIF image; save it as PNG"
            if image.width * image.height > MAX_IMAGE_PIXELS:
                return f"is {image.width}x{image.height} pixels, more than {MAX_IMAGE_PIXELS:,}; scale it down"
            image.load()
    except Exception as exc:  # PIL reports unreadable files in many ways (UnidentifiedImageError, OSError, bombs)
        return f"is not a readable PNG, JPEG or GIF image ({type(exc).__name__})"
    return None
