"""Errors of the rules engine, and one list format for every front end.

Bad input is either a pydantic ``ValidationError`` (the household is malformed) or a
:class:`NoStandard` (the household is well formed but no 低保 standard is in force on
``assessed_on``). :func:`error_list` turns both into ``[{"field", "message"}]`` with the
field as a dotted path (``members.0.age``), which the CLI prints and the API returns.
"""

from __future__ import annotations

from pydantic import ValidationError


class PolicyError(ValueError):
    """A household that validates but cannot be assessed; ``field`` names the culprit."""

    def __init__(self, field: str, message: str):
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


class NoStandard(PolicyError):
    """No rural 低保 standard is in force on the assessment date: no answer can be given."""

    def __init__(self, day: object):
        super().__init__(
            "assessed_on",
            f"no rural_dibao_standard is in force on {day} (the first value is dated later)",
        )


def field_path(location: tuple[int | str, ...]) -> str:
    """``("members", 0, "age")`` → ``"members.0.age"``; the whole input → ``"(root)"``."""
    return ".".join(str(part) for part in location) or "(root)"


def error_list(error: ValidationError | PolicyError) -> list[dict[str, str]]:
    """The errors as ``[{"field": "members.0.age", "message": "..."}]``."""
    if isinstance(error, PolicyError):
        return [{"field": error.field, "message": error.message}]
    return [
        {"field": field_path(item["loc"]), "message": item["msg"]}
        for item in error.errors(include_url=False)
    ]
