"""One word per thing (policy.glossary): every stored value has its label, and the pages,
the reasons and the API read the same words."""

from typing import get_args

from accounts.models import Role
from api.pages import words
from api.pages.render import ROLE_LABELS
from cases.assessment import NAMES
from cases.models import CaseStatus
from cases.procedure import LABELS
from cases.rosters import inconsistencies
from cases.rosters.columns import LAYOUTS
from cases.unhandled import UNHANDLED
from channels.records import InboundStatus
from policy import assess, explain, glossary
from policy.assessment import PROGRAMMES
from policy.household import Hardship
from tests.policy.households import household


def test_every_stored_value_has_its_word():
    assert set(glossary.PROCEDURE_STEPS) == {status.value for status in CaseStatus}
    assert set(glossary.ROLES) == {role.value for role in Role}
    assert list(glossary.PROGRAMMES) == list(PROGRAMMES)
    assert set(glossary.HARDSHIPS) == set(get_args(Hardship.model_fields["kind"].annotation))
    assert set(glossary.INCONSISTENCIES) == set(inconsistencies.KINDS)
    assert set(glossary.ROSTERS) == set(LAYOUTS)
    assert {"crosscheck"} <= set(glossary.CHANNELS) & set(glossary.SOURCES)
    assert set(glossary.MESSAGE_STATES) == {*UNHANDLED, InboundStatus.resolved.value}


def test_the_pages_the_api_and_the_reasons_use_the_same_words():
    assert {status.value: word for status, word in LABELS.items()} == glossary.PROCEDURE_STEPS
    assert NAMES == glossary.PROGRAMMES and explain.PROGRAMME_NAMES is glossary.PROGRAMMES
    assert dict(words.HARDSHIPS[1:]) == glossary.HARDSHIPS
    assert {role.value: word for role, word in ROLE_LABELS.items()} == glossary.ROLES


def test_a_disaster_is_one_word_in_the_reasons_and_on_the_pages():
    result = assess(household(hardship={"kind": "disaster", "basic_living_unsustainable": True}))
    texts = " ".join(r.text for r in result.temporary_assistance.reasons)
    assert "自然灾害" in texts and dict(words.HARDSHIPS)["disaster"] == "自然灾害"
