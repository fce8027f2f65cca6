import pytest

from core.phones import normalise_phone


@pytest.mark.parametrize(
    ("text", "e164"),
    [
        ("13812345678", "+8613812345678"),
        ("+86 138-1234-5678", "+8613812345678"),
        ("138 1234 5678", "+8613812345678"),
        ("12", None),
        ("", None),
        ("abc", None),
    ],
)
def test_normalise_phone(text, e164):
    assert normalise_phone(text) == e164
