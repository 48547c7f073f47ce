"""Shared fixtures: a small valid fact store that each test may break in one place."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

FIXTURE_FACTS = Path(__file__).parent / "fixtures" / "facts"


@pytest.fixture
def facts_dir(tmp_path: Path) -> Path:
    """A writable copy of the fixture store."""
    target = tmp_path / "facts"
    shutil.copytree(FIXTURE_FACTS, target)
    return target


def edit(path: Path, old: str, new: str) -> None:
    """Replace old by new in path, once; fail loudly if the fixture changed."""
    text = path.read_text(encoding="utf-8")
    assert text.count(old) == 1, f"{old!r} should occur once in {path.name}"
    path.write_text(text.replace(old, new), encoding="utf-8")
