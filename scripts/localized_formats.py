"""Numbers, units and dates as each language writes them.

Figures are stored once, in base units; every page renders them through here, so the
English and Chinese pages cannot disagree on a number.
"""

from __future__ import annotations

from scripts.fact_model import Figure

# unit -> (English singular, English plural, Chinese suffix). "{n}" marks where the number
# goes when the unit is not a plain suffix ($ before, × after).
UNITS: dict[str, tuple[str, str, str]] = {
    "usd": ("${n}", "${n}", "{n} 美元"),
    "multiple": ("{n}×", "{n}×", "{n} 倍"),
    "gpu": ("{n} GPU", "{n} GPUs", "{n} 块 GPU"),
    "megawatt": ("{n} MW", "{n} MW", "{n} 兆瓦"),
    "watt": ("{n} W", "{n} W", "{n} 瓦"),
    "day": ("{n} day", "{n} days", "{n} 天"),
    "month": ("{n} month", "{n} months", "{n} 个月"),
    "hour": ("{n} hour", "{n} hours", "{n} 小时"),
    "parameter": ("{n} parameter", "{n} parameters", "{n} 参数"),
    "person": ("{n} person", "{n} people", "{n} 人"),
    "company": ("{n} company", "{n} companies", "{n} 家公司"),
    "year": ("{n} year", "{n} years", "{n} 年"),
    "rank": ("No. {n}", "No. {n}", "第 {n}"),
}
QUALIFIERS: dict[str, tuple[str, str]] = {
    "exact": ("", ""),
    "about": ("about ", "约 "),
    "more-than": ("more than ", "超过 "),
    "nearly": ("nearly ", "近 "),
}
EN_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
ZH_SCALES = ((1e12, "万亿"), (1e8, "亿"), (1e4, "万"))
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
    """A number in words a reader of that language expects: 1.55 billion / 15.5 亿."""
    if lang == "zh":
        for size, word in ZH_SCALES:
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


def format_figure(figure: Figure, lang: str) -> str:
    """'about $1.55 billion' / '约 15.5 亿美元'; ranges as '700–1,200 W' / '700 至 1200 瓦'."""
    singular, plural, zh_form = UNITS[figure.unit]
    number = format_number(figure.value, lang)
    if figure.value_max is not None:
        upper = format_number(figure.value_max, lang)
        number = f"{number} 至 {upper}" if lang == "zh" else f"{number}–{upper}"
    en_qualifier, zh_qualifier = QUALIFIERS[figure.qualifier]
    if lang == "zh":
        # "15.5 亿 美元" reads as one word in Chinese: join a scale word straight onto the unit.
        return zh_qualifier + zh_form.format(n=number).replace("亿 ", "亿").replace("万 ", "万")
    form = singular if figure.value == 1 and figure.value_max is None else plural
    return en_qualifier + form.format(n=number)


def format_date(date: str, lang: str) -> str:
    """'2024-03-18' -> '18 March 2024' / '2024 年 3 月 18 日'; YYYY and YYYY-MM likewise."""
    parts = [int(part) for part in date.split("-")]
    if lang == "zh":
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
        if lang == "zh":
            return f"{format_date(start, lang)}至 {day} 日"
        return f"{int(start[8:])}–{format_date(end, lang)}"
    joiner = "至" if lang == "zh" else "–"
    return f"{format_date(start, lang)}{joiner}{format_date(end, lang)}"
