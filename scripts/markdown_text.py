"""Put store text into generated Markdown so that it shows as text, never as markup."""

from __future__ import annotations

import html

# Characters that are syntax in Python-Markdown or its tables extension; a backslash
# makes each literal (Python-Markdown knows no other backslash escapes).
_MARKDOWN_SPECIAL = "\\`*_{}[]()#+-!|"


def escape_markdown(text: str) -> str:
    """'<b>*x*</b>' -> '&lt;b&gt;\\*x\\*&lt;/b&gt;': HTML and Markdown both stay inert."""
    text = html.escape(text, quote=False)
    return "".join(f"\\{char}" if char in _MARKDOWN_SPECIAL else char for char in text)


def escape_attribute(text: str) -> str:
    """Text for a Markdown link title: straight double quotes would end the title."""
    return text.replace("\\", "\\\\").replace('"', "”")
