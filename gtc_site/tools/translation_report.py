"""Write the Traditional edition's review report: `python -m gtc_site.tools.translation_report [out.md]`.

Lists every distinct word OpenCC's Taiwan phrasing would change in the Simplified text the
edition is converted from (hand-written pages and the generated ones), with counts, an
example line and the decision of facts/translation/zh-Hant.yml, so a reviewer reads each
once and records the decision there (or on the never list).
"""

from __future__ import annotations

import sys
from pathlib import Path

from gtc_site import paths
from gtc_site.i18n.conversion_report import conversion_report
from gtc_site.i18n.languages import SOURCE_OF_TRADITIONAL
from gtc_site.i18n.traditional import TraditionalConverter, read_never_list, read_phrase_table
from gtc_site.publish.generated_pages import generated_pages
from gtc_site.store.errors import FactStoreError
from gtc_site.store.load import load_facts
from gtc_site.tools.write_pages import hand_written_pages


def main(argv: list[str]) -> int:
    target = Path(argv[0]) if argv else paths.ROOT / ".cache" / "zh-Hant-conversion.md"
    try:
        store = load_facts()
        phrases = read_phrase_table(paths.translation_dir() / "zh-Hant.yml", "facts/translation/zh-Hant.yml")
        never = read_never_list(paths.translation_dir() / "zh-Hant-never.yml", "facts/translation/zh-Hant-never.yml")
    except FactStoreError as err:
        print(err, file=sys.stderr)
        return 1
    table = {p.simplified: p.traditional for p in phrases}
    hand_written = hand_written_pages(paths.docs_dir())
    pages = {**hand_written, **generated_pages(store, hand_written, TraditionalConverter(table))}
    simplified = {f"docs/{path}": text for path, text in pages.items() if path.startswith(f"{SOURCE_OF_TRADITIONAL}/")}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(conversion_report(simplified, table, [e.wrong for e in never]), encoding="utf-8")
    print(f"Wrote {target}: every word the conversion would change in {len(simplified)} Simplified pages.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
