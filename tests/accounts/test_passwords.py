import pytest

from accounts.models import Role
from accounts.passwords import MAX_LENGTH, MIN_LENGTH, UserError, check_password, verify
from accounts.users import create_user
from policy.errors import InputError


@pytest.mark.parametrize("password", ["x" * (MIN_LENGTH - 1), "x" * (MAX_LENGTH + 1)])
def test_one_policy_for_every_password(password):
    with pytest.raises(UserError) as refused:
        check_password(password)
    assert refused.value.field == "password"
    assert isinstance(refused.value, InputError)


def test_creating_an_account_follows_the_same_policy(session):
    with pytest.raises(UserError, match="at most"):
        create_user(session, username="long", password="x" * (MAX_LENGTH + 1), role=Role.helpline)


def test_a_wrong_or_broken_hash_does_not_verify():
    assert verify("not-a-hash", "whatever") is False
