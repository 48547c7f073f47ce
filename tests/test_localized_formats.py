"""Numbers and dates read naturally in each language, from one stored value."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from gtc_site.i18n.formats import UNITS, format_date, format_date_range, format_figure
from gtc_site.store.model import Figure, Localized

TEXT = Localized("x", "x")


def figure(value: float, unit: str, qualifier: str = "exact", value_max: float | None = None) -> Figure:
    return Figure(
        id="f",
        name=TEXT,
        description=TEXT,
        category="c",
        source="s",
        file="f",
        line=1,
        value=value,
        value_max=value_max,
        unit=unit,
        qualifier=qualifier,
    )


@pytest.mark.parametrize(
    ("record", "english", "chinese"),
    [
        (figure(1550000000, "usd", "about"), "about $1.55 billion", "约 15.5 亿美元"),
        (figure(1e14, "usd"), "$100 trillion", "100 万亿美元"),
        (figure(1.8e12, "parameter"), "1.8 trillion parameters", "1.8 万亿参数"),
        (figure(25000, "gpu"), "25,000 GPUs", "2.5 万块 GPU"),
        (figure(8000, "gpu"), "8,000 GPUs", "8000 块 GPU"),
        (figure(700, "watt", value_max=1200), "700–1,200 W", "700 至 1200 瓦"),
        (figure(3, "month", "about", value_max=5), "about 3–5 months", "约 3 至 5 个月"),
        (figure(3.5, "multiple"), "3.5×", "3.5 倍"),
        (figure(35, "company", "more-than"), "more than 35 companies", "超过 35 家公司"),
        (figure(2000, "person", "nearly"), "nearly 2,000 people", "近 2000 人"),
        (figure(1, "hour"), "1 hour", "1 小时"),
        (figure(3, "rank"), "No. 3", "第 3"),
    ],
)
def test_figures_in_both_languages(record: Figure, english: str, chinese: str) -> None:
    assert format_figure(record, "en") == english
    assert format_figure(record, "zh") == chinese


def test_every_unit_in_the_schema_can_be_written() -> None:
    schema = json.loads((Path(__file__).parents[1] / "facts/schema/figures.schema.json").read_text())
    assert set(schema["items"]["properties"]["unit"]["enum"]) == set(UNITS)


@pytest.mark.parametrize(
    ("date", "english", "chinese"),
    [
        ("2017", "2017", "2017 年"),
        ("2024-01", "January 2024", "2024 年 1 月"),
        ("2024-03-18", "18 March 2024", "2024 年 3 月 18 日"),
    ],
)
def test_dates(date: str, english: str, chinese: str) -> None:
    assert (format_date(date, "en"), format_date(date, "zh")) == (english, chinese)


def test_date_ranges_share_the_month() -> None:
    assert format_date_range("2024-03-18", "2024-03-21", "en") == "18–21 March 2024"
    assert format_date_range("2024-03-18", "2024-03-21", "zh") == "2024 年 3 月 18 日至 21 日"
    assert format_date_range("2023-09", None, "en") == "September 2023"
