"""What the search box needs to read a reader's query the way the index was written.

overrides/assets/search-query.js rewrites each query in the browser before Material's
search worker sees it: Chinese runs are cut into words (this site's dictionary first,
longest match, then the browser's Intl.Segmenter), and a query in the other script or in
mainland vocabulary also looks for the page's own forms (芯片 also looks for 晶片 on zh-Hant,
機器人 for 机器人 on zh). This module writes, for each language, <lang>/search/
search_query.json beside that language's index:

- words: the dictionary jieba was given (store names, aliases, their Traditional
  spellings), space-separated;
- chars (zh, zh-Hant): pairs of characters, "from" then "to", for the characters of the
  other script whose page form occurs in the index (and only those: the file stays small);
- phrases (zh, zh-Hant): words whose page form is not their characters converted one by
  one: the reviewed Taiwan phrase table (软件 → 軟體, 英伟达 → 輝達) or its reverse, and
  on zh-Hant the indexed words that OpenCC's character conversion would get wrong.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from functools import cache
from pathlib import Path

import opencc

from gtc_site.publish.search_index import INDEX

DATA = Path("search") / "search_query.json"
SIMPLIFIED, TRADITIONAL = "zh", "zh-Hant"
_HAN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]")
_HAN_WORD = re.compile(r"^[\u3400-\u9fff\U00020000-\U0002ffff]{2,}$")
_HAN_RUN = re.compile(r"[\u3400-\u9fff\U00020000-\U0002ffff]{2,}")
_TAG = re.compile(r"<[^>]*>")
# Longest dictionary word the browser tries at each position (names are 2 to 4 characters;
# phrase-table entries a little longer).
LONGEST_WORD = 8


@cache  # OpenCC converters hold no state of a build
def _opencc(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def _convert(config: str, text: str) -> str:
    return _opencc(config).convert(text)


def _convert_each(config: str, texts: list[str]) -> list[str]:
    """Each text converted, in one OpenCC call (a call costs more than its characters)."""
    converted = _convert(config, "\n".join(texts)).split("\n")
    return converted if len(converted) == len(texts) else [_convert(config, text) for text in texts]


def _page_text(index: Mapping) -> str:
    """The words readers see in the index: titles and text, not the search tags (which
    hold the other script's spellings on purpose)."""
    return "\n".join(_TAG.sub(" ", f"{doc.get('title', '')}\n{doc.get('text', '')}") for doc in index["docs"])


def _han_counts(text: str) -> Counter[str]:
    return Counter(_HAN.findall(text))


def _to_page_form(locale: str, characters: list[str]) -> list[str]:
    if locale == SIMPLIFIED:
        return _convert_each("t2s", characters)
    return _convert_each("s2tw", _convert_each("t2s", characters))


def character_pairs(locale: str, page_text: str) -> dict[str, str]:
    """Other-script characters -> their form on this language's pages.

    Only characters whose page form occurs on the pages, and more often than they do
    themselves: record pages also show a name's other spellings (中文名 黄仁勋 on zh-Hant).
    """
    counts = _han_counts(page_text)
    sample = "".join(sorted(counts))
    if locale == SIMPLIFIED:
        configs = ("s2t", "s2tw", "s2hk")
        candidates = "".join(_convert(config, sample) for config in configs)
    else:
        simplified = _convert("t2s", sample) + _convert("tw2s", sample)
        candidates = simplified + "".join(_convert(config, simplified) for config in ("s2t", "s2hk"))
    characters = sorted(set(_HAN.findall(candidates)))
    pairs = {}
    for character, target in zip(characters, _to_page_form(locale, characters), strict=True):
        if len(target) == 1 and target != character and counts[target] > counts[character]:
            pairs[character] = target
    return pairs


def _by_characters(text: str, pairs: Mapping[str, str]) -> str:
    return "".join(pairs.get(character, character) for character in text)


def phrase_pairs(locale: str, phrases: Mapping[str, str], page_text: str, pairs: Mapping[str, str]) -> dict[str, str]:
    """Words -> their page form where converting character by character would not give it.

    phrases: the reviewed phrase table, Simplified -> Taiwan Traditional. Only entries that
    are Chinese words on both sides are kept (the browser converts Chinese runs).
    """
    out: dict[str, str] = {}
    if locale not in (SIMPLIFIED, TRADITIONAL):
        return out
    for simplified, traditional in phrases.items():
        if not (_HAN_WORD.match(simplified) and _HAN_WORD.match(traditional)):
            continue
        if locale == TRADITIONAL:
            # Typed in Simplified, or in mainland vocabulary with Traditional characters (軟件).
            keys, target = [simplified, _convert("s2t", simplified), _convert("s2hk", simplified)], traditional
        else:
            # Typed in Taiwan vocabulary, in either script (輝達, 辉达).
            keys, target = [traditional, _convert("t2s", traditional), _convert("tw2s", traditional)], simplified
        for key in keys:
            # On zh, a Taiwan word that is also written on the Simplified pages (电脑 in
            # 超微电脑) is a word of their own, not one to replace.
            if key == target or key in out or _by_characters(key, pairs) == target:
                continue
            if locale == SIMPLIFIED and key in page_text:
                continue
            out[key] = target
    if locale == TRADITIONAL:
        # Indexed words that character conversion of their Simplified form gets wrong
        # (头发 -> 頭髮, not 頭發), the most frequent one where several share a Simplified form.
        words = Counter(word for word in _HAN_RUN.findall(page_text) if len(word) <= LONGEST_WORD)
        ordered = [word for word, _ in words.most_common()]
        for word, simplified in zip(ordered, _convert_each("tw2s", ordered), strict=True):
            if simplified == word or simplified in out or words[_by_characters(simplified, pairs)]:
                continue
            out[simplified] = word
    return dict(sorted(out.items()))


def dictionary(names: Iterable[str]) -> list[str]:
    """Words the browser keeps whole when it cuts a Chinese query: the names jieba was given
    (it learns the phrases' words from the phrases themselves)."""
    return sorted({name for name in names if _HAN_WORD.match(name) and len(name) <= LONGEST_WORD})


def search_query_data(locale: str, index: Mapping, names: Iterable[str], phrases: Mapping[str, str]) -> str:
    """The JSON text of <locale>/search/search_query.json.

    index: that language's search index as split_search_index wrote it; names: the Chinese
    words jieba was given (gtc_site.render.search_terms.jieba_words); phrases: the reviewed
    phrase table, Simplified -> Taiwan Traditional.
    """
    data: dict[str, object] = {}
    if locale in (SIMPLIFIED, TRADITIONAL):
        page_text = _page_text(index)
        pairs = character_pairs(locale, page_text)
        word_pairs = phrase_pairs(locale, phrases, page_text, pairs)
        data["words"] = " ".join(dictionary(names))
        data["chars"] = "".join(f"{key}{value}" for key, value in pairs.items())
        data["phrases"] = word_pairs
    else:
        # English pages: Chinese is found in the search tags, written in both scripts.
        data["words"] = " ".join(dictionary(names))
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def write_search_query_data(
    site_dir: Path, locales: list[str], default: str, names: Iterable[str], phrases: Mapping[str, str]
) -> dict[str, int]:
    """Write <lang>/search/search_query.json for every language; return the bytes of each.

    Call after split_search_index: it reads each language's own index.
    """
    names = tuple(names)
    written = {}
    for locale in locales:
        folder = site_dir / ("" if locale == default else locale)
        index = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        text = search_query_data(locale, index, names, phrases)
        (folder / DATA).write_text(text, encoding="utf-8")
        written[locale] = len(text.encode("utf-8"))
    return written
