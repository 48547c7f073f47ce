"""The Traditional Chinese edition, converted from the Simplified pages at build time.

Contributors write English and Simplified Chinese only. Every page of docs/zh/ (written by
hand or generated from the store) is converted with OpenCC's s2twp (Taiwan characters and
phrasing) into docs/zh-Hant/, after the spellings in facts/translation/zh-Hant.yml are put
in place. Code, addresses, ids, anchors, HTML and [[kind:id]] references pass through
unchanged; references are resolved on the converted page and their text converted then.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from pathlib import Path

import opencc

from scripts.fact_errors import FactError, FactStoreError
from scripts.page_files import write_if_changed
from scripts.read_yaml import read_yaml

LANGUAGE = "zh-Hant"
SOURCE_LANGUAGE = "zh"
OVERRIDES_FILE = Path(__file__).resolve().parent.parent / "facts" / "translation" / "zh-Hant.yml"
# Private-use characters stand in for each override while OpenCC runs: it leaves them alone.
_STAND_IN_BASE = 0xE000
# What conversion must not touch in Markdown: code, references, link addresses, HTML tags,
# attribute lists ({#anchor .class}) and autolinks.
_PROTECTED = re.compile(
    r"^(```|~~~)[^\n]*\n.*?^\1[ \t]*$"
    r"|(`+)[^\n]*?\2"
    r"|\[\[[^\[\]\n]*\]\]"
    r"|\]\([^)\s]*"
    r"|<[^>\n]+>"
    r"|\{[#.:][^}\n]*\}",
    re.MULTILINE | re.DOTALL,
)
_FRONT_MATTER = re.compile(r"\A---\n(.*?\n)---\n", re.DOTALL)
# Front-matter fields that readers see; the rest (ids, file paths, search tags) stay as written.
_CONVERTED_FIELDS = re.compile(r"^(title|description): (.*)$", re.MULTILINE)


def load_overrides(path: Path = OVERRIDES_FILE) -> dict[str, str]:
    """simplified -> traditional, longest first so that 黄仁勋 wins over 黄."""
    display = f"facts/translation/{path.name}"
    doc, errors = read_yaml(path, display)
    if doc is None:
        raise FactStoreError(errors)
    overrides: dict[str, str] = {}
    for index, entry in enumerate(doc.data if isinstance(doc.data, list) else []):
        fields = ("simplified", "traditional", "why")
        if (
            not isinstance(entry, dict)
            or set(entry) != set(fields)
            or not all(isinstance(entry[f], str) for f in fields)
        ):
            errors.append(
                FactError(
                    display,
                    doc.line_of((index,)),
                    f"[{index}]",
                    "an entry needs exactly simplified, traditional and why, each as text",
                    "follow the entries above it",
                )
            )
            continue
        overrides[entry["simplified"]] = entry["traditional"]
    if not isinstance(doc.data, list):
        errors.append(
            FactError(display, 1, "", "the file is not a list of entries", "start each entry with '- simplified: '")
        )
    if errors:
        raise FactStoreError(errors)
    return dict(sorted(overrides.items(), key=lambda item: -len(item[0])))


@cache
def _converter() -> opencc.OpenCC:
    return opencc.OpenCC("s2twp")


# (file, modification time, size) of the override list as last read.
Stamp = tuple[str, int, int]


@cache
def _overrides_of(stamp: Stamp) -> tuple[tuple[str, str, str], ...]:
    return tuple(
        (simplified, chr(_STAND_IN_BASE + i), traditional)
        for i, (simplified, traditional) in enumerate(load_overrides(Path(stamp[0])).items())
    )


def _overrides_stamp() -> Stamp:
    stat = OVERRIDES_FILE.stat()
    return str(OVERRIDES_FILE), stat.st_mtime_ns, stat.st_size


_stamp: Stamp | None = None


def _overrides() -> tuple[tuple[str, str, str], ...]:
    """(simplified, stand_in, traditional) for every override, as of the last refresh_overrides."""
    return _overrides_of(_stamp or refresh_overrides())


def refresh_overrides() -> Stamp:
    """Reread the override list if its file changed since it was read (under mkdocs serve
    this module outlives a build). Called once per build, not once per text converted."""
    global _stamp
    stamp = _overrides_stamp()
    if stamp != _stamp:
        _stamp = stamp
        to_traditional.cache_clear()
    return stamp


# Names, descriptions and link tooltips are converted again on every page that cites them.
@lru_cache(maxsize=1 << 14)
def to_traditional(text: str) -> str:
    """Plain Simplified text in Traditional characters, Taiwan phrasing, overrides first."""
    overrides = _overrides()
    for simplified, stand_in, _ in overrides:
        text = text.replace(simplified, stand_in)
    text = _converter().convert(text)
    for _, stand_in, traditional in overrides:
        text = text.replace(stand_in, traditional)
    return text


def convert_markdown(markdown: str) -> str:
    """Markdown with its text converted and its syntax, code and addresses untouched."""
    out, position = [], 0
    for match in _PROTECTED.finditer(markdown):
        out.append(to_traditional(markdown[position : match.start()]))
        out.append(match.group(0))
        position = match.end()
    out.append(to_traditional(markdown[position:]))
    return "".join(out)


def convert_page(text: str, source: str) -> str:
    """A whole page: reader-facing front matter and body converted, marked with its source."""
    match = _FRONT_MATTER.match(text)
    meta, body = (match.group(1), text[match.end() :]) if match else ("", text)
    meta = _CONVERTED_FIELDS.sub(lambda m: f"{m.group(1)}: {to_traditional(m.group(2))}", meta)
    return f"---\n{meta}converted_from: {source}\n---\n{convert_markdown(body)}"


def write_traditional_edition(docs_dir: Path) -> list[Path]:
    """Write docs/zh-Hant/ from docs/zh/; return the files written or deleted."""
    refresh_overrides()
    source_dir, target_dir = docs_dir / SOURCE_LANGUAGE, docs_dir / LANGUAGE
    changed: list[Path] = []
    wanted: set[Path] = set()
    for source in sorted(source_dir.rglob("*.md")):
        relative = source.relative_to(source_dir)
        target = target_dir / relative
        wanted.add(target)
        text = convert_page(source.read_text(encoding="utf-8"), f"docs/{SOURCE_LANGUAGE}/{relative.as_posix()}")
        if write_if_changed(target, text):
            changed.append(target)
    for stale in [p for p in target_dir.rglob("*.md") if p not in wanted]:
        stale.unlink()
        changed.append(stale)
    return changed
