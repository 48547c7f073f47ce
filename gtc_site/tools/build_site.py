"""Build the site without ever damaging the last good one.

`python -m gtc_site.tools.build_site [site_dir]` builds strictly into a fresh staging folder
beside site_dir and swaps it in only when the build succeeds. On failure, Ctrl-C or an
unwritable folder, the old site_dir is left exactly as it was, the staging folder is
removed, one line says what happened, and the exit code is non-zero. Staging folders left
by a crash of an earlier build are removed first.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from gtc_site import paths
from gtc_site.mkdocs.config_check import config_problems

STAGING_PREFIX = "building-"


def _stale_staging(site_dir: Path) -> list[Path]:
    return sorted(site_dir.parent.glob(f".{site_dir.name}.{STAGING_PREFIX}*"))


def build_site(site_dir: Path, config_file: Path | None = None) -> int:
    config_file = config_file or paths.ROOT / "mkdocs.yml"
    site_dir = site_dir.resolve()
    try:
        site_dir.parent.mkdir(parents=True, exist_ok=True)
        for stale in _stale_staging(site_dir):
            shutil.rmtree(stale, ignore_errors=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.{STAGING_PREFIX}", dir=site_dir.parent))
    except OSError as err:
        print(
            f"Cannot build into {site_dir}: {err.strerror} ({err.filename}) — choose a writable folder.",
            file=sys.stderr,
        )
        return 1
    # MkDocs words a YAML error in mkdocs.yml without its line: check it first.
    problems = [p for p in config_problems(config_file) if "not valid YAML" in p.problem]
    if problems:
        shutil.rmtree(staging, ignore_errors=True)
        print("\n".join(str(p) for p in problems), file=sys.stderr)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        return 1
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean"]
    command += ["--config-file", str(config_file), "--site-dir", str(staging)]
    try:
        result = subprocess.run(command, cwd=config_file.parent, env=env, check=False)
    except KeyboardInterrupt:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build interrupted: {site_dir} was left as it was.", file=sys.stderr)
        return 128 + signal.SIGINT
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        return result.returncode if result.returncode > 0 else 1
    previous = site_dir.with_name(f".{site_dir.name}.previous")
    try:
        shutil.rmtree(previous, ignore_errors=True)
        if site_dir.exists():
            site_dir.rename(previous)
        staging.rename(site_dir)
    except OSError as err:
        if previous.exists() and not site_dir.exists():
            previous.rename(site_dir)
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Cannot replace {site_dir}: {err.strerror} — it was left as it was.", file=sys.stderr)
        return 1
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Built {site_dir}.")
    return 0


if __name__ == "__main__":
    sys.exit(build_site(Path(sys.argv[1]) if len(sys.argv) > 1 else paths.ROOT / "site"))
