"""Benchmark search: index size per language, the query script's size, and the time from
keystroke to rendered results, at 1x and at 10x the content.

`python -m benchmarks.bench_search [--scales 1,10]` builds the site at each scale (1x: the
real site; 10x: the synthetic store and pages of benchmarks/synthetic_store.py, built as
benchmarks/bench_build.py builds it), serves it on 127.0.0.1 and measures in Chromium,
against a baseline in the same run: the stock setup, where one index holds every language
and the search box sends the query as typed (no overrides/assets/search-query.js, no
`cites` field). Writes benchmarks/search.md. Timings are medians over repeated queries;
they are reported against the targets of issue #16, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from benchmarks.bench_build import make_project, snapshot_build_files, timed_build
from gtc_site.paths import ROOT
from gtc_site.publish.search_index import CITES_FIELD, SEARCH_LANGUAGES
from gtc_site.publish.search_query_data import DATA
from tests.conftest import CHROMIUM_ARGS, SYSTEM_CHROMIUM, build_real_site
from tests.static_host import SITE_PATH, serve_site
from tests.test_search_queries import CHINESE, ENGLISH, TRADITIONAL

RESULTS = ROOT / "benchmarks" / "search.md"
SCALES = (1, 10)
# Every query is timed this many times at each scale (fewer at 10x: the run stays short).
REPEATS = {1: 5, 10: 3}
LANGUAGES = {"en": "", "zh": "zh/", "zh-Hant": "zh-Hant/"}
QUERIES = {"en": ENGLISH, "zh": CHINESE, "zh-Hant": TRADITIONAL}
SCRIPT = Path("assets") / "search-query.js"
# Issue #16's targets.
MEDIAN_TARGET_MS = {1: 50, 10: 150}
INDEX_TARGET_BYTES = 100_000  # gzip, per language, at 1x
SCRIPT_TARGET_BYTES = 15_000  # the script and one language's data, gzip
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
_SCRIPT_TAG = re.compile(r'\s*<script src="[^"]*assets/search-query\.js"[^>]*></script>')


def index_path(site: Path, lang: str) -> Path:
    return site / LANGUAGES[lang] / "search" / "search_index.json"


def sizes(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=9))


def merged_index(site: Path) -> dict:
    """What mkdocs-static-i18n writes without our split: every language in one index
    (without the `cites` field our split adds)."""
    docs = []
    for lang, prefix in LANGUAGES.items():
        index = json.loads(index_path(site, lang).read_text(encoding="utf-8"))
        for entry in index["docs"]:
            entry = {key: value for key, value in entry.items() if key != CITES_FIELD}
            docs.append({**entry, "location": prefix + entry["location"]})
        config = index["config"]
    fields = {name: spec for name, spec in config["fields"].items() if name != CITES_FIELD}
    languages = list(dict.fromkeys(SEARCH_LANGUAGES.get(lang, lang) for lang in LANGUAGES))
    return {"config": {**config, "lang": languages, "fields": fields}, "docs": docs}


def make_stock(ours: Path, stock: Path) -> None:
    """A copy of our site as the stock setup serves it: one merged index, no query script."""
    shutil.copytree(ours, stock)
    merged = json.dumps(merged_index(ours), ensure_ascii=False, separators=(",", ":"))
    for lang in LANGUAGES:
        index_path(stock, lang).write_text(merged, encoding="utf-8")
        (index_path(stock, lang).parent / DATA.name).unlink(missing_ok=True)
    (stock / SCRIPT).unlink(missing_ok=True)
    for page in stock.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        if "search-query.js" in text:
            page.write_text(_SCRIPT_TAG.sub("", text), encoding="utf-8")


def latencies(browser, base: str, repeats: int, settle_ms: int) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {}
    for lang, table in QUERIES.items():
        page = browser.new_page()
        page.goto(base + LANGUAGES[lang])
        page.click("input.md-search__input")
        page.wait_for_function("() => !document.querySelector('.md-search-result__meta').innerText.includes('…')")
        page.wait_for_timeout(settle_ms)
        times[lang] = [page.evaluate(MEASURE, query) for _ in range(repeats) for query, _, _ in table]
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


def build_scale(work: Path, scale: int, build_files: Path | None) -> Path:
    """Our site at scale: the real site at 1x, the synthetic project at more."""
    if scale == 1:
        return build_real_site(work / "ours-1", "http://127.0.0.1/" + SITE_PATH.strip("/") + "/")
    assert build_files is not None
    project = work / f"project-{scale}"
    make_project(project, scale, work / f"docs-{scale}", build_files)
    site = work / f"ours-{scale}"
    timed_build(project, site, work / f"build-{scale}.log")
    return site


def kb(size: int) -> str:
    return f"{size / 1000:,.1f} kB"


def verdict(ok: bool) -> str:
    return "yes" if ok else "**no**"


def measure(scales: tuple[int, ...]) -> dict:
    results: dict = {"sizes": {}, "script": {}, "times": {}}
    with tempfile.TemporaryDirectory() as temp:
        work = Path(temp)
        build_files = snapshot_build_files(work / "files") if any(scale > 1 for scale in scales) else None
        with sync_playwright() as playwright:
            executable = SYSTEM_CHROMIUM if Path(SYSTEM_CHROMIUM).exists() else None
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            for scale in scales:
                ours = build_scale(work, scale, build_files)
                stock = work / f"stock-{scale}"
                make_stock(ours, stock)
                results["sizes"][scale] = {
                    lang: (sizes(index_path(ours, lang)), sizes(index_path(stock, lang))) for lang in LANGUAGES
                }
                if scale == 1:
                    script = sizes(ours / SCRIPT)
                    results["script"] = {
                        lang: (script, sizes(index_path(ours, lang).parent / DATA.name)) for lang in LANGUAGES
                    }
                servers = {name: serve_site(path) for name, path in (("ours", ours), ("stock", stock))}
                settle = 500 * scale
                results["times"][scale] = {
                    name: latencies(browser, base, REPEATS[scale], settle) for name, (_, base) in servers.items()
                }
                for server, _ in servers.values():
                    server.shutdown()
                shutil.rmtree(stock)
            browser.close()
    return results


def report(results: dict) -> str:
    rows_size = []
    for scale, per_language in results["sizes"].items():
        for lang, ((raw, zipped), (stock_raw, stock_zipped)) in per_language.items():
            target = verdict(zipped <= INDEX_TARGET_BYTES) if scale == 1 else "—"
            rows_size.append(
                f"| {scale}x | {lang} | {kb(raw)} | {kb(zipped)} | {kb(stock_raw)} | {kb(stock_zipped)} | "
                f"{zipped / stock_zipped:.2f} | {target} |"
            )
    rows_script = []
    for lang, ((script_raw, script_zipped), (data_raw, data_zipped)) in results["script"].items():
        total = script_zipped + data_zipped
        rows_script.append(
            f"| {lang} | {kb(script_raw)} | {kb(script_zipped)} | {kb(data_raw)} | {kb(data_zipped)} | "
            f"{kb(total)} | {verdict(total <= SCRIPT_TARGET_BYTES)} |"
        )
    rows_time = []
    for scale, measured in results["times"].items():
        for lang in LANGUAGES:
            ours, stock = measured["ours"][lang], measured["stock"][lang]
            median, stock_median = statistics.median(ours), statistics.median(stock)
            p90 = statistics.quantiles(ours, n=10)[-1]
            rows_time.append(
                f"| {scale}x | {lang} | {len(ours)} | {median:.1f} ms | {p90:.1f} ms | {stock_median:.1f} ms | "
                f"{median / stock_median:.2f} | {verdict(median <= MEDIAN_TARGET_MS[scale])} |"
            )
    repeats = ", ".join(f"{REPEATS[scale]} times each at {scale}x" for scale in results["times"])
    return "\n".join(
        [
            "# Search benchmark",
            "",
            "Written by `make bench` (`python -m benchmarks.bench_search`); numbers from one run on the machine below.",
            "The baseline, measured in the same run, is the stock setup: one index holding every language, and the",
            "query sent as typed (no `overrides/assets/search-query.js`, no `cites` field).",
            "10x is the synthetic store and pages of `benchmarks/synthetic_store.py`.",
            "",
            f"Machine: {machine()}.",
            "",
            "## Index size per language",
            "",
            f"Target: at most {INDEX_TARGET_BYTES // 1000} kB (1 kB = 1,000 bytes) gzip per language at 1x.",
            "",
            "| scale | language | index | gzip | stock index | stock gzip | gzip ratio (ours / stock) | within target |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
            *rows_size,
            "",
            "## Query script and its data",
            "",
            f"`assets/search-query.js` and `<lang>/search/search_query.json`; target: at most {SCRIPT_TARGET_BYTES // 1000} kB gzip together.",
            "",
            "| language | script | gzip | data | gzip | script + data gzip | within target |",
            "| --- | --- | --- | --- | --- | --- | --- |",
            *rows_script,
            "",
            "## Time from the last keystroke to rendered results",
            "",
            f"Every query of tests/test_search_queries.py, {repeats}, in headless Chromium.",
            f"Targets: median at most {MEDIAN_TARGET_MS[1]} ms at 1x and {MEDIAN_TARGET_MS[10]} ms at 10x.",
            "",
            "| scale | language | queries | median | 90th percentile | stock median | ratio (ours / stock) | within target |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |",
            *rows_time,
            "",
        ]
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--scales", default=",".join(map(str, SCALES)), help="comma-separated, e.g. 1,10")
    scales = tuple(int(scale) for scale in parser.parse_args().scales.split(","))
    unknown = [scale for scale in scales if scale not in REPEATS]
    if unknown:
        parser.error(f"no repeat count for scale {unknown[0]} (known: {', '.join(map(str, REPEATS))})")
    RESULTS.parent.mkdir(exist_ok=True)
    RESULTS.write_text(report(measure(scales)), encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
