"""The fact store as downloads: facts.json, one CSV per table, and the JSON Schema.

Written into the built site's downloads/ folder after each build. Values are as stored:
numbers in base units (dollars, not billions), dates as YYYY[-MM[-DD]].
"""

from __future__ import annotations

import csv
import io
import json
import shutil
from dataclasses import fields, is_dataclass
from pathlib import Path
from typing import Any

from gtc_site import paths
from gtc_site.i18n.traditional import TraditionalConverter
from gtc_site.render.pages import DOWNLOADS
from gtc_site.store.model import RECORD_TYPES, FactStore, Localized, Record

# Where a record came from is for error messages, not for readers of the data.
_INTERNAL = {"file", "line"}
LIST_SEPARATOR = " | "


def _columns(kind: str) -> list[str]:
    return [f.name for f in fields(RECORD_TYPES[kind]) if f.name not in _INTERNAL]


def _is_bilingual(kind: str, name: str) -> bool:
    return "Localized" in str(next(f.type for f in fields(RECORD_TYPES[kind]) if f.name == name))


class DataExport:
    """The store as data, with the zh-Hant text the Traditional edition shows (generated at
    each build, never stored): quotes in script only, everything else as the edition reads."""

    def __init__(self, store: FactStore, converter: TraditionalConverter) -> None:
        self.store = store
        self.converter = converter

    def _languages(self, value: Localized, name: str) -> dict[str, str]:
        convert = self.converter.quote if name == "text" else self.converter.text
        return {"en": value.en, "zh": value.zh, "zh-Hant": convert(value.zh)}

    def _json_value(self, value: Any, name: str) -> Any:
        if isinstance(value, Localized):
            return self._languages(value, name)
        if isinstance(value, tuple):
            return [self._json_value(item, name) for item in value]
        if is_dataclass(value):
            items = ((f.name, self._json_value(getattr(value, f.name), f.name)) for f in fields(value))
            return {key: item for key, item in items if item is not None}
        return value

    def record_json(self, record: Record) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in _columns(record.kind):
            value = self._json_value(getattr(record, name), name)
            if value is not None and value != []:
                out[name] = value
        return out

    def facts_json(self) -> str:
        store = self.store
        data: dict[str, Any] = {kind: [self.record_json(r) for r in store.of_kind(kind)] for kind in RECORD_TYPES}
        data["categories"] = [
            {
                "kind": c.kind,
                "id": c.id,
                "name": self._languages(c.name, "name"),
                "description": self._languages(c.description, "description"),
            }
            for kind in store.categories.values()
            for c in kind.values()
        ]
        return json.dumps(data, ensure_ascii=False, indent=1) + "\n"

    def _cells(self, kind: str, name: str, value: Any) -> list[Any]:
        if _is_bilingual(kind, name):
            return list(self._languages(value, name).values()) if value is not None else ["", "", ""]
        if name == "locator":
            return [value.section, value.words or "", value.words_en or ""] if value else ["", "", ""]
        if name == "sections":
            return [LIST_SEPARATOR.join(f"{s.number}: {s.original}" for s in value)]
        if isinstance(value, tuple):
            return [LIST_SEPARATOR.join(value)]
        return ["" if value is None else f"{value:g}" if isinstance(value, float) else value]

    def table_csv(self, kind: str) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(csv_header(kind))
        for record in self.store.of_kind(kind):
            writer.writerow(
                [cell for name in _columns(kind) for cell in self._cells(kind, name, getattr(record, name))]
            )
        return buffer.getvalue()


def csv_header(kind: str) -> list[str]:
    """A bilingual field becomes three columns (name_en, name_zh, name_zh_hant); a locator three
    (locator_section, locator_words, locator_words_en)."""
    header = []
    for name in _columns(kind):
        if _is_bilingual(kind, name):
            header += [f"{name}_en", f"{name}_zh", f"{name}_zh_hant"]
        elif name == "locator":
            header += ["locator_section", "locator_words", "locator_words_en"]
        else:
            header.append(name)
    return header


def download_files(store: FactStore, converter: TraditionalConverter) -> dict[str, str]:
    """{file name: text} of every download except the schema files."""
    export = DataExport(store, converter)
    files = {"facts.json": export.facts_json()}
    files.update({f"{kind}.csv": export.table_csv(kind) for kind in RECORD_TYPES})
    return files


def write_downloads(store: FactStore, converter: TraditionalConverter, site_dir: Path) -> None:
    target = site_dir / DOWNLOADS
    target.mkdir(parents=True, exist_ok=True)
    for name, text in download_files(store, converter).items():
        # UTF-8 with a byte-order mark for CSV: spreadsheet programs then read the Chinese correctly.
        encoding = "utf-8-sig" if name.endswith(".csv") else "utf-8"
        (target / name).write_text(text, encoding=encoding)
    shutil.copytree(paths.schema_dir(), target / "schema", dirs_exist_ok=True)
