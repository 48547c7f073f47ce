"""A fact store and hand-written pages `scale` times the real ones, for the build benchmark.

Replica 0 is the real store and the real pages, unchanged, so that scale 1 is exactly the
real site and the pages named in mkdocs.yml's nav exist. Replica N (N >= 1) copies every
record with its id suffixed (`nim` -> `nim-x7`), its names, descriptions and aliases marked
with the replica, and every id it refers to (related, source, affiliation, speaker,
stated_by) rewritten to the copy in the same replica, so references stay valid. Its
hand-written pages live under docs/<lang>/r<N>/ and cite that replica's records.
Categories are copied the same way (`hardware` -> `hardware-x7`, names marked), each
replica's records in its own copies: a site fifty times larger has more categories, not
categories fifty times longer, and a record page's sidebar lists its category's records.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from typing import Any

import yaml

from gtc_site.store.model import LANGUAGES, RECORD_TYPES
from gtc_site.store.read_yaml import read_yaml
from gtc_site.tools.write_pages import hand_written_pages

# The checkout this module belongs to, not gtc_site.paths.ROOT (wherever the imported
# package lies: a benchmark's build imports a snapshot of it).
ROOT = Path(__file__).resolve().parent.parent
FACTS_DIR = ROOT / "facts"
DOCS_DIR = ROOT / "docs"
# Fields that hold the id of another record.
REFERENCE_FIELDS = ("source", "affiliation", "speaker", "stated_by")
# A cross-reference as gtc_site/render/crossrefs.py reads it: [[kind:id]] or [[kind:id|label]].
_CROSSREF = re.compile(r"\[\[(?P<kind>[^\[\]\n:|]*):(?P<id>[^\[\]\n|]*)(?P<label>\|[^\[\]\n]*)?\]\]")
# An inline Markdown link or image target: ](target) or ](target "title").
_LINK = re.compile(r"\]\((?P<target>[^)\s]+)(?P<title>\s+\"[^\"]*\")?\)")


class _Dumper(getattr(yaml, "CSafeDumper", yaml.SafeDumper)):
    """Writes every value out in full: the strict reader refuses anchors and aliases."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def replica_id(record_id: str, replica: int) -> str:
    return record_id if replica == 0 else f"{record_id}-x{replica}"


def _mark(text: str, replica: int, brackets: bool) -> str:
    if replica == 0:
        return text
    return f"{text} (x{replica})" if brackets else f"{text} x{replica}"


def _copy_named(item: dict[str, Any], replica: int) -> dict[str, Any]:
    """A copy of a record or category with the replica's id and names."""
    copy = dict(item)
    copy["id"] = replica_id(item["id"], replica)
    copy["name"] = {lang: _mark(item["name"][lang], replica, False) for lang in LANGUAGES}
    return copy


def _copy_record(item: dict[str, Any], replica: int) -> dict[str, Any]:
    record = _copy_named(item, replica)
    record["description"] = {lang: _mark(item["description"][lang], replica, True) for lang in LANGUAGES}
    if "aliases" in item:
        record["aliases"] = [_mark(alias, replica, False) for alias in item["aliases"]]
    if "related" in item:
        record["related"] = [replica_id(related, replica) for related in item["related"]]
    for field in REFERENCE_FIELDS:
        if field in item:
            record[field] = replica_id(item[field], replica)
    if "category" in item:
        record["category"] = replica_id(item["category"], replica)
    return record


def read_records(facts_dir: Path, kind: str) -> list[dict[str, Any]]:
    """The records of facts_dir/<kind>.yml as plain data, read the way load_facts reads them."""
    doc, errors = read_yaml(facts_dir / f"{kind}.yml", f"facts/{kind}.yml")
    if doc is None or errors or not isinstance(doc.data, list):
        raise ValueError(f"cannot read {facts_dir / f'{kind}.yml'}: {errors}")
    return doc.data


def write_records(path: Path, kind: str, records: list[dict[str, Any]]) -> None:
    """Write records as a fact file that the strict reader accepts (no anchors, quoted dates)."""
    # Lists and mappings of plain values on one line, like the real files: {en: …, zh: …}.
    text = yaml.dump(
        records, Dumper=_Dumper, allow_unicode=True, sort_keys=False, width=1_000_000, default_flow_style=None
    )
    path.write_text(f"# yaml-language-server: $schema=schema/{kind}.schema.json\n{text}", encoding="utf-8")


def write_synthetic_store(target: Path, scale: int, source: Path = FACTS_DIR) -> None:
    """Write a valid store `scale` times the one in source into target (all eight files)."""
    if scale < 1:
        raise ValueError("scale must be at least 1")
    target.mkdir(parents=True, exist_ok=True)
    categories = read_records(source, "categories")
    copies = [_copy_named(item, replica) for replica in range(scale) for item in categories]
    write_records(target / "categories.yml", "categories", copies)
    for kind in RECORD_TYPES:
        records = read_records(source, kind)
        copies = [_copy_record(item, replica) for replica in range(scale) for item in records]
        write_records(target / f"{kind}.yml", kind, copies)


def record_ids(facts_dir: Path = FACTS_DIR) -> set[str]:
    """Every record id of a store, read without validating it."""
    return {item["id"] for kind in RECORD_TYPES for item in read_records(facts_dir, kind)}


def rewrite_crossrefs(markdown: str, replica: int, ids: set[str]) -> str:
    """Point every [[kind:id]] whose id is in ids at that record's copy in replica."""

    def replace(match: re.Match[str]) -> str:
        if match["id"] not in ids:
            return match.group(0)
        return f"[[{match['kind']}:{replica_id(match['id'], replica)}{match['label'] or ''}]]"

    return _CROSSREF.sub(replace, markdown)


def rewrite_links(markdown: str, page: str, replica: int, hand_written: set[str]) -> str:
    """Keep relative links valid when the page at `page` moves to r<replica>/<page>.

    A link to another hand-written page stays inside the replica (the same relative path);
    a link to a generated page (glossary, figures…) now climbs out of r<replica>/.
    """
    if replica == 0:
        return markdown
    folder, moved_folder = posixpath.dirname(page), posixpath.dirname(f"r{replica}/{page}")

    def replace(match: re.Match[str]) -> str:
        target = match["target"]
        path, hash_mark, anchor = target.partition("#")
        if not path or "://" in path or path.startswith(("/", "mailto:")):
            return match.group(0)
        resolved = posixpath.normpath(posixpath.join(folder, path))
        if resolved in hand_written:
            return match.group(0)
        moved = posixpath.relpath(resolved, moved_folder or ".")
        return f"]({moved}{hash_mark}{anchor}{match['title'] or ''})"

    return _LINK.sub(replace, markdown)


def write_synthetic_docs(
    target_docs: Path, scale: int, source_docs: Path = DOCS_DIR, source_facts: Path = FACTS_DIR
) -> list[Path]:
    """Write the hand-written pages of every replica into target_docs/<lang>/; return them.

    Replica 0 is copied as it is; replica N goes to <lang>/r<N>/ and cites replica N's ids.
    """
    if scale < 1:
        raise ValueError("scale must be at least 1")
    ids = record_ids(source_facts)
    hand_written = hand_written_pages(source_docs)
    written = []
    for lang in LANGUAGES:
        prefix = f"{lang}/"
        pages = {path[len(prefix) :]: text for path, text in hand_written.items() if path.startswith(prefix)}
        for replica in range(scale):
            for page, text in pages.items():
                path = target_docs / lang / (page if replica == 0 else f"r{replica}/{page}")
                path.parent.mkdir(parents=True, exist_ok=True)
                text = rewrite_links(rewrite_crossrefs(text, replica, ids), page, replica, set(pages))
                path.write_text(text, encoding="utf-8")
                written.append(path)
    return written
