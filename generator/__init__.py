"""Việt–Lào digest generator: seeds of scraped news text → Markdown pages for MkDocs.

Library first: `build(Paths(...))` does everything and returns a Report; `python -m generator`
is a thin command line over it, and the MkDocs hook (`generator/hooks.py`) calls the same.
"""

from __future__ import annotations

from .build import Paths, Report, build

__all__ = ["Paths", "Report", "build"]
__version__ = "0.1.0"
