"""One settings object for the whole app (API, actions, CLI), read from the environment.

Fail closed: an unset `ENVIRONMENT` is production. Only `development` and `test`, set
explicitly (`make run` and `make test` do), allow the keys written in this file, the
built-in Twilio token and the simulator; production refuses default or short secrets and
requires `TWILIO_AUTH_TOKEN` (or `WECHAT_TOKEN`) and an https `PUBLIC_BASE_URL`, and a channel
is configured whole or not at all.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DEV_SECRET = "dev-secret-change-me-0123456789abcdef"
# A valid Fernet key, for development only; production must set DATA_KEY.
DEV_DATA_KEY = "ZGV2LWRhdGEta2V5LWNoYW5nZS1tZS0wMTIzNDU2Nzg="
DEV_ACTION_TOKEN = "dev-action-token"
MIN_SECRET_LENGTH = 32
# The PostgreSQL driver (psycopg 3, pinned in pyproject.toml): a plain postgresql:// URL
# goes through it.
POSTGRES_SCHEMES = ("postgresql://", "postgres://")
POSTGRES_DRIVER = "postgresql+psycopg://"


def driver_url(url: str) -> str:
    """`url` with the store's driver: a plain `postgresql://user@host:port/db` (or
    `postgres://`, as many hosts write it) → `postgresql+psycopg://…`; any other URL, and
    one that names its driver, as it is. The one place the URL meets the driver: the
    settings, and `core.database.make_engine` for a URL given directly."""
    for scheme in POSTGRES_SCHEMES:
        if url.startswith(scheme):
            return POSTGRES_DRIVER + url[len(scheme) :]
    return url


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_file=".env", extra="ignore")

    environment: Literal["development", "test", "production"] = "production"
    database_url: str = f"sqlite:///{PROJECT_ROOT / 'var' / 'intake.db'}"
    secret_key: str = DEV_SECRET
    data_key: str = DEV_DATA_KEY
    access_token_minutes: int = 8 * 60

    rasa_url: str = "http://127.0.0.1:5005"
    # Several Rasa servers (comma-separated URLs, the same list in every API process): each
    # conversation always goes to the same one of them (channels.rasa.server_for). Empty:
    # RASA_URL alone.
    rasa_urls: str = ""
    rasa_token: str = "dev-rasa-token"
    action_server_url: str = "http://127.0.0.1:5055"
    # The action server binds loopback and answers only requests that carry this secret
    # (Rasa sends it from bot/endpoints.yml: the X-Action-Token header).
    action_server_host: str = "127.0.0.1"
    action_server_token: str = DEV_ACTION_TOKEN

    public_base_url: str = "http://127.0.0.1:8000"
    twilio_account_sid: str | None = None
    twilio_auth_token: str | None = None
    twilio_from_number: str | None = None

    # Addresses of the reverse proxies whose X-Forwarded-For is believed (comma-separated);
    # otherwise a client's address is the connection's.
    trusted_proxies: str = ""

    # 12345 is the government service hotline (政务服务便民热线) in every county.
    helpline_number: str = "12345"

    # 动态管理 (cases.dynamic): reviews, reminders and the scheduler that sends them.
    review_notice_days: int = Field(default=15, ge=0, le=90)  # ask this long before the date
    review_reminder_days: int = Field(default=7, ge=1, le=60)  # no answer: remind once
    review_no_reply_days: int = Field(default=7, ge=1, le=60)  # still none: 未回复, a visit
    # No SMS to residents in these hours (HH:MM, local time of `local_timezone`).
    quiet_hours_start: str = Field(default="21:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    quiet_hours_end: str = Field(default="08:00", pattern=r"^([01]\d|2[0-3]):[0-5]\d$")
    local_timezone: str = "Asia/Shanghai"
    scheduler_workers: bool = True  # the scheduler loop in the API process
    scheduler_interval: float = 30.0  # seconds between rounds

    # SMS and voice channels (channels/). Deadlines stay well under Twilio's 15 s.
    sms_reply_deadline: float = 8.0  # answer in TwiML if the bot replies within this
    voice_reply_deadline: float = 5.0  # per wait round on a call (two rounds, then SMS)
    rasa_timeout: float = 60.0  # one request to Rasa; a late answer goes by the outbox
    channel_workers: bool = True  # outbox sender and replay loops in the API process
    replay_interval: float = 2.0
    outbox_interval: float = 1.0
    outbox_max_attempts: int = 6
    # Tries of one inbound message that Rasa took but never answered (it hung, the line
    # dropped) before it is marked failed for staff: one message never blocks a number.
    max_message_tries: int = 5
    outbox_backoff_seconds: float = 2.0  # 2, 4, 8 … seconds between tries
    # The Twilio REST API's base URL; set only to point at a stand-in (tests, bench).
    twilio_api_base_url: str | None = None

    # WeChat 公众号 (channels/wechat): the conversation in China. Off without WECHAT_TOKEN
    # (development signs with a built-in token, as for Twilio); replies that miss WeChat's
    # 5 s go by 客服消息, which needs WECHAT_APP_ID and WECHAT_APP_SECRET.
    wechat_app_id: str | None = None
    wechat_app_secret: str | None = None
    wechat_token: str | None = None
    wechat_aes_key: str | None = None  # safe mode (安全模式): the 43-character EncodingAESKey
    wechat_reply_deadline: float = 4.0  # the passive reply, inside WeChat's 5 s
    wechat_window_hours: float = 48.0  # 客服消息 only this long after the resident's last message
    # WeChat's API base URL (…/cgi-bin/); set only to point at a stand-in (tests).
    wechat_api_base_url: str | None = None

    # Domestic SMS for notices (channels/notices): Aliyun's SMS API fills templates that
    # county staff registered. Off without ALIYUN_ACCESS_KEY_ID.
    aliyun_access_key_id: str | None = None
    aliyun_access_key_secret: str | None = None
    aliyun_sms_sign_name: str | None = None  # the 【签名】 approved for the account
    aliyun_sms_endpoint: str = "dysmsapi.aliyuncs.com"
    aliyun_sms_protocol: Literal["https", "http"] = "https"  # http only for a stand-in
    # Aliyun's HTTP push (delivery receipts, replies) is unsigned: its URL carries this secret.
    aliyun_callback_token: str | None = None
    sms_daily_limit: int = 10  # template SMS to one number in one day (the carrier's limit)

    @field_validator("database_url")
    @classmethod
    def _with_driver(cls, url: str) -> str:
        return driver_url(url)

    @field_validator("rasa_urls")
    @classmethod
    def _http_urls(cls, urls: str) -> str:
        for url in _url_list(urls):
            if not url.startswith(("http://", "https://")):
                raise ValueError(f"RASA_URLS: {url!r} is not an http(s) URL")
        return urls

    @property
    def rasa_servers(self) -> list[str]:
        """The Rasa servers' base URLs: RASA_URLS, else RASA_URL (no trailing slash)."""
        return _url_list(self.rasa_urls) or [self.rasa_url.rstrip("/")]

    @property
    def is_development(self) -> bool:
        """Development conveniences (the simulator, the built-in Twilio token) are on."""
        return self.environment in ("development", "test")

    @model_validator(mode="after")
    def _refuse_default_secrets(self) -> Settings:
        if self.is_development:
            return self
        for name, default in (
            ("secret_key", DEV_SECRET),
            ("data_key", DEV_DATA_KEY),
            ("rasa_token", "dev-rasa-token"),
            ("action_server_token", DEV_ACTION_TOKEN),
        ):
            if getattr(self, name) == default:
                raise ValueError(f"{name.upper()} must be set outside development")
        for name in ("secret_key", "rasa_token", "action_server_token"):
            if len(getattr(self, name)) < MIN_SECRET_LENGTH:
                raise ValueError(f"{name.upper()} must be at least {MIN_SECRET_LENGTH} characters")
        if not (self.twilio_auth_token or self.wechat_token):
            # A county in China may run WeChat alone; some channel's webhook must be signed.
            raise ValueError(
                "TWILIO_AUTH_TOKEN must be set outside development (or WECHAT_TOKEN, where "
                "WeChat is the only conversation channel)"
            )
        self._refuse_half_configured_channels()
        if not self.public_base_url.startswith("https://"):
            raise ValueError("PUBLIC_BASE_URL must be an https address outside development")
        return self

    def _refuse_half_configured_channels(self) -> None:
        """A channel is off, or configured whole: never a half that fails at run time."""
        groups = {
            "WECHAT_APP_ID": ("wechat_app_id", "wechat_app_secret", "wechat_token"),
            "ALIYUN_ACCESS_KEY_ID": (
                "aliyun_access_key_id",
                "aliyun_access_key_secret",
                "aliyun_sms_sign_name",
                "aliyun_callback_token",
            ),
        }
        for first, names in groups.items():
            if getattr(self, names[0]):
                for name in names[1:]:
                    if not getattr(self, name):
                        raise ValueError(f"{name.upper()} must be set with {first}")
        if self.aliyun_callback_token and len(self.aliyun_callback_token) < MIN_SECRET_LENGTH:
            raise ValueError(
                f"ALIYUN_CALLBACK_TOKEN must be at least {MIN_SECRET_LENGTH} characters"
            )
        if self.wechat_aes_key and len(self.wechat_aes_key) != 43:
            raise ValueError("WECHAT_AES_KEY must be WeChat's 43-character EncodingAESKey")

    @property
    def wechat_sends(self) -> bool:
        """客服消息 can be sent (the app id and secret fetch the access_token)."""
        return bool(self.wechat_app_id and self.wechat_app_secret)

    @property
    def aliyun_sends(self) -> bool:
        return bool(
            self.aliyun_access_key_id
            and self.aliyun_access_key_secret
            and self.aliyun_sms_sign_name
        )

    @property
    def twilio_sends(self) -> bool:
        return bool(self.twilio_account_sid and self.twilio_auth_token and self.twilio_from_number)


def _url_list(urls: str) -> list[str]:
    """Comma-separated URLs, each without a trailing slash, each once, in their order."""
    found = (url.strip().rstrip("/") for url in urls.split(","))
    return list(dict.fromkeys(url for url in found if url))


@lru_cache
def get_settings() -> Settings:
    return Settings()
