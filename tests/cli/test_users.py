import os
import subprocess
from pathlib import Path

INTAKE = str(Path(__file__).resolve().parents[2] / ".venv/bin/intake")


def run(args, password, database_url):
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run(
        [INTAKE, *args], input=password + "\n", capture_output=True, text=True, env=env, timeout=60
    )


def test_user_add_creates_an_account_that_can_log_in(tmp_path):
    from sqlmodel import Session

    from accounts.users import authenticate
    from core.database import make_engine

    url = f"sqlite:///{tmp_path / 'x.db'}"
    done = run(
        [
            "user",
            "add",
            "tuxiang",
            "--role",
            "township_staff",
            "--township",
            "吐祥镇",
            "--password-stdin",
        ],
        "a-long-password",
        url,
    )
    assert done.returncode == 0, done.stderr
    assert "a-long-password" not in done.stdout
    with Session(make_engine(url)) as session:
        user = authenticate(session, username="tuxiang", password="a-long-password")
        assert user.township == "吐祥镇"


def test_user_add_names_the_bad_field(tmp_path):
    url = f"sqlite:///{tmp_path / 'x.db'}"
    done = run(
        ["user", "add", "x", "--role", "township_staff", "--township", "北京", "--password-stdin"],
        "a-long-password",
        url,
    )
    assert done.returncode == 2 and "township" in done.stderr
    done = run(["user", "add", "x", "--role", "county_admin", "--password-stdin"], "short", url)
    assert done.returncode == 2 and "password" in done.stderr


def test_the_cli_offers_exactly_the_roles_of_the_store():
    from accounts.models import Role
    from cli.users import ROLES

    assert set(ROLES) == {role.value for role in Role}
