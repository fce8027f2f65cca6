"""core.masking.mask_personal: every way an identity or mobile number is typed is masked;
nothing else is."""

from __future__ import annotations

import pytest

from core.masking import has_personal, mask_personal


@pytest.mark.parametrize(
    "text, masked",
    [
        ("李小红 500236197803124419", "李小红 500236********4419"),
        ("500236 19811105 6624", "500236********6624"),
        ("500-236-1981-1105-6624", "500236********6624"),
        ("50023619811105662x", "500236********662x"),
        ("500236197803124418", "500236********4418"),  # a wrong check digit is masked too
        ("老身份证500236811105662", "老身份证500236*****5662"),
        ("电话13812345678", "电话138****5678"),
        ("+86 138 1234 5678", "+86 138****5678"),
    ],
)
def test_numbers_are_masked_however_typed(text, masked):
    assert mask_personal(text) == masked
    assert has_personal(text)


@pytest.mark.parametrize("text", ["编号FJ23AB45", "一年12000元", "2026年12月4日", "5口人"])
def test_other_numbers_are_left_alone(text):
    assert mask_personal(text) == text


def test_logs_mask_wechat_openids_in_the_query_string():
    """Issue 17: WeChat puts the follower's OpenID in its request's query; the access log
    prints the query."""
    import logging

    from core.masking import MaskingFilter, mobile_numbers

    path = "/wechat?signature=ab&openid=oFengjie0000000000000000001a&timestamp=1"
    record = logging.LogRecord("uvicorn.access", 20, "p", 1, '"%s %s"', ("POST", path), None)
    MaskingFilter().filter(record)
    assert "oFengjie0000000000000000001a" not in record.getMessage()
    assert "openid=oFen****001a" in record.getMessage()
    assert mobile_numbers("电话138 1234 5678，身份证500236199001011235") == ["+8613812345678"]


def test_logs_never_carry_the_callback_token():
    """The SMS carrier's callbacks are given ?token=…: the access log must not keep it."""
    import logging

    from core.masking import MaskingFilter

    path = "/aliyun/sms/reply?token=s3cret-Callback_Token&x=1"
    record = logging.LogRecord("uvicorn.access", 20, "p", 1, '"%s %s"', ("POST", path), None)
    MaskingFilter().filter(record)
    assert "s3cret" not in record.getMessage() and "token=****&x=1" in record.getMessage()
