"""Cross-references become localized links and values, and unknown ids stop the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from gtc_site.i18n.formats import number_in_words
from gtc_site.i18n.traditional import TraditionalConverter
from gtc_site.render.crossrefs import CrossrefError, CrossrefResolver, find_crossrefs
from gtc_site.store.load import load_facts
from gtc_site.store.model import FactStore


@pytest.fixture(scope="module")
def store() -> FactStore:
    return load_facts(Path(__file__).parent / "fixtures" / "facts")


def test_term_links_to_its_glossary_page_with_localized_name_and_tooltip(store: FactStore) -> None:
    zh = CrossrefResolver(store).resolve("英伟达的[[term:blackwell]]很快。", "zh", "chapters/keynote.md")
    assert zh == '英伟达的 [Blackwell 架构](../glossary/blackwell.md "一种 GPU 架构。"){.xref .xref-terms}很快。'
    en = CrossrefResolver(store).resolve("The [[term:blackwell]] GPUs", "en", "index.md")
    assert en == 'The [Blackwell](glossary/blackwell.md "A GPU architecture."){.xref .xref-terms} GPUs'


def test_figure_renders_its_value_in_the_page_language(store: FactStore) -> None:
    assert "[约 15.5 亿美元](figures.md#stake-value" in CrossrefResolver(store).resolve(
        "[[figure:stake-value]]", "zh", "index.md"
    )
    assert "[about $1.55 billion](figures.md#stake-value" in CrossrefResolver(store).resolve(
        "[[figure:stake-value]]", "en", "index.md"
    )


def test_person_and_organization_link_to_their_pages(store: FactStore) -> None:
    out = CrossrefResolver(store).resolve("[[person:jensen-huang]] of [[org:nvidia]]", "en", "chapters/a.md")
    assert '[Jensen Huang](../people/jensen-huang.md "Founder of NVIDIA.")' in out
    assert "[NVIDIA](../organizations/nvidia.md " in out


def test_custom_label_keeps_the_link(store: FactStore) -> None:
    out = CrossrefResolver(store).resolve("[[term:nim|NIM microservices]]", "en", "index.md")
    assert out.startswith("[NIM microservices](glossary/nim.md ")


def test_quote_on_its_own_line_becomes_an_attributed_block(store: FactStore) -> None:
    out = CrossrefResolver(store).resolve("Intro.\n\n[[quote:free-chips]]\n", "zh", "index.md")
    assert "> 即便芯片免费送，也无法便宜过我们。\n>\n> ——[黄仁勋](people/jensen-huang.md" in out
    inline = CrossrefResolver(store).resolve("He said [[quote:free-chips]] then.", "en", "index.md")
    assert inline == "He said [“Even free chips could not be cheaper than ours.”](quotes.md#free-chips) then."


def test_code_is_left_as_typed(store: FactStore) -> None:
    text = "Write `[[term:nim]]` like this:\n\n```markdown\n[[term:nope]]\n```\n"
    assert CrossrefResolver(store).resolve(text, "en", "index.md") == text
    assert find_crossrefs(text) == []


def test_unknown_ids_and_kinds_are_reported_with_their_lines(store: FactStore) -> None:
    text = "Front.\n\n[[term:nmi]] and\n[[persn:jensen-huang]]\n"
    with pytest.raises(CrossrefError) as caught:
        try:
            CrossrefResolver(store).resolve(text, "en", "chapters/keynote.md")
        except CrossrefError as err:
            raise err.located("chapters/keynote.md", 4) from None
    assert str(caught.value).splitlines() == [
        "chapters/keynote.md:6: unknown term id 'nmi' in [[term:nmi]]: did you mean 'nim'?",
        "chapters/keynote.md:7: unknown kind 'persn' in [[persn:jensen-huang]]: did you mean 'person'?",
    ]


def test_hostile_store_text_is_escaped(store: FactStore) -> None:
    out = CrossrefResolver(store).resolve("[[term:nim|<script>alert(1)</script> *x*]]", "en", "index.md")
    assert "<script>" not in out and "&lt;script&gt;" in out and "\\*x\\*" in out


def test_figure_labels_give_the_number_alone_or_in_words(store: FactStore) -> None:
    resolver = CrossrefResolver(store)
    en = resolver.resolve("[[figure:stake-value|a stake worth ${n}]]", "en", "index.md")
    assert en.startswith("[a stake worth $1.55 billion](figures.md#stake-value")
    assert number_in_words(8, "en") == "eight" and number_in_words(2, "zh") == "两"
    assert number_in_words(2, "zh-Hant") == "兩" and number_in_words(12, "en") == "12"


def test_traditional_quotes_keep_the_speakers_words(store: FactStore) -> None:
    resolver = CrossrefResolver(store, TraditionalConverter({"芯片": "晶片"}))
    block = resolver.resolve("[[quote:free-chips]]\n", "zh-Hant", "index.md")
    assert block.startswith("> 即便芯片免費送，也無法便宜過我們。\n>\n> ——[黃仁勳]")
    inline = resolver.resolve("他說 [[quote:free-chips]]。", "zh-Hant", "index.md")
    assert "[「即便芯片免費送，也無法便宜過我們。」](quotes.md#free-chips)" in inline


def test_running_text_names_short_names_after_the_first_mention_and_lower_case_mid_sentence() -> None:
    resolver = CrossrefResolver(load_facts(Path(__file__).parents[1] / "facts"))
    out = resolver.resolve(
        "[[person:jensen-huang]] spoke. Later [[person:jensen-huang]] showed [[term:nim]], then [[term:nim]]; "
        "data centers need [[term:liquid-cooling]].",
        "en",
        "index.md",
    )
    assert out.index("[Jensen Huang](") < out.index("[Huang](")
    assert out.index("[NVIDIA NIM](") < out.index("[NIM](")
    assert "[liquid cooling](" in out
