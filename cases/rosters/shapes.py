"""The runs and findings of the cross-check as the API returns them and the pages render
them (personal data masked). ``RunPublic`` and ``FindingPublic`` subclass the tables'
bases (``cases.rosters.models``), so their shared fields are declared once."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from cases.models import CaseStatus
from cases.rosters.models import RosterFindingBase, RosterRunBase
from cases.shapes import ALWAYS_PRESENT


class RunPublic(RosterRunBase):
    """A run in the list of runs: its files, checksums, who ran it, counts."""

    model_config = ALWAYS_PRESENT

    id: int
    counts: dict[str, int]
    error_count: int


class RowErrorPublic(BaseModel):
    file: str
    row: int
    message: str


class TownshipCounts(BaseModel):
    township: str
    counts: dict[str, int]
    total: int


class RunSummary(BaseModel):
    """A run for one user: its findings by township and category (a township officer's
    own township only), what is new since the previous run and what it resolved; the
    unreadable rows for county staff."""

    run: RunPublic
    township: str | None
    counts: dict[str, int]
    by_township: list[TownshipCounts]
    new: int
    resolved: int
    errors: list[RowErrorPublic]


class FindingPublic(RosterFindingBase):
    """A finding: category, clause and reason, the household (masked), where it is in the
    files, and what staff recorded."""

    model_config = ALWAYS_PRESENT

    id: int
    households: list[dict[str, str]]
    rows: list[dict[str, Any]]


class FindingPage(BaseModel):
    items: list[FindingPublic]
    total: int
    next_cursor: int | None = None


class CaseLink(BaseModel):
    """A case of the finding's household (found by a member's keyed hash)."""

    id: int
    reference: str
    status: CaseStatus
    status_label: str
    township: str


class FindingDetail(FindingPublic):
    """One finding with what can be done: the household's cases, whether a phone is known."""

    cases: list[CaseLink]
    has_phone: bool


class FindingCase(BaseModel):
    """The case a finding was turned into (``created``) or linked to."""

    finding_id: int
    case_id: int
    reference: str
    status: CaseStatus
    created: bool
