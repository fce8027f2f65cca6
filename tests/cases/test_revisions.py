import pytest
from pydantic import ValidationError
from sqlmodel import select

from cases.models import AssessmentRecord, CaseProgramme, HouseholdRecord
from cases.revisions import latest_household, revise_household
from policy import PolicyError
from tests.console_seed import file_assessed, household


def test_a_revision_reassesses_and_keeps_the_earlier_assessment(session, cipher):
    case = file_assessed(session, cipher)
    assert {p.programme for p in session.exec(select(CaseProgramme)).all()} >= {"dibao"}
    rich = household(agriculture=200000)
    revise_household(session, case, household=rich, actor="tuxiang")
    session.commit()
    records = session.exec(
        select(AssessmentRecord).where(AssessmentRecord.case_id == case.id)
    ).all()
    assert len(records) == 2
    assert records[0].assessment["dibao"]["status"] == "eligible"
    assert records[1].assessment["dibao"]["status"] == "ineligible"
    assert latest_household(session, case.id).source == "visit"
    assert latest_household(session, case.id).household["income"]["agriculture"] == 200000
    programmes = session.exec(select(CaseProgramme.programme)).all()
    assert "dibao" not in programmes


def test_bad_households_change_nothing(session, cipher):
    case = file_assessed(session, cipher)
    with pytest.raises(ValidationError):
        revise_household(session, case, household={**household(), "members": []}, actor="x")
    with pytest.raises(PolicyError):
        revise_household(session, case, household=household(assessed_on="2010-01-01"), actor="x")
    assert len(session.exec(select(HouseholdRecord)).all()) == 1
