"""The Traditional Chinese edition, converted from the Simplified pages at build time."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from gtc_site import paths
from gtc_site.i18n.traditional import TraditionalConverter, read_phrase_table
from gtc_site.store.errors import FactStoreError
from tests.conftest import ParsedSite
from tests.search_page import SearchPage

TABLE = paths.translation_dir() / "zh-Hant.yml"


def phrase_table(path: Path = TABLE) -> dict[str, str]:
    return {p.simplified: p.traditional for p in read_phrase_table(path, "facts/translation/zh-Hant.yml")}


@pytest.fixture(scope="module")
def converter() -> TraditionalConverter:
    return TraditionalConverter(phrase_table())


class Article(HTMLParser):
    """Visible text (outside code), element ids and link addresses of a page's article."""

    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.ids: list[str] = []
        self.hrefs: list[str] = []
        self._depth = 0  # inside <article>
        self._code = 0
        self._spans: list[bool] = []  # for each open <span>: is it the source's words?

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        self._depth += tag == "article" or (self._depth > 0 and tag not in ("br", "img", "input", "hr", "meta"))
        # Code, and the source's own words (shown as published), are not our text.
        if tag == "span":
            self._spans.append("source-words" in (a.get("class") or ""))
        if tag in ("code", "pre", "script", "style") or (tag == "span" and self._spans[-1]):
            self._code += 1
        if self._depth:
            if a.get("id"):
                self.ids.append(a["id"])
            if tag == "a" and a.get("href") and not a["href"].startswith("https://github.com"):
                self.hrefs.append(a["href"])

    def handle_endtag(self, tag):
        if self._depth and tag not in ("br", "img", "input", "hr", "meta"):
            self._depth -= 1
        if tag in ("code", "pre", "script", "style") or (tag == "span" and self._spans and self._spans.pop()):
            self._code -= 1

    def handle_data(self, data):
        if self._depth and not self._code:
            self.text.append(data)


def article(path: Path, parsed_site: ParsedSite | None = None) -> Article:
    if parsed_site is not None:
        return parsed_site.parse(path, Article)
    parser = Article()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def test_characters_convert_and_only_reviewed_phrases_change(converter: TraditionalConverter) -> None:
    # s2tw converts characters; OpenCC's own phrase rewriting (参数 -> 引數) is never used.
    assert converter.text("模型参数与扩展") == "模型參數與擴展"
    for simplified, traditional in phrase_table().items():
        assert converter.text(f"「{simplified}」") == f"「{traditional}」"


def test_quotes_convert_script_only_and_take_taiwan_quotation_marks(converter: TraditionalConverter) -> None:
    assert converter.quote("英伟达的软件") == "英偉達的軟件"
    assert converter.text("他说“很好”") == "他說「很好」"


def test_code_addresses_ids_anchors_and_latin_text_pass_through() -> None:
    converter = TraditionalConverter({"软件": "軟體", "数据": "資料"})
    markdown = (
        '## 软件 {#software-anchor}\n\n见 [[term:nim|推理微服务]] 和 [数据](../figures.md#data-软件 "数据页")'
        '{.xref} `代码 软件` <span id="软件-id">软件</span> <https://example.org/软件> NVIDIA Blackwell\n\n'
        "```python\nprint('软件')\n```\n\n- 列表\n\n    ```\n    软件\n    ```\n"
    )
    assert converter.markdown(markdown) == (
        '## 軟體 {#software-anchor}\n\n見 [[term:nim|推理微服务]] 和 [資料](../figures.md#data-软件 "資料頁")'
        '{.xref} `代码 软件` <span id="软件-id">軟體</span> <https://example.org/软件> NVIDIA Blackwell\n\n'
        "```python\nprint('软件')\n```\n\n- 列表\n\n    ```\n    软件\n    ```\n"
    )


def test_a_broken_override_list_is_reported_with_its_line(tmp_path: Path) -> None:
    path = tmp_path / "zh-Hant.yml"
    path.write_text(
        "- simplified: 英伟达\n  traditional: 輝達\n  why: name\n- simplified: 硅谷\n  why: brand\n", encoding="utf-8"
    )
    with pytest.raises(FactStoreError) as caught:
        read_phrase_table(path, "facts/translation/zh-Hant.yml")
    assert [str(e) for e in caught.value.errors] == [
        "facts/translation/zh-Hant.yml:4: [1]: an entry needs exactly simplified, traditional and why, each as text "
        "— follow the entries above it"
    ]


def test_every_chinese_page_has_a_traditional_page_with_the_same_anchors_and_links(
    site: Path, parsed_site: ParsedSite
) -> None:
    for page in parsed_site.pages("zh", "index.html"):
        traditional = site / "zh-Hant" / page.relative_to(site / "zh")
        assert traditional.exists(), f"{traditional} is missing"
        simplified_article, traditional_article = article(page, parsed_site), article(traditional, parsed_site)
        assert traditional_article.ids == simplified_article.ids, page
        assert traditional_article.hrefs == simplified_article.hrefs, page


def test_no_simplified_only_character_remains(
    site: Path, parsed_site: ParsedSite, converter: TraditionalConverter
) -> None:
    # Converting the page text again must leave no character that is Simplified on its own.
    # (里 and 了 are Traditional too; OpenCC may still rephrase them, as in 了解 → 瞭解, when a
    # text node gives it a different context: such rephrasing is not a Simplified character.)
    # Characters the reviewed phrase table writes (台 in 台積電) are Taiwan usage by decision.
    decided = set("".join(phrase_table().values()))
    # The source's own words are shown as published, its stray Simplified characters included.
    problems = []
    for page in parsed_site.pages("zh-Hant", "index.html"):
        for text in article(page, parsed_site).text:
            again = converter.quote(text)
            simplified = {
                old
                for old, new in zip(text, again, strict=False)
                if "\u3400" <= old <= "\u9fff" and old != new and converter.quote(old) != old and old not in decided
            }
            if simplified:
                problems.append(f"{page.relative_to(site)}: {''.join(sorted(simplified))} in {text.strip()[:40]!r}")
    assert problems == []


def test_override_list_is_honoured_on_the_built_pages(site: Path) -> None:
    nvidia = "".join(article(site / "zh-Hant/organizations/nvidia/index.html").text)
    assert "輝達（NVIDIA）" in nvidia and "英偉達（NVIDIA）" not in nvidia
    about = "".join(article(site / "zh-Hant/about/index.html").text)
    assert "硅谷101" in about and "矽谷101" not in about


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("輝達", "organizations/nvidia/"),
        ("英偉達", "organizations/nvidia/"),
        ("英伟达", "organizations/nvidia/"),  # Simplified typed on a Traditional page
        ("黃仁勳", "people/jensen-huang/"),
        ("數位孿生", "glossary/digital-twin/"),
        ("台積電", "organizations/tsmc/"),
        ("美超微", "organizations/supermicro/"),
        ("GR00T", "glossary/groot/"),
    ],
)
def test_traditional_queries_find_their_page(browser, served_site, query, expected) -> None:
    search = SearchPage(browser, served_site + "zh-Hant/")
    results = search.search(query)
    errors = search.errors
    search.close()
    assert results and results[0].endswith("/zh-Hant/" + expected), f"{query}: first was {results[:1]}"
    assert errors == []
