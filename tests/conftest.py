"""Shared fixtures: a small fact store to break, and one strict build of the real site,
served on 127.0.0.1 under a sub-path and opened in a real Chromium."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from gtc_site.tools.build_site import build_site
from tests.static_host import SITE_PATH, reserve_address, start

FIXTURE_FACTS = Path(__file__).parent / "fixtures" / "facts"
SITE_URL = "https://example.org" + SITE_PATH
# Debian's Chromium where installed (CI, this project's machines); elsewhere the browser
# that `playwright install chromium` downloads.
SYSTEM_CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


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


def build_real_site(site_dir: Path, site_url: str) -> Path:
    previous = os.environ.get("SITE_URL")
    os.environ["SITE_URL"] = site_url
    try:
        assert build_site(site_dir) == 0, "the real site does not build"
    finally:
        if previous is None:
            del os.environ["SITE_URL"]
        else:
            os.environ["SITE_URL"] = previous
    return site_dir


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built strictly for SITE_URL."""
    return build_real_site(tmp_path_factory.mktemp("build") / "site", SITE_URL)


@pytest.fixture(scope="session")
def served_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """Base address of the real site, built for and served at http://127.0.0.1:PORT/gtc2024/."""
    server, base = reserve_address()
    start(server, build_real_site(tmp_path_factory.mktemp("served") / "site", base))
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    with sync_playwright() as playwright:
        executable = SYSTEM_CHROMIUM if Path(SYSTEM_CHROMIUM).exists() else None
        chromium = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


class ParsedSite:
    """Every page of a built site, each parsed once per test run and per kind of parser."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._parsed: dict[tuple[Path, type], object] = {}

    def pages(self, folder: str = "", name: str = "*.html") -> list[Path]:
        return sorted(p for p in (self.root / folder).rglob(name) if p.name != "404.html")

    def parse(self, path: Path, parser: type):
        key = (path, parser)
        if key not in self._parsed:
            instance = parser()
            instance.feed(path.read_text(encoding="utf-8"))
            self._parsed[key] = instance
        return self._parsed[key]


@pytest.fixture(scope="session")
def parsed_site(site: Path) -> ParsedSite:
    """The real site's pages, parsed once for all the tests that read them."""
    return ParsedSite(site)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of the project to break (mkdocs.yml, docs/, overrides/, facts/), built from its own facts/."""
    target = tmp_path / "project"
    target.mkdir()
    for name in ("mkdocs.yml", "docs", "overrides", "facts"):
        source = Path(__file__).resolve().parents[1] / name
        (shutil.copytree if source.is_dir() else shutil.copy)(source, target / name)
    monkeypatch.setenv("GTC_FACTS_DIR", str(target / "facts"))
    monkeypatch.setenv("NO_MKDOCS_2_WARNING", "1")
    return target
