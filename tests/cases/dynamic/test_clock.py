"""Every open step has its due date (办理时限): 受理 → 3 working days to start the
investigation; 公示 → 7 calendar days, then 10 working days for the county; decided cases
have none; counts per township; the staff's holiday table moves the dates."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from cases.dynamic import clock
from cases.dynamic.models import CaseClock
from cases.models import CaseStatus
from cases.procedure import move
from policy.workdays import Calendar
from tests.console_seed import file_assessed

S = CaseStatus


def test_each_step_gets_its_due_date(session: Session, cipher):
    case = file_assessed(session, cipher)
    received = session.get(CaseClock, case.id)
    assert received.deadline == "investigation_start"
    assert received.step_due_on == Calendar().add_working_days(clock.today(), 3).on
    for step in (S.visited, S.appraised):
        move(session, case, to=step, actor="tuxiang", today=date(2026, 9, 25))
    assert session.get(CaseClock, case.id).deadline == "whole_procedure"
    move(session, case, to=S.publicised, actor="tuxiang", today=date(2026, 9, 28))
    publicised = session.get(CaseClock, case.id)
    # 公示 ends 10-05 (7 days); 10 working days after it across National Day: 10-20
    assert (publicised.deadline, publicised.step_due_on) == ("county_approval", date(2026, 10, 20))
    assert clock.counts_by_township(session, on=date(2026, 10, 21))["吐祥镇"]["steps_overdue"] == 1
    [due] = clock.due_steps(session, township="吐祥镇", on=date(2026, 10, 21))
    assert due.overdue and due.applicant_name_masked == "张*明"
    assert clock.due_steps(session, township="白帝镇", on=date(2026, 10, 21)) == []
    move(session, case, to=S.info_requested, actor="tuxiang")
    assert session.get(CaseClock, case.id).step_due_on is None  # paused
    move(session, case, to=S.rejected, actor="tuxiang", reason="收入超过标准")
    assert session.get(CaseClock, case.id) is None  # decided


def test_the_holiday_table_and_its_bad_input(session: Session):
    clock.add_day(session, day=date(2027, 1, 4), working=False, name="元旦调休", actor="county")
    calendar = clock.staff_calendar(session)
    assert calendar.add_working_days(date(2027, 1, 1), 1).on == date(2027, 1, 5)
    for kwargs, field in (({"name": ""}, "name"), ({"name": "x" * 65}, "name"),
                          ({"day": date(1999, 1, 1)}, "day")):  # fmt: skip
        try:
            clock.add_day(session, **{"day": date(2027, 1, 4), "working": False, "name": "元旦",
                                      "actor": "county", **kwargs})  # fmt: skip
        except clock.CalendarError as error:
            assert error.field == field
        else:
            raise AssertionError(kwargs)
    assert clock.remove_day(session, day=date(2027, 1, 4))
