"""A full strict build of the real site, checked on its HTML as a reader's browser gets it."""

from __future__ import annotations

import re
import shutil
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from gtc_site.tools.build_site import build_site
from tests.conftest import SITE_URL, ParsedSite

ROOT = Path(__file__).resolve().parents[1]


class PageParser(HTMLParser):
    """Collects what the tests look at: lang, links, assets, hreflang alternates, text."""

    def __init__(self) -> None:
        super().__init__()
        self.lang = ""
        self.menu_links: list[tuple[str, str]] = []
        self.alternates: list[tuple[str, str]] = []
        self.assets: list[str] = []
        self.blocking_scripts: list[str] = []  # external scripts without defer or async
        self.text: list[str] = []  # visible text outside code, where syntax may be shown on purpose
        self._code_depth = 0

    def handle_endtag(self, tag: str) -> None:
        if tag in ("code", "pre"):
            self._code_depth -= 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag in ("code", "pre"):
            self._code_depth += 1
        if tag == "html":
            self.lang = a.get("lang", "")
        if tag == "a" and "md-select__link" in a.get("class", ""):
            self.menu_links.append((a["hreflang"], a["href"]))
        if tag == "link" and a.get("rel") == "alternate" and "hreflang" in a:
            self.alternates.append((a["hreflang"], a["href"]))
        if tag in ("script", "img", "iframe") and a.get("src"):
            self.assets.append(a["src"])
        if tag == "script" and a.get("src") and not {"defer", "async"} & a.keys():
            self.blocking_scripts.append(a["src"])
        if tag == "link" and a.get("rel") in ("stylesheet", "preload", "prefetch", "icon", "manifest"):
            self.assets.append(a["href"])

    def handle_data(self, data: str) -> None:
        if not self._code_depth:
            self.text.append(data)


def parse(path: Path, parsed_site: ParsedSite | None = None) -> PageParser:
    if parsed_site is not None:
        return parsed_site.parse(path, PageParser)
    parser = PageParser()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def url_of(site: Path, page: Path) -> str:
    """The address a page is served at, relative to the site root."""
    relative = page.relative_to(site).as_posix()
    return relative.removesuffix("index.html")


def served_file(site: Path, url: str) -> Path:
    path = urlsplit(url).path
    return site / path / "index.html" if path == "" or path.endswith("/") else site / path


def test_both_languages_have_every_hand_written_page(site: Path) -> None:
    for lang, other in (("en", "zh"), ("zh", "en")):
        for source in (ROOT / "docs" / lang).rglob("*.md"):
            relative = source.relative_to(ROOT / "docs" / lang)
            assert (ROOT / "docs" / other / relative).exists(), f"docs/{other}/{relative} is missing"
    assert (site / "index.html").exists() and (site / "zh/index.html").exists()


LANGUAGE_ROOTS = {"en": "", "zh": "zh/", "zh-Hant": "zh-Hant/"}


def language_of(site: Path, page: Path) -> str:
    first = page.relative_to(site).parts[0]
    return first if first in ("zh", "zh-Hant") else "en"


def test_every_page_declares_its_language(site: Path, parsed_site: ParsedSite) -> None:
    for page in parsed_site.pages():
        assert parse(page, parsed_site).lang == language_of(site, page), page


def test_language_menu_leads_to_the_same_page_in_each_language(site: Path, parsed_site: ParsedSite) -> None:
    for page in parsed_site.pages():
        links = dict(parse(page, parsed_site).menu_links)
        assert set(links) == set(LANGUAGE_ROOTS), page
        here = url_of(site, page)
        targets = {
            lang: urljoin("https://host/" + here, href).removeprefix("https://host/") for lang, href in links.items()
        }
        for lang, target in targets.items():
            assert served_file(site, target).exists(), f"{page}: menu link to {lang} is broken ({target})"
            assert target == LANGUAGE_ROOTS[lang] + targets["en"], f"{page}: the {lang} link is not the same page"


def test_no_head_alternates_that_would_make_material_fetch_missing_sitemaps(
    site: Path, parsed_site: ParsedSite
) -> None:
    # Material requests sitemap.xml beside every <link rel=alternate>; hreflang lives in the sitemap.
    for page in [*parsed_site.pages(), site / "404.html"]:
        assert parse(page, parsed_site).alternates == [], page


def test_sitemap_lists_both_languages_with_absolute_alternates(site: Path) -> None:
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f'<xhtml:link rel="alternate" hreflang="zh" href="{SITE_URL}zh/glossary/nim/"/>' in sitemap
    assert f'<xhtml:link rel="alternate" hreflang="en" href="{SITE_URL}glossary/nim/"/>' in sitemap


def test_each_language_has_its_own_404_page(site: Path) -> None:
    english, chinese = parse(site / "404.html"), parse(site / "zh/404.html")
    traditional = parse(site / "zh-Hant/404.html")
    assert english.lang == "en" and "404: page not found" in "".join(english.text)
    assert chinese.lang == "zh" and "404：找不到页面" in "".join(chinese.text)
    assert traditional.lang == "zh-Hant" and "404：找不到頁面" in "".join(traditional.text)


def test_no_cross_reference_syntax_is_left_unresolved(site: Path, parsed_site: ParsedSite) -> None:
    for page in parsed_site.pages():
        text = "".join(parse(page, parsed_site).text)
        assert not re.search(r"\[\[[a-z]+:", text), f"{page} shows raw cross-reference syntax"


def test_nothing_is_loaded_from_another_host(site: Path, parsed_site: ParsedSite) -> None:
    for page in [*parsed_site.pages(), site / "404.html", site / "zh/404.html"]:
        html = page.read_text(encoding="utf-8")
        assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
        for asset in parse(page, parsed_site).assets:
            host = urlsplit(asset).netloc
            assert host in ("", urlsplit(SITE_URL).netloc), f"{page} loads {asset}"


def test_no_page_waits_for_a_script_before_it_paints(site: Path, parsed_site: ParsedSite) -> None:
    """overrides/main.html defers Material's scripts by rewriting the markup of its `scripts`
    block; a Material release that writes them differently must not silently undo that."""
    for page in [*parsed_site.pages(), site / "404.html"]:
        assert parse(page, parsed_site).blocking_scripts == [], page


def test_a_failed_build_leaves_the_last_good_site_untouched(tmp_path: Path, monkeypatch) -> None:
    site_dir = tmp_path / "site"
    site_dir.mkdir()
    (site_dir / "index.html").write_text("last good site", encoding="utf-8")
    broken = tmp_path / "facts"
    shutil.copytree(ROOT / "facts", broken)
    terms = broken / "terms.yml"
    terms.write_text(
        terms.read_text(encoding="utf-8").replace("category: software", "category: sofware", 1), encoding="utf-8"
    )
    monkeypatch.setenv("GTC_FACTS_DIR", str(broken))
    assert build_site(site_dir) != 0
    assert [p.name for p in site_dir.iterdir()] == ["index.html"]
    assert (site_dir / "index.html").read_text(encoding="utf-8") == "last good site"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".site")]
