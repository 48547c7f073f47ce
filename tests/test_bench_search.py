"""The search benchmark's baseline is really the stock setup: one index with every language."""

from __future__ import annotations

import json
from pathlib import Path

from benchmarks.bench_search import LANGUAGES, index_path, merged_index


def test_baseline_index_holds_every_language_with_their_paths(site: Path) -> None:
    merged = merged_index(site)
    own = {lang: json.loads(index_path(site, lang).read_text(encoding="utf-8"))["docs"] for lang in LANGUAGES}
    assert len(merged["docs"]) == sum(len(docs) for docs in own.values())
    locations = {d["location"] for d in merged["docs"]}
    assert {"organizations/nvidia/", "zh/organizations/nvidia/", "zh-Hant/organizations/nvidia/"} <= locations
    # lunr has no zh-Hant of its own: the Traditional edition is searched as zh.
    assert merged["config"]["lang"] == ["en", "zh"]
    # Without the fields only our split adds.
    assert "cites" not in merged["config"]["fields"]
    assert not any("cites" in d for d in merged["docs"])
