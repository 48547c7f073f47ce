"""Write the generated pages of every language into docs/<lang>/.

Run on its own: `python -m scripts.generate_pages` (the mkdocs hook calls the same code).
A file is rewritten only when its text changes, so `mkdocs serve` does not rebuild in a
loop, and a generated file whose record is gone is deleted. Generated files carry
`generated_from:` in their front matter and are ignored by git.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from scripts.crossrefs import KINDS, find_crossrefs
from scripts.fact_errors import FactStoreError
from scripts.fact_model import LANGUAGES, FactStore
from scripts.load_facts import ROOT, load_facts_cached
from scripts.page_files import write_if_changed
from scripts.render_pages import Backlinks, render_language_pages
from scripts.traditional_chinese import write_traditional_edition

DOCS_DIR = ROOT / "docs"
GENERATED_MARK = re.compile(r"\A---\n(?:.*\n)*?(?:generated|converted)_from: ", re.MULTILINE)
_TITLE = re.compile(r"^# (.+?)(?:\s*\{[^}]*\})?\s*$", re.MULTILINE)


def is_generated(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        head = handle.read(1024)
    return bool(GENERATED_MARK.match(head))


def hand_written_pages(lang_dir: Path) -> list[Path]:
    return sorted(p for p in lang_dir.rglob("*.md") if not is_generated(p))


def collect_backlinks(lang_dir: Path) -> Backlinks:
    """record id -> hand-written pages (path, title) that cite it, each page once."""
    backlinks: Backlinks = {}
    for path in hand_written_pages(lang_dir):
        text = path.read_text(encoding="utf-8")
        match = _TITLE.search(text)
        title = match.group(1) if match else path.stem
        relative = path.relative_to(lang_dir).as_posix()
        for kind, record_id in dict.fromkeys(find_crossrefs(text)):
            if kind in KINDS:
                pages = backlinks.setdefault(record_id, [])
                if (relative, title) not in pages:
                    pages.append((relative, title))
    return backlinks


def write_generated_pages(store: FactStore, docs_dir: Path = DOCS_DIR) -> list[Path]:
    """Generate every language's pages, then the Traditional edition from the Simplified pages;
    return the files that were written or deleted."""
    changed: list[Path] = []
    for lang in LANGUAGES:
        lang_dir = docs_dir / lang
        pages = render_language_pages(store, lang, collect_backlinks(lang_dir))
        wanted = {lang_dir / relative for relative in pages}
        for path in lang_dir.rglob("*.md"):
            if path not in wanted and is_generated(path):
                path.unlink()
                changed.append(path)
        for relative, text in pages.items():
            if write_if_changed(lang_dir / relative, text):
                changed.append(lang_dir / relative)
    return changed + write_traditional_edition(docs_dir)


def main() -> int:
    try:
        store = load_facts_cached()
    except FactStoreError as err:
        print(err, file=sys.stderr)
        return 1
    changed = write_generated_pages(store)
    print(f"Generated pages are up to date ({len(changed)} file(s) written or removed).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
