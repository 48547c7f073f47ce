"""When each page last changed, from git: "last updated" under every page and lastmod in
the sitemap.

A hand-written page changed when its file did (a Traditional page when its Simplified
source did); a record page when any line of its record did (git blame of the fact file);
a list page when its fact file did. One `git log` for the whole repository and one
`git blame` per fact file cost a few hundred milliseconds per build. Outside a git
checkout (a tarball, the benchmarks' temporary projects) no page has a date.
"""

from __future__ import annotations

import bisect
import datetime
import subprocess
from pathlib import Path

from babel.dates import format_date

from gtc_site.store.model import FactStore, Record

# Babel locales of the site's languages.
BABEL_LOCALES = {"en": "en", "zh": "zh_Hans_CN", "zh-Hant": "zh_Hant_TW"}


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", *args], cwd=root, capture_output=True, text=True, check=False)
    except OSError:
        return None
    return result.stdout if result.returncode == 0 else None


class GitDates:
    """Last-change times (Unix seconds) of the files and records of one checkout, read once per build."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._files: dict[str, int] | None = None
        self._lines: dict[str, list[int]] = {}
        self._starts: dict[str, list[int]] = {}  # fact file -> first line of each record, in order

    def _file_times(self) -> dict[str, int]:
        if self._files is None:
            self._files = {}
            log = _git(self.root, "log", "--format=@%ct", "--name-only", "--no-renames", "--", "docs", "facts")
            when = 0
            for line in (log or "").splitlines():
                if line.startswith("@"):
                    when = int(line[1:])
                elif line:
                    self._files.setdefault(line, when)  # newest first: the first time seen is the last change
        return self._files

    def file_time(self, path: str) -> int | None:
        """path relative to the repository root ('docs/en/index.md')."""
        return self._file_times().get(path)

    def record_time(self, record: Record, store: FactStore) -> int | None:
        """The last change to any line of record: from its first line to the next record's."""
        if record.file not in self._lines:
            blame = _git(self.root, "blame", "--line-porcelain", "--", record.file) or ""
            self._lines[record.file] = [
                int(line.split()[1]) for line in blame.splitlines() if line.startswith("committer-time ")
            ]
        lines = self._lines[record.file]
        if not lines:
            return None
        if record.file not in self._starts:
            self._starts[record.file] = sorted(r.line for r in store.by_id.values() if r.file == record.file)
        starts = self._starts[record.file]
        after = bisect.bisect_right(starts, record.line)
        end = starts[after] if after < len(starts) else len(lines) + 1
        return max(lines[record.line - 1 : end - 1], default=None)


def localized_date(timestamp: int, lang: str) -> str:
    """'November 30, 2026' / '2026年11月30日' in the page's language."""
    day = datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC).date()
    return format_date(day, format="long", locale=BABEL_LOCALES.get(lang, "en"))


def iso_date(timestamp: int) -> str:
    return datetime.datetime.fromtimestamp(timestamp, tz=datetime.UTC).date().isoformat()
