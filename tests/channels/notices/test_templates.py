"""The carrier's rules on a notice (signature, one SMS of 70, parameters of at most 35) and
the templates every store starts with."""

from __future__ import annotations

import pytest
from sqlmodel import select

from channels.models import NoticeTemplate
from channels.notices.templates import KINDS, NoticeProblem, check, parameters_of
from channels.wording import sms_length

LONGEST = {"reference": "FJ7KQ2MX", "township": "太和土家族乡", "question": "问" * 35,
           "klass": "A", "review_on": "2027年12月31日", "helpline": "023-56551234",
           "date": "2027年12月31日", "reason": "家里人口变化后已不符合条件"}  # fmt: skip


def test_every_notice_has_a_template_that_fits_one_sms_at_its_longest(session):
    rows = {row.kind: row for row in session.exec(select(NoticeTemplate)).all()}
    assert set(rows) == set(KINDS)
    for row in rows.values():
        assert row.state == "unregistered" and row.code is None
        assert row.parameters == parameters_of(row.text)
        filled = check(row.text, {n: LONGEST[n] for n in row.parameters}, sign_name="奉节县民政局")
        assert filled.segments == 1 and sms_length(filled.text) <= 70, row.kind
        assert filled.text.startswith("【奉节县民政局】")


@pytest.mark.parametrize(
    "text, params, problem",
    [
        ("编号${reference}。", {}, "parameter reference missing"),
        ("问：${question}", {"question": "问" * 36}, "longer than 35"),
        ("${a}和${a}", {"a": "x"}, "appears twice"),
        ("很长" * 32 + "${a}", {"a": "x"}, "over one SMS"),
    ],
)
def test_a_notice_that_breaks_a_rule_is_refused_with_the_reason(text, params, problem):
    with pytest.raises(NoticeProblem, match=problem):
        check(text, params, sign_name="奉节县民政局")
