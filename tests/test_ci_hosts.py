"""Issue #32, §2: a check job ships for each git host the web editor can save to, running
`site-builder check --strict` on what an editor proposes before anyone merges it."""

from __future__ import annotations

import pytest
import yaml

from conftest import REPO

COMMAND = "site-builder check --strict"


def load(rel: str) -> dict:
    data = yaml.safe_load((REPO / rel).read_text(encoding="utf-8"))
    if True in data:  # YAML 1.1 reads the workflows' `on:` as true
        data["on"] = data.pop(True)
    return data


def commands(job: dict) -> list[str]:
    """Every shell line a job runs: Actions' `run` steps, GitLab's `script`."""
    lines = [step.get("run", "") for step in job.get("steps", [])]
    lines += job.get("script", [])
    return [line for text in lines for line in text.splitlines()]


def runs_the_check(job: dict) -> bool:
    return any(line.strip().endswith(COMMAND) for line in commands(job))


@pytest.mark.parametrize(
    ("rel", "job"),
    [
        (".github/workflows/site.yml", "check"),
        (".forgejo/workflows/check.yml", "check"),
        (".gitea/workflows/check.yml", "check"),
    ],
)
def test_each_actions_host_checks_pull_requests(rel: str, job: str) -> None:
    workflow = load(rel)
    assert "pull_request" in workflow["on"]
    assert runs_the_check(workflow["jobs"][job])


def test_gitea_also_checks_every_save_to_the_editing_branch() -> None:
    """Decap's Gitea back end commits straight to the editing branch (no pull request)."""
    from site_builder.content.model import CmsSettings

    editing = CmsSettings.__dataclass_fields__["editing_branch"].default
    assert editing in load(".gitea/workflows/check.yml")["on"]["push"]["branches"]


def test_gitlab_checks_merge_requests() -> None:
    pipeline = load(".gitlab-ci.yml")
    check = pipeline["check"]
    assert runs_the_check(check)
    assert any('$CI_PIPELINE_SOURCE == "merge_request_event"' in rule["if"]
               for rule in check["rules"])  # fmt: skip


def test_the_command_test_catches_a_job_without_the_check() -> None:
    """The control: a job that builds, or checks without --strict, is not counted."""
    assert not runs_the_check({"steps": [{"run": "site-builder build --strict"}]})
    assert not runs_the_check({"script": ["site-builder check"]})
    assert runs_the_check({"script": [".venv/bin/site-builder check --strict"]})
