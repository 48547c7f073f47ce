"""Load the fact store: read every YAML file, validate it, build the typed model.

Run on its own to check the store: `python -m scripts.load_facts [facts_dir]`.
Every problem is reported as file:line: field: problem — fix, and the exit code is 1.
"""

from __future__ import annotations

import datetime
import difflib
import json
import math
import os
import re
import sys
from dataclasses import fields
from functools import lru_cache
from pathlib import Path
from typing import Any

import jsonschema

from scripts.fact_errors import FactError, FactStoreError
from scripts.fact_model import LANGUAGES, RECORD_TYPES, Category, FactStore, Localized, Record
from scripts.read_yaml import INVISIBLE_CHARACTER, FieldPath, YamlDocument, format_path, read_yaml

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
# A bare year (2017) is read by YAML as a number; these fields hold dates, kept as text.
DATE_FIELDS = ("date", "as_of", "end_date")
# Text must have something visible: not only spaces or zero-width characters (facts/schema/common.schema.json).
TEXT_PATTERN = "[^\\s\\u200b-\\u200d\\u2060\\ufeff]"
VALID_ID = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# Converter residue from the source article: a Han character followed by (pinyin).
PINYIN_RESIDUE = re.compile(r"[\u4e00-\u9fff]\([a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜü]{1,7}\)")


def _schema_validators() -> dict[str, jsonschema.protocols.Validator]:
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.json")}
    names = {kind: f"{kind}.schema.json" for kind in FILE_KINDS}
    return {
        kind: jsonschema.Draft202012Validator(_inline_refs(schemas[name], name, schemas))
        for kind, name in names.items()
    }


def _inline_refs(node: Any, file: str, schemas: dict[str, Any]) -> Any:
    """node with every $ref replaced by the schema it points to.

    Resolving a reference for each field of each record was half the validation time of a
    large store; the schemas have no recursive references, so they can be inlined once.
    A $ref beside other keywords becomes an allOf, which 2020-12 evaluates the same way.
    """
    if isinstance(node, list):
        return [_inline_refs(item, file, schemas) for item in node]
    if not isinstance(node, dict):
        return node
    rest = {key: _inline_refs(value, file, schemas) for key, value in node.items() if key != "$ref"}
    if "$ref" not in node:
        return rest
    target_file, _, pointer = node["$ref"].partition("#")
    target_file = target_file or file
    target = schemas[target_file]
    for part in filter(None, pointer.split("/")):
        target = target[part]
    target = _inline_refs(target, target_file, schemas)
    return {"allOf": [target], **rest} if rest else target


def _suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


Explained = tuple[FieldPath, str, str]  # (path, problem, fix)
NOT_A_DATE = "write YYYY, YYYY-MM or YYYY-MM-DD"
EMPTY_TEXT = ("the text is empty", "write the text (it may not be only spaces)")


def _explain(error: jsonschema.ValidationError) -> list[Explained]:
    """Turn a JSON Schema error into what a contributor can act on."""
    path = tuple(error.absolute_path)
    value, rule = error.instance, error.validator
    leaf = path[-1] if path else ""
    if leaf in DATE_FIELDS and rule in ("type", "minimum", "maximum"):
        return [(path, f"'{value}' is not a valid date", NOT_A_DATE)]
    if rule == "required":
        missing = re.match(r"'(.+)' is a required property", error.message)
        name = missing.group(1) if missing else str(error.validator_value)
        if name in LANGUAGES:
            language = "English" if name == "en" else "Chinese"
            return [((*path, name), f"the {language} text is missing", f"add '{name}:' with the {language} text")]
        return [((*path, name), f"the required field '{name}' is missing", f"add '{name}:' to this record")]
    if rule == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        out = []
        for key in (str(key) for key in value if key not in allowed):
            if set(allowed) == set(LANGUAGES) and " " in key:
                # {en: Good, as expected, zh: …}: the comma ended the English text early.
                fix = 'text with a comma inside { } must be quoted, e.g. en: "Good, as expected"'
            else:
                fix = _suggest(key, allowed) or f"remove it; allowed fields: {', '.join(allowed)}"
            out.append(((*path, key), f"unknown field '{key}'", fix))
        return out
    if rule == "type":
        expected = error.validator_value
        if value is None and expected == "string":
            return [(path, *EMPTY_TEXT)]
        if expected == "number":
            fix = "write a number without quotes or units"
        elif expected == "string":
            fix = "put the text in quotes"
        else:
            fix = f"write it as a YAML {'mapping (key: value lines)' if expected == 'object' else expected}"
        return [(path, f"expected {expected} but found {type(value).__name__} {value!r}", fix)]
    if rule == "pattern":
        pattern = error.validator_value
        if pattern == TEXT_PATTERN:
            return [(path, *EMPTY_TEXT)]
        if pattern.startswith("^[a-z0-9]+"):
            return [
                (
                    path,
                    f"'{value}' is not a valid id",
                    "use lowercase ASCII letters, digits and single hyphens, e.g. 'jetson-thor'",
                )
            ]
        if pattern.startswith("^[0-9]{4}"):
            return [(path, f"'{value}' is not a valid date", NOT_A_DATE)]
        if pattern.startswith("^https://"):
            return [
                (
                    path,
                    f"'{value}' is not a plain https address",
                    "use a full https:// address without spaces or quotes",
                )
            ]
        return [(path, f"'{value}' does not match {pattern}", "correct the value")]
    if rule == "enum":
        options = [str(option) for option in error.validator_value]
        hint = _suggest(str(value), options)
        return [(path, f"'{value}' is not one of: {', '.join(options)}", hint or "pick one of the listed values")]
    if rule == "maxLength":
        limit = error.validator_value
        fix = "shorten the id" if leaf == "id" else "shorten it: names are short and descriptions are one sentence"
        return [(path, f"the text is {len(value)} characters long (limit {limit})", fix)]
    if rule == "uniqueItems":
        return [(path, "the list has the same entry twice", "remove the repeated entry")]
    return [(path, error.message, "correct the value to match the schema")]


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
        return [FactError(doc.file, 1, "", "the file is empty", "add a list of records, each starting with '- id: '")]
    errors: dict[FactError, None] = {}  # the same problem can come from two parts of the schema
    for error in validator.iter_errors(doc.data):
        for path, problem, fix in _explain(error):
            errors[FactError(doc.file, doc.line_of(path), _field_label(doc, path), problem, fix)] = None
    return list(errors)


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


def _value_errors(doc: YamlDocument) -> list[FactError]:
    """What the schema cannot say: clean text, real calendar dates, finite numbers."""
    errors = []

    def report(path: FieldPath, problem: str, fix: str) -> None:
        errors.append(FactError(doc.file, doc.line_of(path), _field_label(doc, path), problem, fix))

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
        fix = _suggest(record.category, options) or (
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
                    _suggest(related_id, all_ids) or "add that record first, or remove the id",
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
                    _suggest(target, candidates) or f"use the id of one of the {wanted}",
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
    date, end_date = getattr(record, "date", None), getattr(record, "end_date", None)
    if date and end_date and end_date < date:
        problems.append((("end_date",), f"end_date {end_date} is before date {date}", "swap the two dates"))
    return problems


def _reference_errors(store: FactStore, docs: dict[str, YamlDocument], known: set[str] | None) -> list[FactError]:
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
                errors.append(FactError(doc.file, doc.line_of(full), _field_label(doc, full), problem, fix))
    return errors


def _ids(doc: YamlDocument) -> list[tuple[int, dict]]:
    """(index, item) of every record of doc that has a text id, valid or not."""
    return [(i, item) for i, item in enumerate(doc.data) if isinstance(item, dict) and isinstance(item.get("id"), str)]


def _id_errors(docs: dict[str, YamlDocument]) -> list[FactError]:
    errors = []
    first_seen: dict[tuple[str, str], str] = {}
    for kind, doc in docs.items():
        for index, item in _ids(doc):
            key = (str(item.get("kind")), item["id"]) if kind == "categories" else ("record", item["id"])
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


def _read_problems(doc: YamlDocument) -> list[FactError]:
    return [
        FactError(doc.file, line, _field_label(doc, path), problem, fix) for path, line, problem, fix in doc.problems
    ]


def load_facts(facts_dir: Path = FACTS_DIR) -> FactStore:
    """Read and validate facts_dir; raise FactStoreError listing every problem.

    Each file is read and checked on its own, then ids are checked across every file that
    could be read, then references from every valid record: a contributor sees all that is
    wrong in one run, without follow-on errors from a file that could not be read.
    """
    validators = _schema_validators()
    expected = {f"{kind}.yml" for kind in FILE_KINDS}
    errors = [
        FactError(
            f"facts/{path.name}",
            1,
            "",
            "this file is not part of the fact store",
            f"move its records into one of: {', '.join(sorted(expected))}",
        )
        for path in sorted(facts_dir.glob("*.y*ml"))
        if path.name not in expected
    ]
    parsed: dict[str, YamlDocument] = {}  # read as a list of records
    valid: dict[str, YamlDocument] = {}  # and passed every check of its own
    for kind in FILE_KINDS:
        path, display = facts_dir / f"{kind}.yml", f"facts/{kind}.yml"
        if not path.exists():
            errors.append(FactError(display, 0, "", "the file is missing", f"create {display} with a list of records"))
            continue
        doc, read_errors = read_yaml(path, display)
        errors += read_errors
        if doc is None:
            continue
        file_errors = _read_problems(doc) or _schema_errors(doc, validators[kind])
        file_errors = file_errors or _value_errors(doc)
        errors += file_errors
        if isinstance(doc.data, list):
            parsed[kind] = doc
            if not file_errors:
                valid[kind] = doc
    errors += _id_errors(parsed)
    every_file_read = len(parsed) == len(FILE_KINDS)
    records = [doc for kind, doc in parsed.items() if kind != "categories"]
    known = {item["id"] for doc in records for _, item in _ids(doc)} if every_file_read else None
    store = _build_store(valid)
    errors += _reference_errors(store, valid, known)
    if errors:
        raise FactStoreError(errors)
    return store


def _build_store(docs: dict[str, YamlDocument]) -> FactStore:
    """The model of every valid file; a repeated id keeps its first record."""
    # Without a valid categories file no record's category can be checked: leave them all out.
    categories: dict[str, dict[str, Category]] = {}
    if "categories" in docs:
        categories = {kind: {} for kind in RECORD_TYPES}
        for item in docs["categories"].data:
            categories.setdefault(item["kind"], {}).setdefault(
                item["id"],
                Category(item["kind"], item["id"], _localized(item["name"]), _localized(item["description"])),
            )
    records: dict[str, dict[str, Record]] = {kind: {} for kind in RECORD_TYPES}
    taken: set[str] = set()
    for kind in RECORD_TYPES:
        for index, item in enumerate(docs[kind].data if kind in docs else []):
            if item["id"] not in taken:
                taken.add(item["id"])
                records[kind][item["id"]] = _build_record(kind, item, docs[kind], index)
    return FactStore(records=records, categories=categories)


@lru_cache(maxsize=1)  # under mkdocs serve, the store of the last edit only
def _load_cached(facts_dir: Path, stamp: tuple[tuple[str, int, int], ...]) -> FactStore:
    return load_facts(facts_dir)


_current: FactStore | None = None


def load_facts_cached(facts_dir: Path = FACTS_DIR) -> FactStore:
    """load_facts, reused while no fact file changes (a build asks for it at several of its steps)."""
    stats = ((p.name, p.stat()) for p in sorted(facts_dir.glob("*.y*ml")))
    stamp = tuple((name, stat.st_mtime_ns, stat.st_size) for name, stat in stats)
    global _current
    _current = _load_cached(facts_dir, stamp)
    return _current


def current_facts() -> FactStore:
    """The store load_facts_cached last returned.

    Page hooks run thousands of times per build, after the build's pre-build hook has loaded
    (or reloaded) the store: they use that store instead of checking every fact file again.
    """
    if _current is None:
        raise RuntimeError("the fact store is not loaded yet: call load_facts_cached first")
    return _current


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
