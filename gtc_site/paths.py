"""Where the project's folders are, worked out when asked (never at import), so that tests,
benchmarks and the MkDocs plugin's config can point a run at another fact store."""

from __future__ import annotations

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def facts_dir() -> Path:
    """The fact store: GTC_FACTS_DIR when set (tests and benchmarks), else facts/."""
    return Path(os.environ.get("GTC_FACTS_DIR", ROOT / "facts"))


def schema_dir() -> Path:
    return ROOT / "facts" / "schema"


def translation_dir() -> Path:
    return ROOT / "facts" / "translation"


def docs_dir() -> Path:
    return ROOT / "docs"
