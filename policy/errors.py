"""The project's one input-error type, the rules engine's errors, and one list format for
every front end.

:class:`InputError` (``field``, ``message``) is raised by every data function that refuses
its input: the rules engine here, and above it the dated parameters, the procedure and the
staff accounts subclass it. It lives in ``policy`` because ``policy`` imports nothing of
the project and everything else may import ``policy``. The API answers it with the one 422
body (``api.errors``); the CLI prints ``field: message`` and exits 2.

Bad input is either a pydantic ``ValidationError`` (the household is malformed) or a
:class:`NoStandard` (the household is well formed but no 低保 standard is in force on
``assessed_on``). :func:`error_list` turns both into ``[{"field", "message"}]`` with the
field as a dotted path (``members.0.age``), which the CLI prints and the API returns.
"""

from __future__ import annotations

from pydantic import ValidationError


class InputError(ValueError):
    """Input that is refused; ``field`` (a dotted path, or None when no one field is at
    fault) names the culprit, ``message`` says why."""

    def __init__(self, field: str | None, message: str):
        super().__init__(f"{field}: {message}" if field else message)
        self.field = field
        self.message = message


class PolicyError(InputError):
    """A household that validates but cannot be assessed; ``field`` names the culprit."""

    def __init__(self, field: str, message: str):
        super().__init__(field, message)


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


def error_list(error: ValidationError | InputError) -> list[dict[str, str]]:
    """The errors as ``[{"field": "members.0.age", "message": "..."}]``."""
    if isinstance(error, InputError):
        return [{"field": error.field or "(root)", "message": error.message}]
    return [
        {"field": field_path(item["loc"]), "message": item["msg"]}
        for item in error.errors(include_url=False)
    ]
