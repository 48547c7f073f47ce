"""The loader accepts the real store and explains every kind of bad input precisely."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from gtc_site.paths import ROOT
from gtc_site.store import read_yaml
from gtc_site.store.errors import FactStoreError
from gtc_site.store.load import load_facts
from gtc_site.tools.check_facts import main
from tests.conftest import edit

# Terms the foundation promised, so that every mechanism runs on real data.
REQUIRED_TERMS = {
    "nim",
    "groot",
    "blackwell",
    "gb200",
    "omniverse",
    "isaac-sim",
    "jetson-thor",
    "nemo",
    "cuda",
    "huangs-law",
    "liquid-cooling",
    "digital-twin",
}


def errors_of(facts_dir: Path) -> list[str]:
    with pytest.raises(FactStoreError) as caught:
        load_facts(facts_dir)
    return [str(error) for error in caught.value.errors]


def test_real_store_loads_with_the_promised_terms() -> None:
    store = load_facts()
    assert set(store.records["terms"]) >= REQUIRED_TERMS
    for record in store.by_id.values():
        for lang in ("en", "zh"):
            assert record.name[lang].strip() and record.description[lang].strip(), record.id


def test_fixture_store_loads_typed_records(facts_dir: Path) -> None:
    store = load_facts(facts_dir)
    figure = store.get("stake-value")
    assert figure.value == 1550000000 and figure.unit == "usd" and figure.as_of == "2024-01"
    assert store.get("jensen-huang").role.zh == "首席执行官"
    assert store.get("nim").related == ("blackwell",)
    assert (store.get("nim").file, store.get("nim").line) == ("facts/terms.yml", 1)


# (file, text to replace, replacement, the exact error the contributor sees)
BAD_INPUTS = [
    pytest.param(
        "terms.yml",
        "  category: software\n",
        "  category: software\n  category: hardware\n",
        "facts/terms.yml:8: nim.category: the key 'category' is repeated (first on line 7) — "
        "keep one of the two; YAML would silently drop the first",
        id="duplicate-key",
    ),
    pytest.param(
        "terms.yml",
        "    zh: 推理微服务。\n",
        "",
        "facts/terms.yml:3: nim.description.zh: the Chinese text is missing — add 'zh:' with the Chinese text",
        id="missing-chinese",
    ),
    pytest.param(
        "people.yml",
        "  role: {en: CEO, zh: 首席执行官}\n",
        "  role: {zh: 首席执行官}\n",
        "facts/people.yml:7: jensen-huang.role.en: the English text is missing — add 'en:' with the English text",
        id="missing-english",
    ),
    pytest.param(
        "figures.yml",
        "  value: 1550000000\n",
        "  value: 1.55 billion\n",
        "facts/figures.yml:6: stake-value.value: expected number but found str '1.55 billion' — "
        "write a number without quotes or units",
        id="wrong-type",
    ),
    pytest.param(
        "terms.yml",
        "  related: [blackwell]\n",
        "  related: [blackwel]\n",
        "facts/terms.yml:8: nim.related[0]: unknown id 'blackwel' — did you mean 'blackwell'?",
        id="dangling-related-id",
    ),
    pytest.param(
        "terms.yml",
        "- id: blackwell\n",
        "- id: nim\n",
        "facts/terms.yml:10: nim.id: the id 'nim' is also used at facts/terms.yml:1 — "
        "ids are shared by every kind: give the record that is not yet published another id "
        "(a published id never changes)",
        id="duplicate-id-in-file",
    ),
    pytest.param(
        "people.yml",
        "- id: jensen-huang\n",
        "- id: nvidia\n",
        "facts/organizations.yml:1: nvidia.id: the id 'nvidia' is also used at facts/people.yml:1 — "
        "ids are shared by every kind: give the record that is not yet published another id "
        "(a published id never changes)",
        id="duplicate-id-across-files",
    ),
    pytest.param(
        "terms.yml",
        "  name: {en: Blackwell, zh: Blackwell 架构}\n",
        "  name: {en: Blackwell, zh: Blackwell 架构\n",
        "facts/terms.yml:12: this is not valid YAML (while parsing a flow mapping expected ',' or '}', but got ':') — "
        "check indentation, colons and quotes on this line and the one above",
        id="malformed-yaml",
    ),
    pytest.param(
        "terms.yml",
        "  category: hardware\n",
        "  category: hardwear\n",
        "facts/terms.yml:15: blackwell.category: unknown category 'hardwear' for terms — did you mean 'hardware'?",
        id="unknown-category",
    ),
    pytest.param(
        "terms.yml",
        "  aliases: [NIM]\n",
        "  aliasses: [NIM]\n",
        "facts/terms.yml:6: nim.aliasses: unknown field 'aliasses' — did you mean 'aliases'?",
        id="unknown-field",
    ),
    pytest.param(
        "people.yml",
        "  role: {en: CEO, zh: 首席执行官}\n",
        "  role: {en: Founder, and CEO, zh: 首席执行官}\n",
        "facts/people.yml:7: jensen-huang.role.and CEO: unknown field 'and CEO' — "
        'text with a comma inside { } must be quoted, e.g. en: "Good, as expected"',
        id="unquoted-comma-in-flow-mapping",
    ),
    pytest.param(
        "terms.yml",
        "    en: A GPU architecture.\n",
        "    en: '   '\n",
        "facts/terms.yml:13: blackwell.description.en: the text is empty — write the text (it may not be only spaces)",
        id="whitespace-only-text",
    ),
    pytest.param(
        "events.yml",
        "  end_date: 2024-03-21\n",
        "  end_date: 2024-13-21\n",
        "facts/events.yml:7: gtc-2024.end_date: '2024-13-21' is not a valid date — write YYYY, YYYY-MM or YYYY-MM-DD",
        id="invalid-date",
    ),
    pytest.param(
        "figures.yml",
        "  unit: usd\n",
        "  unit: dollars\n",
        "facts/figures.yml:7: stake-value.unit: 'dollars' is not one of: usd, multiple, gpu, megawatt, watt, day, "
        "month, hour, parameter, person, company, year, rank — pick one of the listed values",
        id="invalid-unit",
    ),
    pytest.param(
        "terms.yml",
        "- id: blackwell\n",
        "- id: Blackwell\n",
        "facts/terms.yml:10: Blackwell.id: 'Blackwell' is not a valid id — use lowercase ASCII letters, digits and "
        "single hyphens, e.g. 'jetson-thor'",
        id="id-with-capitals",
    ),
    pytest.param(
        "quotes.yml",
        "  speaker: jensen-huang\n",
        "  speaker: nvidia\n",
        "facts/quotes.yml:6: free-chips.speaker: 'nvidia' is one of the organizations, not people — "
        "use the id of one of the people",
        id="reference-of-wrong-kind",
    ),
    pytest.param(
        "terms.yml",
        "    zh: 一种 GPU 架构。\n",
        "    zh: 一种 GPU 架构(jià)。\n",
        "facts/terms.yml:14: blackwell.description.zh: pinyin left over from the source converter: '构(jià)' — "
        "delete the parenthesized pinyin",
        id="pinyin-residue",
    ),
    pytest.param(
        "terms.yml",
        "  category: software\n",
        "\tcategory: software\n",
        "facts/terms.yml:7: a tab is used for indentation — indent with spaces only (two per level)",
        id="tab-indent",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), BAD_INPUTS)
def test_bad_input_is_reported_with_file_line_and_field(facts_dir: Path, file, old, new, expected) -> None:
    edit(facts_dir / file, old, new)
    assert expected in errors_of(facts_dir)


def test_byte_order_mark_is_refused(facts_dir: Path) -> None:
    path = facts_dir / "events.yml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert errors_of(facts_dir) == [
        "facts/events.yml:1: the file starts with a byte-order mark — save it as UTF-8 without BOM"
    ]


def test_non_utf8_file_is_refused_at_the_line(facts_dir: Path) -> None:
    path = facts_dir / "people.yml"
    path.write_bytes(path.read_bytes().replace("黄仁勋".encode(), "黄仁勋".encode("gb18030")))
    assert errors_of(facts_dir) == ["facts/people.yml:2: byte 0xbb is not valid UTF-8 — save the file as UTF-8"]


def test_a_bare_year_is_a_date(facts_dir: Path) -> None:
    edit(facts_dir / "figures.yml", "  as_of: 2024-01\n", "  as_of: 2024\n")
    assert load_facts(facts_dir).get("stake-value").as_of == "2024"


def test_every_problem_is_reported_at_once(facts_dir: Path) -> None:
    edit(facts_dir / "terms.yml", "    zh: 推理微服务。\n", "")
    edit(facts_dir / "figures.yml", "  unit: usd\n", "  unit: dollars\n")
    assert len(errors_of(facts_dir)) == 2


def test_command_line_exits_non_zero_and_lists_problems(facts_dir: Path, capsys) -> None:
    edit(facts_dir / "terms.yml", "  related: [blackwell]\n", "  related: [blackwel]\n")
    assert main([str(facts_dir)]) == 1
    assert "facts/terms.yml:8: nim.related[0]: unknown id 'blackwel'" in capsys.readouterr().err
    edit(facts_dir / "terms.yml", "  related: [blackwel]\n", "  related: [blackwell]\n")
    assert main([str(facts_dir)]) == 0


@pytest.mark.parametrize("path", sorted((ROOT / "facts").rglob("*.yml")), ids=lambda p: p.name)
def test_libyaml_and_pyyaml_read_every_fact_file_alike(path: Path) -> None:
    """The store is parsed by libyaml for speed and by PyYAML for its error messages: on a
    valid file both must give the same values, lines and (no) problems."""
    text = path.read_text(encoding="utf-8")
    fast, exact = (
        read_yaml.compose_document(loader, text, path.name)
        for loader in (read_yaml._FastStrictLoader, read_yaml._StrictLoader)
    )
    assert fast.data == exact.data
    assert fast.problems == exact.problems == []
    assert fast.line_of((3, "name", "zh")) == exact.line_of((3, "name", "zh")) > 1


def test_a_figure_whose_value_is_not_in_its_source_words_fails_at_its_line(tmp_path: Path) -> None:
    facts = tmp_path / "facts"
    shutil.copytree(ROOT / "facts", facts)
    figures = facts / "figures.yml"
    text = figures.read_text(encoding="utf-8")
    figures.write_text(text.replace("  value: 25000\n", "  value: 26000\n"), encoding="utf-8")
    line = text[: text.index("  locator:", text.index("  value: 25000\n"))].count("\n") + 3
    with pytest.raises(FactStoreError) as caught:
        load_facts(facts)
    assert [str(e) for e in caught.value.errors] == [
        f"facts/figures.yml:{line}: training-ampere-gpus.locator.words: the words give about 25000 (個), not 26000 "
        "in '如果使用傳統的安培芯片,大約需要25000個' — quote the source's words that give the value, "
        "or correct value, unit or qualifier"
    ]
