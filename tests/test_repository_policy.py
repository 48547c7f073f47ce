"""The repository's policies hold together: licenses, Dependabot, code owners, and labels.

Every label an issue form, an issue or pull request template or Dependabot applies is
defined in .github/labels.json, and the Labels workflow's script turns that file into
`gh label create … --force` calls (run here against a stand-in `gh`).
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
GITHUB = ROOT / ".github"
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")
LABELS_FILE = GITHUB / "labels.json"


def load_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def as_list(labels: str | list[str] | None) -> list[str]:
    """Issue forms and template front matter accept a list or a comma-separated string."""
    if labels is None:
        return []
    if isinstance(labels, str):
        return [label.strip() for label in labels.split(",") if label.strip()]
    return list(labels)


def front_matter(path: Path) -> dict:
    text = path.read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", text, re.DOTALL)
    return (yaml.safe_load(match.group(1)) or {}) if match else {}


def defined_labels() -> list[dict]:
    return json.loads(LABELS_FILE.read_text(encoding="utf-8"))


def used_labels() -> dict[str, set[str]]:
    """Label name → the files that apply it."""
    used: dict[str, set[str]] = {}

    def add(labels: list[str], path: Path) -> None:
        for label in labels:
            used.setdefault(label, set()).add(str(path.relative_to(ROOT)))

    for form in (GITHUB / "ISSUE_TEMPLATE").glob("*.yml"):
        if form.name != "config.yml":
            add(as_list(load_yaml(form).get("labels")), form)
    templates = [*(GITHUB / "ISSUE_TEMPLATE").glob("*.md"), *(GITHUB / "PULL_REQUEST_TEMPLATE").glob("*.md")]
    templates += [path for path in GITHUB.iterdir() if path.name.lower() == "pull_request_template.md"]
    for template in templates:
        add(as_list(front_matter(template).get("labels")), template)
    dependabot = GITHUB / "dependabot.yml"
    for update in load_yaml(dependabot)["updates"]:
        add(update.get("labels", ["dependencies"]), dependabot)  # Dependabot's default label
    return used


# --- Licenses -----------------------------------------------------------------------------


def test_code_is_under_the_mit_license() -> None:
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n")
    assert "Copyright (c) 2024-2026 the GTC 2024, explained contributors" in text
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text


def test_text_and_data_are_under_cc_by_and_quotations_are_excluded() -> None:
    text = (ROOT / "LICENSE-content.md").read_text(encoding="utf-8")
    english, _, chinese = text.partition("\n## 简体中文\n")
    assert chinese, "LICENSE-content.md needs a '## 简体中文' section after the English one"
    for part in (english, chinese):
        assert "CC BY 4.0" in part
        assert "https://creativecommons.org/licenses/by/4.0/" in part
        assert "facts/" in part
        assert "硅谷101" in part
        assert "[LICENSE](LICENSE)" in part
    assert "Quotations from the 硅谷101" in english
    assert "source's own words shown beside figures" in english
    assert "trademark" in english
    assert "硅谷101 报道中的引语" in chinese
    assert "商标" in chinese


def test_readme_points_at_both_licenses() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    english, _, chinese = readme.partition("\n## 中文说明\n")
    assert "\n## License\n" in english
    for part in (english, chinese):
        assert "(LICENSE)" in part
        assert "(LICENSE-content.md)" in part


# --- Dependabot ---------------------------------------------------------------------------


def test_dependabot_config_is_valid() -> None:
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), "--builtin-schema", "vendor.dependabot", str(GITHUB / "dependabot.yml")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_dependabot_updates_pip_npm_and_actions_weekly_with_minor_and_patch_grouped() -> None:
    config = load_yaml(GITHUB / "dependabot.yml")
    assert config["version"] == 2
    updates = {update["package-ecosystem"]: update for update in config["updates"]}
    assert set(updates) >= {"pip", "npm", "github-actions"}
    for ecosystem, update in updates.items():
        assert update["directory"] == "/", ecosystem
        assert update["schedule"]["interval"] == "weekly", ecosystem
        grouped = [set(group.get("update-types", [])) for group in update.get("groups", {}).values()]
        assert {"minor", "patch"} in grouped, f"{ecosystem}: no group of minor and patch updates"


@pytest.mark.parametrize(
    ("ecosystem", "manifests"),
    [
        ("pip", ["requirements.in", "requirements.txt", "requirements-dev.in", "requirements-dev.txt"]),
        ("npm", ["package.json", "package-lock.json"]),
    ],
)
def test_dependabot_finds_the_manifests_it_updates(ecosystem: str, manifests: list[str]) -> None:
    for manifest in manifests:
        assert (ROOT / manifest).is_file(), f"{ecosystem}: {manifest} is missing"
    if ecosystem == "pip":
        # Dependabot recompiles pip-compile output (with hashes) from the .in files.
        for locked in ("requirements.txt", "requirements-dev.txt"):
            text = (ROOT / locked).read_text(encoding="utf-8")
            assert "autogenerated by pip-compile" in text, locked
            assert "--generate-hashes" in text, locked


# --- Code owners --------------------------------------------------------------------------


def codeowners_rules() -> list[tuple[str, list[str]]]:
    rules = []
    for line in (GITHUB / "CODEOWNERS").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            pattern, *owners = line.split()
            rules.append((pattern, owners))
    return rules


def owners_of(path: str) -> list[str]:
    """GitHub's rule: the last matching line wins. Only the pattern forms used here."""
    owners: list[str] = []
    for pattern, rule_owners in codeowners_rules():
        if pattern == "*":
            matches = True
        elif pattern.startswith("/") and pattern.endswith("/"):
            matches = path.startswith(pattern[1:])
        else:
            raise AssertionError(f"CODEOWNERS pattern {pattern!r}: teach owners_of() to match it")
        if matches:
            owners = rule_owners
    return owners


def test_codeowners_names_teams_and_is_the_only_codeowners_file() -> None:
    rules = codeowners_rules()
    assert rules
    for pattern, owners in rules:
        assert owners, f"{pattern}: no owner"
        for owner in owners:
            assert re.fullmatch(r"@gtc2024-explained/[a-z0-9-]+", owner), owner
    assert not (ROOT / "CODEOWNERS").exists()
    assert not (ROOT / "docs/CODEOWNERS").exists()


@pytest.mark.parametrize(
    ("path", "owner"),
    [
        ("facts/translation/zh-Hant.yml", "@gtc2024-explained/zh-hant-reviewers"),
        ("facts/translation/zh-Hant-never.yml", "@gtc2024-explained/zh-hant-reviewers"),
        ("facts/terms.yml", "@gtc2024-explained/editors"),
        ("docs/zh/index.md", "@gtc2024-explained/editors"),
        ("gtc_site/mkdocs/plugin.py", "@gtc2024-explained/maintainers"),
        ("facts/translation/zh-Hant.yml", "@gtc2024-explained/maintainers"),
    ],
)
def test_codeowners_assigns_each_area(path: str, owner: str) -> None:
    assert owner in owners_of(path), f"{path}: owners are {owners_of(path)}"


# --- Labels -------------------------------------------------------------------------------


def test_labels_are_well_formed_and_unique() -> None:
    labels = defined_labels()
    names = [label["name"] for label in labels]
    assert len(names) == len(set(names)), "a label is defined twice"
    for label in labels:
        assert set(label) == {"name", "color", "description"}, label
        assert 0 < len(label["name"]) <= 50, label  # GitHub's limits
        assert re.fullmatch(r"[0-9a-f]{6}", label["color"]), f"{label['name']}: color must be 6 lowercase hex digits"
        assert 0 < len(label["description"]) <= 100, f"{label['name']}: description longer than GitHub's 100"
    assert set(names) >= {"bug", "enhancement", "dependencies"}


def test_every_label_in_use_is_defined() -> None:
    used = used_labels()
    assert {"fact", "glossary", "translation"} <= set(used), used  # the issue forms apply them
    defined = {label["name"] for label in defined_labels()}
    missing = {label: sorted(files) for label, files in used.items() if label not in defined}
    assert not missing, f"labels used but not defined in .github/labels.json: {missing}"


def test_labels_workflow_runs_on_changes_to_the_file_and_by_hand() -> None:
    workflow = load_yaml(GITHUB / "workflows/labels.yml")
    triggers = workflow[True]  # PyYAML reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert ".github/labels.json" in triggers["push"]["paths"]
    assert "workflow_dispatch" in triggers
    assert workflow["permissions"]["issues"] == "write"


def test_labels_workflow_creates_or_updates_every_label(tmp_path: Path) -> None:
    """Run the workflow's script with a stand-in `gh` that records its arguments."""
    workflow = load_yaml(GITHUB / "workflows/labels.yml")
    scripts = [step["run"] for job in workflow["jobs"].values() for step in job["steps"] if "run" in step]
    assert len(scripts) == 1
    log = tmp_path / "gh.log"
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake_gh = bin_dir / "gh"
    fake_gh.write_text(
        f"#!{sys.executable}\nimport json, os, sys\n"
        "with open(os.environ['GH_LOG'], 'a', encoding='utf-8') as log:\n"
        "    log.write(json.dumps(sys.argv[1:]) + '\\n')\n",
        encoding="utf-8",
    )
    fake_gh.chmod(0o755)
    env = {
        **os.environ,
        "PATH": os.pathsep.join([str(bin_dir), str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        "GH_LOG": str(log),
        "GH_TOKEN": "not-a-token",
        "GH_REPO": "example/example",
    }
    result = subprocess.run(
        ["bash", "-e", "-c", scripts[0]], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    calls = [json.loads(line) for line in log.read_text(encoding="utf-8").splitlines()]
    expected = [
        ["label", "create", label["name"], "--color", label["color"], "--description", label["description"], "--force"]
        for label in defined_labels()
    ]
    assert calls == expected
