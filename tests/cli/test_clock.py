"""`intake clock add-working-days DATE N` as an operator runs it."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def intake(*args: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {"PATH": "/usr/bin:/bin", "ENVIRONMENT": "test",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'none.db'}"}  # fmt: skip
    return subprocess.run([str(ROOT / ".venv/bin/intake"), "clock", "add-working-days", *args],
                          capture_output=True, text=True, env=env, timeout=60)  # fmt: skip


@pytest.mark.parametrize(("day", "n", "due"), [("2026-09-30", "1", "2026-10-08"),
                                               ("2026-09-18", "1", "2026-09-20"),
                                               ("2026-02-13", "5", "2026-02-27")])  # fmt: skip
def test_the_nth_working_day(day, n, due, tmp_path):
    done = intake(day, n, tmp_path=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (0, due + "\n", "")
    assert not (tmp_path / "none.db").exists()  # the command never creates a store


def test_past_the_known_calendar_it_says_provisional_on_stderr(tmp_path):
    done = intake("2026-12-31", "1", tmp_path=tmp_path)
    assert done.returncode == 0 and done.stdout == "2027-01-01\n"
    assert "provisional" in done.stderr


@pytest.mark.parametrize(("day", "n", "word"), [("2026-13-01", "1", "DATE"), ("tomorrow", "1", "DATE"),
                                                ("2026-09-30", "0", "N"), ("2026-09-30", "-1", "N"),
                                                ("2026-09-30", "x", "N"), ("2026-09-30", "1.5", "N"),
                                                ("9999-12-31", "1", "DATE")])  # fmt: skip
def test_a_bad_date_or_n_exits_2_with_a_message(day, n, word, tmp_path):
    done = intake(day, n, tmp_path=tmp_path)
    assert done.returncode == 2 and word in done.stderr and done.stdout == ""
