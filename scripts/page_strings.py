"""Words the generated pages use around the data, in every language."""

from __future__ import annotations

STRINGS: dict[str, dict[str, str]] = {
    "glossary": {"en": "Glossary", "zh": "术语表"},
    "glossary_intro": {
        "en": "Every product, technology and idea the article names, grouped by subject. Each entry has its own page with the figures, quotes and pages that cite it.",
        "zh": "文中提到的所有产品、技术与概念，按主题分组。每个条目都有单独的页面，列出引用它的数据、引语和页面。",
    },
    "people": {"en": "People", "zh": "人物"},
    "people_intro": {
        "en": "Everyone the article names, with their role as of March 2024.",
        "zh": "文中提到的所有人物，职务以 2024 年 3 月为准。",
    },
    "organizations": {"en": "Organizations", "zh": "机构"},
    "organizations_intro": {
        "en": "Every company, investor, publication and university the article names.",
        "zh": "文中提到的所有公司、投资机构、媒体与大学。",
    },
    "figures": {"en": "Figures", "zh": "数据"},
    "figures_intro": {
        "en": "Every number the article states, with when it was true and who stated it. Pages quote these values; they are never retyped.",
        "zh": "文中给出的所有数字，注明时间与出处。其他页面引用的数字都来自这里，不会重复录入。",
    },
    "timeline": {"en": "Timeline", "zh": "时间线"},
    "timeline_intro": {
        "en": "Dated events from the article, oldest first.",
        "zh": "文中提到的有明确日期的事件，按时间先后排列。",
    },
    "quotes": {"en": "Quotes", "zh": "引语"},
    "quotes_intro": {
        "en": "Attributed statements from the article, translated into English. The Chinese is as published, in Simplified characters.",
        "zh": "文中有明确出处的言论。中文为发表时的原话（简体），并附英文译文。",
    },
    "sources": {"en": "Sources", "zh": "来源"},
    "sources_intro": {"en": "Where the facts on this site come from.", "zh": "本站事实的出处。"},
    "name_en": {"en": "English name", "zh": "英文名"},
    "name_zh": {"en": "Chinese name", "zh": "中文名"},
    "also_written": {"en": "Also written", "zh": "又作"},
    "category": {"en": "Category", "zh": "类别"},
    "source": {"en": "Source", "zh": "来源"},
    "related": {"en": "Related", "zh": "相关条目"},
    "mentioned_in": {"en": "Mentioned in", "zh": "提及本条目的页面"},
    "role": {"en": "Role", "zh": "职务"},
    "figure": {"en": "Figure", "zh": "项目"},
    "value": {"en": "Value", "zh": "数值"},
    "as_of": {"en": "As of", "zh": "时间"},
    "stated_by": {"en": "Stated by", "zh": "出处"},
    "original": {"en": "Chinese original", "zh": "原文"},
    "translation": {"en": "English translation", "zh": "英文译文"},
    "date": {"en": "Date", "zh": "日期"},
    "publisher": {"en": "Publisher", "zh": "发布方"},
    "author": {"en": "Author", "zh": "作者"},
    "note": {"en": "Note", "zh": "说明"},
    "link": {"en": "Link", "zh": "链接"},
    "no_link": {"en": "none given", "zh": "未提供"},
    "list_separator": {"en": ", ", "zh": "、"},
}


def t(key: str, lang: str) -> str:
    return STRINGS[key][lang]
