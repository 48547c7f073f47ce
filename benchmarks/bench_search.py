"""Benchmark search: index size per language and time from keystroke to rendered results.

`python -m benchmarks.bench_search` builds the site, serves it on 127.0.0.1 and measures in
Chromium, against a baseline in the same run: the stock setup, where one merged index
holds every language. Writes benchmarks/search.md. Timings are medians over repeated
queries; they are reported, never asserted.
"""

from __future__ import annotations

import gzip
import json
import os
import platform
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from gtc_site.paths import ROOT
from tests.conftest import CHROMIUM_ARGS, SYSTEM_CHROMIUM, build_real_site
from tests.static_host import SITE_PATH, serve_site
from tests.test_search import CHINESE_QUERIES, ENGLISH_QUERIES

RESULTS = ROOT / "benchmarks" / "search.md"
REPEATS = 5
LANGUAGES = {"en": "", "zh": "zh/"}
# Types the query, fires the keyup Material listens to, and resolves when the result
# count changes: the time a reader waits after the last keystroke.
MEASURE = """async (query) => {
  const box = document.querySelector('input.md-search__input');
  const meta = document.querySelector('.md-search-result__meta');
  box.value = ''; box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End'}));
  await new Promise(r => setTimeout(r, 50));
  const before = meta.innerText;
  return await new Promise(resolve => {
    const start = performance.now();
    const observer = new MutationObserver(() => {
      if (meta.innerText !== before) { observer.disconnect(); requestAnimationFrame(() => resolve(performance.now() - start)); }
    });
    observer.observe(meta, {childList: true, characterData: true, subtree: true});
    box.value = query; box.dispatchEvent(new KeyboardEvent('keyup', {key: 'End'}));
  });
}"""


def index_path(site: Path, lang: str) -> Path:
    return site / LANGUAGES[lang] / "search" / "search_index.json"


def sizes(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=9))


def merged_index(site: Path) -> dict:
    """What mkdocs-static-i18n writes without our split: every language in one index."""
    docs = []
    for lang, prefix in LANGUAGES.items():
        index = json.loads(index_path(site, lang).read_text(encoding="utf-8"))
        docs += [{**entry, "location": prefix + entry["location"]} for entry in index["docs"]]
        config = index["config"]
    return {"config": {**config, "lang": list(LANGUAGES)}, "docs": docs}


def latencies(browser, base: str) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    for lang, table in (("en", ENGLISH_QUERIES), ("zh", CHINESE_QUERIES)):
        page = browser.new_page()
        page.goto(base + LANGUAGES[lang])
        page.click("input.md-search__input")
        page.wait_for_function("() => !document.querySelector('.md-search-result__meta').innerText.includes('…')")
        page.wait_for_timeout(500)
        times[lang] = [page.evaluate(MEASURE, query) for _ in range(REPEATS) for query, _ in table]
        page.close()
    return times


def machine() -> str:
    """What the numbers were measured on."""
    cpuinfo = Path("/proc/cpuinfo")
    models = (
        [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        if cpuinfo.exists()
        else []
    )
    cpu = models[0] if models else platform.processor() or "unknown CPU"
    if Path(SYSTEM_CHROMIUM).exists():
        chromium = subprocess.run(
            [SYSTEM_CHROMIUM, "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
    else:
        chromium = "Playwright's Chromium"
    return f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, {chromium}"


def main() -> None:
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        # Build once for a placeholder address; the served copies only differ in their index.
        ours = build_real_site(work / "ours", "http://127.0.0.1/" + SITE_PATH.strip("/") + "/")
        stock = work / "stock"
        shutil.copytree(ours, stock)
        merged = json.dumps(merged_index(ours), ensure_ascii=False, separators=(",", ":"))
        for lang in LANGUAGES:
            index_path(stock, lang).write_text(merged, encoding="utf-8")
        rows_size = []
        for lang in LANGUAGES:
            raw, zipped = sizes(index_path(ours, lang))
            stock_raw, stock_zipped = sizes(index_path(stock, lang))
            rows_size.append(
                f"| {lang} | {raw / 1024:,.0f} KiB | {zipped / 1024:,.0f} KiB | {stock_raw / 1024:,.0f} KiB | "
                f"{stock_zipped / 1024:,.0f} KiB | {zipped / stock_zipped:.2f} |"
            )
        with sync_playwright() as playwright:
            executable = SYSTEM_CHROMIUM if Path(SYSTEM_CHROMIUM).exists() else None
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            servers = {name: serve_site(path) for name, path in (("ours", ours), ("stock", stock))}
            measured = {name: latencies(browser, base) for name, (_, base) in servers.items()}
            for server, _ in servers.values():
                server.shutdown()
            browser.close()
    rows_time = []
    for lang in LANGUAGES:
        ours_times, stock_times = measured["ours"][lang], measured["stock"][lang]
        median, stock_median = statistics.median(ours_times), statistics.median(stock_times)
        p90 = statistics.quantiles(ours_times, n=10)[-1]
        rows_time.append(
            f"| {lang} | {len(ours_times)} | {median:.1f} ms | {p90:.1f} ms | {stock_median:.1f} ms | "
            f"{median / stock_median:.2f} |"
        )
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(
        "\n".join(
            [
                "# Search benchmark",
                "",
                "Written by `make bench` (`python -m benchmarks.bench_search`); numbers from one run on the machine below.",
                "The baseline, measured in the same run, is the stock setup: one index holding both languages.",
                "",
                f"Machine: {machine()}.",
                "",
                "## Index size per language",
                "",
                "| language | index | gzip | stock index | stock gzip | gzip ratio (ours / stock) |",
                "| --- | --- | --- | --- | --- | --- |",
                *rows_size,
                "",
                "## Time from the last keystroke to rendered results",
                "",
                f"Every query of the search tests, {REPEATS} times each, in headless Chromium.",
                "",
                "| language | queries | median | 90th percentile | stock median | ratio (ours / stock) |",
                "| --- | --- | --- | --- | --- | --- |",
                *rows_time,
                "",
            ]
        ),
        encoding="utf-8",
    )
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
