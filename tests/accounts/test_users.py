import pytest

from accounts.administration import list_users
from accounts.models import Role
from accounts.users import MAX_FAILED_LOGINS, UserError, authenticate, create_user


def test_passwords_are_hashed_with_argon2(session):
    user = create_user(session, username="amy", password="long-enough", role=Role.county_admin)
    assert user.password_hash.startswith("$argon2")
    assert authenticate(session, username="amy", password="long-enough") is not None
    assert authenticate(session, username="amy", password="wrong-one") is None


def test_township_staff_need_a_real_township(session):
    with pytest.raises(UserError, match="township"):
        create_user(
            session, username="x", password="long-enough", role=Role.township_staff, township="北京"
        )
    with pytest.raises(UserError, match="township"):
        create_user(
            session, username="y", password="long-enough", role=Role.county_admin, township="吐祥镇"
        )


def test_repeated_failures_lock_the_account(session):
    create_user(session, username="bob", password="long-enough", role=Role.helpline)
    for _ in range(MAX_FAILED_LOGINS):
        assert authenticate(session, username="bob", password="guess") is None
    # Locked: even the right password is refused for a while.
    assert authenticate(session, username="bob", password="long-enough") is None


def test_accounts_are_listed_by_role_then_name_on_either_engine(session):
    for name, role, township in [("zhou", Role.helpline, None), ("baidi", Role.township_staff,
            "白帝镇"), ("wu", Role.county_admin, None), ("anping", Role.township_staff, "安坪镇"),
            ("county", Role.county_admin, None)]:  # fmt: skip
        create_user(session, username=name, password=f"password-{name}", role=role,
                    township=township)  # fmt: skip
    session.commit()
    assert [user.username for user in list_users(session)] == [
        "county",
        "wu",
        "anping",
        "baidi",
        "zhou",
    ]
