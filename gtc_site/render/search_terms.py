"""What search should know about each record beyond the page text.

Readers type a record's name in either language, an alias, a variant spelling (GROOT
for GR00T) or the Traditional-Chinese form (輝達, 黃仁勳). These go into the record page's
front-matter `tags`, which Material's search indexes with a very large boost, so an exact
name puts that record's page first. Chinese names also go into jieba's user dictionary,
so that 英伟达 stays one word instead of 英|伟达.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

from gtc_site.store.model import FactStore, Record

# Simplified -> Traditional as written in Taiwan (with its vocabulary), Hong Kong and generically.
_TRADITIONAL_CONFIGS = ("s2twp", "s2hk", "s2t")
_HAN_RUN = re.compile(r"[\u3400-\u9fff]+")
# Lunr matches by prefix: a long compound in the dictionary would hide its tail
# (推理微服务 would make 微服务 unfindable), so only short runs become dictionary words.
LONGEST_DICTIONARY_WORD = 4


@cache  # one converter per OpenCC configuration: they hold no state of a build
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def traditional_variants(text: str) -> list[str]:
    """Traditional-Chinese spellings of text that differ from it, without repeats."""
    variants = (_converter(config).convert(text) for config in _TRADITIONAL_CONFIGS)
    return [variant for variant in dict.fromkeys(variants) if variant != text]


def search_tags(record: Record) -> list[str]:
    """Every spelling a reader might type for record, for its page's search tags."""
    spellings = [record.name.en, record.name.zh, *record.aliases, *record.search_variants]
    for spelling in [record.name.zh, *record.aliases, *record.search_variants]:
        if _HAN_RUN.search(spelling):
            spellings += traditional_variants(spelling)
    return list(dict.fromkeys(spellings))


# Kinds whose names are words (figures, quotes and events are named with phrases).
NAMED_KINDS = ("terms", "people", "organizations")


def jieba_words(store: FactStore) -> tuple[str, ...]:
    """Chinese words for jieba's user dictionary: names and aliases of terms, people, organizations."""
    words: dict[str, None] = {}
    for record in (r for kind in NAMED_KINDS for r in store.of_kind(kind)):
        for spelling in (record.name.zh, *record.aliases, *record.search_variants):
            for run in _HAN_RUN.findall(spelling):
                if 2 <= len(run) <= LONGEST_DICTIONARY_WORD:
                    # The Traditional edition is segmented too: its spellings are words as well.
                    words.update(dict.fromkeys([run, *traditional_variants(run)]))
    return tuple(sorted(words))
