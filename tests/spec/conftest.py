"""Fixtures for the loader tests: write a spec into tmp_path, load it, expect a SpecError."""

from __future__ import annotations

from pathlib import Path

import pytest

from comicboard.errors import SpecError
from comicboard.spec import load


@pytest.fixture
def write(tmp_path: Path):
    def _write(name: str, text: str | bytes) -> Path:
        p = tmp_path / name
        p.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
        return p
    return _write


@pytest.fixture
def fails(write):
    """Write a spec file, load it, and return the SpecError it must raise."""
    def _fails(name: str, text: str | bytes) -> SpecError:
        p = write(name, text)
        with pytest.raises(SpecError) as info:
            load(p)
        err = info.value
        assert err.file == str(p)
        assert err.hint, f"no hint in: {err}"
        return err
    return _fails
