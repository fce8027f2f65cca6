"""`intake user add` and `intake db upgrade`."""

from __future__ import annotations

import argparse
import sys

# The store's modules are imported inside the commands: `intake assess` must start fast.
ROLES = ("county_admin", "township_staff", "helpline")  # cases.models.Role, checked by a test


def add_parser(commands: argparse._SubParsersAction) -> None:
    user = commands.add_parser("user", help="staff accounts")
    user_commands = user.add_subparsers(dest="user_command", required=True)
    add = user_commands.add_parser("add", help="create a staff account")
    add.add_argument("name")
    add.add_argument("--role", required=True, choices=ROLES)
    add.add_argument("--township", help="the township of a township_staff account")
    add.add_argument(
        "--password-stdin", action="store_true", required=True, help="read the password from stdin"
    )
    add.set_defaults(run=run_user_add)

    db = commands.add_parser("db", help="the store")
    db_commands = db.add_subparsers(dest="db_command", required=True)
    db_commands.add_parser("upgrade", help="apply migrations").set_defaults(run=run_db_upgrade)


def run_user_add(args: argparse.Namespace) -> int:
    from accounts.models import Role
    from accounts.users import UserError, create_user
    from cases.migrations import migrate
    from core.database import make_engine, session_scope
    from core.settings import get_settings

    password = sys.stdin.readline().rstrip("\r\n")
    engine = make_engine(get_settings().database_url)
    migrate(engine)
    try:
        with session_scope(engine) as session:
            user = create_user(
                session,
                username=args.name,
                password=password,
                role=Role(args.role),
                township=args.township,
            )
            print(
                f"created {user.username} ({user.role.value}"
                f"{', ' + user.township if user.township else ''})"
            )
    except UserError as error:
        print(f"intake: {error}", file=sys.stderr)
        return 2
    return 0


def run_db_upgrade(_args: argparse.Namespace) -> int:
    from cases.migrations import migrate
    from core.database import make_engine
    from core.settings import get_settings

    migrate(make_engine(get_settings().database_url))
    print("store is up to date")
    return 0
