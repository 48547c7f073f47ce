"""Load the fact store: read every YAML file, validate it, build the typed model.

Run on its own to check the store: `python -m scripts.load_facts [facts_dir]`.
Every problem is reported as file:line: field: problem — fix, and the exit code is 1.
"""

from __future__ import annotations

import difflib
import json
import os
import re
import sys
from dataclasses import fields
from functools import cache
from pathlib import Path
from typing import Any

import jsonschema
import referencing

from scripts.fact_errors import FactError, FactStoreError
from scripts.fact_model import LANGUAGES, RECORD_TYPES, Category, FactStore, Localized, Record
from scripts.read_yaml import FieldPath, YamlDocument, format_path, read_yaml

ROOT = Path(__file__).resolve().parent.parent
# GTC_FACTS_DIR points a build at another store (tests and benchmarks use it).
FACTS_DIR = Path(os.environ.get("GTC_FACTS_DIR", ROOT / "facts"))
SCHEMA_DIR = ROOT / "facts" / "schema"
FILE_KINDS = ("categories", *RECORD_TYPES)

# Which kinds an id in a given field may point at.
REFERENCE_FIELDS: dict[str, tuple[str, ...]] = {
    "source": ("sources",),
    "affiliation": ("organizations",),
    "speaker": ("people",),
    "stated_by": ("people", "organizations"),
}
# Converter residue from the source article: a Han character followed by (pinyin).
PINYIN_RESIDUE = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def _schema_validators() -> dict[str, jsonschema.protocols.Validator]:
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.json")}
    registry = referencing.Registry().with_resources(
        (name, referencing.Resource.from_contents(schema)) for name, schema in schemas.items()
    )
    return {
        kind: jsonschema.Draft202012Validator(schemas[f"{kind}.schema.json"], registry=registry) for kind in FILE_KINDS
    }


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


def _explain(error: jsonschema.ValidationError) -> tuple[FieldPath, str, str]:
    """Turn a JSON Schema error into (path, problem, fix) a contributor can act on."""
    path = tuple(error.absolute_path)
    value, rule = error.instance, error.validator
    if rule == "required":
        missing = re.match(r"'(.+)' is a required property", error.message)
        name = missing.group(1) if missing else str(error.validator_value)
        if name in LANGUAGES:
            language = "English" if name == "en" else "Chinese"
            return (*path, name), f"the {language} text is missing", f"add '{name}:' with the {language} text"
        return (*path, name), f"the required field '{name}' is missing", f"add '{name}:' to this record"
    if rule == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = [key for key in value if key not in allowed]
        key = str(extra[0]) if extra else "?"
        if set(allowed) == set(LANGUAGES) and " " in key:
            # {en: Good, as expected, zh: …}: the comma ended the English text early.
            return (
                (*path, key),
                f"unknown field '{key}'",
                ('text with a comma inside { } must be quoted, e.g. en: "Good, as expected"'),
            )
        hint = _suggest(key, allowed) or f"remove it; allowed fields: {', '.join(allowed)}"
        return (*path, key), f"unknown field '{key}'", hint
    if rule == "type":
        expected = error.validator_value
        return (
            path,
            f"expected {expected} but found {type(value).__name__} {value!r}",
            (
                "write a number without quotes or units"
                if expected == "number"
                else "put the text in quotes"
                if expected == "string"
                else f"write it as a YAML {expected}"
            ),
        )
    if rule == "pattern":
        pattern = error.validator_value
        if pattern == r"\S":
            return path, "the text is empty", "write the text (it may not be only spaces)"
        if pattern.startswith("^[a-z0-9]+"):
            return (
                path,
                f"'{value}' is not a valid id",
                ("use lowercase ASCII letters, digits and single hyphens, e.g. 'jetson-thor'"),
            )
        if pattern.startswith("^[0-9]{4}"):
            return path, f"'{value}' is not a valid date", "write YYYY, YYYY-MM or YYYY-MM-DD"
        if pattern.startswith("^https://"):
            return (
                path,
                f"'{value}' is not a plain https address",
                "use a full https:// address without spaces or quotes",
            )
        return path, f"'{value}' does not match {pattern}", "correct the value"
    if rule == "enum":
        options = [str(option) for option in error.validator_value]
        hint = _suggest(str(value), options)
        return path, f"'{value}' is not one of: {', '.join(options)}", hint or "pick one of the listed values"
    if rule == "maxLength":
        return (
            path,
            f"the text is {len(value)} characters long (limit {error.validator_value})",
            ("shorten it: names are short and descriptions are one sentence"),
        )
    if rule == "uniqueItems":
        return path, "the list has the same entry twice", "remove the repeated entry"
    return path, error.message, "correct the value to match the schema"


def _field_label(doc: YamlDocument, path: FieldPath) -> str:
    """'nim.name.zh' when the record has an id, else '[3].name.zh'."""
    if not path or not isinstance(path[0], int) or not isinstance(doc.data, list):
        return format_path(path)
    record = doc.data[path[0]] if path[0] < len(doc.data) else None
    record_id = record.get("id") if isinstance(record, dict) else None
    head = record_id if isinstance(record_id, str) and record_id else f"[{path[0]}]"
    rest = format_path(path[1:])
    return head + ("" if not rest else rest if rest.startswith("[") else f".{rest}")


def _schema_errors(doc: YamlDocument, validator: jsonschema.protocols.Validator) -> list[FactError]:
    if doc.data is None:
        return [FactError(doc.file, 1, "", "the file is empty", "add a list of records, or delete the file")]
    errors = []
    for error in validator.iter_errors(doc.data):
        path, problem, fix = _explain(error)
        errors.append(FactError(doc.file, doc.line_of(path), _field_label(doc, path), problem, fix))
    return errors


# A bare year (2017) is read by YAML as a number; these fields hold dates, kept as text.
DATE_FIELDS = ("date", "as_of", "end_date")


def _localized(value: Any) -> Any:
    return Localized(**value) if isinstance(value, dict) and set(value) == set(LANGUAGES) else value


def _build_record(kind: str, item: dict[str, Any], doc: YamlDocument, index: int) -> Record:
    cls = RECORD_TYPES[kind]
    known = {f.name for f in fields(cls)}
    values = {key: _localized(value) for key, value in item.items() if key in known}
    for key in DATE_FIELDS:
        if isinstance(values.get(key), int):
            values[key] = str(values[key])
    for key in ("aliases", "related"):
        values[key] = tuple(item.get(key, ()))
    values.setdefault("source", None)
    return cls(**values, file=doc.file, line=doc.line_of((index,)))


def _text_errors(doc: YamlDocument) -> list[FactError]:
    """Chinese text must be clean of the source's converter residue."""
    errors = []

    def visit(value: Any, path: FieldPath) -> None:
        if isinstance(value, dict):
            for key, child in value.items():
                visit(child, (*path, key))
        elif isinstance(value, list):
            for index, child in enumerate(value):
                visit(child, (*path, index))
        elif isinstance(value, str) and PINYIN_RESIDUE.search(value):
            match = PINYIN_RESIDUE.search(value)
            errors.append(
                FactError(
                    doc.file,
                    doc.line_of(path),
                    _field_label(doc, path),
                    f"pinyin left over from the source converter: '{match.group(0)}'",
                    "delete the parenthesized pinyin",
                )
            )

    visit(doc.data, ())
    return errors


def _record_problems(store: FactStore, record: Record, all_ids: list[str]) -> list[tuple[FieldPath, str, str]]:
    """(path inside the record, problem, fix) for every broken reference or range."""
    problems: list[tuple[FieldPath, str, str]] = []
    categories = store.categories.get(record.kind, {})
    if record.category not in categories:
        options = sorted(categories)
        problems.append(
            (
                ("category",),
                f"unknown category '{record.category}' for {record.kind}",
                _suggest(record.category, options)
                or f"use one of: {', '.join(options)} (or add the category to facts/categories.yml)",
            )
        )
    for position, related_id in enumerate(record.related):
        if related_id == record.id:
            problems.append((("related", position), "a record cannot be related to itself", "remove this id"))
        elif related_id not in store.by_id:
            problems.append(
                (
                    ("related", position),
                    f"unknown id '{related_id}'",
                    _suggest(related_id, all_ids) or "add that record first, or remove the id",
                )
            )
    for name, kinds in REFERENCE_FIELDS.items():
        target = getattr(record, name, None)
        if target is None or (name == "source" and record.kind == "sources"):
            continue
        wanted = " or ".join(kinds)
        if target not in store.by_id:
            candidates = sorted(r.id for k in kinds for r in store.of_kind(k))
            problems.append(
                (
                    (name,),
                    f"unknown id '{target}'",
                    _suggest(target, candidates) or f"use the id of one of the {wanted}",
                )
            )
        elif store.by_id[target].kind not in kinds:
            problems.append(
                (
                    (name,),
                    f"'{target}' is one of the {store.by_id[target].kind}, not {wanted}",
                    f"use the id of one of the {wanted}",
                )
            )
    value, value_max = getattr(record, "value", None), getattr(record, "value_max", None)
    if value is not None and value_max is not None and value_max <= value:
        problems.append(
            (
                ("value_max",),
                f"value_max {value_max} is not above value {value}",
                "give the upper end of the range, or remove value_max",
            )
        )
    date, end_date = getattr(record, "date", None), getattr(record, "end_date", None)
    if date and end_date and end_date < date:
        problems.append((("end_date",), f"end_date {end_date} is before date {date}", "swap the two dates"))
    return problems


def _reference_errors(store: FactStore, docs: dict[str, YamlDocument]) -> list[FactError]:
    all_ids = sorted(store.by_id)
    errors = []
    for kind in RECORD_TYPES:
        doc = docs[kind]
        for index, item in enumerate(doc.data):
            for path, problem, fix in _record_problems(store, store.records[kind][item["id"]], all_ids):
                full = (index, *path)
                errors.append(FactError(doc.file, doc.line_of(full), _field_label(doc, full), problem, fix))
    return errors


def _id_errors(docs: dict[str, YamlDocument]) -> list[FactError]:
    errors = []
    first_seen: dict[tuple[str, str], str] = {}
    for kind, doc in docs.items():
        for index, item in enumerate(doc.data):
            key = (item["kind"], item["id"]) if kind == "categories" else ("record", item["id"])
            where = f"{doc.file}:{doc.line_of((index, 'id'))}"
            if key in first_seen:
                errors.append(
                    FactError(
                        doc.file,
                        doc.line_of((index, "id")),
                        _field_label(doc, (index, "id")),
                        f"the id '{item['id']}' is already used at {first_seen[key]}",
                        "ids are unique across all fact files: choose another id",
                    )
                )
            else:
                first_seen[key] = where
    return errors


def load_facts(facts_dir: Path = FACTS_DIR) -> FactStore:
    """Read and validate facts_dir; raise FactStoreError listing every problem."""
    validators = _schema_validators()
    docs: dict[str, YamlDocument] = {}
    errors: list[FactError] = []
    expected = {f"{kind}.yml" for kind in FILE_KINDS}
    for path in sorted(facts_dir.glob("*.y*ml")):
        if path.name not in expected:
            errors.append(
                FactError(
                    f"facts/{path.name}",
                    1,
                    "",
                    "this file is not part of the fact store",
                    f"move its records into one of: {', '.join(sorted(expected))}",
                )
            )
    for kind in FILE_KINDS:
        path = facts_dir / f"{kind}.yml"
        display = f"facts/{kind}.yml"
        if not path.exists():
            errors.append(FactError(display, 0, "", "the file is missing", f"create {display} with a list of records"))
            continue
        doc, read_errors = read_yaml(path, display)
        errors += read_errors
        if doc is None:
            continue
        file_errors = [
            FactError(
                doc.file,
                doc.line_of(key_path),
                _field_label(doc, key_path),
                f"the key '{key_path[-1]}' is repeated (first on line {first_line})",
                "keep one of the two; YAML would silently drop the first",
            )
            for key_path, first_line in doc.repeated_keys
        ] + _schema_errors(doc, validators[kind])
        errors += file_errors
        if not file_errors:
            errors += _text_errors(doc)
            docs[kind] = doc
    if errors:
        raise FactStoreError(errors)
    errors = _id_errors(docs)
    if errors:
        raise FactStoreError(errors)
    categories: dict[str, dict[str, Category]] = {}
    for item in docs["categories"].data:
        categories.setdefault(item["kind"], {})[item["id"]] = Category(
            item["kind"], item["id"], _localized(item["name"]), _localized(item["description"])
        )
    records = {
        kind: {item["id"]: _build_record(kind, item, docs[kind], index) for index, item in enumerate(docs[kind].data)}
        for kind in RECORD_TYPES
    }
    store = FactStore(records=records, categories=categories)
    errors = _reference_errors(store, docs)
    if errors:
        raise FactStoreError(errors)
    return store


@cache
def _load_cached(facts_dir: Path, stamp: tuple[tuple[str, int, int], ...]) -> FactStore:
    return load_facts(facts_dir)


def load_facts_cached(facts_dir: Path = FACTS_DIR) -> FactStore:
    """load_facts, reused while no fact file changes (mkdocs calls it once per language)."""
    stamp = tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in sorted(facts_dir.glob("*.y*ml")))
    return _load_cached(facts_dir, stamp)


def main(argv: list[str]) -> int:
    facts_dir = Path(argv[0]) if argv else FACTS_DIR
    try:
        store = load_facts(facts_dir)
    except FactStoreError as err:
        print(err, file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(store.records[kind])} {kind}" for kind in RECORD_TYPES)
    print(f"The fact store is valid: {counts}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
