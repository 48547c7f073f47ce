"""MkDocs hook: give every page's language menu working links to its translations."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.plugins import event_priority

from scripts.language_links import LanguageMenu, language_links


@event_priority(-50)  # after mkdocs-static-i18n has set its own links for the page
def on_page_context(context, page, config, nav):
    links = language_links(page, config)
    context["language_links"] = links
    # mkdocs-static-i18n sets the attribute, which templates read before the key.
    config.extra.alternate = config.extra["alternate"] = LanguageMenu()
    return context
