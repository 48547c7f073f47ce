"""Benchmark the build: our strict build against plain Material + i18n on the same Markdown.

`python -m benchmarks.bench_build [--scales 1,10,50] [--runs 3]` writes, for each scale, a
temporary project (mkdocs.yml, overrides/, the package gtc_site/ with the facts/schema/
and facts/translation/ it reads, a synthetic fact store and its hand-written pages, see
benchmarks/synthetic_store.py) and builds it as `make build` does. The baseline, built in
the same run at the same scale, is the Markdown our build produces (generated pages and
the zh-Hant edition included, every cross-reference already resolved), built by
mkdocs-material and mkdocs-static-i18n without our `gtc-site` plugin and without theme
overrides, its navigation written out as our plugin builds it. Writes benchmarks/build.md.
Timings are the minimum of --runs builds; they are reported, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any

from benchmarks.synthetic_store import read_records, write_records, write_synthetic_docs, write_synthetic_store
from gtc_site.i18n.languages import DEFAULT_LANGUAGE, TRADITIONAL, stored_language
from gtc_site.i18n.traditional import TraditionalConverter, read_phrase_table
from gtc_site.markdown_source import split_page
from gtc_site.publish.generated_pages import generated_pages
from gtc_site.render.crossrefs import CrossrefResolver
from gtc_site.render.navigation import category_sections
from gtc_site.render.pages import RECORD_FOLDERS
from gtc_site.render.search_terms import jieba_words
from gtc_site.store.load import load_facts
from gtc_site.store.model import FactStore
from gtc_site.tools.write_pages import hand_written_pages

# The checkout this benchmark belongs to. Not gtc_site.paths.ROOT: inside a build's process
# the imported gtc_site is the run's snapshot, in the temporary project.
ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "benchmarks" / "build.md"
RUNS = 3
DEFAULT_SCALES = (1, 10, 50)
# What a checkout needs to build, besides docs/ and facts/.
PROJECT_PARTS = ("mkdocs.yml", "overrides", "gtc_site")
PACKAGE = "gtc_site"
# Our MkDocs plugin, as mkdocs.yml lists it under `plugins:` (entry point in pyproject.toml).
OUR_PLUGIN = "gtc-site"
# Top-level keys of mkdocs.yml the baseline drops: `watch` (used by `mkdocs serve` only,
# and naming folders the baseline does not have).
BASELINE_DROPPED_KEYS = ("watch",)
# The plugin's own default (gtc_site/mkdocs/config.py), when mkdocs.yml does not set it.
DEFAULT_PHRASE_TABLE = "facts/translation/zh-Hant.yml"
INDEX = Path("search") / "search_index.json"
RATIO_TARGET = 1.05  # our build time / baseline build time, at every scale (issue #11)
MEMORY_TARGET = 1.10  # our peak memory / baseline peak memory, at every scale (issue #11)
GROWTH_TARGET = (50, 55)  # 50x the content in at most 55x the time of 1x (reported as well)
# The Python functions of our build timed inside an in-process build, patched where they
# are looked up: the plugin module imports load_facts and generated_pages by name; the
# methods are patched on their classes. The first three do not call each other; "convert"
# (a page of the Traditional edition) runs inside "generate".
TIMED_FUNCTIONS = {
    "load": ("gtc_site.mkdocs.plugin", "load_facts"),
    "generate": ("gtc_site.mkdocs.plugin", "generated_pages"),
    "resolve": ("gtc_site.render.crossrefs", "CrossrefResolver.resolve"),
    "convert": ("gtc_site.i18n.traditional", "TraditionalConverter.page"),
}
DISJOINT_FUNCTIONS = ("load", "generate", "resolve")
PLUGIN_CLASS = "GtcSitePlugin"
EDIT_MARK = "(edited for the rebuild benchmark)"
# A plugin entry of mkdocs.yml's list: `- gtc-site`, `- gtc-site:` or `- gtc-site: {…}`.
_PLUGIN_ENTRY = re.compile(rf"^(?P<indent>[ ]*)-[ ]+{re.escape(OUR_PLUGIN)}[ ]*(?::.*)?$")


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- The two projects -------------------------------------------------------------------


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def baseline_config(text: str) -> str:
    """mkdocs.yml without our plugin (its entry under `plugins:`, its indented settings and the
    comment lines just above it), our theme overrides (custom_dir) or `watch`; all else as is."""
    out: list[str] = []
    key = ""  # the top-level key being read
    plugin_indent: int | None = None  # set while reading our plugin's entry
    found = False
    for line in text.splitlines(keepends=True):
        if line[:1] not in ("", " ", "\t", "\n", "\r", "#"):  # a top-level key starts
            key = line.split(":", 1)[0].strip()
            plugin_indent = None
        if key in BASELINE_DROPPED_KEYS:
            continue
        if plugin_indent is not None:
            if not line.strip() or _indent(line) > plugin_indent:  # its settings
                continue
            plugin_indent = None
        entry = _PLUGIN_ENTRY.match(line.rstrip("\r\n")) if key == "plugins" else None
        if entry:
            found = True
            plugin_indent = len(entry["indent"])
            while out and out[-1].lstrip().startswith("#") and _indent(out[-1]) == plugin_indent:
                out.pop()  # the comment that introduces it
            continue
        if line.lstrip().startswith("custom_dir:"):
            continue
        out.append(line)
    if not found:
        raise ValueError(f"mkdocs.yml lists no `- {OUR_PLUGIN}` plugin: the baseline would not differ from ours")
    return "".join(out)


def snapshot_build_files(target: Path, root: Path = ROOT) -> Path:
    """Copy what a build needs, once, so that every scale of a run measures the same code and
    the same content even while the checkout is being edited.

    The package reads facts/schema/ and facts/translation/ beside itself (gtc_site.paths.ROOT
    is the package's parent folder), not from GTC_FACTS_DIR: every folder of facts/ is
    copied too. So are the store's files and the hand-written pages, the source of each
    scale's synthetic store and pages.
    """
    target.mkdir(parents=True)
    parts = [root / part for part in PROJECT_PARTS]
    parts += [path for path in (root / "facts").iterdir() if path.is_dir() or path.suffix in (".yml", ".yaml")]
    for source in parts:
        destination = target / source.relative_to(root)
        if source.is_dir():
            shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, destination)
    for relative, text in hand_written_pages(root / "docs").items():
        path = target / "docs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return target


def make_project(target: Path, scale: int, pristine_docs: Path, build_files: Path) -> None:
    """Our project: the build files, the synthetic store, the synthetic pages."""
    shutil.copytree(build_files, target)
    write_synthetic_store(target / "facts", scale, source=build_files / "facts")
    write_synthetic_docs(pristine_docs, scale, source_docs=build_files / "docs", source_facts=build_files / "facts")
    reset_docs(target, pristine_docs)


def reset_docs(project: Path, pristine_docs: Path) -> None:
    """The state of a fresh checkout: hand-written pages only, no cache."""
    shutil.rmtree(project / "docs", ignore_errors=True)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    shutil.copytree(pristine_docs, project / "docs")


def _plugin_settings(config_file: Path) -> dict[str, Any]:
    from mkdocs.utils.yaml import yaml_load

    for entry in yaml_load(config_file.read_text(encoding="utf-8")).get("plugins") or []:
        if isinstance(entry, dict) and OUR_PLUGIN in entry:
            return entry[OUR_PLUGIN] or {}
    return {}


def traditional_converter(project: Path) -> TraditionalConverter:
    """The converter our plugin makes, from the phrase table project/mkdocs.yml names."""
    setting = _plugin_settings(project / "mkdocs.yml").get("phrase_table", DEFAULT_PHRASE_TABLE)
    phrases = read_phrase_table(project / setting, setting)
    return TraditionalConverter({p.simplified: p.traditional for p in phrases})


def resolved_markdown(
    store: FactStore, hand_written: dict[str, str], converter: TraditionalConverter
) -> dict[str, str]:
    """{docs path: Markdown} of every page our build renders, references resolved.

    Generates the pages as our plugin's on_files does (every language, the converted zh-Hant
    edition included), then resolves every page's body as its on_page_markdown does (MkDocs
    hands plugins the Markdown after the front matter).
    """
    resolver = CrossrefResolver(store, converter)
    pages = {}
    for path, text in sorted({**hand_written, **generated_pages(store, hand_written, converter)}.items()):
        lang, _, page_path = path.partition("/")
        body = split_page(text).body
        pages[path] = text[: len(text) - len(body)] + resolver.resolve(body, lang, page_path)
    return pages


def write_baseline_pages(ours: Path, target: Path) -> None:
    """Write the baseline's docs/ and jieba dictionary from our project; run by make_baseline
    inside ours, so that the pages are those of the snapshot's code."""
    check_snapshot_imported(ours)
    store = load_facts(ours / "facts")
    pages = resolved_markdown(store, hand_written_pages(ours / "docs"), traditional_converter(ours))
    for relative, text in pages.items():
        path = target / "docs" / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    config = target / "mkdocs.yml"
    config.write_text(
        with_record_navigation(config.read_text(encoding="utf-8"), store, traditional_converter(ours)),
        encoding="utf-8",
    )
    # The same search configuration as ours: jieba's user dictionary is data, not our plugin.
    (target / ".cache").mkdir(exist_ok=True)
    dictionary = "".join(f"{word}\n" for word in jieba_words(store))
    (target / ".cache" / "jieba_user_dict.txt").write_text(dictionary, encoding="utf-8")


_RECORD_INDEX = re.compile(rf"^(?P<indent>[ ]*)-[ ]+(?P<folder>{'|'.join(RECORD_FOLDERS.values())})/index\.md[ ]*$")
_LOCALE = re.compile(r"^[ ]*-[ ]+locale:[ ]*(?P<lang>\S+)[ ]*$")
_NAV_TRANSLATIONS = re.compile(r"^(?P<indent>[ ]*)nav_translations:[ ]*$")


def with_record_navigation(text: str, store: FactStore, converter: TraditionalConverter) -> str:
    """The baseline's mkdocs.yml with the record pages in its navigation, as our plugin's
    on_nav places them (one subsection per category under Glossary, People, Organizations)
    and each category's title in every language's nav_translations: the same site, its
    navigation written by hand, as a plain Material + i18n project would have it. Titles
    are written as JSON strings, which YAML reads as they are."""
    folders = {folder: kind for kind, folder in RECORD_FOLDERS.items()}
    english = {kind: category_sections(store, kind, DEFAULT_LANGUAGE, converter) for kind in RECORD_FOLDERS}
    titles: dict[str, dict[str, str]] = defaultdict(dict)  # lang -> English title -> its own
    for kind in RECORD_FOLDERS:
        for lang in (TRADITIONAL, stored_language(TRADITIONAL)):
            own = category_sections(store, kind, lang, converter)
            for (title, _), (local, _) in zip(english[kind], own, strict=True):
                titles[lang][title] = local
    out: list[str] = []
    lang = ""
    for line in text.splitlines(keepends=True):
        out.append(line)
        bare = line.rstrip("\r\n")
        if locale := _LOCALE.match(bare):
            lang = locale["lang"]
        elif (entry := _NAV_TRANSLATIONS.match(bare)) and titles.get(lang):
            indent = entry["indent"] + "  "
            out += [
                f"{indent}{json.dumps(k, ensure_ascii=False)}: {json.dumps(v, ensure_ascii=False)}\n"
                for k, v in titles[lang].items()
            ]
        elif index := _RECORD_INDEX.match(bare):
            indent, folder = index["indent"], index["folder"]
            for title, records in english[folders[folder]]:
                out.append(f"{indent}- {json.dumps(title, ensure_ascii=False)}:\n")
                out += [f"{indent}    - {folder}/{record.id}.md\n" for record in records]
    return "".join(out)


def make_baseline(target: Path, ours: Path) -> None:
    """The baseline project: our generated, resolved Markdown; stock Material and i18n."""
    target.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(
        baseline_config((ours / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    _run_in(ours, ["--baseline-pages", str(ours), str(target)], "writing the baseline's pages")


# --- Measuring --------------------------------------------------------------------------


def build_env(project: Path) -> dict[str, str]:
    # The project first on sys.path (as its cwd already is): `import gtc_site` and the
    # plugin's entry point then find the snapshot, not the checkout's editable install.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GTC_FACTS_DIR": str(project / "facts")}
    env["PYTHONPATH"] = str(project)
    env.pop("SITE_URL", None)
    env.pop("GTC_ONLY_LANGUAGE", None)
    return env


def _run_in(project: Path, arguments: list[str], what: str) -> None:
    """Run this module with arguments in a fresh interpreter inside project."""
    command = [sys.executable, "-m", "benchmarks.bench_build", *arguments]
    # PYTHONPATH: the project first (its gtc_site), then this checkout for `benchmarks`.
    env = build_env(project)
    env["PYTHONPATH"] = os.pathsep.join((str(project), str(ROOT)))
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"{what} in {project} failed:\n{result.stderr[-3000:]}")


def check_snapshot_imported(project: Path) -> None:
    """Fail unless this process's gtc_site, and the plugin class MkDocs' entry point loads,
    come from project (the run's snapshot) rather than from the checkout."""
    import gtc_site

    plugin = metadata.entry_points(group="mkdocs.plugins")[OUR_PLUGIN].load()
    for name, file in ((PACKAGE, gtc_site.__file__), (plugin.__module__, sys.modules[plugin.__module__].__file__)):
        if not Path(file or "").resolve().is_relative_to(project.resolve()):
            raise RuntimeError(f"{name} was imported from {file}, not from {project}")


def snapshot_module_file(project: Path) -> str:
    """Where a build process in project imports gtc_site from (checked, then printed by the run)."""
    code = (
        "import sys; from pathlib import Path; from benchmarks.bench_build import check_snapshot_imported; "
        "check_snapshot_imported(Path(sys.argv[1])); import gtc_site; print(gtc_site.__file__)"
    )
    env = build_env(project)
    env["PYTHONPATH"] = os.pathsep.join((str(project), str(ROOT)))
    result = subprocess.run(
        [sys.executable, "-c", code, str(project)], cwd=project, env=env, capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        raise RuntimeError(f"the build in {project} would not use the snapshot:\n{result.stderr[-3000:]}")
    return result.stdout.strip()


def timed_build(project: Path, site: Path, log_file: Path) -> tuple[float, int]:
    """Wall time (s) and peak resident memory (KiB) of `python -m mkdocs build --strict`."""
    shutil.rmtree(site, ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)]
    with log_file.open("w", encoding="utf-8") as output:
        start = time.perf_counter()
        process = subprocess.Popen(command, cwd=project, env=build_env(project), stdout=output, stderr=output)
        # wait4 gives this child's own rusage (RUSAGE_CHILDREN would be the maximum of all).
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        raise RuntimeError(f"build of {project} failed:\n{log_file.read_text(encoding='utf-8')[-3000:]}")
    peak = usage.ru_maxrss // 1024 if sys.platform == "darwin" else usage.ru_maxrss
    return elapsed, peak


def instrumented_build(project: Path, site: Path, out: Path, rebuild: str = "") -> dict[str, Any]:
    """Run in_process_build (below) in a fresh interpreter inside project and return its report."""
    arguments = ["--in-process", str(project), str(site), str(out)]
    if rebuild:
        arguments += ["--rebuild", rebuild]
    _run_in(project, arguments, "in-process build")
    return json.loads(out.read_text(encoding="utf-8"))


def _timed(timers: dict[str, float], calls: dict[str, int], name: str, function: Callable) -> Callable:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        start = time.perf_counter()
        try:
            return function(*args, **kwargs)
        finally:
            timers[name] += time.perf_counter() - start
            calls[name] += 1

    return wrapper


def _event_label(event: str, method: Callable) -> str:
    """`on_config`, or `on_files (_add_generated_pages)` for a part of a CombinedEvent."""
    name = getattr(method, "__name__", repr(method))
    return name if name == f"on_{event}" else f"on_{event} ({name})"


def in_process_build(project: Path, site: Path, out: Path, rebuild: str = "") -> None:
    """Build project in this process (as `mkdocs build --strict` does), timing our code.

    Times every event method of our plugin (everything our code adds to a build) and,
    inside them, the functions of TIMED_FUNCTIONS. Then, with rebuild "edit", changes one
    term's description in facts/terms.yml and times a second build in the same process with
    dirty=False, as `mkdocs serve` rebuilds after a change; with rebuild "again", times a
    second build without any change (the baseline, which has no store to edit).
    """
    import importlib

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    timers: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    ours = (project / PACKAGE).exists()
    if ours:
        check_snapshot_imported(project)
        for name, (module_name, attribute) in TIMED_FUNCTIONS.items():
            owner = importlib.import_module(module_name)
            *owner_path, function = attribute.split(".")
            for part in owner_path:
                owner = getattr(owner, part)
            if not hasattr(owner, function):
                raise RuntimeError(f"{module_name}.{attribute} is gone: update TIMED_FUNCTIONS")
            setattr(owner, function, _timed(timers, calls, name, getattr(owner, function)))

    def one_build() -> dict[str, Any]:
        timers.clear()
        calls.clear()
        start = time.perf_counter()
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        wrapped = 0
        for event, methods in config.plugins.events.items():
            for index, method in enumerate(methods):
                if getattr(method, "__qualname__", "").startswith(f"{PLUGIN_CLASS}."):
                    methods[index] = _timed(timers, calls, f"plugin:{_event_label(event, method)}", method)
                    wrapped += 1
        if ours and not wrapped:
            raise RuntimeError(f"no event method of {PLUGIN_CLASS} found in {project / 'mkdocs.yml'}")
        build(config, dirty=False)
        total = time.perf_counter() - start
        events = {name.removeprefix("plugin:"): value for name, value in timers.items() if name.startswith("plugin:")}
        return {
            "build": total,
            "ours": sum(events.values()),
            "events": events,
            "functions": {name: timers.get(name, 0.0) for name in TIMED_FUNCTIONS},
            "calls": {name: calls.get(name, 0) for name in TIMED_FUNCTIONS},
        }

    report = {"first": one_build()}
    if rebuild == "edit":
        terms = read_records(project / "facts", "terms")
        terms[0]["description"]["en"] += f" {EDIT_MARK}"
        write_records(project / "facts" / "terms.yml", "terms", terms)
        report["rebuild"] = one_build()
        page = site / "glossary" / terms[0]["id"] / "index.html"
        report["rebuild"]["edit_visible"] = EDIT_MARK in page.read_text(encoding="utf-8")
        report["rebuild"]["pages_with_edit"] = sorted(
            path.relative_to(site).as_posix() for path in site.rglob("*.html") if EDIT_MARK in path.read_text("utf-8")
        )
    elif rebuild == "again":
        report["rebuild"] = one_build()
    out.write_text(json.dumps(report), encoding="utf-8")


def languages(docs: Path) -> list[Path]:
    """The language folders of a docs folder, the default language first."""
    return sorted((p for p in docs.iterdir() if p.is_dir()), key=lambda p: (p.name != DEFAULT_LANGUAGE, p.name))


def index_path(site: Path, lang: str) -> Path:
    return site / INDEX if lang == DEFAULT_LANGUAGE else site / lang / INDEX


def index_size(path: Path) -> tuple[int, int]:
    raw = path.read_bytes()
    return len(raw), len(gzip.compress(raw, compresslevel=9))


def pages_per_language(docs: Path) -> dict[str, int]:
    return {lang.name: sum(1 for _ in lang.rglob("*.md")) for lang in languages(docs)}


def measure_scale(work: Path, scale: int, edit: bool, build_files: Path, runs: int = RUNS) -> dict[str, Any]:
    pristine, ours, base = work / "pristine-docs", work / "ours", work / "baseline"
    log(f"[{scale}x] writing the synthetic store and pages")
    make_project(ours, scale, pristine, build_files)
    log(f"[{scale}x] our build imports {snapshot_module_file(ours)}")
    make_baseline(base, ours)
    result: dict[str, Any] = {"scale": scale, "runs": runs, "terms": len(read_records(ours / "facts", "terms"))}
    times: dict[str, list[float]] = {"ours": [], "baseline": []}
    peaks: dict[str, list[int]] = {"ours": [], "baseline": []}
    for run in range(1, runs + 1):
        # Interleaved, so that a slow spell of the machine hits both sides alike.
        for name, project in (("ours", ours), ("baseline", base)):
            if name == "ours":
                reset_docs(ours, pristine)
            elapsed, peak = timed_build(project, work / f"site-{name}", work / f"{name}-{run}.log")
            times[name].append(elapsed)
            peaks[name].append(peak)
            log(f"[{scale}x] {name} build {run}/{runs}: {elapsed:.1f} s, {peak / 1024:.0f} MiB")
    result["times"], result["peaks"] = times, peaks
    # Ours keeps its generated pages in memory; the baseline's docs/ holds every page it builds.
    result["pages"] = pages_per_language(base / "docs")
    result["index"] = {lang: index_size(index_path(work / "site-ours", lang)) for lang in result["pages"]}
    result["baseline_index"] = index_size(index_path(work / "site-baseline", DEFAULT_LANGUAGE))
    log(f"[{scale}x] in-process build with our code timed" + (", then the edit rebuild" if edit else ""))
    reset_docs(ours, pristine)
    result["in_process"] = instrumented_build(
        ours, work / "site-in-process", work / "ours.json", "edit" if edit else ""
    )
    if edit:
        # The baseline's own warm rebuild: a second build in the same process (no store to edit).
        base_report = instrumented_build(base, work / "site-in-process-base", work / "baseline.json", "again")
        result["baseline_in_process"] = [base_report["first"]["build"], base_report["rebuild"]["build"]]
    return result


# --- The report -------------------------------------------------------------------------


def machine() -> str:
    """What the numbers were measured on."""
    cpuinfo, meminfo = Path("/proc/cpuinfo"), Path("/proc/meminfo")
    models = (
        [line.split(":", 1)[1].strip() for line in cpuinfo.read_text().splitlines() if line.startswith("model name")]
        if cpuinfo.exists()
        else []
    )
    cpu = models[0] if models else platform.processor() or "unknown CPU"
    memory = ""
    if meminfo.exists():
        total = next(line for line in meminfo.read_text().splitlines() if line.startswith("MemTotal"))
        memory = f", {int(total.split()[1]) / 1024**2:.0f} GiB RAM"
    packages = ", ".join(
        f"{name} {metadata.version(name)}" for name in ("mkdocs", "mkdocs-material", "mkdocs-static-i18n")
    )
    return (
        f"{platform.system()} {platform.machine()}, {os.cpu_count()} cores ({cpu}){memory}, "
        f"Python {platform.python_version()}, {packages}"
    )


def _kib(size: int) -> str:
    return f"{size / 1024:,.0f} KiB"


def _mib(kib: int) -> str:
    return f"{kib / 1024:,.0f} MiB"


def _calls(count: int) -> str:
    return f"{count} call" if count == 1 else f"{count} calls"


def _minutes(seconds: float) -> str:
    minutes = max(1, round(seconds / 60))
    return f"{minutes} minute" if minutes == 1 else f"{minutes} minutes"


def _met(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def report(results: list[dict[str, Any]], load: tuple[str, str], seconds: float, version: str) -> str:
    by_scale = {r["scale"]: r for r in results}
    first = min(by_scale)
    runs = results[0].get("runs", RUNS)
    best = {r["scale"]: {name: min(times) for name, times in r["times"].items()} for r in results}
    peak = {r["scale"]: {name: max(peaks) for name, peaks in r["peaks"].items()} for r in results}
    langs = list(results[0]["pages"])
    rows_time, rows_share, rows_index = [], [], []
    for scale, r in sorted(by_scale.items()):
        ours, base = best[scale]["ours"], best[scale]["baseline"]
        growth_ours, growth_base = ours / best[first]["ours"], base / best[first]["baseline"]
        pages = " / ".join(f"{r['pages'][lang]:,}" for lang in langs)
        rows_time.append(
            f"| {scale}x | {r['terms']:,} | {pages} | {ours:.1f} s | {base:.1f} s | "
            f"{ours / base:.2f} | {growth_ours:.1f}x | {growth_base:.1f}x | {_mib(peak[scale]['ours'])} | "
            f"{_mib(peak[scale]['baseline'])} | {peak[scale]['ours'] / peak[scale]['baseline']:.2f} |"
        )
        first_build = r["in_process"]["first"]
        functions = first_build["functions"]
        other = first_build["ours"] - sum(functions[name] for name in DISJOINT_FUNCTIONS)
        rows_share.append(
            f"| {scale}x | {first_build['build']:.1f} s | {first_build['ours']:.2f} s | "
            f"{first_build['ours'] / first_build['build']:.0%} | {functions['load']:.2f} s | "
            f"{functions['generate']:.2f} s ({_calls(first_build['calls']['generate'])}) | "
            f"{functions['convert']:.2f} s ({_calls(first_build['calls']['convert'])}) | "
            f"{functions['resolve']:.2f} s ({_calls(first_build['calls']['resolve'])}) | {other:.2f} s |"
        )
        cells = [_kib(size) for lang in langs for size in r["index"][lang]]
        cells += [_kib(size) for size in r["baseline_index"]]
        rows_index.append(f"| {scale}x | " + " | ".join(cells) + " |")
    events = sorted({event for r in results for event in r["in_process"]["first"]["events"]})
    rows_events = [
        f"| `{event}` | "
        + " | ".join(f"{by_scale[s]['in_process']['first']['events'].get(event, 0.0):.2f} s" for s in sorted(by_scale))
        + " |"
        for event in events
    ]
    ratios = {scale: best[scale]["ours"] / best[scale]["baseline"] for scale in best}
    ratio_ok = all(ratio <= RATIO_TARGET for ratio in ratios.values())
    memory = {scale: peak[scale]["ours"] / peak[scale]["baseline"] for scale in peak}
    memory_ok = all(ratio <= MEMORY_TARGET for ratio in memory.values())
    content, allowed = GROWTH_TARGET
    lines_targets = [
        f"- Our build at most {RATIO_TARGET:.2f}× the baseline's time at every scale: {_met(ratio_ok)} "
        f"({', '.join(f'{s}x: {ratio:.2f}' for s, ratio in sorted(ratios.items()))}).",
        f"- Our peak memory at most {MEMORY_TARGET:.2f}× the baseline's at every scale: {_met(memory_ok)} "
        f"({', '.join(f'{s}x: {ratio:.2f}' for s, ratio in sorted(memory.items()))}).",
    ]
    if 1 in best and content in best:
        growth = best[content]["ours"] / best[1]["ours"]
        base_growth = best[content]["baseline"] / best[1]["baseline"]
        lines_targets.append(
            f"- Also reported: {content}x the content in at most {allowed}x the time of 1x: {_met(growth <= allowed)} "
            f"(ours {growth:.1f}x; the baseline's own growth is {base_growth:.1f}x)."
        )
    else:
        lines_targets.append(
            f"- Also reported: {content}x in at most {allowed}x the time of 1x: not measured "
            f"(needs scales 1 and {content})."
        )
    edit_lines = []
    edited = next((r for r in results if "rebuild" in r["in_process"]), None)
    if edited is not None:
        rebuild = edited["in_process"]["rebuild"]
        base_first, base_again = edited["baseline_in_process"]
        edit_lines = [
            f"## Edit loop ({edited['scale']}x)",
            "",
            "One term's English description changed in `facts/terms.yml`, then a second build in the same process",
            "(`load_config` + `build(config, dirty=False)`, what `mkdocs serve` runs after a change; imports and",
            "jieba are warm, the fact store is reloaded because a file changed). The baseline has no store to edit:",
            "its figure is a second in-process build of its Markdown.",
            "",
            "| | first build in process | rebuild | of which our code | edit visible in the rebuilt page |",
            "| --- | --- | --- | --- | --- |",
            f"| ours | {edited['in_process']['first']['build']:.2f} s | {rebuild['build']:.2f} s | "
            f"{rebuild['ours']:.2f} s (load + validate {rebuild['functions']['load']:.2f} s) | "
            f"{'yes' if rebuild['edit_visible'] else 'NO'} |",
            f"| baseline | {base_first:.2f} s | {base_again:.2f} s | – | – |",
            "",
        ]
    scales = ",".join(str(s) for s in sorted(by_scale))
    runs_option = "" if runs == RUNS else f" --runs {runs}"
    return "\n".join(
        [
            "# Build benchmark",
            "",
            f"Written by `python -m benchmarks.bench_build --scales {scales}{runs_option}`; numbers from one run on the",
            f"machine below ({_minutes(seconds)} in all). The baseline, built in the same run at each scale, is",
            "the Markdown our build produces (generated pages and the zh-Hant edition, every cross-reference",
            "resolved) built by mkdocs-material and mkdocs-static-i18n alone: the same mkdocs.yml without our",
            f"`{OUR_PLUGIN}` plugin, `theme.custom_dir` and `watch`, with the navigation our plugin builds",
            "written into it (every record page under its kind and category, category titles in each",
            "language's `nav_translations`), as a plain Material + i18n project of the same site would have it.",
            "Both sides therefore run with mkdocs-static-i18n's search de-duplication turned off",
            "(`reconfigure_search: false`): it compares every search entry with every other, which made both",
            "builds grow 76x for 50x the content, and this site has no fallback pages for it to remove.",
            "",
            f"Machine: {machine()}. Load average (1, 5, 15 min) before the run: {load[0]}; after: {load[1]}.",
            "",
            f"Code measured: {version}; copied once at the start of the run and used at every scale.",
            "",
            "## Targets",
            "",
            *lines_targets,
            "",
            "## Build time",
            "",
            f"Wall time of `python -m mkdocs build --strict` in a fresh process, the minimum of {runs} "
            f"{'run' if runs == 1 else 'runs'} per",
            "side, the two sides interleaved. Ours starts from a fresh checkout each run (hand-written pages only:",
            "it validates the store and renders the generated pages in memory). Growth is the time relative to "
            f"{first}x; peak memory is the largest maximum resident set size of the build process over the runs.",
            "",
            f"| scale | terms | pages ({' / '.join(langs)}) | ours | baseline | ours / baseline | ours growth | baseline growth "
            "| peak memory ours | peak memory baseline | memory ours / baseline |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            *rows_time,
            "",
            "Every run, in seconds: "
            + "; ".join(
                f"{s}x ours {', '.join(f'{t:.1f}' for t in r['times']['ours'])}, "
                f"baseline {', '.join(f'{t:.1f}' for t in r['times']['baseline'])}"
                for s, r in sorted(by_scale.items())
            )
            + ".",
            "",
            "## Where our time goes",
            "",
            "One further build per scale in a fresh process (`mkdocs.config.load_config` +",
            f"`mkdocs.commands.build.build`), with every event method of our plugin (`{PLUGIN_CLASS}`) wrapped in a",
            "timer, and inside them `load_facts` (read + validate), `generated_pages` (render in memory, and within",
            "it `TraditionalConverter.page`, which converts every zh page to zh-Hant) and `CrossrefResolver.resolve`",
            "(every page of every language). Method: wall-clock timers around those calls, not cProfile, so nothing",
            "else is slowed down. \u201cOther\u201d is the rest of what our plugin events do: jieba dictionary, checks",
            "of the Traditional edition, language menus, page metadata, 404 pages, search index split and downloads.",
            "Importing our package (before the first event) is in the whole build only.",
            "",
            "| scale | whole build | our plugin events | share | load + validate | generate | of which zh-Hant conversion "
            "| resolve | other |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            *rows_share,
            "",
            "Per plugin event:",
            "",
            "| plugin event | " + " | ".join(f"{s}x" for s in sorted(by_scale)) + " |",
            "| --- | " + " | ".join("---" for _ in by_scale) + " |",
            *rows_events,
            "",
            "## Search index per language",
            "",
            "Ours writes one index per language (UTF-8 JSON); the baseline (stock i18n) writes one merged index of",
            "all of them, as Material writes it: JSON with non-ASCII characters as `\\uXXXX` escapes, so compare the",
            "gzip sizes rather than the raw ones.",
            "",
            "| scale | "
            + " | ".join(f"{lang} | {lang} gzip" for lang in langs)
            + " | baseline (merged) | baseline gzip |",
            "| --- | " + " | ".join("--- | ---" for _ in langs) + " | --- | --- |",
            *rows_index,
            "",
            *edit_lines,
            "## Method",
            "",
            "- The synthetic store (`benchmarks/synthetic_store.py`) is the real one N times: replica 0 is the real",
            "  store and pages, unchanged (so 1x is the real site); replica k copies every record with `-xk` ids,",
            "  marked names, descriptions and aliases, and references rewritten within the replica, and copies the",
            "  hand-written pages of both languages to `docs/<lang>/rk/`, citing replica k's records. Categories are",
            "  copied per replica too: a larger site has more categories, not longer ones (with shared categories",
            "  every record page's sidebar would list N times as many siblings, on both sides).",
            "- Each side is a temporary project; ours holds copies of mkdocs.yml, overrides/ and the package",
            f"  {PACKAGE}/ (with the facts/schema/ and facts/translation/ it reads beside it), first on `sys.path` so",
            f"  that the `{OUR_PLUGIN}` entry point loads that copy, and builds with `GTC_FACTS_DIR` pointing at its",
            "  store. The code, the store and the hand-written pages are copied once at the start of the run.",
            "- Timings are wall-clock and include starting Python. The machine may have had other work on it:",
            "  the two sides are interleaved and the minimum is taken to limit its effect.",
            "",
        ]
    )


def code_version() -> str:
    """The commit measured, and whether the copied build files differed from it (read-only git)."""

    def git(*args: str) -> str:
        try:
            result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True, check=False)
        except OSError:
            return ""
        return result.stdout.strip() if result.returncode == 0 else ""

    commit = git("rev-parse", "--short", "HEAD")
    if not commit:
        return "not a git checkout"
    changed = git("status", "--porcelain", "--", *PROJECT_PARTS, "facts", "docs")
    return f"commit {commit}" + (" with uncommitted changes to the build files, facts or pages" if changed else "")


def _load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default=",".join(map(str, DEFAULT_SCALES)), help="comma-separated, e.g. 1,10,50")
    parser.add_argument("--runs", type=int, default=RUNS, help=f"builds per side and scale (default {RUNS})")
    parser.add_argument("--in-process", nargs=3, metavar=("PROJECT", "SITE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--rebuild", choices=("edit", "again"), default="", help=argparse.SUPPRESS)
    parser.add_argument("--baseline-pages", nargs=2, metavar=("OURS", "TARGET"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.in_process:
        project, site, out = (Path(value) for value in args.in_process)
        in_process_build(project, site, out, args.rebuild)
        return
    if args.baseline_pages:
        ours, target = (Path(value) for value in args.baseline_pages)
        write_baseline_pages(ours, target)
        return
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    scales = sorted({int(value) for value in args.scales.split(",") if value.strip()})
    load_before = _load_average()
    start = time.perf_counter()
    version = code_version()
    results = []
    with tempfile.TemporaryDirectory(prefix="bench-build-code-") as code:
        build_files = snapshot_build_files(Path(code) / "project")
        for scale in scales:
            with tempfile.TemporaryDirectory(prefix=f"bench-build-{scale}x-") as temp:
                # The edit loop is measured at the smallest scale (1x in the default run).
                results.append(measure_scale(Path(temp), scale, scale == scales[0], build_files, args.runs))
    seconds = time.perf_counter() - start
    RESULTS.write_text(report(results, (load_before, _load_average()), seconds, version), encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
