"""The fact store as downloads: facts.json, one CSV per table, and the JSON Schema.

Written into the built site's downloads/ folder after each build. Values are as stored:
numbers in base units (dollars, not billions), dates as YYYY[-MM[-DD]].
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import fields
from pathlib import Path
from typing import Any

from scripts.fact_model import RECORD_TYPES, FactStore, Localized, Record

DOWNLOADS = "downloads"
SCHEMA_DIR = Path(__file__).resolve().parent.parent / "facts" / "schema"
# Where a record came from is for error messages, not for readers of the data.
_INTERNAL = {"file", "line"}
LIST_SEPARATOR = " | "


def _columns(kind: str) -> list[str]:
    return [f.name for f in fields(RECORD_TYPES[kind]) if f.name not in _INTERNAL]


def _is_bilingual(kind: str, name: str) -> bool:
    return "Localized" in str(next(f.type for f in fields(RECORD_TYPES[kind]) if f.name == name))


def record_json(record: Record) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in _columns(record.kind):
        value = getattr(record, name)
        if isinstance(value, Localized):
            value = {"en": value.en, "zh": value.zh}
        elif isinstance(value, tuple):
            value = list(value)
        if value is not None and value != []:
            out[name] = value
    return out


def facts_json(store: FactStore) -> str:
    data: dict[str, Any] = {kind: [record_json(r) for r in store.of_kind(kind)] for kind in RECORD_TYPES}
    data["categories"] = [
        {
            "kind": c.kind,
            "id": c.id,
            "name": {"en": c.name.en, "zh": c.name.zh},
            "description": {"en": c.description.en, "zh": c.description.zh},
        }
        for kind in store.categories.values()
        for c in kind.values()
    ]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def csv_header(kind: str) -> list[str]:
    """A bilingual field becomes two columns (name_en, name_zh)."""
    header = []
    for name in _columns(kind):
        header += [f"{name}_en", f"{name}_zh"] if _is_bilingual(kind, name) else [name]
    return header


def table_csv(store: FactStore, kind: str) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(csv_header(kind))
    for record in store.of_kind(kind):
        row: list[Any] = []
        for name in _columns(kind):
            value = getattr(record, name)
            if _is_bilingual(kind, name):
                row += [value.en, value.zh] if value is not None else ["", ""]
            elif isinstance(value, tuple):
                row.append(LIST_SEPARATOR.join(value))
            else:
                row.append("" if value is None else f"{value:g}" if isinstance(value, float) else value)
        writer.writerow(row)
    return buffer.getvalue()


def download_files(store: FactStore) -> dict[str, str]:
    """{file name: text} of every download except the schema files."""
    files = {"facts.json": facts_json(store)}
    files.update({f"{kind}.csv": table_csv(store, kind) for kind in RECORD_TYPES})
    return files


def write_downloads(store: FactStore, site_dir: Path) -> None:
    target = site_dir / DOWNLOADS
    target.mkdir(parents=True, exist_ok=True)
    for name, text in download_files(store).items():
        # UTF-8 with a byte-order mark for CSV: spreadsheet programs then read the Chinese correctly.
        encoding = "utf-8-sig" if name.endswith(".csv") else "utf-8"
        (target / name).write_text(text, encoding=encoding)
    shutil.copytree(SCHEMA_DIR, target / "schema", dirs_exist_ok=True)
