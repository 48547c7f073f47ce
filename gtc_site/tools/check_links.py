"""Check the links of a built site: `python -m gtc_site.tools.check_links [site_dir]`.

Every internal link and anchor must resolve, in every language; every page must be
reachable by following links from the home pages; external links are checked for form
only (nothing is fetched). Prints one line per problem and exits 1 if there are any.
"""

from __future__ import annotations

import sys
from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from gtc_site.paths import ROOT

# Pages that exist to be reached by a wrong address, not by a link.
UNLINKED_PAGES = {"404.html"}
EXTERNAL_SCHEMES = {"http", "https", "mailto"}


@dataclass
class Page:
    ids: set[str] = field(default_factory=set)
    links: list[str] = field(default_factory=list)  # href of <a>: followed for reachability
    assets: list[str] = field(default_factory=list)  # src/href of scripts, styles, images
    canonical: str = ""


class _PageParser(HTMLParser):
    def __init__(self, page: Page) -> None:
        super().__init__()
        self.page = page

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {key: value or "" for key, value in attrs}
        for key in ("id", "name") if tag == "a" else ("id",):
            if a.get(key):
                self.page.ids.add(a[key])
        if tag == "a" and "href" in a:
            self.page.links.append(a["href"])
        elif tag == "link" and a.get("rel") == "canonical":
            self.page.canonical = a["href"]
        elif tag == "link" and a.get("rel") in ("stylesheet", "icon", "manifest"):
            self.page.assets.append(a["href"])
        elif tag in ("script", "img", "iframe", "source") and a.get("src"):
            self.page.assets.append(a["src"])


def read_pages(site: Path) -> dict[str, Page]:
    """Every HTML file of the site, by its path relative to the site root."""
    pages = {}
    for path in sorted(site.rglob("*.html")):
        page = Page()
        _PageParser(page).feed(path.read_text(encoding="utf-8"))
        pages[path.relative_to(site).as_posix()] = page
    return pages


def _site_base(pages: dict[str, Page]) -> str:
    """The published address of the site root, from the home page's canonical link."""
    canonical = pages.get("index.html", Page()).canonical
    return canonical if canonical.endswith("/") else "https://site.invalid/"


def _target(base: str, page_path: str, href: str) -> tuple[str, str] | None:
    """(file path relative to the site root, fragment) of an internal href, None if external."""
    page_url = urljoin(base, page_path.removesuffix("index.html"))
    url = urlsplit(urljoin(page_url, href))
    root = urlsplit(base)
    if (url.scheme, url.netloc) != (root.scheme, root.netloc) or not url.path.startswith(root.path):
        return None
    path = unquote(url.path[len(root.path) :])
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path, unquote(url.fragment)


def check_links(site: Path) -> list[str]:
    pages = read_pages(site)
    base = _site_base(pages)
    problems: list[str] = []
    for page_path, page in pages.items():
        for href in page.links + page.assets:
            split = urlsplit(href)
            if split.scheme and split.scheme not in EXTERNAL_SCHEMES | {"javascript"}:
                problems.append(f"{page_path}: {href} has an unexpected scheme")
                continue
            if split.scheme == "javascript":
                if href != "javascript:void(0)":  # Material's own share button
                    problems.append(f"{page_path}: {href} is a script link")
                continue
            if split.scheme in ("http", "https") and not split.netloc:
                problems.append(f"{page_path}: {href} has no host")
                continue
            target = _target(base, page_path, href)
            if target is None:
                continue
            path, fragment = target
            if not (site / path).is_file():
                problems.append(f"{page_path}: {href} leads to {path}, which does not exist")
            elif fragment and path in pages and fragment not in pages[path].ids:
                problems.append(f"{page_path}: {href} — {path} has no anchor #{fragment}")
    problems += [f"{path}: no link leads to this page" for path in unreachable_pages(pages, base)]
    return list(dict.fromkeys(problems))  # a link repeated on a page is reported once


def unreachable_pages(pages: dict[str, Page], base: str) -> list[str]:
    """Pages no chain of links reaches from the home page."""
    # The language menu links every home page to the others, so one start reaches all languages.
    starts = ["index.html"]
    seen, queue = set(starts), deque(starts)
    while queue:
        page_path = queue.popleft()
        for href in pages[page_path].links:
            target = _target(base, page_path, href)
            if target and target[0] in pages and target[0] not in seen:
                seen.add(target[0])
                queue.append(target[0])
    return sorted(p for p in pages if p not in seen and Path(p).name not in UNLINKED_PAGES)


def main(argv: list[str]) -> int:
    site = Path(argv[0]) if argv else ROOT / "site"
    problems = check_links(site)
    for problem in problems:
        print(problem, file=sys.stderr)
    print(f"{len(read_pages(site))} pages checked: {len(problems)} link problem(s).")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
