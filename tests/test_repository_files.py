"""The files GitHub and editors read are valid: workflows, issue forms, and our JSON Schemas.

check-jsonschema validates them against SchemaStore's schemas, which it ships (nothing is
fetched). It stands in for actionlint, whose Python wrapper downloads its binary.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[1]
CHECK_JSONSCHEMA = Path(sys.executable).with_name("check-jsonschema")


def check(schema: str, files: list[Path]) -> None:
    assert files, f"no files to check against {schema}"
    result = subprocess.run(
        [str(CHECK_JSONSCHEMA), *schema.split(), *map(str, files)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflows_are_valid_github_actions_workflows() -> None:
    check("--builtin-schema vendor.github-workflows", sorted((ROOT / ".github/workflows").glob("*.yml")))


def test_deploy_runs_from_main_only_and_pull_requests_upload_a_preview() -> None:
    deploy = yaml.safe_load((ROOT / ".github/workflows/deploy.yml").read_text())
    assert deploy[True]["push"]["branches"] == ["main"]  # PyYAML reads the key `on` as True
    assert deploy["jobs"]["deploy"]["if"] == "github.ref == 'refs/heads/main'"
    ci = (ROOT / ".github/workflows/ci.yml").read_text()
    for step in ("make test", "make build", "gtc_site.tools.check_links", "upload-artifact"):
        assert step in ci, step


def test_issue_forms_and_their_config_are_valid() -> None:
    forms = sorted(p for p in (ROOT / ".github/ISSUE_TEMPLATE").glob("*.yml") if p.name != "config.yml")
    check("--builtin-schema vendor.github-issue-forms", forms)
    check("--builtin-schema vendor.github-issue-config", [ROOT / ".github/ISSUE_TEMPLATE/config.yml"])


@pytest.mark.parametrize("schema", sorted((ROOT / "facts/schema").glob("*.json")), ids=lambda p: p.name)
def test_fact_schemas_are_valid_json_schema(schema: Path) -> None:
    check("--check-metaschema", [schema])
