"""The households of a roster: the rows of one household number (低保户编号 / 户编号), its
fields read from its 户主 row (or its first row when it has none), and each other way its
rows give those fields (for ``household_fields``, a kind of 信息不一致)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from cases.rosters.columns import GUARANTEE_COLUMNS, HEAD, Layout
from cases.rosters.members import Member, RowError, RowReader


@dataclass(slots=True, eq=False)
class Household:
    """One household of one roster, its members in file order."""

    layout: Layout
    number: str
    members: list[Member] = field(default_factory=list)
    head: Member | None = None

    @property
    def roster(self) -> str:
        return self.layout.roster

    @property
    def first(self) -> Member:
        """The 户主 row, or the first row when there is none."""
        return self.head or self.members[0]

    @property
    def fields(self) -> tuple:
        return self.first.fields

    def value(self, column: str):
        """A household field as the 户主 row (or the first row) gives it."""
        return self.fields[self.layout.household_fields.index(column)]

    @property
    def township(self) -> str:
        return self.fields[0]

    @property
    def village(self) -> str:
        return self.fields[1]

    @property
    def able_to_work(self) -> int:
        """How many members are able to work."""
        return sum(1 for m in self.members if m.able_to_work)

    @property
    def phone(self) -> str:
        """The 户主's 联系电话, else the first one given."""
        if self.first.phone:
            return self.first.phone
        return next((m.phone for m in self.members if m.phone), "")

    @property
    def monthly_per_capita(self) -> Decimal:
        """低保: 家庭月人均收入 (before the 低保 payment)."""
        return self.value("家庭月人均收入")

    @property
    def annual_per_capita(self) -> Decimal:
        """建档立卡: 年人均纯收入."""
        return self.value("年人均纯收入")

    @property
    def guarantees_unmet(self) -> list[str]:
        """建档立卡: the three guarantees answered 否 (``education``, ``medical``, ``housing``)."""
        return [key for column, key in GUARANTEE_COLUMNS.items() if self.value(column) is False]

    def disagreements(self) -> list[tuple[str, list[tuple[Member, object]]]]:
        """The household fields its rows disagree on: each with the rows that differ from
        the 户主 row (or the first row) and what they say."""
        reference = self.fields
        found = []
        for index, column in enumerate(self.layout.household_fields):
            others = [(m, m.fields[index]) for m in self.members
                      if m.fields[index] != reference[index]]  # fmt: skip
            if others:
                found.append((column, others))
        return found


def gather(
    rows: Iterable[tuple[int, tuple[str, ...]]],
    layout: Layout,
    file_name: str,
    digest: Callable[[str], bytes],
    errors: list[RowError],
) -> dict[str, Household]:
    """The roster's households by number, in the order they first appear; unreadable rows
    go to ``errors``."""
    reader = RowReader(layout, file_name, digest)
    households: dict[str, Household] = {}
    for number, cells in rows:
        member = reader.read(number, cells)
        if isinstance(member, RowError):
            errors.append(member)
            continue
        household = households.get(member.household)
        if household is None:
            household = households[member.household] = Household(layout, member.household)
        household.members.append(member)
        if household.head is None and member.relation in HEAD:
            household.head = member
    return households
