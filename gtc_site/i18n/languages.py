"""The site's languages: two written by contributors, one converted at build time."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from gtc_site.store.model import LANGUAGES, Localized

if TYPE_CHECKING:
    from gtc_site.i18n.traditional import TraditionalConverter

# The Traditional Chinese edition, converted from the Simplified pages (gtc_site/i18n/traditional.py).
TRADITIONAL = "zh-Hant"
SOURCE_OF_TRADITIONAL = "zh"
PUBLISHED_LANGUAGES: tuple[str, ...] = (*LANGUAGES, TRADITIONAL)
DEFAULT_LANGUAGE = LANGUAGES[0]


def is_chinese(lang: str) -> bool:
    return lang.startswith("zh")


def localizer(lang: str, converter: TraditionalConverter | None = None) -> Callable[[Localized], str]:
    """How a stored text reads in lang: zh-Hant is converted from zh, never stored."""
    if lang == TRADITIONAL:
        if converter is None:
            raise ValueError("zh-Hant text needs a TraditionalConverter")
        return lambda value: converter.text(value.zh)
    return lambda value: value[lang]


class ConvertedLanguage(str):
    """A language code ('zh-Hant') that also converts stored text: render code takes it
    wherever it takes 'en' or 'zh', so generated pages are written in the edition's own
    forms (its number formats, its strings) rather than converted after the fact."""

    converter: TraditionalConverter

    def __new__(cls, code: str, converter: TraditionalConverter) -> ConvertedLanguage:
        language = super().__new__(cls, code)
        language.converter = converter
        return language

    def localize(self, value: Localized) -> str:
        return self.converter.text(value.zh)


def plain_text(text: str, lang: str) -> str:
    """Text that is not stored per language (an alias) as lang shows it."""
    return lang.converter.text(text) if isinstance(lang, ConvertedLanguage) else text


def stored_language(lang: str) -> str:
    """The written language a page's text comes from: zh for zh-Hant."""
    return SOURCE_OF_TRADITIONAL if lang == TRADITIONAL else lang
