"""What a page tells search engines and link previews: OpenGraph tags and JSON-LD.

Generated record pages describe their record (schema.org DefinedTerm, Person,
Organization); the quotes and timeline pages list Quotation and Event items; chapters
are Articles based on the source report.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any

from gtc_site.store.model import Event, FactStore, Localized, Person, Quote, Record

Localize = Callable[[Localized], str]

OG_LOCALES = {"en": "en_US", "zh": "zh_CN", "zh-Hant": "zh_TW"}
SCHEMA_TYPES = {"terms": "DefinedTerm", "people": "Person", "organizations": "Organization"}
SOURCE_ARTICLE = "sv101-gtc-2024"


def _text(value: str) -> str:
    """Front-matter text is HTML-escaped for Material's templates; JSON-LD wants it plain."""
    return html.unescape(value)


def open_graph(
    title: str, description: str, url: str, lang: str, site_name: str, is_home: bool
) -> list[tuple[str, str]]:
    """(property, content) pairs; content is escaped for an HTML attribute by the template."""
    tags = [
        ("og:type", "website" if is_home else "article"),
        ("og:site_name", site_name),
        ("og:title", _text(title)),
        ("og:description", _text(description)),
        ("og:url", url),
        ("og:locale", OG_LOCALES[lang]),
    ]
    tags += [("og:locale:alternate", locale) for code, locale in OG_LOCALES.items() if code != lang]
    return tags


def _record_item(store: FactStore, record: Record, lang: str, url: str, text: Localize) -> dict[str, Any]:
    name = text(record.name)
    item: dict[str, Any] = {
        "@type": SCHEMA_TYPES[record.kind],
        "@id": url,
        "url": url,
        "name": name,
        "alternateName": [n for n in dict.fromkeys([record.name.en, record.name.zh, *record.aliases]) if n != name],
        "description": text(record.description),
    }
    if isinstance(record, Person) and record.role is not None:
        item["jobTitle"] = text(record.role)
        if record.affiliation:
            item["affiliation"] = {"@type": "Organization", "name": text(store.get(record.affiliation).name)}
    if record.kind == "terms":
        item["inLanguage"] = lang
    return item


def _quote_item(store: FactStore, quote: Quote, url: str, text: Localize) -> dict[str, Any]:
    """The words as published (Chinese), with our English translation as its workTranslation."""
    assert quote.text is not None and quote.context is not None
    return {
        "@type": "Quotation",
        "@id": f"{url}#{quote.id}",
        "text": quote.text.zh,
        "inLanguage": "zh",
        "description": text(quote.context),
        "creator": {"@type": "Person", "name": text(store.get(quote.speaker).name)},
        "dateCreated": quote.date,
        "workTranslation": {"@type": "Quotation", "text": quote.text.en, "inLanguage": "en"},
    }


def _event_item(event: Event, url: str, text: Localize) -> dict[str, Any]:
    item = {
        "@type": "Event",
        "@id": f"{url}#{event.id}",
        "name": text(event.name),
        "startDate": event.date,
        "description": text(event.description),
    }
    if event.end_date:
        item["endDate"] = event.end_date
    return item


def structured_data(
    store: FactStore, meta: dict[str, Any], title: str, lang: str, url: str, text: Localize
) -> dict[str, Any]:
    """The JSON-LD object for a page."""
    context = {"@context": "https://schema.org"}
    record_id, source_file = meta.get("record"), meta.get("generated_from", "")
    if record_id and record_id in store.by_id:
        return context | _record_item(store, store.get(record_id), lang, url, text)
    if source_file == "facts/quotes.yml":
        items = [_quote_item(store, q, url, text) for q in store.of_kind("quotes") if isinstance(q, Quote)]
        return context | {"@type": "ItemList", "name": _text(title), "itemListElement": items}
    if source_file == "facts/events.yml":
        items = [_event_item(e, url, text) for e in store.of_kind("events") if isinstance(e, Event)]
        return context | {"@type": "ItemList", "name": _text(title), "itemListElement": items}
    article = {
        "@type": "Article",
        "headline": _text(title),
        "inLanguage": lang,
        "url": url,
        "description": _text(meta.get("description", "")),
    }
    if SOURCE_ARTICLE in store.by_id:
        article["isBasedOn"] = {"@type": "Article", "name": text(store.get(SOURCE_ARTICLE).name)}
    return context | article
