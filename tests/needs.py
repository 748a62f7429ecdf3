"""What a test needs from the machine: a missing tool fails the test, naming how to install it; nothing skips."""

from __future__ import annotations

import shutil

import pytest

INSTALL = "run `sh tools/install-test-system-deps.sh` as root (`make test` does)"


def tool(name: str) -> str:
    """The path of the command `name`, or a failed test saying how to install it."""
    path = shutil.which(name)
    if path is None:
        pytest.fail(f"`{name}` is not installed: {INSTALL}", pytrace=False)
    return path


def examples(n: int) -> int:
    """A property test's example budget: `n` in the default profile, ten times more with HYPOTHESIS_PROFILE=long."""
    import os

    return n * (10 if os.environ.get("HYPOTHESIS_PROFILE") == "long" else 1)
