"""Check pages against the mechanical rules of STYLE.md: `python -m gtc_site.tools.check_style PATH...`.

Reviewers cite STYLE.md by number; this finds what a machine can find, so that review is
spent on sourcing and wording. Rules: T1 (style/terminology.yml, both languages), and for
Chinese Z1 (ASCII punctuation between Chinese characters), Z2 (no space between Chinese
and Latin letters or digits), Z3 (a single — or an ASCII hyphen as a dash), Z4 (... or a
single …) and Z5 (a publication without 《》), plus autocorrect for the spacing and
punctuation that our own rules do not cover.

Only prose is checked. Code is found by the Markdown parser (markdown-it), not by regular
expressions: fenced and indented blocks, fences in list items and admonitions, code
spans, HTML blocks and <code>/<pre>. Link addresses, HTML tags, {#anchor} attribute lists
and [[kind:id]] references are not prose either. Each problem is one line,
'path:line: rule: what is wrong — what to do'.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import autocorrect_py as autocorrect
import yaml
from markdown_it import MarkdownIt
from markdown_it.rules_inline.backticks import backtick
from markdown_it.rules_inline.state_inline import StateInline
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin

TERMINOLOGY = Path(__file__).resolve().parents[2] / "style" / "terminology.yml"
LANGUAGES = ("en", "zh")

# Stands in for whatever is not prose (code, references, anchors, HTML): no rule and no
# autocorrect rule reacts to a private-use character, and it is put back in messages.
MASK = "\ue000"
_LETTER = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\u3040-\u30ff"  # Han and kana
_CJK = f"[{_LETTER}\u3000-\u303f\uff00-\uffef“”]"  # those, or full-width punctuation
_IS_LETTER = re.compile(f"[{_LETTER}]")
_IS_CJK = re.compile(_CJK)

_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?\n)(?:---|\.\.\.)[ \t]*(?:\n|$)", re.DOTALL)
_FRONT_MATTER_PROSE = re.compile(r"(?:title|description):[ \t]*(.*)")
_REFERENCE = re.compile(r"\[\[[^\[\]\n]*\]\]")
_ATTRIBUTE_LIST = re.compile(r"\{:?[ \t]*[#.][^{}\n]*\}")
_HTML_CODE_TAG = re.compile(r"<(/?)(?:code|pre)\b", re.IGNORECASE)

_ASCII_PUNCTUATION = re.compile(f"(?<={_CJK})[,;:?!()](?={_CJK})")
_FULL_WIDTH = str.maketrans(",;:?!()", "，；：？！（）")
_LATIN_RUN = re.compile(r"[A-Za-z0-9]+")
_SINGLE_DASH = re.compile(r"(?<!—)—(?!—)")
_HYPHEN_DASH = re.compile(f"(?<=[{_LETTER}]) ?-{{1,2}} ?(?=[{_LETTER}])")
_ELLIPSIS = re.compile(r"\.{3,}|(?<!…)…(?!…)")

# Ours are the rules the style differs on: full-width （） and —— in Chinese, where
# autocorrect would space ASCII brackets and hyphens instead. Its text rule for a brand
# (textRules: {硅谷101: 0}) would switch autocorrect off for every paragraph naming 硅谷101,
# so the brand is handled here instead: its spaced form in a suggestion is put back.
_AUTOCORRECT_CONFIG = """
rules:
  space-bracket: 0
  space-dash: 0
  spellcheck: 0
"""
_SUGGESTION_WIDTH = 80


class StyleTableError(Exception):
    """style/terminology.yml cannot be used; the message says where and what to do."""


@dataclass(frozen=True)
class Term:
    """One concept: the words we do not write, each with the one we do, and why."""

    preferred: tuple[str, ...]  # one for every word of avoid
    avoid: tuple[str, ...]
    lang: str
    why: str
    exceptions: tuple[str, ...]


@dataclass(frozen=True)
class Publication:
    """A title that takes 《》 in Chinese, and the references that render it bare."""

    name: str
    cited_as: tuple[str, ...]


@dataclass(frozen=True)
class StyleTable:
    """style/terminology.yml, read once."""

    terms: tuple[Term, ...]
    publications: tuple[Publication, ...]
    brands: tuple[str, ...]


@dataclass(frozen=True)
class Problem:
    """One problem: line of the text (0-based), rule of STYLE.md, and the message."""

    line: int
    rule: str
    message: str


@dataclass(frozen=True)
class _Line:
    """A line's prose as the reader sees it: markup gone, everything else one MASK each.

    `raw` still holds references (Z5 looks at them); `text` masks references and
    attribute lists too, and `hidden` holds what each MASK of `text` stands for.
    """

    number: int
    raw: str
    text: str
    hidden: list[str]


def _strings(value: object, where: str) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item for item in value):
        raise StyleTableError(f"{where}: expected a list of words — write [word, other word]")
    return tuple(value)


def _text(entry: dict[str, object], key: str, where: str) -> str:
    value = entry.get(key)
    if not isinstance(value, str) or not value.strip():
        raise StyleTableError(f"{where}.{key}: missing or not text — add '{key}:' with text")
    return value


def read_table(path: Path = TERMINOLOGY) -> StyleTable:
    """The terminology table, checked enough that a mistake in it is a message, not a traceback."""
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        raise StyleTableError(f"{path}: cannot be read ({err}) — restore it from git") from err
    except yaml.YAMLError as err:
        raise StyleTableError(f"{path}: not valid YAML ({err}) — fix the line it names") from err
    if not isinstance(data, dict) or not isinstance(data.get("terms"), list):
        raise StyleTableError(f"{path}: no 'terms:' list — see the comment at the top of {path.name}")
    terms = []
    for index, entry in enumerate(data["terms"]):
        where = f"{path}: terms[{index}]"
        if not isinstance(entry, dict):
            raise StyleTableError(f"{where}: not a mapping — write '- preferred: …' with avoid, lang and why")
        lang = entry.get("lang")
        if lang not in LANGUAGES:
            raise StyleTableError(f"{where}.lang: {lang!r} — write 'en' or 'zh'")
        avoid = _strings(entry.get("avoid"), f"{where}.avoid")
        if isinstance(entry.get("preferred"), list):
            preferred = _strings(entry["preferred"], f"{where}.preferred")
            if len(preferred) != len(avoid):
                raise StyleTableError(
                    f"{where}.preferred: {len(preferred)} words for {len(avoid)} in avoid — give one for each, in order"
                )
        else:
            preferred = (_text(entry, "preferred", where),) * len(avoid)
        terms.append(
            Term(
                preferred=preferred,
                avoid=avoid,
                lang=lang,
                why=_text(entry, "why", where),
                exceptions=_strings(entry.get("except", []), f"{where}.except") if entry.get("except") else (),
            )
        )
    publications = []
    for index, entry in enumerate(data.get("publications") or []):
        where = f"{path}: publications[{index}]"
        if not isinstance(entry, dict):
            raise StyleTableError(f"{where}: not a mapping — write '- name: …'")
        cited_as = entry.get("cited_as")
        publications.append(
            Publication(_text(entry, "name", where), _strings(cited_as, f"{where}.cited_as") if cited_as else ())
        )
    brands = _strings(data.get("brands") or [], f"{path}: brands")
    return StyleTable(tuple(terms), tuple(publications), brands)


@cache
def _table() -> StyleTable:
    return read_table()


def _count_backtick_lines(state: StateInline, silent: bool) -> bool:
    """markdown-it's code span rule, noting how many line breaks the span swallowed.

    A code span's content has its line breaks turned into spaces, so without this every
    line after a code span that wraps would be numbered one too low.
    """
    start, count = state.pos, len(state.tokens)
    found = backtick(state, silent)
    if found and not silent and len(state.tokens) > count:
        state.tokens[-1].meta["newlines"] = state.src.count("\n", start, state.pos)
    return found


@cache
def _parser() -> MarkdownIt:
    # The site's extensions that change what is code: admonitions (!!! and ???) indent
    # their bodies by four spaces, as definition lists do; without the plugins that would
    # read as indented code.
    parser = MarkdownIt("commonmark").use(admon_plugin).use(deflist_plugin).enable("table")
    parser.inline.ruler.at("backticks", _count_backtick_lines)
    return parser


class _Lines:
    """Collects prose and masked pieces line by line."""

    def __init__(self) -> None:
        self.pieces: dict[int, list[tuple[str, bool]]] = {}

    def add(self, number: int, text: str, hidden: bool) -> None:
        pieces = self.pieces.setdefault(number, [])
        if hidden and pieces and pieces[-1][1]:
            pieces[-1] = (pieces[-1][0] + text, True)
        elif text:
            pieces.append((text, hidden))

    def lines(self) -> list[_Line]:
        result = []
        for number in sorted(self.pieces):
            pieces = self.pieces[number]
            raw = "".join(MASK if hidden else text for text, hidden in pieces)
            raw_hidden = [text for text, hidden in pieces if hidden]
            text, hidden = _mask(*_mask(raw, raw_hidden, _REFERENCE), _ATTRIBUTE_LIST)
            result.append(_Line(number, raw, text, hidden))
        return result


def _restore(text: str, hidden: list[str]) -> str:
    """text with each MASK replaced by what it stands for, in order."""
    parts = text.split(MASK)
    out = [parts[0]]
    for index, part in enumerate(parts[1:]):
        out.append(hidden[index] if index < len(hidden) else "…")
        out.append(part)
    return "".join(out)


def _mask(text: str, hidden: list[str], pattern: re.Pattern[str]) -> tuple[str, list[str]]:
    """Every match of pattern in text becomes one MASK, keeping hidden in step."""
    out: list[str] = []
    new_hidden: list[str] = []
    seen = last = 0
    for match in pattern.finditer(text):
        before = text[last : match.start()].count(MASK)
        new_hidden += hidden[seen : seen + before]
        seen += before
        inside = match.group().count(MASK)
        new_hidden.append(_restore(match.group(), hidden[seen : seen + inside]))
        seen += inside
        out += [text[last : match.start()], MASK]
        last = match.end()
    out.append(text[last:])
    return "".join(out), new_hidden + hidden[seen:]


def _walk_inline(token: Token, lines: _Lines) -> None:
    """The reader's text of one inline token; code, HTML, images and autolinks masked."""
    number = token.map[0] if token.map else 0
    code_depth = 0
    autolink = False
    for child in token.children or []:
        kind = child.type
        if kind in ("softbreak", "hardbreak"):
            number += 1
        elif kind == "text":
            lines.add(number, child.content, hidden=code_depth > 0 or autolink)
        elif kind == "code_inline":
            lines.add(number, child.markup + child.content + child.markup, hidden=True)
            number += child.meta.get("newlines", 0)
        elif kind == "html_inline":
            lines.add(number, child.content, hidden=True)
            number += child.content.count("\n")
            tag = _HTML_CODE_TAG.match(child.content)
            if tag:
                code_depth = max(0, code_depth + (-1 if tag.group(1) else 1))
        elif kind == "image":
            lines.add(number, f"![{child.content}]({child.attrs.get('src', '')})", hidden=True)
            number += sum(1 for grandchild in child.children or [] if grandchild.type in ("softbreak", "hardbreak"))
        elif kind == "link_open" and child.markup in ("autolink", "linkify"):
            autolink = True
        elif kind == "link_close":
            autolink = False


def _prose_lines(markdown: str) -> list[_Line]:
    """The prose of a page, line by line; lines without prose are left out."""
    lines = _Lines()
    body = markdown
    front = _FRONT_MATTER.match(markdown)
    if front:
        for number, line in enumerate(front.group(1).splitlines(), start=1):
            prose = _FRONT_MATTER_PROSE.fullmatch(line.strip())
            if prose:
                value = prose.group(1).strip()
                if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"":
                    value = value[1:-1]
                lines.add(number, value, hidden=False)
        # Blank lines in its place keep the numbering of the body.
        body = "\n" * front.group().count("\n") + markdown[front.end() :]
    seen_inline: set[int] = set()
    for token in _parser().parse(body):
        if token.type != "inline" or not token.map:
            continue
        if token.map[0] in seen_inline:
            # Another cell of the same table row: keep the cells apart.
            lines.add(token.map[0], " | ", hidden=True)
        seen_inline.add(token.map[0])
        _walk_inline(token, lines)
    return lines.lines()


def _snippet(text: str, hidden: list[str], start: int, end: int, fixed: str | None = None) -> str:
    """A few characters around text[start:end], masks put back; with fixed in its place if given."""
    left, right = max(0, start - 3), min(len(text), end + 3)
    before = text[:left].count(MASK)
    middle = text[start:end] if fixed is None else fixed
    shown = text[left:start] + middle + text[end:right]
    return _restore(shown, hidden[before:]).strip()


def _near_cjk(text: str, start: int, end: int) -> bool:
    """Whether the nearest character on either side, spaces skipped, is Chinese."""
    left, right = text[:start].rstrip(), text[end:].lstrip()
    return bool((left and _IS_CJK.match(left[-1])) or (right and _IS_CJK.match(right[0])))


def _brand_inner(text: str, brands: tuple[str, ...]) -> set[int]:
    """Positions strictly inside a brand, where Z2 asks for no space."""
    inner: set[int] = set()
    for brand in brands:
        for match in re.finditer(re.escape(brand), text):
            inner.update(range(match.start() + 1, match.end()))
    return inner


@cache
def _term_patterns(lang: str) -> tuple[tuple[Term, re.Pattern[str], re.Pattern[str] | None], ...]:
    """For each term of lang: a pattern for its avoided words, and one for its exceptions."""

    def pattern(words: tuple[str, ...]) -> re.Pattern[str]:
        alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
        if lang == "en":
            return re.compile(rf"\b(?:{alternatives})\b", re.IGNORECASE)
        return re.compile(alternatives)

    return tuple(
        (term, pattern(term.avoid), pattern(term.exceptions) if term.exceptions else None)
        for term in _table().terms
        if term.lang == lang
    )


def _check_terms(line: _Line, lang: str) -> Iterator[Problem]:
    """T1: words the terminology table asks us not to use."""
    for term, avoid, exceptions in _term_patterns(lang):
        excepted: set[int] = set()
        if exceptions:
            for match in exceptions.finditer(line.text):
                excepted.update(range(match.start(), match.end()))
        replacements = {word.lower(): preferred for word, preferred in zip(term.avoid, term.preferred, strict=True)}
        for match in avoid.finditer(line.text):
            if match.start() in excepted:
                continue
            found = match.group()
            preferred = replacements[found.lower()]
            if found[0].isupper():
                preferred = preferred[0].upper() + preferred[1:]
            yield Problem(line.number, "T1", f"'{found}' is not the term we use — write '{preferred}': {term.why}")


def _check_punctuation(line: _Line) -> Iterator[Problem]:
    """Z1: ASCII , ; : ? ! ( ) directly between two Chinese characters."""
    for match in _ASCII_PUNCTUATION.finditer(line.text):
        mark = match.group()
        context = _snippet(line.text, line.hidden, match.start(), match.end())
        yield Problem(
            line.number,
            "Z1",
            f"ASCII '{mark}' between Chinese characters in '{context}' — write '{mark.translate(_FULL_WIDTH)}'",
        )


def _check_spacing(line: _Line, brands: tuple[str, ...]) -> Iterator[Problem]:
    """Z2: Latin letters or digits touching a Chinese character, brands excepted."""
    text = line.text
    inner = _brand_inner(text, brands)
    for match in _LATIN_RUN.finditer(text):
        start, end = match.span()
        before = start > 0 and bool(_IS_LETTER.match(text[start - 1])) and start not in inner
        after = end < len(text) and bool(_IS_LETTER.match(text[end])) and end not in inner
        if before or after:
            context = _snippet(text, line.hidden, start, end)
            fixed = _snippet(text, line.hidden, start, end, " " * before + match.group() + " " * after)
            yield Problem(
                line.number,
                "Z2",
                f"no space between Chinese and Latin letters or digits in '{context}' — write '{fixed}'",
            )


def _check_dashes(line: _Line) -> Iterator[Problem]:
    """Z3: a single — (or an ASCII hyphen) used as a dash in Chinese text."""
    text = line.text
    for match in _SINGLE_DASH.finditer(text):
        if _near_cjk(text, match.start(), match.end()) or not text[: match.start()].strip():
            context = _snippet(text, line.hidden, match.start(), match.end())
            yield Problem(line.number, "Z3", f"a single '—' in Chinese text: '{context}' — write '——'")
    for match in _HYPHEN_DASH.finditer(text):
        context = _snippet(text, line.hidden, match.start(), match.end())
        yield Problem(line.number, "Z3", f"ASCII '{match.group().strip()}' as a dash in '{context}' — write '——'")


def _check_ellipses(line: _Line) -> Iterator[Problem]:
    """Z4: '...' or a single … in Chinese text."""
    for match in _ELLIPSIS.finditer(line.text):
        if _near_cjk(line.text, match.start(), match.end()):
            context = _snippet(line.text, line.hidden, match.start(), match.end())
            kind = "a single '…'" if match.group() == "…" else f"half-width '{match.group()}'"
            yield Problem(line.number, "Z4", f"{kind} in Chinese text: '{context}' — write '……'")


def _check_publications(line: _Line, publications: tuple[Publication, ...]) -> Iterator[Problem]:
    """Z5: a listed publication, or a reference rendering its name, without 《 before it."""
    raw = line.raw
    references = [match.span() for match in _REFERENCE.finditer(raw)]
    for publication in publications:
        for match in re.finditer(re.escape(publication.name), raw):
            inside_reference = any(start < match.start() < end for start, end in references)
            if not inside_reference and not raw[: match.start()].endswith("《"):
                yield Problem(
                    line.number,
                    "Z5",
                    f"'{publication.name}' without 《》 — write '《{publication.name}》'",
                )
        for cited in publication.cited_as:
            for match in re.finditer(rf"\[\[{re.escape(cited)}(?:\|[^\[\]\n]*)?\]\]", raw):
                if not raw[: match.start()].endswith("《"):
                    yield Problem(
                        line.number,
                        "Z5",
                        f"{match.group()} renders '{publication.name}' without 《》 — write '《{match.group()}》'",
                    )


def _our_fixes(text: str, brands: tuple[str, ...]) -> str:
    """text as Z1, Z2 and Z4 would have it, and brands unspaced: what our own rules report."""
    for brand in brands:
        text = text.replace(autocorrect.format(brand), brand)
    text = _ASCII_PUNCTUATION.sub(lambda match: match.group().translate(_FULL_WIDTH), text)
    text = re.sub(r"\.{3,}", "……", text)
    inner = _brand_inner(text, brands)
    out = []
    for index, char in enumerate(text):
        if index and index not in inner:
            previous = text[index - 1]
            if (_IS_LETTER.match(previous) and char.isascii() and char.isalnum()) or (
                previous.isascii() and previous.isalnum() and _IS_LETTER.match(char)
            ):
                out.append(" ")
        out.append(char)
    return "".join(out)


@cache
def _configure_autocorrect() -> None:
    autocorrect.load_config(_AUTOCORRECT_CONFIG)


def _shorten(text: str) -> str:
    return text if len(text) <= _SUGGESTION_WIDTH else text[: _SUGGESTION_WIDTH - 1] + "…"


def _changed_part(old: str, new: str) -> tuple[str, str]:
    """The part of old that new changes, and its replacement, with a little context."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    suffix = 0
    while suffix < min(len(old), len(new)) - prefix and old[-1 - suffix] == new[-1 - suffix]:
        suffix += 1
    start = max(0, prefix - 6)
    return old[start : len(old) - max(0, suffix - 6)], new[start : len(new) - max(0, suffix - 6)]


def _check_autocorrect(lines: list[_Line], brands: tuple[str, ...]) -> Iterator[Problem]:
    """autocorrect's lint of the page's Chinese prose, less what our own rules already say."""
    if not lines:
        return
    _configure_autocorrect()
    document = [""] * (lines[-1].number + 1)
    for line in lines:
        document[line.number] = line.text
    by_number = {line.number: line for line in lines}
    for result in autocorrect.lint_for("\n".join(document) + "\n", "page.md").lines:
        line = by_number.get(result.line - 1)
        if line is None or _our_fixes(result.old, brands) == _our_fixes(result.new, brands):
            continue
        new = result.new
        for brand in brands:
            new = new.replace(autocorrect.format(brand), brand)
        found = line.text.find(result.old)
        hidden = line.hidden[line.text.count(MASK, 0, found) :] if found >= 0 else line.hidden
        old_part, new_part = _changed_part(_restore(result.old, hidden), _restore(new, hidden))
        yield Problem(
            line.number,
            "autocorrect",
            f"spacing or punctuation in '{_shorten(old_part.strip())}' — write '{_shorten(new_part.strip())}'",
        )


def check_problems(text: str, lang: str) -> list[Problem]:
    """Every mechanical style problem in a page's Markdown, in line order."""
    if lang not in LANGUAGES:
        raise ValueError(f"unknown language {lang!r}: expected one of {LANGUAGES}")
    table = _table()
    lines = _prose_lines(text)
    problems: list[Problem] = []
    for line in lines:
        problems += _check_terms(line, lang)
        if lang == "zh":
            problems += _check_publications(line, table.publications)
            problems += _check_punctuation(line)
            problems += _check_spacing(line, table.brands)
            problems += _check_dashes(line)
            problems += _check_ellipses(line)
    if lang == "zh":
        problems += _check_autocorrect(lines, table.brands)
    return sorted(problems, key=lambda problem: problem.line)


def _format(path: str, first_line: int, problem: Problem) -> str:
    return f"{path}:{first_line + problem.line}: {problem.rule}: {problem.message}"


def check_text(text: str, lang: str, path: str, first_line: int = 1) -> list[str]:
    """Every mechanical style problem in text, one 'path:line: rule: what — what to do' each.

    first_line is the line of path on which text starts, for a caller checking a part.
    """
    return [_format(path, first_line, problem) for problem in check_problems(text, lang)]


def language_of(path: Path) -> str | None:
    """en or zh for a page under docs/en/ or docs/zh/, else None."""
    parts = path.resolve().parts
    for index in range(len(parts) - 1):
        if parts[index] == "docs" and parts[index + 1] in LANGUAGES:
            return parts[index + 1]
    return None


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m gtc_site.tools.check_style",
        description="Check Markdown pages against the mechanical rules of STYLE.md.",
    )
    parser.add_argument("paths", nargs="+", metavar="PATH", help="Markdown files under docs/en/ or docs/zh/")
    parser.add_argument("--lang", choices=LANGUAGES, help="the language of every PATH (default: from the path)")
    args = parser.parse_args(argv)
    try:
        _table()
    except StyleTableError as err:
        print(err)
        return 1
    lines: list[str] = []
    counts: Counter[str] = Counter()
    for name in args.paths:
        path = Path(name)
        lang = args.lang or language_of(path)
        if lang is None:
            lines.append(f"{name}: cannot tell the language — check a page under docs/en/ or docs/zh/, or pass --lang")
            counts["usage"] += 1
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            lines.append(f"{name}: cannot be read ({err}) — check the path and that the file is UTF-8")
            counts["usage"] += 1
            continue
        for problem in check_problems(text, lang):
            lines.append(_format(name, 1, problem))
            counts[problem.rule] += 1
    for line in lines:
        print(line)
    if lines:
        summary = ", ".join(f"{rule} {count}" for rule, count in sorted(counts.items()))
        print(f"{len(lines)} problems ({summary}); the rules are in STYLE.md", file=sys.stderr)
    return 1 if lines else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
