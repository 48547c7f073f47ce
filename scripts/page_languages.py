"""Which language a page is in, and where it sits inside that language's folder."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from scripts.fact_model import LANGUAGES
from scripts.traditional_chinese import LANGUAGE as TRADITIONAL

# Written by contributors, then converted at build time.
PUBLISHED_LANGUAGES = (*LANGUAGES, TRADITIONAL)

# The same pattern as MkDocs' own (mkdocs/utils/meta.py), which decides what a page's front matter is.
FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.UNICODE | re.DOTALL)


def page_language(page: Any) -> tuple[str, str]:
    """('zh', 'chapters/keynote.md') for docs/zh/chapters/keynote.md."""
    # With docs_structure "folder", mkdocs-static-i18n keeps the language folder in src_uri.
    lang, _, path = page.file.src_uri.partition("/")
    if not path or lang not in PUBLISHED_LANGUAGES:
        raise ValueError(f"{page.file.abs_src_path} is not inside docs/<language>/")
    return lang, path


def source_line_of_body(page: Any) -> int:
    """Line of the source file on which the Markdown that hooks receive starts.

    MkDocs (utils/meta.get_data) cuts the front matter and the blank lines after it.
    """
    text = Path(page.file.abs_src_path).read_text(encoding="utf-8")
    match = FRONT_MATTER.match(text)
    if match is None:
        return 1
    rest = text[match.end() :]
    skipped = len(rest) - len(rest.lstrip("\n"))
    return text.count("\n", 0, match.end()) + skipped + 1


def is_nested_language_build(config: Any) -> bool:
    """True while mkdocs-static-i18n builds a further language inside the first build: work
    done once per build (validating, generating pages) is already done then."""
    return config.plugins["i18n"].building


def all_languages_built(config: Any) -> bool:
    """True in the last post-build call: mkdocs-static-i18n builds each further language
    inside the first build's on_post_build, and is `building` while it does."""
    return not config.plugins["i18n"].building
