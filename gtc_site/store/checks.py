"""What the schema cannot say: clean text, real dates, finite numbers, unique ids and
references that lead somewhere; each problem located at its file, line and field."""

from __future__ import annotations

import datetime
import math
import re
from pathlib import Path
from typing import Any

from gtc_site.store.errors import FactError, shorten
from gtc_site.store.model import FactStore, Figure, Record
from gtc_site.store.read_yaml import INVISIBLE_CHARACTER, FieldPath, YamlDocument
from gtc_site.store.schema import DATE_FIELDS, NOT_A_DATE, Explained, field_label, suggest
from gtc_site.store.source_numbers import FigureValue, describe_mismatch, figure_value_found

# Which kinds an id in a given field may point at.
REFERENCE_FIELDS: dict[str, tuple[str, ...]] = {
    "source": ("sources",),
    "affiliation": ("organizations",),
    "speaker": ("people",),
    "stated_by": ("people", "organizations"),
}
VALID_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Converter residue from the source article: a Han character followed by (pinyin).
PINYIN_RESIDUE = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


# Fields whose text is prose in one language (names may be the same in both: "NVIDIA NIM").
PROSE_FIELDS = ("description", "role", "context", "note", "text", "words_en")
_HAN = re.compile(r"[\u3400-\u9fff]")
# Dates this site can be about: the article is from 2024; companies it names go back decades.
EARLIEST_YEAR, LATEST_YEAR = 1900, 2030
# unit -> the largest plausible value: 1e308 or a negative multiple is a typo, not a figure.
PLAUSIBLE_MAXIMUM = {
    "usd": 1e16,
    "multiple": 1e4,
    "gpu": 1e8,
    "megawatt": 1e5,
    "watt": 1e7,
    "day": 1e4,
    "month": 1e3,
    "hour": 1e5,
    "parameter": 1e16,
    "person": 1e10,
    "company": 1e7,
    "year": 1e3,
    "rank": 1e4,
}
# Pages that generated pages own, and anchors they use: a record id equal to one would
# replace the page or give two elements the same id.
RESERVED_IDS = {"index": "the index page of each record folder (glossary/index.md)"}
RESERVED_ID_PATTERNS = (
    (re.compile(r"category-.+"), "the category headings of every list page"),
    (re.compile(r"year-\d+"), "the year headings of the timeline"),
    (re.compile(r"training-chart(-.+)?"), "the training chart on the figures page"),
    (re.compile(r".+-part-\d+"), "the section headings of the sources page"),
    (re.compile(r"figures|quotes|related|mentioned-in"), "the section headings of record pages"),
)


def _traditional_characters() -> frozenset[str]:
    table = Path(__file__).with_name("traditional_characters.txt").read_text(encoding="utf-8")
    return frozenset("".join(line for line in table.splitlines() if not line.startswith("#")))


def _language_problem(text: str, lang: str, field: str, traditional: frozenset[str]) -> tuple[str, str] | None:
    """(problem, fix) when text is not in the language of its field."""
    if lang == "zh":
        found = "".join(dict.fromkeys(c for c in text if c in traditional))
        if found:
            return f"Traditional characters in Simplified text: {shorten(found, 12)}", (
                "write Simplified Chinese (the Traditional edition is converted at build time)"
            )
        if field in PROSE_FIELDS and not _HAN.search(text):
            return "the Chinese text has no Chinese in it", "write the zh text in Simplified Chinese"
    elif field in PROSE_FIELDS and _HAN.search(text):
        return "Chinese characters in the English text", "write the en text in English (names in Latin letters)"
    return None


def value_errors(doc: YamlDocument) -> list[FactError]:
    """What the schema cannot say: clean text in the right language, real and plausible dates,
    finite and plausible numbers."""
    errors = []
    traditional = _traditional_characters()

    def report(path: FieldPath, problem: str, fix: str) -> None:
        errors.append(FactError(doc.file, doc.line_of(path), field_label(doc, path), problem, fix))

    def visit(value: Any, path: FieldPath) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                visit(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                visit(child, (*path, index))
        elif isinstance(value, str):
            residue, invisible = PINYIN_RESIDUE.search(value), INVISIBLE_CHARACTER.search(value)
            if residue:
                report(
                    path,
                    f"pinyin left over from the source converter: '{residue.group(0)}'",
                    "delete the parenthesized pinyin",
                )
            if invisible:
                report(
                    path,
                    f"the text contains an invisible character (U+{ord(invisible.group()):04X})",
                    "delete it (it came from an escape such as \\a or \\ud800 in quotes)",
                )
            if path and path[-1] in DATE_FIELDS and len(value) == 10:
                try:
                    datetime.date.fromisoformat(value)
                except ValueError:
                    report(path, f"'{value}' is not a valid date", NOT_A_DATE)
            plausible = EARLIEST_YEAR <= int(value[:4]) <= LATEST_YEAR if value[:4].isdigit() else True
            if path and path[-1] in DATE_FIELDS and not plausible:
                report(
                    path,
                    f"{value} is not a plausible date for this site",
                    f"check the year (between {EARLIEST_YEAR} and {LATEST_YEAR})",
                )
            if len(path) >= 2 and path[-1] in ("en", "zh") and isinstance(path[-2], str):
                problem = _language_problem(value, str(path[-1]), path[-2], traditional)
                if problem:
                    report(path, *problem)
        elif isinstance(value, float) and not math.isfinite(value):
            report(path, f"{value} is not a number", "write the figure's value as a finite number")

    visit(doc.data, ())
    for index, item in enumerate(doc.data if isinstance(doc.data, list) else []):
        if isinstance(item, dict) and item.get("unit") in PLAUSIBLE_MAXIMUM:
            for key in ("value", "value_max"):
                number = item.get(key)
                if isinstance(number, int | float) and math.isfinite(number):
                    largest = PLAUSIBLE_MAXIMUM[item["unit"]]
                    if not 0 < number <= largest:
                        report(
                            (index, key),
                            f"{number:g} is not a plausible number of {item['unit']}",
                            f"write a number above 0 and at most {largest:g}, in the unit's base (1550000000 for $1.55 billion)",
                        )
    return errors


def _record_problems(
    store: FactStore, record: Record, known: set[str] | None, all_ids: list[str], duplicated: set[str]
) -> list[Explained]:
    """Broken references and ranges. known: every id in the store, or None when a file could
    not be read (an id missing from what was read may be in it, so missing ids are not reported)."""
    problems: list[Explained] = []
    categories = store.categories.get(record.kind)
    if categories is not None and record.category not in categories and not duplicated & set(categories):
        options = sorted(categories)
        fix = suggest(record.category, options) or (
            f"use one of: {', '.join(options)} (or add the category to facts/categories.yml)"
            if options
            else f"add a category for {record.kind} to facts/categories.yml"
        )
        problems.append((("category",), f"unknown category '{record.category}' for {record.kind}", fix))
    for position, related_id in enumerate(record.related):
        if related_id == record.id:
            problems.append((("related", position), "a record cannot be related to itself", "remove this id"))
        elif known is not None and related_id not in known:
            problems.append(
                (
                    ("related", position),
                    f"unknown id '{related_id}'",
                    suggest(related_id, all_ids) or "add that record first, or remove the id",
                )
            )
    for name, kinds in REFERENCE_FIELDS.items():
        target = getattr(record, name, None)
        if target is None or target in duplicated:
            continue
        wanted = " or ".join(kinds)
        if target == record.id and record.kind in kinds:
            problems.append(((name,), f"'{target}' refers to itself", f"use the id of another of the {wanted}"))
        elif known is not None and target not in known:
            candidates = sorted(r.id for k in kinds for r in store.of_kind(k))
            problems.append(
                (
                    (name,),
                    f"unknown id '{target}'",
                    suggest(target, candidates) or f"use the id of one of the {wanted}",
                )
            )
        elif target in store.by_id and store.by_id[target].kind not in kinds:
            problems.append(
                (
                    (name,),
                    f"'{target}' is one of the {store.by_id[target].kind}, not {wanted}",
                    f"use the id of one of the {wanted}",
                )
            )
    value, value_max = getattr(record, "value", None), getattr(record, "value_max", None)
    if value is not None and value_max is not None and not value_max > value:
        problems.append(
            (
                ("value_max",),
                f"value_max {value_max} is not above value {value}",
                "give the upper end of the range, or remove value_max",
            )
        )
    # Checked only when the range is sound: one cause, one message.
    if isinstance(record, Figure) and record.locator and record.locator.words and not problems:
        value = FigureValue(record.value, record.value_max, record.unit, record.qualifier)
        if not figure_value_found(value, record.locator.words):
            problems.append(
                (
                    ("locator", "words"),
                    f"{describe_mismatch(value, record.locator.words)} in '{shorten(record.locator.words)}'",
                    "quote the source's words that give the value, or correct value, unit or qualifier",
                )
            )
    date, end_date = getattr(record, "date", None), getattr(record, "end_date", None)
    if date and end_date and end_date < date:
        problems.append((("end_date",), f"end_date {end_date} is before date {date}", "swap the two dates"))
    return problems


def reference_errors(
    store: FactStore, docs: dict[str, YamlDocument], known: set[str] | None, duplicated: set[str] = frozenset()
) -> list[FactError]:
    # Suggest only ids that are valid: a look-alike such as 'nаm' (Cyrillic а) is no answer.
    all_ids = sorted(i for i in (known or store.by_id) if VALID_ID.fullmatch(i))
    errors = []
    for kind, doc in docs.items():
        if kind == "categories":
            continue
        for index, item in enumerate(doc.data):
            record = store.records[kind].get(item["id"])
            if record is None or (record.file, record.line) != (doc.file, doc.line_of((index,))):
                continue  # a duplicate id, reported already
            if record.id in duplicated:
                continue  # reported as a duplicate; which record a reference meant is unknown
            for path, problem, fix in _record_problems(store, record, known, all_ids, duplicated):
                full = (index, *path)
                errors.append(FactError(doc.file, doc.line_of(full), field_label(doc, full), problem, fix))
    return errors


def record_ids(doc: YamlDocument) -> list[tuple[int, dict]]:
    """(index, item) of every record of doc that has a text id, valid or not."""
    return [(i, item) for i, item in enumerate(doc.data) if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _reserved(record_id: str) -> str | None:
    if record_id in RESERVED_IDS:
        return RESERVED_IDS[record_id]
    return next((what for pattern, what in RESERVED_ID_PATTERNS if pattern.fullmatch(record_id)), None)


def duplicated_ids(docs: dict[str, YamlDocument]) -> set[str]:
    """Ids that two records (or two categories of one kind) use: what refers to them is not
    checked, since which one it meant is unknown (one cause, one message)."""
    seen: set[tuple[str, str]] = set()
    twice: set[str] = set()
    for kind, doc in docs.items():
        for _, item in record_ids(doc):
            key = (str(item.get("kind")) if kind == "categories" else "record", item["id"])
            if key in seen:
                twice.add(item["id"])
            seen.add(key)
    return twice


def id_errors(docs: dict[str, YamlDocument]) -> list[FactError]:
    """Ids reserved by generated pages, and ids used twice, reported at every place they are used."""
    errors = []
    places: dict[tuple[str, str], list[tuple[YamlDocument, int]]] = {}
    for kind, doc in docs.items():
        for index, item in record_ids(doc):
            key = (str(item.get("kind")), item["id"]) if kind == "categories" else ("record", item["id"])
            places.setdefault(key, []).append((doc, index))
            reserved = _reserved(item["id"]) if kind != "categories" else None
            if reserved:
                errors.append(
                    FactError(
                        doc.file,
                        doc.line_of((index, "id")),
                        field_label(doc, (index, "id")),
                        f"the id '{item['id']}' is taken by {reserved}",
                        "choose another id for this record",
                    )
                )
    for (_, record_id), found in places.items():
        if len(found) < 2:
            continue
        where = [f"{doc.file}:{doc.line_of((index, 'id'))}" for doc, index in found]
        for (doc, index), here in zip(found, where, strict=True):
            others = ", ".join(w for w in where if w != here)
            errors.append(
                FactError(
                    doc.file,
                    doc.line_of((index, "id")),
                    field_label(doc, (index, "id")),
                    f"the id '{record_id}' is also used at {others}",
                    "ids are shared by every kind: give the record that is not yet published another id "
                    "(a published id never changes)",
                )
            )
    return errors


def read_problems(doc: YamlDocument) -> list[FactError]:
    return [
        FactError(doc.file, line, field_label(doc, path), problem, fix) for path, line, problem, fix in doc.problems
    ]
