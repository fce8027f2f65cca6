"""The PostgreSQL pass (`pytest --store postgresql`) on a machine without PostgreSQL: a
developer is told loudly and the pass is skipped; under CI=true it fails."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ONE_STORE_TEST = "tests/api/test_errors.py::test_a_policy_error_is_422_not_500"


def run_pass(**env: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key != "CI"}
    environment.update(POSTGRES_BIN="/nonexistent", **env)
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--store",
               "postgresql", ONE_STORE_TEST]  # fmt: skip
    return subprocess.run(
        command, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=120
    )


def test_without_postgresql_a_developer_is_told_and_the_pass_skipped():
    done = run_pass()
    assert done.returncode == 0, done.stdout + done.stderr
    assert "THE POSTGRESQL PASS WAS SKIPPED" in done.stdout
    assert "1 skipped" in done.stdout


def test_without_postgresql_ci_fails():
    done = run_pass(CI="true")
    assert done.returncode != 0
    assert "under CI=true that is a failure" in done.stdout + done.stderr
