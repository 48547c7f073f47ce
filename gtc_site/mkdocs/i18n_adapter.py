"""Everything this project knows about mkdocs-static-i18n's internals, in one place.

mkdocs-static-i18n (1.3) builds the default language, then every other language inside the
first build's on_post_build, with the same plugin instances; it re-creates every File of
docs/ in its on_files, which loses the content of in-memory (generated) files; and it
keeps the language being built and each page's translations on its own objects.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from mkdocs.structure.files import File, Files

from gtc_site.i18n.languages import PUBLISHED_LANGUAGES


@dataclass(frozen=True)
class BuiltLanguage:
    locale: str
    name: str
    default: bool


def _plugin(config: Any) -> Any:
    return config.plugins["i18n"]


def built_languages(config: Any) -> list[BuiltLanguage]:
    return [
        BuiltLanguage(language.locale, language.name, bool(language.default))
        for language in _plugin(config).config.languages
        if language.build
    ]


def current_language(config: Any) -> str:
    return _plugin(config).current_language


def is_nested_language_build(config: Any) -> bool:
    """True while a further language is built inside the first build: work done once per
    build (validating, generating pages) is already done then."""
    return bool(_plugin(config).building)


def all_languages_built(config: Any) -> bool:
    """True in the last post-build call (the first build's, after the nested ones)."""
    return not _plugin(config).building


def page_translations(page: Any) -> dict[str, File]:
    """locale -> the File of this page in that language."""
    return getattr(page.file, "alternates", {})


def page_language(page: Any) -> tuple[str, str]:
    """('zh', 'chapters/keynote.md') for docs/zh/chapters/keynote.md."""
    # With docs_structure "folder", mkdocs-static-i18n keeps the language folder in src_uri.
    lang, _, path = page.file.src_uri.partition("/")
    if not path or lang not in PUBLISHED_LANGUAGES:
        raise ValueError(f"{page.file.src_uri} is not inside docs/<language>/")
    return lang, path


def in_memory_file(config: Any, src_uri: str, content: str) -> File:
    """A page that exists only in memory but looks like a file of docs/ to mkdocs-static-i18n,
    which sorts files by whether their source path lies inside docs_dir."""
    file = File(src_uri, config.docs_dir, config.site_dir, config.use_directory_urls)
    file._content = content  # MkDocs reads _content before abs_src_path (File.content_string)
    return file


def restore_contents(files: Files, contents: dict[str, str]) -> None:
    """Give back the content of in-memory pages after mkdocs-static-i18n re-created their Files."""
    for file in files:
        content = contents.get(file.src_uri)
        if content is not None:
            file.content_string = content
