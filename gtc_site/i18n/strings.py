"""Words the generated pages use around the data, in every language."""

from __future__ import annotations

from gtc_site.store.model import Localized

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
        "en": "Attributed statements from the article, translated into English. The Chinese keeps the speakers' words as published; cuts are marked with ……. The Traditional edition converts them by script only, never by wording.",
        "zh": "文中有明确出处的言论，并附英文译文。中文保留发表时的原话，删节处以“……”标出；繁体版只转换字形，不改动用词。",
    },
    "sources": {"en": "Sources", "zh": "来源"},
    "sources_intro": {"en": "Where the facts on this site come from.", "zh": "本站事实的出处。"},
    "data": {"en": "Data downloads", "zh": "数据下载"},
    "data_intro": {
        "en": "Every name, number and quote on this site comes from one fact store. Download it whole or table by table, and reuse it with attribution to Silicon Valley 101's report.",
        "zh": "本站的每个名称、数字和引语都来自同一个事实库。可以整体下载，也可以按表下载；转用时请注明出自硅谷101 的报道。",
    },
    "file": {"en": "File", "zh": "文件"},
    "contents": {"en": "Contents", "zh": "内容"},
    "records": {"en": "Records", "zh": "记录数"},
    "data_json": {"en": "Every record and category, as JSON", "zh": "全部记录与类别（JSON）"},
    "data_csv": {"en": "{table}: one row per record", "zh": "{table}：每条记录一行"},
    "data_schema": {
        "en": "JSON Schema of each file of the store (editors can validate YAML with it)",
        "zh": "事实库各文件的 JSON Schema（编辑器可用它校验 YAML）",
    },
    "data_format": {"en": "How the files are laid out", "zh": "文件格式"},
    "data_format_points": {
        "en": '- Text that exists in both languages is an object `{"en": …, "zh": …}` in JSON and two columns (`name_en`, `name_zh`) in CSV.\n- Lists (aliases, related ids) are JSON arrays; in CSV they are joined with ` | `.\n- Figures keep their value in base units (`1550000000` for $1.55 billion), with a `unit`, a `qualifier` (`exact`, `about`, `more-than`, `nearly`) and an `as_of` date.\n- Dates are `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. Ids are stable: records link to each other by id.\n- CSV files are UTF-8 with a byte-order mark, so spreadsheet programs show the Chinese correctly.',
        "zh": '- 中英文都有的文本，在 JSON 中是 `{"en": …, "zh": …}` 对象，在 CSV 中是两列（`name_en`、`name_zh`）。\n- 列表（别名、相关 id）在 JSON 中是数组，在 CSV 中以 ` | ` 连接。\n- 数据记录以基本单位保存数值（15.5 亿美元记为 `1550000000`），并附 `unit`、`qualifier`（`exact`、`about`、`more-than`、`nearly`）和 `as_of` 日期。\n- 日期格式为 `YYYY`、`YYYY-MM` 或 `YYYY-MM-DD`。id 保持稳定，记录之间以 id 互相引用。\n- CSV 文件为带 BOM 的 UTF-8 编码，电子表格软件可正确显示中文。',
    },
    "data_fix": {
        "en": "Found a mistake? Every record comes from a file in `facts/` in the site's repository: see [About](about.md#contributing) for how to correct it.",
        "zh": "发现错误？每条记录都来自仓库 `facts/` 目录下的文件，更正方法见[关于本站](about.md#contributing)。",
    },
    "name_en": {"en": "English name", "zh": "英文名"},
    "name_zh": {"en": "Chinese name", "zh": "中文名"},
    "also_written": {"en": "Also known as", "zh": "又称"},
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
    "in_the_source": {"en": "In the source", "zh": "原文"},
    "key_figures": {"en": "Key figures", "zh": "主要数据"},
    "last_updated": {"en": "Last updated {date}", "zh": "最后更新：{date}"},
    "permalink": {"en": "Permanent link", "zh": "永久链接"},
    "part": {"en": "Part {n}", "zh": "第 {n} 部分"},
    "said_by": {"en": " · said by {name}", "zh": " · 讲者：{name}"},
    "published_as": {"en": "Heading as published", "zh": "原标题"},
    # The training chart of the figures page (gtc_site/render/chart.py).
    "chart_title": {
        "en": "Training a {size} GPT model on three GPU generations",
        "zh": "三代 GPU 训练 {size} GPT 模型对比",
    },
    "chart_generation": {"en": "Generation", "zh": "GPU 架构"},
    "chart_not_stated": {"en": "not stated", "zh": "未提及"},
    "chart_caption": {
        "en": "Bars are scaled within each measure; “not stated” marks a number the keynote did not give.",
        "zh": "每项指标内按比例绘制；“未提及”表示主题演讲没有给出该数字。",
    },
    "chart_size": {"en": "{n}-parameter", "zh": "{n}参数"},
    "chart_gpu": {"en": "GPUs needed", "zh": "所需 GPU 数量"},
    "chart_megawatt": {"en": "Power drawn", "zh": "耗电功率"},
    "chart_day": {"en": "Training time", "zh": "训练时间"},
}


def t(key: str, lang: str) -> str:
    """The words for key in lang; a converted language converts the Simplified words."""
    words = STRINGS[key]
    if lang in words:
        return words[lang]
    return Localized(words["en"], words["zh"])[lang]
