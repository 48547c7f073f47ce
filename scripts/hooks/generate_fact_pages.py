"""MkDocs hook: validate the fact store and write the generated pages before each build."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.exceptions import PluginError

from scripts.fact_errors import FactStoreError
from scripts.generate_pages import write_generated_pages
from scripts.load_facts import load_facts_cached
from scripts.page_languages import is_nested_language_build


def on_pre_build(config) -> None:
    if is_nested_language_build(config):
        return
    try:
        write_generated_pages(load_facts_cached(), Path(config.docs_dir))
    except FactStoreError as err:
        raise PluginError(str(err)) from None
