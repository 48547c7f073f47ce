"""Check the fact store on its own: `python -m gtc_site.tools.check_facts [facts_dir]` (make facts).

Prints every problem as file:line: field: problem — fix and exits 1, or prints what the
store holds and exits 0.
"""

from __future__ import annotations

import sys
from pathlib import Path

from gtc_site.store.errors import FactStoreError
from gtc_site.store.load import load_facts
from gtc_site.store.model import RECORD_TYPES


def main(argv: list[str]) -> int:
    try:
        store = load_facts(Path(argv[0]) if argv else None)
    except FactStoreError as err:
        print(err, file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(store.records[kind])} {kind}" for kind in RECORD_TYPES)
    print(f"The fact store is valid: {counts}.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
