"""The Chinese number reader and the check that each figure's value is in its source words."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from gtc_site.store.source_numbers import FigureValue, describe_mismatch, figure_value_found, read_numbers

FIGURES = Path(__file__).resolve().parent.parent / "facts" / "figures.yml"


@pytest.mark.parametrize(
    ("text", "value", "value_max", "unit", "qualifier"),
    [
        ("營收是前一年同期水平的3.5倍", 3.5, None, "倍", "exact"),
        ("訓練一個1.8萬億參數GPT模型", 1.8e12, None, "參數", "exact"),
        ("大約需要25000個", 25000, None, "個", "about"),
        ("持續兩個小時", 2, None, "個小時", "exact"),
        ("大約需要三到五個月的時間", 3, 5, "個月", "about"),
        ("新一代AI革命是百萬億美元的市場", 1e14, None, "美元", "exact"),
        ("市值100萬億美元", 1e14, None, "美元", "exact"),
        ("達到約 15.5 億美元", 1.55e9, None, "美元", "about"),
        ("工作功率范圍在700W到1200W之間", 700, 1200, "W", "exact"),
        ("并且會消耗15兆瓦", 15, None, "兆瓦", "exact"),
        ("那B200已經到一顆到1千瓦", 1, None, "千瓦", "exact"),
        ("臺下的上萬名參會者", 10000, None, "名", "more-than"),
        ("差不多接近2000人的會場", 2000, None, "人", "nearly"),
        ("總共投資了超過35家初創公司", 35, None, "家", "more-than"),
        ("股份價值增長了五倍多", 5, None, "倍", "more-than"),
        ("CUDA軟件布局了10多年", 10, None, "年", "more-than"),
        ("一百二十個", 120, None, "個", "exact"),
        ("三十", 30, None, "", "exact"),
        ("3至5個月", 3, 5, "個月", "exact"),
        ("1,200W", 1200, None, "W", "exact"),
        ("達到1,200,之後", 1200, None, "", "exact"),  # the source's ASCII comma ends a clause
        ("三億五千萬", 3.5e8, None, "", "exact"),
        ("GPU將推動AI性能實現逐年翻倍", 2, None, "倍", "exact"),
    ],
)
def test_reads_the_number_its_scale_unit_and_hedge(
    text: str, value: float, value_max: float | None, unit: str, qualifier: str
) -> None:
    mentions = [m for m in read_numbers(text) if m.unit == unit and m.value == pytest.approx(value)]
    assert len(mentions) == 1, read_numbers(text)
    assert mentions[0].value_max == (None if value_max is None else pytest.approx(value_max))
    assert mentions[0].qualifier == qualifier


def test_span_covers_the_number_and_its_unit() -> None:
    text = "如果使用傳統的安培芯片,大約需要25000個"
    (mention,) = read_numbers(text)
    assert text[slice(*mention.span)] == "25000個"


def test_model_names_are_not_numbers() -> None:
    assert read_numbers("現在的H100和GB200以及MI300") == []


def test_an_ordinal_is_a_rank() -> None:
    (mention,) = read_numbers("坐上了全球市值第三的位置")
    assert (mention.value, mention.ordinal) == (3, True)


def test_dates_are_not_durations() -> None:
    """3月 is March, not three months; 18日到21日 is a date range, not days."""
    assert not figure_value_found(FigureValue(3, None, "month", "exact"), "美國時間3月18日到21日")
    assert not figure_value_found(FigureValue(18, 21, "day", "exact"), "美國時間3月18日到21日")


@pytest.mark.parametrize(
    ("figure", "words"),
    [
        (FigureValue(3.5, None, "multiple", "exact"), "營收是前一年同期水平的3.5倍"),
        (FigureValue(1800000000000, None, "parameter", "exact"), "如果要訓練一個1.8萬億參數GPT模型"),
        (FigureValue(25000, None, "gpu", "about"), "如果使用傳統的安培芯片,大約需要25000個"),
        (FigureValue(2, None, "hour", "exact"), "持續兩個小時"),
        (FigureValue(3, 5, "month", "about"), "大約需要三到五個月的時間"),
        (FigureValue(100000000000000, None, "usd", "exact"), "新一代AI革命是百萬億美元的市場"),
        (FigureValue(1550000000, None, "usd", "about"), "截至2024年1月底達到約 15.5 億美元"),
        (FigureValue(700, 1200, "watt", "exact"), "工作功率范圍在700W到1200W之間"),
        (FigureValue(15, None, "megawatt", "exact"), "并且會消耗15兆瓦"),
        (FigureValue(15000000, None, "watt", "exact"), "并且會消耗15兆瓦"),
        (FigureValue(1000, None, "watt", "exact"), "那B200已經到一顆到1千瓦"),
        (FigureValue(10000, None, "person", "more-than"), "臺下的上萬名參會者"),
        (FigureValue(3, None, "rank", "exact"), "坐上了全球市值第三的位置"),
        # The store may hedge a number the words state plainly (可能 is not 大約).
        (FigureValue(8000, None, "gpu", "about"), "可能需要8000個GPU"),
    ],
)
def test_value_found(figure: FigureValue, words: str) -> None:
    assert figure_value_found(figure, words)
    assert describe_mismatch(figure, words) == ""


@pytest.mark.parametrize(
    ("figure", "words", "message"),
    [
        (
            FigureValue(26000, None, "gpu", "exact"),
            "需要25000個",
            "the words give 25000 (個), not 26000",
        ),
        (
            FigureValue(26000, None, "gpu", "about"),
            "大約需要25000個",
            "the words give about 25000 (個), not 26000",
        ),
        (
            FigureValue(1200, None, "watt", "exact"),
            "那B200已經到一顆到1千瓦",
            "the words give 1 (千瓦) = 1000, not 1200",
        ),
        (
            FigureValue(3, None, "month", "about"),
            "大約需要三到五個月的時間",
            "the words give about 3 to 5 (個月), not 3",
        ),
        (
            FigureValue(15, None, "day", "exact"),
            "并且會消耗15兆瓦",
            "the words give 15 (兆瓦), but none in a day unit (天), not 15",
        ),
        (
            FigureValue(15, None, "watt", "exact"),
            "并且會消耗15兆瓦",
            "the words give 15 (兆瓦) = 15000000, not 15",
        ),
        (
            FigureValue(25000, None, "gpu", "exact"),
            "大約需要25000個",
            "the words say about 25000 (個), but the figure's qualifier is exact",
        ),
        (
            FigureValue(10000, None, "person", "nearly"),
            "臺下的上萬名參會者",
            "the words say more-than 10000 (名), but the figure's qualifier is nearly",
        ),
        (
            FigureValue(3, None, "rank", "exact"),
            "全球市值三",
            "the words give 3, but no rank (第…), not 3",
        ),
        (
            FigureValue(90, None, "day", "exact"),
            "同樣的時間",
            "the words give no number, not 90",
        ),
    ],
)
def test_mismatch_is_explained(figure: FigureValue, words: str, message: str) -> None:
    assert not figure_value_found(figure, words)
    assert describe_mismatch(figure, words) == message


def test_every_figure_in_the_store_is_in_its_words() -> None:
    """The store's data and this reader agree: each figure's value is in its locator's words."""
    figures = yaml.safe_load(FIGURES.read_text(encoding="utf-8"))
    assert figures
    problems = []
    for record in figures:
        figure = FigureValue(record["value"], record.get("value_max"), record["unit"], record["qualifier"])
        words = record["locator"]["words"]
        if not figure_value_found(figure, words):
            problems.append(f"{record['id']}: {describe_mismatch(figure, words)}")
    assert problems == []
