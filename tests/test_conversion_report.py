"""The review report of OpenCC's Taiwan phrasing (s2twp) against plain s2tw plus our table."""

from __future__ import annotations

from gtc_site.i18n.conversion_report import (
    analyse,
    conversion_report,
    phrase_changes,
    table_matches,
    undecided_conversions,
)


def words(segment: str) -> list[str]:
    return [segment[start:end] for start, end in phrase_changes(segment)]


def row(report: str, word: str) -> str:
    """The report's table row of a Simplified word."""
    return next(line for line in report.splitlines() if line.startswith(f"| {word} |"))


def test_phrase_changes_are_widened_to_the_words_opencc_converted() -> None:
    assert words("一台服务器的软件") == ["服务器", "软件"]  # 服務器 -> 伺服器, not a lone 伺
    assert words("高带宽内存") == ["带宽", "内存"]  # 帶寬內存 -> 頻寬記憶體: two words, not one span
    assert words("1.8 万亿参数 GPT 模型") == ["参数"]
    assert words("扩展现实") == ["扩展"]  # 擴展 -> 擴充套件 changes the length
    assert words("黄仁勋的主题演讲") == []  # characters only: s2tw and s2twp agree


def test_report_lists_phrase_changes_with_both_forms_counts_and_an_example() -> None:
    texts = {
        "docs/zh/b.md": "# 参数\n\n模型有 1.8 万亿参数。\n",
        "docs/zh/a.md": "英伟达的软件\n\n软件与硬件\n",
    }
    report = conversion_report(texts, {})
    assert row(report, "软件") == "| 软件 | 軟件 | 軟體 | undecided | 2 | docs/zh/a.md:1: 英伟达的软件 |"
    assert row(report, "参数") == "| 参数 | 參數 | 引數 | undecided | 2 | docs/zh/b.md:1: # 参数 |"
    assert "| 硬件 | 硬件 | 硬體 |" in report


def test_a_decided_word_is_marked_with_its_decision() -> None:
    report = conversion_report({"docs/zh/a.md": "软件和芯片\n"}, {"软件": "軟體"})
    assert row(report, "软件").startswith("| 软件 | 軟件 | 軟體 | 软件 → 軟體 | 1 |")
    assert row(report, "芯片").startswith("| 芯片 | 芯片 | 晶片 | undecided | 1 |")


def test_a_longer_entry_decides_the_words_inside_it() -> None:
    texts = {"docs/zh/a.md": "扩展现实（XR）\n\nGTC 已扩展为盛会。\n"}
    (conversion,) = analyse(texts, {"扩展现实": "延展實境"})[0]
    assert (conversion.simplified, conversion.count, conversion.decided) == ("扩展", 2, 1)
    assert conversion.decisions == ("扩展现实 → 延展實境",)
    assert conversion.example.line == 3  # the occurrence still undecided
    assert row(conversion_report(texts, {"扩展现实": "延展實境"}), "扩展").split(" | ")[3] == (
        "扩展现实 → 延展實境 (1 of 2); undecided (1 of 2)"
    )


def test_table_entries_are_counted_and_an_unused_one_is_flagged() -> None:
    table = {"英伟达": "輝達", "黄仁勋": "黃仁勳", "老黄": "老黃"}
    report = conversion_report({"docs/zh/a.md": "英伟达的黄仁勋\n\n英伟达\n"}, table)
    entries = report.split("# Phrase table entries")[1]
    assert "| 英伟达 | 輝達 | 英偉達 | 輝達 | 2 | docs/zh/a.md:1: 英伟达的黄仁勋 |" in entries
    assert "| 黄仁勋 | 黃仁勳 | 黃仁勳 | 黃仁勳 | 1 |" in entries
    assert "| 老黄 | 老黃 | 老黃 | 老黃 | 0 | unused |" in entries


def test_table_matches_longest_first_without_overlap() -> None:
    table = {"扩展": "擴展", "扩展现实": "延展實境", "现实": "現實"}
    assert table_matches("扩展现实与现实", table) == [(0, 4, "扩展现实"), (5, 7, "现实")]


def test_markdown_syntax_and_hidden_front_matter_are_skipped() -> None:
    page = (
        "---\n"
        "title: 软件\n"
        "tags:\n- 芯片\n"
        "---\n"
        "`软件` [[term:软件]] [链接](软件.md) <span title='软件'></span> {#软件}\n"
        "```\n"
        "信息\n"
        "```\n"
        "正文里的网络\n"
    )
    found = {c.simplified: c for c in analyse({"docs/zh/a.md": page}, {})[0]}
    assert set(found) == {"软件", "链接", "网络"}  # not the tag 芯片, nor the fenced 信息
    assert (found["软件"].count, found["软件"].example.line) == (1, 2)  # the title only
    assert found["网络"].example.line == 10


def test_undecided_words_are_data_and_the_never_list_counts_as_reviewed() -> None:
    texts = {"docs/zh/a.md": "软件的参数\n", "facts/terms.yml": "英偉達 GTC\n"}
    undecided = undecided_conversions(texts, {"软件": "軟體"})
    assert [c.simplified for c in undecided] == ["参数"]  # 英偉達 is an alias written in Traditional
    assert (undecided[0].s2tw, undecided[0].s2twp, undecided[0].undecided) == ("參數", "引數", 1)
    assert undecided_conversions(texts, {"软件": "軟體"}, never=["引數"]) == []
    (parameters,) = [c for c in analyse(texts, {}, never=["引數"])[0] if c.simplified == "参数"]
    assert (parameters.rejected, parameters.never) == (1, ("引數",))


def test_the_never_list_rejects_an_occurrence_by_its_context() -> None:
    texts = {"docs/zh/a.md": "原始设备制造商\n\n空调等环境设备\n"}
    (devices,) = analyse(texts, {}, never=["原始裝置製造商"])[0]
    assert (devices.simplified, devices.count, devices.rejected, devices.undecided) == ("设备", 2, 1, 1)
    assert devices.example.line == 3


def test_report_is_deterministic() -> None:
    texts = {"docs/zh/b.md": "服务器与芯片\n", "docs/zh/a.md": "软件与芯片\n"}
    table = {"芯片": "晶片", "软件": "軟體"}
    same = conversion_report(dict(reversed(texts.items())), table)
    assert conversion_report(texts, table) == same
    assert "2 text(s)" in same
