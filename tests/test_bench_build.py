"""The build benchmark measures what it says: a valid store N times the real one, pages that
cite only its records with links that resolve, and a baseline without our plugin.

Smoke tests only, at scale 2: nothing here is timed."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path

import pytest
from mkdocs.utils.yaml import yaml_load

from benchmarks.bench_build import (
    OUR_PLUGIN,
    ROOT,
    baseline_config,
    instrumented_build,
    make_project,
    resolved_markdown,
    snapshot_build_files,
    traditional_converter,
)
from benchmarks.synthetic_store import write_synthetic_docs, write_synthetic_store
from gtc_site.publish.generated_pages import generated_pages
from gtc_site.render.crossrefs import KINDS, find_crossrefs
from gtc_site.store.load import load_facts
from gtc_site.store.model import FactStore, Person
from gtc_site.tools.write_pages import hand_written_pages

SCALE = 2
_LINK = re.compile(r"\]\(([^)\s#]+)(?:#[^)\s]*)?(?:\s+\"[^\"]*\")?\)")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, FactStore]:
    folder = tmp_path_factory.mktemp("synthetic")
    write_synthetic_store(folder / "facts", SCALE)
    return folder, load_facts(folder / "facts")


def test_store_is_valid_and_exactly_scale_times_the_real_one(synthetic: tuple[Path, FactStore]) -> None:
    _, store = synthetic
    real = load_facts(ROOT / "facts")
    for kind, records in real.records.items():
        assert len(store.records[kind]) == SCALE * len(records), kind
    # Each replica has its own categories, its records in them: categories stay as long as the real ones.
    for kind, categories in real.categories.items():
        assert len(store.categories[kind]) == SCALE * len(categories), kind
        for category_id in categories:
            assert store.categories[kind][category_id] == real.categories[kind][category_id]
            copied = [r for r in store.of_kind(kind) if r.category == f"{category_id}-x1"]
            assert len(copied) == len([r for r in real.of_kind(kind) if r.category == category_id])
    # Replica 0 is the real store; replica 1 refers only to its own copies.
    assert set(real.by_id) < set(store.by_id)
    copy = store.get("jensen-huang-x1")
    assert isinstance(copy, Person) and copy.affiliation == "nvidia-x1" and copy.source == "sv101-gtc-2024-x1"
    assert copy.related and all(related.endswith("-x1") for related in copy.related)
    assert copy.name.en.endswith("x1") and copy.description.zh.endswith("(x1)")


def test_pages_cite_only_existing_records_and_links_resolve(synthetic: tuple[Path, FactStore]) -> None:
    folder, store = synthetic
    docs = folder / "docs"
    pages = write_synthetic_docs(docs, SCALE)
    for relative, text in generated_pages(store, hand_written_pages(docs), traditional_converter(ROOT)).items():
        (docs / relative).parent.mkdir(parents=True, exist_ok=True)
        (docs / relative).write_text(text, encoding="utf-8")
    cited = set()
    for page in pages:
        text = page.read_text(encoding="utf-8")
        for kind, record_id in find_crossrefs(text):
            assert record_id in store.records[KINDS[kind]], f"{page}: [[{kind}:{record_id}]]"
            cited.add(record_id)
        for target in _LINK.findall(text):
            if "://" not in target:
                resolved = posixpath.normpath(posixpath.join(page.parent.as_posix(), target))
                assert Path(resolved).is_file(), f"{page}: broken link {target}"
    assert any(path.relative_to(docs).parts[1] == "r1" for path in pages)
    assert {record_id for record_id in cited if record_id.endswith("-x1")}


def _plugin_name(entry: str | dict) -> str:
    return entry if isinstance(entry, str) else next(iter(entry))


def test_baseline_config_has_no_plugin_of_ours_and_no_theme_overrides() -> None:
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    written = baseline_config(text)
    original, baseline = yaml_load(text), yaml_load(written)
    assert OUR_PLUGIN in [_plugin_name(entry) for entry in original["plugins"]]
    assert OUR_PLUGIN not in [_plugin_name(entry) for entry in baseline["plugins"]]
    assert "hooks" not in baseline and "watch" in original and "watch" not in baseline
    assert "custom_dir" in original["theme"] and "custom_dir" not in baseline["theme"]
    # Its comment and settings went with it; the other plugins are as they were, in order.
    assert "gtc_site/mkdocs/plugin.py): the fact store" not in written and "facts_dir" not in written
    assert baseline["plugins"] == [entry for entry in original["plugins"] if _plugin_name(entry) != OUR_PLUGIN]
    # Everything else the stock build sees is the same.
    for key in ("markdown_extensions", "nav", "not_in_nav", "extra_css"):
        assert baseline[key] == original[key], key
    assert baseline["theme"] == {key: value for key, value in original["theme"].items() if key != "custom_dir"}


def test_baseline_markdown_is_every_page_of_every_language_resolved(synthetic: tuple[Path, FactStore]) -> None:
    folder, store = synthetic
    docs = folder / "docs-resolved"
    write_synthetic_docs(docs, 1)
    hand_written = hand_written_pages(docs)
    pages = resolved_markdown(store, hand_written, traditional_converter(ROOT))
    assert set(hand_written) < set(pages)
    assert {path.split("/", 1)[0] for path in pages} == {"en", "zh", "zh-Hant"}
    assert "en/glossary/gpu.md" in pages and "zh-Hant/index.md" in pages
    for path, text in pages.items():
        assert not find_crossrefs(text), path


def test_a_fact_edited_between_two_builds_in_one_process_shows_everywhere(tmp_path: Path) -> None:
    """What `mkdocs serve` does after a YAML edit: the second build must not reuse the old store,
    old link texts or old pages, on the record's own page or where a chapter cites it."""
    project = tmp_path / "project"
    make_project(project, 1, tmp_path / "pristine-docs", snapshot_build_files(tmp_path / "build-files"))
    report = instrumented_build(project, tmp_path / "site", tmp_path / "report.json", "edit")
    rebuilt = report["rebuild"]
    assert rebuilt["edit_visible"]
    # The edited term is the first of facts/terms.yml (gpu), cited by the English home page.
    assert {"glossary/gpu/index.html", "index.html", "glossary/index.html"} <= set(rebuilt["pages_with_edit"])
    assert not any(page.startswith(("zh/", "zh-Hant/")) for page in rebuilt["pages_with_edit"])
