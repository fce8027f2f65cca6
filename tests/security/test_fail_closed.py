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


def test_a_county_on_wechat_alone_starts_and_a_channel_half_configured_does_not():
    """Issue 17: production may run WeChat without Twilio; a channel is whole or off."""
    wechat = {"twilio_auth_token": None, "wechat_token": "w" * 16,
              "wechat_app_id": "wx1234567890abcdef", "wechat_app_secret": "s" * 32}  # fmt: skip
    assert Settings(environment="production", **{**GOOD, **wechat}).wechat_sends
    with pytest.raises(ValidationError, match="WECHAT_APP_SECRET must be set"):
        Settings(environment="production", **{**GOOD, **wechat, "wechat_app_secret": None})
    aliyun = {"aliyun_access_key_id": "LTAI5t", "aliyun_access_key_secret": "x" * 30,
              "aliyun_sms_sign_name": "奉节县民政局"}  # fmt: skip
    with pytest.raises(ValidationError, match="ALIYUN_CALLBACK_TOKEN must be set"):
        Settings(environment="production", **{**GOOD, **aliyun})
    with pytest.raises(ValidationError, match="ALIYUN_CALLBACK_TOKEN must be at least"):
        Settings(environment="production", **{**GOOD, **aliyun, "aliyun_callback_token": "short"})
    with pytest.raises(ValidationError, match="WECHAT_AES_KEY must be"):
        Settings(environment="production", **{**GOOD, **wechat, "wechat_aes_key": "short"})
