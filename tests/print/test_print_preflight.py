"""The shared print preflight (tools/preflight.py of the workspace) passes our PDF/X files with 0 errors.

Skipped when the script or its dependencies are missing: it needs pikepdf and at least two render engines
(pypdfium2, PyMuPDF, poppler's pdftoppm, Ghostscript). COMICBOARD_PREFLIGHT points at another copy.
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(os.environ.get("COMICBOARD_PREFLIGHT",
                             Path(__file__).resolve().parents[3] / "shared" / "tools" / "preflight.py"))


def _engines() -> int:
    mods = sum(importlib.util.find_spec(m) is not None for m in ("pypdfium2", "pymupdf"))
    return mods + sum(shutil.which(t) is not None for t in ("pdftoppm", "gs"))


pytestmark = pytest.mark.skipif(
    not SCRIPT.is_file() or importlib.util.find_spec("pikepdf") is None or _engines() < 2,
    reason="preflight script, pikepdf or two PDF render engines not available")


def test_preflight_reports_no_errors(pdfs, tmp_path):
    # Both targets at once: the script spends its time starting four render engines, not on our small file.
    runs = {f: subprocess.Popen([sys.executable, str(SCRIPT), str(pdfs[f]), "--target", f"x{f}", "--dpi", "20",
                                 "--render-dir", str(tmp_path / f), "--json", str(tmp_path / f"x{f}.json")],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for f in ("4", "1a")}
    for flavour, proc in runs.items():
        out, err = proc.communicate(timeout=300)
        assert proc.returncode in (0, 1), f"x{flavour}: the script itself failed:\n{err[-2000:]}"
        report = json.loads((tmp_path / f"x{flavour}.json").read_text(encoding="utf-8"))
        # A render engine missing from this machine says nothing about our file; every other error does.
        errors = [e for e in report["errors"] if not _engine_missing(e)]
        assert errors == [], f"x{flavour}:\n{out[-3000:]}"
        rendered = [k for k, v in report["info"]["renders"].items() if isinstance(v, dict) and "error" not in v]
        assert len(rendered) >= 2, f"x{flavour}: fewer than two engines rendered the page: {rendered}"


def _engine_missing(error: str) -> bool:
    return error.startswith("render: ") and ("ModuleNotFoundError" in error or "ImportError" in error)
