"""Browser tests skip on a developer's machine without Chromium and fail under CI."""

import pytest

from tests.browser import require_chromium


def test_without_a_browser_a_developer_skips(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception):
        require_chromium("/nonexistent/chromium")


def test_without_a_browser_ci_fails(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception):
        require_chromium("/nonexistent/chromium")
