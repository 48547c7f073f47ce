"""One search index per language.

mkdocs-static-i18n writes a single search/search_index.json holding every language, so a
search on a Chinese page also returns English pages. This splits it: <lang>/search/
search_index.json holds only that language's pages, with locations relative to that
language's root; overrides/main.html points each page's search at its own language.

Three more things happen to each index on the way:

- the Traditional edition's Chinese is cut into words again, through its Simplified form:
  jieba's dictionary is Simplified, so Material's cut gave 機器|人, 時|間 and 出|處 where the
  Simplified pages have 机器人, 时间 and 出处 (the cut is the same as jieba's on zh);
- a chapter section's `cites` field holds the names of the records it cites (every
  spelling in their pages' search tags), so "Jensen Huang keynote" or 英伟达投资 finds the
  section that is about both, not only the pages named so;
- a Chinese record title whose name already carries a gloss keeps only that one
  (扩展现实（XR） rather than 扩展现实（XR）（Extended reality (XR)））.

Chinese words stay as jieba cut them: overrides/assets/search-query.js cuts the query at
the index's own words and keeps Material's query segmenter off it.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from functools import cache
from pathlib import Path

import jieba
import opencc

INDEX = Path("search") / "search_index.json"
# Lunr language for each site language; lunr has no zh-Hant of its own (Material would
# request a lunr.zh-Hant.js that does not exist).
SEARCH_LANGUAGES = {"zh-Hant": "zh"}
# Material joins the words jieba found with U+200B.
WORD_BREAK = "\u200b"
# Pages whose sections are indexed with the names they cite: the hand-written chapters.
CITING_FOLDER = "chapters"
# The field those names go into, and its weight beside title (1000), tags (100), text (1).
CITES_FIELD = "cites"
CITES_BOOST = 10
# Editions converted from Simplified text -> the edition they come from; cut again through
# their Simplified form.
RESEGMENTED = {"zh-Hant": "zh"}
# A Chinese run as Material left it: Han characters with jieba's U+200B between words.
_SEGMENTED_RUN = re.compile(
    r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff](?:\u200b?[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])*"
)


@cache  # OpenCC converters hold no state of a build
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def in_script(spelling: str, locale: str) -> bool:
    """Whether spelling is written in the script of locale's pages (text without Chinese
    is in every script). The query script finds the other script's spellings through the
    page's own."""
    if locale == "zh":
        return _opencc("t2s").convert(spelling) == spelling
    if locale in RESEGMENTED:
        return _opencc("s2t").convert(spelling) == spelling
    return True


def _unbroken(run: str) -> str:
    return run.replace(WORD_BREAK, "")


def resegment_edition(entries: list[dict], source_entries: list[dict]) -> None:
    """Cut each Chinese run of a converted edition's titles and texts as its Simplified
    form is cut: as in the edition it was converted from where that run occurs there (most
    runs), else by jieba (with the user dictionary Material's search plugin gave it).

    A run whose Simplified form has another length keeps its cut.
    """
    cuts = {}
    for entry in source_entries:
        for field in ("title", "text"):
            for match in _SEGMENTED_RUN.finditer(entry.get(field) or ""):
                cuts[_unbroken(match.group(0))] = match.group(0).split(WORD_BREAK)
    runs = sorted(
        {
            _unbroken(m.group(0))
            for entry in entries
            for f in ("title", "text")
            for m in _SEGMENTED_RUN.finditer(entry.get(f) or "")
        }
    )
    # One OpenCC call for every run: a call costs more than the characters it converts.
    simplified = _opencc("t2s").convert("\n".join(runs)).split("\n")
    cut = {}
    for run, plain in zip(runs, simplified, strict=True):
        if len(plain) != len(run):
            continue
        words, position = [], 0
        for word in cuts.get(plain) or jieba.lcut(plain):
            words.append(run[position : position + len(word)])
            position += len(word)
        cut[run] = WORD_BREAK.join(words)

    def replace(match: re.Match[str]) -> str:
        return cut.get(_unbroken(match.group(0)), match.group(0))

    for entry in entries:
        for field in ("title", "text"):
            if entry.get(field):
                entry[field] = _SEGMENTED_RUN.sub(replace, entry[field])


def language_of_location(location: str, locales: list[str], default: str) -> str:
    for locale in locales:
        if locale != default and (location == f"{locale}/" or location.startswith(f"{locale}/")):
            return locale
    return default


def single_gloss(title: str) -> str:
    """扩展现实（XR）（Extended reality (XR)） -> 扩展现实（XR）: a Chinese name that already
    carries a gloss in brackets is not glossed a second time."""
    if not title.endswith("）"):
        return title
    depth = 0
    for position in range(len(title) - 1, -1, -1):
        depth += {"）": 1, "（": -1}.get(title[position], 0)
        if depth == 0:
            head = title[:position].rstrip(WORD_BREAK + " ")
            return head if head and ("（" in head or "(" in head) else title
    return title


# In a built page's article: a heading with an id, or a cross-reference's link.
_ARTICLE = re.compile(r"<article\b.*?</article>", re.DOTALL)
_HEADING_OR_LINK = re.compile(r'<(h[1-6])\b[^>]*?\bid="([^"]+)"|<a\b([^>]*)>')
_XREF_CLASS = re.compile(r'\bclass="[^"]*\bxref\b')
_HREF = re.compile(r'\bhref="([^"]*)"')


def cited_links(page_html: str) -> dict[str, list[str]]:
    """Each search section of a built page -> the addresses of the cross-references in it.

    Sections as Material's search plugin cuts them: at every heading with an id, the first
    heading being the page itself when it is an h1 ("" is the page).
    """
    sections: dict[str, list[str]] = {"": []}
    current, first = "", True
    for article in _ARTICLE.findall(page_html):
        for match in _HEADING_OR_LINK.finditer(article):
            tag, anchor, attributes = match.groups()
            if tag:
                if not (first and tag == "h1"):
                    current = f"#{html.unescape(anchor)}"
                    sections.setdefault(current, [])
                first = False
            elif _XREF_CLASS.search(attributes) and (href := _HREF.search(attributes)):
                sections[current].append(html.unescape(href.group(1)))
    return sections


def _page_of(location: str) -> str:
    return location.split("#", 1)[0]


def add_cited_names(entries: list[dict], language_dir: Path, locale: str) -> int:
    """Give each chapter section a `cites` field: the search tags of the records it links
    to, those in the page's script. entries: one language's index entries, locations
    relative to language_dir (its built pages). Returns the number of sections given names."""
    names_of = {
        entry["location"]: [tag for tag in entry["tags"] if in_script(tag, locale)]
        for entry in entries
        if entry.get("tags")
    }
    by_location = {entry["location"]: entry for entry in entries}
    given = 0
    for page in sorted({_page_of(entry["location"]) for entry in entries}):
        if CITING_FOLDER not in page.split("/"):
            continue
        html_file = language_dir / page / "index.html"
        if not html_file.is_file():
            continue
        for anchor, links in cited_links(html_file.read_text(encoding="utf-8")).items():
            entry = by_location.get(page + anchor)
            if entry is None:
                continue
            names: dict[str, None] = {}
            for href in links:
                target = posixpath.normpath(posixpath.join(page, href.split("#", 1)[0])) + "/"
                names.update(dict.fromkeys(names_of.get(target, ())))
            if names:
                entry[CITES_FIELD] = list(names)
                given += 1
    return given


def split_search_index(site_dir: Path, locales: list[str], default: str) -> dict[str, int]:
    """Rewrite the merged index as one index per language; return entries per language."""
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    docs: dict[str, list[dict]] = {locale: [] for locale in locales}
    for entry in merged["docs"]:
        locale = language_of_location(entry["location"], locales, default)
        entry = {**entry}
        if locale != default:
            entry["location"] = entry["location"][len(locale) + 1 :]
        if entry.get("tags"):
            entry["title"] = single_gloss(entry["title"])
        docs[locale].append(entry)
    for locale, source in RESEGMENTED.items():
        if locale in docs and source in docs:
            resegment_edition(docs[locale], docs[source])
    fields = {**merged["config"]["fields"], CITES_FIELD: {"boost": CITES_BOOST}}
    for locale, entries in docs.items():
        folder = site_dir / ("" if locale == default else locale)
        add_cited_names(entries, folder, locale)
        target = folder / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        config = {**merged["config"], "lang": [SEARCH_LANGUAGES.get(locale, locale)], "fields": fields}
        target.write_text(
            json.dumps({"config": config, "docs": entries}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    return {locale: len(entries) for locale, entries in docs.items()}
