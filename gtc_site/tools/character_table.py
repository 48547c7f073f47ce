"""Regenerate gtc_site/store/traditional_characters.txt from OpenCC: `python -m gtc_site.tools.character_table`.

The store layer checks that zh fields are Simplified without importing OpenCC; it reads
this table, and a test fails when the table and OpenCC disagree.
"""

from __future__ import annotations

import sys
from pathlib import Path

import opencc

TABLE = Path(__file__).resolve().parents[1] / "store" / "traditional_characters.txt"
HEADER = (
    "# Characters written only in Traditional Chinese: a zh field holding one is not Simplified.\n"
    "# Generated from OpenCC (t2s) by `python -m gtc_site.tools.character_table`; never edited by hand.\n"
)
# CJK Unified Ideographs Extension A and the basic block: every character our text uses.
HAN_RANGE = range(0x3400, 0xA000)


def character_table() -> str:
    to_simplified = opencc.OpenCC("t2s")
    characters = (chr(code) for code in HAN_RANGE)
    return HEADER + "".join(c for c in characters if to_simplified.convert(c) != c) + "\n"


def main() -> int:
    TABLE.write_text(character_table(), encoding="utf-8")
    print(f"Wrote {TABLE}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
