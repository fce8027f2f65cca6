from cases.models import CaseStatus
from cases.procedure import move
from cases.reports.dashboard import counts
from tests.console_seed import file_assessed


def test_counts_by_township_status_and_programme(session, cipher):
    for township in ("吐祥镇", "吐祥镇", "白帝镇"):
        file_assessed(session, cipher, township=township)
    case = file_assessed(session, cipher, township="白帝镇", agriculture=400000)
    move(session, case, to=CaseStatus.visited, actor="x")
    everywhere = counts(session)
    assert everywhere.total == 4
    assert {c.key: c.count for c in everywhere.by_township} == {"吐祥镇": 2, "白帝镇": 2}
    statuses = {c.key: c.count for c in everywhere.by_status}
    assert statuses["received"] == 3 and statuses["visited"] == 1
    assert {c.key: c.count for c in everywhere.by_programme}["dibao"] == 3
    one = counts(session, township="白帝镇")
    assert one.total == 2 and {c.key: c.count for c in one.by_programme}["dibao"] == 1
    assert [c.label for c in one.by_status][:2] == ["受理", "入户调查"]
