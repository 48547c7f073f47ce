"""Render the generated pages of one language from the fact store, as Markdown.

Links between records are written as cross-references ([[term:nim]]), which the
cross-reference hook resolves like those on hand-written pages: one way to link.
"""

from __future__ import annotations

import html
import math
from collections import defaultdict
from collections.abc import Iterable

import yaml

from gtc_site.i18n.formats import format_date, format_date_range, format_figure
from gtc_site.i18n.languages import TRADITIONAL, is_chinese, plain_text, stored_language
from gtc_site.i18n.strings import t
from gtc_site.render.chart import CATEGORY as TRAINING_CATEGORY
from gtc_site.render.chart import render_training_comparison
from gtc_site.render.crossrefs import KINDS
from gtc_site.render.markdown_text import escape_markdown
from gtc_site.render.search_terms import search_tags
from gtc_site.store.model import (
    LANGUAGES,
    RECORD_TYPES,
    Event,
    FactStore,
    Figure,
    Person,
    Quote,
    Record,
    Source,
    SourceSection,
)

# kind of record -> the word used in cross-references to it ("terms" -> "term").
REF_KIND = {kind: ref for ref, kind in KINDS.items() if ref != "excerpt"}
# Kinds with a page per record, and the folder (under a language root) that holds them.
SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
RECORD_FOLDERS = {"terms": "glossary", "people": "people", "organizations": "organizations"}
# Pages listing a whole kind, at a language's root.
LIST_PAGES = ("figures.md", "timeline.md", "quotes.md", "sources.md", "data.md")
# The folder of the built site that holds the downloads (gtc_site/publish/downloads.py).
DOWNLOADS = "downloads"

# A hand-written page that cites records: (path relative to the language root, title).
Backlinks = dict[str, list[tuple[str, str]]]


def ref(record: Record) -> str:
    return f"[[{REF_KIND[record.kind]}:{record.id}]]"


def _front_matter(
    title: str, description: str, source_file: str, record: Record | None = None, citations: int = 0
) -> str:
    # Material writes these into HTML attributes unescaped, so escape them here.
    meta: dict[str, object] = {
        "title": html.escape(title),
        "description": html.escape(description),
        "generated_from": source_file,
    }
    if record is not None:
        meta["record"] = record.id
        # Indexed by search with a large boost: exact names and variants find this page first.
        meta["tags"] = [html.escape(tag) for tag in search_tags(record)]
        # Between record pages that match a query equally, the more cited record ranks first.
        meta["search"] = {"boost": round(1 + math.log2(1 + citations), 2)}
    # libyaml's emitter when PyYAML has it: thousands of record pages, the same YAML.
    dumped = yaml.dump(meta, Dumper=SAFE_DUMPER, allow_unicode=True, sort_keys=False, width=1000)
    return "---\n" + dumped + "---\n\n"


def _labelled_inline(label: str, value: str, lang: str) -> str:
    """'label: value' with the language's colon."""
    return f"{label}{'：' if is_chinese(lang) else ': '}{value}"


def _labelled(key: str, lang: str, value: str) -> str:
    """'Source: …' / '来源：…' as a line of its own."""
    return _labelled_inline(t(key, lang), value, lang) + "\n"


def _join(items: Iterable[str], lang: str) -> str:
    return t("list_separator", lang).join(items)


def _grouped(store: FactStore, kind: str) -> list[tuple[str, list[Record]]]:
    """Records of kind grouped by category, in the order categories.yml lists them."""
    groups: dict[str, list[Record]] = defaultdict(list)
    for record in store.of_kind(kind):
        groups[record.category].append(record)
    return [(category, groups[category]) for category in store.categories.get(kind, {}) if groups[category]]


def _category_heading(store: FactStore, kind: str, category: str, lang: str) -> str:
    item = store.categories[kind][category]
    return (
        f"## {escape_markdown(item.name[lang])} {{#category-{category}}}\n\n{escape_markdown(item.description[lang])}\n"
    )


def _related_records(store: FactStore, record: Record) -> list[Record]:
    """Records this one lists as related, then records that list this one."""
    ids = dict.fromkeys([*record.related, *store.referrers.get(record.id, [])])
    ids.pop(record.id, None)
    return [store.get(record_id) for record_id in ids]


def _source_line(record: Record, lang: str, store: FactStore) -> str:
    if not record.source:
        return ""
    return _labelled("source", lang, ref(store.get(record.source)))


def _heading_name(record: Record, lang: str) -> str:
    """黄仁勋（Jensen Huang）: Chinese writing gives a foreign name's original beside it."""
    name = record.name[lang]
    # A name that already gives its original in brackets (GTC（GPU 技术大会）) is not bracketed twice.
    if is_chinese(lang) and name != record.name.en and "（" not in name:
        return f"{name}（{record.name.en}）"
    return name


def _definition(label: str, value: str) -> str:
    return f"{label}\n:   {value}\n"


def render_record_page(store: FactStore, record: Record, lang: str, backlinks: Backlinks) -> str:
    """The page of one term, person or organization."""
    related = _related_records(store, record)
    pages = backlinks.get(record.id, [])
    out = [
        _front_matter(
            record.name[lang], record.description[lang], f"facts/{record.kind}.yml", record, len(related) + len(pages)
        )
    ]
    spoken = store.quotes_by_speaker.get(record.id, [])
    figures = [r for r in related if isinstance(r, Figure)]
    quotes = list(dict.fromkeys([*spoken, *(r for r in related if isinstance(r, Quote))]))
    others = [r for r in related if not isinstance(r, (Figure, Quote))]
    # A compact infobox first (names, role or category, key figures, source), then the text.
    box = [_definition(t("name_en", lang), escape_markdown(record.name.en))]
    chinese_name = record.name[lang] if is_chinese(lang) else record.name.zh
    box.append(_definition(t("name_zh", lang), escape_markdown(chinese_name)))
    # An alias that the edition writes like a name (辉达 is 輝達 in zh-Hant) is not shown again.
    shown = {record.name.en, chinese_name}
    aliases = [a for a in dict.fromkeys(plain_text(alias, lang) for alias in record.aliases) if a not in shown]
    if aliases:
        box.append(_definition(t("also_written", lang), _join(map(escape_markdown, aliases), lang)))
    if isinstance(record, Person) and record.role is not None:
        role = escape_markdown(record.role[lang])
        if record.affiliation:
            role += ("，" if is_chinese(lang) else ", ") + ref(store.get(record.affiliation))
        box.append(_definition(t("role", lang), role))
    category = store.categories[record.kind][record.category]
    box.append(
        _definition(t("category", lang), f"[{escape_markdown(category.name[lang])}](index.md#category-{category.id})")
    )
    if figures:
        lines = "<br>".join(_labelled_inline(escape_markdown(f.name[lang]), ref(f), lang) for f in figures)
        box.append(_definition(t("key_figures", lang), lines))
    if record.source:
        box.append(_definition(t("source", lang), ref(store.get(record.source))))
    out.append(f"# {escape_markdown(_heading_name(record, lang))}\n")
    out.append('<div class="infobox" markdown>\n\n' + "\n".join(box) + "\n</div>\n")
    out.append(f"{escape_markdown(record.description[lang])}\n")
    if quotes:
        out.append(f"## {t('quotes', lang)} {{#quotes}}\n")
        out.append("\n\n".join(ref(q) for q in quotes) + "\n")
    if others:
        out.append(f"## {t('related', lang)} {{#related}}\n")
        out.append("\n".join(f"- {ref(r)}" for r in others) + "\n")
    if pages:
        out.append(f"## {t('mentioned_in', lang)} {{#mentioned-in}}\n")
        out.append("\n".join(f"- [{escape_markdown(title)}](../{path})" for path, title in pages) + "\n")
    return "\n".join(out)


def render_record_index(store: FactStore, kind: str, lang: str) -> str:
    """The index of a kind with a page per record, grouped by category."""
    title_key = "glossary" if kind == "terms" else kind
    out = [
        _front_matter(t(title_key, lang), t(f"{title_key}_intro", lang), f"facts/{kind}.yml"),
        f"# {t(title_key, lang)}\n\n{t(f'{title_key}_intro', lang)}\n",
    ]
    for category, records in _grouped(store, kind):
        out.append(_category_heading(store, kind, category, lang))
        # zh-Hant keeps the order of the Simplified page it mirrors.
        records = sorted(records, key=lambda r: r.name[stored_language(lang)].casefold())
        lines = []
        for record in records:
            summary = escape_markdown(record.description[lang])
            if isinstance(record, Person) and record.role is not None:
                summary = f"{escape_markdown(record.role[lang])}{'。' if is_chinese(lang) else '. '}{summary}"
            lines.append(f"- {_labelled_inline(ref(record), summary, lang)}")
        out.append("\n".join(lines) + "\n")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("\n", " ")


def _section_link(store: FactStore, record: Record, lang: str) -> str:
    """'[part 2](sources.md#…) “Chip architecture update: Blackwell”' for a record's locator."""
    locator = getattr(record, "locator", None)
    source = store.get(record.source) if record.source else None
    if isinstance(source, Source) and not source.sections:
        # A source known only through another (the WSJ, cited by 硅谷101) is located in the
        # sections of the report that cites it.
        source = next((s for s in store.of_kind("sources") if isinstance(s, Source) and s.sections), source)
    if locator is None or not isinstance(source, Source):
        return ""
    section = source.section(locator.section)
    label = t("part", lang).format(n=locator.section)
    link = f"[{label}](sources.md#{source.id}-part-{locator.section})"
    if section is None:
        return link
    space = "" if is_chinese(lang) else " "
    name = escape_markdown(section.name[lang])
    if lang == TRADITIONAL:  # a name quoted inside 「」 takes 『』 (華爾街『暫不接招』)
        return f"{link}「{name.replace('「', '『').replace('」', '』')}」"
    return f"{link}{space}“{name}”"


def _figures_source(store: FactStore, figures: list[Record], lang: str) -> str:
    """The sources of a table, once under its heading rather than in every row."""
    sources = dict.fromkeys(f.source for f in figures if f.source)
    return _labelled("source", lang, _join((ref(store.get(s)) for s in sources), lang)) if sources else ""


def render_figures_page(store: FactStore, lang: str) -> str:
    out = [
        _front_matter(t("figures", lang), t("figures_intro", lang), "facts/figures.yml"),
        f"# {t('figures', lang)}\n\n{t('figures_intro', lang)}\n",
    ]
    for category, figures in _grouped(store, "figures"):
        out.append(_category_heading(store, "figures", category, lang))
        if category == TRAINING_CATEGORY:
            out.append(render_training_comparison(store, lang))
        out.append(_figures_source(store, figures, lang))
        rows = [
            f"| {t('figure', lang)} | {t('value', lang)} | {t('in_the_source', lang)} | {t('as_of', lang)} |",
            "| --- | --- | --- | --- |",
        ]
        for figure in figures:
            assert isinstance(figure, Figure)
            where = _section_link(store, figure, lang)
            stated_by = store.get(figure.stated_by)
            if stated_by.kind == "people":
                where += t("said_by", lang).format(name=ref(stated_by))
            rows.append(
                "| "
                + " | ".join(
                    _cell(cell)
                    for cell in (
                        f'<span id="{figure.id}"></span>{escape_markdown(figure.name[lang])}',
                        escape_markdown(format_figure(figure, lang)),
                        f"[[excerpt:{figure.id}]]<br>{where}",
                        f'<span class="nowrap">{format_date(figure.as_of, lang)}</span>',
                    )
                )
                + " |"
            )
        out.append("\n".join(rows) + "\n")
    return "\n".join(out)


def render_timeline_page(store: FactStore, lang: str) -> str:
    out = [
        _front_matter(t("timeline", lang), t("timeline_intro", lang), "facts/events.yml"),
        f"# {t('timeline', lang)}\n\n{t('timeline_intro', lang)}\n",
    ]
    events = sorted((e for e in store.of_kind("events") if isinstance(e, Event)), key=lambda e: (e.date, e.id))
    year = ""
    for event in events:
        if event.date[:4] != year:
            year = event.date[:4]
            out.append(f"## {year} {{#year-{year}}}\n")
        when = format_date_range(event.date, event.end_date, lang)
        out.append(f"### {when} · {escape_markdown(event.name[lang])} {{#{event.id}}}\n")
        body = [escape_markdown(event.description[lang]) + "\n"]
        related = _related_records(store, event)
        if related:
            body.append(_labelled("related", lang, _join(map(ref, related), lang)))
        body.append(_source_line(event, lang, store))
        out.append("\n".join(b for b in body if b))
    return "\n".join(out)


def render_quotes_page(store: FactStore, lang: str) -> str:
    out = [
        _front_matter(t("quotes", lang), t("quotes_intro", lang), "facts/quotes.yml"),
        f"# {t('quotes', lang)}\n\n{t('quotes_intro', lang)}\n",
    ]
    for category, quotes in _grouped(store, "quotes"):
        out.append(_category_heading(store, "quotes", category, lang))
        for quote in quotes:
            assert isinstance(quote, Quote) and quote.text is not None and quote.context is not None
            # The block quote is a reference, so the Traditional edition converts the words
            # by script only, as everywhere else a quote is shown.
            block = [f"### {escape_markdown(quote.name[lang])} {{#{quote.id}}}\n", f"{ref(quote)}\n"]
            if lang == "en":
                block.append(_labelled("original", lang, escape_markdown(quote.text.zh)))
            else:
                block.append(_labelled("translation", lang, escape_markdown(quote.text.en)))
            block.append(_labelled("date", lang, format_date(quote.date, lang)))
            block.append(_source_line(quote, lang, store))
            if quote.locator is not None:
                block.append(_labelled("in_the_source", lang, _section_link(store, quote, lang)))
            out.append("\n".join(b for b in block if b))
    return "\n".join(out)


def render_sources_page(store: FactStore, lang: str) -> str:
    out = [
        _front_matter(t("sources", lang), t("sources_intro", lang), "facts/sources.yml"),
        f"# {t('sources', lang)}\n\n{t('sources_intro', lang)}\n",
    ]
    for source in store.of_kind("sources"):
        assert isinstance(source, Source)
        lines = [
            f"## {escape_markdown(source.name[lang])} {{#{source.id}}}\n",
            escape_markdown(source.description[lang]) + "\n",
        ]
        facts = [(t("publisher", lang), source.publisher), (t("author", lang), source.author)]
        for label, value in facts:
            if value is not None:
                lines.append(f"{label}\n:   {escape_markdown(value[lang])}\n")
        if source.date:
            lines.append(f"{t('date', lang)}\n:   {format_date(source.date, lang)}\n")
        link = f"<{source.url}>" if source.url else t("no_link", lang)
        lines.append(f"{t('link', lang)}\n:   {link}\n")
        if source.note is not None:
            lines.append(f"{t('note', lang)}\n:   {escape_markdown(source.note[lang])}\n")
        for section in source.sections:
            lines.append(_source_section(store, source, section, lang))
        out.append("\n".join(lines))
    return "\n".join(out)


def _source_section(store: FactStore, source: Source, section: SourceSection, lang: str) -> str:
    """One numbered section of a source, as published, with the figures and quotes it supports."""
    heading = t("part", lang).format(n=section.number)
    supported = [
        r
        for kind in ("figures", "quotes")
        for r in store.of_kind(kind)
        if getattr(r, "locator", None) and r.locator.section == section.number
    ]
    items = "\n".join(
        f"- {ref(r)}" if isinstance(r, Quote) else f"- [{escape_markdown(r.name[lang])}](figures.md#{r.id})"
        for r in supported
    )
    return (
        f"### {_labelled_inline(heading, escape_markdown(section.name[lang]), lang)} {{#{source.id}-part-{section.number}}}\n\n"
        f"{_labelled_inline(t('published_as', lang), escape_markdown(section.original), lang)}\n\n{items}\n"
    )


def render_data_page(store: FactStore, lang: str) -> str:
    """The Data page: what can be downloaded and how the files are laid out."""
    # Downloads sit at the site root; this page is data/ (English) or zh/data/ (Chinese).
    root = "../" if lang == LANGUAGES[0] else "../../"
    out = [
        _front_matter(t("data", lang), t("data_intro", lang), "facts/"),
        f"# {t('data', lang)}\n\n{t('data_intro', lang)}\n",
    ]
    rows = [f"| {t('file', lang)} | {t('contents', lang)} | {t('records', lang)} |", "| --- | --- | --- |"]

    def link(name: str) -> str:
        # Raw HTML: the files are written next to the built site, not into docs/.
        return f'<a href="{root}{DOWNLOADS}/{name}" download><code>{name}</code></a>'

    rows.append(f"| {link('facts.json')} | {t('data_json', lang)} | {len(store.by_id)} |")
    for kind in RECORD_TYPES:
        table = t({"terms": "glossary", "events": "timeline"}.get(kind, kind), lang)
        rows.append(
            f"| {link(kind + '.csv')} | {t('data_csv', lang).format(table=table)} | {len(store.of_kind(kind))} |"
        )
    rows.append(f"| {link('schema/common.schema.json')} | {t('data_schema', lang)} | |")
    out.append("\n".join(rows) + "\n")
    out.append(f"## {t('data_format', lang)} {{#format}}\n\n{t('data_format_points', lang)}\n")
    out.append(t("data_fix", lang) + "\n")
    return "\n".join(out)


def is_generated_page(relative: str) -> bool:
    """Whether a path relative to a language root is the build's (record folders, list pages)."""
    return relative in LIST_PAGES or relative.split("/", 1)[0] in RECORD_FOLDERS.values()


def render_language_pages(store: FactStore, lang: str, backlinks: Backlinks) -> dict[str, str]:
    """Every generated page of one language: {path relative to the language root: Markdown}."""
    pages = {}
    for kind, folder in RECORD_FOLDERS.items():
        pages[f"{folder}/index.md"] = render_record_index(store, kind, lang)
        for record in store.of_kind(kind):
            pages[f"{folder}/{record.id}.md"] = render_record_page(store, record, lang, backlinks)
    pages["figures.md"] = render_figures_page(store, lang)
    pages["timeline.md"] = render_timeline_page(store, lang)
    pages["quotes.md"] = render_quotes_page(store, lang)
    pages["sources.md"] = render_sources_page(store, lang)
    pages["data.md"] = render_data_page(store, lang)
    return pages
