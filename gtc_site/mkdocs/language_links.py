"""Links from a page to the same page in every language, for the language menu.

mkdocs-static-i18n points the language menu at each page's translation, but leaves
the home pages as absolute paths ("/", "/zh/") that break under a sub-path. Here every
menu link is relative to the page, so it is right under any sub-path, host or mirror.

hreflang alternates are published in the sitemap (absolute, with x-default), not as
<link rel=alternate> in the page head: Material fetches a sitemap.xml beside every such
link to map pages between languages, which for per-page alternates means one failing
request per language on every page view. The menu already links page to page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.utils import get_relative_url

from gtc_site.mkdocs.i18n_adapter import built_languages, current_language, page_translations


class LanguageMenu:
    """Set as config.extra.alternate: Material's header shows the language menu when this
    is truthy and writes head <link rel=alternate> tags only when it is iterable."""

    def __bool__(self) -> bool:
        return True


@dataclass(frozen=True)
class LanguageLink:
    lang: str
    name: str
    href: str  # relative to the current page
    current: bool


def language_links(page: Any, config: Any) -> list[LanguageLink]:
    alternates = page_translations(page)
    current = current_language(config)
    links = []
    for language in built_languages(config):
        target = alternates.get(language.locale)
        if target is None:
            continue
        links.append(
            LanguageLink(
                lang=language.locale,
                name=language.name,
                href=get_relative_url(target.url or ".", page.url or "."),
                current=language.locale == current,
            )
        )
    return links
