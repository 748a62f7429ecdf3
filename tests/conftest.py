"""Shared fixtures: the example boards, loaded once per session; hypothesis profiles; skips made failures."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

# Property tests draw the same examples on every run (`make test` is reproducible: a failure seen once is seen
# again); HYPOTHESIS_PROFILE=long draws fresh ones, many more (see tests/README.md).
settings.register_profile("default", derandomize=True, deadline=None, print_blob=True)
settings.register_profile("long", derandomize=False, deadline=None, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples"


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    """A skipped test is a failed one: a test that cannot find its tool or module must not pass silently."""
    outcome = yield
    report = outcome.get_result()
    if report.skipped and not hasattr(report, "wasxfail"):
        reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
        report.outcome = "failed"
        report.longrepr = f"skipped, which the suite does not allow (install what it needs): {reason}"


def pytest_addoption(parser):
    parser.addoption("--update-references", action="store_true", default=False,
                     help="rewrite the reference layouts and pictures of tests/references instead of comparing")
