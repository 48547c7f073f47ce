"""What the schema cannot say: clean text, real dates, finite numbers, unique ids and
references that lead somewhere; each problem located at its file, line and field."""

from __future__ import annotations

import datetime
import math
import re
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


def value_errors(doc: YamlDocument) -> list[FactError]:
    """What the schema cannot say: clean text, real calendar dates, finite numbers."""
    errors = []

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
        elif isinstance(value, float) and not math.isfinite(value):
            report(path, f"{value} is not a number", "write the figure's value as a finite number")

    visit(doc.data, ())
    return errors


def _record_problems(store: FactStore, record: Record, known: set[str] | None, all_ids: list[str]) -> list[Explained]:
    """Broken references and ranges. known: every id in the store, or None when a file could
    not be read (an id missing from what was read may be in it, so missing ids are not reported)."""
    problems: list[Explained] = []
    categories = store.categories.get(record.kind)
    if categories is not None and record.category not in categories:
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
        if target is None:
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


def reference_errors(store: FactStore, docs: dict[str, YamlDocument], known: set[str] | None) -> list[FactError]:
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
            for path, problem, fix in _record_problems(store, record, known, all_ids):
                full = (index, *path)
                errors.append(FactError(doc.file, doc.line_of(full), field_label(doc, full), problem, fix))
    return errors


def record_ids(doc: YamlDocument) -> list[tuple[int, dict]]:
    """(index, item) of every record of doc that has a text id, valid or not."""
    return [(i, item) for i, item in enumerate(doc.data) if isinstance(item, dict) and isinstance(item.get("id"), str)]


def id_errors(docs: dict[str, YamlDocument]) -> list[FactError]:
    errors = []
    first_seen: dict[tuple[str, str], str] = {}
    for kind, doc in docs.items():
        for index, item in record_ids(doc):
            key = (str(item.get("kind")), item["id"]) if kind == "categories" else ("record", item["id"])
            where = f"{doc.file}:{doc.line_of((index, 'id'))}"
            if key in first_seen:
                errors.append(
                    FactError(
                        doc.file,
                        doc.line_of((index, "id")),
                        field_label(doc, (index, "id")),
                        f"the id '{item['id']}' is already used at {first_seen[key]}",
                        "ids are unique across all fact files: choose another id",
                    )
                )
            else:
                first_seen[key] = where
    return errors


def read_problems(doc: YamlDocument) -> list[FactError]:
    return [
        FactError(doc.file, line, field_label(doc, path), problem, fix) for path, line, problem, fix in doc.problems
    ]
