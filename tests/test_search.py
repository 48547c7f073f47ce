"""Search in a real Chromium: each language searches its own pages and finds what readers type."""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.search_page import RESULT_LINKS, SearchPage

# (what a reader types, the page that must come first), on English pages.
ENGLISH_QUERIES = [
    ("NIM", "glossary/nim/"),
    ("GROOT", "glossary/groot/"),  # the article's spelling
    ("GR00T", "glossary/groot/"),  # NVIDIA's spelling
    ("Blackwell", "glossary/blackwell/"),
    ("GB200", "glossary/gb200/"),
    ("B200", "glossary/b200/"),
    ("Hopper", "glossary/hopper/"),
    ("Omniverse", "glossary/omniverse/"),
    ("Isaac Sim", "glossary/isaac-sim/"),
    ("Jetson Thor", "glossary/jetson-thor/"),
    ("NeMo", "glossary/nemo/"),
    ("CUDA", "glossary/cuda/"),
    ("Huang's Law", "glossary/huangs-law/"),
    ("liquid cooling", "glossary/liquid-cooling/"),
    ("digital twin", "glossary/digital-twin/"),
    ("Transformer", "glossary/transformer/"),
    ("rerating", "glossary/rerating/"),
    ("AI Foundry", "glossary/ai-foundry/"),
    ("DGX Cloud", "glossary/dgx-cloud/"),
    ("Jensen Huang", "people/jensen-huang/"),
    ("Aidan Gomez", "people/aidan-gomez/"),
    ("Jakob Uszkoreit", "people/jakob-uszkoreit/"),
    ("Uskhoreit", "people/jakob-uszkoreit/"),  # the article's misspelling
    ("Larry Ellison", "people/larry-ellison/"),
    ("NVIDIA", "organizations/nvidia/"),
    ("Supermicro", "organizations/supermicro/"),
    ("TSMC", "organizations/tsmc/"),
    ("Cohere", "organizations/cohere/"),
    ("黄仁勋", "people/jensen-huang/"),  # Chinese typed on an English page
    ("英伟达", "organizations/nvidia/"),
]

# The same on Chinese pages: Chinese names, Traditional spellings, English names and aliases.
CHINESE_QUERIES = [
    ("NIM", "glossary/nim/"),
    ("GROOT", "glossary/groot/"),
    ("GR00T", "glossary/groot/"),
    ("英伟达", "organizations/nvidia/"),
    ("英偉達", "organizations/nvidia/"),  # Traditional
    ("輝達", "organizations/nvidia/"),  # Taiwan
    ("NVIDIA", "organizations/nvidia/"),
    ("黄仁勋", "people/jensen-huang/"),
    ("黃仁勳", "people/jensen-huang/"),
    ("老黄", "people/jensen-huang/"),
    ("Jensen Huang", "people/jensen-huang/"),
    ("液冷", "glossary/liquid-cooling/"),
    ("水冷", "glossary/liquid-cooling/"),
    ("数字孪生", "glossary/digital-twin/"),
    ("數位孿生", "glossary/digital-twin/"),  # Taiwan
    ("黄氏定律", "glossary/huangs-law/"),
    ("台积电", "organizations/tsmc/"),
    ("台積電", "organizations/tsmc/"),
    ("超微电脑", "organizations/supermicro/"),
    ("甲骨文", "organizations/oracle/"),
    ("马斯克", "people/elon-musk/"),
    ("李飞飞", "people/fei-fei-li/"),
    ("护城河", "glossary/moat/"),
    ("计算光刻", "glossary/computational-lithography/"),
    ("具身智能", "glossary/embodied-intelligence/"),
    ("华尔街日报", "organizations/wall-street-journal/"),
    ("济容投资", "organizations/jirong-investment/"),
    ("陈茜", "people/chen-qian/"),
    ("Blackwell", "glossary/blackwell/"),
    ("Transformer", "glossary/transformer/"),
]

HOSTILE_QUERIES = [
    "",
    "   ",
    "GPU " * 500,  # 2,000 characters
    ".*+?[](){}<>\"'\\",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "NIM 英伟达 GR00T 液冷 mixed 文字",
    "^$|\\d+(?=x)",
    "英" * 300,
]


def first_results(browser, base: str, language_root: str, table: list[tuple[str, str]]) -> list[str]:
    """Every query whose first result is not the expected page, with what came first instead."""
    search = SearchPage(browser, base + language_root)
    misses = []
    try:
        for query, expected in table:
            results = search.search(query)
            want = urlsplit(base).path + language_root + expected
            if not results or results[0] != want:
                got = results[0] if results else "no results"
                misses.append(f"{query!r}: expected {want}, first was {got}")
        assert search.errors == [], search.errors
    finally:
        search.close()
    return misses


@pytest.mark.parametrize(
    ("language_root", "table"), [("", ENGLISH_QUERIES), ("zh/", CHINESE_QUERIES)], ids=["en", "zh"]
)
def test_exact_names_and_variants_find_their_record_first(browser, served_site, language_root, table) -> None:
    assert len(table) >= 25
    misses = first_results(browser, served_site, language_root, table)
    assert misses == [], f"{len(misses)} of {len(table)} queries missed:\n" + "\n".join(misses)


def test_each_language_searches_only_its_own_pages(browser, served_site) -> None:
    root = urlsplit(served_site).path
    roots = ("", "zh/", "zh-Hant/")
    for language_root in roots:
        for query in ("Blackwell", "NVIDIA"):
            search = SearchPage(browser, served_site + language_root)
            results = search.search(query)
            search.close()
            assert results, f"{query} found nothing on {language_root or 'en/'}"
            found_in = {next(r for r in reversed(roots) if result.startswith(root + r)) for result in results}
            assert found_in == {language_root}, (language_root, query, results)


def test_odd_queries_return_normally_without_console_errors(browser, served_site) -> None:
    for language_root in ("", "zh/"):
        search = SearchPage(browser, served_site + language_root)
        for query in HOSTILE_QUERIES:
            search.search(query)
        assert search.page.locator(".md-search-result img[src=x], .md-search-result script").count() == 0
        errors = search.errors
        search.close()
        assert errors == [], errors


def test_a_reader_who_does_not_search_loads_no_index(browser, served_site) -> None:
    """Material requests the index as every page loads; search-query.js holds that request
    until the reader goes to the search box. The idle-time prefetch is not Material's request."""
    page = browser.new_page(viewport={"width": 412, "height": 823})
    requested: list[str] = []
    page.on("request", lambda r: r.url.endswith("search_index.json") and requested.append(r.resource_type))
    try:
        page.goto(served_site + "zh/glossary/liquid-cooling/", wait_until="load")
        page.wait_for_timeout(1000)
        assert "xhr" not in requested and "fetch" not in requested, requested
        page.locator("label.md-header__button[for=__search]").click()
        page.wait_for_function("() => document.documentElement.dataset.searchWords === 'ready'")
        assert "xhr" in requested, requested
    finally:
        page.close()


def test_a_search_address_searches_at_once(browser, served_site) -> None:
    """A shared address with ?q= opens with its results: the index is not held for it."""
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    try:
        page.goto(served_site + "?q=Blackwell")
        page.wait_for_selector(RESULT_LINKS)
        assert "glossary/blackwell/" in page.eval_on_selector_all(RESULT_LINKS, "ls => ls.map(l => l.href).join(' ')")
    finally:
        page.close()
