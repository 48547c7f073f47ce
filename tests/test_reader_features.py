"""What readers, link previews and search engines get: tooltips, metadata, edit links, downloads."""

from __future__ import annotations

import csv
import json
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin

from gtc_site.store.load import load_facts
from tests.conftest import SITE_URL


class HeadParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.meta: dict[str, list[str]] = {}
        self.json_ld: list[dict] = []
        self.links: list[tuple[str, str, str]] = []  # (href, title, rel)
        self._in_json_ld = False

    def handle_starttag(self, tag, attrs):
        a = {k: v or "" for k, v in attrs}
        if tag == "meta" and "property" in a:
            self.meta.setdefault(a["property"], []).append(a["content"])
        if tag == "script" and a.get("type") == "application/ld+json":
            self._in_json_ld = True
        if tag == "a":
            self.links.append((a.get("href", ""), a.get("title", ""), a.get("rel", "")))

    def handle_endtag(self, tag):
        self._in_json_ld = False

    def handle_data(self, data):
        if self._in_json_ld:
            self.json_ld.append(json.loads(data))


def head(site: Path, path: str) -> HeadParser:
    parser = HeadParser()
    parser.feed((site / path / "index.html").read_text(encoding="utf-8"))
    return parser


def test_open_graph_tags_describe_the_page_in_its_language(site: Path) -> None:
    meta = head(site, "zh/glossary/liquid-cooling").meta
    assert meta["og:url"] == [SITE_URL + "zh/glossary/liquid-cooling/"]
    assert meta["og:locale"] == ["zh_CN"] and meta["og:locale:alternate"] == ["en_US", "zh_TW"]
    assert head(site, "zh-Hant/glossary/liquid-cooling").meta["og:locale"] == ["zh_TW"]
    assert meta["og:title"] == ["液冷"] and meta["og:site_name"] == ["GTC 2024 详解"]
    assert meta["og:description"][0].startswith(load_facts().get("liquid-cooling").description.zh[:10])
    assert head(site, "").meta["og:type"] == ["website"]


def test_structured_data_names_each_kind_of_record(site: Path) -> None:
    term = head(site, "glossary/nim").json_ld[0]
    assert term["@type"] == "DefinedTerm" and term["name"] == "NVIDIA NIM" and "NIM" in term["alternateName"]
    person = head(site, "zh/people/jensen-huang").json_ld[0]
    assert person["@type"] == "Person" and person["name"] == "黄仁勋" and person["affiliation"]["name"] == "英伟达"
    assert head(site, "organizations/tsmc").json_ld[0]["@type"] == "Organization"
    quotes = head(site, "quotes").json_ld[0]
    assert {item["@type"] for item in quotes["itemListElement"]} == {"Quotation"}
    events = head(site, "zh/timeline").json_ld[0]["itemListElement"]
    assert {item["@type"] for item in events} == {"Event"} and all(re.match(r"\d{4}", e["startDate"]) for e in events)
    assert head(site, "chapters/wall-street").json_ld[0]["@type"] == "Article"


def test_sitemap_alternates_include_x_default(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    block = re.search(
        r"<url>\s*<loc>" + re.escape(SITE_URL + "zh/people/jensen-huang/") + r"</loc>.*?</url>", sitemap, re.S
    )
    assert block, "the Chinese page is not in the sitemap"
    assert f'hreflang="x-default" href="{SITE_URL}people/jensen-huang/"' in block.group(0)


def edit_link(site: Path, path: str) -> tuple[str, str]:
    return next((href, title) for href, title, rel in head(site, path).links if rel == "edit")


def test_edit_links_open_the_source_of_each_page(site: Path) -> None:
    href, _ = edit_link(site, "zh/chapters/wall-street")
    assert href.endswith("/edit/main/docs/zh/chapters/wall-street.md")
    href, title = edit_link(site, "glossary/groot")
    record = load_facts().get("groot")
    assert href.endswith("/edit/main/facts/terms.yml") and f"facts/terms.yml:{record.line} (groot)" in title
    href, _ = edit_link(site, "zh/figures")
    assert href.endswith("/edit/main/facts/figures.yml")
    # A Traditional page is edited in the Simplified page it is converted from.
    href, _ = edit_link(site, "zh-Hant/chapters/wall-street")
    assert href.endswith("/edit/main/docs/zh/chapters/wall-street.md")


def test_downloads_hold_the_whole_store(site: Path) -> None:
    store = load_facts()
    data = json.loads((site / "downloads/facts.json").read_text(encoding="utf-8"))
    for kind, records in store.records.items():
        assert [r["id"] for r in data[kind]] == list(records)
    figure = next(f for f in data["figures"] if f["id"] == "nvidia-equity-stakes-value")
    assert figure["value"] == 1550000000 and figure["name"]["zh"] == "英伟达所持其他公司股份的价值"
    with (site / "downloads/people.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == len(store.records["people"])
    jensen = next(r for r in rows if r["id"] == "jensen-huang")
    assert jensen["name_zh"] == "黄仁勋" and jensen["role_en"] and "老黄" in jensen["aliases"].split(" | ")
    assert json.loads((site / "downloads/schema/terms.schema.json").read_text())["$id"] == "terms.schema.json"


def test_data_page_links_to_files_that_exist(site: Path) -> None:
    for path in ("data", "zh/data", "zh-Hant/data"):
        hrefs = [href for href, _, _ in head(site, path).links if "downloads/" in href]
        assert len(hrefs) == 9, hrefs
        for href in hrefs:
            target = urljoin(f"https://host/{path}/", href).removeprefix("https://host/")
            assert (site / target).is_file(), f"{path}: {href} does not exist"


def test_term_tooltips_show_the_definition_in_the_page_language(browser, served_site) -> None:
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(served_site + "zh/chapters/keynote-blackwell/")
    link = page.locator("article a.xref-terms[href$='glossary/liquid-cooling/']").first
    definition = load_facts().get("liquid-cooling").description.zh
    link.hover()
    tooltip = page.locator(".md-tooltip2")
    tooltip.first.wait_for(state="visible")
    assert definition in tooltip.first.inner_text()
    page.mouse.move(0, 0)
    link.focus()  # keyboard readers get the same tooltip
    page.wait_for_function(
        "text => [...document.querySelectorAll('.md-tooltip2')].some(t => t.innerText.includes(text))",
        arg=definition[:12],
    )
    page.close()
