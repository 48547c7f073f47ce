"""Read the numbers in a Chinese source's own words, so every figure can be traced to them.

figures.yml stores each number once, in a base unit (1550000000 usd), and its locator
quotes the source's words around it (約 15.5 億美元). This module reads those words the way
a Chinese reader does: Arabic and Chinese numerals, scale words (萬, 億, 萬億), ranges
(三到五), hedges (大約, 上萬, 多) and the unit word that follows, so the loader can check
that the stored value is really what the words say. It imports nothing from the project.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

# Store qualifiers (figures.schema.json); "exact" means the words carry no hedge.
EXACT, ABOUT, MORE_THAN, NEARLY = "exact", "about", "more-than", "nearly"

DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "兩": 2, "两": 2, "三": 3, "四": 4}
DIGITS |= {"五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
SMALL_SCALES = {"十": 10, "百": 100, "千": 1000}
LARGE_SCALES = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8}

# Which unit words each store unit may be written with, and what one of them is worth in
# the store's base unit. Words are in both scripts: the source mixes them.
UNIT_WORDS: dict[str, dict[str, float]] = {
    "usd": {"美元": 1, "美金": 1},
    "multiple": {"倍": 1},
    "gpu": {"個": 1, "个": 1, "塊": 1, "块": 1, "顆": 1, "颗": 1, "張": 1, "张": 1, "GPU": 1},
    "megawatt": {"兆瓦": 1, "MW": 1},
    "watt": {"W": 1, "瓦": 1, "千瓦": 10**3, "kW": 10**3, "兆瓦": 10**6, "MW": 10**6},
    "day": {"天": 1},
    "month": {"個月": 1, "个月": 1},
    "hour": {"小時": 1, "小时": 1, "個小時": 1, "个小时": 1},
    "parameter": {"參數": 1, "参数": 1},
    "person": {"名": 1, "人": 1, "位": 1},
    "company": {"家": 1},
    "year": {"年": 1},
    "rank": {},  # a rank is an ordinal (第三), whatever word follows it
}
# Calendar and clock words: read as units so that dates (3月18日) and times (1點) are not
# taken for durations or counts. 日 is left out of "day" for the same reason.
CALENDAR_WORDS = ("月", "日", "點", "点")
_UNITS = sorted({word for words in UNIT_WORDS.values() for word in words} | set(CALENDAR_WORDS), key=len, reverse=True)

_NUMERAL = "零〇一二兩两三四五六七八九十百萬万億亿"  # and 千, unless it starts 千瓦
# 千 and 兆 right before 瓦 belong to the unit (千瓦 kilowatt, 兆瓦 megawatt), not the number;
# 兆 is never read as a numeral.
_SCALE_RUN = r"(?:[十百萬万億亿]|千(?!瓦))+"
_NUMBER = re.compile(
    r"(?P<double>翻倍|翻番|翻一番)"
    r"|(?P<arabic>\d{1,3}(?:,\d{3})+(?!\d)(?:\.\d+)?|\d+(?:\.\d+)?)(?:[ \t]*(?P<scale>" + _SCALE_RUN + "))?"
    r"|(?P<up>上(?=[十百千萬万億亿]))?(?P<chinese>(?:[" + _NUMERAL + r"]|千(?!瓦))+)"
)
_AFTER_NUMBER = re.compile(r"[ \t]*(?P<more>[多餘余])?[ \t]*(?P<unit>" + "|".join(map(re.escape, _UNITS)) + r")?")
_AFTER_UNIT = re.compile(r"多|以上|左右")
_RANGE = re.compile(r"[ \t]*(?:到|至|~|～|–|-)[ \t]*")
# A hedge before the number, possibly with a verb between (大約需要25000個, 達到約 15.5 億).
_HEDGE = re.compile(
    r"(?P<hedge>大約|大约|約|约|大概|差不多|接近|將近|将近|(?<![最附])近|超過|超过|逾)"
    r"[ \t]*(?:需要|要|有|是|為|为|達到|达到)?[ \t]*$"
)
_HEDGES = dict.fromkeys(("大約", "大约", "約", "约", "大概", "差不多", "左右"), ABOUT)
_HEDGES |= dict.fromkeys(("接近", "將近", "将近", "近"), NEARLY)
_HEDGES |= dict.fromkeys(("超過", "超过", "逾", "多", "以上"), MORE_THAN)


@dataclass(frozen=True)
class Mention:
    """One number as the words give it, its scale already applied (1.8萬億 is 1.8e12)."""

    value: float
    value_max: float | None  # upper end of a range (三到五), else None
    unit: str  # the unit word as written after the number (個, 兆瓦, 個小時), or ""
    qualifier: str  # exact, about, more-than or nearly, from the words' hedge
    span: tuple[int, int]  # where the number and its unit are in the text
    ordinal: bool = False  # written after 第 (第三): a rank


@dataclass(frozen=True)
class FigureValue:
    """What figures.yml says a number is: value in the unit's base, and how precise it is."""

    value: float
    value_max: float | None
    unit: str
    qualifier: str


def _chinese_value(numeral: str) -> float:
    """一百二十 -> 120, 萬億 -> 1e12: a bare scale word counts as one of it."""
    total, section, digit = 0.0, 0.0, 0
    for char in numeral:
        if char in DIGITS:
            digit = DIGITS[char]
        elif char in SMALL_SCALES:
            section += (digit or 1) * SMALL_SCALES[char]
            digit = 0
        else:
            scale = LARGE_SCALES[char]
            part = section + digit or (0 if total else 1)
            # 一萬億: a larger scale multiplies all before it; 三億五千萬: a smaller one adds.
            total = (total + part) * scale if total < scale else total + part * scale
            section, digit = 0.0, 0
    return total + section + digit


def _hedge_before(text: str, start: int) -> str:
    found = _HEDGE.search(text, max(0, start - 12), start)
    return _HEDGES[found.group("hedge")] if found else EXACT


def _is_identifier(text: str, start: int) -> bool:
    """Digits glued to a Latin name are a model name (H100, GB200, GPT-4), not a number."""
    before = text[max(0, start - 2) : start]
    return bool(re.search(r"[A-Za-z]-?$", before))


def _read_one(text: str, match: re.Match[str]) -> Mention:
    """The number at match, with its unit and hedges."""
    if match["double"]:
        return Mention(2.0, None, "倍", EXACT, match.span())
    if match["arabic"]:
        value = float(match["arabic"].replace(",", ""))
        value *= _chinese_value(match["scale"]) if match["scale"] else 1
    else:
        value = _chinese_value(match["chinese"])
    qualifier = MORE_THAN if match["up"] else _hedge_before(text, match.start())
    after = _AFTER_NUMBER.match(text, match.end())
    end = after.end() if after["unit"] or after["more"] else match.end()
    if after["more"]:
        qualifier = MORE_THAN
    if after["unit"] and (trailing := _AFTER_UNIT.match(text, end)):
        qualifier, end = _HEDGES[trailing.group()], trailing.end()
    ordinal = text[match.start() - 1 : match.start()] == "第"
    return Mention(value, None, after["unit"] or "", qualifier, (match.start(), end), ordinal)


def read_numbers(text: str) -> list[Mention]:
    """Every number in text, in order; a range (700W到1200W, 三到五個月) is one mention."""
    mentions: list[Mention] = []
    position = 0
    while found := _NUMBER.search(text, position):
        position = found.end()
        if found["arabic"] and _is_identifier(text, found.start()):
            continue
        mention = _read_one(text, found)
        position = mention.span[1]
        dash = _RANGE.match(text, position)
        upper = _NUMBER.match(text, dash.end()) if dash else None
        if upper and not upper["double"]:
            high = _read_one(text, upper)
            if mention.unit in ("", high.unit):
                span = (mention.span[0], high.span[1])
                mention = Mention(mention.value, high.value, high.unit, mention.qualifier, span, mention.ordinal)
                position = span[1]
        mentions.append(mention)
    return mentions


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-9)


def _in_base(mention: Mention, unit: str) -> tuple[float, float | None] | None:
    """The mention's value and upper end in the store unit's base, or None if the unit does not fit."""
    if unit == "rank":
        return (mention.value, mention.value_max) if mention.ordinal else None
    factor = UNIT_WORDS.get(unit, {}).get(mention.unit)
    if factor is None:
        return None
    return mention.value * factor, None if mention.value_max is None else mention.value_max * factor


def _matches(mention: Mention, figure: FigureValue) -> bool:
    base = _in_base(mention, figure.unit)
    return base is not None and _same(base[0], figure.value) and _same(base[1], figure.value_max)


def _hedge_kept(mention: Mention, figure: FigureValue) -> bool:
    """A hedge in the words must be the figure's qualifier: the store may not make a number
    sound more precise (or differently hedged) than the source stated it."""
    return mention.qualifier in (EXACT, figure.qualifier)


def figure_value_found(figure: FigureValue, words: str) -> bool:
    """True when words give the figure's value (and range) in a unit word that fits its
    unit, and any hedge on that number in the words is the figure's qualifier."""
    return any(_matches(m, figure) and _hedge_kept(m, figure) for m in read_numbers(words))


def _number(value: float) -> str:
    value = float(value)  # YAML gives ints, which have no is_integer() before Python 3.12
    return str(int(value)) if value.is_integer() else repr(value)


def _amount(value: float, value_max: float | None) -> str:
    return _number(value) if value_max is None else f"{_number(value)} to {_number(value_max)}"


def _describe(mention: Mention, unit: str) -> str:
    said = _amount(mention.value, mention.value_max)
    said = said if mention.qualifier == EXACT else f"{mention.qualifier} {said}"
    if mention.ordinal:
        said = f"rank {said}"
    if mention.unit:
        said += f" ({mention.unit})"
    base = _in_base(mention, unit)
    if base and not _same(base[0], mention.value):
        said += f" = {_amount(*base)}"
    return said


def describe_mismatch(figure: FigureValue, words: str) -> str:
    """One line saying what the words give instead of the figure, for an error message.
    Empty when the words do give it."""
    mentions = read_numbers(words)
    expected = _amount(figure.value, figure.value_max)
    if not mentions:
        return f"the words give no number, not {expected}"
    fitting = [m for m in mentions if _in_base(m, figure.unit) is not None]
    if not fitting:
        shown = [m for m in mentions if m.unit or m.ordinal] or mentions
        given = ", ".join(_describe(m, figure.unit) for m in shown)
        if figure.unit == "rank":
            return f"the words give {given}, but no rank (第…), not {expected}"
        unit_words = ", ".join(UNIT_WORDS.get(figure.unit, {})) or "none known"
        return f"the words give {given}, but none in a {figure.unit} unit ({unit_words}), not {expected}"
    right_value = [m for m in fitting if _matches(m, figure)]
    if not right_value:
        return f"the words give {', '.join(_describe(m, figure.unit) for m in fitting)}, not {expected}"
    if not any(_hedge_kept(m, figure) for m in right_value):
        said = _describe(right_value[0], figure.unit)
        return f"the words say {said}, but the figure's qualifier is {figure.qualifier}"
    return ""
