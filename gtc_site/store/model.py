"""The validated fact store: typed records that page generation reads.

Records are built only after gtc_site/store/load.py has checked every file, so code
that renders them can rely on every field and every referenced id being there. The
Traditional edition is not stored: gtc_site/i18n converts the zh text where it is shown.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

# The languages contributors write. Pages, records and tests cover each of them.
LANGUAGES: tuple[str, ...] = ("en", "zh")


@dataclass(frozen=True)
class Localized:
    """The same text in every language."""

    en: str
    zh: str

    def __getitem__(self, lang: str) -> str:
        if lang in LANGUAGES:
            return getattr(self, lang)
        # A published language that is not stored (zh-Hant) converts the stored text itself:
        # gtc_site.i18n.languages.ConvertedLanguage; the store knows nothing of how.
        localize = getattr(lang, "localize", None)
        if localize is None:
            raise KeyError(f"{lang!r} is not stored; gtc_site.i18n converts zh-Hant from zh")
        return localize(self)


@dataclass(frozen=True)
class Locator:
    """Where in the source a figure or quote is: its section, and for a figure the source's
    own words around the number, as published (Traditional, converter residue removed)."""

    section: int
    words: str | None = None
    words_en: str | None = None  # our English rendering of words


@dataclass(frozen=True)
class SourceSection:
    """A numbered section of a source, as published and in our two languages."""

    number: int
    name: Localized
    original: str


@dataclass(frozen=True)
class Record:
    kind: ClassVar[str] = ""
    id: str
    name: Localized
    description: Localized
    category: str
    source: str | None
    file: str
    line: int
    aliases: tuple[str, ...] = ()  # shown to readers as "also known as"
    search_variants: tuple[str, ...] = ()  # only search sees these
    related: tuple[str, ...] = ()
    name_in_text: Localized | None = None  # the name mid-sentence ("liquid cooling")
    short_name: Localized | None = None  # after the first full mention ("NIM", "Huang")

    def running_name(self, lang: str, mentioned: bool = False) -> str:
        """The name as running text writes it: the short name once the page has named it in full."""
        if mentioned and self.short_name is not None:
            return self.short_name[lang]
        return (self.name_in_text or self.name)[lang]


@dataclass(frozen=True)
class Term(Record):
    kind: ClassVar[str] = "terms"


@dataclass(frozen=True)
class Person(Record):
    kind: ClassVar[str] = "people"
    role: Localized | None = None
    affiliation: str | None = None


@dataclass(frozen=True)
class Organization(Record):
    kind: ClassVar[str] = "organizations"


@dataclass(frozen=True)
class Figure(Record):
    kind: ClassVar[str] = "figures"
    value: float = 0
    value_max: float | None = None
    unit: str = ""
    qualifier: str = "exact"
    as_of: str = ""
    stated_by: str = ""
    locator: Locator | None = None


@dataclass(frozen=True)
class Quote(Record):
    kind: ClassVar[str] = "quotes"
    speaker: str = ""
    text: Localized | None = None
    context: Localized | None = None
    date: str = ""
    locator: Locator | None = None


@dataclass(frozen=True)
class Event(Record):
    kind: ClassVar[str] = "events"
    date: str = ""
    end_date: str | None = None


@dataclass(frozen=True)
class Source(Record):
    kind: ClassVar[str] = "sources"
    publisher: Localized | None = None
    author: Localized | None = None
    date: str | None = None
    url: str | None = None
    note: Localized | None = None
    sections: tuple[SourceSection, ...] = ()

    def section(self, number: int) -> SourceSection | None:
        return next((s for s in self.sections if s.number == number), None)


@dataclass(frozen=True)
class Category:
    kind: str
    id: str
    name: Localized
    description: Localized


RECORD_TYPES: dict[str, type[Record]] = {
    cls.kind: cls for cls in (Term, Person, Organization, Figure, Quote, Event, Source)
}


# Compared and hashed by identity: caches keyed on a store (crossrefs) stay cheap and
# never mix two loads of the fact files.
@dataclass(eq=False)
class FactStore:
    """Every record, by kind and by id, plus the categories of each kind."""

    records: dict[str, dict[str, Record]] = field(default_factory=dict)
    categories: dict[str, dict[str, Category]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.by_id: dict[str, Record] = {
            record.id: record for kind in self.records.values() for record in kind.values()
        }
        # id -> ids of the records that list it as related, built once for every page.
        self.referrers: dict[str, list[str]] = {}
        for record in self.by_id.values():
            for related_id in record.related:
                self.referrers.setdefault(related_id, []).append(record.id)
        # speaker id -> what they said, in file order: every person's page lists it.
        self.quotes_by_speaker: dict[str, list[Quote]] = {}
        for quote in self.records.get("quotes", {}).values():
            if isinstance(quote, Quote):
                self.quotes_by_speaker.setdefault(quote.speaker, []).append(quote)

    def of_kind(self, kind: str) -> list[Record]:
        return list(self.records.get(kind, {}).values())

    def get(self, record_id: str) -> Record:
        return self.by_id[record_id]
