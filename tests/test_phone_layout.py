"""The site on a 390-px phone, in a real Chromium: figures tables as cards that fit the
screen, dates on one line, a chart that can be read, cross-reference previews on a tap,
and tooltips and cross-references that read as text rather than as a wall of green."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

LANGUAGES = ["", "zh/", "zh-Hant/"]
PHONE = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 2,
    "is_mobile": True,
    "has_touch": True,
}
CHAPTER = "chapters/keynote-blackwell/"
DRAWER = ".md-sidebar--primary .md-sidebar__scrollwrap"  # the phone drawer's contents


@pytest.fixture
def phone(browser) -> Iterator[object]:
    context = browser.new_context(**PHONE)
    yield context.new_page()
    context.close()


def _scheme(browser, scheme: str):
    return browser.new_context(viewport={"width": 1280, "height": 800}, color_scheme=scheme)


@pytest.mark.parametrize("lang", LANGUAGES, ids=["en", "zh", "zh-Hant"])
def test_figures_page_fits_a_phone_without_sideways_scrolling(phone, served_site, lang) -> None:
    phone.goto(served_site + lang + "figures/")
    phone.wait_for_selector("article .md-typeset__scrollwrap")  # Material's table wrapper is in
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 390 + 1, f"the page is {width} px wide"
    scrolling = phone.evaluate(
        """() => [...document.querySelectorAll('article .md-typeset__scrollwrap, article table')]
            .filter(e => e.scrollWidth > e.clientWidth + 1)
            .map(e => `${e.className || e.tagName}: ${e.scrollWidth} > ${e.clientWidth}`)"""
    )
    assert scrolling == [], f"these scroll sideways: {scrolling}"


@pytest.mark.parametrize("lang", LANGUAGES, ids=["en", "zh", "zh-Hant"])
def test_figures_rows_are_cards_with_dates_on_one_line(phone, served_site, lang) -> None:
    phone.goto(served_site + lang + "figures/")
    rows = phone.evaluate(
        """() => [...document.querySelectorAll('article td > .nowrap')].map(date => {
            const row = date.closest('tr'), first = row.cells[0], value = row.cells[1];
            const style = getComputedStyle(date);
            return {
                date: date.textContent,
                lines: date.getClientRects().length,
                height: date.getBoundingClientRect().height,
                fontSize: parseFloat(style.fontSize),
                stacked: first.getBoundingClientRect().bottom <= value.getBoundingClientRect().top + 1,
                bold: parseInt(getComputedStyle(first).fontWeight) >= 600,
                headerShown: row.closest('table').tHead.getBoundingClientRect().height > 1,
            };
        })"""
    )
    assert len(rows) >= 10, "the figures tables should have a date column"
    for row in rows:
        assert row["lines"] == 1 and row["height"] < 2 * row["fontSize"], f"{row['date']!r} breaks across lines"
        assert row["stacked"] and row["bold"], f"the row of {row['date']!r} is not a card"
        assert not row["headerShown"], "the column headers should be hidden on a phone"


@pytest.mark.parametrize("lang", LANGUAGES, ids=["en", "zh", "zh-Hant"])
def test_training_chart_text_is_readable_on_a_phone(phone, served_site, lang) -> None:
    phone.goto(served_site + lang + "figures/")
    texts = phone.evaluate(
        """() => [...document.querySelectorAll('figure.training-chart svg text')].map(t => {
            const box = t.getBoundingClientRect();
            return {text: t.textContent, height: box.height, right: box.right, left: box.left};
        })"""
    )
    assert texts, "the figures page should have the training chart"
    for text in texts:
        assert text["height"] >= 11, f"{text['text']!r} is {text['height']:.1f} px tall"
        assert text["left"] >= 0 and text["right"] <= 390, f"{text['text']!r} runs off the screen"


@pytest.mark.parametrize("lang", ["zh/", "zh-Hant/"], ids=["zh", "zh-Hant"])
def test_chinese_text_is_never_slanted(phone, served_site, lang) -> None:
    phone.goto(served_site + lang + "figures/")
    slanted = phone.evaluate(
        """() => [...document.querySelectorAll('article figcaption, article em, article i, .training-chart text')]
            .filter(e => e.closest('[lang]').lang.startsWith('zh') && getComputedStyle(e).fontStyle !== 'normal')
            .map(e => e.textContent)"""
    )
    assert slanted == []


def test_a_tap_on_a_cross_reference_shows_its_preview_then_follows_it(phone, served_site) -> None:
    phone.goto(served_site + CHAPTER)
    # A handle, not a locator: Material takes the title off while it shows the tooltip.
    link = phone.locator("article p a.xref-terms[title]").first.element_handle()
    href = link.evaluate("a => a.href")
    link.tap()
    tooltip = phone.locator(".md-tooltip2--active")
    tooltip.wait_for(state="visible", timeout=5000)  # needs overrides/assets/tooltips.js
    assert tooltip.inner_text().strip(), "the preview should hold the link's title"
    box = tooltip.locator(".md-tooltip2__inner").bounding_box()
    assert box and box["x"] >= 0 and box["x"] + box["width"] <= 390, "the preview should fit the screen"
    phone.wait_for_timeout(300)  # a navigation would have started by now
    assert phone.url == served_site + CHAPTER, "the first tap should not leave the page"
    with phone.expect_navigation():
        link.tap()
    assert phone.url == href, "the second tap should follow the link"


def test_the_keyboard_follows_a_cross_reference_at_once_on_a_phone(phone, served_site) -> None:
    phone.goto(served_site + CHAPTER)
    link = phone.locator("article p a.xref-terms[title]").first
    href = link.evaluate("a => a.href")
    link.focus()
    with phone.expect_navigation():
        phone.keyboard.press("Enter")
    assert phone.url == href


def test_tooltips_are_set_at_reading_size_and_weight(browser, served_site) -> None:
    context = _scheme(browser, "light")
    page = context.new_page()
    page.goto(served_site + "zh/" + CHAPTER)
    page.locator("article p a.xref-figures[title]").first.hover()
    inner = page.locator(".md-tooltip2--active .md-tooltip2__inner")
    inner.wait_for(state="visible")
    size, weight = inner.evaluate("e => [getComputedStyle(e).fontSize, getComputedStyle(e).fontWeight]")
    context.close()
    assert float(size.removesuffix("px")) >= 13
    assert int(weight) <= 500


def _rgba(css: str) -> tuple[float, float, float, float]:
    parts = [float(p) for p in re.findall(r"[\d.]+", css)]
    return (parts[0], parts[1], parts[2], parts[3] if len(parts) > 3 else 1.0)


def _contrast(foreground: str, background: str) -> float:
    *back, _ = _rgba(background)
    *fore, alpha = _rgba(foreground)
    blended = [f * alpha + b * (1 - alpha) for f, b in zip(fore, back, strict=True)]

    def luminance(rgb: list[float]) -> float:
        linear = [c / 255 / 12.92 if c / 255 <= 0.03928 else ((c / 255 + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]

    light, dark = sorted((luminance(blended), luminance(back)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_cross_references_are_calm_underlined_text_with_aa_contrast(browser, served_site, scheme) -> None:
    context = _scheme(browser, scheme)
    page = context.new_page()
    page.goto(served_site + CHAPTER)
    links = page.evaluate(
        """() => [...document.querySelectorAll('article a.xref')].map(a => {
            const style = getComputedStyle(a);
            return {
                text: a.textContent, kind: a.className, weight: parseInt(style.fontWeight),
                line: style.textDecorationLine, color: style.color,
                underline: style.textDecorationColor, numbers: style.fontVariantNumeric,
            };
        })"""
    )
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    context.close()
    assert {"xref-terms", "xref-people", "xref-figures"} <= {k for link in links for k in link["kind"].split()}
    for link in links:
        assert link["weight"] <= 500, f"{link['text']!r} is bold"
        assert "underline" in link["line"], f"{link['text']!r} is not underlined"
        assert _contrast(link["color"], background) >= 4.5, f"{link['text']!r} has too little contrast"
        assert _contrast(link["underline"], background) >= 4.5, f"{link['text']!r}'s underline is too faint"
        if "xref-figures" in link["kind"]:
            assert "tabular-nums" in link["numbers"]


@pytest.mark.parametrize(("start", "target"), [("", "zh/"), ("zh/", "zh-Hant/"), ("zh-Hant/", "")])
def test_the_language_menu_keeps_the_anchor_and_marks_the_current_language(phone, served_site, start, target) -> None:
    phone.goto(served_site + start + "chapters/keynote-blackwell/#blackwell")
    current = phone.locator('.md-select__link[aria-current="true"]')
    assert current.count() == 1
    assert current.evaluate("link => getComputedStyle(link).fontWeight") == "700"
    phone.locator(".md-header__option .md-select button").click()
    phone.locator(f'.md-select__link[hreflang="{target.rstrip("/") or "en"}"]').click()
    phone.wait_for_url("**/chapters/keynote-blackwell/#blackwell")
    assert phone.url == served_site + target + "chapters/keynote-blackwell/#blackwell"


@pytest.mark.parametrize("lang", LANGUAGES, ids=["en", "zh", "zh-Hant"])
def test_the_phone_header_shows_the_whole_site_name(phone, served_site, lang) -> None:
    phone.goto(served_site + lang)
    title = phone.locator(".md-header__title .md-header__topic .md-ellipsis").first
    # The text's own width, unrounded: scrollWidth rounds, and a name 0.4 px too wide ends in "…".
    overflow = title.evaluate(
        "element => { const range = document.createRange(); range.selectNodeContents(element);"
        " return range.getBoundingClientRect().width - element.getBoundingClientRect().width; }"
    )
    assert overflow < 0.01, f"{title.inner_text()!r} overflows the phone header by {overflow:.2f} px"


@pytest.mark.parametrize("lang", LANGUAGES, ids=["en", "zh", "zh-Hant"])
def test_the_navigation_drawer_opens_on_the_current_page_and_costs_nothing_closed(phone, served_site, lang) -> None:
    phone.goto(served_site + lang + "glossary/liquid-cooling/")
    drawer = phone.locator(DRAWER)
    # Closed, the drawer's lists are not displayed: the browser neither styles nor lays them out.
    assert drawer.evaluate("element => getComputedStyle(element).display") == "none"
    phone.locator("label.md-header__button[for=__drawer]").click()
    current = phone.locator(".md-sidebar--primary .md-nav__link--active >> visible=true")
    current.wait_for()
    # The page's nav title is its name; the heading may add the name in the other language.
    assert phone.locator("article h1").inner_text().startswith(current.inner_text().strip())
    # Once slid in, the current page's entry is on screen.
    phone.wait_for_function("() => document.querySelector('.md-sidebar--primary').getBoundingClientRect().left >= 0")
    box = current.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 390, box
    phone.locator("label.md-overlay").click(position={"x": 370, "y": 400})
    phone.wait_for_function(f"() => getComputedStyle(document.querySelector('{DRAWER}')).display === 'none'")
