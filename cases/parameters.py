"""Dated parameter values added by county staff (参数), kept in the store and merged over the
values shipped with the rules engine (``policy/parameters/*.yaml``).

A value applies from its date: ``current_parameters`` is what new assessments use. Stored
assessments keep the values they were made with (each records its parameters), so adding a
value never changes an earlier decision.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from sqlalchemy import func
from sqlmodel import Session, col, select

from cases.models import ParameterValue
from cases.shapes import ParameterPublic, ValuePublic
from policy.errors import InputError
from policy.parameters import NAMES, DatedValue, ParameterSet, load_default

_cache: dict[str, tuple[tuple, ParameterSet]] = {}


class ParameterError(InputError):
    """A dated value that is refused; ``field`` names the input at fault."""


def staff_values(session: Session) -> list[DatedValue]:
    """Every staff-added value, oldest first (a later row for the same date wins)."""
    rows = session.exec(select(ParameterValue).order_by(col(ParameterValue.id))).all()
    return [_dated(row) for row in rows]


def _dated(row: ParameterValue) -> DatedValue:
    return DatedValue(
        name=row.name,
        effective_from=row.effective_from,
        value=Decimal(row.value),
        source=row.source,
        confirmed=row.confirmed,
        note=row.note,
    )


def current_parameters(session: Session) -> ParameterSet:
    """The shipped parameters with the staff values merged over them (cached per table state)."""
    key = session.exec(select(func.count(), func.max(ParameterValue.id))).one()
    bind = session.get_bind()
    url = f"{bind.url}#{id(bind)}"
    cached = _cache.get(url)
    if cached and cached[0] == tuple(key):
        return cached[1]
    parameters = load_default().with_values(staff_values(session))
    _cache[url] = (tuple(key), parameters)
    return parameters


def add_value(
    session: Session,
    *,
    name: str,
    effective_from: date,
    value: Decimal | int | float | str,
    source: str,
    actor: str,
    confirmed: bool = False,
    note: str | None = None,
) -> ParameterValue:
    """Record a new dated value; checked as the rules engine would check it."""
    if name not in NAMES:
        raise ParameterError("name", f"unknown parameter {name!r}")
    source = (source or "").strip()
    if not source:
        raise ParameterError("source", "the source (文件、通知) of the value is required")
    if len(source) > 500:
        raise ParameterError("source", "at most 500 characters")
    note = (note or "").strip() or None
    if note and len(note) > 500:
        raise ParameterError("note", "at most 500 characters")
    if not date(1990, 1, 1) <= effective_from <= date(2100, 12, 31):
        raise ParameterError("effective_from", "must be between 1990-01-01 and 2100-12-31")
    try:
        amount = Decimal(str(value).strip())
    except InvalidOperation:
        raise ParameterError("value", "must be a number") from None
    if not amount.is_finite() or amount < 0 or amount > Decimal("1e9"):
        raise ParameterError("value", "must be a number between 0 and 1000000000")
    amount = amount.normalize()
    if amount.as_tuple().exponent < -6:
        raise ParameterError("value", "at most 6 decimal places")
    try:
        dated = DatedValue(name, effective_from, amount, source, confirmed, note)
    except ValueError as error:
        raise ParameterError("value", str(error)) from None
    row = ParameterValue(
        name=dated.name,
        effective_from=dated.effective_from,
        value=format(dated.value, "f"),
        source=dated.source,
        confirmed=dated.confirmed,
        note=dated.note,
        added_by=actor,
    )
    session.add(row)
    session.flush()
    return row


def parameter_table(session: Session, *, on: date | None = None) -> list[ParameterPublic]:
    """Every parameter with its dated values (newest first) and the value in force ``on``."""
    on = on or date.today()
    parameters = current_parameters(session)
    added = {}
    for row in session.exec(select(ParameterValue).order_by(col(ParameterValue.id))).all():
        added[(row.name, row.effective_from)] = row.added_by
    table = []
    for name, parameter in parameters.parameters.items():
        values = [
            ValuePublic(
                effective_from=v.effective_from,
                value=int(v.value) if v.value == v.value.to_integral_value() else float(v.value),
                source=v.source,
                confirmed=v.confirmed,
                note=v.note,
                added_by=added.get((name, v.effective_from)),
            )
            for v in reversed(parameter.values)
        ]
        in_force = parameter.on(on)
        current = next(
            (v for v in values if in_force and v.effective_from == in_force.effective_from), None
        )
        table.append(
            ParameterPublic(
                name=name,
                unit=parameter.unit,
                description=parameter.description,
                reference=parameter.reference,
                in_force=current,
                values=values,
            )
        )
    return table
