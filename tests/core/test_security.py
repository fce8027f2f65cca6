import pytest

from core.security import IdentityCipher, mask_id_number, mask_name, mask_phone


def test_identity_numbers_round_trip_and_are_not_stored_in_clear():
    cipher = IdentityCipher("any passphrase at all")
    token = cipher.encrypt("500236199001011234")
    assert "500236199001011234" not in token
    assert cipher.decrypt(token) == "500236199001011234"


def test_lookup_hash_is_keyed_and_case_insensitive():
    one, other = IdentityCipher("key one"), IdentityCipher("key two")
    assert one.lookup_hash("50023619900101123x") == one.lookup_hash("50023619900101123X")
    assert one.lookup_hash("500236199001011234") != other.lookup_hash("500236199001011234")


@pytest.mark.parametrize(
    ("value", "masked"),
    [("500236199001011234", "500236********1234"), (None, None), ("123", "***")],
)
def test_mask_id_number(value, masked):
    assert mask_id_number(value) == masked


@pytest.mark.parametrize(
    ("value", "masked"), [("张小明", "张*明"), ("王芳", "王*"), ("欧阳小明", "欧**明"), ("李", "*")]
)
def test_mask_name(value, masked):
    assert mask_name(value) == masked


def test_mask_phone():
    assert mask_phone("+8613812345678") == "+86138****5678"
