"""Resolve cross-references such as [[term:nim]] in a page's Markdown.

Syntax: [[KIND:ID]] or [[KIND:ID|label]], KIND one of term, person, org, figure, quote,
event, source. A term, person, organization, event or source becomes a link to its
generated page with the localized name and a one-sentence tooltip; a figure becomes its
localized value and unit, or the label with {n} (the number alone) or {words} (a small
count in words: eight, 八); a quote on a line of its own becomes a block quote. Code, as
the Markdown parser finds it, is left alone, so the syntax can be documented.

One regular-expression pass over the prose of a page: the cost grows with the page, not
with the number of records in the store.
"""

from __future__ import annotations

import difflib
import posixpath
import re
from dataclasses import dataclass

from gtc_site.i18n.formats import format_figure, format_number, number_in_words
from gtc_site.i18n.languages import SOURCE_OF_TRADITIONAL, TRADITIONAL, is_chinese
from gtc_site.i18n.traditional import SimplifiedScript, TraditionalConverter
from gtc_site.markdown_source import prose_and_code
from gtc_site.render.markdown_text import escape_attribute, escape_markdown
from gtc_site.store.model import FactStore, Figure, Quote, Record

KINDS = {
    "term": "terms",
    "person": "people",
    "org": "organizations",
    "figure": "figures",
    "quote": "quotes",
    "event": "events",
    "source": "sources",
    # The source's own words around a figure (its locator), in the page's script.
    "excerpt": "figures",
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
# Anything between [[ and ]] outside code is a reference, and a malformed one is an error:
# a typo must not reach readers as literal brackets.
_REFERENCE = re.compile(r"\[\[(?P<body>[^\[\]\n]*)\]\]")
# A reference right after one of these begins a sentence, a list item, a table cell or a heading.
_SENTENCE_STARTS = (".", "!", "?", "。", "！", "？", "#", "-", "*", "|", ">")
# "[[" that begins no well-formed reference: unclosed ([[term:nim) or nested ([[a:[[b]]]]).
_LEFTOVER = re.compile(r"\[\[")
_BODY = re.compile(r"(?P<kind>[^:|]*):(?P<id>[^|]*)(?:\|(?P<label>.*))?")
SYNTAX_HELP = "write [[KIND:ID]] with KIND one of " + ", ".join(KINDS)
REF_WORDS = {kind: word for word, kind in KINDS.items() if word != "excerpt"}


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


def _relative_path(path: str, start: str) -> str:
    return posixpath.relpath(path, start or ".")


def find_crossrefs(markdown: str) -> list[tuple[str, str]]:
    """(kind, id) of every well-formed reference outside code, in order of appearance."""
    bodies = (
        _BODY.fullmatch(m["body"])
        for is_code, piece in prose_and_code(markdown)
        if not is_code
        for m in _REFERENCE.finditer(piece)
    )
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


def _figure_label(label: str, figure: Figure, lang: str) -> str:
    """A label's {n} and {words} filled in from the figure, so prose never retypes a number."""
    if "{n}" in label:
        label = label.replace("{n}", format_number(figure.value, lang))
    if "{words}" in label:
        label = label.replace("{words}", number_in_words(figure.value, lang))
    return label


_HAN = re.compile(r"[\u3400-\u9fff]")
_LATIN_EDGE = re.compile(r"[A-Za-z0-9]")


def _spaced(link: str, before: str, after: str) -> str:
    """A space between Chinese text and a link whose text begins or ends in Latin letters or
    digits (style guide Z2): 离开 Google，not 离开Google，; zh-Hant names are often Latin
    where zh names are Chinese (谷歌 / Google), so the writer cannot put the space."""
    text = link[1 : link.index("](")]
    if before and _HAN.match(before) and _LATIN_EDGE.match(text[:1]):
        link = " " + link
    if after and _HAN.match(after) and _LATIN_EDGE.match(text[-1:]):
        link += " "
    return link


class CrossrefResolver:
    """Resolves the references of every page of one build; link texts and tooltips are
    worked out once per record, label and language (a record is cited on many pages)."""

    def __init__(self, store: FactStore, converter: TraditionalConverter | None = None) -> None:
        self.store = store
        self.converter = converter
        self.simplified = SimplifiedScript()
        self._link_texts: dict[tuple[str, str | None, str, bool, bool], tuple[str, str]] = {}
        self._relative: dict[tuple[str, str], str] = {}

    def record_link(self, record: Record, page_path: str) -> str:
        """Relative Markdown link from page_path to where record is shown."""
        target = RECORD_PAGES[record.kind].format(id=record.id)
        path, _, anchor = target.partition("#")
        if path == page_path:
            return f"#{anchor}"
        key = (path, posixpath.dirname(page_path))
        relative = self._relative.get(key)
        if relative is None:  # every page of a folder links to the same records
            relative = self._relative[key] = _relative_path(*key)
        return f"{relative}#{anchor}" if anchor else relative

    def _traditional(self) -> TraditionalConverter:
        if self.converter is None:
            raise ValueError("zh-Hant references need a TraditionalConverter")
        return self.converter

    def _link_text(
        self, record_id: str, label: str | None, lang: str, mid_sentence: bool, mentioned: bool = False
    ) -> tuple[str, str]:
        """(text, tooltip) of a link to a record, escaped for Markdown; zh-Hant converted from zh.
        Mid-sentence, a common noun takes its running-text form (liquid cooling, not Liquid
        cooling); once the page has named a record in full, its short name (NIM)."""
        key = (record_id, label, lang, mid_sentence, mentioned)
        cached = self._link_texts.get(key)
        if cached is not None:
            return cached
        record = self.store.get(record_id)
        if lang == TRADITIONAL and not isinstance(record, Figure):
            text, tooltip = self._link_text(record_id, label, SOURCE_OF_TRADITIONAL, mid_sentence, mentioned)
            converter = self._traditional()
            result = converter.text(text), converter.text(tooltip)
        else:
            if label and isinstance(record, Figure):
                # The label is written in Simplified: zh-Hant converts it, then fills in its number.
                own = self._traditional().text(label) if lang == TRADITIONAL else label
                text = _figure_label(own, record, lang)
            elif label:
                text = label
            elif isinstance(record, Figure):
                text = format_figure(record, lang)
            else:
                text = record.running_name(lang, mentioned) if mid_sentence or mentioned else record.name[lang]
            source_lang = SOURCE_OF_TRADITIONAL if lang == TRADITIONAL else lang
            tooltip = record.name[source_lang] if isinstance(record, Figure) else record.description[source_lang]
            if lang == TRADITIONAL:
                tooltip = self._traditional().text(tooltip)
            result = escape_markdown(text), escape_attribute(tooltip)
        self._link_texts[key] = result
        return result

    def _render_excerpt(self, figure: Figure, lang: str) -> str:
        """「如果使用傳統的安培芯片,大約需要25000個」 as published (zh-Hant), in Simplified
        characters (zh), or followed by our English rendering (en); marked as the source's
        words (class source-words, in the script it is written in)."""
        locator = figure.locator
        if locator is None or locator.words is None:
            return ""
        if lang == TRADITIONAL:
            words, script = f"「{escape_markdown(locator.words)}」", TRADITIONAL
        elif lang == "zh":
            words, script = f"“{escape_markdown(self.simplified.convert(locator.words))}”", "zh"
        else:
            words, script = f"“{escape_markdown(locator.words)}”", TRADITIONAL
        excerpt = f'<span class="source-words" lang="{script}">{words}</span>'
        if lang == "en" and locator.words_en:
            excerpt += f" (“{escape_markdown(locator.words_en)}”)"
        return excerpt

    def _render(
        self,
        record: Record,
        label: str | None,
        lang: str,
        page_path: str,
        whole_line: bool,
        mid_sentence: bool = False,
        mentioned: bool = False,
    ) -> str:
        link = self.record_link(record, page_path)
        if isinstance(record, Quote) and record.text is not None:
            return self._render_quote(record, lang, page_path, link, whole_line)
        text, tooltip = self._link_text(record.id, label, lang, mid_sentence, mentioned)
        return f'[{text}]({link} "{tooltip}"){{.xref .xref-{record.kind}}}'

    def _render_quote(self, quote: Quote, lang: str, page_path: str, link: str, whole_line: bool) -> str:
        source_lang = SOURCE_OF_TRADITIONAL if lang == TRADITIONAL else lang
        words = quote.text[source_lang] if quote.text else ""
        if lang == TRADITIONAL:
            words = self._traditional().quote(words)  # the speaker's words: script only
        quoted = escape_markdown(words)
        if not whole_line:
            opening, closing = ("「", "」") if lang == TRADITIONAL else ("“", "”")
            return f"[{opening}{quoted}{closing}]({link})"
        speaker = self._render(self.store.get(quote.speaker), None, lang, page_path, False)
        context = quote.context[source_lang] if quote.context else ""
        name = quote.name[source_lang]
        if lang == TRADITIONAL:
            context, name = self._traditional().text(context), self._traditional().text(name)
        dash, comma = ("——", "，") if is_chinese(lang) else ("— ", ", ")
        return (
            f'> {quoted}\n>\n> {dash}{speaker}{comma}{escape_markdown(context)} [↗]({link} "{escape_attribute(name)}")'
        )

    def resolve(self, markdown: str, lang: str, page_path: str) -> str:
        """Replace every reference; raise CrossrefError naming each bad one by page_path and line.

        page_path places the links; CrossrefError.located names a source file instead.
        """
        problems: list[CrossrefProblem] = []
        out: list[str] = []
        offset = 0
        named: set[str] = set()  # records this page has named in full so far
        for is_code, piece in prose_and_code(markdown):
            if is_code or "[[" not in piece:
                out.append(piece)
            else:
                out.append(self._resolve_prose(piece, markdown, offset, lang, page_path, problems, named))
            offset += len(piece)
        if problems:
            raise CrossrefError(page_path, problems)
        return "".join(out)

    def _resolve_prose(
        self,
        piece: str,
        markdown: str,
        offset: int,
        lang: str,
        page_path: str,
        problems: list[CrossrefProblem],
        named: set[str],
    ) -> str:
        def replace(match: re.Match[str]) -> str:
            start = offset + match.start()
            record, label, problem = _lookup(self.store, match["body"])
            if record is None:
                problems.append(CrossrefProblem(1 + markdown.count("\n", 0, start), problem))
                return match.group(0)
            if match["body"].startswith("excerpt:") and isinstance(record, Figure):
                return self._render_excerpt(record, lang)
            line_start = markdown.rfind("\n", 0, start) + 1
            line_end = markdown.find("\n", offset + match.end())
            whole_line = markdown[line_start : line_end if line_end >= 0 else None].strip() == match.group(0)
            before = markdown[line_start:start].rstrip()
            mid_sentence = bool(before) and not before.endswith(_SENTENCE_STARTS)
            mentioned = record.id in named
            if label is None:
                named.add(record.id)
            rendered = self._render(record, label, lang, page_path, whole_line, mid_sentence, mentioned)
            if is_chinese(lang) and rendered.startswith("[") and "](" in rendered:
                end = offset + match.end()
                # The characters either side, sliced alone: slicing the rest of the page first
                # made each reference cost the page's length (106 s of a 50x build).
                rendered = _spaced(rendered, markdown[start - 1 : start], markdown[end : end + 1])
            return rendered

        resolved = _REFERENCE.sub(replace, piece)
        for leftover in _LEFTOVER.finditer(piece):
            if not _REFERENCE.match(piece, leftover.start()):
                start = offset + leftover.start()
                snippet = piece[leftover.start() : leftover.start() + 30].split("\n")[0]
                problems.append(
                    CrossrefProblem(
                        1 + markdown.count("\n", 0, start),
                        f"'{snippet}' is an unclosed or nested reference: {SYNTAX_HELP}, one per pair of "
                        "brackets (to show [[ as text, put it in `code`)",
                    )
                )
        return resolved
