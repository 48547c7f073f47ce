"""Where record pages sit in the navigation: under their kind's section, one subsection per
category (the plugin's on_nav builds it; the benchmark writes the same for its baseline)."""

from __future__ import annotations

from gtc_site.i18n.languages import TRADITIONAL, ConvertedLanguage, stored_language
from gtc_site.i18n.traditional import TraditionalConverter
from gtc_site.store.model import FactStore, Record


def category_sections(
    store: FactStore, kind: str, lang: str, converter: TraditionalConverter
) -> list[tuple[str, list[Record]]]:
    """(category title in lang, its records by name in lang), categories in store order;
    categories without records left out."""
    words = ConvertedLanguage(TRADITIONAL, converter) if lang == TRADITIONAL else lang
    sections = []
    for category_id, category in store.categories.get(kind, {}).items():
        records = [r for r in store.of_kind(kind) if r.category == category_id]
        if records:
            records.sort(key=lambda r: r.name[stored_language(lang)].casefold())
            sections.append((category.name[words], records))
    return sections
