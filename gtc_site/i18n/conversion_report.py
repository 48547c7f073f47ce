"""Which words OpenCC's Taiwan phrasing (s2twp) would change beyond plain s2tw, for review.

The Traditional edition is converted with s2tw (characters only) plus a reviewed phrase
table (facts/translation/zh-Hant.yml), so that no vocabulary change reaches readers unless
someone decided it. This module finds the vocabulary changes s2twp *would* make in our text
(参数 → 引數, 软件 → 軟體 …), so that each can be accepted into the table, improved, or
rejected onto the never list (facts/translation/zh-Hant-never.yml). It is a review tool,
not the build: Markdown syntax is skipped with simple patterns.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache

import opencc

# What is not prose: fenced code is handled per line; these are skipped inside a line.
_INLINE_SKIP = re.compile(
    r"(`+)[^\n]*?\1"  # code spans
    r"|\[\[[^\[\]\n]*\]\]"  # [[kind:id]] references, resolved and converted later
    r"|\]\([^)\s]*\)?"  # link addresses
    r"|<[^>\n]+>"  # HTML tags and autolinks
    r"|\{[#.:][^}\n]*\}"  # attribute lists {#anchor .class}
    r"|https?://\S+"  # bare addresses
)
_FENCE = re.compile(r"^\s*(```|~~~)")
# Front-matter fields readers see; the build leaves the others (ids, tags) as written.
_SHOWN_FIELD = re.compile(r"^(?:title|description): ")
# How far a differing span may be widened on each side to find the word OpenCC converted.
_MAX_WIDEN = 6
_EXAMPLE_CONTEXT = 18


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


@cache
def s2tw(text: str) -> str:
    """Characters only, Taiwan variants: the base of the edition."""
    return _converter("s2tw").convert(text)


@cache
def s2twp(text: str) -> str:
    """Characters and Taiwan phrasing: what the edition used to get."""
    return _converter("s2twp").convert(text)


@cache
def written_traditional(text: str) -> bool:
    """Whether text is already in Traditional characters (an alias such as 英偉達 written
    so on purpose): s2tw keeps it, and it asks for no decision."""
    return _converter("t2s").convert(text) != text


@dataclass(frozen=True)
class Example:
    """Where a word occurs: 'path:line' and the line around it."""

    path: str
    line: int
    text: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}"


@dataclass(frozen=True)
class Conversion:
    """One distinct word that s2twp converts differently from s2tw, and what we decided.

    Of its `count` occurrences, `decided` are covered by a table entry (`decisions`: each
    covering "simplified → Taiwan form"), and `rejected` are left to s2tw because s2twp would
    write a string of the never list there (`never`: those strings). `example` is the first
    occurrence still undecided, or else the first one.
    """

    simplified: str
    s2tw: str
    s2twp: str
    count: int
    decided: int
    decisions: tuple[str, ...]
    rejected: int
    never: tuple[str, ...]
    example: Example

    @property
    def undecided(self) -> int:
        return self.count - self.decided - self.rejected

    @property
    def reviewed(self) -> bool:
        """Nothing left to decide: every occurrence is decided or rejected, or the word is
        already written in Traditional (s2tw keeps it as written)."""
        return self.undecided == 0 or written_traditional(self.simplified)


@dataclass(frozen=True)
class TableUse:
    """One entry of the phrase table and how often it applies to the text."""

    simplified: str
    traditional: str
    count: int
    s2tw: str
    s2twp: str
    example: Example | None


@dataclass
class _Tally:
    count: int = 0
    decided: int = 0
    rejected: int = 0
    decisions: set[str] = field(default_factory=set)
    never: set[str] = field(default_factory=set)
    example: Example | None = None
    open_example: Example | None = None


def prose_lines(markdown: str) -> Iterable[tuple[int, str, list[tuple[int, str]]]]:
    """(line number, line, [(column, prose segment)]) for every line with text to convert.

    Front matter counts only for its title and description; fenced code, code spans,
    references, link addresses, HTML tags and attribute lists are left out. Each segment is
    converted on its own, as the build converts the text between protected spans.
    """
    lines = markdown.split("\n")
    front_end = -1
    if lines and lines[0] == "---":
        front_end = next((i for i in range(1, len(lines)) if lines[i] == "---"), -1)
    fence: str | None = None
    for index, line in enumerate(lines):
        start = 0
        if index <= front_end:
            match = _SHOWN_FIELD.match(line)
            if index == 0 or index == front_end or not match:
                continue
            start = match.end()
        fence_match = _FENCE.match(line)
        if fence_match:
            marker = fence_match.group(1)
            if fence is None:
                fence = marker
                continue
            if marker == fence:
                fence = None
                continue
        if fence is not None:
            continue
        segments: list[tuple[int, str]] = []
        position = start
        for skipped in _INLINE_SKIP.finditer(line, start):
            if skipped.start() > position:
                segments.append((position, line[position : skipped.start()]))
            position = skipped.end()
        if position < len(line):
            segments.append((position, line[position:]))
        segments = [(column, text) for column, text in segments if not text.isascii()]
        if segments:
            yield index + 1, line, segments


def table_matches(text: str, table: Mapping[str, str]) -> list[tuple[int, int, str]]:
    """(start, end, simplified) of each table entry applied to text, longest entry first
    (entries of one length in table order), never overlapping an earlier match: what the
    build's stand-in replacement does."""
    covered = list(text)
    found: list[tuple[int, int, str]] = []
    for simplified in sorted(table, key=len, reverse=True):
        if not simplified:
            continue
        haystack = "".join(covered)
        position = haystack.find(simplified)
        while position >= 0:
            end = position + len(simplified)
            found.append((position, end, simplified))
            covered[position:end] = ["\0"] * len(simplified)
            position = haystack.find(simplified, end)
    return sorted(found)


def _word_at(source: str, tw: str, twp: str, a1: int, a2: int, b1: int, b2: int) -> tuple[int, int] | None:
    """The shortest span of source around source[a1:a2] that s2twp converts, on its own, to
    the same text it became in the line: the word OpenCC's phrase table matched."""
    need = max(a2 - a1, 1)
    for length in range(need, need + 2 * _MAX_WIDEN + 1):
        for start in range(max(0, a2 - length), min(a1, len(source) - length) + 1):
            end = start + length
            expected = tw[start:a1] + twp[b1:b2] + tw[a2:end]
            if s2twp(source[start:end]) == expected and s2tw(source[start:end]) != expected:
                return start, end
    return None


def _split(source: str, start: int, end: int) -> list[tuple[int, int]]:
    """A span cut into the separate words s2twp converted (内存带宽 → 内存, 带宽), where its
    conversion is the conversions of its parts put together; only the parts it changes."""
    whole = s2twp(source[start:end])
    for cut in range(start + 1, end):
        if s2twp(source[start:cut]) + s2twp(source[cut:end]) == whole:
            parts = _split(source, start, cut) + _split(source, cut, end)
            return [(a, b) for a, b in parts if s2tw(source[a:b]) != s2twp(source[a:b])]
    return [(start, end)]


def phrase_changes(segment: str) -> list[tuple[int, int]]:
    """Spans (start, end) of segment that s2twp converts as a phrase unlike s2tw.

    s2tw keeps the length of the text (character for character); s2twp may not (内存 →
    記憶體). The two outputs are compared with difflib, and each differing span is widened
    to the shortest surrounding word whose own conversion explains it; neighbouring spans
    that only make sense together (服务器: 服務器 → 伺服器) are tried as one, and a span that
    is several words in a row (内存带宽) is cut into them.
    """
    tw, twp = s2tw(segment), s2twp(segment)
    if tw == twp:
        return []
    if len(tw) != len(segment):  # not expected from OpenCC's s2t; report the segment whole
        return [(0, len(segment))]
    opcodes = [op for op in difflib.SequenceMatcher(None, tw, twp, autojunk=False).get_opcodes() if op[0] != "equal"]
    spans: list[tuple[int, int]] = []
    index = 0
    while index < len(opcodes):
        found = None
        for last in range(index, min(index + 4, len(opcodes))):
            _, a1, _, b1, _ = opcodes[index]
            _, _, a2, _, b2 = opcodes[last]
            found = _word_at(segment, tw, twp, a1, a2, b1, b2)
            if found:
                break
        if found is None:
            _, a1, a2, _, _ = opcodes[index]
            found, last = (a1, max(a2, a1 + 1)), index
        for part in _split(segment, *found):
            if not spans or part != spans[-1]:
                spans.append(part)
        index = last + 1
    return spans


def _shorten(line: str, start: int, end: int) -> str:
    left, right = max(0, start - _EXAMPLE_CONTEXT), min(len(line), end + _EXAMPLE_CONTEXT)
    return ("…" if left else "") + line[left:right].strip() + ("…" if right < len(line) else "")


def _never_at(segment: str, start: int, end: int, never: tuple[str, ...]) -> list[str]:
    """Never-list strings that s2twp writes around segment[start:end] and s2tw does not:
    the occurrence's s2twp form is a known wrong one (原始设备制造商 -> 原始裝置製造商)."""
    left, right = max(0, start - _MAX_WIDEN), min(len(segment), end + _MAX_WIDEN)
    twp, tw = s2twp(segment[left:right]), s2tw(segment[left:right])
    return [wrong for wrong in never if wrong and wrong in twp and wrong not in tw]


def analyse(
    texts: Mapping[str, str], table: Mapping[str, str], never: Iterable[str] = ()
) -> tuple[list[Conversion], list[TableUse]]:
    """Every distinct phrase conversion of s2twp beyond s2tw in texts, and the use of each
    table entry (never: the `wrong` strings of the never list). Sorted: most frequent first,
    then by the Simplified word."""
    never = tuple(never)
    tallies: dict[tuple[str, str, str], _Tally] = {}
    uses: dict[str, _Tally] = {key: _Tally() for key in table}
    for path in sorted(texts):
        for number, line, segments in prose_lines(texts[path]):
            for column, segment in segments:
                matches = table_matches(segment, table)
                for m_start, m_end, key in matches:
                    use = uses[key]
                    use.count += 1
                    if use.example is None:
                        use.example = Example(path, number, _shorten(line, column + m_start, column + m_end))
                for start, end in phrase_changes(segment):
                    word = segment[start:end]
                    tally = tallies.setdefault((word, s2tw(word), s2twp(word)), _Tally())
                    tally.count += 1
                    example = Example(path, number, _shorten(line, column + start, column + end))
                    tally.example = tally.example or example
                    covering = [key for m_start, m_end, key in matches if m_start < end and start < m_end]
                    wrong = [] if covering else _never_at(segment, start, end, never)
                    if covering:
                        tally.decided += 1
                        tally.decisions.update(f"{key} → {table[key]}" for key in covering)
                    elif wrong:
                        tally.rejected += 1
                        tally.never.update(wrong)
                    elif tally.open_example is None:
                        tally.open_example = example
    conversions = [
        Conversion(
            simplified=word,
            s2tw=tw,
            s2twp=twp,
            count=tally.count,
            decided=tally.decided,
            decisions=tuple(sorted(tally.decisions)),
            rejected=tally.rejected,
            never=tuple(sorted(tally.never)),
            example=tally.open_example or tally.example or Example("", 0, ""),
        )
        for (word, tw, twp), tally in tallies.items()
    ]
    conversions.sort(key=lambda c: (-c.count, c.simplified, c.s2twp))
    table_uses = [
        TableUse(key, table[key], use.count, s2tw(key), s2twp(key), use.example)
        for key, use in sorted(uses.items(), key=lambda item: (-item[1].count, item[0]))
    ]
    return conversions, table_uses


def undecided_conversions(
    texts: Mapping[str, str], table: Mapping[str, str], never: Iterable[str] = ()
) -> list[Conversion]:
    """Phrase conversions nobody reviewed: some occurrence is covered by no table entry and
    s2twp would not write a never-list string there. A check can fail on these."""
    return [c for c in analyse(texts, table, never)[0] if not c.reviewed]


def _decision(c: Conversion) -> str:
    parts = []
    if c.decided:
        parts.append("; ".join(c.decisions) + (f" ({c.decided} of {c.count})" if c.decided < c.count else ""))
    if c.rejected:
        parts.append(
            f"s2tw kept, never {'、'.join(c.never)}" + (f" ({c.rejected} of {c.count})" if c.rejected < c.count else "")
        )
    if c.undecided:
        parts.append(
            "written in Traditional, kept as written"
            if written_traditional(c.simplified)
            else "undecided" + (f" ({c.undecided} of {c.count})" if c.undecided < c.count else "")
        )
    return "; ".join(parts)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def conversion_report(texts: Mapping[str, str], table: Mapping[str, str], never: Iterable[str] = ()) -> str:
    """The review report as Markdown: s2twp's phrase conversions with our decisions, then
    the table's entries with how often each applies ("unused" if never)."""
    conversions, uses = analyse(texts, table, never)
    undecided = [c for c in conversions if not c.reviewed]
    lines = [
        "# Phrase conversions: s2twp beyond s2tw",
        "",
        f"{len(conversions)} distinct word(s), {sum(c.count for c in conversions)} occurrence(s) "
        f"in {len(texts)} text(s); {len(undecided)} word(s) undecided.",
        "",
        "| Simplified | s2tw | s2twp | Decision | Count | Example |",
        "| --- | --- | --- | --- | ---: | --- |",
    ]
    for c in conversions:
        decision = _decision(c)
        lines.append(
            f"| {_cell(c.simplified)} | {_cell(c.s2tw)} | {_cell(c.s2twp)} | {_cell(decision)} | {c.count} "
            f"| {c.example}: {_cell(c.example.text)} |"
        )
    lines += [
        "",
        "# Phrase table entries",
        "",
        "| Simplified | Traditional | s2tw | s2twp | Count | Example |",
        "| --- | --- | --- | --- | ---: | --- |",
    ]
    for use in uses:
        where = f"{use.example}: {_cell(use.example.text)}" if use.example else "unused"
        lines.append(
            f"| {_cell(use.simplified)} | {_cell(use.traditional)} | {_cell(use.s2tw)} | {_cell(use.s2twp)} "
            f"| {use.count} | {where} |"
        )
    return "\n".join(lines) + "\n"
