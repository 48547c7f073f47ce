"""The figures page's chart of the training comparison, drawn from the store in each language."""

from __future__ import annotations

import re

from gtc_site.render.chart import BAR_WIDTH, render_training_chart, render_training_table, training_comparison
from gtc_site.store.load import load_facts


def test_chart_is_labelled_in_the_page_language_with_store_values() -> None:
    store = load_facts()
    zh, en = render_training_chart(store, "zh"), render_training_chart(store, "en")
    assert '<title id="training-chart-title">三代 GPU 训练 1.8 万亿参数 GPT 模型对比</title>' in zh
    assert "Training a 1.8-trillion-parameter GPT model on three GPU generations" in en
    assert ">2000 块 GPU<" in zh and ">2,000 GPUs<" in en
    assert ">15 兆瓦<" in zh and ">4 MW<" in en
    # Ampere's power and time were not given in the keynote: said so, not drawn as zero.
    assert zh.count(">未提及<") == 2 and en.count(">not stated<") == 2


def test_bars_are_proportional_within_each_measure() -> None:
    store = load_facts()
    widths = [int(w) for w in re.findall(r'<rect [^>]*width="(\d+)"', render_training_chart(store, "en"))]
    figures = training_comparison(store)
    gpus = [figures[(g, "gpu")].value for g in ("ampere", "hopper", "blackwell")]
    assert widths[:3] == [round(BAR_WIDTH * v / max(gpus)) for v in gpus]


def test_numbers_are_also_given_as_a_table_of_citations() -> None:
    table = render_training_table(load_facts(), "en")
    assert "| [[term:hopper]] | [[figure:training-hopper-gpus]] | [[figure:training-hopper-power]] |" in table
