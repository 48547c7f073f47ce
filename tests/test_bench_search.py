"""The search benchmark's baseline is really the stock setup: one index with every language."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.bench_search import index_path, merged_index


def test_baseline_index_holds_both_languages_with_their_paths(site: Path) -> None:
    merged = merged_index(site)
    english = json.loads(index_path(site, "en").read_text(encoding="utf-8"))["docs"]
    chinese = json.loads(index_path(site, "zh").read_text(encoding="utf-8"))["docs"]
    assert len(merged["docs"]) == len(english) + len(chinese)
    assert {"organizations/nvidia/", "zh/organizations/nvidia/"} <= {d["location"] for d in merged["docs"]}
    assert merged["config"]["lang"] == ["en", "zh"]
