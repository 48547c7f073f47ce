"""MkDocs hook: one 404 page per language.

mkdocs-static-i18n renders 404.html once per language into the same file, so the last
language wins. Here each language's 404 goes to <lang>/404.html and the root keeps the
default language's; static hosts that serve only the root 404 (GitHub Pages) get a
small script there that shows the right language's page for paths under /<lang>/.
"""

import sys
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.language_links import LanguageLink, LanguageMenu

_default_page: dict[str, str] = {}


def _languages(config):
    i18n = config.plugins["i18n"]
    return i18n, [language for language in i18n.config.languages if language.build]


def on_template_context(context, template_name, config):
    if template_name != "404.html":
        return context
    i18n, languages = _languages(config)
    site_path = urlsplit(config.site_url or "/").path.rstrip("/") + "/"
    context["site_path"] = site_path
    context["other_locales"] = [lang.locale for lang in languages if not lang.default]
    context["language_links"] = [
        LanguageLink(
            lang.locale,
            lang.name,
            site_path + ("" if lang.default else f"{lang.locale}/"),
            lang.locale == i18n.current_language,
        )
        for lang in languages
    ]
    config.extra.alternate = config.extra["alternate"] = LanguageMenu()
    return context


def on_post_template(output, template_name, config):
    if template_name != "404.html":
        return output
    i18n, languages = _languages(config)
    default = next(lang.locale for lang in languages if lang.default)
    if i18n.current_language == default:
        _default_page["html"] = output
        return output
    target = Path(config.site_dir) / i18n.current_language / "404.html"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(output, encoding="utf-8")
    return _default_page.get("html", output)
