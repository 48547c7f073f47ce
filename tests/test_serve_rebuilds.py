"""What `mkdocs serve` does: several builds in one process, each after one kind of edit.

Serve reloads mkdocs.yml and makes a fresh plugin instance for every rebuild, but Python
modules stay loaded: any state kept in a module would leak from one build into the next.
Each test edits one kind of input on its own and checks the next build shows it.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort


def serve_build(project: Path, language: str, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One rebuild as serve runs it: config reloaded, plugins fresh, modules kept."""
    monkeypatch.setenv("GTC_ONLY_LANGUAGE", language)
    site = project / "site"
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site))
    config.plugins.on_startup(command="serve", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()
    return site


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_an_edited_fact_shows_on_its_page_the_glossary_and_citing_pages(project, monkeypatch) -> None:
    first = page(serve_build(project, "en", monkeypatch), "glossary/gpu/index.html")
    assert "Rebuilt GPU" not in first
    replace(project / "facts/terms.yml", "name: {en: GPU, zh: GPU}", "name: {en: Rebuilt GPU, zh: GPU}")
    site = serve_build(project, "en", monkeypatch)
    assert "Rebuilt GPU" in page(site, "glossary/gpu/index.html")
    assert "Rebuilt GPU" in page(site, "glossary/index.html")
    assert "Rebuilt GPU" in page(site, "chapters/software-strategy/index.html")


def test_an_edited_phrase_table_alone_changes_every_traditional_link(project, monkeypatch) -> None:
    table = project / "facts/translation/zh-Hant.yml"
    link = '">{}</a>'  # the text of the links to NVIDIA's page, which end every tooltip with ">
    first = page(serve_build(project, "zh-Hant", monkeypatch), "chapters/keynote-blackwell/index.html")
    assert '<a class="xref xref-organizations" href="../../organizations/nvidia/"' in first
    assert link.format("輝達") in first and link.format("英偉達") not in first
    replace(table, "  traditional: 輝達\n", "  traditional: 英偉達\n")
    chapter = page(serve_build(project, "zh-Hant", monkeypatch), "chapters/keynote-blackwell/index.html")
    assert link.format("輝達") not in chapter and link.format("英偉達") in chapter
    replace(table, "  traditional: 英偉達\n", "  traditional: 輝達\n")
    chapter = page(serve_build(project, "zh-Hant", monkeypatch), "chapters/keynote-blackwell/index.html")
    assert link.format("輝達") in chapter


def test_an_edited_schema_alone_is_applied_on_the_next_build(project, monkeypatch) -> None:
    schema = project / "facts/schema/common.schema.json"
    serve_build(project, "en", monkeypatch)
    original = schema.read_text(encoding="utf-8")
    replace(schema, '"maxLength": 64', '"maxLength": 3')
    with pytest.raises(Abort):
        serve_build(project, "en", monkeypatch)
    schema.write_text(original, encoding="utf-8")
    assert (serve_build(project, "en", monkeypatch) / "index.html").exists()
