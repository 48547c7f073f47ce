"""Generated pages: one per term plus list pages, in every language, kept in step with the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.fact_model import FactStore
from scripts.generate_pages import write_generated_pages
from scripts.load_facts import load_facts

HAND_WRITTEN_EN = "# Keynote\n\nBlackwell: [[term:blackwell]].\n"
HAND_WRITTEN_ZH = "# 主题演讲\n\n[[term:blackwell]] 架构。\n"


@pytest.fixture
def store() -> FactStore:
    return load_facts(Path(__file__).parent / "fixtures" / "facts")


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    for lang, text in (("en", HAND_WRITTEN_EN), ("zh", HAND_WRITTEN_ZH)):
        (tmp_path / lang / "chapters").mkdir(parents=True)
        (tmp_path / lang / "chapters" / "keynote.md").write_text(text, encoding="utf-8")
    return tmp_path


def test_every_language_gets_every_page(store: FactStore, docs: Path) -> None:
    write_generated_pages(store, docs)
    for lang in ("en", "zh"):
        names = {p.relative_to(docs / lang).as_posix() for p in (docs / lang).rglob("*.md")}
        assert names == {
            "chapters/keynote.md",
            "glossary/index.md",
            "glossary/nim.md",
            "glossary/blackwell.md",
            "people/index.md",
            "people/jensen-huang.md",
            "organizations/index.md",
            "organizations/nvidia.md",
            "figures.md",
            "timeline.md",
            "quotes.md",
            "sources.md",
            "data.md",
        }


def test_glossary_index_groups_terms_by_category_in_store_order(store: FactStore, docs: Path) -> None:
    write_generated_pages(store, docs)
    index = (docs / "zh/glossary/index.md").read_text(encoding="utf-8")
    assert index.index("## 软件 {#category-software}") < index.index("## 硬件 {#category-hardware}")
    assert "- [[term:nim]]：推理微服务。" in index


def test_term_page_has_names_aliases_related_and_backlinks(store: FactStore, docs: Path) -> None:
    write_generated_pages(store, docs)
    page = (docs / "en/glossary/blackwell.md").read_text(encoding="utf-8")
    assert "generated_from: facts/terms.yml\nrecord: blackwell\n" in page
    assert "English name\n:   Blackwell\n" in page and "Chinese name\n:   Blackwell 架构\n" in page
    # nim lists blackwell as related, so blackwell shows nim back.
    assert "## Related {#related}\n\n- [[term:nim]]" in page
    assert "## Mentioned in {#mentioned-in}\n\n- [Keynote](../chapters/keynote.md)" in page
    nim = (docs / "zh/glossary/nim.md").read_text(encoding="utf-8")
    assert "又作\n:   NIM\n" in nim and "[[quote:free-chips]]" in nim


def test_person_page_shows_role_affiliation_and_their_quotes(store: FactStore, docs: Path) -> None:
    write_generated_pages(store, docs)
    page = (docs / "zh/people/jensen-huang.md").read_text(encoding="utf-8")
    assert "职务\n:   首席执行官，[[org:nvidia]]\n" in page
    assert "## 引语 {#quotes}\n\n[[quote:free-chips]]" in page
    index = (docs / "en/people/index.md").read_text(encoding="utf-8")
    assert "- [[person:jensen-huang]]: CEO. Founder of NVIDIA." in index


def test_figures_page_tabulates_localized_values(store: FactStore, docs: Path) -> None:
    write_generated_pages(store, docs)
    zh = (docs / "zh/figures.md").read_text(encoding="utf-8")
    assert '| <span id="stake-value"></span>股份价值 | 约 15.5 亿美元 | 2024 年 1 月 | [[org:nvidia]] |' in zh


def test_regeneration_writes_nothing_and_removes_only_stale_generated_pages(store: FactStore, docs: Path) -> None:
    write_generated_pages(store, docs)
    assert write_generated_pages(store, docs) == []
    stale = docs / "en/glossary/retired-term.md"
    stale.write_text("---\ngenerated_from: facts/terms.yml\n---\n# Old\n", encoding="utf-8")
    assert write_generated_pages(store, docs) == [stale]
    assert not stale.exists()
    assert (docs / "en/chapters/keynote.md").read_text(encoding="utf-8") == HAND_WRITTEN_EN
