from datetime import date

import pytest

from cases.models import CaseStatus
from cases.procedure import move
from cases.queue import QueueFilters, search, search_kind
from tests.console_seed import file_assessed

S = CaseStatus


@pytest.fixture
def cases(session, cipher):
    made = []
    for i in range(7):
        made.append(file_assessed(session, cipher, name=f"王{'一二三四五六七'[i]}", phone=f"+861380000000{i}",
                                  id_number=f"50023619900101{1000 + i}"))  # fmt: skip
    made.append(file_assessed(session, cipher, name="李四", township="白帝镇", phone="+8613900000009",
                              agriculture=300000))  # fmt: skip
    made[0].handoff_requested = True
    session.add(made[0])
    for step in (S.visited, S.appraised, S.publicised):
        move(session, made[1], to=step, actor="x")
    move(session, made[1], to=S.approved, actor="x", klass="C", today=date(2025, 1, 1))
    session.commit()
    return made


def test_newest_first_with_keyset_paging(session, cases):
    first = search(session, QueueFilters(), limit=3)
    assert first.total == 8 and [i.id for i in first.items] == [c.id for c in cases[::-1][:3]]
    second = search(session, QueueFilters(), cursor=first.next_cursor, limit=3)
    third = search(session, QueueFilters(), cursor=second.next_cursor, limit=3)
    seen = [i.id for page in (first, second, third) for i in page.items]
    assert seen == sorted((c.id for c in cases), reverse=True)
    assert third.next_cursor is None
    assert first.items[0].applicant_name_masked == "李*"


@pytest.mark.parametrize(
    "filters, expected",
    [
        (QueueFilters(township="白帝镇"), [7]),
        (QueueFilters(status=S.approved), [1]),
        (QueueFilters(klass="C"), [1]),
        (QueueFilters(handoff=True), [0]),
        (QueueFilters(due_before=date(2025, 4, 1)), [1]),
        (QueueFilters(due_before=date(2025, 3, 1)), []),
        (QueueFilters(township="吐祥镇", programme="dibao"), [6, 5, 4, 3, 2, 1, 0]),
        (QueueFilters(programme="dibao", township="白帝镇"), []),
        (QueueFilters(q="王三"), [2]),
        (QueueFilters(q="王"), [6, 5, 4, 3, 2, 1, 0]),
        (QueueFilters(q="138 0000 0003"), [3]),
        (QueueFilters(phone="+8613800000004"), [4]),
        (QueueFilters(q="500236199001011005"), [5]),
    ],
)
def test_filters_and_search(session, cipher, cases, filters, expected):
    page = search(session, filters, cipher=cipher)
    assert [i.id for i in page.items] == [cases[n].id for n in expected]
    assert page.total == len(expected)


def test_search_by_reference_is_case_insensitive(session, cases):
    page = search(session, QueueFilters(q=cases[3].reference.lower()))
    assert [i.id for i in page.items] == [cases[3].id]


@pytest.mark.parametrize(
    "term, kind",
    [
        ("fj7kq2mx", "reference"),
        ("50023619900101123x", "id_number"),
        ("13812345678", "phone"),
        ("张", "name"),
        ("12345", "name"),
    ],
)
def test_search_kinds(term, kind):
    assert search_kind(term)[0] == kind


def test_items_list_their_programmes(session, cases):
    item = search(session, QueueFilters(q="王一")).items[0]
    assert item.programmes[0] == "dibao" and "medical_assistance" in item.programmes
