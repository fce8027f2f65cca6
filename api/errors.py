"""The one error body of the JSON API, for refused input (422) and for a township officer who
asks for another township (403):

    {"detail": [{"field": "members.0.age", "message": "Input should be less than or equal
                 to 120", "loc": ["body", "members", 0, "age"], "type": "less_than_equal"}]}

``field`` is the dotted path of the input at fault (``township``, ``members.0.age``),
``message`` says why (English, for developers; the staff pages word it in Chinese), ``loc``
adds where it came from (``body``, ``query``, ``path``) as FastAPI does, ``type`` a
machine-readable kind. FastAPI's own validation errors are mapped to the same body, and so
is every ``InputError`` a data function raises (policy, parameters, procedure, accounts),
so an API caller gets a 4xx naming the field, never a 500. So is a value the store itself
refuses (``DataError``: a NUL character, text longer than its column, a number out of its
range — PostgreSQL refuses what SQLite would keep). A body that cannot be read at all
(JSON that is not UTF-8, a broken form) is a 400 with the same body, the field ``(root)``.
Other refusals keep FastAPI's ``{"detail": "text"}`` (401, 404, 409).
"""

from __future__ import annotations

import logging
from typing import Any, NoReturn

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException

from cases.access import OtherTownship
from policy.errors import InputError, field_path

log = logging.getLogger(__name__)


class RequestRefused(Exception):
    """Refused input, answered with the one error body."""

    def __init__(self, status_code: int, problems: list[dict[str, Any]]):
        self.status_code = status_code
        self.problems = problems


def problem(where: str, field: str | None, message: str, kind: str = "value_error") -> dict:
    """One entry of the body; ``field`` None means the whole input (``(root)``)."""
    parts = [int(p) if p.isdigit() else p for p in field.split(".")] if field else []
    return {"field": field or "(root)", "message": message, "loc": [where, *parts], "type": kind}


def unprocessable(where: str, field: str | None, message: str) -> NoReturn:
    raise RequestRefused(422, [problem(where, field, message)])


def refused(error: InputError, where: str = "body") -> NoReturn:
    """Raise ``error`` as the API answers it: 403 for another township, else 422."""
    if isinstance(error, OtherTownship):
        raise RequestRefused(403,
                             [problem(where, error.field, error.message, "forbidden")])  # fmt: skip
    unprocessable(where, error.field, error.message)


def _from_validation(item: dict[str, Any]) -> dict[str, Any]:
    loc = list(item.get("loc") or ())
    where, path = (
        (loc[0], loc[1:]) if loc and loc[0] in ("body", "query", "path") else ("body", loc)
    )
    if item.get("type") == "json_invalid":
        path = []  # FastAPI puts the character offset here; the body as a whole is at fault
    return {"field": field_path(tuple(path)), "message": item.get("msg", ""),
            "loc": [where, *path], "type": item.get("type", "value_error")}  # fmt: skip


def install(app: FastAPI) -> None:
    @app.exception_handler(RequestRefused)
    async def _refused(request: Request, error: RequestRefused) -> JSONResponse:
        return JSONResponse({"detail": error.problems}, status_code=error.status_code)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, error: RequestValidationError) -> JSONResponse:
        body = {"detail": [_from_validation(item) for item in error.errors()]}
        return JSONResponse(body, status_code=422)

    @app.exception_handler(DataError)
    async def _unstorable(request: Request, error: DataError) -> JSONResponse:
        log.warning("%s %s: the store refused a value (%s)", request.method,
                    request.url.path, type(error.orig).__name__)  # fmt: skip
        body = {"detail": [problem("body", None, "a value does not fit the store", "data_error")]}
        return JSONResponse(body, status_code=422)

    @app.exception_handler(HTTPException)
    async def _unreadable(request: Request, error: HTTPException) -> Response:
        """FastAPI's 400 for a body it cannot parse, in the one error body."""
        if error.status_code == 400 and isinstance(error.detail, str):
            body = {"detail": [problem("body", None, error.detail, "body_unreadable")]}
            return JSONResponse(body, status_code=400, headers=error.headers)
        return await http_exception_handler(request, error)

    @app.exception_handler(InputError)
    async def _input(request: Request, error: InputError) -> JSONResponse:
        status_code = 403 if isinstance(error, OtherTownship) else 422
        body = {"detail": [problem("body", error.field, error.message)]}
        return JSONResponse(body, status_code=status_code)
