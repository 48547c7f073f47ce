"""Cross-references become localized links and values, and unknown ids stop the build."""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.crossrefs import CrossrefError, find_crossrefs, resolve_crossrefs
from scripts.fact_model import FactStore
from scripts.load_facts import load_facts


@pytest.fixture(scope="module")
def store() -> FactStore:
    return load_facts(Path(__file__).parent / "fixtures" / "facts")


def test_term_links_to_its_glossary_page_with_localized_name_and_tooltip(store: FactStore) -> None:
    zh = resolve_crossrefs("英伟达的[[term:blackwell]]很快。", "zh", "chapters/keynote.md", store)
    assert zh == '英伟达的[Blackwell 架构](../glossary/blackwell.md "一种 GPU 架构。"){.xref .xref-terms}很快。'
    en = resolve_crossrefs("The [[term:blackwell]] GPUs", "en", "index.md", store)
    assert en == 'The [Blackwell](glossary/blackwell.md "A GPU architecture."){.xref .xref-terms} GPUs'


def test_figure_renders_its_value_in_the_page_language(store: FactStore) -> None:
    assert "[约 15.5 亿美元](figures.md#stake-value" in resolve_crossrefs(
        "[[figure:stake-value]]", "zh", "index.md", store
    )
    assert "[about $1.55 billion](figures.md#stake-value" in resolve_crossrefs(
        "[[figure:stake-value]]", "en", "index.md", store
    )


def test_person_and_organization_link_to_their_pages(store: FactStore) -> None:
    out = resolve_crossrefs("[[person:jensen-huang]] of [[org:nvidia]]", "en", "chapters/a.md", store)
    assert '[Jensen Huang](../people/jensen-huang.md "Founder of NVIDIA.")' in out
    assert "[NVIDIA](../organizations/nvidia.md " in out


def test_custom_label_keeps_the_link(store: FactStore) -> None:
    out = resolve_crossrefs("[[term:nim|NIM microservices]]", "en", "index.md", store)
    assert out.startswith("[NIM microservices](glossary/nim.md ")


def test_quote_on_its_own_line_becomes_an_attributed_block(store: FactStore) -> None:
    out = resolve_crossrefs("Intro.\n\n[[quote:free-chips]]\n", "zh", "index.md", store)
    assert "> 即便芯片免费送，也无法便宜过我们。\n>\n> — [黄仁勋](people/jensen-huang.md" in out
    inline = resolve_crossrefs("He said [[quote:free-chips]] then.", "en", "index.md", store)
    assert inline == "He said [“Even free chips could not be cheaper than ours.”](quotes.md#free-chips) then."


def test_code_is_left_as_typed(store: FactStore) -> None:
    text = "Write `[[term:nim]]` like this:\n\n```markdown\n[[term:nope]]\n```\n"
    assert resolve_crossrefs(text, "en", "index.md", store) == text
    assert find_crossrefs(text) == []


def test_unknown_ids_and_kinds_are_reported_with_their_lines(store: FactStore) -> None:
    text = "Front.\n\n[[term:nmi]] and\n[[persn:jensen-huang]]\n"
    with pytest.raises(CrossrefError) as caught:
        try:
            resolve_crossrefs(text, "en", "chapters/keynote.md", store)
        except CrossrefError as err:
            raise err.located("chapters/keynote.md", 4) from None
    assert str(caught.value).splitlines() == [
        "chapters/keynote.md:6: unknown term id 'nmi' in [[term:nmi]]: did you mean 'nim'?",
        "chapters/keynote.md:7: unknown kind 'persn' in [[persn:jensen-huang]]: did you mean 'person'?",
    ]


def test_hostile_store_text_is_escaped(store: FactStore) -> None:
    out = resolve_crossrefs("[[term:nim|<script>alert(1)</script> *x*]]", "en", "index.md", store)
    assert "<script>" not in out and "&lt;script&gt;" in out and "\\*x\\*" in out
