"""Benchmark the build: our strict build against plain Material + i18n on the same Markdown.

`python -m benchmarks.bench_build [--scales 1,10,50]` writes, for each scale, a temporary
project (mkdocs.yml, overrides/, scripts/, a synthetic fact store and its hand-written
pages, see benchmarks/synthetic_store.py) and builds it as `make build` does. The baseline,
built in the same run at the same scale, is the Markdown our build produces, with every
cross-reference already resolved, built by mkdocs-material and mkdocs-static-i18n with
none of our hooks and no theme overrides. Writes benchmarks/build.md. Timings are the
minimum of RUNS builds; they are reported, never asserted.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import platform
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
from scripts.crossrefs import resolve_crossrefs
from scripts.fact_model import LANGUAGES
from scripts.generate_pages import write_generated_pages
from scripts.load_facts import ROOT, load_facts
from scripts.page_languages import FRONT_MATTER
from scripts.search_terms import jieba_words

RESULTS = ROOT / "benchmarks" / "build.md"
RUNS = 3
DEFAULT_SCALES = (1, 10, 50)
# What a checkout needs to build, besides docs/ and facts/.
PROJECT_PARTS = ("mkdocs.yml", "overrides", "scripts")
# Top-level keys of mkdocs.yml the baseline drops: our hooks, and `watch` (used by
# `mkdocs serve` only, and naming folders the baseline does not have).
BASELINE_DROPPED_KEYS = ("hooks", "watch")
INDEX = Path("search") / "search_index.json"
DEFAULT_LANGUAGE = LANGUAGES[0]  # built at the site root; the others under /<lang>/
RATIO_TARGET = 1.15  # our build time / baseline build time, at every scale
GROWTH_TARGET = (50, 55)  # 50x the content in at most 55x the time of 1x
# The Python functions of our build timed inside an in-process build: the first three do
# not call each other; "convert" (the Traditional edition) runs inside "generate".
TIMED_FUNCTIONS = {
    "load": ("scripts.load_facts", "load_facts"),
    "generate": ("scripts.generate_pages", "write_generated_pages"),
    "resolve": ("scripts.crossrefs", "resolve_crossrefs"),
    "convert": ("scripts.generate_pages", "write_traditional_edition"),
}
DISJOINT_FUNCTIONS = ("load", "generate", "resolve")
HOOK_MODULE_PREFIX = "scripts/hooks/"
EDIT_MARK = "(edited for the rebuild benchmark)"


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


# --- The two projects -------------------------------------------------------------------


def baseline_config(text: str) -> str:
    """mkdocs.yml without our hooks, our theme overrides (custom_dir) or `watch`; all else as is."""
    out = []
    dropping = False
    for line in text.splitlines(keepends=True):
        if line[:1] not in ("", " ", "\t", "\n", "#"):  # a top-level key starts
            dropping = line.split(":", 1)[0].strip() in BASELINE_DROPPED_KEYS
        if dropping or line.lstrip().startswith("custom_dir:"):
            continue
        out.append(line)
    return "".join(out)


def snapshot_build_files(target: Path, root: Path = ROOT) -> Path:
    """Copy what a build needs besides the store and the pages, once, so that every scale of a
    run measures the same code even while scripts/ is being edited.

    The scripts read facts/schema/ and facts/translation/ beside themselves, not from
    GTC_FACTS_DIR: every folder of facts/ is copied too.
    """
    target.mkdir(parents=True)
    parts = [root / part for part in PROJECT_PARTS]
    parts += [path for path in (root / "facts").iterdir() if path.is_dir()]
    for source in parts:
        destination = target / source.relative_to(root)
        if source.is_dir():
            shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copyfile(source, destination)
    return target


def make_project(target: Path, scale: int, pristine_docs: Path, build_files: Path) -> None:
    """Our project: the build files, the synthetic store, the synthetic pages."""
    shutil.copytree(build_files, target)
    write_synthetic_store(target / "facts", scale)
    write_synthetic_docs(pristine_docs, scale)
    reset_docs(target, pristine_docs)


def reset_docs(project: Path, pristine_docs: Path) -> None:
    """The state of a fresh checkout: hand-written pages only, no generated pages, no cache."""
    shutil.rmtree(project / "docs", ignore_errors=True)
    shutil.rmtree(project / ".cache", ignore_errors=True)
    shutil.copytree(pristine_docs, project / "docs")


def resolved_markdown(docs_dir: Path, facts_dir: Path) -> dict[str, str]:
    """{path under docs_dir: Markdown} of every page our build renders, references resolved.

    Generates the pages as our pre-build hook does (every language folder, converted ones
    included), then resolves every page's body as our page hook does (MkDocs hands hooks the
    Markdown after the front matter).
    """
    store = load_facts(facts_dir)
    write_generated_pages(store, docs_dir)
    pages = {}
    for lang_dir in languages(docs_dir):
        lang = lang_dir.name
        for path in sorted(lang_dir.rglob("*.md")):
            text = path.read_text(encoding="utf-8")
            match = FRONT_MATTER.match(text)
            head, body = (text[: match.end()], text[match.end() :]) if match else ("", text)
            page_path = path.relative_to(lang_dir).as_posix()
            pages[path.relative_to(docs_dir).as_posix()] = head + resolve_crossrefs(body, lang, page_path, store)
    return pages


def make_baseline(target: Path, ours: Path, pristine_docs: Path) -> None:
    """The baseline project: our generated, resolved Markdown; stock Material and i18n."""
    target.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(
        baseline_config((ours / "mkdocs.yml").read_text(encoding="utf-8")), encoding="utf-8"
    )
    with tempfile.TemporaryDirectory() as scratch:
        docs = Path(scratch) / "docs"
        shutil.copytree(pristine_docs, docs)
        for relative, text in resolved_markdown(docs, ours / "facts").items():
            path = target / "docs" / relative
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
    # The same search configuration as ours: jieba's user dictionary is data, not a hook.
    words = jieba_words(load_facts(ours / "facts"))
    (target / ".cache").mkdir()
    (target / ".cache" / "jieba_user_dict.txt").write_text("".join(f"{word}\n" for word in words), encoding="utf-8")


# --- Measuring --------------------------------------------------------------------------


def build_env(project: Path) -> dict[str, str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "GTC_FACTS_DIR": str(project / "facts")}
    env.pop("SITE_URL", None)
    return env


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
    command = [sys.executable, "-m", "benchmarks.bench_build", "--in-process", str(project), str(site), str(out)]
    if rebuild:
        command += ["--rebuild", rebuild]
    # cwd first on sys.path: `scripts` is the project's copy; PYTHONPATH finds `benchmarks`.
    env = {**build_env(project), "PYTHONPATH": str(ROOT)}
    result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise RuntimeError(f"in-process build of {project} failed:\n{result.stderr[-3000:]}")
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


def in_process_build(project: Path, site: Path, out: Path, rebuild: str = "") -> None:
    """Build project in this process (as `mkdocs build --strict` does), timing our code.

    Times every event function of our hooks (everything our code adds to a build) and,
    inside them the functions of TIMED_FUNCTIONS. Then, with rebuild "edit", changes one
    term's description in facts/terms.yml and times a second build in the same process with
    dirty=False, as `mkdocs serve` rebuilds after a change; with rebuild "again", times a
    second build without any change (the baseline, which has no store to edit).
    """
    import importlib

    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    timers: dict[str, float] = defaultdict(float)
    calls: dict[str, int] = defaultdict(int)
    for name, (module_name, attribute) in TIMED_FUNCTIONS.items():
        module = importlib.import_module(module_name)
        ours = module_name.startswith("scripts.") and (project / "scripts").exists()
        if ours and not Path(module.__file__).resolve().is_relative_to(project.resolve()):
            raise RuntimeError(f"{module_name} was imported from {module.__file__}, not from {project}")
        *owner_path, function = attribute.split(".")
        owner = module
        for part in owner_path:
            owner = getattr(owner, part)
        if hasattr(owner, function):  # patched before the hooks import them by name
            setattr(owner, function, _timed(timers, calls, name, getattr(owner, function)))

    def one_build() -> dict[str, Any]:
        timers.clear()
        calls.clear()
        start = time.perf_counter()
        config = load_config(config_file=str(project / "mkdocs.yml"), site_dir=str(site), strict=True)
        for event, methods in config.plugins.events.items():
            for index, method in enumerate(methods):
                module = getattr(method, "__module__", "") or ""
                if module.startswith(HOOK_MODULE_PREFIX):
                    hook = f"{module.removeprefix(HOOK_MODULE_PREFIX).removesuffix('.py')}.on_{event}"
                    methods[index] = _timed(timers, calls, f"hook:{hook}", method)
        build(config, dirty=False)
        total = time.perf_counter() - start
        hooks = {name.removeprefix("hook:"): value for name, value in timers.items() if name.startswith("hook:")}
        return {
            "build": total,
            "ours": sum(hooks.values()),
            "hooks": hooks,
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


def measure_scale(work: Path, scale: int, edit: bool, build_files: Path) -> dict[str, Any]:
    pristine, ours, base = work / "pristine-docs", work / "ours", work / "baseline"
    log(f"[{scale}x] writing the synthetic store and pages")
    make_project(ours, scale, pristine, build_files)
    make_baseline(base, ours, pristine)
    result: dict[str, Any] = {"scale": scale, "terms": len(read_records(ours / "facts", "terms"))}
    times: dict[str, list[float]] = {"ours": [], "baseline": []}
    peaks: dict[str, list[int]] = {"ours": [], "baseline": []}
    for run in range(1, RUNS + 1):
        # Interleaved, so that a slow spell of the machine hits both sides alike.
        for name, project in (("ours", ours), ("baseline", base)):
            if name == "ours":
                reset_docs(ours, pristine)
            elapsed, peak = timed_build(project, work / f"site-{name}", work / f"{name}-{run}.log")
            times[name].append(elapsed)
            peaks[name].append(peak)
            log(f"[{scale}x] {name} build {run}/{RUNS}: {elapsed:.1f} s, {peak / 1024:.0f} MiB")
    result["times"], result["peaks"] = times, peaks
    result["pages"] = pages_per_language(ours / "docs")
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


def _met(ok: bool) -> str:
    return "**met**" if ok else "**not met**"


def report(results: list[dict[str, Any]], load: tuple[str, str], seconds: float, version: str) -> str:
    by_scale = {r["scale"]: r for r in results}
    first = min(by_scale)
    best = {r["scale"]: {name: min(times) for name, times in r["times"].items()} for r in results}
    langs = list(results[0]["pages"])
    rows_time, rows_share, rows_index = [], [], []
    for scale, r in sorted(by_scale.items()):
        ours, base = best[scale]["ours"], best[scale]["baseline"]
        growth_ours, growth_base = ours / best[first]["ours"], base / best[first]["baseline"]
        pages = " / ".join(f"{r['pages'][lang]:,}" for lang in langs)
        rows_time.append(
            f"| {scale}x | {r['terms']:,} | {pages} | {ours:.1f} s | {base:.1f} s | "
            f"{ours / base:.2f} | {growth_ours:.1f}x | {growth_base:.1f}x | {_mib(max(r['peaks']['ours']))} | "
            f"{_mib(max(r['peaks']['baseline']))} |"
        )
        first_build = r["in_process"]["first"]
        functions = first_build["functions"]
        other = first_build["ours"] - sum(functions[name] for name in DISJOINT_FUNCTIONS)
        rows_share.append(
            f"| {scale}x | {first_build['build']:.1f} s | {first_build['ours']:.2f} s | "
            f"{first_build['ours'] / first_build['build']:.0%} | {functions['load']:.2f} s | "
            f"{functions['generate']:.2f} s ({_calls(first_build['calls']['generate'])}) | "
            f"{functions['convert']:.2f} s | {functions['resolve']:.2f} s | {other:.2f} s |"
        )
        cells = [_kib(size) for lang in langs for size in r["index"][lang]]
        cells += [_kib(size) for size in r["baseline_index"]]
        rows_index.append(f"| {scale}x | " + " | ".join(cells) + " |")
    hooks = sorted({hook for r in results for hook in r["in_process"]["first"]["hooks"]})
    rows_hooks = [
        f"| `{hook}` | "
        + " | ".join(f"{by_scale[s]['in_process']['first']['hooks'].get(hook, 0.0):.2f} s" for s in sorted(by_scale))
        + " |"
        for hook in hooks
    ]
    ratios = {scale: best[scale]["ours"] / best[scale]["baseline"] for scale in best}
    ratio_ok = all(ratio <= RATIO_TARGET for ratio in ratios.values())
    content, allowed = GROWTH_TARGET
    lines_targets = [
        f"- Our build at most {RATIO_TARGET:.2f}× the baseline's time at every scale: {_met(ratio_ok)} "
        f"({', '.join(f'{s}x: {ratio:.2f}' for s, ratio in sorted(ratios.items()))}).",
    ]
    if 1 in best and content in best:
        growth = best[content]["ours"] / best[1]["ours"]
        base_growth = best[content]["baseline"] / best[1]["baseline"]
        lines_targets.append(
            f"- {content}x the content in at most {allowed}x the time of 1x: {_met(growth <= allowed)} "
            f"(ours {growth:.1f}x; the baseline's own growth is {base_growth:.1f}x)."
        )
    else:
        lines_targets.append(
            f"- {content}x in at most {allowed}x the time of 1x: not measured (needs scales 1 and {content})."
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
    return "\n".join(
        [
            "# Build benchmark",
            "",
            f"Written by `python -m benchmarks.bench_build --scales {scales}`; numbers from one run on the machine",
            f"below ({seconds / 60:.0f} minutes in all). The baseline, built in the same run at each scale, is the",
            "Markdown our build produces (generated pages, every cross-reference resolved) built by mkdocs-material",
            "and mkdocs-static-i18n alone: the same mkdocs.yml without `hooks`, `theme.custom_dir` and `watch`.",
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
            f"Wall time of `python -m mkdocs build --strict` in a fresh process, the minimum of {RUNS} runs per",
            "side, the two sides interleaved. Ours starts from a fresh checkout each run (hand-written pages only:",
            "it validates the store and writes the generated pages). Growth is the time relative to "
            f"{first}x; peak memory is the largest maximum resident set size of the build process over the runs.",
            "",
            f"| scale | terms | pages ({' / '.join(langs)}) | ours | baseline | ours / baseline | ours growth | baseline growth "
            "| peak memory ours | peak memory baseline |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
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
            "`mkdocs.commands.build.build`), with every event function of our hooks wrapped in a timer, and",
            "inside them `load_facts` (read + validate), `write_generated_pages` (render + write, and within it",
            "`write_traditional_edition`, which converts every zh page to zh-Hant) and `resolve_crossrefs` (every",
            "page of every language). Method: wall-clock timers around those calls, not cProfile, so nothing",
            "else is slowed down. \u201cOther\u201d is the rest of our hooks: language menu, 404 pages, search",
            "index split, jieba dictionary, page metadata and downloads.",
            "",
            "| scale | whole build | our hooks | share | load + validate | generate | of which zh-Hant conversion "
            "| resolve | other |",
            "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
            *rows_share,
            "",
            "Per hook:",
            "",
            "| hook | " + " | ".join(f"{s}x" for s in sorted(by_scale)) + " |",
            "| --- | " + " | ".join("---" for _ in by_scale) + " |",
            *rows_hooks,
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
            "  hand-written pages of both languages to `docs/<lang>/rk/`, citing replica k's records.",
            "- Each side is a temporary project; ours holds copies of mkdocs.yml, overrides/ and scripts/, and",
            "  builds with `GTC_FACTS_DIR` pointing at its store.",
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
    changed = git("status", "--porcelain", "--", *PROJECT_PARTS, "facts")
    return f"commit {commit}" + (" with uncommitted changes to the build files or facts" if changed else "")


def _load_average() -> str:
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", default=",".join(map(str, DEFAULT_SCALES)), help="comma-separated, e.g. 1,10,50")
    parser.add_argument("--in-process", nargs=3, metavar=("PROJECT", "SITE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--rebuild", choices=("edit", "again"), default="", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.in_process:
        project, site, out = (Path(value) for value in args.in_process)
        in_process_build(project, site, out, args.rebuild)
        return
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
                results.append(measure_scale(Path(temp), scale, scale == scales[0], build_files))
    seconds = time.perf_counter() - start
    RESULTS.write_text(report(results, (load_before, _load_average()), seconds, version), encoding="utf-8")
    print(RESULTS.read_text(encoding="utf-8"))


if __name__ == "__main__":
    main()
