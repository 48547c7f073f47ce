"""Build the site without ever damaging the last good one.

`python -m scripts.build_site [site_dir]` builds strictly into a fresh folder beside
site_dir and swaps it in only when the build succeeds; on failure the old site_dir is
left exactly as it was and the exit code is non-zero.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from scripts.load_facts import ROOT


def build_site(site_dir: Path, config_file: Path = ROOT / "mkdocs.yml") -> int:
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{site_dir.name}.building-", dir=site_dir.parent))
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [
        sys.executable,
        "-m",
        "mkdocs",
        "build",
        "--strict",
        "--clean",
        "--config-file",
        str(config_file),
        "--site-dir",
        str(staging),
    ]
    result = subprocess.run(command, cwd=config_file.parent, env=env, check=False)
    if result.returncode != 0:
        shutil.rmtree(staging, ignore_errors=True)
        print(f"Build failed: {site_dir} was left as it was.", file=sys.stderr)
        return result.returncode or 1
    previous = site_dir.with_name(f".{site_dir.name}.previous")
    shutil.rmtree(previous, ignore_errors=True)
    if site_dir.exists():
        site_dir.rename(previous)
    staging.rename(site_dir)
    shutil.rmtree(previous, ignore_errors=True)
    print(f"Built {site_dir}.")
    return 0


if __name__ == "__main__":
    sys.exit(build_site(Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "site"))
