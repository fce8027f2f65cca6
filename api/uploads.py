"""Uploaded rosters: each file copied to a temporary folder that lives as long as the
request (the check reads files, streaming), bounded in size; the name kept as the user's
file was called, for the errors and the run's record."""

from __future__ import annotations

from pathlib import Path

from fastapi import UploadFile

from cases.rosters.reading import RosterFile
from policy.errors import InputError

MAX_ROSTER_BYTES = 200 * 1024 * 1024  # far above a county's roster (200,000 rows ≈ 30 MB)


def saved_roster(upload: UploadFile | None, roster: str, folder: Path) -> RosterFile:
    """``upload`` written into ``folder`` as the roster ``roster``; ``InputError`` naming
        the field when it is missing, empty or too large (in Chinese, as the rosters' own errors:
    staff read them on the page)."""
    if upload is None or not upload.filename:
        raise InputError(roster, "请选择 CSV 或 XLSX 文件")
    path = folder / f"{roster}.upload"
    copied = 0
    with open(path, "wb") as out:
        while chunk := upload.file.read(1 << 20):
            copied += len(chunk)
            if copied > MAX_ROSTER_BYTES:
                raise InputError(roster, f"文件不能超过{MAX_ROSTER_BYTES // (1024 * 1024)} MB")
            out.write(chunk)
    if copied == 0:
        raise InputError(roster, "文件是空的")
    return RosterFile(roster, path, Path(upload.filename).name[:200])
