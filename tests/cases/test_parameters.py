from datetime import date

import pytest

from cases.models import AssessmentRecord
from cases.parameters import ParameterError, add_value, current_parameters, parameter_table
from cases.revisions import revise_household
from tests.console_seed import file_assessed, household


def test_a_staff_value_is_used_from_its_date(session):
    before = current_parameters(session)
    add_value(session, name="rural_dibao_standard", effective_from=date(2026, 7, 1), value="660",
              source="渝民规〔2026〕X号", actor="county", confirmed=True)  # fmt: skip
    session.commit()
    after = current_parameters(session)
    assert before.value_on("rural_dibao_standard", date(2026, 7, 1)).value == 630
    assert after.value_on("rural_dibao_standard", date(2026, 7, 1)).value == 660
    assert after.value_on("rural_dibao_standard", date(2026, 6, 30)).value == 630


def test_earlier_assessments_keep_what_they_used(session, cipher):
    case = file_assessed(session, cipher)
    first = revise_household(session, case, household=household(assessed_on="2026-08-01"),
                             actor="tuxiang")  # fmt: skip
    add_value(session, name="rural_dibao_standard", effective_from=date(2026, 7, 1), value=700,
              source="test notice", actor="county")  # fmt: skip
    second = revise_household(session, case, household=household(assessed_on="2026-08-01"),
                              actor="tuxiang")  # fmt: skip
    session.commit()
    kept = session.get(AssessmentRecord, first.id).assessment
    assert kept["figures"]["standard"] == 630
    assert second.assessment["figures"]["standard"] == 700
    assert kept["dibao"]["monthly_amount"] < second.assessment["dibao"]["monthly_amount"]


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": "nonsense"}, "name"),
        ({"value": "abc"}, "value"),
        ({"value": -1}, "value"),
        ({"value": "NaN"}, "value"),
        ({"source": " "}, "source"),
        ({"effective_from": date(1900, 1, 1)}, "effective_from"),
        ({"name": "rural_dibao_standard", "value": 0}, "value"),
    ],
)
def test_bad_values_are_refused_with_the_field(session, changes, field):
    values = dict(name="poverty_line", effective_from=date(2026, 1, 1), value=4100,
                  source="test", actor="county") | changes  # fmt: skip
    with pytest.raises(ParameterError) as error:
        add_value(session, **values)
    assert error.value.field == field


def test_the_table_shows_who_added_a_value(session):
    add_value(session, name="poverty_line", effective_from=date(2026, 1, 1), value=4100,
              source="test", actor="county")  # fmt: skip
    table = {p.name: p for p in parameter_table(session, on=date(2026, 3, 1))}
    line = table["poverty_line"]
    assert line.in_force.value == 4100 and line.in_force.added_by == "county"
    assert line.values[-1].added_by is None  # the shipped values
