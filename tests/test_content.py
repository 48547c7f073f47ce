"""The hand-written pages and the store: both languages in step, clean Chinese, numbers only from the store."""

from __future__ import annotations

import re
from pathlib import Path

import opencc
import pytest
import yaml

from gtc_site.i18n.formats import format_number
from gtc_site.render.crossrefs import find_crossrefs
from gtc_site.store.checks import PINYIN_RESIDUE
from gtc_site.store.load import load_facts
from gtc_site.store.model import Figure
from gtc_site.tools import write_pages

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"


def hand_written_pages(lang_dir: Path) -> list[Path]:
    return [DOCS / path for path in write_pages.hand_written_pages(DOCS) if (DOCS / path).is_relative_to(lang_dir)]


CODE = re.compile(r"^(```|~~~).*?^\1|`[^`\n]*`", re.MULTILINE | re.DOTALL)
HEADING = re.compile(r"^(#{2,6}) .*?(?:\{#([a-z0-9-]+)\})?\s*$", re.MULTILINE)
TO_SIMPLIFIED = opencc.OpenCC("t2s")


def page_pairs() -> list[tuple[Path, Path]]:
    return [(p, DOCS / "zh" / p.relative_to(DOCS / "en")) for p in hand_written_pages(DOCS / "en")]


def without_code(text: str) -> str:
    """Code blanked out, keeping its line breaks so that line numbers stay right."""
    return CODE.sub(lambda match: "\n" * match.group(0).count("\n"), text)


def prose(path: Path) -> str:
    """The Markdown after the front matter, without code."""
    text = path.read_text(encoding="utf-8")
    if text.startswith("---\n"):
        text = text[text.index("\n---", 4) + 4 :]
    return without_code(text)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    return yaml.safe_load(text[4 : text.index("\n---", 4)]) if text.startswith("---\n") else {}


@pytest.mark.parametrize(("english", "chinese"), page_pairs(), ids=lambda p: p.name)
def test_each_page_pair_cites_the_same_records(english: Path, chinese: Path) -> None:
    assert chinese.exists(), f"{chinese.relative_to(ROOT)} is missing"
    en_ids, zh_ids = set(find_crossrefs(english.read_text("utf-8"))), set(find_crossrefs(chinese.read_text("utf-8")))
    assert en_ids == zh_ids, f"only in English: {sorted(en_ids - zh_ids)}; only in Chinese: {sorted(zh_ids - en_ids)}"


@pytest.mark.parametrize(("english", "chinese"), page_pairs(), ids=lambda p: p.name)
def test_headings_have_the_same_ascii_anchors_in_both_languages(english: Path, chinese: Path) -> None:
    en_anchors = [anchor for _, anchor in HEADING.findall(prose(english))]
    zh_anchors = [anchor for _, anchor in HEADING.findall(prose(chinese))]
    assert "" not in zh_anchors, f"{chinese.relative_to(ROOT)}: a heading has no explicit {{#anchor}}"
    assert en_anchors == zh_anchors


@pytest.mark.parametrize("path", [p for pair in page_pairs() for p in pair], ids=lambda p: "/".join(p.parts[-3:]))
def test_every_page_has_a_description_for_search_engines(path: Path) -> None:
    description = front_matter(path).get("description", "")
    assert 20 <= len(description) <= 200, f"{path.relative_to(ROOT)}: description missing or of odd length"


def chinese_texts() -> list[tuple[str, int, str]]:
    """(file, line, text) of every Chinese text a reader sees: zh pages and zh fields of the store."""
    found = []
    for path in hand_written_pages(DOCS / "zh"):
        for number, line in enumerate(without_code(path.read_text("utf-8")).splitlines(), start=1):
            found.append((str(path.relative_to(ROOT)), number, line))
    for path in sorted((ROOT / "facts").glob("*.yml")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), start=1):
            if re.match(r"\s*(zh:|.*\bzh: )", line):
                found.append((str(path.relative_to(ROOT)), number, line))
    return found


def test_no_pinyin_left_from_the_source_converter() -> None:
    files = [*DOCS.rglob("*.md"), *(ROOT / "facts").glob("*.yml")]
    hits = [
        f"{p.relative_to(ROOT)}: {m.group(0)}" for p in files for m in PINYIN_RESIDUE.finditer(p.read_text("utf-8"))
    ]
    assert hits == []


def test_chinese_is_simplified() -> None:
    hits = [
        f"{file}:{line}: {text.strip()}" for file, line, text in chinese_texts() if TO_SIMPLIFIED.convert(text) != text
    ]
    assert hits == [], "Traditional characters in Chinese text:\n" + "\n".join(hits)


def test_numbers_in_prose_come_from_the_store() -> None:
    """A figure's value typed into a page instead of cited would drift from the store."""
    store = load_facts()
    typed: dict[str, str] = {}
    for figure in store.of_kind("figures"):
        assert isinstance(figure, Figure)
        for value in filter(None, (figure.value, figure.value_max)):
            if value >= 100 and not 1900 <= value <= 2100:  # small counts and years are ordinary words
                for lang in ("en", "zh"):
                    typed[format_number(value, lang)] = figure.id
                typed[f"{value:g}"] = figure.id
    pattern = re.compile(r"(?<![\w.,])(" + "|".join(map(re.escape, typed)) + r")(?![\w]|[.,]\d)")
    hits = []
    for lang in ("en", "zh"):
        for path in hand_written_pages(DOCS / lang):
            text = re.sub(r"\[\[[^\]]*\]\]", "", prose(path))
            hits += [
                f"{path.relative_to(ROOT)}: '{m.group(1)}' — cite [[figure:{typed[m.group(1)]}]]"
                for m in pattern.finditer(text)
            ]
    assert hits == []
