"""The pre-commit hooks, run by the real pre-commit against a repository of reports.

The hook repository is this checkout as it stands (committed into a temporary git
repository, uncommitted changes included); pre-commit installs it into its own virtual
environment from it, as it would from GitHub.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import BASE

ROOT = Path(__file__).parents[2]
GIT = ["git", "-c", "user.name=gialint tests", "-c", "user.email=tests@example.invalid", "-c", "commit.gpgsign=false"]


def git(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([*GIT, *args], cwd=cwd, capture_output=True, text=True, check=False)


def test_hook_definitions_select_reports_by_extension() -> None:
    hooks = {h["id"]: h for h in yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))}
    import re

    assert set(hooks) == {"gialint", "gialint-fix"}
    for name in ("r.txt", "r.md", "r.html", "r.docx", "r.pdf", "年报.TXT".lower()):
        assert re.search(hooks["gialint"]["files"], name)
    assert not re.search(hooks["gialint"]["files"], "setup.py")
    assert not re.search(hooks["gialint-fix"]["files"], "r.docx")  # fixed in place: text and Markdown only
    assert "--fix" in hooks["gialint-fix"]["entry"] and "--force-exclude" in hooks["gialint"]["entry"]


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """This checkout's files (as they are now) committed into a fresh repository."""
    repo = tmp_path_factory.mktemp("hook-repo")
    listed = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():
            (repo / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, repo / name)
    assert git(repo, "init", "-q").returncode == 0
    git(repo, "add", "-A")
    assert git(repo, "commit", "-qm", "hooks under test").returncode == 0
    return repo, git(repo, "rev-parse", "HEAD").stdout.strip()


@pytest.fixture
def reports(tmp_path: Path, hook_repo: tuple[Path, str], tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo, rev = hook_repo
    work = tmp_path / "reports"
    work.mkdir()
    git(work, "init", "-q")
    config = {"repos": [{"repo": str(repo), "rev": rev, "hooks": [{"id": "gialint"}, {"id": "gialint-fix"}]}]}
    (work / ".pre-commit-config.yaml").write_text(yaml.safe_dump(config), encoding="utf-8")
    (work / "gialint.toml").write_text('exclude = ["README.md"]\n', encoding="utf-8")
    (work / "README.md").write_text("# 年报仓库\n\n本仓库存放各年度报告。\n", encoding="utf-8")  # not a report
    git(work, "add", "-A")
    return work


def precommit(work: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PRE_COMMIT_HOME": str(work.parent.parent / "pre-commit-cache"),  # shared by this module's tests
        "PRE_COMMIT_COLOR": "never",
        "NO_COLOR": "1",
    }
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        [sys.executable, "-m", "pre_commit", *args], cwd=work, env=env, capture_output=True, text=True, check=False
    )


def commit(work: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(work.parent.parent / "pre-commit-cache"), "NO_COLOR": "1"}
    return subprocess.run(
        [*GIT, "commit", "-qm", "add a report"], cwd=work, env=env, capture_output=True, text=True, check=False
    )


def test_a_bad_report_blocks_the_commit_and_a_good_one_passes(reports: Path) -> None:
    installed = precommit(reports, "install")
    assert installed.returncode == 0, installed.stdout + installed.stderr
    (reports / "2021.txt").write_bytes((BASE / "defects-2021.txt").read_bytes())
    git(reports, "add", "-A")
    blocked = commit(reports)
    output = blocked.stdout + blocked.stderr
    assert blocked.returncode != 0, output
    assert "GIA301" in output and "Failed" in output
    assert git(reports, "rev-parse", "--verify", "-q", "HEAD").returncode != 0  # nothing was committed

    (reports / "2021.txt").write_bytes((BASE / "report-2021.txt").read_bytes())
    git(reports, "add", "-A")
    passed = commit(reports)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    assert git(reports, "rev-parse", "--verify", "-q", "HEAD").returncode == 0


def test_the_fix_hook_repairs_what_it_can(reports: Path) -> None:
    good = (BASE / "report-2021.txt").read_text(encoding="utf-8")
    lines = good.split("\n")
    target = next(i for i, line in enumerate(lines) if line.startswith("行政处罚\t"))
    parts = lines[target].split("\t")
    parts[1] += "件"
    lines[target] = "\t".join(parts)
    (reports / "2021.txt").write_text("\n".join(lines), encoding="utf-8")
    git(reports, "add", "-A")
    first = precommit(reports, "run", "gialint-fix", "--files", "2021.txt")
    assert first.returncode == 1, first.stdout  # pre-commit fails a hook that changed files ...
    assert "files were modified by this hook" in first.stdout
    assert (reports / "2021.txt").read_text(encoding="utf-8") == good  # ... and the cell is bare again
    second = precommit(reports, "run", "--all-files")
    assert second.returncode == 0, second.stdout  # README.md is excluded by the repository's gialint.toml
