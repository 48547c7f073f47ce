"""How a Markdown page is laid out: its front matter, and where its code is.

Shared by every phase that reads page source (cross-references, the Traditional
conversion, backlinks, the page checks): one reader of front matter, and one way to
find code, by a Markdown parser rather than by regular expressions, so that a fence
indented under a list item or an admonition is code everywhere, and `[[term:x]]` or 软件
inside it stays as typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin

# MkDocs' own pattern (mkdocs/utils/meta.py): what it takes for a page's front matter.
_FRONT_MATTER = re.compile(r"^-{3}[ \t]*\n(.*?\n)(?:\.{3}|-{3})[ \t]*\n", re.DOTALL)
# An opening fence line that is never closed still starts front matter for a reader.
_OPENING_FENCE = re.compile(r"^-{3}[ \t]*\n")
# A page without any of these has no code: most pages skip the parser entirely.
_MAY_HOLD_CODE = re.compile(r"`|~~~|<pre|<code|^(?: {4}|\t)", re.MULTILINE | re.IGNORECASE)
_CODE_SPAN = re.compile(r"(?<!`)(`+)(?!`).*?(?<!`)\1(?!`)", re.DOTALL)
_INLINE_CODE_HTML = re.compile(r"<code\b.*?</code>", re.DOTALL | re.IGNORECASE)
_CODE_HTML_BLOCK = re.compile(r"\s*<(pre|code|script|style)\b", re.IGNORECASE)


@dataclass(frozen=True)
class PageSource:
    """A page split as MkDocs splits it."""

    front_matter: str | None  # the YAML between the fences, None when there is none
    body: str  # what MkDocs hands to on_page_markdown
    body_line: int  # line of the file on which body starts
    unclosed: bool = False  # starts with '---' but never closes it


def split_page(text: str) -> PageSource:
    """Front matter and body; MkDocs also drops the blank lines after the front matter."""
    match = _FRONT_MATTER.match(text)
    if match is None:
        return PageSource(None, text, 1, unclosed=bool(_OPENING_FENCE.match(text)))
    rest = text[match.end() :]
    body = rest.lstrip("\n")
    skipped = len(rest) - len(body)
    return PageSource(match.group(1), body, text.count("\n", 0, match.end()) + skipped + 1)


@cache
def _parser() -> MarkdownIt:
    # Python-Markdown's admonitions (!!! and pymdownx.details' ???) and definition lists
    # indent their bodies by four spaces: without these plugins that would read as code.
    return MarkdownIt("commonmark").use(admon_plugin).use(deflist_plugin)


def code_ranges(markdown: str) -> list[tuple[int, int]]:
    """(start, end) character offsets of the code in markdown, in order: fenced and indented
    code blocks wherever they are nested, <pre>/<code> HTML, and inline code spans."""
    if not _MAY_HOLD_CODE.search(markdown):
        return []
    line_starts = [0, *(m.end() for m in re.finditer("\n", markdown))]
    line_starts.append(len(markdown))

    def offsets(first: int, last: int) -> tuple[int, int]:
        return line_starts[first], line_starts[min(last, len(line_starts) - 1)]

    ranges: list[tuple[int, int]] = []
    for token in _parser().parse(markdown):
        if token.map is None:
            continue
        start, end = offsets(*token.map)
        if token.type in ("fence", "code_block") or (
            token.type == "html_block" and _CODE_HTML_BLOCK.match(token.content)
        ):
            ranges.append((start, end))
        elif token.type == "inline" and ("`" in token.content or "<code" in token.content.lower()):
            block = markdown[start:end]
            for pattern in (_CODE_SPAN, _INLINE_CODE_HTML):
                ranges += [(start + m.start(), start + m.end()) for m in pattern.finditer(block)]
    return _merged(ranges)


def _merged(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def prose_and_code(markdown: str) -> list[tuple[bool, str]]:
    """markdown cut into (is_code, piece) pieces that join back into it."""
    pieces: list[tuple[bool, str]] = []
    position = 0
    for start, end in code_ranges(markdown):
        if start > position:
            pieces.append((False, markdown[position:start]))
        pieces.append((True, markdown[start:end]))
        position = end
    if position < len(markdown) or not pieces:
        pieces.append((False, markdown[position:]))
    return pieces
