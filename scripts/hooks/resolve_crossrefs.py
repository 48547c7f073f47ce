"""MkDocs hook: turn [[kind:id]] cross-references into localized links and values."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError

from scripts.crossrefs import CrossrefError, resolve_crossrefs
from scripts.load_facts import current_facts
from scripts.page_languages import page_language, source_line_of_body


def on_page_markdown(markdown, page, config, files):
    lang, page_path = page_language(page)
    try:
        return resolve_crossrefs(markdown, lang, page_path, current_facts())
    except CrossrefError as err:
        located = err.located(f"docs/{lang}/{page_path}", source_line_of_body(page))
        raise PluginError(str(located)) from None
