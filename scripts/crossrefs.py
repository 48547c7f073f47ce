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
from functools import lru_cache

from scripts.fact_model import FactStore, Figure, Quote, Record
from scripts.localized_formats import format_figure
from scripts.markdown_text import escape_attribute, escape_markdown
from scripts.traditional_chinese import LANGUAGE as TRADITIONAL
from scripts.traditional_chinese import SOURCE_LANGUAGE, convert_markdown, to_traditional

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
# Fenced code and inline code are matched first so that references inside them are kept as
# typed. Anything else between [[ and ]] is a reference, and a malformed one is an error:
# a typo must not reach readers as literal brackets.
_PATTERN = re.compile(
    r"(?P<fence>^(?P<mark>```|~~~)[^\n]*\n.*?^(?P=mark)[ \t]*$)"
    r"|(?P<code>(?P<ticks>`+)[^\n]*?(?P=ticks))"
    r"|(?P<ref>\[\[(?P<body>[^\[\]\n]*)\]\])",
    re.MULTILINE | re.DOTALL,
)
_BODY = re.compile(r"(?P<kind>[^:|]*):(?P<id>[^|]*)(?:\|(?P<label>.*))?")
SYNTAX_HELP = "write [[KIND:ID]] with KIND one of " + ", ".join(KINDS)
REF_WORDS = {kind: word for word, kind in KINDS.items()}


@dataclass(frozen=True)
class CrossrefProblem:
    line: int
    message: str


class CrossrefError(Exception):
    def __init__(self, page: str, problems: list[CrossrefProblem]):
        self.page = page
        self.problems = problems
        super().__init__("\n".join(f"{page}:{p.line}: {p.message}" for p in problems))

    def located(self, source_name: str, first_line: int) -> CrossrefError:
        """The same problems named by source file and line, for Markdown that starts on first_line of source_name."""
        return CrossrefError(source_name, [CrossrefProblem(p.line + first_line - 1, p.message) for p in self.problems])


def record_link(record: Record, page_path: str) -> str:
    """Relative Markdown link from page_path to where record is shown."""
    target = RECORD_PAGES[record.kind].format(id=record.id)
    path, _, anchor = target.partition("#")
    if path == page_path:
        return f"#{anchor}"
    relative = _relative_path(path, posixpath.dirname(page_path))
    return f"{relative}#{anchor}" if anchor else relative


@lru_cache(maxsize=1 << 16)
def _relative_path(path: str, start: str) -> str:
    # Every page of a folder links to the same records: relpath is worth computing once.
    return posixpath.relpath(path, start or ".")


def find_crossrefs(markdown: str) -> list[tuple[str, str]]:
    """(kind, id) of every well-formed reference outside code, in order of appearance."""
    bodies = (_BODY.fullmatch(m["body"]) for m in _PATTERN.finditer(markdown) if m["ref"])
    return [(body["kind"], body["id"]) for body in bodies if body]


def _lookup(store: FactStore, text: str) -> tuple[Record | None, str | None, str]:
    """(record, label, "") for a well-formed reference body, or (None, None, problem)."""
    body = _BODY.fullmatch(text)
    if body is None:
        return (
            None,
            None,
            f"[[{text}]] is not a cross-reference: {SYNTAX_HELP} (to show [[ ]] as text, put it in `code`)",
        )
    kind, record_id, label = body["kind"], body["id"], body["label"]
    ref = f"[[{text}]]"
    if kind not in KINDS:
        if not kind:
            return None, None, f"the kind is missing in {ref}: {SYNTAX_HELP}"
        hint = difflib.get_close_matches(kind.lower(), list(KINDS), n=1)
        return None, None, f"unknown kind '{kind}' in {ref}: " + (f"did you mean '{hint[0]}'?" if hint else SYNTAX_HELP)
    if not record_id.strip():
        return None, None, f"the id is missing in {ref}: write the record's id after the colon"
    if record_id != record_id.strip() or " " in record_id:
        return None, None, f"ids have no spaces in {ref}: write [[{kind}:{record_id.strip()}]]"
    if label is not None and not label.strip():
        return None, None, f"the label after | is empty in {ref}: write the link text, or drop the |"
    records = store.records[KINDS[kind]]
    record = records.get(record_id)
    if record is not None:
        return record, label, ""
    other = store.by_id.get(record_id) or store.by_id.get(record_id.lower())
    if other is not None and other.kind != KINDS[kind]:
        right = f"[[{REF_WORDS[other.kind]}:{other.id}]]"
        return None, None, f"'{other.id}' in {ref} is one of the {other.kind}, not {KINDS[kind]}: write {right}"
    hint = difflib.get_close_matches(record_id.lower(), list(records), n=1)
    return (
        None,
        None,
        f"unknown {kind} id '{record_id}' in {ref}: "
        + (f"did you mean '{hint[0]}'?" if hint else f"add it to facts/{KINDS[kind]}.yml"),
    )


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
    text, tooltip = _link_text(store, record.id, label, lang)
    return f'[{text}]({link} "{tooltip}"){{.xref .xref-{record.kind}}}'


# A record is cited on many pages: its link text and tooltip are worked out once per language.
@lru_cache(maxsize=1 << 15)
def _link_text(store: FactStore, record_id: str, label: str | None, lang: str) -> tuple[str, str]:
    """(text, tooltip) of a link to a record, escaped for Markdown; zh-Hant converted from zh."""
    if lang == TRADITIONAL:
        text, tooltip = _link_text(store, record_id, label, SOURCE_LANGUAGE)
        return to_traditional(text), to_traditional(tooltip)
    record = store.get(record_id)
    if label:
        text = label
    elif isinstance(record, Figure):
        text = format_figure(record, lang)
    else:
        text = record.name[lang]
    tooltip = record.name[lang] if isinstance(record, Figure) else record.description[lang]
    return escape_markdown(text), escape_attribute(tooltip)


def resolve_crossrefs(markdown: str, lang: str, page_path: str, store: FactStore) -> str:
    """Replace every reference; raise CrossrefError naming each bad one by page_path and line.

    page_path places the links; CrossrefError.located names a source file instead.
    """
    problems: list[CrossrefProblem] = []

    def replace(match: re.Match[str]) -> str:
        if not match["ref"]:
            return match.group(0)
        record, label, problem = _lookup(store, match["body"])
        if record is None:
            line = 1 + markdown.count("\n", 0, match.start())
            problems.append(CrossrefProblem(line, problem))
            return match.group(0)
        line_start = markdown.rfind("\n", 0, match.start()) + 1
        line_end = markdown.find("\n", match.end())
        whole_line = markdown[line_start : line_end if line_end >= 0 else None].strip() == match.group(0)
        if lang == TRADITIONAL and isinstance(record, Quote):
            return convert_markdown(_render(record, label, SOURCE_LANGUAGE, page_path, whole_line, store))
        return _render(record, label, lang, page_path, whole_line, store)

    resolved = _PATTERN.sub(replace, markdown)
    if problems:
        raise CrossrefError(page_path, problems)
    return resolved
