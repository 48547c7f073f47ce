"""Adversarial inputs for the fact-store loader and the cross-reference resolver.

Each case breaks the small fixture store (tests/fixtures/facts, copied by the `facts_dir`
fixture) in one way and states the exact message a contributor must see:
`facts/X.yml:LINE: record.field: problem — fix`.

Cases made with regression() exposed loader bugs found while writing this suite, since fixed:
each states the correct behaviour, and its `was` text describes the bug it guards against.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
import yaml

from gtc_site.render.crossrefs import CrossrefError, CrossrefResolver
from gtc_site.store.errors import FactError, FactStoreError
from gtc_site.store.load import load_facts
from gtc_site.store.model import FactStore
from gtc_site.store.schema import FILE_KINDS
from tests.conftest import FIXTURE_FACTS, edit

Change = Callable[[Path], None]

CHECK_YAML = "check indentation, colons and quotes on this line and the one above"
NOT_AN_ID = "use lowercase ASCII letters, digits and single hyphens, e.g. 'jetson-thor'"
NOT_A_DATE = "write YYYY, YYYY-MM or YYYY-MM-DD"
EMPTY_TEXT = "the text is empty — write the text (it may not be only spaces)"
TOO_LONG = "shorten it: names are short and descriptions are one sentence"
ID_TAKEN = (
    "ids are shared by every kind: give the record that is not yet published another id (a published id never changes)"
)
REPEATED = "keep one of the two; YAML would silently drop the first"
UNITS = "usd, multiple, gpu, megawatt, watt, day, month, hour, parameter, person, company, year, rank"
QUALIFIERS = "exact, about, more-than, nearly"
RECORD_FIELDS = "id, name, name_in_text, short_name, description, aliases, search_variants, category, related, source"
STORE_FILES = (
    "categories.yml, events.yml, figures.yml, organizations.yml, people.yml, quotes.yml, sources.yml, terms.yml"
)
# Problems that concern a whole file (it cannot be read, or is not a list of records)
# and so name no field; every other problem must name the field it is about.
WHOLE_FILE_PROBLEM = re.compile(
    r"this is not valid YAML \(.+\)"
    r"|a tab is used for indentation"
    r"|the file starts with a byte-order mark"
    r"|the file is (empty|missing)"
    r"|this file is not part of the fact store"
    r"|byte 0x[0-9a-f]{2} is not valid UTF-8"
    r"|expected array but found .+"  # only when the whole document is not a list: see below
)


# ---------------------------------------------------------------- ways to break a store


def replace(file: str, old: str, new: str) -> Change:
    """Replace old by new, once, in a fixture file (fails loudly if the fixture changed)."""
    return lambda facts: edit(facts / file, old, new)


def write(file: str, text: str) -> Change:
    return lambda facts: (facts / file).write_text(text, encoding="utf-8")


def append(file: str, text: str) -> Change:
    def change(facts: Path) -> None:
        path = facts / file
        path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")

    return change


def reencode(file: str, text: str, encoding: str) -> Change:
    """Store text (which must occur once) in another encoding, leaving the rest UTF-8."""

    def change(facts: Path) -> None:
        path = facts / file
        raw = path.read_bytes()
        assert raw.count(text.encode()) == 1, f"{text!r} should occur once in {file}"
        path.write_bytes(raw.replace(text.encode(), text.encode(encoding)))

    return change


def bytes_of(file: str, transform: Callable[[bytes], bytes]) -> Change:
    def change(facts: Path) -> None:
        path = facts / file
        path.write_bytes(transform(path.read_bytes()))

    return change


def delete(file: str) -> Change:
    return lambda facts: (facts / file).unlink()


def break_store(facts_dir: Path, changes: tuple[Change, ...]) -> None:
    for change in changes:
        change(facts_dir)


def load_errors(facts_dir: Path) -> list[FactError]:
    """The errors load_facts raises; any other exception (or none) fails the test."""
    with pytest.raises(FactStoreError) as caught:
        load_facts(facts_dir)
    return caught.value.errors


def messages(facts_dir: Path) -> list[str]:
    return [str(error) for error in load_errors(facts_dir)]


def case(case_id: str, changes: Change | tuple[Change, ...], *expected: str):
    return pytest.param(changes if isinstance(changes, tuple) else (changes,), list(expected), id=case_id)


NEW_TERM = (
    "- id: {id}\n"
    "  name: {{en: GB200, zh: GB200}}\n"
    "  description: {{en: A superchip., zh: 一种超级芯片。}}\n"
    "  category: hardware\n"
    "  source: article-one\n"
)  # appended to terms.yml, it starts on line 17


# ---------------------------------------------------------------- exact errors

CASES = [
    # --- malformed YAML
    case(
        "yaml-unclosed-flow-sequence",
        replace("terms.yml", "  related: [blackwell]\n", "  related: [blackwell\n"),
        "facts/terms.yml:9: this is not valid YAML (while parsing a flow sequence expected ',' or ']', but got ':')"
        f" — {CHECK_YAML}",
    ),
    case(
        "yaml-key-indented-one-space-too-far",
        replace(
            "terms.yml",
            "  name: {en: Blackwell, zh: Blackwell 架构}\n",
            "   name: {en: Blackwell, zh: Blackwell 架构}\n",
        ),
        f"facts/terms.yml:11: this is not valid YAML (mapping values are not allowed here) — {CHECK_YAML}",
    ),
    case(
        "yaml-nested-key-indented-too-little",
        replace("terms.yml", "    zh: 推理微服务。\n", " zh: 推理微服务。\n"),
        "facts/terms.yml:5: this is not valid YAML (while parsing a block collection expected <block end>, "
        f"but found '<block mapping start>') — {CHECK_YAML}",
    ),
    case(
        "yaml-nested-key-dedented-to-the-record",
        replace("terms.yml", "    zh: 推理微服务。\n", "  zh: 推理微服务。\n"),
        "facts/terms.yml:3: nim.description.zh: the Chinese text is missing — add 'zh:' with the Chinese text",
        f"facts/terms.yml:5: nim.zh: unknown field 'zh' — remove it; allowed fields: {RECORD_FIELDS}",
    ),
    case(
        "yaml-list-where-a-mapping-is-expected-flow",
        replace(
            "terms.yml",
            "  name: {en: Blackwell, zh: Blackwell 架构}\n",
            "  name: [Blackwell, Blackwell 架构]\n",
        ),
        "facts/terms.yml:11: blackwell.name: expected object but found list ['Blackwell', 'Blackwell 架构'] — "
        "write it as a YAML mapping (key: value lines)",
    ),
    case(
        "yaml-list-where-a-mapping-is-expected-block",
        replace(
            "terms.yml",
            "    en: A GPU architecture.\n    zh: 一种 GPU 架构。\n",
            "    - A GPU architecture.\n    - 一种 GPU 架构。\n",
        ),
        "facts/terms.yml:12: blackwell.description: expected object but found list "
        "['A GPU architecture.', '一种 GPU 架构。'] — write it as a YAML mapping (key: value lines)",
    ),
    case(
        "yaml-top-level-mapping-instead-of-list",
        write("sources.yml", "id: article-one\nname: {en: An article, zh: 一篇文章}\n"),
        "facts/sources.yml:1: expected array but found dict "
        "{'id': 'article-one', 'name': {'en': 'An article', 'zh': '一篇文章'}} — write it as a YAML array",
    ),
    case(
        "yaml-top-level-scalar",
        write("sources.yml", "article-one\n"),
        "facts/sources.yml:1: expected array but found str 'article-one' — write it as a YAML array",
    ),
    case(
        "yaml-two-documents-in-one-file",
        append("sources.yml", "---\n- id: second\n"),
        "facts/sources.yml:12: this is not valid YAML "
        f"(expected a single document in the stream but found another document) — {CHECK_YAML}",
    ),
    case(
        "yaml-undefined-alias",
        replace("terms.yml", "  related: [blackwell]\n", "  related: [*blackwell]\n"),
        "facts/terms.yml:8: nim.related[0]: an alias (*name) repeats another value — "
        "write the value out in full: fact files do not use anchors and aliases",
    ),
    case(
        "yaml-python-object-tag",
        replace("terms.yml", "  related: [blackwell]\n", "  related: !!python/object:os.system [blackwell]\n"),
        "facts/terms.yml:8: this is not valid YAML (could not determine a constructor for the tag "
        f"'tag:yaml.org,2002:python/object:os.system') — {CHECK_YAML}",
    ),
    case(
        "yaml-full-width-colon-from-a-chinese-keyboard",
        replace("people.yml", "    zh: 英伟达创始人。\n", "    zh：英伟达创始人。\n"),
        "facts/people.yml:6: this is not valid YAML (while scanning a simple key could not find expected ':') — "
        f"{CHECK_YAML}",
    ),
    case(
        "yaml-full-width-comma-in-flow-mapping",
        replace("people.yml", "  role: {en: CEO, zh: 首席执行官}\n", "  role: {en: CEO， zh: 首席执行官}\n"),
        "facts/people.yml:7: this is not valid YAML (while parsing a flow mapping expected ',' or '}', but got ':')"
        f" — {CHECK_YAML}",
    ),
    # --- tabs
    case(
        "tab-indents-a-nested-key",
        replace("terms.yml", "    en: A GPU architecture.\n", "\t\ten: A GPU architecture.\n"),
        "facts/terms.yml:13: a tab is used for indentation — indent with spaces only (two per level)",
    ),
    case(
        "tab-after-spaces-in-indentation",
        replace("terms.yml", "    zh: 一种 GPU 架构。\n", "  \tzh: 一种 GPU 架构。\n"),
        "facts/terms.yml:14: a tab is used for indentation — indent with spaces only (two per level)",
    ),
    case(
        "tab-after-the-list-dash",
        replace("terms.yml", "- id: blackwell\n", "-\tid: blackwell\n"),
        "facts/terms.yml:10: this is not valid YAML (while scanning for the next token found character '\\t' "
        f"that cannot start any token) — {CHECK_YAML}",
    ),
    # --- repeated keys
    case(
        "repeated-record-key-id",
        replace("terms.yml", "- id: blackwell\n", "- id: blackwell\n  id: gpu\n"),
        f"facts/terms.yml:11: gpu.id: the key 'id' is repeated (first on line 10) — {REPEATED}",
    ),
    case(
        "repeated-language-inside-flow-name",
        replace(
            "terms.yml",
            "  name: {en: Blackwell, zh: Blackwell 架构}\n",
            "  name: {en: Blackwell, zh: Blackwell 架构, en: Hopper}\n",
        ),
        f"facts/terms.yml:11: blackwell.name.en: the key 'en' is repeated (first on line 11) — {REPEATED}",
    ),
    case(
        "repeated-language-inside-block-description",
        replace("people.yml", "    zh: 英伟达创始人。\n", "    zh: 英伟达创始人。\n    zh: 创始人。\n"),
        f"facts/people.yml:6: jensen-huang.description.zh: the key 'zh' is repeated (first on line 5) — {REPEATED}",
    ),
    # --- repeated ids
    case(
        "repeated-category-id-within-a-kind",
        replace("categories.yml", "- {kind: terms, id: hardware,", "- {kind: terms, id: software,"),
        f"facts/categories.yml:1: software.id: the id 'software' is also used at facts/categories.yml:2 — {ID_TAKEN}",
        f"facts/categories.yml:2: software.id: the id 'software' is also used at facts/categories.yml:1 — {ID_TAKEN}",
        # one cause, one message: the term of the category that was renamed is not reported too
    ),
    case(
        "repeated-id-terms-and-events",
        replace("events.yml", "- id: gtc-2024\n", "- id: blackwell\n"),
        f"facts/events.yml:1: blackwell.id: the id 'blackwell' is also used at facts/terms.yml:10 — {ID_TAKEN}",
        f"facts/terms.yml:10: blackwell.id: the id 'blackwell' is also used at facts/events.yml:1 — {ID_TAKEN}",
    ),
    case(
        "repeated-id-people-and-quotes",
        replace("quotes.yml", "- id: free-chips\n", "- id: jensen-huang\n"),
        f"facts/people.yml:1: jensen-huang.id: the id 'jensen-huang' is also used at facts/quotes.yml:1 — {ID_TAKEN}",
        f"facts/quotes.yml:1: jensen-huang.id: the id 'jensen-huang' is also used at facts/people.yml:1 — {ID_TAKEN}",
    ),
    # --- wrong types
    case(
        "type-quoted-number",
        replace("figures.yml", "  value: 1550000000\n", "  value: '1550000000'\n"),
        "facts/figures.yml:6: stake-value.value: expected number but found str '1550000000' — "
        "write a number without quotes or units",
    ),
    case(
        "type-boolean-for-number",
        replace("figures.yml", "  value: 1550000000\n", "  value: true\n"),
        "facts/figures.yml:6: stake-value.value: expected number but found bool True — "
        "write a number without quotes or units",
    ),
    case(
        "type-number-for-text",
        replace(
            "terms.yml", "  name: {en: Blackwell, zh: Blackwell 架构}\n", "  name: {en: 2024, zh: Blackwell 架构}\n"
        ),
        "facts/terms.yml:11: blackwell.name.en: expected string but found int 2024 — put the text in quotes",
    ),
    case(
        "type-boolean-for-text",
        replace(
            "terms.yml", "  name: {en: Blackwell, zh: Blackwell 架构}\n", "  name: {en: true, zh: Blackwell 架构}\n"
        ),
        "facts/terms.yml:11: blackwell.name.en: expected string but found bool True — put the text in quotes",
    ),
    case(
        "type-number-for-id",
        replace("terms.yml", "- id: blackwell\n", "- id: 42\n"),
        "facts/terms.yml:10: [1].id: expected string but found int 42 — put the text in quotes",
    ),
    case(
        "type-mapping-for-list",
        replace("terms.yml", "  related: [blackwell]\n", "  related: {blackwell: yes}\n"),
        "facts/terms.yml:8: nim.related: expected array but found dict {'blackwell': 'yes'} — write it as a YAML array",
    ),
    case(
        "type-string-for-list",
        replace("terms.yml", "  related: [blackwell]\n", "  related: blackwell\n"),
        "facts/terms.yml:8: nim.related: expected array but found str 'blackwell' — write it as a YAML array",
    ),
    # --- empty text and missing languages
    case(
        "empty-chinese-text",
        replace("terms.yml", "    zh: 一种 GPU 架构。\n", "    zh: ''\n"),
        f"facts/terms.yml:14: blackwell.description.zh: {EMPTY_TEXT}",
    ),
    case(
        "chinese-text-of-ideographic-spaces",
        replace("terms.yml", "    zh: 一种 GPU 架构。\n", "    zh: '\u3000\u3000'\n"),
        f"facts/terms.yml:14: blackwell.description.zh: {EMPTY_TEXT}",
    ),
    case(
        "english-text-of-a-no-break-space",
        replace("terms.yml", "    en: A GPU architecture.\n", '    en: "\\u00a0"\n'),
        f"facts/terms.yml:13: blackwell.description.en: {EMPTY_TEXT}",
    ),
    case(
        "missing-english-in-quote-text",
        replace("quotes.yml", "    en: Even free chips could not be cheaper than ours.\n", ""),
        "facts/quotes.yml:7: free-chips.text.en: the English text is missing — add 'en:' with the English text",
    ),
    case(
        "missing-chinese-in-flow-name",
        replace("organizations.yml", "  name: {en: NVIDIA, zh: 英伟达}\n", "  name: {en: NVIDIA}\n"),
        "facts/organizations.yml:2: nvidia.name.zh: the Chinese text is missing — add 'zh:' with the Chinese text",
    ),
    case(
        "language-code-typo-zn",
        replace("organizations.yml", "  name: {en: NVIDIA, zh: 英伟达}\n", "  name: {en: NVIDIA, zn: 英伟达}\n"),
        "facts/organizations.yml:2: nvidia.name.zh: the Chinese text is missing — add 'zh:' with the Chinese text",
        "facts/organizations.yml:2: nvidia.name.zn: unknown field 'zn' — remove it; allowed fields: en, zh",
    ),
    case(
        "missing-required-name",
        replace("organizations.yml", "  name: {en: NVIDIA, zh: 英伟达}\n", ""),
        "facts/organizations.yml:1: nvidia.name: the required field 'name' is missing — add 'name:' to this record",
    ),
    case(
        "missing-required-id",
        replace(
            "terms.yml",
            "- id: blackwell\n  name: {en: Blackwell, zh: Blackwell 架构}\n",
            "- name: {en: Blackwell, zh: Blackwell 架构}\n",
        ),
        "facts/terms.yml:10: [1].id: the required field 'id' is missing — add 'id:' to this record",
    ),
    case(
        "missing-required-unit",
        replace("figures.yml", "  unit: usd\n", ""),
        "facts/figures.yml:1: stake-value.unit: the required field 'unit' is missing — add 'unit:' to this record",
    ),
    # --- unknown ids
    case(
        "unknown-related-id-without-a-close-match",
        replace("figures.yml", "  related: [nvidia]\n", "  related: [nvidia, gb200]\n"),
        "facts/figures.yml:12: stake-value.related[1]: unknown id 'gb200' — add that record first, or remove the id",
    ),
    case(
        "related-id-is-a-category-not-a-record",
        replace("terms.yml", "  related: [blackwell]\n", "  related: [software]\n"),
        "facts/terms.yml:8: nim.related[0]: unknown id 'software' — add that record first, or remove the id",
    ),
    case(
        "unknown-speaker",
        replace("quotes.yml", "  speaker: jensen-huang\n", "  speaker: jensen\n"),
        "facts/quotes.yml:6: free-chips.speaker: unknown id 'jensen' — did you mean 'jensen-huang'?",
    ),
    case(
        "unknown-stated-by",
        replace("figures.yml", "  stated_by: nvidia\n", "  stated_by: nvdia\n"),
        "facts/figures.yml:10: stake-value.stated_by: unknown id 'nvdia' — did you mean 'nvidia'?",
    ),
    case(
        "unknown-affiliation",
        replace("people.yml", "  affiliation: nvidia\n", "  affiliation: nvidia-corp\n"),
        "facts/people.yml:8: jensen-huang.affiliation: unknown id 'nvidia-corp' — did you mean 'nvidia'?",
    ),
    case(
        "unknown-source-with-a-close-match",
        replace(
            "terms.yml", "  category: hardware\n  source: article-one\n", "  category: hardware\n  source: article-1\n"
        ),
        "facts/terms.yml:16: blackwell.source: unknown id 'article-1' — did you mean 'article-one'?",
    ),
    case(
        "unknown-source-without-a-close-match",
        replace("organizations.yml", "  source: article-one\n", "  source: wikipedia\n"),
        "facts/organizations.yml:8: nvidia.source: unknown id 'wikipedia' — use the id of one of the sources",
    ),
    # --- references to the wrong kind of record, or to itself
    case(
        "affiliation-is-a-person",
        replace("people.yml", "  affiliation: nvidia\n", "  affiliation: jensen-huang\n"),
        "facts/people.yml:8: jensen-huang.affiliation: 'jensen-huang' is one of the people, not organizations — "
        "use the id of one of the organizations",
    ),
    case(
        "source-is-a-term",
        replace("people.yml", "  source: article-one\n", "  source: nim\n"),
        "facts/people.yml:9: jensen-huang.source: 'nim' is one of the terms, not sources — "
        "use the id of one of the sources",
    ),
    case(
        "stated-by-is-a-quote",
        replace("figures.yml", "  stated_by: nvidia\n", "  stated_by: free-chips\n"),
        "facts/figures.yml:10: stake-value.stated_by: 'free-chips' is one of the quotes, not people or organizations"
        " — use the id of one of the people or organizations",
    ),
    case(
        "related-to-itself",
        replace("terms.yml", "  related: [blackwell]\n", "  related: [blackwell, nim]\n"),
        "facts/terms.yml:8: nim.related[1]: a record cannot be related to itself — remove this id",
    ),
    case(
        "related-twice-to-the-same-record",
        replace("terms.yml", "  related: [blackwell]\n", "  related: [blackwell, blackwell]\n"),
        "facts/terms.yml:8: nim.related: the list has the same entry twice — remove the repeated entry",
    ),
    # --- dates
    case(
        "date-month-13",
        replace("events.yml", "  date: 2024-03-18\n", "  date: 2024-13-18\n"),
        f"facts/events.yml:6: gtc-2024.date: '2024-13-18' is not a valid date — {NOT_A_DATE}",
    ),
    case(
        "date-day-32",
        replace("events.yml", "  date: 2024-03-18\n", "  date: 2024-03-32\n"),
        f"facts/events.yml:6: gtc-2024.date: '2024-03-32' is not a valid date — {NOT_A_DATE}",
    ),
    case(
        "date-with-slashes",
        replace("events.yml", "  date: 2024-03-18\n", "  date: 2024/03/18\n"),
        f"facts/events.yml:6: gtc-2024.date: '2024/03/18' is not a valid date — {NOT_A_DATE}",
    ),
    case(
        "date-two-digit-year",
        replace("figures.yml", "  as_of: 2024-01\n", "  as_of: '24-03'\n"),
        f"facts/figures.yml:9: stake-value.as_of: '24-03' is not a valid date — {NOT_A_DATE}",
    ),
    case(
        "date-with-a-time",
        replace("quotes.yml", "  date: 2024-03\n", "  date: 2024-03-18 10:00\n"),
        f"facts/quotes.yml:13: free-chips.date: '2024-03-18 10:00' is not a valid date — {NOT_A_DATE}",
    ),
    case(
        "end-date-before-date",
        replace("events.yml", "  end_date: 2024-03-21\n", "  end_date: 2024-03-17\n"),
        "facts/events.yml:7: gtc-2024.end_date: end_date 2024-03-17 is before date 2024-03-18 — swap the two dates",
    ),
    case(
        "end-date-a-bare-year-before-date",
        replace("events.yml", "  end_date: 2024-03-21\n", "  end_date: 2023\n"),
        "facts/events.yml:7: gtc-2024.end_date: end_date 2023 is before date 2024-03-18 — swap the two dates",
    ),
    # --- figures: ranges, units, qualifiers
    case(
        "value-max-equal-to-value",
        replace("figures.yml", "  value: 1550000000\n", "  value: 1550000000\n  value_max: 1550000000\n"),
        "facts/figures.yml:7: stake-value.value_max: value_max 1550000000 is not above value 1550000000 — "
        "give the upper end of the range, or remove value_max",
    ),
    case(
        "value-max-below-value",
        replace("figures.yml", "  value: 1550000000\n", "  value: 1550000000\n  value_max: 1.2\n"),
        "facts/figures.yml:7: stake-value.value_max: value_max 1.2 is not above value 1550000000 — "
        "give the upper end of the range, or remove value_max",
    ),
    case(
        "unit-in-capitals",
        replace("figures.yml", "  unit: usd\n", "  unit: USD\n"),
        f"facts/figures.yml:7: stake-value.unit: 'USD' is not one of: {UNITS} — pick one of the listed values",
    ),
    case(
        "unit-plural",
        replace("figures.yml", "  unit: usd\n", "  unit: megawatts\n"),
        f"facts/figures.yml:7: stake-value.unit: 'megawatts' is not one of: {UNITS} — did you mean 'megawatt'?",
    ),
    case(
        "qualifier-with-a-space",
        replace("figures.yml", "  qualifier: about\n", "  qualifier: more than\n"),
        f"facts/figures.yml:8: stake-value.qualifier: 'more than' is not one of: {QUALIFIERS} — "
        "did you mean 'more-than'?",
    ),
    case(
        "qualifier-unknown-word",
        replace("figures.yml", "  qualifier: about\n", "  qualifier: approximately\n"),
        f"facts/figures.yml:8: stake-value.qualifier: 'approximately' is not one of: {QUALIFIERS} — "
        "pick one of the listed values",
    ),
    # --- encodings
    case(
        "gb18030-chinese-description",
        reencode("terms.yml", "推理微服务", "gb18030"),
        "facts/terms.yml:5: byte 0xcd is not valid UTF-8 — save the file as UTF-8",
    ),
    case(
        "big5-traditional-alias",
        reencode("organizations.yml", "英偉達", "big5"),
        "facts/organizations.yml:6: byte 0xad is not valid UTF-8 — save the file as UTF-8",
    ),
    case(
        "latin-1-accented-name",
        (
            replace("people.yml", "  name: {en: Jensen Huang,", "  name: {en: Jensen Huáng,"),
            reencode("people.yml", "Huáng", "latin-1"),
        ),
        "facts/people.yml:2: byte 0xe1 is not valid UTF-8 — save the file as UTF-8",
    ),
    case(
        "utf-16-file",
        bytes_of("sources.yml", lambda raw: raw.decode("utf-8").encode("utf-16")),
        "facts/sources.yml:1: byte 0xff is not valid UTF-8 — save the file as UTF-8",
    ),
    case(
        "utf-8-byte-order-mark",
        bytes_of("terms.yml", lambda raw: b"\xef\xbb\xbf" + raw),
        "facts/terms.yml:1: the file starts with a byte-order mark — save it as UTF-8 without BOM",
    ),
    case(
        "windows-line-endings-keep-line-numbers",
        bytes_of("terms.yml", lambda raw: raw.replace(b"\n", b"\r\n").replace(b"[blackwell]", b"[blackwel]")),
        "facts/terms.yml:8: nim.related[0]: unknown id 'blackwel' — did you mean 'blackwell'?",
    ),
    # --- very long strings
    case(
        "english-text-over-2000-characters",
        replace("terms.yml", "    en: A GPU architecture.\n", "    en: " + "x" * 2001 + "\n"),
        f"facts/terms.yml:13: blackwell.description.en: the text is 2001 characters long (limit 2000) — {TOO_LONG}",
    ),
    case(
        "chinese-text-over-2000-characters",
        replace("terms.yml", "    zh: 一种 GPU 架构。\n", "    zh: " + "长" * 2001 + "\n"),
        f"facts/terms.yml:14: blackwell.description.zh: the text is 2001 characters long (limit 2000) — {TOO_LONG}",
    ),
    case(
        "alias-over-2000-characters",
        replace("organizations.yml", "  aliases: [英偉達]\n", "  aliases: [" + "a" * 2001 + "]\n"),
        f"facts/organizations.yml:6: nvidia.aliases[0]: the text is 2001 characters long (limit 2000) — {TOO_LONG}",
    ),
    # --- invalid ids: case, look-alikes, separators
    case(
        "capitalised-id-beside-its-lowercase-twin",
        replace(
            "terms.yml",
            "- id: blackwell\n",
            NEW_TERM.format(id="NIM").replace("category: hardware", "category: software") + "- id: blackwell\n",
        ),
        f"facts/terms.yml:10: NIM.id: 'NIM' is not a valid id — {NOT_AN_ID}",
    ),
    case(
        "capitalised-related-id",
        replace("quotes.yml", "  related: [nim]\n", "  related: [NIM]\n"),
        f"facts/quotes.yml:15: free-chips.related[0]: 'NIM' is not a valid id — {NOT_AN_ID}",
    ),
    case(
        "cyrillic-a-in-id",
        replace("terms.yml", "- id: nim\n", "- id: n\u0430m\n"),
        # quotes.yml still cites nim, which is no longer there
        "facts/quotes.yml:15: free-chips.related[0]: unknown id 'nim' — add that record first, or remove the id",
        f"facts/terms.yml:1: n\u0430m.id: 'n\u0430m' is not a valid id — {NOT_AN_ID}",
    ),
    case(
        "cyrillic-i-in-related-id",
        replace("quotes.yml", "  related: [nim]\n", "  related: [n\u0456m]\n"),
        f"facts/quotes.yml:15: free-chips.related[0]: 'n\u0456m' is not a valid id — {NOT_AN_ID}",
    ),
    case(
        "full-width-id",
        replace("terms.yml", "- id: nim\n", "- id: ｎｉｍ\n"),
        # quotes.yml still cites nim, which is no longer there
        "facts/quotes.yml:15: free-chips.related[0]: unknown id 'nim' — add that record first, or remove the id",
        f"facts/terms.yml:1: ｎｉｍ.id: 'ｎｉｍ' is not a valid id — {NOT_AN_ID}",
    ),
    case(
        "underscore-in-id",
        replace("terms.yml", "- id: blackwell\n", "- id: black_well\n"),
        f"facts/terms.yml:10: black_well.id: 'black_well' is not a valid id — {NOT_AN_ID}",
    ),
    case(
        "double-hyphen-in-id",
        replace("terms.yml", "- id: blackwell\n", "- id: black--well\n"),
        f"facts/terms.yml:10: black--well.id: 'black--well' is not a valid id — {NOT_AN_ID}",
    ),
    # --- files and categories
    case(
        "unknown-extra-file",
        write("notes.yml", "- remember the keynote\n"),
        f"facts/notes.yml:1: this file is not part of the fact store — move its records into one of: {STORE_FILES}",
    ),
    case(
        "store-file-with-yaml-extension",
        write("terms.yaml", "- id: gb200\n"),
        f"facts/terms.yaml:1: this file is not part of the fact store — move its records into one of: {STORE_FILES}",
    ),
    case(
        "category-of-another-kind",
        replace("terms.yml", "  category: software\n", "  category: money\n"),
        "facts/terms.yml:7: nim.category: unknown category 'money' for terms — "
        "use one of: hardware, software (or add the category to facts/categories.yml)",
    ),
    case(
        "category-kind-in-the-singular",
        replace("categories.yml", "- {kind: terms, id: hardware,", "- {kind: term, id: hardware,"),
        "facts/categories.yml:2: hardware.kind: 'term' is not one of: "
        "terms, people, organizations, figures, quotes, events, sources — did you mean 'terms'?",
    ),
    # --- unknown fields
    case(
        "unknown-field-relatd",
        replace("figures.yml", "  related: [nvidia]\n", "  relatd: [nvidia]\n"),
        "facts/figures.yml:12: stake-value.relatd: unknown field 'relatd' — did you mean 'related'?",
    ),
    case(
        "unknown-field-afiliation",
        replace("people.yml", "  affiliation: nvidia\n", "  afiliation: nvidia\n"),
        "facts/people.yml:8: jensen-huang.afiliation: unknown field 'afiliation' — did you mean 'affiliation'?",
    ),
    case(
        "misspelt-required-field-descripton",
        replace("people.yml", "  description:\n", "  descripton:\n"),
        "facts/people.yml:1: jensen-huang.description: the required field 'description' is missing — "
        "add 'description:' to this record",
        "facts/people.yml:3: jensen-huang.descripton: unknown field 'descripton' — did you mean 'description'?",
    ),
    case(
        "unknown-field-without-a-close-match",
        replace("organizations.yml", "  aliases: [英偉達]\n", "  aliases: [英偉達]\n  website: https://nvidia.com\n"),
        f"facts/organizations.yml:7: nvidia.website: unknown field 'website' — remove it; allowed fields: {RECORD_FIELDS}",
    ),
]


@pytest.mark.parametrize(("changes", "expected"), CASES)
def test_broken_store_reports_exactly(facts_dir: Path, changes, expected) -> None:
    break_store(facts_dir, changes)
    assert messages(facts_dir) == expected


@pytest.mark.parametrize(("changes", "expected"), CASES)
def test_every_error_names_file_line_and_field(facts_dir: Path, changes, expected) -> None:
    break_store(facts_dir, changes)
    with pytest.raises(FactStoreError) as caught:
        load_facts(facts_dir)
    assert caught.value.errors, "a FactStoreError must carry at least one error"
    for error in caught.value.errors:
        assert isinstance(error, FactError)
        text = str(error)
        assert re.fullmatch(r"facts/[a-z]+\.ya?ml", error.file), text
        assert error.line >= 1, text
        head = f"{error.file}:{error.line}: " + (f"{error.field}: " if error.field else "")
        assert text == f"{head}{error.problem} — {error.fix}", text
        assert error.problem and error.fix, text
        # A problem about a record names its field; only whole-file problems omit it.
        whole_file = bool(WHOLE_FILE_PROBLEM.fullmatch(error.problem))
        if error.problem.startswith("expected array but found"):
            whole_file = error.line == 1 and not error.field
        assert bool(error.field) != whole_file, text
        assert f"  {text}" in str(caught.value).splitlines()


@pytest.mark.parametrize("kind", FILE_KINDS)
def test_missing_store_file(facts_dir: Path, kind: str) -> None:
    (facts_dir / f"{kind}.yml").unlink()
    errors = load_errors(facts_dir)
    assert [str(error) for error in errors] == [
        f"facts/{kind}.yml: the file is missing — create facts/{kind}.yml with a list of records"
    ]
    # A missing file has no line to point at; the file name is the place.
    assert (errors[0].file, errors[0].line, errors[0].field) == (f"facts/{kind}.yml", 0, "")


@pytest.mark.parametrize(
    "content",
    [pytest.param("", id="no-bytes"), pytest.param("# nothing yet\n\n", id="only-a-comment")],
)
def test_empty_file_is_reported_on_line_one(facts_dir: Path, content: str) -> None:
    (facts_dir / "sources.yml").write_text(content, encoding="utf-8")
    [error] = messages(facts_dir)
    assert error.startswith("facts/sources.yml:1: the file is empty — ")


# ---------------------------------------------------------------- several problems at once


def test_independent_problems_in_many_files_are_reported_in_one_run(facts_dir: Path) -> None:
    break_store(
        facts_dir,
        (
            replace("terms.yml", "    en: A GPU architecture.\n", "    en: ''\n"),
            replace("people.yml", "  role: {en: CEO, zh: 首席执行官}\n", "  role: {en: CEO}\n"),
            replace("figures.yml", "  unit: usd\n", "  unit: dollars\n"),
            replace("figures.yml", "  qualifier: about\n", "  qualifier: roughly\n"),
            replace("events.yml", "  date: 2024-03-18\n", "  date: 2024-03-18\n  date: 2024-03-19\n"),
            reencode("sources.yml", "出版方", "gb18030"),
            delete("organizations.yml"),
            write("extra.yml", "- {}\n"),
        ),
    )
    assert messages(facts_dir) == [
        f"facts/events.yml:7: gtc-2024.date: the key 'date' is repeated (first on line 6) — {REPEATED}",
        f"facts/extra.yml:1: this file is not part of the fact store — move its records into one of: {STORE_FILES}",
        f"facts/figures.yml:7: stake-value.unit: 'dollars' is not one of: {UNITS} — pick one of the listed values",
        f"facts/figures.yml:8: stake-value.qualifier: 'roughly' is not one of: {QUALIFIERS} — "
        "pick one of the listed values",
        "facts/organizations.yml: the file is missing — create facts/organizations.yml with a list of records",
        "facts/people.yml:7: jensen-huang.role.zh: the Chinese text is missing — add 'zh:' with the Chinese text",
        "facts/sources.yml:7: byte 0xb3 is not valid UTF-8 — save the file as UTF-8",
        f"facts/terms.yml:13: blackwell.description.en: {EMPTY_TEXT}",
    ]


def test_independent_reference_problems_are_reported_in_one_run(facts_dir: Path) -> None:
    break_store(
        facts_dir,
        (
            replace("quotes.yml", "  speaker: jensen-huang\n", "  speaker: nvidia\n"),
            replace("people.yml", "  affiliation: nvidia\n", "  affiliation: nvdia\n"),
            replace("terms.yml", "  related: [blackwell]\n", "  related: [blackwell, nim, gb200]\n"),
            replace("events.yml", "  end_date: 2024-03-21\n", "  end_date: 2024-03-01\n"),
        ),
    )
    assert messages(facts_dir) == [
        "facts/events.yml:7: gtc-2024.end_date: end_date 2024-03-01 is before date 2024-03-18 — swap the two dates",
        "facts/people.yml:8: jensen-huang.affiliation: unknown id 'nvdia' — did you mean 'nvidia'?",
        "facts/quotes.yml:6: free-chips.speaker: 'nvidia' is one of the organizations, not people — "
        "use the id of one of the people",
        "facts/terms.yml:8: nim.related[1]: a record cannot be related to itself — remove this id",
        "facts/terms.yml:8: nim.related[2]: unknown id 'gb200' — add that record first, or remove the id",
    ]


def test_problems_of_different_stages_are_reported_in_one_run(facts_dir: Path) -> None:
    break_store(
        facts_dir,
        (
            replace("terms.yml", "    en: A GPU architecture.\n", "    en: ''\n"),
            replace("events.yml", "- id: gtc-2024\n", "- id: stake-value\n"),
            replace("people.yml", "  affiliation: nvidia\n", "  affiliation: nvdia\n"),
        ),
    )
    assert messages(facts_dir) == [
        f"facts/events.yml:1: stake-value.id: the id 'stake-value' is also used at facts/figures.yml:1 — {ID_TAKEN}",
        f"facts/figures.yml:1: stake-value.id: the id 'stake-value' is also used at facts/events.yml:1 — {ID_TAKEN}",
        "facts/people.yml:8: jensen-huang.affiliation: unknown id 'nvdia' — did you mean 'nvidia'?",
        f"facts/terms.yml:13: blackwell.description.en: {EMPTY_TEXT}",
    ]


def test_two_unknown_fields_in_one_record_are_both_reported(facts_dir: Path) -> None:
    edit(
        facts_dir / "terms.yml",
        "  aliases: [NIM]\n  category: software\n  related: [blackwell]\n",
        "  aliasses: [NIM]\n  category: software\n  relatd: [blackwell]\n",
    )
    assert messages(facts_dir) == [
        "facts/terms.yml:6: nim.aliasses: unknown field 'aliasses' — did you mean 'aliases'?",
        "facts/terms.yml:8: nim.relatd: unknown field 'relatd' — did you mean 'related'?",
    ]


# ---------------------------------------------------------------- bugs: misreported errors


def regression(case_id: str, changes, check: Callable[[list[str]], None], was: str, raises=None):
    """A case that exposed a loader bug; `was` describes the bug, shown if it ever returns."""
    del raises  # the exception the bug raised; kept in the case as part of its description

    def checked(found: list[str]) -> None:
        try:
            check(found)
        except AssertionError as err:
            raise AssertionError(f"regression of a fixed bug: {was}") from err

    return pytest.param(changes if isinstance(changes, tuple) else (changes,), checked, id=case_id)


def exactly(*expected: str) -> Callable[[list[str]], None]:
    def check(found: list[str]) -> None:
        assert found == list(expected)

    return check


def one_starting(prefix: str, *, contains: str = "", lacks: str = "") -> Callable[[list[str]], None]:
    """Exactly one error, at prefix (file:line: field:), saying contains and not lacks."""

    def check(found: list[str]) -> None:
        assert len(found) == 1, found
        assert found[0].startswith(prefix), found
        assert contains in found[0], found
        assert not lacks or lacks not in found[0], found

    return check


MISREPORTED = [
    regression(
        "unclosed-double-quote-points-past-the-end-of-the-file",
        replace("terms.yml", "    en: Inference microservices.\n", '    en: "Inference microservices.\n'),
        exactly(
            "facts/terms.yml:4: this is not valid YAML "
            f"(while scanning a quoted scalar found unexpected end of stream) — {CHECK_YAML}"
        ),
        "read_yaml uses problem_mark (end of stream) before context_mark (the opening quote): "
        "the error is on line 17 of a 16-line file",
    ),
    regression(
        "unclosed-single-quote-points-past-the-end-of-the-file",
        replace("terms.yml", "    zh: 一种 GPU 架构。\n", "    zh: '一种 GPU 架构。\n"),
        exactly(
            "facts/terms.yml:14: this is not valid YAML "
            f"(while scanning a quoted scalar found unexpected end of stream) — {CHECK_YAML}"
        ),
        "the error is reported on line 17 (after the last line), not where the quote opens",
    ),
    regression(
        "list-item-that-is-a-plain-string-is-reported-twice",
        replace("terms.yml", "- id: blackwell\n", "- blackwell\n- id: blackwell\n"),
        exactly(
            "facts/terms.yml:10: [1]: expected object but found str 'blackwell' — write it as a YAML mapping (key: value lines)"
        ),
        "the items schema and the $ref'd common record both say type: object, and both errors are kept",
    ),
    regression(
        "empty-list-item-is-reported-twice",
        replace("terms.yml", "- id: blackwell\n", "-\n- id: blackwell\n"),
        exactly(
            "facts/terms.yml:10: [1]: expected object but found NoneType None — write it as a YAML mapping (key: value lines)"
        ),
        "the same type error is reported twice (items schema and common record)",
    ),
    regression(
        "empty-file-advises-deleting-a-required-file",
        write("sources.yml", ""),
        one_starting("facts/sources.yml:1: the file is empty — ", lacks="delete the file"),
        "the fix says 'add a list of records, or delete the file', but a deleted store file is itself "
        "an error ('the file is missing')",
    ),
    regression(
        "date-as-a-boolean",
        replace("events.yml", "  date: 2024-03-18\n", "  date: true\n"),
        one_starting("facts/events.yml:6: gtc-2024.date: ", contains=NOT_A_DATE, lacks="['string', 'integer']"),
        "says \"expected ['string', 'integer'] but found bool True — write it as a YAML ['string', 'integer']\"",
    ),
    regression(
        "date-as-a-decimal-number",
        replace("events.yml", "  date: 2024-03-18\n", "  date: 2024.03\n"),
        one_starting("facts/events.yml:6: gtc-2024.date: ", contains=NOT_A_DATE, lacks="['string', 'integer']"),
        "says \"expected ['string', 'integer'] but found float 2024.03 — write it as a YAML ['string', 'integer']\"",
    ),
    regression(
        "date-with-an-explicit-timestamp-tag",
        replace("events.yml", "  date: 2024-03-18\n", "  date: !!timestamp 2024-03-18\n"),
        one_starting("facts/events.yml:6: gtc-2024.date: ", contains=NOT_A_DATE, lacks="['string', 'integer']"),
        "says \"expected ['string', 'integer'] but found date datetime.date(2024, 3, 18) — write it as a "
        "YAML ['string', 'integer']\"",
    ),
    regression(
        "date-as-an-eight-digit-number",
        replace("events.yml", "  date: 2024-03-18\n", "  date: 20240318\n"),
        one_starting("facts/events.yml:6: gtc-2024.date: ", contains=NOT_A_DATE),
        "falls through to the generic message '20240318 is greater than the maximum of 9999 — correct the "
        "value to match the schema'",
    ),
    regression(
        "date-as-a-two-digit-year",
        replace("events.yml", "  date: 2024-03-18\n", "  date: 24\n"),
        one_starting("facts/events.yml:6: gtc-2024.date: ", contains=NOT_A_DATE),
        "falls through to '24 is less than the minimum of 1000 — correct the value to match the schema'",
    ),
    regression(
        "empty-value-after-a-language-key",
        replace("terms.yml", "    en: A GPU architecture.\n", "    en:\n"),
        exactly(f"facts/terms.yml:13: blackwell.description.en: {EMPTY_TEXT}"),
        "an empty 'en:' is reported as 'expected string but found NoneType None — put the text in quotes', "
        "but there is no text to quote",
    ),
    regression(
        "id-over-64-characters-gets-advice-about-names-and-descriptions",
        (
            replace("terms.yml", "  related: [blackwell]\n", ""),
            replace("terms.yml", "- id: blackwell\n", "- id: " + "b" * 65 + "\n"),
        ),
        one_starting(
            f"facts/terms.yml:9: {'b' * 65}.id: ",
            contains="65 characters long (limit 64)",
            lacks="descriptions are one sentence",
        ),
        "a 65-character id gets 'the text is 65 characters long (limit 64) — shorten it: names are short "
        "and descriptions are one sentence'",
    ),
    regression(
        "kind-without-categories-lists-no-options",
        replace(
            "categories.yml",
            "- {kind: sources, id: article, name: {en: Articles, zh: 文章}, description: {en: Articles., zh: 文章。}}\n",
            "",
        ),
        one_starting(
            "facts/sources.yml:6: article-one.category: unknown category 'article' for sources — ",
            lacks="use one of:  (",
        ),
        "when a kind has no categories at all the fix reads 'use one of:  (or add the category to "
        "facts/categories.yml)' with an empty list",
    ),
    regression(
        "yaml-1.1-boolean-key-reported-at-the-record-and-renamed",
        replace("terms.yml", "  category: software\n", "  category: software\n  yes: x\n"),
        exactly(f"facts/terms.yml:8: nim.yes: unknown field 'yes' — remove it; allowed fields: {RECORD_FIELDS}"),
        "the key 'yes' is reported as 'nim.True' on line 1 (the record), because the label uses str(True) "
        "and that path has no recorded line",
    ),
    regression(
        "record-repeated-through-an-alias-is-reported-at-the-anchor",
        (
            replace("terms.yml", "- id: nim\n", "- &nim\n  id: nim\n"),
            append("terms.yml", "- *nim\n"),
        ),
        exactly(
            "facts/terms.yml:18: [2]: an alias (*name) repeats another value — "
            "write the value out in full: fact files do not use anchors and aliases"
        ),
        "an alias shares the anchored node's marks, so the duplicate is reported on line 2 as 'already used "
        "at facts/terms.yml:2' (itself) instead of on line 18 where '- *nim' is",
    ),
    regression(
        "line-separator-in-quoted-text-shifts-later-line-numbers",
        (
            replace("terms.yml", "    zh: 推理微服务。\n", '    zh: "推理\u2028微服务。"\n'),
            replace("terms.yml", "  related: [blackwell]\n", "  related: [blackwel]\n"),
        ),
        # refused where it is, before it can shift the lines of anything after it
        exactly(
            "facts/terms.yml:5: the text contains an invisible character (U+2028 LINE SEPARATOR) — "
            "delete it: retype the text around it if you cannot see it"
        ),
        "PyYAML counts U+2028 (and U+0085) as a line break, editors and git do not: every later error is "
        "reported one line too low (line 9)",
    ),
]


@pytest.mark.parametrize(("changes", "check"), MISREPORTED)
def test_misreported_input(facts_dir: Path, changes, check) -> None:
    break_store(facts_dir, changes)
    check(messages(facts_dir))


# ---------------------------------------------------------------- bugs: crashes instead of FactStoreError

CRASHES = [
    regression(
        "control-character-in-text",
        replace("terms.yml", "    zh: 推理微服务。\n", "    zh: 推理\x07微服务。\n"),
        one_starting("facts/terms.yml:5: "),
        "PyYAML's Reader raises yaml.reader.ReaderError ('unacceptable character #x0007') in the loader's "
        "constructor, outside the try block, and it is not a MarkedYAMLError either",
        raises=yaml.reader.ReaderError,
    ),
    regression(
        "nul-byte-in-text",
        replace("terms.yml", "    zh: 推理微服务。\n", "    zh: 推理\x00微服务。\n"),
        one_starting("facts/terms.yml:5: "),
        "yaml.reader.ReaderError escapes load_facts",
        raises=yaml.reader.ReaderError,
    ),
    regression(
        "flow-sequence-as-a-mapping-key",
        replace("terms.yml", "  category: software\n", "  category: software\n  [a, b]: c\n"),
        one_starting("facts/terms.yml:8: "),
        "read_yaml._walk uses key_node.value (a list of nodes) as a dict key: TypeError: unhashable type: 'list'",
        raises=TypeError,
    ),
    regression(
        "flow-mapping-as-a-mapping-key",
        replace("terms.yml", "  category: software\n", "  category: software\n  ? {a: b}\n  : c\n"),
        one_starting("facts/terms.yml:8: "),
        "TypeError: unhashable type: 'list' from read_yaml._walk",
        raises=TypeError,
    ),
    regression(
        "self-referencing-alias",
        replace("terms.yml", "  related: [blackwell]\n", "  related: &r [*r]\n"),
        one_starting("facts/terms.yml:8: "),
        "read_yaml._walk follows the recursive node forever: RecursionError",
        raises=RecursionError,
    ),
    regression(
        "deeply-nested-flow-sequences",
        replace("terms.yml", "  related: [blackwell]\n", "  related: " + "[" * 600 + "]" * 600 + "\n"),
        one_starting("facts/terms.yml:8: "),
        "PyYAML's recursive composer raises RecursionError, which read_yaml does not catch",
        raises=RecursionError,
    ),
    regression(
        "store-file-is-a-directory",
        (delete("sources.yml"), lambda facts: (facts / "sources.yml").mkdir()),
        one_starting("facts/sources.yml"),
        "path.exists() is true for a directory, then read_bytes() raises IsADirectoryError",
        raises=IsADirectoryError,
    ),
]


@pytest.mark.parametrize(("changes", "check"), CRASHES)
def test_hostile_input_raises_only_fact_store_error(facts_dir: Path, changes, check) -> None:
    break_store(facts_dir, changes)
    check(messages(facts_dir))


# ---------------------------------------------------------------- bugs: bad input accepted

ACCEPTED = [
    regression(
        "february-30",
        replace("events.yml", "  date: 2024-03-18\n", "  date: 2024-02-30\n"),
        exactly(f"facts/events.yml:6: gtc-2024.date: '2024-02-30' is not a valid date — {NOT_A_DATE}"),
        "the date pattern checks month 01-12 and day 01-31 separately, so 2024-02-30 loads",
        raises=pytest.fail.Exception,
    ),
    regression(
        "april-31",
        replace("events.yml", "  end_date: 2024-03-21\n", "  end_date: 2024-04-31\n"),
        exactly(f"facts/events.yml:7: gtc-2024.end_date: '2024-04-31' is not a valid date — {NOT_A_DATE}"),
        "2024-04-31 loads",
        raises=pytest.fail.Exception,
    ),
    regression(
        "february-29-of-a-common-year",
        replace("figures.yml", "  as_of: 2024-01\n", "  as_of: 2023-02-29\n"),
        exactly(f"facts/figures.yml:9: stake-value.as_of: '2023-02-29' is not a valid date — {NOT_A_DATE}"),
        "2023-02-29 loads",
        raises=pytest.fail.Exception,
    ),
    regression(
        "trailing-newline-in-a-date",
        replace("events.yml", "  date: 2024-03-18\n", '  date: "2024-03-18\\n"\n'),
        one_starting("facts/events.yml:6: gtc-2024.date: ", contains="not a valid date"),
        "JSON Schema patterns run with re.search, and '$' matches before a final newline: '2024-03-18\\n' loads",
        raises=pytest.fail.Exception,
    ),
    regression(
        "trailing-newline-in-an-id",
        append("terms.yml", NEW_TERM.format(id='"gb200\\n"')),
        one_starting("facts/terms.yml:17: ", contains="not a valid id"),
        "'$' matches before a final newline: the id 'gb200\\n' loads (and becomes the page glossary/gb200\\n.md)",
        raises=pytest.fail.Exception,
    ),
    regression(
        "trailing-newline-in-a-url",
        replace("sources.yml", "  category: article\n", '  category: article\n  url: "https://example.org/a\\n"\n'),
        one_starting("facts/sources.yml:7: article-one.url: ", contains="not a plain https address"),
        "'$' matches before a final newline: 'https://example.org/a\\n' loads",
        raises=pytest.fail.Exception,
    ),
    regression(
        "value-not-a-number",
        replace("figures.yml", "  value: 1550000000\n", "  value: .nan\n"),
        one_starting("facts/figures.yml:6: stake-value.value: "),
        "JSON Schema 'number' accepts float('nan'); the figure loads and would print as 'nan'",
        raises=pytest.fail.Exception,
    ),
    regression(
        "value-infinite",
        replace("figures.yml", "  value: 1550000000\n", "  value: .inf\n"),
        one_starting("facts/figures.yml:6: stake-value.value: "),
        "float('inf') loads as a figure value",
        raises=pytest.fail.Exception,
    ),
    regression(
        "value-max-not-a-number",
        replace("figures.yml", "  value: 1550000000\n", "  value: 1550000000\n  value_max: .nan\n"),
        one_starting("facts/figures.yml:7: stake-value.value_max: "),
        "nan <= value is False, so value_max .nan passes the range check",
        raises=pytest.fail.Exception,
    ),
    regression(
        "yaml-1.1-sexagesimal-ratio",
        replace("figures.yml", "  value: 1550000000\n", "  value: 3:1\n"),
        one_starting("facts/figures.yml:6: stake-value.value: "),
        "YAML 1.1 reads 3:1 as the base-60 integer 181, which loads silently as the figure's value",
        raises=pytest.fail.Exception,
    ),
    regression(
        "dangling-source-of-a-source",
        replace("sources.yml", "  category: article\n", "  category: article\n  source: nowhere\n"),
        one_starting("facts/sources.yml:7: article-one.source: ", contains="'nowhere'"),
        "_record_problems skips the source field of sources entirely, so an unknown id there loads",
        raises=pytest.fail.Exception,
    ),
    regression(
        "text-of-zero-width-spaces",
        replace("terms.yml", "    en: A GPU architecture.\n", '    en: "\\u200b\\u200b"\n'),
        exactly(f"facts/terms.yml:13: blackwell.description.en: {EMPTY_TEXT}"),
        "the text pattern \\S matches U+200B, so invisible text loads",
        raises=pytest.fail.Exception,
    ),
    regression(
        "lone-surrogate-escape-in-text",
        replace("terms.yml", "    zh: 推理微服务。\n", '    zh: "推理\\ud800微服务。"\n'),
        one_starting("facts/terms.yml:5: nim.description.zh: "),
        "a double-quoted \\ud800 escape yields a lone surrogate, which loads and cannot be written as UTF-8",
        raises=pytest.fail.Exception,
    ),
    regression(
        "control-character-escape-in-text",
        replace("terms.yml", "    zh: 推理微服务。\n", '    zh: "推理\\a微服务。"\n'),
        one_starting("facts/terms.yml:5: nim.description.zh: "),
        "a double-quoted \\a escape puts U+0007 in the text; the same byte typed directly is refused by YAML",
        raises=pytest.fail.Exception,
    ),
]


@pytest.mark.parametrize(("changes", "check"), ACCEPTED)
def test_bad_input_is_not_accepted(facts_dir: Path, changes, check) -> None:
    break_store(facts_dir, changes)
    check(messages(facts_dir))


def test_exponent_notation_is_a_number(facts_dir: Path) -> None:
    edit(facts_dir / "figures.yml", "  value: 1550000000\n", "  value: 1.55e9\n")
    try:
        store = load_facts(facts_dir)
    except FactStoreError as err:
        raise AssertionError(str(err)) from err
    assert store.get("stake-value").value == 1_550_000_000


# ---------------------------------------------------------------- inputs that must keep loading


def test_boundaries_that_are_valid(facts_dir: Path) -> None:
    edit(facts_dir / "terms.yml", "  related: [blackwell]\n", "")
    edit(facts_dir / "terms.yml", "- id: blackwell\n", "- id: " + "b" * 64 + "\n")
    edit(facts_dir / "terms.yml", "    en: A GPU architecture.\n", "    en: " + "x" * 2000 + "\n")
    edit(facts_dir / "figures.yml", "  value: 1550000000\n", "  value: 1_550_000_000\n  value_max: 1.55e+10\n")
    edit(facts_dir / "figures.yml", "words: 持股價值約15.5億美元", "words: 持股價值約15.5億到155億美元")
    edit(facts_dir / "events.yml", "  end_date: 2024-03-21\n", "  end_date: 2024-03-18\n")
    store = load_facts(facts_dir)
    assert len(store.get("b" * 64).description.en) == 2000
    assert (store.get("stake-value").value, store.get("stake-value").value_max) == (1_550_000_000, 1.55e10)


def test_windows_line_endings_load(facts_dir: Path) -> None:
    for path in facts_dir.glob("*.yml"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    store = load_facts(facts_dir)
    assert store.get("blackwell").line == 10
    assert store.get("nim").description.zh == "推理微服务。"


# ---------------------------------------------------------------- cross-references in Markdown


@pytest.fixture(scope="module")
def store() -> FactStore:
    return load_facts(FIXTURE_FACTS)


def crossref_problems(markdown: str, store: FactStore) -> list[str]:
    with pytest.raises(CrossrefError) as caught:
        try:
            CrossrefResolver(store).resolve(markdown, "en", "chapters/a.md")
        except CrossrefError as err:
            raise err.located("chapters/a.md", 3) from None
    return str(caught.value).splitlines()


CROSSREF_CASES = [
    pytest.param(
        "[[glossary:nim]]",
        "chapters/a.md:3: unknown kind 'glossary' in [[glossary:nim]]: write [[KIND:ID]] with KIND one of "
        "term, person, org, figure, quote, event, source, excerpt",
        id="unknown-kind",
    ),
    pytest.param(
        "[[terms:nim]]",
        "chapters/a.md:3: unknown kind 'terms' in [[terms:nim]]: did you mean 'term'?",
        id="plural-kind",
    ),
    pytest.param(
        "[[org:nvidai]]",
        "chapters/a.md:3: unknown org id 'nvidai' in [[org:nvidai]]: did you mean 'nvidia'?",
        id="unknown-id-with-a-close-match",
    ),
    pytest.param(
        "[[term:gb200]]",
        "chapters/a.md:3: unknown term id 'gb200' in [[term:gb200]]: add it to facts/terms.yml",
        id="unknown-id-without-a-close-match",
    ),
    pytest.param(
        "[[event:gtc2024]]",
        "chapters/a.md:3: unknown event id 'gtc2024' in [[event:gtc2024]]: did you mean 'gtc-2024'?",
        id="id-missing-a-hyphen",
    ),
    pytest.param(
        "[[term:n\u0456m]]",
        "chapters/a.md:3: unknown term id 'n\u0456m' in [[term:n\u0456m]]: did you mean 'nim'?",
        id="cyrillic-look-alike-id",
    ),
]


@pytest.mark.parametrize(("markdown", "expected"), CROSSREF_CASES)
def test_bad_crossref_is_reported_exactly(store: FactStore, markdown: str, expected: str) -> None:
    assert crossref_problems(markdown, store) == [expected]


def test_every_bad_crossref_on_a_page_is_reported_with_its_line(store: FactStore) -> None:
    page = "Intro.\n\nb [[term:]] and [[x:y]]\n[[term:nope]] `[[term:also-nope]]`\n"
    problems = crossref_problems(page, store)
    assert len(problems) == 3
    assert problems[0].startswith("chapters/a.md:5: ") and "[[term:]]" in problems[0]
    assert problems[1] == (
        "chapters/a.md:5: unknown kind 'x' in [[x:y]]: write [[KIND:ID]] with KIND one of "
        "term, person, org, figure, quote, event, source, excerpt"
    )
    assert problems[2] == "chapters/a.md:6: unknown term id 'nope' in [[term:nope]]: add it to facts/terms.yml"


def crossref_case(markdown: str, was: str, *, contains: str = "", lacks: str = "", raises=None):
    """A reference mistake that was once resolved badly; `was` describes how."""
    del was, raises
    return pytest.param(markdown, contains, lacks, id=markdown)


CROSSREF_MISTAKES = [
    crossref_case(
        "[[term:]]",
        "an empty id is reported as \"unknown term id '' in [[term:]]: add it to facts/terms.yml\": "
        "an empty id cannot be added",
        contains="[[term:]]",
        lacks="add it to facts/terms.yml",
    ),
    crossref_case(
        "[[person:nvidia]]",
        "a reference to the wrong kind says 'add it to facts/people.yml' although nvidia is an "
        "organization; load_facts names the right kind for fields, the resolver should suggest [[org:nvidia]]",
        contains="[[org:nvidia]]",
        lacks="add it to facts/people.yml",
    ),
    crossref_case(
        "[[term:NIM]]",
        "ids are lowercase, but the resolver's hint is case-sensitive: 'add it to facts/terms.yml' "
        "instead of \"did you mean 'nim'?\"",
        contains="did you mean 'nim'?",
    ),
    crossref_case(
        "[[Term:nim]]",
        "a capitalised kind does not match [a-z]+, so the reference is left in the page as literal text",
        contains="[[Term:nim]]",
        raises=pytest.fail.Exception,
    ),
    crossref_case(
        "[[term: nim]]",
        "a space after the colon does not match, so the reference is left in the page as literal text",
        contains="[[term: nim]]",
        raises=pytest.fail.Exception,
    ),
    crossref_case(
        "[[term:nim|]]",
        "an empty label does not match, so the reference is left in the page as literal text",
        contains="[[term:nim|]]",
        raises=pytest.fail.Exception,
    ),
    crossref_case(
        "[[:nim]]",
        "an empty kind does not match, so the reference is left in the page as literal text",
        contains="[[:nim]]",
        raises=pytest.fail.Exception,
    ),
]


@pytest.mark.parametrize(("markdown", "contains", "lacks"), CROSSREF_MISTAKES)
def test_crossref_mistake_is_reported_helpfully(store: FactStore, markdown: str, contains: str, lacks: str) -> None:
    [problem] = crossref_problems(markdown, store)
    assert problem.startswith("chapters/a.md:3: ")
    assert contains in problem
    assert not lacks or lacks not in problem


# ---------------------------------------------------------------- cycles are allowed by design


def test_mutually_related_records_load_and_render(facts_dir: Path) -> None:
    """`related` is an undirected "see also": a↔b (and longer loops) are allowed by design.

    Only a record related to itself is refused. Pages link to related records with
    [[kind:id]] references, which are resolved one level deep, so a loop cannot recurse.
    """
    from gtc_site.render.pages import render_language_pages

    edit(facts_dir / "terms.yml", "  category: hardware\n", "  category: hardware\n  related: [nim, stake-value]\n")
    edit(
        facts_dir / "organizations.yml", "  category: companies\n", "  category: companies\n  related: [stake-value]\n"
    )
    store = load_facts(facts_dir)
    assert store.get("nim").related == ("blackwell",) and store.get("blackwell").related == ("nim", "stake-value")
    assert "nim" in store.referrers["blackwell"] and "blackwell" in store.referrers["nim"]
    assert set(store.referrers["stake-value"]) == {"blackwell", "nvidia"}
    for lang in ("en", "zh"):
        pages = render_language_pages(store, lang, {})
        assert "[[term:nim]]" in pages["glossary/blackwell.md"]
        assert "[[term:blackwell]]" in pages["glossary/nim.md"]
        for path, markdown in pages.items():
            resolved = CrossrefResolver(store).resolve(markdown, lang, path)
            assert "[[term:" not in resolved, path


# --- ids reserved by generated pages, implausible values and dates, text in the wrong language
@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        case(
            "a-term-id-that-replaces-the-glossary-index",
            replace("terms.yml", "- id: blackwell\n", "- id: index\n"),
            # nim lists blackwell as related, which the rename removed
            "facts/terms.yml:8: nim.related[0]: unknown id 'blackwell' — add that record first, or remove the id",
            "facts/terms.yml:10: index.id: the id 'index' is taken by the index page of each record folder "
            "(glossary/index.md) — choose another id for this record",
        ),
        case(
            "an-event-id-that-is-a-timeline-anchor",
            replace("events.yml", "- id: gtc-2024\n", "- id: year-2024\n"),
            "facts/events.yml:1: year-2024.id: the id 'year-2024' is taken by the year headings of the timeline "
            "— choose another id for this record",
        ),
        case(
            "a-negative-multiple",
            (
                replace("figures.yml", "  unit: usd\n", "  unit: multiple\n"),
                replace("figures.yml", "  value: 1550000000\n", "  value: -3\n"),
            ),
            "facts/figures.yml:6: stake-value.value: -3 is not a plausible number of multiple — write a number "
            "above 0 and at most 10000, in the unit's base (1550000000 for $1.55 billion)",
        ),
        case(
            "an-enormous-value",
            replace("figures.yml", "  value: 1550000000\n", "  value: 1e308\n"),
            "facts/figures.yml:6: stake-value.value: 1e+308 is not a plausible number of usd — write a number "
            "above 0 and at most 1e+16, in the unit's base (1550000000 for $1.55 billion)",
        ),
        case(
            "a-date-centuries-away",
            replace("figures.yml", "  as_of: 2024-01\n", "  as_of: 2924-01\n"),
            "facts/figures.yml:9: stake-value.as_of: 2924-01 is not a plausible date for this site — "
            "check the year (between 1900 and 2030)",
        ),
        case(
            "traditional-characters-in-a-zh-field",
            replace("terms.yml", "    zh: 推理微服务。\n", "    zh: 推理微服務。\n"),
            "facts/terms.yml:5: nim.description.zh: Traditional characters in Simplified text: 務 — "
            "write Simplified Chinese (the Traditional edition is converted at build time)",
        ),
        case(
            "english-in-a-zh-description",
            replace("terms.yml", "    zh: 推理微服务。\n", "    zh: Inference microservices.\n"),
            "facts/terms.yml:5: nim.description.zh: the Chinese text has no Chinese in it — "
            "write the zh text in Simplified Chinese",
        ),
        case(
            "chinese-in-an-en-description",
            replace("terms.yml", "    en: A GPU architecture.\n", "    en: 一种架构。\n"),
            "facts/terms.yml:13: blackwell.description.en: Chinese characters in the English text — "
            "write the en text in English (names in Latin letters)",
        ),
    ],
)
def test_values_ids_and_languages_a_contributor_gets_wrong(facts_dir: Path, changes, expected) -> None:
    for change in changes:
        change(facts_dir)
    assert messages(facts_dir) == expected


def test_the_traditional_character_table_is_what_opencc_gives() -> None:
    from gtc_site.tools.character_table import TABLE, character_table

    assert TABLE.read_text(encoding="utf-8") == character_table(), "run python -m gtc_site.tools.character_table"


def test_a_huge_value_is_shortened_in_its_message(facts_dir: Path) -> None:
    edit(facts_dir / "terms.yml", "- id: blackwell\n", "- id: " + "Blackwell" * 500_000 + "\n")
    found = messages(facts_dir)
    assert all(len(line) < 400 for line in found), [len(line) for line in found]
    assert any("is not a valid id" in line and "…" in line for line in found)


def test_the_phrase_table_refuses_repeated_and_empty_entries(tmp_path: Path) -> None:
    from gtc_site.i18n.traditional import read_phrase_table

    table = tmp_path / "zh-Hant.yml"
    table.write_text(
        "- {simplified: 英伟达, traditional: 輝達, why: name}\n"
        "- {simplified: 英伟达, traditional: 英偉達, why: again}\n"
        "- {simplified: '', traditional: 輝達, why: empty}\n",
        encoding="utf-8",
    )
    with pytest.raises(FactStoreError) as caught:
        read_phrase_table(table, "facts/translation/zh-Hant.yml")
    assert [str(e) for e in caught.value.errors] == [
        "facts/translation/zh-Hant.yml:2: [1]: '英伟达' is decided twice (first on line 1) — keep one decision",
        "facts/translation/zh-Hant.yml:3: [2].simplified: 'simplified' is empty — write it, or remove the entry",
    ]
