"""What residents read and hear: segments, numbered choices, keywords, phone numbers."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from channels import wording
from channels.wording import Command
from core.phones import conversation_id


def test_a_text_that_fits_one_sms_stays_whole():
    text = "请" * 70
    assert wording.segment(text) == [text]
    assert wording.segment("  您好  ") == ["您好"]
    assert wording.segment("") == []


def test_a_longer_text_is_cut_at_sentences_first():
    first = "申请已登记，编号FJ7KQ2MX。"
    second = "乡镇社会救助窗口会在五个工作日内联系您核实家庭情况，请保持电话畅通，留意短信。"
    third = "如有疑问，请拨打12345咨询。"
    segments = wording.segment(first + second + third)
    assert segments == [first + second, third]


def test_a_long_sentence_is_cut_at_clauses():
    clause = "家庭人均收入低于当年的农村低保标准"
    text = "，".join([clause] * 6) + "。"
    segments = wording.segment(text)
    assert all(len(s) <= 67 for s in segments) and len(segments) == 2
    assert all(s.endswith(("，", "。")) for s in segments)


def test_lines_are_kept_together_where_they_can_be():
    choices = "请选择：\n1. 有\n2. 没有\n（回复数字即可）"
    text = "家" * 64 + "。\n" + choices
    assert wording.segment(text) == ["家" * 64 + "。", choices]


def test_an_unbroken_run_is_cut_hard():
    assert [len(s) for s in wording.segment("啊" * 150)] == [67, 67, 16]


def test_emoji_count_as_two():
    assert wording.sms_length("好😀") == 3
    assert all(wording.sms_length(s) <= 67 for s in wording.segment("😀" * 40))


CHINESE = st.lists(
    st.sampled_from(
        list("的一是了我不人在他有这个上们来到时大地为子中你说生国年着就那和要")
        + list("。！？；，、\n ")
        + ["12345", "FJ7KQ2MX", "“申请”", "😀"]
    ),
    max_size=200,
).map("".join)


@given(CHINESE)
def test_segments_are_sms_sized_and_keep_everything_in_order(text):
    segments = wording.segment(text)
    assert all(wording.sms_length(s) <= 67 for s in segments) or segments == [text.strip()]
    assert all(s == s.strip() and s for s in segments)
    squeeze = lambda s: re.sub(r"\s+", "", s)  # noqa: E731
    assert squeeze("".join(segments)) == squeeze(text)
    if wording.sms_length(text.strip()) <= 70:
        assert len(segments) <= 1


def test_buttons_become_numbered_lines_across_replies():
    replies = [
        {
            "text": "家里有没有残疾人？",
            "buttons": [
                {"title": "有", "payload": "/affirm"},
                {"title": "没有", "payload": "/deny"},
            ],
        },
        {"text": "或者：", "buttons": [{"title": "不知道", "payload": "/dont_know"}]},
        {"image": "https://example.org/x.png"},
    ]
    assert wording.render_sms(replies) == [
        "家里有没有残疾人？\n1. 有\n2. 没有\n（回复数字即可）",
        "或者：\n3. 不知道\n（回复数字即可）",
    ]
    assert wording.choices_of(replies) == ["/affirm", "/deny", "/dont_know"]
    assert wording.choices_of([{"text": "好"}]) is None


@pytest.mark.parametrize(
    ("answer", "payload"),
    [
        ("1", "/affirm"),
        ("２", "/deny"),
        (" 2。", "/deny"),
        ("二", "/deny"),
        ("3#", "/dont_know"),
        ("4", None),
        ("0", None),
        ("有", None),
        ("12", None),
    ],
)
def test_a_digit_answer_picks_the_button(answer, payload):
    assert wording.choice_payload(answer, ["/affirm", "/deny", "/dont_know"]) == payload
    assert wording.choice_payload(answer, None) is None


def test_voice_says_choices_as_keys_and_references_letter_by_letter():
    spoken = wording.render_voice(
        [
            {"text": "申请已登记，编号FJ7KQ2MX。请回“申请”"},
            {
                "text": "还有别的事吗？",
                "buttons": [
                    {"title": "有", "payload": "/affirm"},
                    {"title": "没有", "payload": "/deny"},
                ],
            },
        ]
    )
    assert (
        spoken
        == "申请已登记，编号F J 7 K Q 2 M X。请说“申请”。还有别的事吗？请按1，有；按2，没有。"
    )


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("退订", Command.stop),
        ("TD", Command.stop),
        ("td", Command.stop),
        ("ＴＤ", Command.stop),
        ("STOP", Command.stop),
        ("Stop.", Command.stop),
        ("unsubscribe", Command.stop),
        ("订阅", Command.start),
        ("START", Command.start),
        ("帮助", Command.help),
        ("HELP", Command.help),
        ("帮助！", Command.help),
        ("我要退订", None),
        ("申请", None),
        ("", None),
        ("停", None),
    ],
)
def test_keywords(text, kind):
    assert wording.command(text) == kind


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("13800000001", "+8613800000001"),
        ("+86 138-0000-0001", "+8613800000001"),
        ("008613800000001", "+8613800000001"),
        ("+8613800000001", "+8613800000001"),
        ("023 5656 0000", "+862356560000"),
        ("+14155550100", "+14155550100"),
        ("anonymous", "anonymous"),
        ("client:alice", "client:alice"),
    ],
)
def test_phone_numbers_are_e164(raw, e164):
    assert conversation_id(raw) == e164


def test_every_notice_fits_one_sms():
    notices = [
        wording.OUTAGE_NOTICE,
        wording.STOPPED_NOTICE,
        wording.STARTED_NOTICE,
        wording.HELP_NOTICE.format(helpline="12345"),
    ]
    assert all(len(notice) <= 70 for notice in notices)
