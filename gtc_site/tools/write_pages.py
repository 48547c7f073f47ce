"""Write every generated page into a folder, to read them: `python -m gtc_site.tools.write_pages generated`.

The build hands the same pages to MkDocs in memory and never reads this folder. A file is
rewritten only when its text changed, and files of records that are gone are removed.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gtc_site import paths
from gtc_site.i18n.traditional import TraditionalConverter, read_phrase_table
from gtc_site.publish.files import write_if_changed
from gtc_site.publish.generated_pages import generated_pages, is_generated_path
from gtc_site.store.errors import FactStoreError
from gtc_site.store.load import load_facts
from gtc_site.store.model import LANGUAGES


def hand_written_pages(docs_dir: Path) -> dict[str, str]:
    """{docs path: Markdown} of the pages contributors write."""
    pages = {}
    for lang in LANGUAGES:
        for path in sorted((docs_dir / lang).rglob("*.md")):
            relative = path.relative_to(docs_dir).as_posix()
            if not is_generated_path(relative):
                pages[relative] = path.read_text(encoding="utf-8")
    return pages


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else paths.ROOT / "generated"
    try:
        store = load_facts()
        phrases = read_phrase_table(paths.translation_dir() / "zh-Hant.yml", "facts/translation/zh-Hant.yml")
    except FactStoreError as err:
        print(err, file=sys.stderr)
        return 1
    converter = TraditionalConverter({p.simplified: p.traditional for p in phrases})
    pages = generated_pages(store, hand_written_pages(paths.docs_dir()), converter)
    written = sum(write_if_changed(target / path, text) for path, text in pages.items())
    stale = [p for p in target.rglob("*.md") if p.relative_to(target).as_posix() not in pages]
    for path in stale:
        path.unlink()
    print(f"{len(pages)} generated pages in {target}/ ({written} written, {len(stale)} removed).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
