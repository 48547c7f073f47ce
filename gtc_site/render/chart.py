"""The figures page's chart: training one GPT model on three GPU generations.

Drawn as inline SVG from the store at build time, labelled in the page's language: no
script, no image file, nothing fetched, and its words are searchable. The same numbers
follow it as a table, for screen readers and for copying.
"""

from __future__ import annotations

import html

from gtc_site.i18n.formats import format_figure, format_number
from gtc_site.i18n.strings import t
from gtc_site.store.model import FactStore, Figure

# The generations compared (glossary term ids) and what is compared (figure units).
GENERATIONS = ("ampere", "hopper", "blackwell")
METRICS = ("gpu", "megawatt", "day")
CATEGORY = "training"
COLORS = {"ampere": "#6b7280", "hopper": "#0e7490", "blackwell": "#4d7c0f"}
# Bars leave room for the longest value label at the larger text phones get (site.css).
WIDTH, LABEL_WIDTH, BAR_WIDTH, ROW_HEIGHT, PANEL_GAP = 640, 120, 300, 30, 18


def training_comparison(store: FactStore) -> dict[tuple[str, str], Figure]:
    """(generation, unit) -> the figure of that generation in that unit."""
    found: dict[tuple[str, str], Figure] = {}
    for figure in store.of_kind("figures"):
        if isinstance(figure, Figure) and figure.category == CATEGORY and figure.unit in METRICS:
            for generation in GENERATIONS:
                if generation in figure.related:
                    found[(generation, figure.unit)] = figure
    return found


def _model_size(store: FactStore, lang: str) -> str:
    sizes = [
        f
        for f in store.of_kind("figures")
        if isinstance(f, Figure) and f.category == CATEGORY and f.unit == "parameter"
    ]
    if not sizes:
        return ""
    number = format_number(sizes[0].value, lang)
    return t("chart_size", lang).format(n=number.replace(" ", "-") if lang == "en" else number)


def chart_title(store: FactStore, lang: str) -> str:
    return t("chart_title", lang).format(size=_model_size(store, lang)).replace("  ", " ")


def render_training_chart(store: FactStore, lang: str) -> str:
    """An accessible inline SVG bar chart, one panel per measure."""
    figures = training_comparison(store)
    names = {g: store.get(g).name[lang] for g in GENERATIONS}
    title = chart_title(store, lang)
    rows: list[str] = []
    y = 0
    for metric in METRICS:
        values = [figures[(g, metric)].value for g in GENERATIONS if (g, metric) in figures]
        largest = max(values, default=1)
        rows.append(f'<text x="0" y="{y + 16}" font-weight="700">{html.escape(t(f"chart_{metric}", lang))}</text>')
        y += 24
        for generation in GENERATIONS:
            figure = figures.get((generation, metric))
            rows.append(f'<text x="0" y="{y + 17}">{html.escape(names[generation])}</text>')
            if figure is None:
                rows.append(
                    f'<text x="{LABEL_WIDTH}" y="{y + 17}" font-style="italic">{t("chart_not_stated", lang)}</text>'
                )
            else:
                width = max(2, round(BAR_WIDTH * figure.value / largest))
                rows.append(
                    f'<rect x="{LABEL_WIDTH}" y="{y + 4}" width="{width}" height="{ROW_HEIGHT - 8}" rx="3" '
                    f'fill="{COLORS[generation]}"/>'
                )
                label = html.escape(format_figure(figure, lang))
                rows.append(f'<text x="{LABEL_WIDTH + width + 8}" y="{y + 17}">{label}</text>')
            y += ROW_HEIGHT
        y += PANEL_GAP
    body = "\n  ".join(rows)
    return (
        f'<figure class="training-chart">\n'
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {y}" width="100%" role="img" '
        f'aria-labelledby="training-chart-title" font-size="14" fill="currentColor">\n'
        f'  <title id="training-chart-title">{html.escape(title)}</title>\n  {body}\n</svg>\n'
        f"<figcaption>{html.escape(t('chart_caption', lang))}</figcaption>\n</figure>\n"
    )


def render_training_table(store: FactStore, lang: str) -> str:
    """The chart's numbers as a Markdown table of figure cross-references."""
    figures = training_comparison(store)
    header = [t("chart_generation", lang), *(t(f"chart_{m}", lang) for m in METRICS)]
    lines = ["| " + " | ".join(header) + " |", "|" + " --- |" * len(header)]
    for generation in GENERATIONS:
        cells = [f"[[term:{generation}]]"]
        for metric in METRICS:
            figure = figures.get((generation, metric))
            cells.append(f"[[figure:{figure.id}]]" if figure else t("chart_not_stated", lang))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render_training_comparison(store: FactStore, lang: str) -> str:
    """Chart, then table, for the training section of the figures page."""
    return (
        f"### {html.escape(chart_title(store, lang))} {{#training-chart}}\n\n"
        + render_training_chart(store, lang)
        + "\n"
        + render_training_table(store, lang)
    )
