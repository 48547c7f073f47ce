"""Drive Material's search box the way a reader does, and read what it shows."""

from __future__ import annotations

from urllib.parse import urlsplit

RESULT_LINKS = ".md-search-result__item > a.md-search-result__link"


class SearchPage:
    """One page of the built site with its search box, and the console errors seen."""

    def __init__(self, browser, url: str):
        self.page = browser.new_page(viewport={"width": 1280, "height": 900})
        self.errors: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.errors.append(message.text))
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        # A query that managed to run script would most likely open an alert.
        self.page.on("dialog", lambda dialog: (self.errors.append(f"dialog: {dialog.message}"), dialog.dismiss()))
        self.page.goto(url)
        self.box = self.page.locator("input.md-search__input")
        self.box.click()
        # Shown once the index is loaded and the box is empty ("Type to start searching").
        self.placeholder = self.page.evaluate(
            "JSON.parse(document.getElementById('__config').textContent).translations['search.result.placeholder']"
        )
        self.page.wait_for_function(
            "text => document.querySelector('.md-search-result__meta').innerText === text", arg=self.placeholder
        )
        # search-query.js learns the index's words once the box has focus (the stock setup has no script).
        self.page.wait_for_function(
            "() => !document.querySelector('script[src*=\"search-query\"]')"
            " || document.documentElement.dataset.searchWords === 'ready'"
        )

    def search(self, query: str) -> list[str]:
        """Type query and return the result pages, in order, relative to the language root."""
        self.box.fill("")
        self.box.press("End")
        self.page.wait_for_function(
            "text => document.querySelector('.md-search-result__meta').innerText === text", arg=self.placeholder
        )
        self.box.fill(query)
        # Material searches on keyup; fill() of Chinese text sends none, a real input method does.
        self.box.press("End")
        if query.strip():
            self.page.wait_for_function(
                "text => document.querySelector('.md-search-result__meta').innerText !== text", arg=self.placeholder
            )
        hrefs = self.page.eval_on_selector_all(RESULT_LINKS, "links => links.map(link => link.href)")
        return [urlsplit(href).path for href in hrefs]

    def close(self) -> None:
        self.page.close()
