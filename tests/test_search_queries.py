"""What readers type, in a real Chromium: names, prefixes, typos, unspaced Chinese phrases,
the other script and mainland vocabulary, whole questions. Each query names the page it
must find and how far down it may be (1: first); every result must be in the page's
language. overrides/assets/search-query.js does the reading (mkdocs.yml includes it).
"""

from __future__ import annotations

from urllib.parse import urlsplit

import pytest

from tests.search_page import SearchPage

# (query, expected page or page#section, the place it must reach at least: 1 for names,
# aliases, prefixes and typos; 5 for several words, where other good answers, such as a
# timeline event or a figure about the same thing, may come first)
Query = tuple[str, str, int]

ENGLISH: list[Query] = [
    # Names, aliases and spellings: first.
    ("NIM", "glossary/nim/", 1),
    ("GR00T", "glossary/groot/", 1),
    ("GROOT", "glossary/groot/", 1),
    ("Blackwell", "glossary/blackwell/", 1),
    ("GB200", "glossary/gb200/", 1),
    ("Hopper", "glossary/hopper/", 1),
    ("Omniverse", "glossary/omniverse/", 1),
    ("Isaac Sim", "glossary/isaac-sim/", 1),
    ("Jetson Thor", "glossary/jetson-thor/", 1),
    ("CUDA", "glossary/cuda/", 1),
    ("Huang's Law", "glossary/huangs-law/", 1),
    ("liquid cooling", "glossary/liquid-cooling/", 1),
    ("digital twin", "glossary/digital-twin/", 1),
    ("Jensen Huang", "people/jensen-huang/", 1),
    ("Aidan Gomez", "people/aidan-gomez/", 1),
    ("Larry Ellison", "people/larry-ellison/", 1),
    ("NVIDIA", "organizations/nvidia/", 1),
    ("Supermicro", "organizations/supermicro/", 1),
    ("TSMC", "organizations/tsmc/", 1),
    ("Wall Street Journal", "organizations/wall-street-journal/", 1),
    ("Fei-Fei Li", "people/fei-fei-li/", 1),
    ("Character.AI", "organizations/character-ai/", 1),
    # Prefixes, as the reader is still typing.
    ("Blackw", "glossary/blackwell/", 1),
    ("Omniver", "glossary/omniverse/", 1),
    ("Uszko", "people/jakob-uszkoreit/", 1),
    ("Vasw", "people/ashish-vaswani/", 1),
    ("Polosu", "people/illia-polosukhin/", 1),
    ("Synop", "organizations/synopsys/", 1),
    ("Supermic", "organizations/supermicro/", 1),
    ("Jensen Hu", "people/jensen-huang/", 1),
    ("liquid cool", "glossary/liquid-cooling/", 1),
    # Typos: one letter wrong, missing, extra or swapped.
    ("Nvida", "organizations/nvidia/", 1),
    ("Omnivrse", "glossary/omniverse/", 1),
    ("Jenson Huang", "people/jensen-huang/", 1),
    ("Hoper", "glossary/hopper/", 3),
    ("Uskhoreit", "people/jakob-uszkoreit/", 1),
    ("Vaswany", "people/ashish-vaswani/", 1),
    ("Polosukin", "people/illia-polosukhin/", 1),
    ("Shazer", "people/noam-shazeer/", 1),
    ("Cohre", "organizations/cohere/", 1),
    ("Supermicor", "organizations/supermicro/", 1),
    ("Blackwel", "glossary/blackwell/", 1),
    # Several words: the page about all of them comes first, or near it.
    ("Jensen Huang keynote", "chapters/keynote-blackwell/", 5),
    ("nvidia investments", "chapters/power-and-ambition/", 5),
    ("NVIDIA investments in startups", "timeline/#nvidia-invests-in-startups-2023", 5),
    ("how many GPUs to train", "chapters/keynote-blackwell/#training-comparison", 5),
    ("how many GPUs to train a 1.8 trillion parameter model", "figures/#training-chart", 5),
    ("Blackwell liquid cooling", "chapters/keynote-blackwell/#power-and-cooling", 5),
    ("why did the Transformer authors leave Google", "chapters/transformer-panel/#leaving-google", 5),
    ("Wall Street reaction", "chapters/wall-street/", 1),
    ("software strategy", "chapters/software-strategy/", 1),
    ("robots Isaac Sim GR00T", "chapters/software-strategy/#robots", 5),
    ("GPU access startups", "chapters/power-and-ambition/#gpu-access", 5),
    ("Omniverse digital twins", "chapters/wall-street/#omniverse", 5),
    ("what does GTC stand for", "chapters/transformer-panel/#gtc-trivia", 5),
    ("biggest threat NVIDIA", "chapters/power-and-ambition/#the-biggest-threat", 5),
    ("TSMC supply", "chapters/keynote-blackwell/#supply", 5),
    ("NIM AI Foundry enterprise", "chapters/software-strategy/#nim-and-ai-foundry", 5),
    ("Transformer authors panel", "chapters/transformer-panel/", 1),
    ("Jensen keynote", "chapters/keynote-blackwell/#the-keynote", 5),
    # Chinese on English pages: the names' tags hold both scripts.
    ("黄仁勋", "people/jensen-huang/", 1),
    ("黃仁勳", "people/jensen-huang/", 1),
    ("英伟达", "organizations/nvidia/", 1),
    ("輝達", "organizations/nvidia/", 1),
    ("台积电", "organizations/tsmc/", 1),
    ("黄仁勋 keynote", "chapters/keynote-blackwell/", 5),
]

CHINESE: list[Query] = [
    # Names, aliases, both scripts: first.
    ("英伟达", "organizations/nvidia/", 1),
    ("英偉達", "organizations/nvidia/", 1),
    ("輝達", "organizations/nvidia/", 1),
    ("黄仁勋", "people/jensen-huang/", 1),
    ("黃仁勳", "people/jensen-huang/", 1),
    ("老黄", "people/jensen-huang/", 1),
    ("液冷", "glossary/liquid-cooling/", 1),
    ("数字孪生", "glossary/digital-twin/", 1),
    ("黄氏定律", "glossary/huangs-law/", 1),
    ("台积电", "organizations/tsmc/", 1),
    ("超微电脑", "organizations/supermicro/", 1),
    ("护城河", "glossary/moat/", 1),
    ("具身智能", "glossary/embodied-intelligence/", 1),
    ("济容投资", "organizations/jirong-investment/", 1),
    ("陈茜", "people/chen-qian/", 1),
    ("NIM", "glossary/nim/", 1),
    ("GR00T", "glossary/groot/", 1),
    ("Jensen Huang", "people/jensen-huang/", 1),
    ("推理微服务", "glossary/nim/", 1),
    ("大语言模型", "glossary/llm/", 1),
    # Prefixes.
    ("英伟", "organizations/nvidia/", 1),
    ("黄仁", "people/jensen-huang/", 1),
    ("数字孪", "glossary/digital-twin/", 1),
    ("护城", "glossary/moat/", 1),
    ("Blackw", "glossary/blackwell/", 1),
    ("马斯", "people/elon-musk/", 1),
    # Traditional script and Taiwan vocabulary on the Simplified pages.
    ("機器人", "chapters/software-strategy/#robots", 5),
    ("數位孿生", "glossary/digital-twin/", 1),
    ("台積電", "organizations/tsmc/", 1),
    ("軟體戰略", "chapters/software-strategy/", 1),
    ("晶片液冷", "chapters/keynote-blackwell/#power-and-cooling", 5),
    ("護城河", "glossary/moat/", 1),
    ("華爾街的反應", "chapters/wall-street/", 1),
    ("輝達投資", "chapters/power-and-ambition/#investing-in-the-ecosystem", 5),
    ("黃仁勳的演講", "chapters/keynote-blackwell/", 5),
    ("美超微", "organizations/supermicro/", 1),
    # Typos (English names on Chinese pages).
    ("Nvida", "organizations/nvidia/", 1),
    ("Omnivrse", "glossary/omniverse/", 1),
    ("Jenson Huang", "people/jensen-huang/", 1),
    # Unspaced phrases: the section about all of the words.
    ("英伟达投资", "chapters/power-and-ambition/#investing-in-the-ecosystem", 5),
    ("英伟达的投资", "chapters/power-and-ambition/#investing-in-the-ecosystem", 5),
    ("黄仁勋的演讲", "chapters/keynote-blackwell/", 5),
    ("黄仁勋主题演讲", "chapters/keynote-blackwell/", 5),
    ("软件战略", "chapters/software-strategy/", 1),
    ("机器人", "chapters/software-strategy/#robots", 5),
    ("华尔街的反应", "chapters/wall-street/", 1),
    ("芯片液冷", "chapters/keynote-blackwell/#power-and-cooling", 5),
    ("液冷散热", "glossary/liquid-cooling/", 5),
    ("台积电产能", "chapters/keynote-blackwell/#supply", 5),
    ("谷歌为什么留不住作者", "chapters/transformer-panel/#leaving-google", 5),
    ("初创公司投资", "chapters/power-and-ambition/#investing-in-the-ecosystem", 5),
    ("GPU渠道", "chapters/power-and-ambition/#gpu-access", 5),
    ("最大的威胁", "chapters/power-and-ambition/#the-biggest-threat", 5),
    ("Blackwell功耗", "chapters/keynote-blackwell/#power-and-cooling", 5),
    ("Transformer作者座谈", "chapters/transformer-panel/", 1),
    ("数字孪生操作系统", "chapters/wall-street/#omniverse", 5),
    ("老黄的主题演讲", "chapters/keynote-blackwell/", 5),
    # Whole questions.
    ("训练一个模型需要多少GPU", "chapters/keynote-blackwell/#training-comparison", 5),
    ("英伟达投资了哪些公司", "chapters/power-and-ambition/#investing-in-the-ecosystem", 5),
    ("GTC是什么的缩写", "chapters/transformer-panel/#gtc-trivia", 5),
    ("为什么液冷成为必需", "chapters/keynote-blackwell/#power-and-cooling", 5),
    ("华尔街为什么不买账", "chapters/wall-street/", 5),
    ("Transformer作者如今在做什么", "chapters/transformer-panel/#the-authors-today", 5),
]

TRADITIONAL: list[Query] = [
    # Names in the edition's own forms: first.
    ("輝達", "organizations/nvidia/", 1),
    ("黃仁勳", "people/jensen-huang/", 1),
    ("老黃", "people/jensen-huang/", 1),
    ("液冷", "glossary/liquid-cooling/", 1),
    ("數位孿生", "glossary/digital-twin/", 1),
    ("黃氏定律", "glossary/huangs-law/", 1),
    ("台積電", "organizations/tsmc/", 1),
    ("美超微", "organizations/supermicro/", 1),
    ("護城河", "glossary/moat/", 1),
    ("運算微影", "glossary/computational-lithography/", 1),
    ("具身智慧", "glossary/embodied-intelligence/", 1),
    ("濟容投資", "organizations/jirong-investment/", 1),
    ("陳茜", "people/chen-qian/", 1),
    ("NIM", "glossary/nim/", 1),
    ("GR00T", "glossary/groot/", 1),
    ("Blackwell", "glossary/blackwell/", 1),
    ("推論微服務", "glossary/nim/", 3),  # not among its search tags (OpenCC gives 推理微服務)
    ("大型語言模型", "glossary/llm/", 1),
    # Prefixes.
    ("黃仁", "people/jensen-huang/", 1),
    ("數位孿", "glossary/digital-twin/", 1),
    ("護城", "glossary/moat/", 1),
    ("Omniver", "glossary/omniverse/", 1),
    # Simplified script and mainland vocabulary on the Taiwan pages.
    ("英伟达", "organizations/nvidia/", 1),
    ("英偉達", "organizations/nvidia/", 1),
    ("黄仁勋", "people/jensen-huang/", 1),
    ("数字孪生", "glossary/digital-twin/", 1),
    ("台积电", "organizations/tsmc/", 1),
    ("超微电脑", "organizations/supermicro/", 1),
    ("计算光刻", "glossary/computational-lithography/", 1),
    ("具身智能", "glossary/embodied-intelligence/", 1),
    ("推理微服务", "glossary/nim/", 1),
    ("大语言模型", "glossary/llm/", 1),
    ("芯片功耗", "figures/#category-power", 5),
    ("软件战略", "chapters/software-strategy/", 1),
    ("軟件戰略", "chapters/software-strategy/", 1),
    ("英伟达投资", "chapters/power-and-ambition/#investing-in-the-ecosystem", 5),
    ("机器人", "chapters/software-strategy/#robots", 5),
    ("华尔街的反应", "chapters/wall-street/", 1),
    ("黄仁勋的演讲", "chapters/keynote-blackwell/", 5),
    ("芯片液冷", "chapters/keynote-blackwell/#power-and-cooling", 5),
    ("谷歌为什么留不住作者", "chapters/transformer-panel/#leaving-google", 5),
    ("数据质量", "chapters/transformer-panel/#reasoning-and-data", 5),
    # Typos (English names).
    ("Nvida", "organizations/nvidia/", 1),
    ("Jenson Huang", "people/jensen-huang/", 1),
    ("Omnivrse", "glossary/omniverse/", 1),
    # Unspaced phrases in the edition's own words.
    ("輝達投資", "chapters/power-and-ambition/#investing-in-the-ecosystem", 5),
    ("輝達的投資", "chapters/power-and-ambition/#investing-in-the-ecosystem", 5),
    ("黃仁勳的演講", "chapters/keynote-blackwell/", 5),
    ("軟體戰略", "chapters/software-strategy/", 1),
    ("機器人", "chapters/software-strategy/#robots", 5),
    ("華爾街的反應", "chapters/wall-street/", 1),
    ("晶片液冷", "chapters/keynote-blackwell/#power-and-cooling", 5),
    ("台積電產能", "chapters/keynote-blackwell/#supply", 5),
    ("新創公司投資", "chapters/power-and-ambition/#investing-in-the-ecosystem", 5),
    ("GPU管道", "chapters/power-and-ambition/#gpu-access", 5),
    ("最大的威脅", "chapters/power-and-ambition/#the-biggest-threat", 5),
    ("Transformer作者座談", "chapters/transformer-panel/", 1),
    ("數位孿生作業系統", "chapters/wall-street/#omniverse", 5),
    ("資料品質", "chapters/transformer-panel/#reasoning-and-data", 5),
    # Whole questions.
    ("訓練一個模型需要多少GPU", "chapters/keynote-blackwell/#training-comparison", 5),
    ("輝達投資了哪些公司", "chapters/power-and-ambition/#investing-in-the-ecosystem", 5),
    ("GTC是什麼的縮寫", "chapters/transformer-panel/#gtc-trivia", 5),
    ("為什麼液冷成為必需", "chapters/keynote-blackwell/#power-and-cooling", 5),
    ("Google為什麼一個都沒留住", "chapters/transformer-panel/#leaving-google", 5),
]

LANGUAGES = {"": ENGLISH, "zh/": CHINESE, "zh-Hant/": TRADITIONAL}
OTHER_ROOTS = ("zh/", "zh-Hant/")

# Each result item: its page, then the sections shown under it (also those folded away).
RESULT_GROUPS = """items => items.map(item =>
  [...item.querySelectorAll('a.md-search-result__link')].map(link => {
    const url = new URL(link.href);
    return url.pathname + url.hash;
  }))"""


def result_groups(search: SearchPage, query: str) -> list[list[str]]:
    """Type query; return each result page with its sections, as addresses without the
    highlight parameter, in the order shown."""
    search.search(query)
    return search.page.eval_on_selector_all(".md-search-result__item", RESULT_GROUPS)


def problems(browser, base: str, language_root: str, table: list[Query]) -> tuple[list[str], list[str]]:
    """(queries that missed their page, results from another language), for one language."""
    root = urlsplit(base).path + language_root
    others = [urlsplit(base).path + other for other in OTHER_ROOTS if other != language_root]
    misses, foreign = [], []
    search = SearchPage(browser, base + language_root)
    try:
        for query, expected, within in table:
            groups = result_groups(search, query)
            want = root + expected
            page = want.split("#", 1)[0]
            position = next(
                (
                    number
                    for number, group in enumerate(groups, start=1)
                    if group and group[0].split("#", 1)[0] == page and ("#" not in want or want in group)
                ),
                None,
            )
            if position is None or position > within:
                shown = ", ".join(group[0].removeprefix(root) for group in groups[:within]) or "no results"
                misses.append(f"{query!r}: {expected} at {position or 'none'}, wanted within {within} ({shown})")
            for group in groups:
                for address in group:
                    if not address.startswith(root) or any(address.startswith(other) for other in others):
                        foreign.append(f"{query!r}: {address}")
        assert search.errors == [], search.errors
    finally:
        search.close()
    return misses, foreign


@pytest.mark.parametrize("language_root", list(LANGUAGES), ids=["en", "zh", "zh-Hant"])
def test_queries_find_their_page_in_the_first_results(browser, served_site, language_root) -> None:
    table = LANGUAGES[language_root]
    assert len(table) >= 60
    misses, foreign = problems(browser, served_site, language_root, table)
    assert foreign == [], "results from another language:\n" + "\n".join(foreign)
    assert misses == [], f"{len(misses)} of {len(table)} queries missed:\n" + "\n".join(misses)


# (typed in the other script or vocabulary, the page's own words): the same pages come first.
COUNTERPARTS = {
    "zh/": [
        ("機器人", "机器人"),
        ("晶片", "芯片"),
        ("輝達投資", "英伟达投资"),
        ("軟體戰略", "软件战略"),
        ("數位孿生", "数字孪生"),
        ("黃仁勳的演講", "黄仁勋的演讲"),
        ("華爾街的反應", "华尔街的反应"),
        ("台積電", "台积电"),
        ("運算微影", "计算光刻"),
        ("資料品質", "数据质量"),
    ],
    "zh-Hant/": [
        ("芯片", "晶片"),
        ("软件战略", "軟體戰略"),
        ("軟件", "軟體"),
        ("英伟达投资", "輝達投資"),
        ("英偉達", "輝達"),
        ("机器人", "機器人"),
        ("数字孪生", "數位孿生"),
        ("黄仁勋的演讲", "黃仁勳的演講"),
        ("计算光刻", "運算微影"),
        ("华尔街的反应", "華爾街的反應"),
        ("数据质量", "資料品質"),
    ],
}


def result_pages(search: SearchPage, query: str) -> list[str]:
    return [group[0] for group in result_groups(search, query) if group]


@pytest.mark.parametrize("language_root", list(COUNTERPARTS), ids=["zh", "zh-Hant"])
def test_the_other_script_finds_what_the_page_script_finds(browser, served_site, language_root) -> None:
    search = SearchPage(browser, served_site + language_root)
    differences = []
    try:
        for typed, own in COUNTERPARTS[language_root]:
            found, expected = result_pages(search, typed), result_pages(search, own)
            # The typed form is searched too (quotes keep the source's words, search tags
            # hold every spelling), so pages holding both forms may come a little higher.
            if not expected or found[:1] != expected[:1] or not set(expected[:3]) <= set(found[:8]):
                differences.append(f"{typed} {found[:8]} != {own} {expected[:3]}")
        assert search.errors == [], search.errors
    finally:
        search.close()
    assert differences == [], "\n".join(differences)


def test_the_box_keeps_what_the_reader_typed(browser, served_site) -> None:
    search = SearchPage(browser, served_site + "zh/")
    try:
        search.search("英伟达的投资")
        assert search.box.input_value() == "英伟达的投资"
        # Material's "missing" line and the highlight address name the reader's words.
        assert "\\" not in search.page.inner_text(".md-search-result")
    finally:
        search.close()


def test_enter_opens_the_first_result(browser, served_site) -> None:
    """Material's Enter key opens the highest-scored result: the scores follow the new order."""
    search = SearchPage(browser, served_site + "zh/")
    try:
        first = result_groups(search, "英伟达投资")[0]
        with search.page.expect_navigation():
            search.box.press("Enter")
        assert urlsplit(search.page.url).path == first[0].split("#", 1)[0]
    finally:
        search.close()


def test_tags_are_shown_only_where_they_matched(browser, served_site) -> None:
    search = SearchPage(browser, served_site + "zh/")
    try:
        search.search("英伟达")
        chips = search.page.eval_on_selector_all(".md-search-result .md-tag", "tags => tags.map(t => t.innerHTML)")
        assert chips, "the matching alias is shown"
        assert all("<mark>" in chip for chip in chips), chips
    finally:
        search.close()


def test_record_titles_gloss_a_name_once(browser, served_site) -> None:
    search = SearchPage(browser, served_site + "zh/")
    try:
        search.search("扩展现实")
        title = search.page.inner_text(".md-search-result__item h1").replace("\u200b", "")
        assert title == "扩展现实（XR）", title
    finally:
        search.close()
