"""Load the fact store: read every YAML file, validate it, build the typed model.

`python -m gtc_site.tools.check_facts [facts_dir]` runs this on its own. Every problem is
reported as file:line: field: problem — fix. Nothing here knows about MkDocs, OpenCC or
jieba: the store can be used and tested without them.
"""

from __future__ import annotations

from dataclasses import fields
from pathlib import Path
from typing import Any

from gtc_site import paths
from gtc_site.store.checks import duplicated_ids, id_errors, read_problems, record_ids, reference_errors, value_errors
from gtc_site.store.errors import FactError, FactStoreError
from gtc_site.store.model import (
    LANGUAGES,
    RECORD_TYPES,
    Category,
    FactStore,
    Localized,
    Locator,
    Record,
    SourceSection,
)
from gtc_site.store.read_yaml import YamlDocument, read_yaml
from gtc_site.store.schema import DATE_FIELDS, FILE_KINDS, schema_errors, schema_validators


def _localized(value: Any) -> Any:
    return Localized(**value) if isinstance(value, dict) and set(value) == set(LANGUAGES) else value


def _build_record(kind: str, item: dict[str, Any], doc: YamlDocument, index: int) -> Record:
    cls = RECORD_TYPES[kind]
    known = {f.name for f in fields(cls)}
    values = {key: _localized(value) for key, value in item.items() if key in known}
    for key in DATE_FIELDS:
        if isinstance(values.get(key), int):
            values[key] = str(values[key])
    for key in ("aliases", "search_variants", "related"):
        values[key] = tuple(item.get(key, ()))
    if isinstance(item.get("locator"), dict):
        values["locator"] = Locator(**item["locator"])
    if "sections" in item:
        values["sections"] = tuple(
            SourceSection(s["number"], _localized(s["name"]), s["original"]) for s in item["sections"]
        )
    values.setdefault("source", None)
    return cls(**values, file=doc.file, line=doc.line_of((index,)))


def load_facts(facts_dir: Path | None = None) -> FactStore:
    """Read and validate facts_dir; raise FactStoreError listing every problem.

    Each file is read and checked on its own, then ids are checked across every file that
    could be read, then references from every valid record: a contributor sees all that is
    wrong in one run, without follow-on errors from a file that could not be read.
    """
    facts_dir = facts_dir or paths.facts_dir()
    # A store with a schema of its own (a copy of facts/) is checked against that one.
    own_schema = facts_dir / "schema"
    validators = schema_validators(own_schema if own_schema.is_dir() else paths.schema_dir())
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
        file_errors = read_problems(doc) or schema_errors(doc, validators[kind])
        file_errors = file_errors or value_errors(doc)
        errors += file_errors
        if isinstance(doc.data, list):
            parsed[kind] = doc
            if not file_errors:
                valid[kind] = doc
    errors += id_errors(parsed)
    every_file_read = len(parsed) == len(FILE_KINDS)
    records = [doc for kind, doc in parsed.items() if kind != "categories"]
    known = {item["id"] for doc in records for _, item in record_ids(doc)} if every_file_read else None
    store = _build_store(valid)
    errors += reference_errors(store, valid, known, duplicated_ids(parsed))
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
