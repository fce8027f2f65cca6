"""WeChat's signatures and safe mode (安全模式), through wechatpy: the server check and every
request carry `signature` = SHA1 of the sorted token, timestamp and nonce; in safe mode the
body is AES-encrypted with the EncodingAESKey and signed as `msg_signature` (SHA1 of token,
timestamp, nonce and the ciphertext), and the passive reply goes back encrypted the same
way. The HTTP side (403, 400) is ``api.routes.wechat``."""

from __future__ import annotations

import secrets

from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidAppIdException, InvalidSignatureException
from wechatpy.utils import check_signature

from core.settings import Settings

# Development only (no WECHAT_TOKEN): the simulator signs with it. Never in production.
DEV_WECHAT_TOKEN = "dev-wechat-token"


class Refused(Exception):
    """The request is not WeChat's (a signature that fails): 403."""


class Unreadable(ValueError):
    """A signed request whose body cannot be read: 400 naming `field`."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def signing_token(settings: Settings) -> str | None:
    if settings.wechat_token:
        return settings.wechat_token
    return DEV_WECHAT_TOKEN if settings.is_development else None


def check(settings: Settings, *, signature: str, timestamp: str, nonce: str) -> None:
    """Refused unless `signature` is WeChat's for this timestamp and nonce."""
    token = signing_token(settings)
    if not (token and signature and timestamp and nonce):
        raise Refused("no signature" if token else "WeChat is not configured")
    try:
        check_signature(token, signature, timestamp, nonce)
    except InvalidSignatureException:
        raise Refused("bad signature") from None


def crypto(settings: Settings) -> WeChatCrypto | None:
    """Safe mode's cipher, when WECHAT_AES_KEY (and so WECHAT_APP_ID) is set."""
    if not settings.wechat_aes_key:
        return None
    return WeChatCrypto(signing_token(settings), settings.wechat_aes_key, settings.wechat_app_id)


def open_body(
    settings: Settings, body: bytes, *, encrypt_type: str, msg_signature: str, timestamp: str,
    nonce: str,
) -> str:  # fmt: skip
    """The message's XML: decrypted in safe mode (which is then required), as sent otherwise."""
    cipher = crypto(settings)
    if cipher is None:
        if encrypt_type == "aes":
            raise Unreadable("encrypt_type", "safe mode is not configured (WECHAT_AES_KEY)")
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            raise Unreadable("body", "not UTF-8") from None
    if encrypt_type != "aes":
        # Safe mode is configured: a message in clear is not WeChat's.
        raise Refused("a message in clear while safe mode is on")
    if not msg_signature:
        raise Refused("no msg_signature")
    try:
        return cipher.decrypt_message(body.decode("utf-8"), msg_signature, timestamp, nonce)
    except InvalidSignatureException:
        raise Refused("bad msg_signature") from None
    except InvalidAppIdException:
        raise Refused("encrypted for another app id") from None
    except Exception as error:  # noqa: BLE001 - any fault of an untrusted body is a 400
        raise Unreadable(
            "body", f"not a WeChat encrypted message ({type(error).__name__})"
        ) from None


def seal_reply(settings: Settings, xml: str, *, nonce: str, timestamp: str) -> str:
    """The passive reply as sent: encrypted in safe mode, else as it is."""
    cipher = crypto(settings)
    return cipher.encrypt_message(xml, nonce, timestamp) if cipher else xml


def new_nonce() -> str:
    return secrets.token_hex(8)
