"""What the browser tests (marker `browser`) share: Debian's headless Chromium and the rule
for a machine without it — skipped on a developer's machine, a failure under CI
(`CI=true`), where a missing browser must not pass for a green run."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]  # fmt: skip
MISSING = "Debian's chromium is not installed (apt-get install -y chromium)"


def require_chromium(path: str = CHROMIUM) -> None:
    """Skip (or, under CI, fail) the test when the browser is not there."""
    if Path(path).exists():
        return
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"{MISSING}; CI must run the browser tests", pytrace=False)
    pytest.skip(MISSING)


@contextmanager
def chromium() -> Iterator:
    """Debian's Chromium, headless, driven by Playwright; closed on leaving."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield browser
        finally:
            browser.close()
