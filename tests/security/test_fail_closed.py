"""Issue 13, finding 4: an unset ENVIRONMENT was development, and development was open (a
JWT signed with the SECRET_KEY written in core/settings.py read every user, the simulator
texted anyone, the built-in Twilio token signed webhooks). Unset is now production, and
production starts only with real secrets."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from channels.signature import signing_token
from core.settings import DEV_DATA_KEY, Settings

GOOD = {
    "secret_key": "k" * 40,
    "data_key": DEV_DATA_KEY.replace("Z", "Y", 1),
    "rasa_token": "r" * 32,
    "action_server_token": "a" * 32,
    "twilio_auth_token": "t" * 32,
    "public_base_url": "https://intake.example.org",
}


def test_unset_environment_is_production_and_refuses_the_written_keys(monkeypatch):
    monkeypatch.delenv("ENVIRONMENT", raising=False)
    with pytest.raises(ValidationError, match="SECRET_KEY must be set"):
        Settings()


@pytest.mark.parametrize(
    "change, message",
    [
        ({"secret_key": "short"}, "SECRET_KEY must be at least"),
        ({"twilio_auth_token": None}, "TWILIO_AUTH_TOKEN must be set"),
        ({"public_base_url": "http://intake.example.org"}, "PUBLIC_BASE_URL must be an https"),
    ],
)
def test_production_needs_long_keys_twilio_and_https(change, message):
    with pytest.raises(ValidationError, match=message):
        Settings(environment="production", **{**GOOD, **change})


def test_production_with_real_secrets_starts_without_conveniences():
    settings = Settings(environment="production", **GOOD)
    assert not settings.is_development
    assert signing_token(settings.model_copy(update={"twilio_auth_token": None})) is None


def test_development_is_only_what_is_set_explicitly():
    assert Settings(environment="development").is_development
    assert Settings(environment="test").is_development
