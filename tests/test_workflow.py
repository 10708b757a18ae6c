"""The GitHub Pages workflow, which cannot run here: valid by GitHub's schema, and wired as the issue asks.

The schema is the one check-jsonschema vendors (`vendor.github-workflows`), so no network.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from conftest import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "pages.yml"
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"


# Each edit must make the same check fail: the validation really looks at the file.
BROKEN = {
    "job without runs-on": (
        "  deploy:\n    needs: [test, build]\n    runs-on: ubuntu-latest\n",
        "  deploy:\n    needs: [test, build]\n",
    ),
    "unknown permission level": ("  pages: write\n", "  pages: admin\n"),
    "misspelt key": ("    environment:\n", "    enviroment:\n"),
    "step without uses or run": ("      - run: make site\n", "      - name: make site\n"),
    "misspelt option": ("  cancel-in-progress: false\n", "  cancel-in-progres: false\n"),
}


@pytest.fixture(scope="module")
def schema_errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[str]]:
    """One check-jsonschema run over the workflow and each broken copy: file → error paths."""
    text = WORKFLOW.read_text(encoding="utf-8")
    folder = tmp_path_factory.mktemp("workflows")
    files = {"pages.yml": WORKFLOW}
    for name, (old, new) in BROKEN.items():
        assert text.count(old) == 1, f"{name}: the edit no longer applies"
        files[name] = folder / f"{name.replace(' ', '-')}.yml"
        files[name].write_text(text.replace(old, new), encoding="utf-8")
    result = subprocess.run(
        [
            str(CHECK_JSONSCHEMA),
            "--output-format",
            "json",
            "--builtin-schema",
            "vendor.github-workflows",
            *map(str, files.values()),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    report = json.loads(result.stdout)
    assert report["parse_errors"] == [], report["parse_errors"]
    by_file: dict[str, list[str]] = {str(path): [] for path in files.values()}
    for error in report["errors"]:
        by_file[error["filename"]].append(f"{error['path']}: {error['message']}")
    return {name: by_file[str(path)] for name, path in files.items()}


def load() -> dict[Any, Any]:
    workflow = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    workflow["on"] = workflow.pop(True, workflow.get("on"))  # YAML 1.1 reads the key `on` as True
    return workflow


def steps(workflow: dict[Any, Any], job: str) -> list[dict[str, Any]]:
    return workflow["jobs"][job]["steps"]


def uses(workflow: dict[Any, Any], job: str, action: str) -> list[dict[str, Any]]:
    """The steps of a job that use an action (any version)."""
    return [s for s in steps(workflow, job) if s.get("uses", "").split("@")[0] == action]


def runs(workflow: dict[Any, Any], job: str) -> list[str]:
    return [s["run"].strip() for s in steps(workflow, job) if "run" in s]


def permissions(workflow: dict[Any, Any], job: str) -> dict[str, str]:
    """A job's token permissions: its own block replaces the workflow's."""
    return workflow["jobs"][job].get("permissions", workflow.get("permissions", {}))


def test_workflow_is_valid_by_github_schema(schema_errors: dict[str, list[str]]) -> None:
    assert schema_errors["pages.yml"] == []


@pytest.mark.parametrize("name", BROKEN)
def test_schema_rejects_broken_workflow(schema_errors: dict[str, list[str]], name: str) -> None:
    assert schema_errors[name]


def test_triggers_push_to_main_and_by_hand() -> None:
    on = load()["on"]
    assert on["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in on


@pytest.mark.parametrize(
    ("job", "command"),
    [
        ("test", "make test"),
        ("build", "make site"),
    ],
)
def test_job_runs_make_with_python_311_and_pip_cache(job: str, command: str) -> None:
    workflow = load()
    assert command in runs(workflow, job)
    assert uses(workflow, job, "actions/checkout")
    [python] = uses(workflow, job, "actions/setup-python")
    assert str(python["with"]["python-version"]) == "3.11"
    assert python["with"]["cache"] == "pip"


def test_build_uploads_site_with_the_site_url_setting() -> None:
    workflow = load()
    [upload] = uses(workflow, "build", "actions/upload-pages-artifact")
    assert upload["with"]["path"] == "site"
    [make_site] = [s for s in steps(workflow, "build") if s.get("run", "").strip() == "make site"]
    assert "vars.SITE_URL" in make_site["env"]["SITE_URL"]
    order = [s.get("run", s.get("uses", "")).split("@")[0] for s in steps(workflow, "build")]
    assert order.index("make site") < order.index("actions/upload-pages-artifact")


def test_build_restores_the_generator_cache_before_make_site() -> None:
    """A deploy reuses the last build's parsed seeds (README, "Publish on GitHub Pages")."""
    workflow = load()
    [restore] = uses(workflow, "build", "actions/cache")
    assert restore["with"]["path"] == ".cache"  # where make site keeps it (git-ignored)
    key, fallback = restore["with"]["key"], restore["with"]["restore-keys"]
    assert key.startswith(fallback) and key != fallback  # any earlier build's cache, when no exact one
    assert all(name in key for name in ("seeds/**", "generator/**", "data/**", "requirements.txt"))
    order = [s.get("run", s.get("uses", "")).split("@")[0] for s in steps(workflow, "build")]
    assert order.index("actions/cache") < order.index("make site")


# The first major of each action that runs on Node.js 24 (GitHub's runners dropped Node.js 20).
NODE24_MAJOR = {
    "actions/checkout": 5,
    "actions/setup-python": 6,
    "actions/cache": 5,
    "actions/configure-pages": 6,
    "actions/upload-pages-artifact": 5,
    "actions/deploy-pages": 5,
}


def test_every_action_runs_on_node_24() -> None:
    workflow = load()
    used = {s["uses"] for job in workflow["jobs"] for s in steps(workflow, job) if "uses" in s}
    assert {u.split("@")[0] for u in used} <= set(NODE24_MAJOR), "an action not in NODE24_MAJOR"
    old = [u for u in used if int(u.split("@v")[1].split(".")[0]) < NODE24_MAJOR[u.split("@")[0]]]
    assert old == []


def test_deploy_waits_for_tests_and_build() -> None:
    workflow = load()
    deploy = workflow["jobs"]["deploy"]
    assert {"test", "build"} <= set(deploy["needs"])
    [step] = uses(workflow, "deploy", "actions/deploy-pages")
    assert deploy["environment"]["name"] == "github-pages"
    assert deploy["environment"]["url"] == f"${{{{ steps.{step['id']}.outputs.page_url }}}}"


@pytest.mark.parametrize(
    ("job", "scope", "level"),
    [
        ("deploy", "pages", "write"),
        ("deploy", "id-token", "write"),
        ("build", "contents", "read"),
        ("test", "contents", "read"),
        ("test", "pages", None),  # tests get no more than they need
        ("test", "id-token", None),
    ],
)
def test_token_permissions(job: str, scope: str, level: str | None) -> None:
    assert permissions(load(), job).get(scope) == level


def test_one_deployment_at_a_time_never_cancelled() -> None:
    concurrency = load()["concurrency"]
    assert concurrency["group"]
    assert concurrency["cancel-in-progress"] is False
