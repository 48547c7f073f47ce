"""Every page the build adds to the hand-written ones, as {docs path: Markdown}.

The build hands these to MkDocs in memory; `make pages` (gtc_site.tools.write_pages) writes
the same text into generated/ for contributors who want to read it. Generated pages are
the record pages and lists of every written language (gtc_site.render.pages), and the
whole Traditional edition, converted from every Simplified page, hand-written or not.
"""

from __future__ import annotations

import re

from gtc_site.i18n.languages import SOURCE_OF_TRADITIONAL, TRADITIONAL, ConvertedLanguage
from gtc_site.i18n.traditional import NeverEntry, TraditionalConverter, never_list_problems
from gtc_site.markdown_source import split_page
from gtc_site.render.crossrefs import KINDS, find_crossrefs
from gtc_site.render.pages import Backlinks, is_generated_page, render_language_pages
from gtc_site.store.errors import FactError
from gtc_site.store.model import LANGUAGES, FactStore, Localized

_TITLE = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)


def collect_backlinks(pages: dict[str, str]) -> Backlinks:
    """record id -> hand-written pages (path, title) that cite it, each page once.

    pages: {path relative to the language root: Markdown} of one language."""
    backlinks: Backlinks = {}
    for relative, text in sorted(pages.items()):
        body = split_page(text).body
        match = _TITLE.search(body)
        title = match.group(1) if match else relative.rsplit("/", 1)[-1].removesuffix(".md")
        for kind, record_id in dict.fromkeys(find_crossrefs(body)):
            if kind in KINDS:
                cited_by = backlinks.setdefault(record_id, [])
                if (relative, title) not in cited_by:
                    cited_by.append((relative, title))
    return backlinks


def generated_pages(store: FactStore, hand_written: dict[str, str], converter: TraditionalConverter) -> dict[str, str]:
    """{docs path ('zh/glossary/nim.md'): Markdown} of every generated page.

    hand_written: {docs path: Markdown} of every hand-written page of every language. The
    Traditional edition converts the hand-written Simplified pages and renders its generated
    pages itself, so that its numbers and strings take the edition's own forms (1.8 兆)."""
    pages: dict[str, str] = {}
    source = f"{SOURCE_OF_TRADITIONAL}/"
    for path, text in sorted(hand_written.items()):
        if path.startswith(source):
            pages[f"{TRADITIONAL}/{path[len(source) :]}"] = converter.page(text, f"docs/{path}")
    languages: list[str] = [*LANGUAGES, ConvertedLanguage(TRADITIONAL, converter)]
    written = {**hand_written, **pages}
    for lang in languages:
        prefix = f"{lang}/"
        own = {path[len(prefix) :]: text for path, text in written.items() if path.startswith(prefix)}
        rendered = render_language_pages(store, lang, collect_backlinks(own))
        pages.update({prefix + relative: text for relative, text in rendered.items()})
    return pages


def is_generated_path(path: str) -> bool:
    """Whether a docs path ('en/glossary/nim.md') belongs to the build: a file written there
    by hand would be replaced, so the build refuses it."""
    lang, _, relative = path.partition("/")
    return lang == TRADITIONAL or (lang in LANGUAGES and is_generated_page(relative))


def traditional_problems(
    pages: dict[str, str],
    hand_written: dict[str, str],
    store: FactStore,
    converter: TraditionalConverter,
    never: list[NeverEntry],
) -> list[FactError]:
    """Known wrong outputs in the Traditional edition, located in the Simplified source: the
    line of a hand-written page, or the fact record whose text a generated page shows."""
    errors: list[FactError] = []
    source = f"{SOURCE_OF_TRADITIONAL}/"
    for path, text in sorted(hand_written.items()):
        if path.startswith(source):
            converted = split_page(pages[f"{TRADITIONAL}/{path[len(source) :]}"]).body
            errors += never_list_problems(converted, never, f"docs/{path}", split_page(text).body_line)
    for record in store.by_id.values():
        for name, value in vars(record).items():
            if isinstance(value, Localized) and name != "text":  # quotes keep the speakers' words
                errors += never_list_problems(converter.text(value.zh), never, record.file, record.line)
    return list(dict.fromkeys(errors))
