"""Headless Chromium from the system (Debian's `chromium`), driven by Playwright; nothing downloads a browser.

Missing chromium or Playwright fails these tests (they do not skip): `make test` installs both
(tools/install-test-system-deps.sh, the test extra).
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("COMICBOARD_CHROMIUM", "/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def browser(tmp_path_factory) -> Iterator[object]:
    """A Chromium context with a fresh profile, 1280×900."""
    if not Path(CHROMIUM).is_file():
        pytest.fail(f"{CHROMIUM} is missing: run `sh tools/install-test-system-deps.sh` (apt-get install chromium)")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.fail("Playwright is missing: pip install -e '.[test]'")
    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(
            str(profile), executable_path=CHROMIUM, args=ARGS, headless=True,
            viewport={"width": 1280, "height": 900}, accept_downloads=True)
        yield context
        context.close()


@pytest.fixture
def served(tmp_path) -> Iterator[tuple[str, Path]]:
    """A copy of examples/minimal.yaml, previewed by a running server: (page URL, spec path)."""
    from comicboard.preview.server import make_server

    spec = tmp_path / "minimal.yaml"
    shutil.copy(ROOT / "examples" / "minimal.yaml", spec)
    server = make_server(spec)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", spec
    server.shutdown()
    server.site.follower.stop()
    server.server_close()
