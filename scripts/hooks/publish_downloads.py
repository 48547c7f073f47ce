"""MkDocs hook: publish the fact store with the site (facts.json, CSV per table, schema)."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from mkdocs.plugins import event_priority

from scripts.export_data import write_downloads
from scripts.load_facts import load_facts_cached
from scripts.page_languages import all_languages_built


@event_priority(-200)  # once, after every language is built
def on_post_build(config):
    if all_languages_built(config):
        write_downloads(load_facts_cached(), Path(config.site_dir))
