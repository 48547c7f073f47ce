"""MkDocs hook: turn [[kind:id]] cross-references into localized links and values."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError

from scripts.crossrefs import CrossrefError, resolve_crossrefs
from scripts.load_facts import load_facts_cached
from scripts.page_languages import page_language, source_line_of_body


def on_page_markdown(markdown, page, config, files):
    lang, page_path = page_language(page, config.docs_dir)
    try:
        return resolve_crossrefs(
            markdown,
            lang,
            page_path,
            load_facts_cached(),
            first_line=source_line_of_body(page),
            source_name=f"docs/{lang}/{page_path}",
        )
    except CrossrefError as err:
        raise PluginError(str(err)) from None
