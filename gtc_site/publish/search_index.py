"""One search index per language.

mkdocs-static-i18n writes a single search/search_index.json holding every language, so a
search on a Chinese page also returns English pages. This splits it: <lang>/search/
search_index.json holds only that language's pages, with locations relative to that
language's root; overrides/main.html points each page's search at its own language.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

INDEX = Path("search") / "search_index.json"
# Lunr language for each site language; lunr has no zh-Hant of its own (Material would
# request a lunr.zh-Hant.js that does not exist).
SEARCH_LANGUAGES = {"zh-Hant": "zh"}
# Material joins the words jieba found with U+200B.
WORD_BREAK = "\u200b"
_HAN = re.compile(r"[\u3400-\u9fff]")


class NameGlue:
    """Glues a one-character Chinese word that begins a store name onto a neighbouring word.

    Material splits a Chinese query at the longest indexed word that starts it and
    searches the rest as a prefix: if 英 is a word anywhere (中|英|两个), 英伟达 is searched
    as 英* and 英特尔 can outrank 英伟达. Such a lone character is glued to the word before
    it, or after it, but never onto a name (英伟达所 would outrank 英伟达 as a rare word).
    Only invisible U+200B marks move, so result excerpts read the same.
    """

    def __init__(self, names: frozenset[str]) -> None:
        self.names = names
        self.first_characters = frozenset(name[0] for name in names)
        characters = "".join(sorted(self.first_characters))
        # Finds a one-character word that begins a name; most entries have none.
        self._lone = re.compile(f"(?:^|{WORD_BREAK})[{re.escape(characters)}](?:{WORD_BREAK}|$)") if names else None

    def join(self, text: str) -> str:
        if WORD_BREAK not in text or self._lone is None or not self._lone.search(text):
            return text
        pieces = text.split(WORD_BREAK)
        out: list[str] = []
        glue_next = False
        for index, piece in enumerate(pieces):
            if glue_next:
                out[-1] += piece
                glue_next = False
                continue
            if len(piece) == 1 and piece in self.first_characters:
                before = out[-1] if out else ""
                after = pieces[index + 1] if index + 1 < len(pieces) else ""
                if before and _HAN.match(before[-1]) and before not in self.names:
                    out[-1] += piece
                    continue
                if after and _HAN.match(after[0]) and after not in self.names:
                    out.append(piece)
                    glue_next = True
                    continue
            out.append(piece)
        return WORD_BREAK.join(out)


def language_of_location(location: str, locales: list[str], default: str) -> str:
    for locale in locales:
        if locale != default and (location == f"{locale}/" or location.startswith(f"{locale}/")):
            return locale
    return default


def split_search_index(site_dir: Path, locales: list[str], default: str, names: frozenset[str]) -> dict[str, int]:
    """Rewrite the merged index as one index per language; return entries per language.

    names: the Chinese words jieba was given (see NameGlue).
    """
    glue = NameGlue(names)
    merged = json.loads((site_dir / INDEX).read_text(encoding="utf-8"))
    docs: dict[str, list[dict]] = {locale: [] for locale in locales}
    for entry in merged["docs"]:
        locale = language_of_location(entry["location"], locales, default)
        entry = {
            **entry,
            "title": glue.join(entry["title"]),
            "text": glue.join(entry["text"]),
        }
        if locale != default:
            entry["location"] = entry["location"][len(locale) + 1 :]
        docs[locale].append(entry)
    for locale, entries in docs.items():
        target = site_dir / ("" if locale == default else locale) / INDEX
        target.parent.mkdir(parents=True, exist_ok=True)
        config = {**merged["config"], "lang": [SEARCH_LANGUAGES.get(locale, locale)]}
        target.write_text(
            json.dumps({"config": config, "docs": entries}, ensure_ascii=False, separators=(",", ":")), encoding="utf-8"
        )
    return {locale: len(entries) for locale, entries in docs.items()}
