"""Links from a page to the same page in every language, for the menu and for hreflang.

mkdocs-static-i18n points the language menu at each page's translation, but leaves
the home pages as absolute paths ("/", "/zh/") that break under a sub-path, and writes
relative hreflang links that search engines ignore. Here the menu gets links relative
to the page (right under any sub-path or host) and hreflang gets absolute addresses.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.utils import get_relative_url

# Search engines send readers of any other language to this one.
X_DEFAULT = "en"


@dataclass(frozen=True)
class LanguageLink:
    lang: str
    name: str
    href: str  # relative to the current page
    url: str  # absolute, for hreflang and sitemaps
    current: bool


def language_links(page: Any, config: Any) -> list[LanguageLink]:
    i18n = config.plugins["i18n"]
    alternates = getattr(page.file, "alternates", {})
    site_url = (config.site_url or "").rstrip("/") + "/"
    links = []
    for language in i18n.config.languages:
        if not language.build:
            continue
        target = alternates.get(language.locale)
        if target is None:
            continue
        links.append(
            LanguageLink(
                lang=language.locale,
                name=language.name,
                href=get_relative_url(target.url or ".", page.url or "."),
                url=site_url + target.url.removeprefix("./").removeprefix("."),
                current=language.locale == i18n.current_language,
            )
        )
    return links


def hreflang_alternates(links: list[LanguageLink]) -> list[dict[str, str]]:
    """config.extra.alternate entries (Material writes them as <link rel=alternate>)."""
    entries = [{"name": link.name, "lang": link.lang, "link": link.url} for link in links]
    default = next((link for link in links if link.lang == X_DEFAULT), None)
    if default is not None:
        entries.append({"name": default.name, "lang": "x-default", "link": default.url})
    return entries
