"""Resolve cross-references such as [[term:nim]] in a page's Markdown.

Syntax: [[KIND:ID]] or [[KIND:ID|label]], KIND one of term, person, org, figure, quote,
event, source. A term, person, organization, event or source becomes a link to its
generated page with the localized name and a one-sentence tooltip; a figure becomes its
localized value and unit; a quote on a line of its own becomes a block quote. Code spans
and fenced code are left alone, so the syntax can be documented.

One regular-expression pass over the page: the cost grows with the page, not with the
number of records in the store.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass

from scripts.fact_model import FactStore, Figure, Quote, Record
from scripts.localized_formats import format_figure
from scripts.markdown_text import escape_attribute, escape_markdown

KINDS = {
    "term": "terms",
    "person": "people",
    "org": "organizations",
    "figure": "figures",
    "quote": "quotes",
    "event": "events",
    "source": "sources",
}
# Where each kind's records live, relative to a language's root folder.
RECORD_PAGES = {
    "terms": "glossary/{id}.md",
    "people": "people/{id}.md",
    "organizations": "organizations/{id}.md",
    "figures": "figures.md#{id}",
    "quotes": "quotes.md#{id}",
    "events": "timeline.md#{id}",
    "sources": "sources.md#{id}",
}
# Fenced code and inline code are matched first so that references inside them are kept as typed.
_PATTERN = re.compile(
    r"(?P<fence>^(?P<mark>```|~~~)[^\n]*\n.*?^(?P=mark)[ \t]*$)"
    r"|(?P<code>(?P<ticks>`+)[^\n]*?(?P=ticks))"
    r"|(?P<ref>\[\[(?P<kind>[a-z]+):(?P<id>[^\]|\s]*)(?:\|(?P<label>[^\]\n]+))?\]\])",
    re.MULTILINE | re.DOTALL,
)
SYNTAX_HELP = "write [[KIND:ID]] with KIND one of " + ", ".join(KINDS)


@dataclass(frozen=True)
class CrossrefProblem:
    line: int
    message: str


class CrossrefError(Exception):
    def __init__(self, page: str, problems: list[CrossrefProblem]):
        self.page = page
        self.problems = problems
        super().__init__("\n".join(f"{page}:{p.line}: {p.message}" for p in problems))


def record_link(record: Record, page_path: str) -> str:
    """Relative Markdown link from page_path to where record is shown."""
    target = RECORD_PAGES[record.kind].format(id=record.id)
    path, _, anchor = target.partition("#")
    if path == page_path:
        return f"#{anchor}"
    relative = posixpath.relpath(path, posixpath.dirname(page_path) or ".")
    return f"{relative}#{anchor}" if anchor else relative


def find_crossrefs(markdown: str) -> list[tuple[str, str]]:
    """(kind, id) of every reference outside code, in order of appearance."""
    return [(m["kind"], m["id"]) for m in _PATTERN.finditer(markdown) if m["ref"]]


def _render(record: Record, label: str | None, lang: str, page_path: str, whole_line: bool, store: FactStore) -> str:
    link = record_link(record, page_path)
    if isinstance(record, Quote) and record.text is not None:
        speaker = _render(store.get(record.speaker), None, lang, page_path, False, store)
        quoted = escape_markdown(record.text[lang])
        if whole_line:
            context = escape_markdown(record.context[lang]) if record.context else ""
            return (
                f"> {quoted}\n>\n> — {speaker}{'，' if lang == 'zh' else ', '}{context}"
                f' [↗]({link} "{escape_attribute(record.name[lang])}")'
            )
        opening, closing = ("“", "”")
        return f"[{opening}{quoted}{closing}]({link})"
    text = (
        escape_markdown(label)
        if label
        else (
            escape_markdown(format_figure(record, lang))
            if isinstance(record, Figure)
            else escape_markdown(record.name[lang])
        )
    )
    tooltip = record.description[lang]
    if isinstance(record, Figure):
        tooltip = record.name[lang]
    return f'[{text}]({link} "{escape_attribute(tooltip)}"){{.xref .xref-{record.kind}}}'


def resolve_crossrefs(markdown: str, lang: str, page_path: str, store: FactStore, first_line: int = 1) -> str:
    """Replace every reference; raise CrossrefError naming each unknown one by line."""
    problems: list[CrossrefProblem] = []

    def replace(match: re.Match[str]) -> str:
        if not match["ref"]:
            return match.group(0)
        kind, record_id = match["kind"], match["id"]
        line = first_line + markdown.count("\n", 0, match.start())
        if kind not in KINDS:
            hint = difflib.get_close_matches(kind, list(KINDS), n=1)
            problems.append(
                CrossrefProblem(
                    line,
                    f"unknown kind '{kind}' in {match.group(0)}: "
                    + (f"did you mean '{hint[0]}'?" if hint else SYNTAX_HELP),
                )
            )
            return match.group(0)
        record = store.records[KINDS[kind]].get(record_id)
        if record is None:
            options = list(store.records[KINDS[kind]])
            hint = difflib.get_close_matches(record_id, options, n=1)
            problems.append(
                CrossrefProblem(
                    line,
                    f"unknown {kind} id '{record_id}' in {match.group(0)}: "
                    + (f"did you mean '{hint[0]}'?" if hint else f"add it to facts/{KINDS[kind]}.yml"),
                )
            )
            return match.group(0)
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        line_end = markdown.find("\n", match.end())
        whole_line = markdown[line_start : line_end if line_end >= 0 else None].strip() == match.group(0)
        return _render(record, match["label"], lang, page_path, whole_line, store)

    resolved = _PATTERN.sub(replace, markdown)
    if problems:
        raise CrossrefError(page_path, problems)
    return resolved
