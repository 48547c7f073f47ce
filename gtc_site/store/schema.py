"""The fact store's JSON Schema (facts/schema/), and its errors worded for contributors."""

from __future__ import annotations

import difflib
import json
import re
from pathlib import Path
from typing import Any

import jsonschema

from gtc_site.store.errors import FactError, shorten
from gtc_site.store.model import LANGUAGES, RECORD_TYPES
from gtc_site.store.read_yaml import FieldPath, YamlDocument, format_path

FILE_KINDS = ("categories", *RECORD_TYPES)
# A bare year (2017) is read by YAML as a number; these fields hold dates, kept as text.
DATE_FIELDS = ("date", "as_of", "end_date")
# Text must have something visible: not only spaces or zero-width characters (facts/schema/common.schema.json).
TEXT_PATTERN = "[^\\s\\u200b-\\u200d\\u2060\\ufeff]"


def schema_validators(schema_dir: Path) -> dict[str, jsonschema.protocols.Validator]:
    """One validator per fact file, with every $ref inlined."""
    schemas = {p.name: json.loads(p.read_text(encoding="utf-8")) for p in schema_dir.glob("*.json")}
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


def suggest(word: str, choices: list[str]) -> str:
    close = difflib.get_close_matches(word, choices, n=1, cutoff=0.6)
    return f"did you mean '{close[0]}'?" if close else ""


Explained = tuple[FieldPath, str, str]  # (path, problem, fix)
NOT_A_DATE = "write YYYY, YYYY-MM or YYYY-MM-DD"
EMPTY_TEXT = ("the text is empty", "write the text (it may not be only spaces)")


def _explain(error: jsonschema.ValidationError) -> list[Explained]:
    """Turn a JSON Schema error into what a contributor can act on."""
    path = tuple(error.absolute_path)
    rule = error.validator
    # Values are quoted in messages, never at length (a 5 MB value stays one line).
    value = shorten(error.instance) if isinstance(error.instance, str) else error.instance
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
                fix = suggest(key, allowed) or f"remove it; allowed fields: {', '.join(allowed)}"
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
        return [(path, f"expected {expected} but found {type(value).__name__} {shorten(repr(value), 160)}", fix)]
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
        hint = suggest(str(value), options)
        return [(path, f"'{value}' is not one of: {', '.join(options)}", hint or "pick one of the listed values")]
    if rule == "maxLength":
        limit = error.validator_value
        fix = "shorten the id" if leaf == "id" else "shorten it: names are short and descriptions are one sentence"
        return [(path, f"the text is {len(error.instance)} characters long (limit {limit})", fix)]
    if rule == "uniqueItems":
        return [(path, "the list has the same entry twice", "remove the repeated entry")]
    return [(path, shorten(error.message, 200), "correct the value to match the schema")]


def field_label(doc: YamlDocument, path: FieldPath) -> str:
    """'nim.name.zh' when the record has an id, else '[3].name.zh'."""
    if not path or not isinstance(path[0], int) or not isinstance(doc.data, list):
        return format_path(path)
    record = doc.data[path[0]] if path[0] < len(doc.data) else None
    record_id = record.get("id") if isinstance(record, dict) else None
    head = shorten(record_id, 80) if isinstance(record_id, str) and record_id else f"[{path[0]}]"
    rest = format_path(path[1:])
    return head + ("" if not rest else rest if rest.startswith("[") else f".{rest}")


def schema_errors(doc: YamlDocument, validator: jsonschema.protocols.Validator) -> list[FactError]:
    if doc.data is None:
        return [FactError(doc.file, 1, "", "the file is empty", "add a list of records, each starting with '- id: '")]
    errors: dict[FactError, None] = {}  # the same problem can come from two parts of the schema
    for error in validator.iter_errors(doc.data):
        for path, problem, fix in _explain(error):
            errors[FactError(doc.file, doc.line_of(path), field_label(doc, path), problem, fix)] = None
    return list(errors)
