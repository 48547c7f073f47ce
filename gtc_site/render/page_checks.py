"""What is wrong with a hand-written page before MkDocs sees it: its front matter, where its
references sit, and whether its twin in the other language exists.

MkDocs publishes front matter it cannot read as body text, and a reference inside a link's
text or a heading renders as raw Markdown: these are errors here, every page at once.
"""

from __future__ import annotations

from functools import cache

import yaml
from markdown_it import MarkdownIt
from mdit_py_plugins.admon import admon_plugin
from mdit_py_plugins.deflist import deflist_plugin

from gtc_site.markdown_source import split_page
from gtc_site.store.errors import FactError, shorten
from gtc_site.store.model import LANGUAGES

LANGUAGE_NAMES = {"en": "English", "zh": "Simplified Chinese"}
# Front-matter fields the templates read, and the type each must have.
FRONT_MATTER_TYPES: dict[str, type | tuple[type, ...]] = {"title": str, "description": str, "tags": list}


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(admon_plugin).use(deflist_plugin)


def front_matter_problems(path: str, text: str) -> list[FactError]:
    page = split_page(text)
    if page.unclosed:
        return [FactError(path, 1, "", "the front matter is never closed", "end it with a line of three dashes (---)")]
    if page.front_matter is None:
        return []
    try:
        meta = yaml.safe_load(page.front_matter)
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 2 if mark else 1
        reason = getattr(err, "problem", None) or "it cannot be read"
        return [
            FactError(
                path,
                line,
                "",
                f"the front matter is not valid YAML ({reason})",
                'put text with a colon in quotes: description: "…"',
            )
        ]
    if meta is None:
        return []
    if not isinstance(meta, dict):
        return [FactError(path, 2, "", "the front matter is not a list of key: value lines", "write description: …")]
    lines = page.front_matter.split("\n")
    problems = []
    for key, expected in FRONT_MATTER_TYPES.items():
        if key in meta and not isinstance(meta[key], expected):
            line = next((i + 2 for i, text in enumerate(lines) if text.startswith(f"{key}:")), 2)
            wanted = "a list" if expected is list else "text"
            shown = shorten(repr(meta[key]))
            problems.append(
                FactError(path, line, key, f"expected {wanted} but found {shown}", f"write {key} as {wanted}")
            )
    return problems


def reference_placement_problems(path: str, text: str) -> list[FactError]:
    """References inside a link's text or a heading, which cannot render as links there."""
    page = split_page(text)
    problems = []
    tokens = _parser().parse(page.body)
    for index, token in enumerate(tokens):
        if token.type != "inline" or "[[" not in token.content or token.map is None:
            continue
        line = page.body_line + token.map[0]
        if index > 0 and tokens[index - 1].type == "heading_open":
            problems.append(
                FactError(
                    path,
                    line,
                    "",
                    f"a reference in a heading: {shorten(token.content)}",
                    "name the record in plain text in the heading, and cite it in the text below",
                )
            )
            continue
        depth = 0
        for child in token.children or []:
            depth += child.type == "link_open"
            depth -= child.type == "link_close"
            if depth and child.type == "text" and "[[" in child.content:
                problems.append(
                    FactError(
                        path,
                        line,
                        "",
                        f"a reference inside a link's text: {shorten(child.content)}",
                        "write [[kind:id|your words]] instead of a link around it, or move it out of the link",
                    )
                )
                break
    return problems


def twin_problems(paths: set[str]) -> list[FactError]:
    """Every hand-written page exists in both written languages, at the same path."""
    problems = []
    for path in sorted(paths):
        lang, _, relative = path.partition("/")
        for other in LANGUAGES:
            twin = f"{other}/{relative}"
            if other != lang and twin not in paths:
                problems.append(
                    FactError(
                        f"docs/{path}",
                        1,
                        "",
                        f"this page has no {LANGUAGE_NAMES[other]} twin",
                        f"add docs/{twin} (every page is written in both languages, at the same path)",
                    )
                )
    return problems
