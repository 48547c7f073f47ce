"""The site's MkDocs plugin: the fact store in, generated pages, resolved references,
language menus, metadata, 404 pages, per-language search and downloads out.

Events only; the work is done by the phase packages. Everything a build learns lives on a
`SiteBuild` made at the start of that build, so `mkdocs serve` never shows the result of
an earlier one: MkDocs makes a fresh plugin instance for each rebuild (this plugin has no
on_startup), and mkdocs-static-i18n's nested language builds share the first build's.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority
from mkdocs.structure.files import Files, InclusionLevel
from mkdocs.structure.nav import Navigation, Section
from mkdocs.structure.pages import Page

from gtc_site.i18n.languages import (
    DEFAULT_LANGUAGE,
    TRADITIONAL,
    ConvertedLanguage,
    localizer,
)
from gtc_site.i18n.strings import t
from gtc_site.i18n.traditional import NeverEntry, Phrase, TraditionalConverter, read_never_list, read_phrase_table
from gtc_site.markdown_source import split_page
from gtc_site.mkdocs import i18n_adapter
from gtc_site.mkdocs.config import GtcSiteConfig
from gtc_site.mkdocs.config_check import config_problems
from gtc_site.mkdocs.language_links import LanguageLink, LanguageMenu, language_links
from gtc_site.publish.downloads import write_downloads
from gtc_site.publish.files import write_if_changed
from gtc_site.publish.freshness import GitDates, iso_date, localized_date
from gtc_site.publish.generated_pages import generated_pages, is_generated_path, traditional_problems
from gtc_site.publish.search_index import split_search_index
from gtc_site.publish.search_query_data import write_search_query_data
from gtc_site.render.crossrefs import CrossrefError, CrossrefResolver
from gtc_site.render.metadata import open_graph, structured_data
from gtc_site.render.navigation import category_sections
from gtc_site.render.page_checks import front_matter_problems, reference_placement_problems, twin_problems
from gtc_site.render.pages import RECORD_FOLDERS
from gtc_site.render.search_terms import jieba_words
from gtc_site.store.errors import FactError, FactStoreError
from gtc_site.store.load import load_facts
from gtc_site.store.model import FactStore


@dataclass
class SiteBuild:
    """What one build (all its languages) has worked out."""

    store: FactStore
    converter: TraditionalConverter
    resolver: CrossrefResolver
    names: frozenset[str]  # the Chinese words jieba was given
    never: list[NeverEntry]  # outputs the Traditional edition must not contain
    phrases: list[Phrase] = field(default_factory=list)  # the reviewed Taiwan phrase table
    pages: dict[str, str] | None = None  # generated pages, made at the first on_files
    not_found_html: str | None = None  # the default language's 404 page
    dates: GitDates | None = None  # last changes, from git
    # docs path -> (body, resolved body) of hand-written pages, resolved when files are known
    resolved: dict[str, tuple[str, str]] = field(default_factory=dict)


class GtcSitePlugin(BasePlugin[GtcSiteConfig]):
    def __init__(self) -> None:
        self.build: SiteBuild | None = None

    def _path(self, config: Any, setting: str) -> Path:
        return Path(config.config_file_path).parent / setting

    def _site(self) -> SiteBuild:
        assert self.build is not None, "on_config starts every build"
        return self.build

    @event_priority(100)  # before the search plugin reads jieba's user dictionary
    def on_config(self, config: Any) -> Any:
        # Markdown extensions cannot be set per language in mkdocs-static-i18n; this one's
        # words (the heading anchor's title) are set for each language's build here.
        lang = i18n_adapter.current_language(config) or DEFAULT_LANGUAGE
        if lang == TRADITIONAL and self.build is not None:
            lang = ConvertedLanguage(TRADITIONAL, self.build.converter)
        config.mdx_configs.setdefault("toc", {})["permalink_title"] = t("permalink", lang)
        if i18n_adapter.is_nested_language_build(config):
            return config
        try:
            import jieba  # noqa: F401  Material segments Chinese only when this imports
        except ImportError as err:
            raise PluginError(
                f"jieba cannot be imported ({err}): Chinese search would silently stop working. "
                "Install the pinned requirements (make serve does)."
            ) from None
        problems = config_problems(Path(config.config_file_path))
        try:
            store = load_facts(self._path(config, self.config.facts_dir))
            phrases = read_phrase_table(self._path(config, self.config.phrase_table), self.config.phrase_table)
            never = read_never_list(self._path(config, self.config.never_list), self.config.never_list)
        except FactStoreError as err:
            raise PluginError(str(FactStoreError(problems + err.errors))) from None
        if problems:
            raise PluginError(str(FactStoreError(problems)))
        converter = TraditionalConverter({p.simplified: p.traditional for p in phrases})
        words = jieba_words(store)
        self.build = SiteBuild(store, converter, CrossrefResolver(store, converter), frozenset(words), never)
        self.build.dates = GitDates(Path(config.config_file_path).parent)
        self.build.phrases = phrases
        search = config.plugins["material/search"].config
        write_if_changed(Path(search.jieba_dict_user), "".join(f"{word}\n" for word in words))
        return config

    @event_priority(50)  # before mkdocs-static-i18n sorts the files by language
    def _add_generated_pages(self, files: Files, config: Any) -> Files:
        site = self._site()
        if site.pages is None:
            hand_written = {}
            errors = []
            for file in files.documentation_pages():
                if is_generated_path(file.src_uri):
                    errors.append(_generated_path_error(file.src_uri))
                else:
                    hand_written[file.src_uri] = file.content_string
            errors += twin_problems(set(hand_written))
            for src_uri, text in sorted(hand_written.items()):
                errors += front_matter_problems(f"docs/{src_uri}", text)
                errors += reference_placement_problems(f"docs/{src_uri}", text)
            if errors:
                raise PluginError(str(FactStoreError(errors)))
            site.pages = generated_pages(site.store, hand_written, site.converter)
            errors = traditional_problems(site.pages, hand_written, site.store, site.converter, site.never)
            if errors:
                raise PluginError(str(FactStoreError(errors)))
            self._resolve_hand_written(site, hand_written)
        for src_uri, content in site.pages.items():
            file = i18n_adapter.in_memory_file(config, src_uri, content)
            if src_uri.split("/", 2)[1] in RECORD_FOLDERS.values() and not src_uri.endswith("/index.md"):
                file.inclusion = InclusionLevel.NOT_IN_NAV
            files.append(file)
        return files

    @event_priority(-150)  # after mkdocs-static-i18n has re-created the files
    def _restore_generated_pages(self, files: Files, config: Any) -> Files:
        i18n_adapter.restore_contents(files, self._site().pages or {})
        return files

    on_files = CombinedEvent(_add_generated_pages, _restore_generated_pages)

    def _resolve_hand_written(self, site: SiteBuild, hand_written: dict[str, str]) -> None:
        """Resolve every hand-written page (and its Traditional twin) now, so that every bad
        reference of every page is reported in one run, not one page per build."""
        problems: list[str] = []
        converted = {uri: site.pages[uri] for uri in site.pages if uri.split("/", 1)[0] == TRADITIONAL}
        for src_uri, text in sorted({**hand_written, **converted}.items()):
            lang, _, path = src_uri.partition("/")
            page = split_page(text)
            try:
                site.resolved[src_uri] = (page.body, site.resolver.resolve(page.body, lang, path))
            except CrossrefError as err:
                if lang != TRADITIONAL:  # its Simplified source is reported already
                    problems.append(str(err.located(f"docs/{src_uri}", page.body_line)))
        if problems:
            lines = [line for problem in problems for line in problem.split("\n")]
            heading = f"The pages have {len(lines)} bad reference{'s' if len(lines) != 1 else ''}:"
            raise PluginError("\n".join([heading, *(f"  {line}" for line in lines)]))

    @event_priority(-150)  # after mkdocs-static-i18n has made the language's navigation
    def on_nav(self, nav: Navigation, config: Any, files: Files) -> Navigation:
        """Every record page in its section of the navigation (Glossary, People, Organizations),
        so the sidebar highlights it, breadcrumbs lead to it and previous/next work."""
        lang = i18n_adapter.current_language(config)
        store = self._site().store
        for section in _sections(nav.items):
            index = section.children[0] if section.children else None
            folder = _record_folder(index)
            if index is None or folder is None:
                continue
            kind = next(k for k, f in RECORD_FOLDERS.items() if f == folder)
            # One subsection per category, so that a page's sidebar (pruned to its own
            # branch by navigation.prune) lists its category, not every record of the kind.
            for title, records in category_sections(store, kind, lang, self._site().converter):
                pages = []
                for record in records:
                    file = files.get_file_from_path(f"{lang}/{folder}/{record.id}.md")
                    if file is not None and file.page is not None:
                        pages.append(file.page)
                if pages:
                    group = Section(title, pages)
                    group.parent = section
                    for page in pages:
                        page.parent = group
                    section.children.append(group)
        nav.pages = [item for item in _pages(nav.items)]
        for previous, page in zip([None, *nav.pages], nav.pages, strict=False):
            page.previous_page = previous
            if previous is not None:
                previous.next_page = page
        if nav.pages:
            nav.pages[-1].next_page = None
        return nav

    def on_page_markdown(self, markdown: str, page: Any, config: Any, files: Files) -> str:
        site = self._site()
        lang, page_path = i18n_adapter.page_language(page)
        # Material writes the description into an HTML attribute as it is; generated pages
        # escape theirs when written, hand-written front matter is plain text.
        if "description" in page.meta and "generated_from" not in page.meta:
            page.meta["description"] = html.escape(str(page.meta["description"]))
        body, resolved = site.resolved.get(page.file.src_uri, (None, ""))
        if body == markdown:
            return resolved
        try:
            return site.resolver.resolve(markdown, lang, page_path)
        except CrossrefError as err:
            first_line = split_page(page.file.content_string).body_line
            raise PluginError(str(err.located(f"docs/{page.file.src_uri}", first_line))) from None

    @event_priority(-50)  # after mkdocs-static-i18n has set its own links for the page
    def on_page_context(self, context: dict[str, Any], page: Any, config: Any, nav: Any) -> dict[str, Any]:
        site = self._site()
        context["language_links"] = language_links(page, config)
        # mkdocs-static-i18n sets the attribute, which templates read before the key.
        config.extra.alternate = config.extra["alternate"] = LanguageMenu()
        lang, _ = i18n_adapter.page_language(page)
        url = page.canonical_url or ""
        title = page.title or config.site_name
        description = page.meta.get("description", config.site_description or "")
        context["open_graph"] = open_graph(title, description, url, lang, config.site_name, page.is_homepage)
        text = localizer(lang, site.converter)
        context["structured_data"] = structured_data(site.store, page.meta, title, lang, url, text)
        self._set_last_change(page, lang)
        source_file = page.meta.get("generated_from") or page.meta.get("converted_from")
        if source_file and config.repo_url:
            # A generated page is edited in the fact store (opening that YAML file and naming
            # the record), a converted Traditional page in the Simplified page it comes from.
            page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source_file}"
            record_id = page.meta.get("record")
            if record_id in site.store.by_id:
                context["edit_title"] = f"{source_file}:{site.store.get(record_id).line} ({record_id})"
            else:
                context["edit_title"] = source_file
        return context

    def _set_last_change(self, page: Any, lang: str) -> None:
        """ "Last updated" under the page (Material shows meta.revision_date) and its sitemap lastmod."""
        site = self._site()
        assert site.dates is not None
        record = site.store.by_id.get(page.meta.get("record", ""))
        if record is not None:
            when = site.dates.record_time(record, site.store)
        else:
            source = page.meta.get("generated_from") or page.meta.get("converted_from") or f"docs/{page.file.src_uri}"
            when = site.dates.file_time(source)
        if when is None:
            return
        words = ConvertedLanguage(TRADITIONAL, site.converter) if lang == TRADITIONAL else lang
        page.meta["revision_date"] = t("last_updated", words).format(date=localized_date(when, lang))
        page.update_date = iso_date(when)

    def on_template_context(self, context: dict[str, Any], template_name: str, config: Any) -> dict[str, Any]:
        """The 404 page's language menu leads to each language's home page."""
        if template_name != "404.html":
            return context
        languages = i18n_adapter.built_languages(config)
        current = i18n_adapter.current_language(config)
        site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
        context["site_path"] = site_path
        context["other_locales"] = [lang.locale for lang in languages if not lang.default]
        context["language_links"] = [
            LanguageLink(
                lang.locale, lang.name, site_path + ("" if lang.default else f"{lang.locale}/"), lang.locale == current
            )
            for lang in languages
        ]
        config.extra.alternate = config.extra["alternate"] = LanguageMenu()
        return context

    def on_post_template(self, output: str, template_name: str, config: Any) -> str:
        """One 404 page per language: mkdocs-static-i18n renders each into the same file, so
        the default language's stays at the root and the others go to <lang>/404.html."""
        if template_name != "404.html":
            return output
        site = self._site()
        current = i18n_adapter.current_language(config)
        if any(lang.default and lang.locale == current for lang in i18n_adapter.built_languages(config)):
            site.not_found_html = output
            return output
        target = Path(config.site_dir) / current / "404.html"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(output, encoding="utf-8")
        return site.not_found_html or output

    @event_priority(-200)  # after mkdocs-static-i18n has built every language
    def on_post_build(self, config: Any) -> None:
        if not i18n_adapter.all_languages_built(config):
            return
        site = self._site()
        languages = i18n_adapter.built_languages(config)
        default = next(lang.locale for lang in languages if lang.default)
        locales = [lang.locale for lang in languages]
        split_search_index(Path(config.site_dir), locales, default)
        # What the search box needs to read queries as the index was written (search-query.js).
        phrases = {p.simplified: p.traditional for p in site.phrases}
        write_search_query_data(Path(config.site_dir), locales, default, site.names, phrases)
        write_downloads(site.store, site.converter, Path(config.site_dir))


def _sections(items: list[Any]) -> list[Section]:
    found = []
    for item in items:
        if isinstance(item, Section):
            found.append(item)
            found += _sections(item.children)
    return found


def _pages(items: list[Any]) -> list[Page]:
    found: list[Page] = []
    for item in items:
        if isinstance(item, Page):
            found.append(item)
        elif isinstance(item, Section):
            found += _pages(item.children)
    return found


def _record_folder(index: Any) -> str | None:
    """'glossary' when index is the index page of a record folder."""
    if not isinstance(index, Page):
        return None
    parts = index.file.src_uri.split("/")
    return parts[1] if len(parts) == 3 and parts[2] == "index.md" and parts[1] in RECORD_FOLDERS.values() else None


def _generated_path_error(src_uri: str) -> FactError:
    lang = src_uri.split("/", 1)[0]
    if lang == "zh-Hant":
        fix = "delete it: the Traditional edition is converted from docs/zh/ at every build"
    else:
        fix = "delete it: this page is generated from facts/ at every build (make pages shows it in generated/)"
    return FactError(f"docs/{src_uri}", 1, "", "a file at a path the build generates", fix)
