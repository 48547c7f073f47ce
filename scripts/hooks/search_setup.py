"""MkDocs hook: Chinese segmentation that cannot silently switch off, and a search index per language."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

from scripts.fact_errors import FactStoreError
from scripts.load_facts import load_facts_cached
from scripts.page_languages import all_languages_built, is_nested_language_build
from scripts.search_index import split_search_index
from scripts.search_terms import jieba_words


@event_priority(100)  # before the search plugin reads the user dictionary
def on_config(config):
    if is_nested_language_build(config):  # the dictionary is written and jieba has it
        return config
    try:
        import jieba  # noqa: F401  Material segments Chinese only when this imports
    except ImportError as err:
        raise PluginError(
            f"jieba cannot be imported ({err}): Chinese search would silently stop working. "
            "Install the pinned requirements (make serve does)."
        ) from None
    search = config.plugins["material/search"].config
    try:
        words = jieba_words(load_facts_cached())
    except FactStoreError as err:
        raise PluginError(str(err)) from None
    path = Path(search.jieba_dict_user)
    text = "".join(f"{word}\n" for word in words)
    if not path.exists() or path.read_text(encoding="utf-8") != text:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return config


@event_priority(-200)  # after mkdocs-static-i18n has built every language and merged the index
def on_post_build(config):
    if not all_languages_built(config):  # the merged index is not final yet
        return
    languages = [lang for lang in config.plugins["i18n"].config.languages if lang.build]
    default = next(lang.locale for lang in languages if lang.default)
    names = frozenset(jieba_words(load_facts_cached()))
    split_search_index(Path(config.site_dir), [lang.locale for lang in languages], default, names)
