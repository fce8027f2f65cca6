"""Aliyun's SMS API (阿里云短信服务, SendSms) through its own SDK
(`alibabacloud-dysmsapi20170525`): a template code, the signature and the parameters as
JSON to one mainland number. The SDK signs each request (ACS3-HMAC-SHA256 with the access
key); its retries are off, the outbox retries. One client per thread."""

from __future__ import annotations

import json
import threading

from alibabacloud_dysmsapi20170525 import models
from alibabacloud_dysmsapi20170525.client import Client
from alibabacloud_tea_openapi import models as openapi
from alibabacloud_tea_util import models as tea_util
from Tea.exceptions import TeaException, UnretryableException

from channels.notices.carrier import CarrierNotSent, TemplateMessage, mainland_number
from core.settings import Settings

# Aliyun's codes (错误码): its flow control for a number (try tomorrow), and refusals that
# no retry mends; anything else (isp.SYSTEM_ERROR, throttling, HTTP 5xx) is tried again.
LIMITED = {"isv.BUSINESS_LIMIT_CONTROL", "isv.DAY_LIMIT_CONTROL"}
PERMANENT_PREFIXES = ("isv.MOBILE", "isv.TEMPLATE", "isv.SMS_TEMPLATE", "isv.SMS_SIGNATURE",
                      "isv.INVALID", "isv.PARAM", "isv.BLACK_KEY", "isv.DENY_IP_RANGE",
                      "isv.SMS_CONTENT", "isv.AMOUNT_NOT_ENOUGH", "isv.OUT_OF_SERVICE",
                      "SignatureDoesNotMatch", "InvalidAccessKeyId", "Forbidden")  # fmt: skip


def permanent(code: str) -> bool:
    return code.startswith(PERMANENT_PREFIXES)


class AliyunSms:
    """The first template-SMS carrier (`channels.notices.carrier.TemplateSmsCarrier`)."""

    def __init__(self, settings: Settings):
        self.settings = settings
        self._local = threading.local()

    @property
    def client(self) -> Client:
        client = getattr(self._local, "client", None)
        if client is None:
            s = self.settings
            config = openapi.Config(
                access_key_id=s.aliyun_access_key_id,
                access_key_secret=s.aliyun_access_key_secret,
                endpoint=s.aliyun_sms_endpoint,
                protocol=s.aliyun_sms_protocol,
                connect_timeout=5000,
                read_timeout=15000,
            )
            client = self._local.client = Client(config)
        return client

    def send(self, message: TemplateMessage) -> str:
        number = mainland_number(message.phone)
        if number is None:
            raise CarrierNotSent("not a mainland mobile number", permanent=True)
        request = models.SendSmsRequest(
            phone_numbers=number,
            sign_name=message.sign_name,
            template_code=message.template_code,
            template_param=json.dumps(message.params, ensure_ascii=False),
            out_id=message.out_id,
        )
        try:
            reply = self.client.send_sms_with_options(
                request, tea_util.RuntimeOptions(autoretry=False)
            )
        except TeaException as error:
            code = str(error.code or "")
            raise CarrierNotSent(f"aliyun {code}: {error.message}"[:300],
                                 permanent=permanent(code), limited=code in LIMITED) from None  # fmt: skip
        except (UnretryableException, Exception) as error:  # noqa: BLE001 - the network
            raise CarrierNotSent(f"aliyun {type(error).__name__}") from None
        body = reply.body
        code = str(body.code or "")
        if code != "OK":
            raise CarrierNotSent(f"aliyun {code}: {body.message}"[:300],
                                 permanent=permanent(code), limited=code in LIMITED)  # fmt: skip
        return str(body.biz_id)
