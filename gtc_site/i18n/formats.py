"""Numbers, units and dates as each language writes them.

Figures are stored once, in base units; every page renders them through here, so the
English and Chinese pages cannot disagree on a number. The Traditional edition has forms
of its own rather than converted ones: Taiwan writes 兆 for 10¹² (1.8 兆), so 兆瓦 would read
as 10¹² watts there, and megawatts are 百萬瓦.
"""

from __future__ import annotations

from gtc_site.store.model import Figure

# unit -> (English singular, English plural, Simplified, Traditional (Taiwan)). "{n}" marks
# where the number goes when the unit is not a plain suffix ($ before, × after).
UNITS: dict[str, tuple[str, str, str, str]] = {
    "usd": ("${n}", "${n}", "{n} 美元", "{n} 美元"),
    "multiple": ("{n}×", "{n}×", "{n} 倍", "{n} 倍"),
    "gpu": ("{n} GPU", "{n} GPUs", "{n} 块 GPU", "{n} 顆 GPU"),
    "megawatt": ("{n} MW", "{n} MW", "{n} 兆瓦", "{n} 百萬瓦"),
    "watt": ("{n} W", "{n} W", "{n} 瓦", "{n} 瓦"),
    "day": ("{n} day", "{n} days", "{n} 天", "{n} 天"),
    "month": ("{n} month", "{n} months", "{n} 个月", "{n} 個月"),
    "hour": ("{n} hour", "{n} hours", "{n} 小时", "{n} 小時"),
    "parameter": ("{n} parameter", "{n} parameters", "{n} 参数", "{n} 參數"),
    "person": ("{n} person", "{n} people", "{n} 人", "{n} 人"),
    "company": ("{n} company", "{n} companies", "{n} 家公司", "{n} 家公司"),
    "year": ("{n} year", "{n} years", "{n} 年", "{n} 年"),
    "rank": ("No. {n}", "No. {n}", "第 {n}", "第 {n}"),
}
# qualifier -> (English, Simplified, Traditional)
QUALIFIERS: dict[str, tuple[str, str, str]] = {
    "exact": ("", "", ""),
    "about": ("about ", "约 ", "約 "),
    "more-than": ("more than ", "超过 ", "超過 "),
    "nearly": ("nearly ", "近 ", "近 "),
}
EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
ZH_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
ZH_HANT_SCALES = ((1e12, "兆"), (1e8, "億"), (1e4, "萬"))
# Small whole counts in running text are words (style guide N1): eight authors, 八位作者.
EN_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ZH_NUMBER_WORDS = "零一两三四五六七八九十"
ZH_HANT_NUMBER_WORDS = "零一兩三四五六七八九十"
EN_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# Counts below this are written in full in Chinese (8000, not 0.8 万).
ZH_SCALE_FROM = 1e4


def _plain(value: float) -> str:
    """1550000000.0 -> '1550000000', 3.5 -> '3.5', 1.55 -> '1.55'."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


def format_number(value: float, lang: str) -> str:
    """A number in words a reader of that language expects: 1.55 billion / 15.5 亿 / 1.8 兆."""
    if lang.startswith("zh"):
        for size, word in ZH_HANT_SCALES if lang == "zh-Hant" else ZH_SCALES:
            if abs(value) >= size and value >= ZH_SCALE_FROM:
                return f"{_plain(value / size)} {word}"
        return _plain(value)
    for size, word in EN_SCALES:
        if abs(value) >= size:
            return f"{_plain(value / size)} {word}"
    whole = _plain(value)
    if "." in whole:
        return whole
    return f"{int(whole):,}"


def number_in_words(value: float, lang: str) -> str:
    """8 -> 'eight' / '八' / '八'; numbers above ten (or not whole) stay figures."""
    if value != int(value) or not 0 <= value <= 10:
        return format_number(value, lang)
    if lang == "en":
        return EN_NUMBER_WORDS[int(value)]
    return (ZH_HANT_NUMBER_WORDS if lang == "zh-Hant" else ZH_NUMBER_WORDS)[int(value)]


def format_figure(figure: Figure, lang: str) -> str:
    """'about $1.55 billion' / '约 15.5 亿美元' / '約 15.5 億美元'; ranges as '700–1,200 W' / '700 至 1200 瓦'."""
    singular, plural, zh_form, zh_hant_form = UNITS[figure.unit]
    number = format_number(figure.value, lang)
    chinese = lang.startswith("zh")
    if figure.value_max is not None:
        upper = format_number(figure.value_max, lang)
        number = f"{number} 至 {upper}" if chinese else f"{number}–{upper}"
    en_qualifier, zh_qualifier, zh_hant_qualifier = QUALIFIERS[figure.qualifier]
    if chinese:
        form, qualifier = (zh_hant_form, zh_hant_qualifier) if lang == "zh-Hant" else (zh_form, zh_qualifier)
        # "15.5 亿 美元" reads as one word in Chinese: join a scale word straight onto the unit.
        text = form.format(n=number)
        for word in ("亿", "万", "億", "萬", "兆"):
            text = text.replace(f"{word} ", word)
        return qualifier + text
    form = singular if figure.value == 1 and figure.value_max is None else plural
    return en_qualifier + form.format(n=number)


def format_date(date: str, lang: str) -> str:
    """'2024-03-18' -> '18 March 2024' / '2024 年 3 月 18 日'; YYYY and YYYY-MM likewise."""
    parts = [int(part) for part in date.split("-")]
    if lang.startswith("zh"):
        units = ("年", "月", "日")
        return " ".join(f"{part} {unit}" for part, unit in zip(parts, units, strict=False))
    if len(parts) == 1:
        return str(parts[0])
    month = EN_MONTHS[parts[1] - 1]
    return f"{parts[2]} {month} {parts[0]}" if len(parts) == 3 else f"{month} {parts[0]}"


def format_date_range(start: str, end: str | None, lang: str) -> str:
    """'18–21 March 2024' / '2024 年 3 月 18 日至 21 日' when both days share a month."""
    if not end:
        return format_date(start, lang)
    if start[:7] == end[:7] and len(start) == len(end) == 10:
        day = int(end[8:])
        if lang.startswith("zh"):
            return f"{format_date(start, lang)}至 {day} 日"
        return f"{int(start[8:])}–{format_date(end, lang)}"
    joiner = "至" if lang.startswith("zh") else "–"
    return f"{format_date(start, lang)}{joiner}{format_date(end, lang)}"
