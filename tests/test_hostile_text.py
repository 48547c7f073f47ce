"""Hostile text in the store shows as text in the built site and never runs."""

from __future__ import annotations

import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from gtc_site.store.errors import FactStoreError
from gtc_site.store.load import load_facts
from gtc_site.tools.build_site import build_site

ROOT = Path(__file__).resolve().parents[1]
TERM_NAME = "<script>alert('name')</script> **bold** {{ config.site_name }}"
HOSTILE_RECORDS = {
    "terms.yml": f"""
- id: hostile-term
  name: {{en: "{TERM_NAME}", zh: "<img src=x onerror=alert(1)>{{% raw %}}"}}
  description:
    en: "Says <b onmouseover=alert(1)>hi</b>, [a link](javascript:alert(1)), [[term:nim]] and `code`."
    zh: "<svg onload=alert(1)> {{{{ 7*7 }}}} 的描述。"
  aliases: ['"><script>alert(2)</script>', "{{{{ 7*7 }}}}"]
  category: software
  source: sv101-gtc-2024
""",
    "quotes.yml": """
- id: hostile-quote
  name: {en: "</script><script>alert(3)</script>", zh: 恶意引语}
  description: {en: A quote made of markup., zh: 由标记组成的引语。}
  speaker: jensen-huang
  text: {zh: "<script>alert(4)</script>恶意", en: "{% if true %}jinja{% endif %} ![x](javascript:alert(6))"}
  context: {en: "javascript:alert(5)", zh: 测试。}
  date: 2024-03
  category: keynote
  source: sv101-gtc-2024
  locator: {section: 1}
""",
}
PAGE = (
    "---\ndescription: A page that cites hostile records, to test that they stay inert.\n---\n\n# Hostile\n\n"
    "Cites [[term:hostile-term]].\n\n[[quote:hostile-quote]]\n"
)


class Elements(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attributes: list[tuple[str, str, str]] = []  # (tag, name, value)
        self.scripts: list[str] = []
        self.text: list[str] = []
        self._script = False

    def handle_starttag(self, tag, attrs):
        self.attributes += [(tag, name, value or "") for name, value in attrs]
        self._script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._script = False

    def handle_data(self, data):
        if self._script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = tmp_path_factory.mktemp("hostile") / "project"
    project.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "facts"):
        source = ROOT / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, project / name)
    for file, records in HOSTILE_RECORDS.items():
        with (project / "facts" / file).open("a", encoding="utf-8") as handle:
            handle.write(records)
    for lang in ("en", "zh"):
        (project / "docs" / lang / "hostile.md").write_text(PAGE, encoding="utf-8")
    mp = pytest.MonkeyPatch()
    mp.setenv("GTC_FACTS_DIR", str(project / "facts"))
    try:
        assert build_site(project / "site", project / "mkdocs.yml") == 0
    finally:
        mp.undo()
    return project / "site"


def parsed(path: Path) -> Elements:
    elements = Elements()
    elements.feed(path.read_text(encoding="utf-8"))
    return elements


def test_no_markup_from_the_store_becomes_an_element_or_runs(hostile_site: Path) -> None:
    for page in hostile_site.rglob("*.html"):
        elements = parsed(page)
        handlers = [(tag, name) for tag, name, _ in elements.attributes if name.startswith("on")]
        assert handlers == [], f"{page}: event handler attributes {handlers}"
        links = [
            (name, value)
            for _, name, value in elements.attributes
            if name in ("href", "src") and value.lower().startswith("javascript:") and value != "javascript:void(0)"
        ]
        assert links == [], f"{page}: script links {links}"
        assert not [s for s in elements.scripts if "alert(" in s and '"@context"' not in s], (
            f"{page}: a script runs alert"
        )


def test_names_and_quotes_show_as_written(hostile_site: Path) -> None:
    term = parsed(hostile_site / "glossary/hostile-term/index.html")
    text = "".join(term.text)
    assert TERM_NAME in text  # tags, Markdown and Jinja, all as text
    assert "[a link](javascript:alert(1))" in text and "[[term:nim]]" in text
    structured = json.loads(next(s for s in term.scripts if '"@context"' in s))
    assert structured["name"] == TERM_NAME
    quotes = "".join(parsed(hostile_site / "zh/quotes/index.html").text)
    assert "<script>alert(4)</script>" in quotes
    page = "".join(parsed(hostile_site / "hostile/index.html").text)
    assert "{% if true %}jinja{% endif %}" in page


def test_a_script_address_is_refused_as_a_source_link(facts_dir: Path) -> None:
    sources = facts_dir / "sources.yml"
    sources.write_text(sources.read_text(encoding="utf-8") + "  url: javascript:alert(1)\n", encoding="utf-8")
    with pytest.raises(FactStoreError) as caught:
        load_facts(facts_dir)
    assert [str(e) for e in caught.value.errors] == [
        "facts/sources.yml:12: article-one.url: 'javascript:alert(1)' is not a plain https address — "
        "use a full https:// address without spaces or quotes"
    ]
