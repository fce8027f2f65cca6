"""The 33 townships and sub-districts (乡镇/街道) of Fengjie, with the short forms residents
use ("吐祥" for 吐祥镇). Loaded once from `data/townships.yaml`."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parent / "data" / "townships.yaml"


@lru_cache
def townships() -> tuple[str, ...]:
    return tuple(entry["name"] for entry in _entries())


@lru_cache
def _entries() -> tuple[dict, ...]:
    return tuple(yaml.safe_load(DATA.read_text(encoding="utf-8")))


@lru_cache
def _aliases() -> tuple[tuple[str, str], ...]:
    """(alias, official name), longest alias first so 太和土家族乡 wins over 太和."""
    pairs = []
    for entry in _entries():
        pairs.append((entry["name"], entry["name"]))
        for short in entry.get("short", []):
            pairs.append((short, entry["name"]))
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def find_township(text: str | None) -> str | None:
    """The official name of the township mentioned in `text`, or None."""
    if not text:
        return None
    cleaned = text.replace(" ", "").replace("奉节县", "").replace("奉节", "")
    for alias, name in _aliases():
        if alias in cleaned:
            return name
    return None
