"""The Traditional Chinese edition (zh-Hant, Taiwan usage), converted from the Simplified text.

Contributors write English and Simplified Chinese only. Text is converted in two steps:
OpenCC's s2tw gives Traditional characters in their Taiwan forms and rewrites no words;
then the reviewed phrase table, facts/translation/zh-Hant.yml, puts Taiwan vocabulary and
names in place (軟體, 輝達, 黃仁勳). OpenCC's own phrase rewriting (s2twp) is not used: it
turns 参数 into 引數 and 扩展 into 擴充套件. Quotes are converted by script only, so speakers
keep their words. Taiwan quotation marks 「」『』 replace “”‘’ in running text. Code,
addresses, ids, anchors, HTML and [[kind:id]] references pass through unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import opencc

from gtc_site.markdown_source import prose_and_code, split_page
from gtc_site.store.errors import FactError, FactStoreError
from gtc_site.store.read_yaml import read_yaml

# Private-use characters stand in for each phrase while OpenCC runs: it leaves them alone.
_STAND_IN_BASE = 0xE000
# What conversion must not touch in prose: references, link addresses, HTML tags,
# attribute lists ({#anchor .class}) and autolinks (code is found by the Markdown parser).
_PROTECTED = re.compile(
    r"\[\[[^\[\]\n]*\]\]"
    r"|\]\([^)\s]*"
    r"|<[^>\n]+>"
    r"|\{[#.:][^}\n]*\}",
)
# Front-matter fields that readers see; the rest (ids, file paths, search tags) stay as written.
_CONVERTED_FIELDS = re.compile(r"^(title|description): (.*)$", re.MULTILINE)
# "谷歌（Google）" becomes "Google（Google）" where Taiwan writes the English name: say it once.
_REPEATED_NAME = re.compile(r"([A-Za-z0-9][\w .&'-]*)（\1）")
# Simplified Chinese quotation marks and the Taiwan ones: “”‘’ -> 「」『』.
_TAIWAN_QUOTATION_MARKS = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


@dataclass(frozen=True)
class Phrase:
    simplified: str
    traditional: str
    why: str
    line: int


def _read_entries(
    path: Path, display: str, fields: tuple[str, str, str]
) -> tuple[list[tuple[int, int, dict]], list[FactError]]:
    """(index, line, entry) of every well-formed entry of a translation list, and what is wrong with
    the rest: the shape both lists share (each entry exactly these fields, as non-empty text)."""
    doc, errors = read_yaml(path, display)
    if doc is None:
        raise FactStoreError(errors)
    if not isinstance(doc.data, list):
        errors.append(
            FactError(display, 1, "", "the file is not a list of entries", f"start each entry with '- {fields[0]}: '")
        )
    entries = []
    for index, entry in enumerate(doc.data if isinstance(doc.data, list) else []):
        line = doc.line_of((index,))
        if (
            not isinstance(entry, dict)
            or set(entry) != set(fields)
            or not all(isinstance(entry[f], str) for f in fields)
        ):
            errors.append(
                FactError(
                    display,
                    line,
                    f"[{index}]",
                    f"an entry needs exactly {fields[0]}, {fields[1]} and {fields[2]}, each as text",
                    "follow the entries above it",
                )
            )
            continue
        empty = [f for f in fields if not entry[f].strip()]
        if empty:
            errors.append(
                FactError(
                    display, line, f"[{index}].{empty[0]}", f"'{empty[0]}' is empty", "write it, or remove the entry"
                )
            )
            continue
        entries.append((index, line, entry))
    return entries, errors


def read_phrase_table(path: Path, display: str) -> list[Phrase]:
    """The reviewed phrase table; FactStoreError lists every malformed or repeated entry."""
    entries, errors = _read_entries(path, display, ("simplified", "traditional", "why"))
    phrases: list[Phrase] = []
    for index, line, entry in entries:
        first = next((p for p in phrases if p.simplified == entry["simplified"]), None)
        if first is not None:
            errors.append(
                FactError(
                    display,
                    line,
                    f"[{index}]",
                    f"'{entry['simplified']}' is decided twice (first on line {first.line})",
                    "keep one decision",
                )
            )
        else:
            phrases.append(Phrase(entry["simplified"], entry["traditional"], entry["why"], line))
    if errors:
        raise FactStoreError(sorted(errors, key=lambda e: e.line))
    return phrases


def phrase_table_problems(
    phrases: list[Phrase], never: list[NeverEntry], simplified_text: str, display: str
) -> list[FactError]:
    """Entries no Simplified text uses, and entries whose Taiwan form is on the never list."""
    problems = []
    for phrase in phrases:
        wrong = next((e for e in never if e.wrong in phrase.traditional), None)
        if wrong is not None:
            problems.append(
                FactError(
                    display,
                    phrase.line,
                    phrase.simplified,
                    f"its Taiwan form {phrase.traditional} contains {wrong.wrong}, which the never list forbids",
                    f"use {wrong.right}, or correct facts/translation/zh-Hant-never.yml",
                )
            )
        elif phrase.simplified not in simplified_text:
            problems.append(
                FactError(
                    display,
                    phrase.line,
                    phrase.simplified,
                    f"no page or record uses '{phrase.simplified}'",
                    "remove the entry (make translation-report lists what the text needs)",
                )
            )
    return problems


@dataclass(frozen=True)
class NeverEntry:
    wrong: str
    right: str
    why: str


def read_never_list(path: Path, display: str) -> list[NeverEntry]:
    """Known wrong outputs the edition must never contain; FactStoreError lists bad entries."""
    entries, errors = _read_entries(path, display, ("wrong", "right", "why"))
    if errors:
        raise FactStoreError(errors)
    return [NeverEntry(entry["wrong"], entry["right"], entry["why"]) for _, _, entry in entries]


def never_list_problems(text: str, entries: list[NeverEntry], where: str, first_line: int) -> list[FactError]:
    """Every known wrong output in converted text, at the line of the Simplified source it came from."""
    problems = []
    for number, line in enumerate(text.split("\n"), start=first_line):
        for entry in entries:
            if entry.wrong in line:
                problems.append(
                    FactError(
                        where,
                        number,
                        "",
                        f"the Traditional edition would read {entry.wrong} here ({entry.why})",
                        f"use {entry.right}: add the Simplified phrase with that form to facts/translation/zh-Hant.yml",
                    )
                )
    return problems


class TraditionalConverter:
    """Simplified -> Taiwan Traditional for one build: the phrase table it was made with,
    and what it has converted so far (record names are converted on every page citing them)."""

    def __init__(self, phrases: dict[str, str]) -> None:
        # Longest first, so that 黄仁勋 wins over 黄.
        ordered = sorted(phrases.items(), key=lambda item: -len(item[0]))
        self._phrases = [(s, chr(_STAND_IN_BASE + i), t) for i, (s, t) in enumerate(ordered)]
        self._characters = opencc.OpenCC("s2tw")
        self._texts: dict[str, str] = {}
        self._quotes: dict[str, str] = {}

    def text(self, text: str) -> str:
        """Running text: characters, then the reviewed Taiwan phrases, then 「」."""
        converted = self._texts.get(text)
        if converted is None:
            converted = text
            for simplified, stand_in, _ in self._phrases:
                converted = converted.replace(simplified, stand_in)
            converted = self._characters.convert(converted)
            for _, stand_in, traditional in self._phrases:
                converted = converted.replace(stand_in, traditional)
            converted = _REPEATED_NAME.sub(r"\1", converted.translate(_TAIWAN_QUOTATION_MARKS))
            self._texts[text] = converted
        return converted

    def quote(self, text: str) -> str:
        """A speaker's words: script only, no words changed."""
        converted = self._quotes.get(text)
        if converted is None:
            converted = self._quotes[text] = self._characters.convert(text).translate(_TAIWAN_QUOTATION_MARKS)
        return converted

    def markdown(self, markdown: str) -> str:
        """Markdown with its prose converted and its code, syntax and addresses untouched."""
        out: list[str] = []
        for is_code, piece in prose_and_code(markdown):
            if is_code:
                out.append(piece)
                continue
            position = 0
            for match in _PROTECTED.finditer(piece):
                out.append(self.text(piece[position : match.start()]))
                out.append(match.group(0))
                position = match.end()
            out.append(self.text(piece[position:]))
        return "".join(out)

    def page(self, text: str, source: str) -> str:
        """A whole page: reader-facing front matter and body converted, marked with its source."""
        page = split_page(text)
        meta = page.front_matter or ""
        meta = _CONVERTED_FIELDS.sub(lambda m: f"{m.group(1)}: {self.text(m.group(2))}", meta)
        return f"---\n{meta}converted_from: {source}\n---\n\n{self.markdown(page.body)}"


class SimplifiedScript:
    """The source's Traditional words in Simplified characters for the zh pages: script
    only (t2s), so the quoted words stay the source's."""

    def __init__(self) -> None:
        self._characters = opencc.OpenCC("t2s")

    def convert(self, text: str) -> str:
        return self._characters.convert(text)
