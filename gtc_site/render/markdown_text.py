"""Put store text into generated Markdown so that it shows as text, never as markup."""

from __future__ import annotations

import html

# Characters that are syntax in Python-Markdown or its tables extension; a backslash
# makes each literal (Python-Markdown knows no other backslash escapes).
_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-!|"
_MARKDOWN_ESCAPES = str.maketrans({char: f"\\{char}" for char in _MARKDOWN_SPECIAL})


def escape_markdown(text: str) -> str:
    """'<b>*x*</b>' -> '&lt;b&gt;\\*x\\*&lt;/b&gt;': HTML and Markdown both stay inert."""
    text = html.escape(text, quote=False)
    return text.translate(_MARKDOWN_ESCAPES)


def escape_attribute(text: str) -> str:
    """Text for a Markdown link title: straight double quotes would end the title."""
    return text.replace("\\", "\\\\").replace('"', "”")
