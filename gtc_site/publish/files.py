"""Write a generated file only when its text changed.

`mkdocs serve` rebuilds whenever a watched file is written, so an unchanged page is left
alone. Thousands of pages are written on a fresh checkout: each costs one open when its
folder exists, which is the usual case.
"""

from __future__ import annotations

from pathlib import Path


def write_if_changed(path: Path, text: str) -> bool:
    """Write text to path unless it already holds it; return whether it was written."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except FileNotFoundError:
        pass
    try:
        path.write_text(text, encoding="utf-8")
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return True
