"""Issue 13 ("Show"): after the end-to-end suite — every persona's application through the
real Rasa and action servers — neither the case store, nor Rasa's tracker store, nor any
log of the stack holds a full identity number. Runs last in tests/e2e (file order)."""

from __future__ import annotations

import pytest

from tests.personas.resident import load_all

pytestmark = pytest.mark.e2e


def test_no_full_identity_number_anywhere(stack):
    numbers = {p.facts["id_number"] for p in load_all() if p.facts.get("id_number")}
    assert len(numbers) > 100
    files = [f for f in stack["workdir"].rglob("*") if f.is_file()]
    assert any(f.name.startswith("tracker.db") for f in files)
    found = {}
    for path in files:
        data = path.read_bytes()
        leaked = [n for n in numbers if n.encode() in data or n.lower().encode() in data]
        if leaked:
            found[path.name] = leaked[:3]
    assert found == {}
