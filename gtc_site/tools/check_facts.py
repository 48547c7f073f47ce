"""Check the fact store on its own: `python -m gtc_site.tools.check_facts [facts_dir]` (make facts).

Validates every fact file, the Traditional edition's phrase table and its never list, and
prints every problem as file:line: field: problem — fix (exit 1), or what the store holds.
"""

from __future__ import annotations

import dataclasses
import sys
from collections.abc import Iterator
from pathlib import Path

from gtc_site import paths
from gtc_site.i18n.strings import STRINGS
from gtc_site.i18n.traditional import phrase_table_problems, read_never_list, read_phrase_table
from gtc_site.store.errors import FactError, FactStoreError
from gtc_site.store.load import load_facts
from gtc_site.store.model import RECORD_TYPES, FactStore, Localized

PHRASE_TABLE = "facts/translation/zh-Hant.yml"
NEVER_LIST = "facts/translation/zh-Hant-never.yml"


def _chinese(value: object) -> Iterator[str]:
    if isinstance(value, Localized):
        yield value.zh
    elif isinstance(value, str):
        yield value
    elif isinstance(value, tuple):
        for item in value:
            yield from _chinese(item)
    elif dataclasses.is_dataclass(value):
        for field in dataclasses.fields(value):
            yield from _chinese(getattr(value, field.name))


def simplified_text(store: FactStore) -> str:
    """All the Simplified text the Traditional edition is made from: pages, records, strings, site settings."""
    texts = [path.read_text(encoding="utf-8") for path in sorted((paths.docs_dir() / "zh").rglob("*.md"))]
    texts += [text for record in store.by_id.values() for text in _chinese(record)]
    texts += [text for kind in store.categories.values() for c in kind.values() for text in _chinese(c)]
    texts += [words["zh"] for words in STRINGS.values()]
    texts.append((paths.ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    return "\n".join(texts)


def translation_problems(store: FactStore) -> list[FactError]:
    try:
        phrases = read_phrase_table(paths.ROOT / PHRASE_TABLE, PHRASE_TABLE)
        never = read_never_list(paths.ROOT / NEVER_LIST, NEVER_LIST)
    except FactStoreError as err:
        return err.errors
    return phrase_table_problems(phrases, never, simplified_text(store), PHRASE_TABLE)


def main(argv: list[str]) -> int:
    try:
        store = load_facts(Path(argv[0]) if argv else None)
    except FactStoreError as err:
        print(err, file=sys.stderr)
        return 1
    # The phrase table belongs to the repository's store and pages, not to a store given by path.
    problems = [] if argv else translation_problems(store)
    if problems:
        print(FactStoreError(problems), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(store.records[kind])} {kind}" for kind in RECORD_TYPES)
    print(f"The fact store is valid: {counts}; the Traditional phrase table and never list are too.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
