"""Helpers of the readers' table tests."""

from __future__ import annotations

from actions.reading.people.member_identity import new_member


def new_members(*spec: tuple[str, str, int | None]) -> list[dict]:
    """Members as the form keeps them, from (relation, label, age) triples."""
    return [new_member(relation, label, age) for relation, label, age in spec]
