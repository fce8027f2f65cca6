"""Quiet hours (免打扰时段): no SMS to residents between ``quiet_hours_start`` and
``quiet_hours_end`` (21:00–08:00 Asia/Shanghai by default, settings). Pure functions."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

from core.settings import Settings


def _clock(text: str) -> time:
    hours, minutes = text.split(":")
    return time(int(hours), int(minutes))


def is_quiet(moment: datetime, settings: Settings) -> bool:
    """``moment`` (timezone-aware) falls in the quiet hours."""
    local = moment.astimezone(ZoneInfo(settings.local_timezone)).time()
    start, end = _clock(settings.quiet_hours_start), _clock(settings.quiet_hours_end)
    if start == end:
        return False
    if start < end:
        return start <= local < end
    return local >= start or local < end


def next_sending_time(moment: datetime, settings: Settings) -> datetime:
    """``moment`` itself outside the quiet hours, else the end of them (in UTC)."""
    if not is_quiet(moment, settings):
        return moment.astimezone(timezone.utc)
    zone = ZoneInfo(settings.local_timezone)
    local = moment.astimezone(zone)
    end = _clock(settings.quiet_hours_end)
    candidate = local.replace(hour=end.hour, minute=end.minute, second=0, microsecond=0)
    if candidate <= local:
        candidate += timedelta(days=1)
    # Re-attach the zone after the date arithmetic (no DST in China, but stay correct).
    candidate = datetime.combine(candidate.date(), end, tzinfo=zone)
    return candidate.astimezone(timezone.utc)
