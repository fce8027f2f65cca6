"""The tables of the cross-check runs (信息比对) the console keeps: a run (the date, S and L,
the two files' names and SHA-256 checksums, who ran it, counts and unreadable rows), its
findings, and the townships each finding concerns (a 信息不一致 may span two).

Model families, as ``cases.models``: ``RosterRunBase`` and ``RosterFindingBase`` declare
what staff read once; the tables here and ``RunPublic``, ``FindingPublic`` in
``cases.rosters.shapes`` subclass them. Personal data: a finding keeps names and identity
numbers only masked in its columns; the household's full facts (names, identity numbers,
phone, members), needed to file a case or send an SMS, only encrypted (``details_encrypted``,
the store's identity cipher), with the members' keyed hashes to find their cases.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Column, Index, Text
from sqlmodel import Field, SQLModel

from core.database import utcnow


class RosterRunBase(SQLModel):
    """一次信息比对: what the check was run on, by whom, and what it found."""

    id: int | None = Field(default=None, primary_key=True)
    on: date
    standard: str = Field(max_length=32)  # S in force on ``on``, an exact decimal as text
    poverty_line: str = Field(max_length=32)  # L
    dibao_file: str = Field(max_length=255)
    dibao_sha256: str = Field(max_length=64)
    dibao_rows: int = 0  # member rows read (unreadable ones left out)
    registered_poor_file: str = Field(max_length=255)
    registered_poor_sha256: str = Field(max_length=64)
    registered_poor_rows: int = 0
    run_by: str = Field(max_length=64)
    created_at: datetime = Field(default_factory=utcnow)
    previous_run_id: int | None = Field(default=None, foreign_key="rosterrun.id")
    new_count: int = 0  # findings not in the previous run
    resolved_count: int = 0  # findings of the previous run not in this one


class RosterRun(RosterRunBase, table=True):
    counts: dict[str, int] = Field(default_factory=dict, sa_column=Column(JSON, nullable=False))
    errors: list[dict[str, Any]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )


class RosterFindingBase(SQLModel):
    """A finding as staff read it: personal data masked."""

    id: int | None = Field(default=None, primary_key=True)
    run_id: int = Field(foreign_key="rosterrun.id")
    category: str = Field(max_length=8)  # 应保未保, 应扶未扶, 应退未退, 信息不一致
    kind: str | None = Field(default=None, max_length=32)  # of 信息不一致
    clause: str = Field(max_length=16)
    roster: str | None = Field(default=None, max_length=16)  # dibao | registered_poor
    household: str | None = Field(default=None, max_length=64)  # the roster's number
    township: str = Field(default="", max_length=64)
    village: str = Field(default="", max_length=64)
    name_masked: str = Field(default="", max_length=64)
    id_masked: str = Field(default="", max_length=32)
    phone_masked: str | None = Field(default=None, max_length=32)
    reason: str = Field(sa_column=Column(Text, nullable=False))
    is_new: bool = False  # not in the previous run
    outcome: str | None = Field(default=None, max_length=8)  # 核实中, 已纳入, 不符合条件, 已退出
    outcome_note: str | None = Field(default=None, max_length=500)
    outcome_by: str | None = Field(default=None, max_length=64)
    outcome_at: datetime | None = None
    case_id: int | None = Field(default=None, foreign_key="case.id")
    invited_at: datetime | None = None


class RosterFinding(RosterFindingBase, table=True):
    key: str = Field(max_length=64)  # the same finding in another run has the same key
    households: list[dict[str, str]] = Field(
        default_factory=list, sa_column=Column(JSON, nullable=False)
    )  # [{"roster", "household", "township"}]
    rows: list[dict[str, Any]] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    member_hashes: list[str] = Field(default_factory=list, sa_column=Column(JSON, nullable=False))
    details_encrypted: str | None = Field(default=None, sa_column=Column(Text, nullable=True))

    __table_args__ = (
        Index("ix_rosterfinding_run_id_key", "run_id", "key"),
        Index("ix_rosterfinding_run_id_category", "run_id", "category"),
    )


class RosterFindingTownship(SQLModel, table=True):
    """A township a finding concerns: the one rule of who sees it (township staff their own)."""

    finding_id: int = Field(foreign_key="rosterfinding.id", primary_key=True)
    township: str = Field(primary_key=True, max_length=64)
    run_id: int = Field(foreign_key="rosterrun.id")

    __table_args__ = (Index("ix_rosterfindingtownship_run_id_township", "run_id", "township"),)
