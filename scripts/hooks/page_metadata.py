"""MkDocs hook: OpenGraph tags, JSON-LD, and edit links that lead to the right source file."""

import html
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from scripts.load_facts import current_facts
from scripts.page_languages import page_language
from scripts.page_metadata import open_graph, structured_data


def on_page_markdown(markdown, page, config, files):
    # Material writes the description into an HTML attribute as it is; generated pages
    # escape theirs when written, hand-written front matter is plain text.
    if "description" in page.meta and "generated_from" not in page.meta:
        page.meta["description"] = html.escape(str(page.meta["description"]))
    return markdown


def on_page_context(context, page, config, nav):
    lang, _ = page_language(page)
    store = current_facts()
    url = page.canonical_url or ""
    description = page.meta.get("description", config.site_description or "")
    context["open_graph"] = open_graph(
        page.title or config.site_name, description, url, lang, config.site_name, page.is_homepage
    )
    context["structured_data"] = structured_data(store, page.meta, page.title or config.site_name, lang, url)
    source_file = page.meta.get("generated_from") or page.meta.get("converted_from")
    if source_file and config.repo_url:
        # A generated page is edited in the fact store (opening that YAML file and naming the
        # record), a converted Traditional page in the Simplified page it comes from.
        page.edit_url = f"{config.repo_url.rstrip('/')}/edit/main/{source_file}"
        record_id = page.meta.get("record")
        if record_id in store.by_id:
            record = store.get(record_id)
            context["edit_title"] = f"{source_file}:{record.line} ({record_id})"
        else:
            context["edit_title"] = source_file
    return context
