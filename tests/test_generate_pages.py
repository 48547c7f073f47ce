"""Generated pages: one per term plus list pages, in every language, kept in step with the store."""

from __future__ import annotations

from pathlib import Path

import pytest

from gtc_site.i18n.traditional import TraditionalConverter
from gtc_site.publish.generated_pages import generated_pages
from gtc_site.store.load import load_facts
from gtc_site.store.model import FactStore
from gtc_site.tools import write_pages

HAND_WRITTEN_EN = "# Keynote\n\nBlackwell: [[term:blackwell]].\n"
HAND_WRITTEN_ZH = "# 主题演讲\n\n[[term:blackwell]] 架构。\n"


@pytest.fixture
def store() -> FactStore:
    return load_facts(Path(__file__).parent / "fixtures" / "facts")


HAND_WRITTEN = {"en/chapters/keynote.md": HAND_WRITTEN_EN, "zh/chapters/keynote.md": HAND_WRITTEN_ZH}


@pytest.fixture
def docs(store: FactStore) -> dict[str, str]:
    """Every generated page, by docs path."""
    return generated_pages(store, HAND_WRITTEN, TraditionalConverter({"英伟达": "輝達"}))


def test_every_language_gets_every_page(docs: dict[str, str]) -> None:
    for lang in ("en", "zh", "zh-Hant"):
        names = {path.removeprefix(f"{lang}/") for path in docs if path.startswith(f"{lang}/")}
        hand_written = {"chapters/keynote.md"} if lang == "zh-Hant" else set()
        assert names == hand_written | {
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


def test_glossary_index_groups_terms_by_category_in_store_order(docs: dict[str, str]) -> None:
    index = docs["zh/glossary/index.md"]
    assert index.index("## 软件 {#category-software}") < index.index("## 硬件 {#category-hardware}")
    assert "- [[term:nim]]：推理微服务。" in index


def test_term_page_has_names_aliases_related_and_backlinks(docs: dict[str, str]) -> None:
    page = docs["en/glossary/blackwell.md"]
    assert "generated_from: facts/terms.yml\nrecord: blackwell\n" in page
    assert "English name\n:   Blackwell\n" in page and "Chinese name\n:   Blackwell 架构\n" in page
    # nim lists blackwell as related, so blackwell shows nim back.
    assert "## Related {#related}\n\n- [[term:nim]]" in page
    assert "## Mentioned in {#mentioned-in}\n\n- [Keynote](../chapters/keynote.md)" in page
    nim = docs["zh/glossary/nim.md"]
    assert "又称\n:   NIM\n" in nim and "[[quote:free-chips]]" in nim


def test_person_page_shows_role_affiliation_and_their_quotes(docs: dict[str, str]) -> None:
    page = docs["zh/people/jensen-huang.md"]
    assert "职务\n:   首席执行官，[[org:nvidia]]\n" in page
    assert "## 引语 {#quotes}\n\n[[quote:free-chips]]" in page
    index = docs["en/people/index.md"]
    assert "- [[person:jensen-huang]]: CEO. Founder of NVIDIA." in index


def test_figures_page_tabulates_localized_values(docs: dict[str, str]) -> None:
    zh = docs["zh/figures.md"]
    assert (
        '| <span id="stake-value"></span>股份价值 | 约 15.5 亿美元 | [[excerpt:stake-value]]<br>'
        "[第 1 部分](sources.md#article-one-part-1)“唯一部分” | "
        '<span class="nowrap">2024 年 1 月</span> |'
    ) in zh
    assert "来源：[[source:article-one]]" in zh  # once per table, not in every row


def test_the_traditional_edition_converts_every_simplified_page(docs: dict[str, str]) -> None:
    keynote = docs["zh-Hant/chapters/keynote.md"]
    assert keynote.startswith("---\nconverted_from: docs/zh/chapters/keynote.md\n---\n")
    assert "# 主題演講" in keynote and "[[term:blackwell]]" in keynote


def test_make_pages_writes_nothing_twice_and_removes_only_stale_pages(
    store: FactStore, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("GTC_FACTS_DIR", str(Path(__file__).parent / "fixtures" / "facts"))
    target = tmp_path / "generated"
    assert write_pages.main([str(target)]) == 0
    first = {p: p.stat().st_mtime_ns for p in target.rglob("*.md")}
    assert target / "zh-Hant" / "glossary" / "nim.md" in first
    stale = target / "en/glossary/retired-term.md"
    stale.write_text("# Old\n", encoding="utf-8")
    assert write_pages.main([str(target)]) == 0
    assert not stale.exists()
    assert {p: p.stat().st_mtime_ns for p in target.rglob("*.md")} == first
