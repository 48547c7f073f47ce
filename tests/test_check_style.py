"""The style checker (gtc_site/tools/check_style.py): every rule on a small bad example,
with the exact message; clean text, code of every kind and the brand 硅谷101 pass."""

from __future__ import annotations

from pathlib import Path

import pytest

from gtc_site.tools.check_style import StyleTableError, check_text, main, read_table

SIMULATION = "simulation is 仿真 on every page, as in the store (机器人仿真); 模拟 alone also means analog"
# One line breaking every Chinese rule, to hide in code of every kind.
BAD_CHINESE = "英伟达GPU的模拟平台,据华尔街日报...架构—设计"


def zh(text: str) -> list[str]:
    return check_text(text, "zh", "docs/zh/page.md")


def en(text: str) -> list[str]:
    return check_text(text, "en", "docs/en/page.md")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "基于物理的模拟平台。",
            f"T1: '模拟' is not the term we use — write '仿真': {SIMULATION}",
        ),
        (
            "英伟达投资的创业公司。",
            "T1: '创业公司' is not the term we use — write '初创公司': startup is 初创公司 in the store (英伟达投资的初创公司)",
        ),
        (
            "硅谷 101 的报道。",
            "T1: '硅谷 101' is not the term we use — write '硅谷101': the brand is written without a space",
        ),
        ("中文,中文。", "Z1: ASCII ',' between Chinese characters in '中文,中文。' — write '，'"),
        ("问题?答案。", "Z1: ASCII '?' between Chinese characters in '问题?答案。' — write '？'"),
        (
            "英伟达GPU芯片。",
            "Z2: no space between Chinese and Latin letters or digits in '英伟达GPU芯片。' — write '英伟达 GPU 芯片。'",
        ),
        ("一种新架构—Transformer。", "Z3: a single '—' in Chinese text: '新架构—Tra' — write '——'"),
        ("> —黄仁勋", "Z3: a single '—' in Chinese text: '—黄仁勋' — write '——'"),
        ("架构-模型。", "Z3: ASCII '-' as a dash in '架构-模型。' — write '——'"),
        ("他说...好。", "Z4: half-width '...' in Chinese text: '他说...好。' — write '……'"),
        ("还有…一个。", "Z4: a single '…' in Chinese text: '还有…一个。' — write '……'"),
        ("据华尔街日报报道。", "Z5: '华尔街日报' without 《》 — write '《华尔街日报》'"),
        (
            "据[[org:wall-street-journal]]报道。",
            "Z5: [[org:wall-street-journal]] renders '华尔街日报' without 《》 — write '《[[org:wall-street-journal]]》'",
        ),
        ("中文 ，中文。", "autocorrect: spacing or punctuation in '中文 ，中文。' — write '中文，中文。'"),
        ("这是中文.", "autocorrect: spacing or punctuation in '这是中文.' — write '这是中文。'"),
    ],
)
def test_each_chinese_rule_is_caught(text: str, message: str) -> None:
    assert zh(text) == [f"docs/zh/page.md:1: {message}"]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("The data centre.", "T1: 'centre' is not the term we use — write 'center': American spelling (E1)"),
        ("Centres of power.", "T1: 'Centres' is not the term we use — write 'Centers': American spelling (E1)"),
        (
            "They optimised it.",
            "T1: 'optimised' is not the term we use — write 'optimized': American spelling, -ize and -yze (E2)",
        ),
        (
            "Two start-ups.",
            "T1: 'start-ups' is not the term we use — write 'startups': one word, as in the store (AI startups)",
        ),
    ],
)
def test_each_english_rule_is_caught(text: str, message: str) -> None:
    assert en(text) == [f"docs/en/page.md:1: {message}"]


def test_every_problem_of_a_line_is_reported_with_its_line() -> None:
    text = "# 标题\n\n第一段没有问题。\n\n英伟达GPU的模拟平台。\n"
    assert zh(text) == [
        f"docs/zh/page.md:5: T1: '模拟' is not the term we use — write '仿真': {SIMULATION}",
        "docs/zh/page.md:5: Z2: no space between Chinese and Latin letters or digits in '英伟达GPU的模拟' — write '英伟达 GPU 的模拟'",
    ]


def test_first_line_numbers_a_part_of_a_file() -> None:
    assert check_text("\n中文,中文。", "zh", "docs/zh/page.md", first_line=10) == [
        "docs/zh/page.md:11: Z1: ASCII ',' between Chinese characters in '中文,中文。' — write '，'"
    ]


def test_words_are_matched_whole_and_exceptions_are_kept() -> None:
    assert en("A centrepiece; two analyses; the Data Center.") == []
    assert zh("模拟信号和模拟芯片都不是仿真。") == []


def test_clean_text_passes() -> None:
    chinese = """---
description: 以硅谷101 的报道为底本，讲清英伟达 GTC 2024。
---

# 软件战略 {#software-strategy}

[[person:jensen-huang]]在 GTC 2024 上说，[[org:nvidia]]不只是一家 GPU 公司——它还做仿真。
据《华尔街日报》报道、经硅谷101 转述，《[[org:wall-street-journal]]》给出的数字是[[figure:nvidia-equity-stakes-value]]……
详见[华尔街一章](wall-street.md)和 <https://example.org/GPU中文>。

| 型号 | 说明 |
| --- | --- |
| B200 | 下一代 GPU |
"""
    english = (
        "# Software {#software-strategy}\n\nThe data center program was analyzed and optimized by the organization.\n"
    )
    assert zh(chinese) == []
    assert en(english) == []


@pytest.mark.parametrize(
    "markdown",
    [
        f"```\n{BAD_CHINESE}\n```\n",
        f"~~~text\n{BAD_CHINESE}\n~~~\n",
        f"段落。\n\n    {BAD_CHINESE}\n",
        f"用 `{BAD_CHINESE}` 写。\n",
        f"用 ``{BAD_CHINESE} ` 反引号`` 写。\n",
        f"<pre>\n{BAD_CHINESE}\n</pre>\n",
        f"用 <code>{BAD_CHINESE}</code> 写。\n",
        f"- 列表项\n\n    ```\n    {BAD_CHINESE}\n    ```\n",
        f"1. 列表项\n\n   ```\n   {BAD_CHINESE}\n   ```\n",
        f'!!! note "说明"\n\n    正文。\n\n    ```\n    {BAD_CHINESE}\n    ```\n',
        f'??? tip "说明"\n\n    ```\n    {BAD_CHINESE}\n    ```\n',
        f"见 [链接](https://example.org/{BAD_CHINESE}) 一文。\n",
        f"见 [[term:x|{BAD_CHINESE}]] 一文。\n",
        "## 标题 {#GPU模拟-x}\n",
    ],
)
def test_code_and_markup_are_not_prose(markdown: str) -> None:
    assert zh(markdown) == []


def test_an_admonition_body_is_prose_not_indented_code() -> None:
    assert zh('!!! note "说明"\n\n    中文,中文。\n') == [
        "docs/zh/page.md:3: Z1: ASCII ',' between Chinese characters in '中文,中文。' — write '，'"
    ]


def test_lines_after_a_code_span_across_lines_keep_their_numbers() -> None:
    assert zh("跨行 `a\nb` 之后。\n英伟达GPU。\n") == [
        "docs/zh/page.md:3: Z2: no space between Chinese and Latin letters or digits in '英伟达GPU。' — write '英伟达 GPU。'"
    ]


def test_the_brand_is_not_flagged() -> None:
    assert zh("硅谷101 的报道，以硅谷101 为准。") == []
    # Only the space after the brand is asked for, by Z2; autocorrect's 硅谷 101 is not.
    assert zh("硅谷101的报道。") == [
        "docs/zh/page.md:1: Z2: no space between Chinese and Latin letters or digits in '硅谷101的报道' — write '硅谷101 的报道'"
    ]


def test_autocorrect_suggestions_put_code_and_the_brand_back() -> None:
    assert zh("用 `x` 说 ，中文。") == [
        "docs/zh/page.md:1: autocorrect: spacing or punctuation in '`x` 说 ，中文。' — write '`x` 说，中文。'"
    ]
    assert zh("硅谷101说 ，中文。") == [
        "docs/zh/page.md:1: Z2: no space between Chinese and Latin letters or digits in '硅谷101说 ，' — write '硅谷101 说 ，'",
        "docs/zh/page.md:1: autocorrect: spacing or punctuation in '硅谷101说 ，中文。' — write '硅谷101 说，中文。'",
    ]


def test_the_table_loads_and_no_preferred_word_is_avoided() -> None:
    table = read_table()
    avoided = {(term.lang, word.lower()) for term in table.terms for word in term.avoid}
    preferred = {(term.lang, word.lower()) for term in table.terms for word in term.preferred}
    assert {("zh", "仿真"), ("zh", "自动驾驶"), ("zh", "初创公司"), ("en", "center")} <= preferred
    assert not avoided & preferred


def test_a_broken_table_is_a_message(tmp_path: Path) -> None:
    broken = tmp_path / "terminology.yml"
    broken.write_text("terms:\n  - preferred: 仿真\n    avoid: 模拟\n    lang: zh\n    why: x\n", encoding="utf-8")
    with pytest.raises(StyleTableError, match=r"terms\[0\]\.avoid: expected a list of words — write \[word"):
        read_table(broken)


def test_the_command_prints_every_problem_and_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    page = tmp_path / "docs" / "zh" / "page.md"
    page.parent.mkdir(parents=True)
    page.write_text("中文,中文。\n\n英伟达GPU。\n", encoding="utf-8")
    clean = tmp_path / "docs" / "en" / "page.md"
    clean.parent.mkdir(parents=True)
    clean.write_text("The data center.\n", encoding="utf-8")
    assert main([str(page), str(clean)]) == 1
    out, err = capsys.readouterr()
    assert out.splitlines() == [
        f"{page}:1: Z1: ASCII ',' between Chinese characters in '中文,中文。' — write '，'",
        f"{page}:3: Z2: no space between Chinese and Latin letters or digits in '英伟达GPU。' — write '英伟达 GPU。'",
    ]
    assert err == "2 problems (Z1 1, Z2 1); the rules are in STYLE.md\n"
    assert main([str(clean)]) == 0


def test_the_command_explains_what_it_cannot_check(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "notes.md"
    elsewhere.write_text("中文,中文。\n", encoding="utf-8")
    missing = tmp_path / "docs" / "zh" / "missing.md"
    assert main([str(elsewhere), str(missing)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0] == f"{elsewhere}: cannot tell the language — check a page under docs/en/ or docs/zh/, or pass --lang"
    assert out[1].startswith(f"{missing}: cannot be read (")
    assert out[1].endswith(") — check the path and that the file is UTF-8")
    assert main(["--lang", "zh", str(elsewhere)]) == 1


def test_the_line_hidden_in_code_breaks_every_rule_as_prose() -> None:
    rules = {problem.split(": ")[1] for problem in zh(BAD_CHINESE)}
    assert rules == {"T1", "Z1", "Z2", "Z3", "Z4", "Z5"}
